// Orchestration: inputs → lookup (with waiting, digest checks and platforms) → policy → files,
// outputs, log and summary → exit status.
import * as core from '@actions/core'
import { describeCallError } from './aws-errors.js'
import { checkDigests } from './digest-check.js'
import { formatDuration } from './durations.js'
import { clientPerRegion } from './ecr-client.js'
import { writeImagesFile, writeManifestFile } from './files.js'
import { errorMessage } from './helpers.js'
import type { ImageRequest } from './image-request.js'
import { type Inputs, getInputs } from './inputs.js'
import { type LookupResult, lookupImages } from './lookup.js'
import { imageElements, logVerdicts, writeOutputs } from './outputs.js'
import { resolvePlatforms } from './platform.js'
import { evaluate } from './policy.js'
import { safeText } from './sanitize.js'
import { writeSummary } from './summary.js'
import { lookUpUntilSettled } from './wait.js'

/** One round of lookups: BatchGetImage, then the digest check, then platform resolution. */
function lookupRound(inputs: Inputs): (requests: ImageRequest[]) => Promise<LookupResult[]> {
  const options = { acceptedMediaTypes: inputs.acceptedMediaTypes, clientFor: clientPerRegion() }
  const fetch = (requests: ImageRequest[]): Promise<LookupResult[]> => lookupImages(requests, options)
  return async (requests) => {
    let results = await fetch(requests)
    if (inputs.verifyDigest) results = checkDigests(results, inputs.acceptedMediaTypes)
    if (inputs.platform !== undefined) results = await resolvePlatforms(results, inputs.platform, fetch, inputs.verifyDigest)
    return results
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    core.debug(`Looking up ${inputs.requests.length} image(s).`)
    const outcome = await lookUpUntilSettled(inputs.requests, lookupRound(inputs), {
      expect: inputs.expect,
      timeoutMs: inputs.waitTimeoutMs,
      intervalMs: inputs.waitIntervalMs,
      log: (line) => core.info(safeText(line))
    })
    const report = evaluate(outcome.results, inputs.failOn, inputs.expect)

    const images = imageElements(report)
    const imagesFile = await writeImagesFile(images)
    const first = report.found[0]
    if (inputs.manifestFile !== undefined && first !== undefined)
      core.info(`Wrote the manifest of ${safeText(first.request.requested)} to ${await writeManifestFile(inputs.manifestFile, first.image.imageManifest ?? '')}`)
    writeOutputs(report, { imagesFile })
    logVerdicts(report)
    await writeSummary(report)

    if (report.error !== undefined) {
      core.setFailed(describeCallError(report.error.error, report.error.request))
    } else if (outcome.timedOut) {
      const state = inputs.expect === 'absent' ? 'still present' : 'still missing'
      const names = report.failing.map((verdict) => safeText(verdict.request.requested)).join(', ')
      core.setFailed(`Gave up after waiting ${formatDuration(outcome.waitedMs)} (wait-timeout): ${names || 'some images'} ${state}.`)
    } else if (report.failing.length > 0) {
      // Each failing image already has its own error annotation: end with a plain line, not another error.
      const names = report.failing.map((verdict) => safeText(verdict.request.requested)).join(', ')
      core.info(`${report.failing.length} of ${report.verdicts.length} image(s) failed: ${names}`)
      process.exitCode = core.ExitCode.Failure
    } else {
      core.info(`${report.found.length} of ${report.verdicts.length} image(s) found.`)
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
