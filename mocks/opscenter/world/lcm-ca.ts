import { noise } from './noise'

/**
 * LCM's internal certificate authority (decisions/110): "When LCM first starts, it creates a self-signed 2048 bit
 * RSA certificate authority" and "the same CA is used to sign all certificates for all nodes in all clusters".
 * The mock makes that CA for real (RSA key, X.509 v3, self-signature that verifies), derived from the seed so the
 * same seed answers the same certificate. Plain BigInt arithmetic and WebCrypto's SHA-256, so it runs in Node and
 * in a browser worker alike; computed once per seed.
 */

const E = 65537n
const SMALL_PRIMES = (() => {
  const primes: number[] = []
  for (let n = 3; primes.length < 300; n += 2) if (primes.every((p) => n % p !== 0)) primes.push(n)
  return primes
})()

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}

/** Miller-Rabin with the first 16 odd primes as witnesses (a deterministic test; error below 4^-16). */
function isProbablePrime(n: bigint): boolean {
  for (const p of SMALL_PRIMES) if (n % BigInt(p) === 0n) return n === BigInt(p)
  let d = n - 1n
  let r = 0
  while ((d & 1n) === 0n) {
    d >>= 1n
    r++
  }
  witness: for (const a of SMALL_PRIMES.slice(0, 16)) {
    let x = modPow(BigInt(a), d, n)
    if (x === 1n || x === n - 1n) continue
    for (let i = 1; i < r; i++) {
      x = (x * x) % n
      if (x === n - 1n) continue witness
    }
    return false
  }
  return true
}

/** A 1024-bit prime p with gcd(p - 1, e) = 1, searched upwards from a seeded odd start. */
function prime(seed: number, label: string): bigint {
  let candidate = 0n
  for (let i = 0; i < 32; i++) candidate = (candidate << 32n) | BigInt(Math.floor(noise(seed, `lcm-ca/${label}`, i) * 2 ** 32))
  candidate |= (1n << 1023n) | (1n << 1022n) | 1n
  while (!(isProbablePrime(candidate) && (candidate - 1n) % E !== 0n)) candidate += 2n
  return candidate
}

// DER, just the parts an X.509 certificate needs.
const bytes = (...parts: Array<Uint8Array | number[]>) => Uint8Array.from(parts.flatMap((part) => [...part]))
function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length
  const length = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff]
  return bytes([tag], length, content)
}
const sequence = (...items: Uint8Array[]) => tlv(0x30, bytes(...items))
const NULL = Uint8Array.of(0x05, 0x00)
function integer(value: bigint): Uint8Array {
  let hex = value.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  const raw = hex.match(/../g)!.map((pair) => parseInt(pair, 16))
  return tlv(0x02, Uint8Array.from(raw[0]! & 0x80 ? [0, ...raw] : raw))
}
function oid(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split('.').map(Number)
  const body = [first! * 40 + second!]
  for (const arc of rest) {
    const chunk = [arc & 0x7f]
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80)
    body.push(...chunk)
  }
  return tlv(0x06, Uint8Array.from(body))
}
const utf8 = (text: string) => tlv(0x0c, new TextEncoder().encode(text))
const utcTime = (iso: string) =>
  tlv(
    0x17,
    new TextEncoder().encode(
      `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`,
    ),
  )
const bitString = (content: Uint8Array, unusedBits = 0) => tlv(0x03, bytes([unusedBits], content))
const name = (...attributes: Array<[string, string]>) =>
  sequence(...attributes.map(([type, value]) => tlv(0x31, sequence(oid(type), utf8(value)))))
const extension = (id: string, critical: boolean, value: Uint8Array) =>
  sequence(oid(id), ...(critical ? [Uint8Array.of(0x01, 0x01, 0xff)] : []), tlv(0x04, value))

const SHA256_WITH_RSA = sequence(oid('1.2.840.113549.1.1.11'), NULL)
/** DigestInfo header for SHA-256 (PKCS #1 v1.5 signatures). */
const SHA256_DIGEST_INFO = Uint8Array.of(
  0x30,
  0x31,
  0x30,
  0x0d,
  0x06,
  0x09,
  0x60,
  0x86,
  0x48,
  0x01,
  0x65,
  0x03,
  0x04,
  0x02,
  0x01,
  0x05,
  0x00,
  0x04,
  0x20,
)
const toBigInt = (data: Uint8Array) => BigInt(`0x${[...data].map((b) => b.toString(16).padStart(2, '0')).join('') || '0'}`)
function toBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0')
  return Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16)))
}

async function build(seed: number): Promise<string> {
  const p = prime(seed, 'p')
  const q = prime(seed, 'q')
  const n = p * q
  const d = modInverse(E, (p - 1n) * (q - 1n))
  const subject = name(['2.5.4.10', 'DataStax OpsCenter'], ['2.5.4.11', 'Lifecycle Manager'], ['2.5.4.3', 'LCM Certificate Authority'])
  const publicKey = sequence(sequence(oid('1.2.840.113549.1.1.1'), NULL), bitString(sequence(integer(n), integer(E))))
  const tbs = sequence(
    tlv(0xa0, integer(2n)),
    integer(BigInt(Math.floor(noise(seed, 'lcm-ca/serial', 0) * 2 ** 31)) + 1n),
    SHA256_WITH_RSA,
    subject,
    sequence(utcTime('2025-01-01T00:00:00Z'), utcTime('2035-01-01T00:00:00Z')),
    subject,
    publicKey,
    tlv(
      0xa3,
      sequence(
        extension('2.5.29.19', true, sequence(Uint8Array.of(0x01, 0x01, 0xff))), // basicConstraints: CA
        extension('2.5.29.15', true, bitString(Uint8Array.of(0x06), 1)), // keyUsage: keyCertSign, cRLSign
      ),
    ),
  )
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', tbs as Uint8Array<ArrayBuffer>))
  const k = 256
  const digestInfo = bytes(SHA256_DIGEST_INFO, hash)
  const encoded = bytes([0x00, 0x01], new Array(k - 3 - digestInfo.length).fill(0xff), [0x00], digestInfo)
  const signature = toBytes(modPow(toBigInt(encoded), d, n), k)
  const der = sequence(tbs, SHA256_WITH_RSA, bitString(signature))
  let binary = ''
  for (const byte of der) binary += String.fromCharCode(byte)
  const base64 = btoa(binary)
    .match(/.{1,64}/g)!
    .join('\n')
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`
}

const authorities = new Map<number, Promise<string>>()

/** The PEM of LCM's certificate authority for this seed. */
export function lcmCaCertificate(seed: number): Promise<string> {
  let pem = authorities.get(seed)
  if (!pem) {
    pem = build(seed)
    authorities.set(seed, pem)
  }
  return pem
}
