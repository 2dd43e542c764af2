/** Lower-case hex from the platform CSPRNG (Web Crypto exists in Node >= 19 and every browser). */
export function randomHex(length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 2))
  globalThis.crypto.getRandomValues(bytes)
  // join() yields a flat string; += would build a rope that costs memory in every session map key.
  return Array.from(bytes, (byte) => HEX[byte])
    .join('')
    .slice(0, length)
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/**
 * A small deterministic PRNG (mulberry32) for seed data: the same seed always yields the same
 * hosts, states and timestamps, so tests and screenshots are stable.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
