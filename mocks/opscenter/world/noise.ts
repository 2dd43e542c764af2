/**
 * Deterministic noise for the metric series: a value in [0, 1) from a seed, a key and a time bucket.
 * Same inputs, same value, in any process; no state, so a series can be read at any time range.
 */
export function noise(seed: number, key: string, bucket: number): number {
  let hash = (2166136261 ^ seed) >>> 0
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0
  let t = (hash ^ Math.imul(bucket | 0, 0x9e3779b1)) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A stable per-key factor in [0, 1) (no time), e.g. how busy one node is compared to its peers. */
export function trait(seed: number, key: string): number {
  return noise(seed, key, 0x5eed)
}
