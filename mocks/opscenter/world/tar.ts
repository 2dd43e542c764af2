/**
 * A POSIX ustar archive and its gzip, written by hand (decisions/108): 512-byte headers with octal fields and
 * a checksum, each file padded to 512 bytes, two zero blocks at the end. Enough for `tar -xzf` and any tar
 * library; no links, no long names (paths over 100 bytes use the 155-byte prefix field).
 */
export interface TarEntry {
  path: string
  content: string | Uint8Array
  /** Epoch seconds. */
  mtime: number
}

const BLOCK = 512
const encoder = new TextEncoder()

function writeString(header: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value)
  if (bytes.length > length) throw new Error(`[opsmocks] tar field too long (${bytes.length} > ${length}): ${value}`)
  header.set(bytes, offset)
}

/** An octal number, zero-padded, NUL-terminated, in a field of `length` bytes. */
function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`)
}

function splitPath(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).length <= 100) return { name: path, prefix: '' }
  const cut = path.lastIndexOf('/', 155)
  if (cut <= 0 || encoder.encode(path.slice(cut + 1)).length > 100) throw new Error(`[opsmocks] tar path too long: ${path}`)
  return { name: path.slice(cut + 1), prefix: path.slice(0, cut) }
}

function tarHeader(entry: TarEntry, size: number): Uint8Array {
  const header = new Uint8Array(BLOCK)
  const { name, prefix } = splitPath(entry.path)
  writeString(header, 0, 100, name)
  writeOctal(header, 100, 8, 0o644)
  writeOctal(header, 108, 8, 0)
  writeOctal(header, 116, 8, 0)
  writeOctal(header, 124, 12, size)
  writeOctal(header, 136, 12, Math.max(0, Math.floor(entry.mtime)))
  header.fill(0x20, 148, 156) // the checksum counts its own field as spaces
  header[156] = 0x30 // '0': a regular file
  writeString(header, 257, 6, 'ustar\0')
  writeString(header, 263, 2, '00')
  writeString(header, 265, 32, 'opscenter')
  writeString(header, 297, 32, 'opscenter')
  writeString(header, 345, 155, prefix)
  const checksum = header.reduce((sum, byte) => sum + byte, 0)
  writeString(header, 148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `)
  return header
}

export function tarArchive(entries: readonly TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = []
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? encoder.encode(entry.content) : entry.content
    parts.push(tarHeader(entry, content.length), content, new Uint8Array((BLOCK - (content.length % BLOCK)) % BLOCK))
  }
  parts.push(new Uint8Array(2 * BLOCK))
  const archive = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    archive.set(part, offset)
    offset += part.length
  }
  return archive
}

/** gzip with node:zlib on Node (the server, tests); the standard CompressionStream in a browser worker. */
export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  if (typeof process !== 'undefined' && process.versions?.node) {
    const zlib = await import('node:zlib')
    return new Uint8Array(zlib.gzipSync(data))
  }
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
