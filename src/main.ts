// The pipeline, in order: read the inputs → ask ECR (round by round while waiting, under the step's
// deadline) → judge (policy, then how the step ends) → report (images-file, outputs, the files the
// user asked for, log, summary) → end the step.
import * as core from '@actions/core'
import { Deadline } from './deadline.js'
import { createLookupRound } from './ecr/round.js'
import { getInputs } from './inputs/inputs.js'
import { writeImagesFile, writeManifestFile } from './report/files.js'
import { logVerdicts } from './report/log.js'
import { imagesData, writeOutputs } from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import { errorMessage, formatDuration, safeText } from './text.js'
import { decideEnding } from './verdict/ending.js'
import { evaluate } from './verdict/policy.js'
import { lookUpUntilSettled } from './verdict/wait.js'

/** After the deadline, this long is left to write outputs before the process is ended regardless. */
const WATCHDOG_GRACE_MS = 10_000
const EXIT_FAILURE = 1

export async function run(): Promise<void> {
  let deadline: Deadline | undefined
  try {
    const inputs = getInputs()
    const activeDeadline = (deadline = new Deadline(inputs.timeoutMs))
    deadline.startWatchdog(WATCHDOG_GRACE_MS, () => {
      core.setFailed(`Timed out: the step's timeout of ${formatDuration(inputs.timeoutMs)} passed and the step did not finish.`)
      process.exit(EXIT_FAILURE)
    })
    core.debug(`Looking up ${inputs.requests.length} image(s).`)

    const round = await createLookupRound(inputs, deadline, (line) => core.info(line))
    const outcome = await lookUpUntilSettled(inputs.requests, round, {
      expect: inputs.expect,
      timeoutMs: inputs.waitTimeoutMs,
      intervalMs: inputs.waitIntervalMs,
      log: (line) => core.info(safeText(line)),
      sleep: (ms) => activeDeadline.sleep(ms),
      stop: () => activeDeadline.expired
    })

    const report = evaluate(outcome.results, inputs.failOn, inputs.expect)
    const ending = decideEnding({
      report,
      wait: outcome,
      deadlineExpired: deadline.expired,
      timeoutMs: inputs.timeoutMs,
      expect: inputs.expect
    })

    const images = imagesData(report)
    writeOutputs(report, images, await writeImagesFile(images.json))
    const first = report.found[0]
    if (inputs.manifestFile !== undefined && first !== undefined)
      core.info(
        `Wrote the manifest of ${safeText(first.request.requested)} to ${await writeManifestFile(inputs.manifestFile, first.image.imageManifest ?? '')}`
      )
    logVerdicts(report)
    await writeSummary(report)

    if (ending.kind === 'success') core.info(ending.message)
    else if (ending.kind === 'failing-images') {
      // Each failing image already has its own error annotation: end with a plain line, not another error.
      core.info(ending.message)
      process.exitCode = EXIT_FAILURE
    } else core.setFailed(ending.message)
  } catch (error) {
    core.setFailed(errorMessage(error))
  } finally {
    deadline?.dispose()
  }
}
