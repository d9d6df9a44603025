// extreme_estimates, extreme_validation, extreme_calibration, extreme_model_comparison: the
// extreme-poverty model (src/components/domain/model/) run on the committed BPS snapshot with its
// recorded imports. Model estimates are labelled as such in every column description; they are not
// BPS figures.
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import type { TableSchema } from "../lib/schema.js";
import { BPS_SNAPSHOT_DIR, SNAPSHOT_RETRIEVED_AT } from "../bps/paths.js";
import { readExtremeSnapshot } from "../bps/snapshot.js";
import { snapshotWithImports } from "../bps/import-record.js";
import type { PovertyRow } from "../bps/rows.js";
import { calibrateModel, type CalibratedModel } from "../../src/components/domain/model/extreme-model.js";
import { LINE_PERIOD_TEXT_ID, LINE_SERIES, SERIES_LABEL_ID } from "../../src/components/domain/model/line-series.js";
import { describeRatioFit } from "../../src/components/domain/model/ratio-fit.js";
import { TAIL_CHOICE_LABEL } from "../../src/components/domain/model/shapes.js";
import { TAIL_MODEL_LABEL, TAIL_MODELS } from "../../src/components/domain/model/tail.js";
import { formatNumber } from "../../src/components/core/format.js";

const REGION = { name: "region_kode", type: "VARCHAR", description: "Kode wilayah: 00 Indonesia, 36 Banten, 36xx kabupaten/kota" } as const;
const SERIES = { name: "series", type: "VARCHAR", description: `Garis ekstrem: \`usd215_ppp2017\` (baru, berlaku) atau \`usd190_ppp2011\` (lama). ${LINE_PERIOD_TEXT_ID}` } as const;
const MONTH = { name: "month", type: "INTEGER", description: "Bulan survei: 3 = Maret, 9 = September (kabupaten/kota hanya Maret)" } as const;

