// Orchestration: inputs → lookup (with waiting, digest checks and platforms, under the step's
// deadline) → policy → files, outputs, log and summary → exit status.
import type { Agent } from 'node:http'
import * as core from './actions-core.js'
import { describeCallError } from './aws-errors.js'
import { Deadline, sleep } from './deadline.js'
import { checkDigests } from './digest-check.js'
import { formatDuration } from './durations.js'
import { clientPerRegion, createEcrClient } from './ecr-client.js'
import { writeImagesFile, writeManifestFile } from './files.js'
import { errorMessage, listNames } from './helpers.js'
import type { ImageRequest } from './image-request.js'
import { type Inputs, getInputs } from './inputs.js'
import { type LookupResult, lookupImages } from './lookup.js'
import { imagesData, logVerdicts, writeOutputs } from './outputs.js'
import { resolvePlatforms } from './platform.js'
import { evaluate } from './policy.js'
import { createProxyAgent, redactProxy } from './proxy.js'
import { safeText } from './sanitize.js'
import { writeSummary } from './summary.js'
import { lookUpUntilSettled } from './wait.js'

/** After the deadline, this long is left to write outputs before the process is ended regardless. */
const WATCHDOG_GRACE_MS = 10_000

/** One round of lookups: BatchGetImage with the digest check, then platform resolution (its fetches checked too). */
async function lookupRound(inputs: Inputs, deadline: Deadline): Promise<(requests: ImageRequest[]) => Promise<LookupResult[]>> {
  const log = (line: string): void => core.info(line)
  let agent: Agent | undefined
  if (inputs.proxy !== undefined) {
    core.info(`Using the proxy ${redactProxy(inputs.proxy.url)}${inputs.proxy.noProxy ? ` (NO_PROXY: ${safeText(inputs.proxy.noProxy)})` : ''}.`)
    agent = await createProxyAgent(inputs.proxy)
  }
  const clientFor = clientPerRegion((region) =>
    createEcrClient(region, { maxAttempts: inputs.retryMaxAttempts, log, ...(agent !== undefined && { agent }) })
  )
  const options = { acceptedMediaTypes: inputs.acceptedMediaTypes, clientFor, signal: deadline.signal }
  const fetch = async (requests: ImageRequest[]): Promise<LookupResult[]> => {
    const results = await lookupImages(requests, options)
    return inputs.verifyDigest ? checkDigests(results, inputs.acceptedMediaTypes) : results
  }
  const { platform } = inputs
  return async (requests) => {
    const results = await fetch(requests)
    return platform !== undefined ? resolvePlatforms(results, platform, fetch) : results
  }
}

/** Ends the process if it is still running well after the deadline (a last resort against hangs). */
function startWatchdog(timeoutMs: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    core.setFailed(`Timed out: the step's timeout of ${formatDuration(timeoutMs)} passed and the step did not finish.`)
    process.exit(core.ExitCode.Failure)
  }, timeoutMs + WATCHDOG_GRACE_MS)
  timer.unref()
  return timer
}

export async function run(): Promise<void> {
  let deadline: Deadline | undefined
  let watchdog: NodeJS.Timeout | undefined
  try {
    const inputs = getInputs()
    deadline = new Deadline(inputs.timeoutMs)
    watchdog = startWatchdog(inputs.timeoutMs)
    core.debug(`Looking up ${inputs.requests.length} image(s).`)
    const activeDeadline = deadline
    const outcome = await lookUpUntilSettled(inputs.requests, await lookupRound(inputs, deadline), {
      expect: inputs.expect,
      timeoutMs: inputs.waitTimeoutMs,
      intervalMs: inputs.waitIntervalMs,
      log: (line) => core.info(safeText(line)),
      sleep: (ms) => sleep(ms, activeDeadline.signal),
      stop: () => activeDeadline.expired
    })
    const report = evaluate(outcome.results, inputs.failOn, inputs.expect)

    const images = imagesData(report)
    const imagesFile = await writeImagesFile(images.json)
    const first = report.found[0]
    if (inputs.manifestFile !== undefined && first !== undefined)
      core.info(`Wrote the manifest of ${safeText(first.request.requested)} to ${await writeManifestFile(inputs.manifestFile, first.image.imageManifest ?? '')}`)
    writeOutputs(report, images, imagesFile)
    logVerdicts(report)
    await writeSummary(report)

    const failingNames = listNames(report.failing.map((verdict) => safeText(verdict.request.requested)))
    if (deadline.expired && (report.error !== undefined || outcome.stopped)) {
      const pending = report.verdicts
        .filter((verdict) => verdict.status === 'error' || verdict.status === 'present' || (verdict.status === 'failed' && verdict.fails))
        .map((verdict) => safeText(verdict.request.requested))
      core.setFailed(
        `Timed out: the step's timeout of ${formatDuration(inputs.timeoutMs)} passed (raise the timeout input); still pending: ${listNames(pending) || 'nothing'}.`
      )
    } else if (report.error !== undefined) {
      core.setFailed(describeCallError(report.error.error, report.error.request))
    } else if (outcome.timedOut) {
      const state = inputs.expect === 'absent' ? 'still present' : 'still missing'
      core.setFailed(`Gave up after waiting ${formatDuration(outcome.waitedMs)} (wait-timeout): ${failingNames || 'some images'} ${state}.`)
    } else if (report.failing.length > 0) {
      // Each failing image already has its own error annotation: end with a plain line, not another error.
      core.info(`${report.failing.length} of ${report.verdicts.length} image(s) failed: ${failingNames}`)
      process.exitCode = core.ExitCode.Failure
    } else {
      core.info(`${report.found.length} of ${report.verdicts.length} image(s) found.`)
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  } finally {
    deadline?.dispose()
    if (watchdog !== undefined) clearTimeout(watchdog)
  }
}
