// The files stage: find the files the `files` globs name, read the image references in them, and turn
// those in ECR registries into requests that join the others (each with the file and line it is on).
// References in other registries are listed as skipped; templated ones get a notice at their line.
// Loaded by main.ts only when `files` is set.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type ImageRequest, InputError } from '../image.js'
import type { FilesSettings } from '../inputs/files.js'
import { isEcrHost, parseReference } from '../inputs/references.js'
import { describeFileError } from '../report/files.js'
import { type FileReference, TEMPLATED, extractReferences } from './extract.js'
import { findFiles } from './find.js'

export interface ScanResult {
  files: string[]
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

export async function scanFiles(settings: FilesSettings): Promise<ScanResult & { nothingFound?: NothingFound }> {
  const files = await findFiles(settings.workspace, settings.patterns)
  if (files.length === 0)
    return {
      files,
      references: [],
      requests: [],
      requestOf: new Map(),
      skipped: [],
      templated: [],
      nothingFound: nothingFound(
        settings,
        `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}.`
      )
    }
  const result: ScanResult = { files, references: [], requests: [], requestOf: new Map(), skipped: [], templated: [] }
  for (const file of files) {
    let text: string
    try {
      text = await readFile(join(settings.workspace, file), 'utf8')
    } catch (error) {
      throw new InputError(`files: could not read ${file}: ${describeFileError(error)}.`)
    }
    for (const reference of extractReferences(file, text)) {
      result.references.push(reference)
      if (TEMPLATED.test(reference.text)) result.templated.push(reference)
      else if (!isEcrHost(registryOf(reference.text) ?? '')) result.skipped.push(reference)
      else {
        const request = toRequest(reference, settings.pin)
        result.requests.push(request)
        result.requestOf.set(reference, request)
      }
    }
  }
  if (result.requests.length === 0 && result.templated.length === 0)
    return {
      ...result,
      nothingFound: nothingFound(
        settings,
        `files: ${files.length} file(s) matched, but none references an image in ECR (${result.skipped.length} reference(s) in other registries).`
      )
    }
  return result
}
