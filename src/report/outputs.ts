// What the step tells the workflow: its step outputs, within GitHub's limit on a job's outputs (the
// images-file beside them is files.ts). Outputs are computed first, then degraded in a fixed order
// until they fit, then written; a GITHUB_OUTPUT that cannot be written is an error naming it.
import * as core from '@actions/core'
import type { Image } from '@aws-sdk/client-ecr'
import { pinnedImageUri } from '../registry-host.js'
import type { Failure, FoundArtifact } from '../ecr/lookup.js'
import type { ImageRequest } from '../image.js'
import type { Promotion } from '../promote/plan.js'
import { formatCount, listNames, safeText } from '../text.js'
import type { FoundVerdict, Report } from '../verdict/policy.js'
import { describeFileError } from '../file-errors.js'

/**
 * GitHub allows a job's outputs 1 MB in total, counted in UTF-16 code units (JavaScript's length):
 * the step's outputs, names and values together, stay below it.
 */
export const OUTPUTS_LIMIT = 1_000_000

export type ImageElement = Image & { requested: string; imageUri?: string; platformDigest?: string; artifacts?: FoundArtifact[] }
export type FailureElement = Failure & { requested: string }

/** The pinned reference, in the registry host form the user wrote (dual-stack, FIPS) or the standard one. */
export function imageUriOf(image: Image, request: ImageRequest, digest = image.imageId?.imageDigest): string | undefined {
  const registryId = image.registryId ?? request.registryId
  if (registryId === undefined || digest === undefined) return undefined
  const repositoryName = image.repositoryName ?? request.repositoryName
  if (request.registryHost !== undefined && registryId === request.registryId) return `${request.registryHost}/${repositoryName}@${digest}`
  return pinnedImageUri(registryId, request.region, repositoryName, digest)
}

/** The `images` elements: the API's fields plus requested, imageUri and (with platform) platformDigest. */
function imageElements(report: Report): ImageElement[] {
  return report.found.map((verdict) => {
    const imageUri = imageUriOf(verdict.image, verdict.request)
    return {
      requested: verdict.request.requested,
      ...verdict.image,
      ...(imageUri !== undefined && { imageUri }),
      ...(verdict.platformDigest !== undefined && { platformDigest: verdict.platformDigest }),
      ...(verdict.artifacts !== undefined && { artifacts: verdict.artifacts })
    }
  })
}

function failureElements(report: Report): FailureElement[] {
  return report.failures.map((verdict) => ({ requested: verdict.request.requested, ...verdict.failure }))
}

/**
 * The `images` elements and the failures' JSON, computed once for the outputs and the files. The full
 * images JSON is never built as one string unless it is short enough for an output: 140 tags of one
 * image with a 4 MiB manifest are over V8's longest string.
 */
export interface ImagesData {
  elements: ImageElement[]
  failures: FailureElement[]
  failuresJson: string
  /** The length of the full images JSON, counted element by element (once). */
  fullLength: () => number
}

export function imagesData(report: Report): ImagesData {
  const elements = imageElements(report)
  const failures = failureElements(report)
  let length: number | undefined
  return {
    elements,
    failures,
    failuresJson: JSON.stringify(failures),
    fullLength: () => (length ??= elements.reduce((sum, element, index) => sum + JSON.stringify(element).length + (index > 0 ? 1 : 0), 2))
  }
}

/** GITHUB_OUTPUT could not be written: the step fails with this message. */
export class OutputsError extends Error {
  override name = 'OutputsError'
}

type Outputs = Map<string, string>

/**
 * The outputs that may be left out, least needed first (the order the warning names them in). Each
 * is kept when it fits beside what is more needed: `pinned-files` (what a later step commits), then
 * `digests` and `failures`, then `image-uris`, then `images` (without manifests, then with them), then
 * `manifest`. `found`, `digest`, `media-type`, `image-uri`, the platform outputs and the two files'
 * paths always stay (each short: every value from a server is checked before it gets here).
 */
export const DEGRADE_ORDER = [
  'the manifest output',
  'the manifests in the images output',
  'the images output',
  'image-uris',
  'digests',
  'the failures output',
  'pinned-files'
] as const
type LeftOut = (typeof DEGRADE_ORDER)[number]

/** The size GitHub counts: names and values in UTF-16 code units. */
export function outputsSize(outputs: Outputs): number {
  let size = 0
  for (const [name, value] of outputs) size += name.length + value.length
  return size
}

