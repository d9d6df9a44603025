// extreme_estimates, extreme_validation, extreme_calibration: the calibrated extreme-poverty model
// (src/components/domain/model/extreme-model.ts) run on the committed BPS snapshot. Model estimates are
// labelled as such in every column description; they are not BPS figures.
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import type { TableSchema } from "../lib/schema.js";
import { readLineAnchors } from "../bps/lines.js";
import { BPS_SNAPSHOT_DIR, SNAPSHOT_RETRIEVED_AT } from "../bps/paths.js";
import { readExtremeSnapshot } from "../bps/snapshot.js";
import { snapshotWithImports } from "../bps/import-record.js";
import type { PovertyRow } from "../bps/rows.js";
import { calibrateByYear, ExtremeModel, SERIES_LABEL_ID, type CalibratedModel, type LineSeriesCode } from "../../src/components/domain/model/extreme-model.js";
import { TAIL_MODEL_LABEL } from "../../src/components/domain/model/tail.js";

const REGION = { name: "region_kode", type: "VARCHAR", description: "Kode wilayah: 36 Banten, 3601–3674 kabupaten/kota" } as const;
const SERIES = { name: "series", type: "VARCHAR", description: "Garis ekstrem: usd215_ppp2017 (baru, berlaku) atau usd190_ppp2011 (lama)" } as const;

