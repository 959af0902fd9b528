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
import { isEcrHost, parseReference } from '../inputs/references.js'
import { type FileReference, TEMPLATED, chartAppVersion, extractReferences } from './extract.js'
import { findFiles, inside } from './find.js'
import { type ScannedSource, decodeSource } from './source.js'

export interface ScanResult {
  /** Workspace-relative paths of the files scanned (each file itself, once). */
  files: string[]
  /** Each scanned file's resolved path and bytes, by its workspace-relative path. */
  sources: Map<string, { path: string; source: ScannedSource }>
  /** Links the globs named that lead out of the workspace or to nothing: not scanned. */
  skippedLinks: string[]
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
  /** ECR references that are looked up but cannot be pinned in place (each says why). */
  unpinnable: FileReference[]
}

/** The registry part of a reference, if it names one (`host.name/…`, `host:port/…`, `localhost/…`). */
function registryOf(text: string): string | undefined {
  const slash = text.indexOf('/')
  const first = slash < 0 ? '' : text.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined
}

function toRequest(reference: FileReference, pin: boolean): ImageRequest {
  const where = `files: ${reference.file}:${reference.line}`
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

function nothingFound(settings: FilesSettings, message: string): NothingFound {
  if (settings.ifNoFilesFound === 'error')
    throw new InputError(`${message} Fix the files globs, or set if-no-files-found: warn (or ignore) if that can happen.`)
  return { message }
}

/** A Chart.yaml's appVersion by folder, read once each (only a Chart.yaml inside the workspace counts). */
function chartReader(root: string): (folder: string) => Promise<{ appVersion: string; chart: string } | undefined> {
  const charts = new Map<string, Promise<{ appVersion: string; chart: string } | undefined>>()
  const read = async (folder: string): Promise<{ appVersion: string; chart: string } | undefined> => {
    const path = await realpath(join(folder, 'Chart.yaml')).catch(() => undefined)
    if (path === undefined || !inside(root, path)) return undefined
    const appVersion = chartAppVersion(decodeSource(await readFile(path)).text)
    return appVersion === undefined ? undefined : { appVersion, chart: path }
  }
  return (folder) => {
    const known = charts.get(folder) ?? read(folder).catch(() => undefined)
    charts.set(folder, known)
    return known
  }
}

export async function scanFiles(settings: FilesSettings): Promise<ScanResult & { nothingFound?: NothingFound }> {
  const root = await realpath(settings.workspace)
  const { files, skipped: skippedLinks } = await findFiles(root, settings.patterns)
  const result: ScanResult = {
    files,
    sources: new Map(),
    skippedLinks,
    references: [],
    requests: [],
    requestOf: new Map(),
    skipped: [],
    templated: [],
    chartDecides: [],
    unpinnable: []
  }
  if (files.length === 0)
    return {
      ...result,
      nothingFound: nothingFound(
        settings,
        `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}${skippedLinks.length > 0 ? ` (${skippedLinks.length} link(s) skipped, see the warnings)` : ''}.`
      )
    }
  const chartOf = chartReader(root)
  for (const file of files) {
    const path = join(root, file)
    let source: ScannedSource
    try {
      source = decodeSource(await readFile(path))
    } catch (error) {
      throw new InputError(`files: could not read ${file}: ${describeFileError(error)}.`)
    }
    result.sources.set(file, { path, source })
    for (const found of extractReferences(file, source.text)) {
      let reference = found
      if (found.helmWithoutTag) {
        // Helm renders an empty tag as the chart's appVersion: the Chart.yaml beside the values file says it.
        const chart = await chartOf(dirname(path))
        if (chart !== undefined)
          reference = {
            ...found,
            text: `${withoutDigest(found.text)}:${chart.appVersion}${found.writtenDigest ? `@${found.writtenDigest}` : ''}`
          }
        else if (found.writtenDigest === undefined) {
          result.references.push(found)
          result.chartDecides.push(found)
          continue
        }
      }
      result.references.push(reference)
      if (TEMPLATED.test(reference.text)) result.templated.push(reference)
      else if (!isEcrHost(registryOf(reference.text) ?? '')) result.skipped.push(reference)
      else {
        const request = toRequest(reference, settings.pin)
        result.requests.push(request)
        result.requestOf.set(reference, request)
        if (reference.edit === undefined) result.unpinnable.push(reference)
      }
    }
  }
  if (result.requests.length === 0) {
    const others = [
      `${result.skipped.length} in other registries`,
      `${result.templated.length} templated`,
      ...(result.chartDecides.length > 0 ? [`${result.chartDecides.length} whose tag the chart's appVersion decides`] : [])
    ]
    return {
      ...result,
      nothingFound: nothingFound(
        settings,
        `files: ${files.length} file(s) matched, but no image reference in them can be looked up in ECR (${result.references.length} reference(s): ${others.join(', ')}).`
      )
    }
  }
  return result
}
