// Kab/kota for tests, read from the reference list like the loaders and pages read it (never typed).
import { referenceKabkota } from "../../loaders/reference/wilayah.js";
import type { Wilayah } from "../../src/components/domain/wilayah.js";

export function wilayahOf(kode: string): Wilayah {
  const found = referenceKabkota().find((w) => w.kode === kode);
  if (!found) throw new Error(`${kode} is not a kab/kota of data/reference/regions.csv`);
  return found;
}
