// What the step tells the workflow: step outputs, and one log line or annotation per image.
import * as core from '@actions/core'
import type { Image } from '@aws-sdk/client-ecr'
import { describeImageId } from './image-ids.js'
import { pinnedImageUri } from './image-uri.js'
import type { Report } from './policy.js'
import { safeText } from './sanitize.js'

export interface OutputContext {
  repositoryName: string
  registryId?: string
  region: string
}

export function imageUriOf(image: Image, context: OutputContext): string | undefined {
  const registryId = image.registryId ?? context.registryId
  const digest = image.imageId?.imageDigest
  if (registryId === undefined || digest === undefined) return undefined
  return pinnedImageUri(registryId, context.region, image.repositoryName ?? context.repositoryName, digest)
}

/** Writes every output that is known. Called before the step is failed. */
export function writeOutputs(report: Report, context: OutputContext): void {
  core.setOutput('found', report.allFound ? 'true' : 'false')
  const first = report.first
  if (first !== undefined) {
    core.setOutput('digest', first.imageId?.imageDigest ?? '')
    core.setOutput('manifest', first.imageManifest ?? '')
    core.setOutput('media-type', first.imageManifestMediaType ?? '')
    core.setOutput('image-uri', imageUriOf(first, context) ?? '')
  }
  core.setOutput('images', JSON.stringify(report.images))
  core.setOutput('failures', JSON.stringify(report.failures))
}

/** One readable line per requested image; failures are annotations (errors when they fail the step). */
export function logVerdicts(report: Report, context: OutputContext): void {
  for (const verdict of report.verdicts) {
    const name = safeText(describeImageId(verdict.id))
    if (verdict.status === 'found') {
      const digest = safeText(verdict.image.imageId?.imageDigest ?? '?')
      const mediaType = safeText(verdict.image.imageManifestMediaType ?? 'unknown media type')
      core.info(`✔ ${name}: found ${digest} (${mediaType})`)
    } else if (verdict.status === 'failed') {
      const code = safeText(verdict.failure.failureCode ?? 'UnknownFailure')
      const reason = safeText(verdict.failure.failureReason ?? 'no reason given')
      const message = `${name} in ${context.repositoryName}: ${code}: ${reason}`
      if (verdict.fails) core.error(message, { title: `Image ${code}` })
      else core.warning(message, { title: `Image ${code}` })
    } else {
      core.info(`✘ ${name}: not looked up (the request failed, see the error below)`)
    }
  }
}
