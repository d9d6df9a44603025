// How the 2026 target of 0% is read. (The statuses and their labels live in model-status.ts.)

/**
 * How a target of 0% is read. A log-linear trend never reaches exactly 0 and the relative decline
 * needed to reach 0 is 100% whatever the starting level, so a 0% target is treated as "at most
 * 0.5%": the upper end of the government's own 2026 extreme-poverty target range of 0–0.5% agreed
 * for RAPBN 2026 (Panja, 22 Jul 2025) and announced in the Nota Keuangan (15 Aug 2025).
 */
export const ZERO_TARGET_FLOOR = {
  value: 0.5,
  basis: "Sasaran tingkat kemiskinan ekstrem 2026 sebesar 0–0,5% dalam RAPBN 2026 (Nota Keuangan, 15 Agustus 2025)",
  source:
    "https://www.bloombergtechnoz.com/detail-news/80800/rapbn-2026-angka-kemiskinan-turun-untuk-ekstrem-0-0-5 ; " +
    "https://nasional.kontan.co.id/news/sasaran-indikator-pembangunan-target-kemiskinan-ekstrem-naik-jadi-05-di-rapbn-2026"
} as const;
