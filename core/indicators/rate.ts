/**
 * The shape every indicator answers with: the rate, what it was computed from, and — when the rate
 * estimates something from a sample — its 95% confidence interval. The sample size is always shown
 * beside the rate (DOMAIN: "with the sample size beside every rate").
 */

export interface Interval {
  low: number
  high: number
}

export interface Rate {
  /** numerator / denominator; null when the denominator is 0 (no data is not 0%). */
  value: number | null
  numerator: number
  /** The sample size (or the base, for a census). */
  denominator: number
  /** null when there is no data, or when the rate is a census rather than an estimate. */
  ci95: Interval | null
}

/** A mean with the number of observations it is taken over. */
export interface Mean {
  value: number | null
  n: number
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959964

function checkCounts (successes: number, n: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`counts must be integers with 0 ≤ successes ≤ n (got ${successes}/${n})`)
  }
}

/**
 * Wilson score interval: unlike the normal approximation it stays inside [0, 1] and is sensible for the
 * small per-grid samples (e.g. 20 households) and for 0% or 100% answers. null when n = 0.
 */
export function wilsonInterval (successes: number, n: number, z = Z95): Interval | null {
  checkCounts(successes, n)
  if (n === 0) return null
  const p = successes / n
  const z2 = z * z
  const denom = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denom
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // Exact ends for 0/n and n/n instead of rounding noise around them.
  return {
    low: successes === 0 ? 0 : Math.max(0, center - half),
    high: successes === n ? 1 : Math.min(1, center + half)
  }
}

/** A rate estimated from a sample of answers: carries a Wilson interval. */
export function sampleRate (successes: number, n: number): Rate {
  checkCounts(successes, n)
  return { value: n === 0 ? null : successes / n, numerator: successes, denominator: n, ci95: wilsonInterval(successes, n) }
}

/**
 * A rate over a whole population or over every record (not a sample): no sampling error, so no interval.
 * The value is not clamped: above 1 means the configured base is too small, which the office should see.
 */
export function censusRate (count: number, base: number): Rate {
  if (!Number.isFinite(count) || !Number.isFinite(base) || count < 0 || base < 0) {
    throw new RangeError(`count and base must be finite and ≥ 0 (got ${count}/${base})`)
  }
  return { value: base === 0 ? null : count / base, numerator: count, denominator: base, ci95: null }
}

export function mean (values: readonly number[]): Mean {
  if (values.length === 0) return { value: null, n: 0 }
  let sum = 0
  for (const v of values) sum += v
  return { value: sum / values.length, n: values.length }
}
