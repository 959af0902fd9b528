// The files stage: find the files the `files` globs name, read the image references in them, and turn
// those in ECR registries into requests that join the others (each with the file and line it is on).
// References in other registries are listed as skipped; templated ones, and Helm maps whose tag the
// chart decides, get a notice at their line. Each file's bytes are kept, so pin edits exactly what
// was scanned. Loaded by main.ts only when `files` is set.
import { readFile, realpath } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describeFileError } from '../file-errors.js'
import { type ImageRequest, InputError, withoutDigest } from '../image.js'
import type { FilesSettings } from '../inputs/files.js'
import { parseReference } from '../inputs/references.js'
import { isEcrHost } from '../registry-host.js'
import { errorMessage, listNames, safeText } from '../text.js'
import { extractReferences } from './extract.js'
import { type FileReference, TEMPLATED } from './reference.js'
import { chartAppVersion } from './yaml-references.js'
import { findFiles, inside } from './find.js'
import { type ScannedSource, decodeSource } from './source.js'

export interface ScanResult {
  /** Workspace-relative paths of the files scanned (each file itself, once). */
  files: string[]
  /**
   * Each scanned file by its workspace-relative path: its resolved path, bytes, the references as its
   * reader read them (`read`) and as the scan took them (`references`, the same order; a Helm map's tag
   * filled from its chart).
   */
  sources: Map<string, { path: string; source: ScannedSource; read: FileReference[]; references: FileReference[] }>
  /** What the globs named but was not scanned, one sentence each: links out of the workspace or to nothing, odd names, binary files. */
  notScanned: string[]
  /** Every reference found, in file order. */
  references: FileReference[]
  /** The ECR references as requests, each with its source; with pin, asked by tag so a stale digest shows. */
  requests: ImageRequest[]
  /** The request of each ECR reference (same order as the references that have one). */
  requestOf: Map<FileReference, ImageRequest>
  /** References in registries other than ECR (Docker Hub, ghcr.io, …): not looked up. */
  skipped: FileReference[]
  /** References with template expressions: not looked up. */
  templated: FileReference[]
  /** Helm maps without a tag and without a Chart.yaml beside them to read appVersion from: not looked up. */
  chartDecides: FileReference[]
  /** References whose tag another file decides (a kustomize entry without newTag): not looked up, each says why. */
  tagElsewhere: FileReference[]
  /** ECR references that are looked up but cannot be pinned in place (each says why). */
  unpinnable: FileReference[]
  /**
   * Files no reader could parse, one sentence each naming the file and line: every other file is still
   * checked, and the step fails with these (files.ts's words).
   */
  unparsable: { file: string; line: number; message: string }[]
}

/** The registry part of a reference, if it names one (`host.name/…`, `host:port/…`, `localhost/…`). */
function registryOf(text: string): string | undefined {
  const slash = text.indexOf('/')
  const first = slash < 0 ? '' : text.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined
}

function toRequest(reference: FileReference, pin: boolean): ImageRequest {
  const where = `files: ${reference.file}:${reference.line}`
  if (/\s/.test(reference.text))
    throw new InputError(`${where}: '${safeText(reference.text)}' has white space in it, which no image reference has; remove it.`)
  let request: ImageRequest
  try {
    // No tag and no digest is the `latest` tag, as a pull reads it.
    const withTag = /[:@][^/]*$/.test(reference.text.slice(reference.text.indexOf('/'))) ? reference.text : `${reference.text}:latest`
    request = { ...parseReference(withTag, { region: () => '' }), requested: reference.text }
  } catch (error) {
    throw new InputError(`${where}: ${error instanceof Error ? error.message.replace(/^images: /, '') : String(error)}`)
  }
  const source = { file: reference.file, line: reference.line }
  // With pin, a tag is asked alone: its current digest is what gets written, and a stale one shows.
  const id = pin && request.id.tag !== undefined ? { tag: request.id.tag } : request.id
  return { ...request, id, source }
}

/** Nothing to scan, or nothing in ECR among what was scanned: an error unless if-no-files-found says otherwise. */
export interface NothingFound {
  message: string
}

