// Pure derivation of the tidy BPS snapshot (data/reference/bps/*.csv) from the published reference
// files. Nothing is computed except unit changes (thousands/millions → persons); every other cell is
// copied as published, and an empty cell stays empty.
import { parseCsvObjects } from "../lib/csv.js";
import type { CountUnit, ExtremeKind } from "./rows.js";
import { scaleDecimal } from "./units.js";
import { LINE_PERIOD, OLD_SERIES, seriesForRound, type LineSeries } from "../../src/components/domain/model/line-series.js";

export const POVERTY_HEADER = ["region_kode", "year", "month", "poor_count", "p0_pct", "poverty_line_rp", "p1", "p2", "source", "note"] as const;
export const EXTREME_HEADER = [
  "region_kode", "year", "month", "kind", "extreme_pct", "extreme_count", "count_unit", "line_rp", "line_basis", "series", "for_validation", "source", "note"
] as const;
export const TARGETS_HEADER = ["region_kode", "indicator", "year", "value", "basis", "is_current", "source", "note"] as const;

type Record_ = Record<string, string>;

function field(row: Record_, name: string, line: number, file: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`${file} line ${line}: column ${name} is missing`);
  return value.trim();
}

function surveyMonth(text: string, line: number, file: string): string {
  if (text !== "3" && text !== "9") throw new Error(`${file} line ${line}: month must be 3 or 9, got "${text}"`);
  return text;
}

/** bps_poverty rows: province and kab/kota (thousands of persons) plus Indonesia (millions), sorted by key. */
export function derivePovertyRecords(kabkotaCsv: string, nationalCsv: string): Record_[] {
  const out: Record_[] = [];
  const sources: [string, string, string, number][] = [
    [kabkotaCsv, "bps_poverty_kabkota.csv", "poor_thousands", 3],
    [nationalCsv, "national_poverty.csv", "poor_millions", 6]
  ];
  for (const [text, file, countColumn, power] of sources) {
    for (const { line, row } of parseCsvObjects(text)) {
      const count = field(row, countColumn, line, file);
      out.push({
        region_kode: field(row, "region_kode", line, file),
        year: field(row, "year", line, file),
        month: surveyMonth(field(row, "month", line, file), line, file),
        poor_count: count === "" ? "" : String(scaleDecimal(count, power)),
        p0_pct: field(row, "p0_pct", line, file),
        poverty_line_rp: field(row, "poverty_line_rp", line, file),
        p1: row.p1?.trim() ?? "",
        p2: row.p2?.trim() ?? "",
        source: field(row, "source", line, file),
        note: row.note?.trim() ?? ""
      });
    }
  }
  return out.sort(byKey("region_kode", "year", "month"));
}

function byKey(...names: string[]) {
  return (a: Record_, b: Record_) => {
    for (const name of names) {
      const x = a[name] ?? "";
      const y = b[name] ?? "";
      const numeric = /^\d+$/.test(x) && /^\d+$/.test(y) && name !== "region_kode";
      const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      if (order !== 0) return order;
    }
    return 0;
  };
}

const TAGS: Record<string, ExtremeKind> = {
  "[SURVEY]": "survey",
  "[REGISTRY]": "registry",
  "[UNCLEAR]": "unclear",
  "[LINE-ONLY]": "line_only"
};

/** The kind from a note's leading tag; a note whose tags disagree is refused rather than guessed. */
export function kindFromNote(note: string): ExtremeKind {
  const tags = [...note.matchAll(/\[(SURVEY|REGISTRY|UNCLEAR|LINE-ONLY)\]/g)].map((m) => m[0]);
  const first = /^\s*(\[[A-Z-]+\])/.exec(note)?.[1];
  if (!first || !(first in TAGS)) throw new Error(`note does not start with a known tag: "${note.slice(0, 60)}"`);
  if (tags.some((tag) => tag !== first)) throw new Error(`note mixes tags ${[...new Set(tags)].join(", ")}`);
  return TAGS[first]!;
}

const OLD_LINE = "US$1.90 PPP 2011 per kapita per hari (garis lama BPS)";
const NEW_LINE = "US$2.15 PPP 2017 per kapita per hari (garis baru BPS sejak rilis 2025)";
const LINE_TEXT: Readonly<Record<LineSeries, string>> = { usd190_ppp2011: OLD_LINE, usd215_ppp2017: NEW_LINE };