export const EXTREME_ESTIMATES_SCHEMA: TableSchema = {
  name: "extreme_estimates",
  version: 1,
  description:
    "Perkiraan model kemiskinan ekstrem (bukan angka resmi BPS) per wilayah, tahun, dan garis: tiga model ekor distribusi (lognormal, ekor pangkat, beta bersyarat) dipasang pada P0, P1, P2 BPS, dibaca pada rasio garis ekstrem terhadap garis kemiskinan, dikalibrasi pada angka survei BPS 2022, dengan selang 80%.",
  key: ["region_kode", "year", "month", "series"],
  columns: [
    REGION,
    { name: "year", type: "INTEGER", description: "Tahun survei" },
    { name: "month", type: "INTEGER", description: "Bulan survei (3 = Maret)" },
    SERIES,
    { name: "value_pct", type: "DOUBLE", description: "Perkiraan model: persentase penduduk di bawah garis ekstrem (rerata geometrik tiga model)" },
    { name: "lower_pct", type: "DOUBLE", description: "Batas bawah selang 80%" },
    { name: "upper_pct", type: "DOUBLE", description: "Batas atas selang 80%" },
    { name: "log_se", type: "DOUBLE", description: "Galat baku ln(perkiraan), semua sumber digabung" },
    { name: "lognormal_pct", type: "DOUBLE", nullable: true, description: "Model lognormal (%)" },
    { name: "power_pct", type: "DOUBLE", nullable: true, description: "Model ekor pangkat (%)" },
    { name: "beta_pct", type: "DOUBLE", nullable: true, description: "Model beta bersyarat (%); kosong bila P2 tidak konsisten" },
    { name: "se_model", type: "DOUBLE", description: "Komponen galat: sebaran antarmodel" },
    { name: "se_ratio", type: "DOUBLE", description: "Komponen galat: selang rasio garis" },
    { name: "se_sampling", type: "DOUBLE", description: "Komponen galat: galat sampling P0 (asumsi RSE) dan pembulatan" },
    { name: "se_shape", type: "DOUBLE", description: "Komponen galat: pembulatan/interpolasi P1 dan P2" },
    { name: "se_validation", type: "DOUBLE", description: "Komponen galat: galat validasi (RMSE log) terhadap angka terbitan" },
    { name: "ratio", type: "DOUBLE", description: "Rasio efektif r = κ × garis ekstrem ÷ garis kemiskinan" },
    { name: "year_factor", type: "DOUBLE", description: "Faktor tahun λ pada headcount (1 pada tahun kalibrasi)" },
    { name: "population_base", type: "DOUBLE", nullable: true, description: "Basis penduduk BPS tahun itu = jumlah penduduk miskin ÷ P0 (jiwa)" },
    { name: "persons", type: "DOUBLE", nullable: true, description: "Perkiraan jiwa di bawah garis ekstrem = value_pct × population_base" },
    { name: "basis", type: "VARCHAR", description: "Cara perkiraan dibuat: sumber P1/P2, rasio, faktor tahun" },
    { name: "source", type: "VARCHAR", description: "Sumber angka BPS yang dipakai" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot angka BPS" }
  ]
};

export const EXTREME_VALIDATION_SCHEMA: TableSchema = {
  name: "extreme_validation",
  version: 1,
  description: "Validasi model kemiskinan ekstrem terhadap angka survei BPS yang terbit: perkiraan, selang 80%, dan galat per titik (leave-one-out untuk titik kalibrasi).",
  key: ["region_kode", "year", "month", "series"],
  columns: [
    REGION,
    { name: "year", type: "INTEGER", description: "Tahun" },
    { name: "month", type: "INTEGER", description: "Bulan (3 bila sumber tidak menyebut)" },
    SERIES,
    { name: "role", type: "VARCHAR", description: "`calibration` (dipakai memasang κ, dinilai leave-one-out), `check` (di luar sampel), `context` (tidak dinilai)" },
    { name: "published_pct", type: "DOUBLE", description: "Angka survei BPS yang terbit (%)" },
    { name: "uncalibrated_pct", type: "DOUBLE", nullable: true, description: "Perkiraan model tanpa kalibrasi (κ = 1)" },
    { name: "estimate_pct", type: "DOUBLE", nullable: true, description: "Perkiraan model terkalibrasi (κ dari titik lain untuk titik kalibrasi)" },
    { name: "lower_pct", type: "DOUBLE", nullable: true, description: "Batas bawah selang 80%" },
    { name: "upper_pct", type: "DOUBLE", nullable: true, description: "Batas atas selang 80%" },
    { name: "lognormal_pct", type: "DOUBLE", nullable: true, description: "Model lognormal (%)" },
    { name: "power_pct", type: "DOUBLE", nullable: true, description: "Model ekor pangkat (%)" },
    { name: "beta_pct", type: "DOUBLE", nullable: true, description: "Model beta bersyarat (%)" },
    { name: "kappa_used", type: "DOUBLE", nullable: true, description: "κ yang dipakai untuk titik ini" },
    { name: "error_points", type: "DOUBLE", nullable: true, description: "Galat: perkiraan − angka terbit (poin persen)" },
    { name: "error_relative", type: "DOUBLE", nullable: true, description: "Galat relatif: perkiraan ÷ angka terbit − 1" },
    { name: "in_interval", type: "BOOLEAN", nullable: true, description: "Angka terbit berada dalam selang 80% model" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan titik" },
    { name: "source", type: "VARCHAR", description: "Sumber angka terbit" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot angka BPS" }
  ]
};

export const EXTREME_CALIBRATION_SCHEMA: TableSchema = {
  name: "extreme_calibration",
  version: 1,
  description: "Kalibrasi model kemiskinan ekstrem per tahun: κ (faktor rasio garis, dari angka survei 2022) dan faktor tahun λ (dari angka nasional tahun itu).",
  key: ["year"],
  columns: [
    { name: "year", type: "INTEGER", description: "Tahun" },
    { name: "kappa", type: "DOUBLE", description: "κ: faktor pada rasio garis ekstrem" },
    { name: "year_factor", type: "DOUBLE", description: "λ: faktor tahun pada headcount" },
    { name: "target_pct", type: "DOUBLE", nullable: true, description: "Angka Banten yang direproduksi model tahun itu (terbit atau turunan, lihat `how`)" },
    { name: "how", type: "VARCHAR", description: "Cara kalibrasi" },
    { name: "source", type: "VARCHAR", description: "Sumber angka yang dipakai" }
  ]
};

const LOADER = "loaders/tables/extreme-estimates.ts";
const PROVENANCE: Provenance = {
  source:
    "Perkiraan model Tepat Sasaran (bukan angka resmi BPS) dari P0, P1, P2 BPS (data/reference/bps/bps_poverty.csv), garis ekstrem (data/reference/bps/lines.csv) dan angka survei kemiskinan ekstrem BPS (data/reference/bps/bps_extreme_poverty.csv). Metode: src/components/domain/model/.",
  retrieved_at: SNAPSHOT_RETRIEVED_AT,
  loader: LOADER,
  synthetic: false
};

const calibratedCache = new Map<string, Promise<{ calibrated: CalibratedModel; poverty: PovertyRow[] }>>();

/** The calibrated model on the snapshot in `dir`; computed once per process (the three tables share it). */
export function calibratedModel(dir = BPS_SNAPSHOT_DIR): Promise<{ calibrated: CalibratedModel; poverty: PovertyRow[] }> {
  let cached = calibratedCache.get(dir);
  if (!cached) {
    cached = computeCalibratedModel(dir);
    calibratedCache.set(dir, cached);
    cached.catch(() => calibratedCache.delete(dir));
  }
  return cached;
}

async function computeCalibratedModel(dir: string): Promise<{ calibrated: CalibratedModel; poverty: PovertyRow[] }> {
  const [poverty, extreme, anchors] = await Promise.all([snapshotWithImports(dir), readExtremeSnapshot(dir), readLineAnchors(dir)]);
  const calibrated = calibrateByYear(new ExtremeModel(poverty, anchors), extreme);
  if (!calibrated) throw new Error("kalibrasi model kemiskinan ekstrem gagal: tidak ada titik kalibrasi");
  return { calibrated, poverty };
}

const ESTIMATE_SERIES: readonly LineSeriesCode[] = ["usd215_ppp2017", "usd190_ppp2011"];

/**
 * BPS's population base of a region (poor count ÷ P0) in March of `year`, or of the nearest March
 * that publishes both (the base moves slowly; the year used is in the value's provenance).
 */
export function populationBase(poverty: readonly PovertyRow[], kode: string, year: number): number | null {
  const usable = poverty
    .filter((r) => r.region_kode === kode && r.month === 3 && r.poor_count !== null && r.p0_pct !== null && r.p0_pct > 0)
    .sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
  const row = usable[0];
  return row ? row.poor_count! / (row.p0_pct! / 100) : null;
}

export function estimateRows(calibrated: CalibratedModel, poverty: readonly PovertyRow[]): Record<string, unknown>[] {
  const regions = [...new Set(poverty.map((r) => r.region_kode))].filter((k) => k !== "00").sort();
  const years = [...new Set(poverty.map((r) => r.year))].sort();
  const rows: Record<string, unknown>[] = [];
  for (const kode of regions)
    for (const year of years)
      for (const series of ESTIMATE_SERIES) {
        if (series === "usd190_ppp2011" && year > 2024) continue;
        const e = calibrated.model.estimate(kode, year, 3, series);
        if (!e) continue;
        const bps = poverty.find((r) => r.region_kode === kode && r.year === year && r.month === 3)!;
        const base = populationBase(poverty, kode, year);
        const models = (["lognormal", "power", "beta"] as const).map((m) => `${TAIL_MODEL_LABEL[m]} ${e.byModel[m] === null ? "tidak valid" : e.byModel[m]!.toFixed(2).replace(".", ",") + "%"}`);
        rows.push({
          region_kode: kode,
          year,
          month: 3,
          series,
          value_pct: e.value,
          lower_pct: e.lower,
          upper_pct: e.upper,
          log_se: e.logSe,
          lognormal_pct: e.byModel.lognormal,
          power_pct: e.byModel.power,
          beta_pct: e.byModel.beta,
          se_model: e.components.model ?? 0,
          se_ratio: e.components.ratio ?? 0,
          se_sampling: e.components.sampling ?? 0,
          se_shape: e.components.shape ?? 0,
          se_validation: e.components.validation ?? 0,
          ratio: e.ratio.ratio,
          year_factor: e.yearFactor ?? 1,
          population_base: base,
          persons: base === null ? null : (e.value / 100) * base,
          basis: [
            `Perkiraan model pada ${SERIES_LABEL_ID[series]}`,
            models.join(", "),
            e.shape.note ?? "P0, P1, P2 terbit",
            `rasio ${e.ratio.how}`,
            `faktor tahun λ ${(e.yearFactor ?? 1).toFixed(3).replace(".", ",")}`
          ].join("; "),
          source: bps.source,
          retrieved_at: SNAPSHOT_RETRIEVED_AT
        });
      }
  return rows;
}

export function validationRows(calibrated: CalibratedModel): Record<string, unknown>[] {
  return calibrated.validation.rows.map((r) => ({
    region_kode: r.region_kode,
    year: r.year,
    month: r.month,
    series: r.series,
    role: r.role,
    published_pct: r.published,
    uncalibrated_pct: r.uncalibrated,
    estimate_pct: r.estimate?.value ?? null,
    lower_pct: r.estimate?.lower ?? null,
    upper_pct: r.estimate?.upper ?? null,
    lognormal_pct: r.estimate?.byModel.lognormal ?? null,
    power_pct: r.estimate?.byModel.power ?? null,
    beta_pct: r.estimate?.byModel.beta ?? null,
    kappa_used: r.kappaUsed,
    error_points: r.errorPoints,
    error_relative: r.errorRelative,
    in_interval: r.inInterval,
    note: r.note,
    source: r.source,
    retrieved_at: SNAPSHOT_RETRIEVED_AT
  }));
}

export function calibrationRows(calibrated: CalibratedModel): Record<string, unknown>[] {
  return calibrated.factors.map((f) => ({ year: f.year, kappa: calibrated.kappa, year_factor: f.factor, target_pct: f.target, how: f.how, source: f.source }));
}

async function write(connection: DuckDBConnection, schema: TableSchema, rows: Record<string, unknown>[], out: string, orderBy: string): Promise<void> {
  const staged = await loadRows(connection, schema, rows);
  await writeParquet(connection, `SELECT * FROM ${staged}`, schema, PROVENANCE, out, { orderBy });
}

export async function buildExtremeEstimates(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated, poverty } = await calibratedModel();
  await write(connection, EXTREME_ESTIMATES_SCHEMA, estimateRows(calibrated, poverty), out, "region_kode, year, series");
}

export async function buildExtremeValidation(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated } = await calibratedModel();
  await write(connection, EXTREME_VALIDATION_SCHEMA, validationRows(calibrated), out, "role, region_kode, year, month");
}

export async function buildExtremeCalibration(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated } = await calibratedModel();
  await write(connection, EXTREME_CALIBRATION_SCHEMA, calibrationRows(calibrated), out, "year");
}