function nothingFound(settings: FilesSettings, found: string, notScanned: readonly string[]): NothingFound {
  // The sentences of what was not scanned, in the message: as an error, it is the only line there is.
  const message =
    notScanned.length > 0
      ? `${found} Not scanned: ${listNames(
          notScanned.map((sentence) => sentence.replace(/^files: /, '')),
          5
        )}`
      : found
  if (settings.ifNoFilesFound === 'error')
    throw new InputError(`${message} Fix the files globs, or set if-no-files-found: warn (or ignore) if that can happen.`)
  return { message }
}

/** The sentence of the files no reader could parse. */
function unparsableMessage(unparsable: ScanResult['unparsable']): string {
  if (unparsable.length === 1) return unparsable[0]?.message ?? ''
  return `files: ${unparsable.length} files cannot be read, so what they reference was not checked: ${listNames(
    unparsable.map((entry) => entry.message.replace(/^files: /, '').replace(/; fix the file or leave it out of files\.$/, '')),
    5
  )}; fix them or leave them out of files.`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A file's references; a file too deep to read (a chain of thousands of merges) fails naming it. */
function readReferences(file: string, text: string): FileReference[] {
  try {
    return extractReferences(file, text)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(
      `files: ${safeText(file)} cannot be read: ${error instanceof RangeError ? 'its aliases or merge keys nest too deep' : safeText(errorMessage(error))}; simplify it or leave it out of files.`
    )
  }
}

type Chart = { appVersion: string } | { unreadable: string } | undefined

/** A Chart.yaml's appVersion by folder, read once each (only a Chart.yaml inside the workspace counts). */
function chartReader(root: string): (folder: string) => Promise<Chart> {
  const charts = new Map<string, Promise<Chart>>()
  const read = async (folder: string): Promise<Chart> => {
    const path = await realpath(join(root, folder, 'Chart.yaml')).catch(() => undefined)
    if (path === undefined || !inside(root, path)) return undefined
    return chartAppVersion(decodeSource(await readFile(path)).text)
  }
  return (folder) => {
    const known = charts.get(folder) ?? read(folder).catch(() => undefined)
    charts.set(folder, known)
    return known
  }
}

/**
 * A Helm map without a tag, as Helm renders it: with the appVersion of the Chart.yaml beside the values
 * file, as the globs named it (a values file linked into a chart folder belongs to that chart).
 */
async function withAppVersion(
  reference: FileReference,
  folders: readonly string[],
  chartOf: (folder: string) => Promise<Chart>
): Promise<FileReference> {
  const charts = (await Promise.all(folders.map(async (folder) => ({ folder, chart: await chartOf(folder) })))).filter(
    (entry): entry is { folder: string; chart: NonNullable<Chart> } => entry.chart !== undefined
  )
  const unreadable = charts.find((entry) => 'unreadable' in entry.chart)
  if (unreadable !== undefined && 'unreadable' in unreadable.chart)
    return {
      ...reference,
      unreadable: `it has no tag, and the chart's ${unreadable.folder || '.'}/Chart.yaml: ${unreadable.chart.unreadable}`
    }
  const versions = [...new Set(charts.map((entry) => ('appVersion' in entry.chart ? entry.chart.appVersion : '')))]
  if (versions.length > 1)
    return {
      ...reference,
      unreadable: `it has no tag, and the charts that use this values file disagree on appVersion (${versions.join(', ')})`
    }
  const [appVersion] = versions
  if (appVersion === undefined) return reference
  const withTag: FileReference = {
    ...reference,
    text: `${withoutDigest(reference.text)}:${appVersion}${reference.writtenDigest ? `@${reference.writtenDigest}` : ''}`
  }
  delete withTag.helmWithoutTag
  return withTag
}

export async function scanFiles(settings: FilesSettings): Promise<ScanResult & { nothingFound?: NothingFound }> {
  const root = await realpath(settings.workspace)
  const { files, namedAs, skipped: notScanned } = await findFiles(root, settings.patterns)
  const result: ScanResult = {
    files,
    sources: new Map(),
    notScanned,
    references: [],
    requests: [],
    requestOf: new Map(),
    skipped: [],
    templated: [],
    chartDecides: [],
    tagElsewhere: [],
    unpinnable: [],
    unparsable: []
  }
  if (files.length === 0)
    return {
      ...result,
      nothingFound: nothingFound(
        settings,
        `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}.`,
        notScanned
      )
    }
  const chartOf = chartReader(root)
  const unreadable: FileReference[] = []
  for (const file of files) {
    const path = join(root, file)
    let source: ScannedSource
    try {
      source = decodeSource(await readFile(path))
    } catch (error) {
      throw new InputError(`files: could not read ${file}: ${describeFileError(error)}.`)
    }
    if (source.encoding !== 'utf16le' && source.encoding !== 'utf16be' && source.bytes.includes(0)) {
      result.notScanned.push(
        `files: ${safeText(file)} holds NUL bytes (a binary file, or UTF-16 without a byte-order mark); it is not scanned.`
      )
      continue
    }
    let read: FileReference[]
    try {
      read = readReferences(file, source.text)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      // One file that cannot be parsed fails the step, after every other file is checked.
      const line = Number(new RegExp(`^files: ${escapeRegExp(safeText(file))}:(\\d+)`).exec(error.message)?.[1] ?? 1)
      result.unparsable.push({ file, line, message: error.message })
      continue
    }
    const references: FileReference[] = []
    result.sources.set(file, { path, source, read, references })
    // The folders the globs named the file in: a Helm map without a tag takes the Chart.yaml there.
    const folders = [...new Set((namedAs.get(file) ?? [file]).map((name) => dirname(name).replace(/^\.$/, '')))]
    for (const found of read) {
      const reference = found.helmWithoutTag ? await withAppVersion(found, folders, chartOf) : found
      references.push(reference)
      result.references.push(reference)
      if (reference.unreadable !== undefined) {
        // What cannot be read exactly is an input error when it may be in ECR: the gate cannot vouch for it.
        if (reference.text.startsWith('*') || isEcrHost(registryOf(reference.text) ?? '')) unreadable.push(reference)
        else result.skipped.push(reference)
      } else if (reference.templated !== undefined || TEMPLATED.test(reference.text)) result.templated.push(reference)
      else if (reference.helmWithoutTag && reference.writtenDigest === undefined) result.chartDecides.push(reference)
      else if (reference.tagElsewhere !== undefined && isEcrHost(registryOf(reference.text) ?? '')) result.tagElsewhere.push(reference)
      else if (!isEcrHost(registryOf(reference.text) ?? '')) result.skipped.push(reference)
      else {
        const request = toRequest(reference, settings.pin)
        result.requests.push(request)
        result.requestOf.set(reference, request)
        if (reference.edit === undefined) result.unpinnable.push(reference)
      }
    }
  }
  result.files = files.filter((file) => result.sources.has(file))
  if (result.unparsable.length > 0 && result.requests.length === 0) throw new InputError(unparsableMessage(result.unparsable))
  if (unreadable.length > 0)
    throw new InputError(
      `files: ${unreadable.length} image reference(s) cannot be read exactly, so nothing was looked up: ${listNames(
        unreadable.map(
          (reference) =>
            `${safeText(reference.file)}:${reference.line}: ${safeText(reference.text)}: ${safeText(reference.unreadable ?? '')}`
        ),
        10
      )}.`
    )
  if (result.requests.length === 0) {
    const others = [
      `${result.skipped.length} in other registries`,
      `${result.templated.length} templated`,
      ...(result.chartDecides.length > 0 ? [`${result.chartDecides.length} whose tag the chart's appVersion decides`] : []),
      ...(result.tagElsewhere.length > 0 ? [`${result.tagElsewhere.length} whose tag the kustomize base decides`] : [])
    ]
    return {
      ...result,
      nothingFound: nothingFound(
        settings,
        `files: ${files.length} file(s) matched, but no image reference in them can be looked up in ECR (${result.references.length} reference(s): ${others.join(', ')}).`,
        result.notScanned
      )
    }
  }
  return result
}
