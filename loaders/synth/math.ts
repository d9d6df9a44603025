// Small numeric helpers for the synthetic registry plan (pure, unit-tested).

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9),
 * used to turn published poverty rates into points of a log-normal expenditure distribution.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probabilitas harus di antara 0 dan 1, diterima ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -inverseNormalCdf(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Splits an integer total over weights so the parts are integers that add up exactly to the total
 * (largest-remainder method; ties go to the earlier weight, so the result is deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total harus bilangan bulat ≥ 0, diterima ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.some((w) => !(w >= 0)) || !(sum > 0)) throw new RangeError("bobot harus ≥ 0 dan jumlahnya > 0");
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let remaining = total - parts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (const { i } of order) {
    if (remaining === 0) break;
    parts[i]!++;
    remaining--;
  }
  return parts;
}

/**
 * Cumulative probabilities of household size 1 + Poisson(mean − 1), for sizes 1..maxSize; the last entry
 * is 1 (sizes above maxSize are folded into maxSize). Drawing size = 1 + #(cdf < u) inverts it.
 */
export function householdSizeCdf(mean: number, maxSize: number): number[] {
  if (!(mean >= 1)) throw new RangeError(`rata-rata anggota harus ≥ 1, diterima ${mean}`);
  const lambda = mean - 1;
  const cdf: number[] = [];
  let term = Math.exp(-lambda);
  let cumulative = 0;
  for (let k = 0; k < maxSize - 1; k++) {
    cumulative += term;
    cdf.push(cumulative);
    term *= lambda / (k + 1);
  }
  cdf.push(1);
  return cdf;
}

/** Mean household size implied by a CDF from householdSizeCdf. */
export function meanOfSizeCdf(cdf: readonly number[]): number {
  let mean = 0;
  let previous = 0;
  cdf.forEach((c, i) => {
    mean += (i + 1) * (c - previous);
    previous = c;
  });
  return mean;
}
