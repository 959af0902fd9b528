// What the step tells the workflow: step outputs, and one log line or annotation per image.
import * as core from './actions-core.js'
import type { Image } from '@aws-sdk/client-ecr'
import { formatBytes } from './helpers.js'
import type { ImageRequest } from './image-request.js'
import { pinnedImageUri } from './image-uri.js'
import type { Failure } from './lookup.js'
import type { FoundVerdict, Report } from './policy.js'
import { safeText } from './sanitize.js'

/** Above this, the `images` output leaves the manifests out (a job's outputs total at most 1 MiB). */
export const IMAGES_OUTPUT_LIMIT = 512 * 1024
/** Above this, the `manifest` output is left empty (the manifest is in manifest-file and images-file). */
export const MANIFEST_OUTPUT_LIMIT = 256 * 1024

export type ImageElement = Image & { requested: string; imageUri?: string; platformDigest?: string }
export type FailureElement = Failure & { requested: string }

export function imageUriOf(image: Image, request: ImageRequest, digest = image.imageId?.imageDigest): string | undefined {
  const registryId = image.registryId ?? request.registryId
  if (registryId === undefined || digest === undefined) return undefined
  return pinnedImageUri(registryId, request.region, image.repositoryName ?? request.repositoryName, digest)
}

/** The `images` elements: the API's fields plus requested, imageUri and (with platform) platformDigest. */
function imageElements(report: Report): ImageElement[] {
  return report.found.map((verdict) => {
    const imageUri = imageUriOf(verdict.image, verdict.request)
    return {
      requested: verdict.request.requested,
      ...verdict.image,
      ...(imageUri !== undefined && { imageUri }),
      ...(verdict.platformDigest !== undefined && { platformDigest: verdict.platformDigest })
    }
  })
}

export function failureElements(report: Report): FailureElement[] {
  return report.failures.map((verdict) => ({ requested: verdict.request.requested, ...verdict.failure }))
}

/** The `images` elements and their JSON, computed once for the output and for images-file. */
export interface ImagesData {
  elements: ImageElement[]
  json: string
}

export function imagesData(report: Report): ImagesData {
  const elements = imageElements(report)
  return { elements, json: JSON.stringify(elements) }
}

/** Writes every output that is known. Called before the step is failed. */
export function writeOutputs(report: Report, images: ImagesData, imagesFile?: string): void {
  core.setOutput('found', report.allFound ? 'true' : 'false')
  const first: FoundVerdict | undefined = report.found[0]
  if (first !== undefined) {
    const manifest = first.image.imageManifest ?? ''
    core.setOutput('digest', first.image.imageId?.imageDigest ?? '')
    if (Buffer.byteLength(manifest) > MANIFEST_OUTPUT_LIMIT)
      core.warning(
        `The manifest of ${safeText(first.request.requested)} is ${formatBytes(Buffer.byteLength(manifest))}: the manifest output is left empty to stay within GitHub's output limits. Use manifest-file or images-file instead.`
      )
    else core.setOutput('manifest', manifest)
    core.setOutput('media-type', first.image.imageManifestMediaType ?? '')
    core.setOutput('image-uri', images.elements[0]?.imageUri ?? '')
  }
  const withPlatform = report.found.find((verdict) => verdict.platformDigest !== undefined)
  if (withPlatform?.platformDigest !== undefined) {
    core.setOutput('platform-digest', withPlatform.platformDigest)
    core.setOutput('platform-image-uri', imageUriOf(withPlatform.image, withPlatform.request, withPlatform.platformDigest) ?? '')
  }
  core.setOutput(
    'digests',
    JSON.stringify(
      Object.fromEntries(report.found.map((verdict) => [verdict.request.requested, verdict.image.imageId?.imageDigest]))
    )
  )
  core.setOutput(
    'image-uris',
    images.elements.flatMap((element) => (element.imageUri !== undefined ? [element.imageUri] : [])).join('\n')
  )
  let imagesJson = images.json
  if (Buffer.byteLength(imagesJson) > IMAGES_OUTPUT_LIMIT) {
    core.warning(
      `The images output would be ${formatBytes(Buffer.byteLength(imagesJson))}, over ${formatBytes(IMAGES_OUTPUT_LIMIT)}: it leaves out the manifests (imageManifest) to stay within GitHub's output limits. The full array is in images-file.`
    )
    imagesJson = JSON.stringify(images.elements.map(({ imageManifest: _manifest, ...rest }) => rest))
  }
  core.setOutput('images', imagesJson)
  core.setOutput('failures', JSON.stringify(failureElements(report)))
  if (imagesFile !== undefined) core.setOutput('images-file', imagesFile)
}

/** One readable line per requested image; failures are annotations (errors when they fail the step). */
export function logVerdicts(report: Report): void {
  // Plain lines are written in runs (one write per run, not per image); annotations keep their place.
  let lines: string[] = []
  const flush = (): void => {
    if (lines.length > 0) core.info(lines.join('\n'))
    lines = []
  }
  const info = (line: string): void => void lines.push(line)
  const annotate = (write: () => void): void => {
    flush()
    write()
  }
  for (const verdict of report.verdicts) {
    const { requested, repositoryName } = verdict.request
    // `v1 in team/api`; a reference (team/api:v1) already names its repository.
    const name = safeText(requested.includes(repositoryName) ? requested : `${requested} in ${repositoryName}`)
    if (verdict.status === 'found' || verdict.status === 'present') {
      const digest = safeText(verdict.image.imageId?.imageDigest ?? '?')
      const mediaType = safeText(verdict.image.imageManifestMediaType ?? 'unknown media type')
      const platform = verdict.platformDigest !== undefined ? `, platform ${safeText(verdict.platformDigest)}` : ''
      if (verdict.status === 'found') info(`✔ ${name}: found ${digest} (${mediaType}${platform})`)
      else annotate(() => core.error(`${name} exists (${digest}), but expect is absent.`, { title: 'Image exists' }))
    } else if (verdict.status === 'absent') {
      info(`✔ ${name}: absent, as expected`)
    } else if (verdict.status === 'failed') {
      const code = safeText(verdict.failure.failureCode ?? 'UnknownFailure')
      const reason = safeText(verdict.failure.failureReason ?? 'no reason given')
      const message = `${name}: ${code}: ${reason}`
      const title = `Image ${code}`
      annotate(() => (verdict.fails ? core.error(message, { title }) : core.warning(message, { title })))
    } else {
      info(`✘ ${name}: not looked up (the request failed, see the error below)`)
    }
  }
  flush()
}
