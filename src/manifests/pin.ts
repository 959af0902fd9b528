// pin: true: each found reference in the scanned files becomes its pinned form (`…:tag@sha256:…`, the
// tag kept for readers; a Helm map gains or updates its `digest` key), edited in the bytes that were
// scanned, so everything else in the file stays byte for byte (any encoding, BOM, line endings, mode).
// Every digest is checked against the digest grammar before it is written; write.ts writes all the
// files or none, and none whose text changed since it was scanned.
import { type ImageRequest, isDigest, requestKey, withoutDigest } from '../image.js'
import { errorMessage, safeText } from '../text.js'
import type { Report } from '../verdict/policy.js'
import type { FileReference } from './reference.js'
import type { ScanResult } from './scan.js'
import { extractReferences } from './extract.js'
import { type ScannedSource, type Splice, applySplices, decodeSource } from './source.js'
import { type FileWrite, WriteError, type WriteOptions, writeAllOrNothing } from './write.js'

export interface PinChange {
  file: string
  line: number
  /** The reference as it was written, and as it is now. */
  from: string
  to: string
}

/** A reference looked up but not found (a fail-on that lets that pass): left as written. */
export interface PinLeft {
  file: string
  line: number
  text: string
}

export interface PinResult {
  changes: PinChange[]
  /** References looked up but not found: left as written. */
  left: PinLeft[]
  /** The files that changed, in order. */
  files: string[]
  /** Why no file was written, when pin did not write (the gate did not pass, an error). */
  notWritten?: string
}

/** A file that could not be pinned: the step fails with this message; no file was changed. */
export class PinError extends Error {
  override name = 'PinError'
}

/**
 * Rewrites the references whose found digest differs from the one written (or that have none).
 * `digestOf` gives the digest ECR returned for a request, when it was found.
 */
export async function pinFiles(
  scan: ScanResult,
  digestOf: (request: ImageRequest) => string | undefined,
  options: WriteOptions = { log: () => undefined }
): Promise<PinResult> {
  const byFile = new Map<string, { reference: FileReference; digest: string }[]>()
  if (scan.requestOf.size === 0) return { changes: [], left: [], files: [], notWritten: 'there is no reference to pin.' }
  const left: PinLeft[] = []
  for (const [reference, request] of scan.requestOf) {
    const digest = digestOf(request)
    if (digest === undefined) left.push({ file: reference.file, line: reference.line, text: reference.text })
    if (digest === undefined || reference.edit === undefined || (reference.writtenDigest === digest && reference.rewrite !== true)) continue
    if (!isDigest(digest))
      throw new PinError(
        `pin: ECR answered '${safeText(digest)}' for ${safeText(reference.text)}, which is not a digest; no file was written.`
      )
    const edits = byFile.get(reference.file) ?? []
    edits.push({ reference, digest })
    byFile.set(reference.file, edits)
  }
  const changes: PinChange[] = []
  const writes: FileWrite[] = []
  for (const [file, edits] of byFile) {
    // Reading back takes time on large files: a cancel is heard between them, before anything is staged.
    await new Promise((resolve) => setImmediate(resolve))
    if (options.cancel?.signal !== undefined)
      throw new PinError(
        `pin: the run was cancelled (${options.cancel.signal}) while the pinned files were prepared: nothing was staged and no file was changed.`
      )
    const scanned = scan.sources.get(file)
    if (scanned === undefined) throw new PinError(`pin: ${safeText(file)} was not scanned; no file was written.`)
    const splices: Splice[] = edits.map(({ reference, digest }) => {
      const edit = reference.edit as NonNullable<FileReference['edit']>
      // What the file will read: the text with the edit applied (a Lambda URI loses its tag).
      const start = edit.end - reference.text.length
      const source = scanned.source.text
      const to =
        start >= 0 && source.slice(start, edit.end) === reference.text && edit.start >= start
          ? `${source.slice(start, edit.start)}${edit.before}${digest}${edit.after}`
          : `${withoutDigest(reference.text)}@${digest}`
      changes.push({ file, line: reference.line, from: reference.text, to })
      return { ...edit, text: `${edit.before}${digest}${edit.after}` }
    })
    let content: Buffer
    try {
      content = applySplices(scanned.source, splices)
    } catch (error) {
      throw new PinError(`pin: ${safeText(file)} would take ${errorMessage(error)}, so no file was written; write each reference once.`)
    }
    const unread = readsBack(file, scanned, content, edits)
    if (unread !== undefined)
      throw new PinError(
        `pin: the pinned ${safeText(file)} would not read back as pinned (${unread}), so no file was written; please report this with the file's shape.`
      )
    writes.push({ file, path: scanned.path, original: scanned.source.bytes, content })
  }
  try {
    await writeAllOrNothing(writes, options)
  } catch (error) {
    throw error instanceof WriteError ? new PinError(error.message) : error
  }
  return { changes, left, files: [...byFile.keys()] }
}

/**
 * Why the pinned bytes would not read back as intended, if they would not: the file is read again as
 * the scan read it (`read`), and every reference must be there, in the same order, each edited one
 * (found at its place in the scan's `references`) with its new digest and every other one exactly as
 * it was (a digest added to an anchored map must not reach a map that merges it); a file that was JSON
 * must still be JSON. The last check before anything is written.
 */
function readsBack(
  file: string,
  before: { source: ScannedSource; read: readonly FileReference[]; references: readonly FileReference[] },
  content: Buffer,
  edits: readonly { reference: FileReference; digest: string }[]
): string | undefined {
  const after = decodeSource(content)
  let references: FileReference[]
  try {
    references = extractReferences(file, after.text)
  } catch (error) {
    return errorMessage(error).replace(/^files: /, '')
  }
  if (references.length !== before.read.length) return `${before.read.length} reference(s) would become ${references.length}`
  const pinned = new Map(edits.map(({ reference, digest }) => [before.references.indexOf(reference), digest]))
  for (const [index, was] of before.read.entries()) {
    const now = references[index]
    const digest = pinned.get(index)
    const same = digest !== undefined ? now?.writtenDigest === digest : now?.text === was.text && now?.writtenDigest === was.writtenDigest
    if (!same) return `the reference at line ${was.line} would read ${safeText(now?.text ?? 'nothing')}`
  }
  if (isJson(before.source.text) && !isJson(after.text)) return 'it would no longer be JSON'
  return undefined
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Pins what the report found: each file reference gets the digest ECR returned for it. */
export function pinFound(scan: ScanResult, report: Report, options?: WriteOptions): Promise<PinResult> {
  // By what was asked, not by request: the report keeps one of references written alike on one line.
  const digests = new Map(report.found.map((verdict) => [requestKey(verdict.request), verdict.image.imageId?.imageDigest]))
  return pinFiles(scan, (request) => digests.get(requestKey(request)), options)
}