/**
 * The line of a survey row the reference does not label (line-series.ts holds the periods). The
 * reference compiled its rows before BPS restated March 2024 on the new line, so a row of the round
 * measured on both lines (March 2024) is the old-line figure (reference README §3, caveat 2); a row
 * without a month is old before the new line's first year.
 */
export function surveySeries(year: number, month: number | null): LineSeries {
  if (month === null) return year < LINE_PERIOD.usd215_ppp2017.first!.year ? OLD_SERIES : "usd215_ppp2017";
  const lines = seriesForRound(year, month);
  return lines.length === 1 ? lines[0]! : OLD_SERIES;
}

export function surveyLineBasis(year: number, month: number | null): string {
  return LINE_TEXT[surveySeries(year, month)];
}

interface Annotation {
  readonly count_unit?: CountUnit;
  readonly line_basis?: string;
  /** Relabelling after the December 2026 review: why the row's percentage is not an extreme-poverty rate (the value moves into the note). */
  readonly not_a_rate?: string;
  /** Relabelling after the review: a caveat shown beside the figure, prepended to the note. */
  readonly caveat?: string;
  /** A survey rate kept as context only (never calibrated on or scored), with the reason shown beside it. */
  readonly context?: string;
  /** A rate the source gives only as a change from a published level: the level, and how it follows. */
  readonly rate_from_change?: { readonly value: string; readonly how: string };
  /** The line of a survey row whose source names it (overrides the period rule of surveySeries). */
  readonly series?: LineSeries;
}

/**
 * Per-row decisions read from each row's note and source (key: region|year|month|kind). Every row with
 * a count needs a unit here and every row with a line needs its basis, so no unit is ever inferred.
 */
export const EXTREME_ANNOTATIONS: Readonly<Record<string, Annotation>> = {
  "00|2021||line_only": { line_basis: "Rp per orang per bulan (BPS 2021, setara Rp10.739 per orang per hari), dikutip Dinsos Kab. Serang" },
  "00|2023|3|survey": { line_basis: "US$1.90 PPP 2011 per hari, dinyatakan Rp per kapita per bulan (garis lama BPS)" },
  "00|2018||survey": {
    context: "Dikutip 3,6% (katadata, detik) dan 2,6% (rmol) dari pernyataan yang sama, bulan survei tidak disebut: hanya konteks, tidak dipakai untuk kalibrasi atau validasi."
  },
  "00|2024|9|survey": {
    count_unit: "jiwa", // Susenas estimate of persons ("juta orang" in the source)
    rate_from_change: {
      value: "0.99",
      how: "0,99% = 0,85% (Maret 2025) + 0,14 poin, penurunan dari September 2024 yang disebut BPS pada garis baru (kontan; telaah Desember 2026: 0,99%)."
    }
  },
  "00|2025|3|survey": { count_unit: "jiwa" }, // "2,38 juta orang"
  "36|2022||unclear": {
    count_unit: "keluarga",
    caveat: "Kemungkinan angka survei: 45.571 keluarga × sekitar 3,4 jiwa per keluarga ≈ 1,18% basis penduduk BPS, sama dengan angka survei Banten 2022 (telaah Desember 2026)."
  }, // "count of KELUARGA (families)"
  "36|2022|10|registry": { count_unit: "jiwa" }, // "4,1 juta penduduk"
  "36|2023|2|unclear": {
    count_unit: "jiwa",
    caveat: "Kemungkinan angka survei: 165 ribu ≈ 1,2% basis penduduk BPS Banten (13,73 juta), dekat angka survei 2022 (telaah Desember 2026)."
  }, // "sekitar 165 ribu orang"
  "36|2023|3|unclear": {
    caveat: "Bertentangan dengan P1 Banten Maret 2023 (1,204): model dua parameter memberi sekitar 1,0%; tidak dipakai dalam deret, validasi, atau status (telaah Desember 2026)."
  },
  "36|2023|11|registry": { count_unit: "keluarga" },
  "3601|2022||registry": { count_unit: "jiwa" }, // "persons" (140.258 jiwa)
  "3601|2022|10|registry": {
    count_unit: "jiwa",
    not_a_rate: "46,94% adalah bagian penduduk Pandeglang yang tercatat dalam daftar P3KE, bukan persentase penduduk miskin ekstrem."
  }, // P3KE "individu"
  "3601|2023|11|registry": { count_unit: "keluarga" },
  "3602|2023|11|registry": { count_unit: "keluarga" },
  "3602|2024||registry": {
    count_unit: "jiwa",
    not_a_rate: "0,8% dari sumber yang sama adalah ukuran lain: 30.115 jiwa setara 2,0–2,3% penduduk Lebak; baris ini hanya memuat hitungan daftar."
  }, // "5698 KK / 30115 jiwa"
  "3603|2020||survey": {
    count_unit: "jiwa",
    line_basis: "Rp per bulan, dibulatkan seperti dikutip Kepala BPS Kab. Tangerang (garis lama US$1.90 PPP 2011)",
    context: "Hanya konteks: metode awal BPS pada tahun COVID (garis sekitar Rp435.000); tidak dipakai untuk tren, status, kalibrasi, atau validasi."
  },
  "3603|2023|11|registry": { count_unit: "keluarga" },
  "3604|2023|11|registry": { count_unit: "keluarga" },
  "3671|2023|11|registry": { count_unit: "keluarga" },
  "3672|2023|11|registry": { count_unit: "keluarga" },
  "3672|2025|8|registry": { count_unit: "jiwa" }, // DTSEN desil 1, "jiwa"
  "3673|2023|9|registry": { count_unit: "KK" }, // "KEPALA KELUARGA (households)"
  "3673|2023|11|registry": { count_unit: "keluarga" },
  "3673|2023|12|registry": { count_unit: "KK" },
  "3673|2024||registry": { count_unit: "jiwa", line_basis: "kriteria Dinsos Kota Serang: penghasilan di bawah Rp400.000 per bulan (bukan garis BPS)" },
  "3674|2023|11|registry": { count_unit: "keluarga" }
};

