// Which observations of a series the trend may use. A trend is only meaningful within one
// comparable stretch of a series (same survey round, same poverty line), and only positive values
// can be log-transformed; every point left out is reported with its reason, never dropped silently.

export interface SeriesPoint {
  readonly year: number;
  /** null (or NaN) when the year has no published figure. */
  readonly value: number | null;
}

export type ExclusionReason =
  | "missing" // no figure for this year
  | "negative" // a rate below 0 is a data error
  | "zero" // a true 0 cannot be log-transformed; kept as the latest observation if it is the last one
  | "before_break" // before a method change (e.g. the 2025 switch of the extreme-poverty line)
  | "before_from_year" // before the window start chosen by the caller
  | "beyond_last_n"; // older than the last N points chosen by the caller

export interface ExcludedPoint {
  readonly year: number;
  readonly value: number | null;
  readonly reason: ExclusionReason;
  /** Why, in Indonesian, for the page. */
  readonly message: string;
}

export interface WindowOptions {
  /**
   * Years in which the series method changed: a break in year Y means points before Y are not
   * comparable with Y and later. The window starts at the latest break not after the last point.
   */
  readonly breakYears?: readonly number[];
  /** Drop points before this year. */
  readonly fromYear?: number;
  /** Fit at most this many of the most recent usable points (default: all in the window). */
  readonly lastN?: number;
}

export interface SeriesWindow {
  /** Points the trend is fitted on: positive values, sorted by year. */
  readonly fitPoints: readonly { year: number; value: number }[];
  /** Points left out, sorted by year, each with its reason. */
  readonly excluded: readonly ExcludedPoint[];
  /** The most recent valid observation (value ≥ 0) in the window, whether or not it is fitted. */
  readonly latest: { year: number; value: number } | null;
  /** First year of the comparable window (after breaks and fromYear), null for an empty series. */
  readonly windowStart: number | null;
}

/** Input the projection cannot interpret; the message is Indonesian and shown to users. */
export class SeriesInputError extends Error {
  override name = "SeriesInputError";
}

/** Throws SeriesInputError on a non-finite year or on two points with the same year. */
export function checkSeries(series: readonly SeriesPoint[]): void {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const point of series) {
    if (!Number.isFinite(point.year)) {
      throw new SeriesInputError(`Tahun tidak valid dalam seri: ${String(point.year)}.`);
    }
    if (seen.has(point.year)) duplicates.add(point.year);
    seen.add(point.year);
  }
  if (duplicates.size > 0) {
    const years = [...duplicates].sort((a, b) => a - b).join(", ");
    throw new SeriesInputError(
      `Tahun ganda dalam seri: ${years}. Pisahkan seri Maret dan September, atau pilih satu angka per tahun.`
    );
  }
}

const MESSAGES: Record<ExclusionReason, (year: number) => string> = {
  missing: (y) => `${y}: tidak ada angka.`,
  negative: (y) => `${y}: nilai negatif tidak valid untuk suatu persentase.`,
  zero: (y) => `${y}: nilai 0 tidak dapat dilogaritmakan sehingga tidak ikut dalam garis tren.`,
  before_break: (y) => `${y}: sebelum perubahan metode/garis kemiskinan, tidak sebanding dengan data sesudahnya.`,
  before_from_year: (y) => `${y}: di luar jendela tahun yang dipilih.`,
  beyond_last_n: (y) => `${y}: lebih lama dari jumlah titik terakhir yang dipakai.`
};

function excluded(year: number, value: number | null, reason: ExclusionReason): ExcludedPoint {
  return { year, value, reason, message: MESSAGES[reason](year) };
}

/** Select the comparable, usable points of a series (sorted by year). Validates it first. */
export function selectWindow(series: readonly SeriesPoint[], options: WindowOptions = {}): SeriesWindow {
  checkSeries(series);
  if (options.lastN !== undefined && !(Number.isInteger(options.lastN) && options.lastN >= 2)) {
    throw new SeriesInputError(`Jumlah titik terakhir (lastN) harus bilangan bulat ≥ 2, bukan ${options.lastN}.`);
  }
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const lastYear = sorted.at(-1)?.year;
  if (lastYear === undefined) return { fitPoints: [], excluded: [], latest: null, windowStart: null };

  const breakStart = Math.max(-Infinity, ...(options.breakYears ?? []).filter((y) => y <= lastYear));
  const windowStart = Math.max(breakStart, options.fromYear ?? -Infinity, sorted[0]!.year);

  const out: ExcludedPoint[] = [];
  const positive: { year: number; value: number }[] = [];
  let latest: { year: number; value: number } | null = null;
  for (const { year, value } of sorted) {
    if (year < breakStart) out.push(excluded(year, value, "before_break"));
    else if (options.fromYear !== undefined && year < options.fromYear) out.push(excluded(year, value, "before_from_year"));
    else if (value === null || !Number.isFinite(value)) out.push(excluded(year, value, "missing"));
    else if (value < 0) out.push(excluded(year, value, "negative"));
    else {
      latest = { year, value };
      if (value === 0) out.push(excluded(year, value, "zero"));
      else positive.push({ year, value });
    }
  }

  const keep = options.lastN === undefined ? positive.length : Math.min(options.lastN, positive.length);
  const dropped = positive.slice(0, positive.length - keep);
  for (const p of dropped) out.push(excluded(p.year, p.value, "beyond_last_n"));
  out.sort((a, b) => a.year - b.year);

  return { fitPoints: positive.slice(positive.length - keep), excluded: out, latest, windowStart };
}
