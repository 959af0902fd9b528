// pin: true: each found reference in the scanned files becomes its pinned form (`…:tag@sha256:…`, the
// tag kept for readers; a Helm map gains or updates its `digest` key), edited in the bytes that were
// scanned, so everything else in the file stays byte for byte (any encoding, BOM, line endings, mode).
// Every digest is checked against the digest grammar before it is written; write.ts writes all the
// files or none, and none whose text changed since it was scanned.
import { type ImageRequest, isDigest, withoutDigest } from '../image.js'
import { errorMessage, safeText } from '../text.js'
import type { Report } from '../verdict/policy.js'
import type { FileReference } from './reference.js'
import type { ScanResult } from './scan.js'
import { type Splice, applySplices } from './source.js'
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

export type PinOptions = WriteOptions

/**
 * Rewrites the references whose found digest differs from the one written (or that have none).
 * `digestOf` gives the digest ECR returned for a request, when it was found.
 */
export async function pinFiles(
  scan: ScanResult,
  digestOf: (request: ImageRequest) => string | undefined,
  options: PinOptions = { log: () => undefined }
): Promise<PinResult> {
  const byFile = new Map<string, { reference: FileReference; digest: string }[]>()
  const left: PinLeft[] = []
  for (const [reference, request] of scan.requestOf) {
    const digest = digestOf(request)
    if (digest === undefined) left.push({ file: reference.file, line: reference.line, text: reference.text })
    if (digest === undefined || reference.edit === undefined || reference.writtenDigest === digest) continue
    if (!isDigest(digest))
      throw new PinError(
        `pin: ECR answered '${safeText(digest)}' for ${safeText(reference.text)}, which is not a digest; no file was written.`
      )
    byFile.set(reference.file, [...(byFile.get(reference.file) ?? []), { reference, digest }])
  }
  const changes: PinChange[] = []
  const writes: FileWrite[] = []
  for (const [file, edits] of byFile) {
    const scanned = scan.sources.get(file)
    if (scanned === undefined) throw new PinError(`pin: ${safeText(file)} was not scanned; no file was written.`)
    const splices: Splice[] = edits.map(({ reference, digest }) => {
      const edit = reference.edit as NonNullable<FileReference['edit']>
      changes.push({ file, line: reference.line, from: reference.text, to: `${withoutDigest(reference.text)}@${digest}` })
      return { ...edit, text: `${edit.before}${digest}${edit.after}` }
    })
    let content: Buffer
    try {
      content = applySplices(scanned.source, splices)
    } catch (error) {
      throw new PinError(`pin: ${safeText(file)} would take ${errorMessage(error)}, so no file was written; write each reference once.`)
    }
    writes.push({ file, path: scanned.path, original: scanned.source.bytes, content })
  }
  try {
    await writeAllOrNothing(writes, options)
  } catch (error) {
    throw error instanceof WriteError ? new PinError(error.message) : error
  }
  return { changes, left, files: [...byFile.keys()] }
}

/** Pins what the report found: each file reference gets the digest ECR returned for it. */
export function pinFound(scan: ScanResult, report: Report, options?: PinOptions): Promise<PinResult> {
  const digests = new Map(report.found.map((verdict) => [verdict.request, verdict.image.imageId?.imageDigest]))
  return pinFiles(scan, (request) => digests.get(request), options)
}