/**
 * Survey rates the reference lacks, entered after the December 2026 review, each with its source and
 * how the level follows from what BPS stated (rows in the published file's columns and tags).
 */
export const EXTREME_ADDITIONS: readonly Record_[] = [
  {
    region_kode: "00",
    region_nama: "Indonesia",
    year: "2024",
    month: "3",
    extreme_pct: "1.26",
    extreme_count: "3560000",
    count_unit: "jiwa",
    line_rp: "",
    series: "usd215_ppp2017",
    source:
      "https://nasional.kontan.co.id/news/angka-kemiskinan-ekstrem-di-indonesia-capai-238-juta-orang-per-maret-2025 ; " +
      "https://redaksiterkini.com/orang-miskin-ekstrem-ri-turun-jauh-dibandingkan-proyeksi-bank-dunia-42112.html",
    note:
      "[SURVEY] BPS Susenas Maret 2024 dihitung ulang dengan garis baru US$2.15 PPP 2017 (rilis Juli 2025): BPS menyebut Maret 2025 0,85% / 2,38 juta orang, " +
      "turun 0,41 poin dan 1,18 juta orang dari Maret 2024, jadi Maret 2024 = 1,26% / 3,56 juta orang (telaah Desember 2026: 1,26%, 3,56 juta). " +
      "Garis lama untuk putaran yang sama: 0,83%."
  }
];

