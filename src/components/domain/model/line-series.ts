// The two extreme-poverty lines BPS has used, and the one statement of when each applies. Every
// module that needs a line's period (poverty_lines, the snapshot derivation, the estimator, the
// trend breaks) reads it here.
//
// BPS measured extreme poverty on the World Bank's US$1,90 (PPP 2011) line until the March 2024
// round (0,83% nationally) and moved to US$2,15 (PPP 2017) in its July 2025 release, which also
// restated March 2024 (1,26%) and September 2024 (0,99%) on the new line. So March 2024 is measured
// on both lines, the old line ends there and the new line starts there. The two are different
// definitions: a parameter fitted on one is never used for the other, and no series joins them.

export const LINE_SERIES = ["usd190_ppp2011", "usd215_ppp2017"] as const;
export type LineSeries = (typeof LINE_SERIES)[number];

export const OLD_SERIES: LineSeries = "usd190_ppp2011";
/** The line in force, the one status and targets are judged on. */
export const CURRENT_SERIES: LineSeries = "usd215_ppp2017";

export interface Round {
  readonly year: number;
  readonly month: number;
}

/** First and last survey round measured on each line (null = still in force). */
export const LINE_PERIOD: Readonly<Record<LineSeries, { readonly first: Round | null; readonly last: Round | null }>> = {
  usd190_ppp2011: { first: null, last: { year: 2024, month: 3 } },
  usd215_ppp2017: { first: { year: 2024, month: 3 }, last: null }
};

export const SERIES_LABEL_ID: Readonly<Record<LineSeries, string>> = {
  usd190_ppp2011: "garis lama (US$1,90 PPP 2011)",
  usd215_ppp2017: "garis baru (US$2,15 PPP 2017)"
};

/** Indonesian sentence for pages and table descriptions. */
export const LINE_PERIOD_TEXT_ID =
  "BPS memakai garis kemiskinan ekstrem US$1,90 PPP 2011 sampai putaran Maret 2024 dan garis US$2,15 PPP 2017 sejak putaran Maret 2024 " +
  "(Maret 2024 dihitung dengan kedua garis: 0,83% dan 1,26% secara nasional); kedua garis tidak sebanding dan tidak pernah disambung.";

const order = (r: Round): number => r.year * 12 + r.month;

/** Whether BPS measured the round on the line (its published period). */
export function measuredOn(series: LineSeries, year: number, month: number): boolean {
  const { first, last } = LINE_PERIOD[series];
  const t = order({ year, month });
  return (first === null || t >= order(first)) && (last === null || t <= order(last));
}

/** The lines BPS measured a round on: both for March 2024, one otherwise. */
export function seriesForRound(year: number, month: number): LineSeries[] {
  return LINE_SERIES.filter((s) => measuredOn(s, year, month));
}

/** The first March measured on the current line: the break for annual (March) series. */
export const CURRENT_LINE_FIRST_YEAR = LINE_PERIOD[CURRENT_SERIES].first!.year;

export function isLineSeries(value: string | null | undefined): value is LineSeries {
  return (LINE_SERIES as readonly string[]).includes(value ?? "");
}
