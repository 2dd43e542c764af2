import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { gzip, tarArchive } from './tar'

/** Reads a ustar archive back: path, size, checksum validity and content of each member. */
function readTar(archive: Uint8Array) {
  const decoder = new TextDecoder()
  const text = (from: number, length: number) => decoder.decode(archive.subarray(from, from + length)).replace(/\0.*$/s, '')
  const members: Array<{ path: string; size: number; checksumOk: boolean; content: string; magic: string }> = []
  let offset = 0
  while (offset < archive.length && archive[offset] !== 0) {
    const size = parseInt(text(offset + 124, 12), 8)
    const stored = parseInt(text(offset + 148, 8), 8)
    const header = archive.slice(offset, offset + 512)
    header.fill(0x20, 148, 156)
    const prefix = text(offset + 345, 155)
    members.push({
      path: prefix ? `${prefix}/${text(offset, 100)}` : text(offset, 100),
      size,
      checksumOk: header.reduce((sum, byte) => sum + byte, 0) === stored,
      magic: text(offset + 257, 6),
      content: decoder.decode(archive.subarray(offset + 512, offset + 512 + size)),
    })
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return { members, rest: archive.length - offset }
}

describe('tarArchive', () => {
  it('writes ustar headers with valid checksums, padded contents and two closing zero blocks', () => {
    const archive = tarArchive([
      { path: 'a/b.txt', content: 'hello', mtime: 1_700_000_000 },
      { path: 'a/empty', content: '', mtime: 0 },
      { path: 'a/exact', content: 'x'.repeat(512), mtime: 1 },
    ])
    expect(archive.length % 512).toBe(0)
    const { members, rest } = readTar(archive)
    expect(members.map(({ path, size, content }) => [path, size, content.length])).toEqual([
      ['a/b.txt', 5, 5],
      ['a/empty', 0, 0],
      ['a/exact', 512, 512],
    ])
    expect(members.every((member) => member.checksumOk && member.magic === 'ustar')).toBe(true)
    expect(rest).toBe(1024)
  })

  it('puts long paths into the prefix field', () => {
    const path = `${'dir/'.repeat(30)}file.log`
    expect(readTar(tarArchive([{ path, content: 'x', mtime: 0 }])).members[0]!.path).toBe(path)
  })

  it('gzips to something gunzip reads back', async () => {
    const archive = tarArchive([{ path: 'x', content: 'data', mtime: 0 }])
    const packed = await gzip(archive)
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b])
    expect(new Uint8Array(gunzipSync(packed))).toEqual(archive)
  })
})