/** bps_extreme_poverty rows with kind, unit, line basis and series made explicit. */
export function deriveExtremeRecords(extremeCsv: string, annotations = EXTREME_ANNOTATIONS, additions: readonly Record_[] = EXTREME_ADDITIONS): Record_[] {
  const file = "extreme_poverty.csv";
  const used = new Set<string>();
  const rowKeys = new Set<string>();
  const out: Record_[] = [];
  // Additions carry their series and count unit themselves; published rows get theirs from the annotations.
  const records = [...parseCsvObjects(extremeCsv).map((r) => ({ ...r, added: false })), ...additions.map((row, i) => ({ line: i + 1, row, added: true }))];
  for (const { line, row, added } of records) {
    const where = added ? `EXTREME_ADDITIONS[${line - 1}]` : `${file} line ${line}`;
    const note = field(row, "note", line, file);
    const kind = kindFromNote(note);
    const year = field(row, "year", line, file);
    const month = field(row, "month", line, file);
    const key = `${field(row, "region_kode", line, file)}|${year}|${month}|${kind}`;
    const annotation: Annotation = added ? { ...(row.count_unit ? { count_unit: row.count_unit as CountUnit } : {}), ...(row.series ? { series: row.series as LineSeries } : {}) } : (annotations[key] ?? {});
    if (!added) used.add(key);
    const series = kind === "survey" ? (annotation.series ?? surveySeries(Number(year), month === "" ? null : Number(month))) : null;
    const rowKey = `${key}|${series ?? ""}`;
    if (rowKeys.has(rowKey)) throw new Error(`${where}: duplicate row ${rowKey}`);
    rowKeys.add(rowKey);
    const noteText = [
      note,
      annotation.not_a_rate ? `[TELAAH] ${annotation.not_a_rate}` : "",
      annotation.caveat ? `[TELAAH] ${annotation.caveat}` : "",
      annotation.context ? `[TELAAH] ${annotation.context}` : "",
      annotation.rate_from_change ? `[TELAAH] ${annotation.rate_from_change.how}` : ""
    ].filter(Boolean).join(" | ");
    const count = field(row, "extreme_count", line, file);
    const lineRp = field(row, "line_rp", line, file);
    if (count !== "" && !annotation.count_unit) throw new Error(`${where}: count ${count} has no unit decided in EXTREME_ANNOTATIONS (${key})`);
    if (lineRp !== "" && !annotation.line_basis) throw new Error(`${where}: line ${lineRp} has no basis decided in EXTREME_ANNOTATIONS (${key})`);
    const lineBasis = annotation.line_basis ?? (series ? LINE_TEXT[series] : "");
    const published = field(row, "extreme_pct", line, file);
    const pct = annotation.not_a_rate ? "" : published === "" && annotation.rate_from_change ? annotation.rate_from_change.value : published;
    out.push({
      region_kode: key.split("|")[0]!,
      year,
      month,
      kind,
      extreme_pct: pct,
      extreme_count: count,
      count_unit: annotation.count_unit ?? "",
      line_rp: lineRp,
      line_basis: lineBasis,
      series: series ?? "",
      for_validation: kind === "survey" ? String(!annotation.context) : "",
      source: field(row, "source", line, file),
      note: noteText
    });
  }
  const unused = Object.keys(annotations).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`annotations match no row: ${unused.join(", ")}`);
  return out.sort(byKey("region_kode", "year", "month", "kind", "series"));
}

/**
 * National targets for the extreme-poverty rate. No RPJMD target for Banten or a kab/kota was found,
 * so the national rows apply to every region.
 */
export const TARGET_RECORDS: readonly Record_[] = [
  {
    region_kode: "00",
    indicator: "extreme_poverty_pct",
    year: "2024",
    value: "0",
    basis: "Inpres No. 4 Tahun 2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0% pada 2024",
    is_current: "false",
    source:
      "Instruksi Presiden Nomor 4 Tahun 2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem (8 Juni 2022; berlaku s.d. 31 Desember 2024): " +
      "https://www.idntimes.com/news/indonesia/lia-hutasoit-1/hapus-kemiskinan-ekstrem-pada-2024-pemerintah-terbitkan-inpres ; " +
      "https://koranbumn.com/?p=179121 ; https://banten.antaranews.com/amp/berita/265224/angka-kemiskinan-ekstrem-di-kabupaten-serang-menurun",
    note: "Riwayat: digantikan target RPJMN 2025–2029 (0% pada 2026). Target nasional, berlaku untuk semua wilayah."
  },
  {
    region_kode: "00",
    indicator: "extreme_poverty_pct",
    year: "2026",
    value: "0",
    basis: "RPJMN 2025–2029: kemiskinan ekstrem 0% pada 2026",
    is_current: "true",
    source:
      "Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 2025–2029, disampaikan Kepala Bappenas pada Musrenbangnas RPJMN 2025–2029 (30 Desember 2024): " +
      "https://suaraindonews.com/rpjmn-2025-2029-target-0-kemiskinan-ekstrem-pada-2026-ekonomi-tumbuh-8/ ; " +
      "https://banten.suara.com/amp/read/2025/09/11/141451/secercah-harapan-untuk-18000-warga-serang-bansos-rp22-miliar-mengalir",
    note: "Target nasional yang berlaku; tidak ditemukan target RPJMD Banten atau kab/kota, jadi berlaku untuk semua wilayah."
  }
];
