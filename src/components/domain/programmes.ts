// The one home of the programme vocabulary: who funds a programme, which Inpres 4/2022 strategy it
// serves, how the scenario model treats its effect, each with its Indonesian label. The programme
// catalogue (data/reference/programmes/programmes.csv) is validated against these codes by the
// loaders; pages label with them.

export const FUNDERS = ["pusat", "provinsi", "kota", "kabupaten", "csr", "baznas"] as const;
export type Funder = (typeof FUNDERS)[number];

export const FUNDER_LABEL: Readonly<Record<Funder, string>> = {
  pusat: "Pusat",
  provinsi: "Provinsi",
  kota: "Kota",
  kabupaten: "Kabupaten",
  csr: "CSR",
  baznas: "BAZNAS"
};

/** The three strategies of Inpres 4/2022. */
export const STRATEGIES = ["kurangi_beban", "tingkatkan_pendapatan", "kurangi_kantong"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABEL: Readonly<Record<Strategy, string>> = {
  kurangi_beban: "Mengurangi beban pengeluaran",
  tingkatkan_pendapatan: "Meningkatkan pendapatan",
  kurangi_kantong: "Menghapus kantong kemiskinan"
};

/** How the scenario model treats a programme (DESIGN §4). */
export const EFFECTS = ["transfer", "graduation", "housing", "health_cover"] as const;
export type Effect = (typeof EFFECTS)[number];

export const EFFECT_LABEL: Readonly<Record<Effect, string>> = {
  transfer: "bantuan tunai/pangan (menambah konsumsi)",
  health_cover: "jaminan kesehatan (tidak menambah konsumsi yang diukur)",
  housing: "perumahan (tidak menambah konsumsi yang diukur)",
  graduation: "pemberdayaan (peluang graduasi per tahun)"
};

export function isFunder(value: string | null | undefined): value is Funder {
  return (FUNDERS as readonly string[]).includes(value ?? "");
}

export function isStrategy(value: string | null | undefined): value is Strategy {
  return (STRATEGIES as readonly string[]).includes(value ?? "");
}

/** The label of a funder code; an unknown code (a new file's own spelling) is shown as written. */
export function funderLabel(code: string): string {
  return isFunder(code) ? FUNDER_LABEL[code] : code;
}

export function strategyLabel(code: string): string {
  return isStrategy(code) ? STRATEGY_LABEL[code] : code;
}

export function effectLabel(code: string): string {
  return (EFFECTS as readonly string[]).includes(code) ? EFFECT_LABEL[code as Effect] : code;
}
