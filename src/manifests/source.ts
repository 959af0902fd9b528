// A scanned file's exact bytes and the text its references were read from. A byte-order mark is kept
// in the bytes and left out of the text; after it, UTF-16 (with its mark) is read as UTF-16, text that
// is valid UTF-8 as UTF-8, and any other bytes one character per byte (Latin-1), so a byte that is not
// UTF-8 is never replaced. Edits are made on the bytes, so everything outside a replaced reference
// stays as it was.
import type { Edit } from './reference.js'

type Encoding = 'utf8' | 'latin1' | 'utf16le' | 'utf16be'

export interface ScannedSource {
  /** The file's bytes as they were read. */
  bytes: Buffer
  /** The text the references' offsets point into (without the byte-order mark). */
  text: string
  encoding: Encoding
  /** Bytes of the byte-order mark, before the text. */
  mark: number
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** UTF-16 with the other byte order. */
function swapped(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)))
  return copy.swap16()
}

export function decodeSource(bytes: Buffer): ScannedSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bytes, text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le', mark: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { bytes, text: swapped(bytes.subarray(2)).toString('utf16le'), encoding: 'utf16be', mark: 2 }
  const mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(mark)
  try {
    return { bytes, text: UTF8.decode(body), encoding: 'utf8', mark }
  } catch {
    return { bytes, text: body.toString('latin1'), encoding: 'latin1', mark }
  }
}

/** Text as bytes in the file's encoding. */
function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16()
  return Buffer.from(text, encoding)
}

/** A text edit with its replacement, applied to the bytes. */
export interface Splice extends Edit {
  /** ASCII text: the digest with what goes around it. */
  text: string
}

/** The source's bytes with each splice applied; the rest byte for byte. Splices must not overlap or share a place. */
export function applySplices(source: ScannedSource, splices: readonly Splice[]): Buffer {
  const sorted = [...splices].sort((a, b) => a.start - b.start)
  const parts: Buffer[] = []
  let charAt = 0
  let byteAt = source.mark
  const byteOffset = (char: number): number => {
    // Offsets grow, so each stretch of text is measured once.
    const stretch = source.text.slice(charAt, char)
    byteAt +=
      source.encoding === 'utf8' ? Buffer.byteLength(stretch, 'utf8') : source.encoding === 'latin1' ? stretch.length : stretch.length * 2
    charAt = char
    return byteAt
  }
  let copied = 0
  let previous: Splice | undefined
  for (const splice of sorted) {
    if (previous !== undefined && (splice.start < previous.end || splice.start === previous.start))
      throw new Error(`two edits at the same place (offsets ${previous.start} and ${splice.start})`)
    const start = byteOffset(splice.start)
    parts.push(source.bytes.subarray(copied, start), encode(splice.text, source.encoding))
    copied = byteOffset(splice.end)
    previous = splice
  }
  parts.push(source.bytes.subarray(copied))
  return Buffer.concat(parts)
}
