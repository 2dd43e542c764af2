/** SQL LIKE: `%` any run, `_` one character, a backslash escapes either; case-insensitive as MySQL's default collation. */
export function likeMatcher(pattern: string): (text: string) => boolean {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    // MySQL's LIKE escape: `\%` and `\_` are the literal characters.
    if (char === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!)
    else if (char === '%') source += '.*'
    else if (char === '_') source += '.'
    else source += escapeRegExp(char)
  }
  const regex = new RegExp(`^${source}$`, 'is')
  return (text) => regex.test(text)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