export const EXTREME_ESTIMATES_SCHEMA: TableSchema = {
  name: "extreme_estimates",
  version: 2,
  description:
    "Perkiraan model kemiskinan ekstrem (bukan angka resmi BPS) per wilayah, putaran survei, dan garis: model ekor distribusi dipasang pada P0, P1, P2 BPS dan dibaca pada rasio efektif garis ekstrem terhadap garis kemiskinan wilayah itu, yang dikalibrasi per garis pada angka terbitan nasional dan Banten; angka kabupaten/kota diseimbangkan ke provinsi; selang 80% dikalibrasi dari galat leave-one-out.",
  key: ["region_kode", "year", "month", "series"],
  columns: [
    REGION,
    { name: "year", type: "INTEGER", description: "Tahun survei" },
    MONTH,
    SERIES,
    { name: "value_pct", type: "DOUBLE", description: "Perkiraan model: persentase penduduk di bawah garis ekstrem" },
    { name: "lower_pct", type: "DOUBLE", description: "Batas bawah selang 80%" },
    { name: "upper_pct", type: "DOUBLE", description: "Batas atas selang 80%" },
    { name: "log_se", type: "DOUBLE", description: "Galat baku ln(perkiraan), semua sumber digabung" },
    { name: "lognormal_pct", type: "DOUBLE", nullable: true, description: "Model lognormal saja (%), diseimbangkan seperti perkiraan" },
    { name: "power_pct", type: "DOUBLE", nullable: true, description: "Model ekor pangkat saja (%)" },
    { name: "beta_pct", type: "DOUBLE", nullable: true, description: "Model beta bersyarat saja (%); kosong bila P2 tidak konsisten" },
    { name: "se_ratio", type: "DOUBLE", description: "Komponen galat: ketidakpastian rasio garis hasil kalibrasi (membesar di luar rentang titik kalibrasi)" },
    { name: "se_sampling", type: "DOUBLE", description: "Komponen galat: galat sampling P0 (asumsi RSE)" },
    { name: "se_shape", type: "DOUBLE", description: "Komponen galat: pembulatan P1 dan P2" },
    { name: "se_model", type: "DOUBLE", description: "Komponen galat: sebaran antarmodel ekor" },
    { name: "se_validation", type: "DOUBLE", description: "Komponen galat dari galat leave-one-out terhadap angka terbitan (kalibrasi selang)" },
    { name: "ratio", type: "DOUBLE", description: "Rasio efektif r: garis ekstrem ÷ garis kemiskinan wilayah" },
    { name: "benchmark_factor", type: "DOUBLE", nullable: true, description: "Faktor penyeimbang kabupaten/kota ke provinsi (kosong untuk provinsi dan nasional)" },
    { name: "backcast", type: "BOOLEAN", description: "Benar bila putaran sebelum BPS memakai garis ini (proyeksi balik garis)" },
    { name: "population_base", type: "DOUBLE", nullable: true, description: "Basis penduduk BPS = jumlah penduduk miskin ÷ P0 (jiwa), Maret terdekat" },
    { name: "persons", type: "DOUBLE", nullable: true, description: "Perkiraan jiwa di bawah garis ekstrem = value_pct × population_base" },
    { name: "basis", type: "VARCHAR", description: "Cara perkiraan dibuat: model, rasio, penyeimbangan" },
    { name: "source", type: "VARCHAR", description: "Sumber P0, P1, P2 BPS yang dipakai" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot angka BPS" }
  ]
};

export const EXTREME_VALIDATION_SCHEMA: TableSchema = {
  name: "extreme_validation",
  version: 2,
  description:
    "Validasi leave-one-out penaksir kemiskinan ekstrem yang diterbitkan, pada setiap angka survei BPS: untuk tiap titik, semua kalibrasi dipasang ulang tanpa titik itu, lalu perkiraan, selang 80% (dengan suku validasi dari galat titik lain), dan galatnya.",
  key: ["region_kode", "year", "month", "series"],
  columns: [
    REGION,
    { name: "year", type: "INTEGER", description: "Tahun" },
    { name: "month", type: "INTEGER", description: "Bulan survei (3 bila sumber tidak menyebut)" },
    SERIES,
    { name: "role", type: "VARCHAR", description: "`scored` (dipakai kalibrasi dan dinilai leave-one-out) atau `context` (hanya konteks, tidak dinilai)" },
    { name: "published_pct", type: "DOUBLE", description: "Angka survei BPS yang terbit (%)" },
    { name: "estimate_pct", type: "DOUBLE", nullable: true, description: "Perkiraan model tanpa titik ini (leave-one-out)" },
    { name: "lower_pct", type: "DOUBLE", nullable: true, description: "Batas bawah selang 80% leave-one-out" },
    { name: "upper_pct", type: "DOUBLE", nullable: true, description: "Batas atas selang 80% leave-one-out" },
    { name: "lognormal_pct", type: "DOUBLE", nullable: true, description: "Model lognormal saja (%)" },
    { name: "power_pct", type: "DOUBLE", nullable: true, description: "Model ekor pangkat saja (%)" },
    { name: "beta_pct", type: "DOUBLE", nullable: true, description: "Model beta bersyarat saja (%)" },
    { name: "validation_se", type: "DOUBLE", nullable: true, description: "Suku validasi selang, dari galat titik lain saja" },
    { name: "error_points", type: "DOUBLE", nullable: true, description: "Galat: perkiraan − angka terbit (poin persen)" },
    { name: "error_relative", type: "DOUBLE", nullable: true, description: "Galat relatif: perkiraan ÷ angka terbit − 1" },
    { name: "in_interval", type: "BOOLEAN", nullable: true, description: "Angka terbit berada dalam selang 80% leave-one-out" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan titik" },
    { name: "source", type: "VARCHAR", description: "Sumber angka terbit" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot angka BPS" }
  ]
};

export const EXTREME_CALIBRATION_SCHEMA: TableSchema = {
  name: "extreme_calibration",
  version: 2,
  description:
    "Kalibrasi penaksir kemiskinan ekstrem per garis: rasio efektif ln r = a + b·(t − t0), dipasang hanya pada angka terbitan garis itu; model ekor yang dipilih; suku validasi selang dari galat leave-one-out.",
  key: ["series"],
  columns: [
    SERIES,
    { name: "ratio_t0", type: "DOUBLE", description: "Rasio efektif r pada t0" },
    { name: "t0", type: "DOUBLE", description: "Pusat waktu titik kalibrasi (tahun desimal)" },
    { name: "change_per_year", type: "DOUBLE", description: "Perubahan relatif r per tahun (e^b − 1)" },
    { name: "points", type: "INTEGER", description: "Jumlah angka terbitan garis ini yang dipakai" },
    { name: "from_year", type: "DOUBLE", description: "Putaran kalibrasi pertama (tahun desimal)" },
    { name: "to_year", type: "DOUBLE", description: "Putaran kalibrasi terakhir (tahun desimal)" },
    { name: "rms_log_error", type: "DOUBLE", description: "Akar rata-rata kuadrat ln(perkiraan ÷ terbit) pada titik kalibrasi" },
    { name: "tail_model", type: "VARCHAR", description: "Model ekor yang dipakai (dipilih menurut galat leave-one-out)" },
    { name: "validation_se", type: "DOUBLE", description: "Suku validasi selang (sama untuk semua perkiraan)" },
    { name: "interval_level", type: "DOUBLE", description: "Tingkat kuantil suku validasi (0,8 kecuali dilebarkan)" },
    { name: "widened", type: "BOOLEAN", description: "Benar bila selang dilebarkan karena cakupan 80% tidak tercapai pada tingkat 0,8" },
    { name: "how", type: "VARCHAR", description: "Uraian kalibrasi" },
    { name: "source", type: "VARCHAR", description: "Sumber angka terbitan yang dipakai" }
  ]
};

export const EXTREME_MODEL_COMPARISON_SCHEMA: TableSchema = {
  name: "extreme_model_comparison",
  version: 1,
  description: "Perbandingan model ekor distribusi menurut galat leave-one-out pada angka terbitan; model dengan galat relatif median terkecil yang diterbitkan.",
  key: ["tail_model"],
  columns: [
    { name: "tail_model", type: "VARCHAR", description: "Model ekor: `lognormal`, `power`, `beta`, `singh_maddala`, atau `ensemble` (gabungan tiga model)" },
    { name: "label", type: "VARCHAR", description: "Nama model" },
    { name: "scored", type: "INTEGER", description: "Titik yang dinilai" },
    { name: "median_abs_relative", type: "DOUBLE", nullable: true, description: "Galat relatif mutlak median (leave-one-out)" },
    { name: "mean_abs_log", type: "DOUBLE", nullable: true, description: "Rata-rata |ln(terbit ÷ perkiraan)|" },
    { name: "coverage", type: "DOUBLE", nullable: true, description: "Bagian angka terbit di dalam selang 80% leave-one-out" },
    { name: "chosen", type: "BOOLEAN", description: "Model yang diterbitkan" },
    { name: "rank", type: "INTEGER", description: "Peringkat (1 = terbaik)" }
  ]
};

const LOADER = "loaders/tables/extreme-estimates.ts";
const PROVENANCE: Provenance = {
  source:
    "Perkiraan model Tepat Sasaran (bukan angka resmi BPS) dari P0, P1, P2 BPS (data/reference/bps/bps_poverty.csv dengan impor tabel BPS di data/reference/bps/imports/) dan angka survei kemiskinan ekstrem BPS (data/reference/bps/bps_extreme_poverty.csv). Metode: src/components/domain/model/.",
  retrieved_at: SNAPSHOT_RETRIEVED_AT,
  loader: LOADER,
  synthetic: false
};

export interface ModelOnSnapshot {
  readonly calibrated: CalibratedModel;
  readonly poverty: PovertyRow[];
}

const calibratedCache = new Map<string, Promise<ModelOnSnapshot>>();

/** The calibrated model on the snapshot in `dir`; computed once per process (the tables share it). */
export function calibratedModel(dir = BPS_SNAPSHOT_DIR): Promise<ModelOnSnapshot> {
  let cached = calibratedCache.get(dir);
  if (!cached) {
    cached = computeCalibratedModel(dir);
    calibratedCache.set(dir, cached);
    cached.catch(() => calibratedCache.delete(dir));
  }
  return cached;
}

async function computeCalibratedModel(dir: string): Promise<ModelOnSnapshot> {
  const [poverty, extreme] = await Promise.all([snapshotWithImports(dir), readExtremeSnapshot(dir)]);
  const calibrated = calibrateModel(poverty, extreme);
  if (calibrated.calibration.ratios.size === 0) throw new Error("kalibrasi model kemiskinan ekstrem gagal: tidak ada angka terbitan yang dapat dipakai");
  return { calibrated, poverty };
}

/** BPS's population base of a region (poor count ÷ P0) in March of `year`, or of the nearest March that publishes both. */
export function populationBase(poverty: readonly PovertyRow[], kode: string, year: number): number | null {
  const usable = poverty
    .filter((r) => r.region_kode === kode && r.month === 3 && r.poor_count !== null && r.p0_pct !== null && r.p0_pct > 0)
    .sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
  const row = usable[0];
  return row ? row.poor_count! / (row.p0_pct! / 100) : null;
}

const f = (v: number, d = 2) => formatNumber(v, d);

export function estimateRows(calibrated: CalibratedModel, poverty: readonly PovertyRow[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const sorted = [...poverty].sort((a, b) => a.region_kode.localeCompare(b.region_kode) || a.year - b.year || a.month - b.month);
  for (const bps of sorted)
    for (const series of LINE_SERIES) {
      const e = calibrated.estimate(bps.region_kode, bps.year, bps.month, series);
      if (!e) continue;
      const base = populationBase(poverty, bps.region_kode, bps.year);
      const tail = calibrated.calibration.tail;
      const models = TAIL_MODELS.map((m) => `${TAIL_MODEL_LABEL[m]} ${e.byModel[m] === null ? "tidak valid" : `${f(e.byModel[m]!)}%`}`);
      rows.push({
        region_kode: bps.region_kode,
        year: bps.year,
        month: bps.month,
        series,
        value_pct: e.value,
        lower_pct: e.lower,
        upper_pct: e.upper,
        log_se: e.logSe,
        lognormal_pct: e.byModel.lognormal,
        power_pct: e.byModel.power,
        beta_pct: e.byModel.beta,
        se_ratio: e.components.ratio,
        se_sampling: e.components.sampling,
        se_shape: e.components.shape,
        se_model: e.components.model,
        se_validation: e.components.validation,
        ratio: e.ratio.ratio,
        benchmark_factor: e.benchmark,
        backcast: e.backcast,
        population_base: base,
        persons: base === null ? null : (e.value / 100) * base,
        basis: [
          `Perkiraan model pada ${SERIES_LABEL_ID[series]}${e.backcast ? " (proyeksi balik: sebelum BPS memakai garis ini)" : ""}`,
          `${TAIL_CHOICE_LABEL[tail]}; per model: ${models.join(", ")}`,
          `P0, P1, P2 terbit`,
          `rasio efektif r ${f(e.ratio.ratio, 3)} (${describeRatioFit(calibrated.calibration.ratios.get(series)!)})`,
          e.benchmark === null ? null : `diseimbangkan ke provinsi: faktor ${f(e.benchmark)}`
        ]
          .filter(Boolean)
          .join("; "),
        source: bps.source,
        retrieved_at: SNAPSHOT_RETRIEVED_AT
      });
    }
  return rows;
}

export function validationRows(calibrated: CalibratedModel): Record<string, unknown>[] {
  const scoredRows = calibrated.loo.rows.map((r) => ({
    region_kode: r.point.region_kode,
    year: r.point.year,
    month: r.point.month,
    series: r.point.series,
    role: r.point.role,
    published_pct: r.point.published,
    estimate_pct: r.estimate?.value ?? null,
    lower_pct: r.lower,
    upper_pct: r.upper,
    lognormal_pct: r.estimate?.byModel.lognormal ?? null,
    power_pct: r.estimate?.byModel.power ?? null,
    beta_pct: r.estimate?.byModel.beta ?? null,
    validation_se: r.validationSe,
    error_points: r.errorPoints,
    error_relative: r.errorRelative,
    in_interval: r.inInterval,
    note: r.point.note,
    source: r.point.source,
    retrieved_at: SNAPSHOT_RETRIEVED_AT
  }));
  const context = calibrated.points
    .filter((p) => p.role === "context")
    .map((p) => ({
      region_kode: p.region_kode,
      year: p.year,
      month: p.month,
      series: p.series,
      role: p.role,
      published_pct: p.published,
      estimate_pct: null,
      lower_pct: null,
      upper_pct: null,
      lognormal_pct: null,
      power_pct: null,
      beta_pct: null,
      validation_se: null,
      error_points: null,
      error_relative: null,
      in_interval: null,
      note: p.note,
      source: p.source,
      retrieved_at: SNAPSHOT_RETRIEVED_AT
    }));
  return [...scoredRows, ...context];
}

export function calibrationRows(calibrated: CalibratedModel): Record<string, unknown>[] {
  const { calibration, loo, points } = calibrated;
  return [...calibration.ratios.values()].map((fit) => {
    const used = points.filter((p) => p.role === "scored" && p.series === fit.series);
    return {
      series: fit.series,
      ratio_t0: Math.exp(fit.a),
      t0: fit.t0,
      change_per_year: Math.exp(fit.b) - 1,
      points: fit.n,
      from_year: fit.from,
      to_year: fit.to,
      rms_log_error: fit.rmsLogError,
      tail_model: calibration.tail,
      validation_se: calibration.validationSe,
      interval_level: loo.level,
      widened: loo.widened,
      how: `${SERIES_LABEL_ID[fit.series]}: ${describeRatioFit(fit)}`,
      source: [...new Set(used.flatMap((p) => p.source.split(" ; ")))].join(" ; ")
    };
  });
}

export function comparisonRows(calibrated: CalibratedModel): Record<string, unknown>[] {
  return calibrated.comparison.map((c, i) => ({
    tail_model: c.tail,
    label: TAIL_CHOICE_LABEL[c.tail],
    scored: c.loo.scored,
    median_abs_relative: c.loo.medianAbsRelative,
    mean_abs_log: c.loo.meanAbsLog,
    coverage: c.loo.coverage,
    chosen: i === 0,
    rank: i + 1
  }));
}

async function write(connection: DuckDBConnection, schema: TableSchema, rows: Record<string, unknown>[], out: string, orderBy: string): Promise<void> {
  const staged = await loadRows(connection, schema, rows);
  await writeParquet(connection, `SELECT * FROM ${staged}`, schema, PROVENANCE, out, { orderBy });
}

export async function buildExtremeEstimates(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated, poverty } = await calibratedModel();
  await write(connection, EXTREME_ESTIMATES_SCHEMA, estimateRows(calibrated, poverty), out, "region_kode, year, month, series");
}

export async function buildExtremeValidation(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated } = await calibratedModel();
  await write(connection, EXTREME_VALIDATION_SCHEMA, validationRows(calibrated), out, "role DESC, region_kode, year, month, series");
}

export async function buildExtremeCalibration(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated } = await calibratedModel();
  await write(connection, EXTREME_CALIBRATION_SCHEMA, calibrationRows(calibrated), out, "series");
}

export async function buildExtremeModelComparison(connection: DuckDBConnection, out: string): Promise<void> {
  const { calibrated } = await calibratedModel();
  await write(connection, EXTREME_MODEL_COMPARISON_SCHEMA, comparisonRows(calibrated), out, "rank");
}

