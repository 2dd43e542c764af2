import { MockError } from './mock-error'

/**
 * SQL LIKE without regular expressions: `%` any run, `_` one character, a backslash escapes either (MySQL's
 * default escape); case-insensitive as MySQL's default collation compares. A RegExp built from `%` backtracks,
 * so `%%%%%%%%%%%%%%x` froze the process (issue 8); this matcher runs in time bounded by
 * pattern length × subject length with no backtracking across `%`, whatever the pattern.
 *
 * How: the pattern splits at `%` into literal segments (each may hold `_`). The first must match at the start,
 * the last at the end, and each one between at its leftmost place after the previous one; leftmost is always
 * safe because anything can fill the `%` runs around a segment, so no other choice needs trying.
 */

/** Longest LIKE pattern accepted; longer ones are a client mistake, answered with the vendor's 400. */
const MAX_LIKE_PATTERN_LENGTH = 1000

type Token = string | typeof ANY_ONE
const ANY_ONE = Symbol('_')

export type LikeMatcher = (text: string) => boolean

export function likeMatcher(pattern: string): LikeMatcher {
  if (pattern.length > MAX_LIKE_PATTERN_LENGTH) {
    throw new MockError('BAD_REQUEST', `LIKE pattern of ${pattern.length} characters is longer than the ${MAX_LIKE_PATTERN_LENGTH} allowed`)
  }
  const segments = splitPattern(pattern)
  if (segments.length === 1) {
    const only = segments[0]!
    return (text) => {
      const chars = fold(text)
      return chars.length === only.length && matchesAt(only, chars, 0)
    }
  }
  const first = segments[0]!
  const last = segments[segments.length - 1]!
  const middle = segments.slice(1, -1).filter((segment) => segment.length > 0)
  const minimum = segments.reduce((sum, segment) => sum + segment.length, 0)
  return (text) => {
    const chars = fold(text)
    if (chars.length < minimum) return false
    if (!matchesAt(first, chars, 0)) return false
    const end = chars.length - last.length
    if (!matchesAt(last, chars, end)) return false
    let position = first.length
    for (const segment of middle) {
      const found = indexOf(segment, chars, position, end)
      if (found === -1) return false
      position = found + segment.length
    }
    return true
  }
}

/** The pattern as segments between unescaped `%`, each a list of folded characters and `_` wildcards. */
function splitPattern(pattern: string): Token[][] {
  const segments: Token[][] = [[]]
  const chars = Array.from(pattern)
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    const current = segments[segments.length - 1]!
    if (char === '\\' && i + 1 < chars.length) current.push(foldChar(chars[++i]!))
    else if (char === '%') segments.push([])
    else if (char === '_') current.push(ANY_ONE)
    else current.push(foldChar(char))
  }
  return segments
}

function fold(text: string): string[] {
  return Array.from(text, foldChar)
}

/** One character's case-folded form; characters whose lower case is longer keep their own form. */
function foldChar(char: string): string {
  const lower = char.toLowerCase()
  return lower.length === char.length ? lower : char
}

function matchesAt(segment: readonly Token[], chars: readonly string[], start: number): boolean {
  if (start < 0 || start + segment.length > chars.length) return false
  for (let i = 0; i < segment.length; i++) {
    const token = segment[i]!
    if (token !== ANY_ONE && token !== chars[start + i]) return false
  }
  return true
}

/** Leftmost start ≥ `from` where `segment` matches entirely before `limit`, or -1. */
function indexOf(segment: readonly Token[], chars: readonly string[], from: number, limit: number): number {
  for (let start = from; start + segment.length <= limit; start++) if (matchesAt(segment, chars, start)) return start
  return -1
}
