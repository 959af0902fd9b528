// A scanned file's exact bytes and the text its references were read from. Text that is valid UTF-8
// (a BOM included) is read as UTF-8; any other bytes are read one character per byte (Latin-1), so
// a byte that is not UTF-8 is never replaced. Edits are made on the bytes, so everything outside a
// replaced reference stays as it was.
import type { Edit } from './extract.js'

export interface ScannedSource {
  /** The file's bytes as they were read. */
  bytes: Buffer
  /** The text the references' offsets point into. */
  text: string
  encoding: 'utf8' | 'latin1'
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function decodeSource(bytes: Buffer): ScannedSource {
  try {
    return { bytes, text: UTF8.decode(bytes), encoding: 'utf8' }
  } catch {
    return { bytes, text: bytes.toString('latin1'), encoding: 'latin1' }
  }
}

/** A text edit with its replacement, applied to the bytes. */
export interface Splice extends Edit {
  /** ASCII text: the digest with what goes around it. */
  text: string
}

/** The source's bytes with each splice applied (splices must not overlap); the rest byte for byte. */
export function applySplices(source: ScannedSource, splices: readonly Splice[]): Buffer {
  const sorted = [...splices].sort((a, b) => a.start - b.start)
  const parts: Buffer[] = []
  let charAt = 0
  let byteAt = 0
  const byteOffset = (char: number): number => {
    // Offsets grow, so each stretch of text is measured once.
    byteAt += source.encoding === 'utf8' ? Buffer.byteLength(source.text.slice(charAt, char), 'utf8') : char - charAt
    charAt = char
    return byteAt
  }
  let copied = 0
  for (const splice of sorted) {
    if (splice.start < charAt) throw new Error(`overlapping edits at ${splice.start}`)
    const start = byteOffset(splice.start)
    parts.push(source.bytes.subarray(copied, start), Buffer.from(splice.text, 'latin1'))
    copied = byteOffset(splice.end)
  }
  parts.push(source.bytes.subarray(copied))
  return Buffer.concat(parts)
}