/** Every output that is known, before any is left out. */
export function computeOutputs(report: Report, images: ImagesData, files: ResultFiles = {}, pinnedFiles?: readonly string[]): Outputs {
  const outputs: Outputs = new Map()
  // Nothing checked is not found: a later step gated on found must not run on nothing.
  outputs.set('found', report.allFound && report.verdicts.length > 0 ? 'true' : 'false')
  const first = report.found[0]
  if (first !== undefined) {
    outputs.set('digest', first.image.imageId?.imageDigest ?? '')
    outputs.set('manifest', first.image.imageManifest ?? '')
    outputs.set('media-type', first.image.imageManifestMediaType ?? '')
    outputs.set('image-uri', images.elements[0]?.imageUri ?? '')
  }
  const withPlatform = report.found.find((verdict) => verdict.platformDigest !== undefined)
  if (withPlatform?.platformDigest !== undefined) {
    outputs.set('platform-digest', withPlatform.platformDigest)
    outputs.set('platform-image-uri', imageUriOf(withPlatform.image, withPlatform.request, withPlatform.platformDigest) ?? '')
  }
  outputs.set(
    'digests',
    JSON.stringify(Object.fromEntries(report.found.map((verdict) => [verdict.request.requested, verdict.image.imageId?.imageDigest])))
  )
  outputs.set('image-uris', images.elements.flatMap((element) => (element.imageUri !== undefined ? [element.imageUri] : [])).join('\n'))
  // Only when it can be an output at all; fitOutputs says it was left out otherwise.
  if (images.fullLength() < OUTPUTS_LIMIT) outputs.set('images', JSON.stringify(images.elements))
  outputs.set('failures', images.failuresJson)
  if (files.imagesFile !== undefined) outputs.set('images-file', files.imagesFile)
  if (files.failuresFile !== undefined) outputs.set('failures-file', files.failuresFile)
  if (pinnedFiles !== undefined) outputs.set('pinned-files', pinnedFiles.join('\n'))
  return outputs
}

/** The most the promoted output may take: with very many images and tags, it is left out instead. */
export const PROMOTED_LIMIT = 200_000
/** The longest error code a promoted entry carries. */
export const ERROR_CODE_LIMIT = 64

/**
 * The room to leave for the promotion's outputs, written after the others: the longest they can be
 * for these images and tags, at most PROMOTED_LIMIT.
 */
export function promotionReserve(found: readonly FoundVerdict[], tags: readonly string[]): number {
  const digest = `sha256:${'0'.repeat(64)}`
  let size = 'promoted'.length + 'promote-result'.length + 'partial'.length + 2
  for (const verdict of found)
    for (const tag of tags)
      size +=
        JSON.stringify({
          repository: verdict.request.repositoryName,
          registryId: '000000000000',
          tag,
          digest,
          previousDigest: digest,
          result: 'unchanged',
          error: 'x'.repeat(ERROR_CODE_LIMIT)
        }).length + 1
  return Math.min(size, PROMOTED_LIMIT)
}

/**
 * Writes promoted and promote-result. promoted is left out, with a warning, when it would pass
 * `reserve`. Throws OutputsError, naming GITHUB_OUTPUT, when it cannot be written.
 */
export function writePromotionOutputs(promotion: Promotion, reserve: number): void {
  // An error code is an exception's name from the server: keep it within what the reserve counted.
  const promoted = JSON.stringify(
    promotion.tags.map((tag) => (tag.error !== undefined ? { ...tag, error: tag.error.slice(0, ERROR_CODE_LIMIT) } : tag))
  )
  const fits = promoted.length + 'promoted'.length + 'promote-result'.length + promotion.result.length <= reserve
  if (!fits)
    core.warning(
      `The promoted output would take ${formatCount(promoted.length)} characters, more than the ${formatCount(reserve)} left of GitHub's 1 MB for a job's outputs: it is left out. Every tag's result is in the log (and in the job summary, as far as its table goes); promote-result is ${promotion.result}.`
    )
  try {
    if (fits) core.setOutput('promoted', promoted)
    core.setOutput('promote-result', promotion.result)
  } catch (error) {
    throw outputsError(error)
  }
}

function outputsError(error: unknown): OutputsError {
  const path = process.env.GITHUB_OUTPUT ?? ''
  return new OutputsError(
    `Could not write the step outputs to GITHUB_OUTPUT (${safeText(path)}): ${describeFileError(error)}. The lookup itself finished (see the lines above); the runner's output file must be writable.`
  )
}

/**
 * Keeps, most needed first, every output that fits under `limit` beside those kept before it, and
 * leaves out the rest; returns what was left out, in DEGRADE_ORDER's order.
 */
