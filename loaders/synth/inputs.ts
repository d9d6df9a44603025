// Published inputs of the synthetic registry, read from the reference CSVs (never typed in here),
// so every calibrated number can be traced to its row and source.
import { loadDistributions, type KabDistribution } from "./distribution.js";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvObjects } from "../lib/csv.js";
import { REFERENCE_DIR } from "../lib/paths.js";
import {
  readCalibrationTargets,
  readProgrammeAllocations,
  readProgrammes,
  type CalibrationTarget,
  type Programme,
  type ProgrammeAllocation
} from "../programmes/reference.js";

const PUBLISHED_DIR = path.join(REFERENCE_DIR, "published");

export interface KecamatanRef {
  readonly kode: string;
  readonly nama: string;
  readonly kab_kode: string;
  /** Desa/kelurahan codes of the kecamatan (regions.csv, level `kelurahan`). */
  readonly kelurahan: readonly string[];
}

/** A published figure with its source (a row of a reference CSV). */
export interface SourcedValue {
  readonly value: number;
  readonly source: string;
}

export interface SynthInputs {
  /** Base-year expenditure distribution per kab/kota (GK, extreme line, P0, extreme estimate): distribution.ts. */
  readonly distributions: ReadonlyMap<string, KabDistribution>;
  readonly kabkota: readonly { kode: string; nama: string }[];
  readonly kecamatan: readonly KecamatanRef[];
  /**
   * Registered population per kab/kota, Kepmendagri 300.2.2-2138/2025: the people of a kab/kota without
   * its own people target, and the weights that split the province's households among those without a
   * household count.
   */
  readonly population2025: ReadonlyMap<string, SourcedValue>;
  /** DTSEN desil 2–5 counts (jiwa) of Kota Cilegon, Aug 2025: the only published desil shape in Banten. */
  readonly desilShape: { readonly counts: readonly number[]; readonly source: string };
  readonly targets: readonly CalibrationTarget[];
  readonly allocations: readonly ProgrammeAllocation[];
  readonly programmes: readonly Programme[];
}

async function readObjects(file: string): Promise<Record<string, string>[]> {
  const text = await readFile(file, "utf8");
  return parseCsvObjects(text).map((r) => r.row);
}

function single<T>(rows: T[], what: string): T {
  if (rows.length !== 1) throw new Error(`${what}: ditemukan ${rows.length} baris, harus tepat satu.`);
  return rows[0]!;
}

export async function loadSynthInputs(): Promise<SynthInputs> {
  const [regionRows, populationRows, coverageRows, targets, allocations, programmes] =
    await Promise.all([
      readObjects(path.join(REFERENCE_DIR, "regions.csv")),
      readObjects(path.join(PUBLISHED_DIR, "population_kabkota.csv")),
      readObjects(path.join(PUBLISHED_DIR, "programme_coverage.csv")),
      readCalibrationTargets(),
      readProgrammeAllocations(),
      readProgrammes()
    ]);
  const distributions = await loadDistributions();

  const kabkota = regionRows.filter((r) => r.level === "kabkota").map((r) => ({ kode: r.kode!, nama: r.nama! })).sort((a, b) => a.kode.localeCompare(b.kode));
  const kelurahanByKec = new Map<string, string[]>();
  for (const r of regionRows.filter((r) => r.level === "kelurahan")) {
    const list = kelurahanByKec.get(r.parent_kode!) ?? [];
    list.push(r.kode!);
    kelurahanByKec.set(r.parent_kode!, list);
  }
  const kecamatan = regionRows
    .filter((r) => r.level === "kecamatan")
    .map((r) => ({ kode: r.kode!, nama: r.nama!, kab_kode: r.parent_kode!, kelurahan: (kelurahanByKec.get(r.kode!) ?? []).sort() }))
    .sort((a, b) => a.kode.localeCompare(b.kode));

  const population2025 = new Map(
    populationRows
      .filter((r) => r.reference === "Kepmendagri 300.2.2-2138/2025")
      .map((r) => [r.region_kode!, { value: Number(r.population), source: `population_kabkota.csv (${r.reference}): ${r.source}` }])
  );

  const cilegon = coverageRows.filter((r) => r.region_kode === "3672" && /^desil [2-5] /.test(r.measure ?? ""));
  const shapeRows = [2, 3, 4, 5].map((d) => single(cilegon.filter((r) => r.measure!.startsWith(`desil ${d} `)), `DTSEN Cilegon desil ${d}`));
  return {
    distributions,
    kabkota,
    kecamatan,
    population2025,
    desilShape: { counts: shapeRows.map((r) => Number(r.value)), source: `programme_coverage.csv (DTSEN Kota Cilegon, Agustus 2025): ${shapeRows[0]!.source}` },
    targets,
    allocations,
    programmes
  };
}
