// pin: true: each found reference in the scanned files becomes its pinned form (`…:tag@sha256:…`, the
// tag kept for readers; a Helm map gains or updates its `digest` key), and everything else in the file
// stays byte for byte. All the new files are written beside their originals first and renamed over
// them only when every one was written, so a file that cannot be written leaves every file unchanged.
import { randomUUID } from 'node:crypto'
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImageRequest } from '../image.js'
import type { Report } from '../verdict/policy.js'
import { describeFileError } from '../report/files.js'
import type { FileReference } from './extract.js'
import type { ScanResult } from './scan.js'

export interface PinChange {
  file: string
  line: number
  /** The reference as it was written, and as it is now. */
  from: string
  to: string
}

export interface PinResult {
  changes: PinChange[]
  /** The files that changed, in order. */
  files: string[]
}

/** A file that could not be pinned: the step fails with this message; no file was changed. */
export class PinError extends Error {
  override name = 'PinError'
}

/** The new text of one reference's edit. */
function replacement(
  reference: FileReference,
  source: string,
  digest: string,
  eol: string
): { start: number; end: number; text: string; to: string } {
  const edit = reference.edit
  if (edit === undefined) throw new Error('no edit')
  if (edit.kind === 'reference') {
    const written = source.slice(edit.start, edit.end)
    const to = `${written.replace(/@[^@]*$/, '')}@${digest}`
    return { start: edit.start, end: edit.end, text: to, to }
  }
  const to = `${reference.text.replace(/@[^@]*$/, '')}@${digest}`
  if (edit.kind === 'digest') return { start: edit.start, end: edit.end, text: digest, to }
  return { start: edit.at, end: edit.at, text: `${eol}${edit.indent}digest: ${digest}`, to }
}

/**
 * Rewrites the references whose found digest differs from the one written (or that have none).
 * `digestOf` gives the digest ECR returned for a request, when it was found.
 */
export async function pinFiles(
  workspace: string,
  scan: ScanResult,
  digestOf: (request: ImageRequest) => string | undefined
): Promise<PinResult> {
  const byFile = new Map<string, { reference: FileReference; digest: string }[]>()
  for (const [reference, request] of scan.requestOf) {
    const digest = digestOf(request)
    if (digest === undefined || reference.edit === undefined || reference.writtenDigest === digest) continue
    byFile.set(reference.file, [...(byFile.get(reference.file) ?? []), { reference, digest }])
  }
  const changes: PinChange[] = []
  const staged: { path: string; temporary: string }[] = []
  let current = ''
  try {
    for (const [file, edits] of byFile) {
      current = file
      const path = join(workspace, file)
      const source = await readFile(path, 'utf8')
      const eol = source.includes('\r\n') ? '\r\n' : '\n'
      const replacements = edits
        .map(({ reference, digest }) => ({ reference, ...replacement(reference, source, digest, eol) }))
        .sort((a, b) => b.start - a.start)
      let text = source
      for (const change of replacements) text = `${text.slice(0, change.start)}${change.text}${text.slice(change.end)}`
      for (const change of [...replacements].reverse())
        changes.push({ file, line: change.reference.line, from: change.reference.text, to: change.to })
      const temporary = `${path}.ecr-pin-${randomUUID()}.tmp`
      staged.push({ path, temporary })
      await writeFile(temporary, text, 'utf8')
      await chmod(temporary, (await stat(path)).mode)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true }).catch(() => undefined)))
    throw new PinError(`pin: could not write ${current}: ${describeFileError(error)}. No file was changed.`)
  }
  for (const { path, temporary } of staged) await rename(temporary, path)
  return { changes, files: [...byFile.keys()] }
}

/** Pins what the report found: each file reference gets the digest ECR returned for it. */
export function pinFound(workspace: string, scan: ScanResult, report: Report): Promise<PinResult> {
  const digests = new Map(report.found.map((verdict) => [verdict.request, verdict.image.imageId?.imageDigest]))
  return pinFiles(workspace, scan, (request) => digests.get(request))
}
