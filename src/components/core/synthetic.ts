// The one place the synthetic-data label is written. Whether a figure is synthetic is never typed:
// it comes from the catalogue's `synthetic` flag of the tables behind the figure.

export const SYNTHETIC_LABEL = "DATA SINTETIS";
export const SYNTHETIC_MEANING = "dibangkitkan untuk demonstrasi, bukan data penduduk sebenarnya";

/** True when any of the tables behind a figure is synthetic. */
export function anySynthetic(sources: readonly { readonly synthetic: boolean | null }[]): boolean {
  return sources.some((s) => s.synthetic === true);
}

/** " (DATA SINTETIS)" after a source or caption of synthetic data, "" otherwise. */
export function syntheticSuffix(synthetic: boolean): string {
  return synthetic ? ` (${SYNTHETIC_LABEL})` : "";
}

/** "DATA SINTETIS: …" before a source of synthetic data. */
export function syntheticPrefix(synthetic: boolean, text: string): string {
  return synthetic ? `${SYNTHETIC_LABEL}: ${text}` : text;
}

/** The caption of an export or table of synthetic data. */
export const SYNTHETIC_CAPTION = `${SYNTHETIC_LABEL}: ${SYNTHETIC_MEANING}.`;
