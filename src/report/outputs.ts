// What the step tells the workflow: its step outputs (the images-file beside them is files.ts).
import * as core from '@actions/core'
import type { Image } from '@aws-sdk/client-ecr'
import { pinnedImageUri } from '../ecr/image-uri.js'
import type { Failure } from '../ecr/lookup.js'
import type { ImageRequest } from '../image.js'
import { formatBytes, safeText } from '../text.js'
import type { FoundVerdict, Report } from '../verdict/policy.js'

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
    JSON.stringify(Object.fromEntries(report.found.map((verdict) => [verdict.request.requested, verdict.image.imageId?.imageDigest])))
  )
  core.setOutput('image-uris', images.elements.flatMap((element) => (element.imageUri !== undefined ? [element.imageUri] : [])).join('\n'))
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
