// The one home of the boundary attribution the licence asks for, under every map, in the site footer
// and on the Sumber data page. Plain strings (no DOM), so observablehq.config.ts can read it too.

export const BOUNDARY_SOURCE = {
  name: "cahyadsn/wilayah_boundaries",
  url: "https://github.com/cahyadsn/wilayah_boundaries",
  licence: "MIT",
  holder: "© 2024 Cahya DSN",
  codes: "kode Kemendagri 2025",
  /** Number of the Kemendagri decree the codes and boundaries follow. */
  decree: "300.2.2-2138/2025"
} as const;

const { name, url, licence, holder, codes } = BOUNDARY_SOURCE;

/** The line under a map. */
export const BOUNDARY_ATTRIBUTION = `Batas wilayah: ${name} (${licence}, ${holder}), ${codes}, disederhanakan.`;

/** The same line with the repository linked, as HTML for the site footer. */
export const BOUNDARY_ATTRIBUTION_HTML = `Batas wilayah: <a href="${url}">${name}</a> (${licence}, ${holder}), ${codes}, disederhanakan.`;

/** The licence note of the Sumber data page, after the linked name. */
export const BOUNDARY_LICENCE_NOTE = `lisensi ${licence}, ${holder}; kode Kemendagri ${BOUNDARY_SOURCE.decree}; disederhanakan untuk visualisasi statistik dan tidak berkekuatan hukum.`;