export function fitOutputs(outputs: Outputs, images: ImagesData, limit = OUTPUTS_LIMIT): LeftOut[] {
  if (outputsSize(outputs) < limit && outputs.has('images')) return []
  const optional = new Map<string, string>()
  for (const name of ['pinned-files', 'digests', 'failures', 'image-uris', 'images', 'manifest']) {
    const value = outputs.get(name)
    if (value !== undefined) optional.set(name, value)
    outputs.delete(name)
  }
  let size = outputsSize(outputs)
  const keep = (name: string, value: string, replaces = ''): boolean => {
    const cost = name.length + value.length - (replaces === '' ? 0 : name.length + replaces.length)
    if (size + cost >= limit) return false
    outputs.set(name, value)
    size += cost
    return true
  }
  const leftOut = new Set<LeftOut>()
  const lists: [string, LeftOut][] = [
    ['pinned-files', 'pinned-files'],
    ['digests', 'digests'],
    ['failures', 'the failures output'],
    ['image-uris', 'image-uris']
  ]
  for (const [name, what] of lists) {
    const value = optional.get(name)
    if (value !== undefined && !keep(name, value)) leftOut.add(what)
  }
  const full = optional.get('images')
  if (full !== undefined || images.elements.length > 0) {
    // Without manifests first (what a later step reads), then with them when they fit too.
    const bare = images.elements.some((element) => element.imageManifest !== undefined)
      ? JSON.stringify(images.elements.map(({ imageManifest: _manifest, ...rest }) => rest))
      : (full ?? JSON.stringify(images.elements))
    if (!keep('images', bare)) leftOut.add('the images output')
    else if (bare !== full && (full === undefined || !keep('images', full, bare))) leftOut.add('the manifests in the images output')
  }
  const manifest = optional.get('manifest')
  if (manifest !== undefined && !keep('manifest', manifest)) leftOut.add('the manifest output')
  return DEGRADE_ORDER.filter((what) => leftOut.has(what))
}

/** Where the full data is, for the warning: the files that hold it, or why they could not be written. */
export interface ResultFiles {
  imagesFile?: string
  failuresFile?: string
}

/** Where what was left out is: the files that hold it, or, when a file could not be written, that it is only in the log. */
function whereTheRestIs(files: ResultFiles, leftOut: readonly LeftOut[]): string {
  const found: string[] = []
  const lost: string[] = []
  if (leftOut.some((what) => what !== 'the failures output' && what !== 'pinned-files')) {
    if (files.imagesFile !== undefined)
      found.push(`every found image, manifests included, is in images-file (${safeText(files.imagesFile)})`)
    else lost.push('the found images')
  }
  if (leftOut.includes('the failures output')) {
    if (files.failuresFile !== undefined) found.push(`every failure is in failures-file (${safeText(files.failuresFile)})`)
    else lost.push('the failures')
  }
  if (leftOut.includes('pinned-files')) found.push('every file pinned is named in the log')
  if (lost.length === 0) return `Nothing is lost: ${found.join(', and ')}.`
  const sentence = `${found.length > 0 ? `${found.join(', and ')}; but ` : ''}${listNames(lost)} could not be written to a file under RUNNER_TEMP (see the warning above), so what was left out of them is only in the log.`
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`
}

/**
 * Writes every output that is known, within GitHub's limit (one warning names what was left out and
 * where the full data is). Throws OutputsError, naming GITHUB_OUTPUT, when it cannot be written.
 */
export function writeOutputs(
  report: Report,
  images: ImagesData,
  files: ResultFiles = {},
  pinnedFiles?: readonly string[],
  reserve = 0
): void {
  const outputs = computeOutputs(report, images, files, pinnedFiles)
  // The images output is not built when it alone would pass the limit: count it all the same.
  const size = outputsSize(outputs) + (outputs.has('images') ? 0 : 'images'.length + images.fullLength())
  const leftOut = fitOutputs(outputs, images, OUTPUTS_LIMIT - reserve)
  if (leftOut.length > 0) {
    const limit =
      reserve > 0
        ? `GitHub allows a job's outputs 1 MB, of which ${formatCount(reserve)} characters are kept for the promotion's outputs`
        : "GitHub allows a job's outputs 1 MB"
    core.warning(
      `The step outputs would total ${formatCount(size)} characters, and ${limit}: left out ${listNames(leftOut)}; the rest is kept. ${whereTheRestIs(files, leftOut)}`
    )
  }
  try {
    for (const [name, value] of outputs) core.setOutput(name, value)
  } catch (error) {
    throw outputsError(error)
  }
}
