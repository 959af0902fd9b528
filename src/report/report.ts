// The report stage, in the order that keeps every output a failure could cost: images-file (a
// warning if RUNNER_TEMP cannot hold it), the per-image log lines, the step outputs, the manifest-file
// the user asked for, then the job summary (a warning if it cannot be written). Returns the problems
// that fail the step (GITHUB_OUTPUT or manifest-file could not be written); main.ts ends the step.
import * as core from '@actions/core'
import { errorMessage, safeText } from '../text.js'
import type { Ending } from '../verdict/ending.js'
import type { Report } from '../verdict/policy.js'
import { describeFileError, writeImagesFile, writeManifestFile } from './files.js'
import type { PinResult } from '../manifests/pin.js'
import { logPins, logVerdicts } from './log.js'
import { imagesData, writeOutputs } from './outputs.js'
import { writeSummary } from './summary.js'

export interface ReportSettings {
  manifestFile?: string
  /** With pin: what was rewritten. */
  pin?: PinResult
}

export async function writeReport(report: Report, ending: Ending, settings: ReportSettings): Promise<string[]> {
  const problems: string[] = []
  const images = imagesData(report)
  let imagesFile: string | undefined
  try {
    imagesFile = await writeImagesFile(images.json)
  } catch (error) {
    core.warning(
      `Could not write images-file under RUNNER_TEMP (${safeText(process.env.RUNNER_TEMP ?? '')}): ${describeFileError(error)}. The images-file output is left out; the other outputs are written.`
    )
  }
  logVerdicts(report)
  if (settings.pin) logPins(settings.pin)
  try {
    writeOutputs(report, images, imagesFile, settings.pin?.files)
  } catch (error) {
    problems.push(errorMessage(error))
  }
  const first = report.found[0]
  if (settings.manifestFile !== undefined && first !== undefined)
    try {
      const path = await writeManifestFile(settings.manifestFile, first.image.imageManifest ?? '')
      core.info(`Wrote the manifest of ${safeText(first.request.requested)} to ${safeText(path)}`)
    } catch (error) {
      problems.push(errorMessage(error))
    }
  await writeSummary(report, ending, settings.pin)
  return problems
}
