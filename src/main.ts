// Orchestration: inputs → lookup → policy → outputs, log and summary → exit status.
import * as core from '@actions/core'
import { describeCallError } from './aws-errors.js'
import { createEcrClient } from './ecr-client.js'
import { errorMessage } from './helpers.js'
import { describeImageId } from './image-ids.js'
import { getInputs } from './inputs.js'
import { lookupImages } from './lookup.js'
import { logVerdicts, writeOutputs } from './outputs.js'
import { evaluate } from './policy.js'
import { safeText } from './sanitize.js'
import { writeSummary } from './summary.js'

export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    const client = createEcrClient(inputs.region)
    core.debug(`Looking up ${inputs.imageIds.length} image id(s) in ${inputs.repositoryName} (${inputs.region}).`)
    const results = await lookupImages(client, inputs)
    const report = evaluate(results, inputs.failOn)

    writeOutputs(report, inputs)
    logVerdicts(report, inputs)
    await writeSummary(report, inputs.repositoryName)

    if (report.error !== undefined) {
      core.setFailed(describeCallError(report.error, inputs))
    } else if (report.failing.length > 0) {
      // Each failing image already has its own error annotation: end with a plain line, not another error.
      const names = report.failing.map((verdict) => safeText(describeImageId(verdict.id))).join(', ')
      core.info(`${report.failing.length} of ${report.verdicts.length} image(s) failed under fail-on: ${names}`)
      process.exitCode = core.ExitCode.Failure
    } else {
      core.info(`${report.images.length} of ${report.verdicts.length} image(s) found.`)
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
