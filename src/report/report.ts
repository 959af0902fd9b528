// The report stage, in the order that keeps every output a failure could cost: images-file and
// failures-file (a warning if RUNNER_TEMP cannot hold them), the per-image log lines, the step outputs, the manifest-file
// the user asked for (writeReport); with promote-tags, after promotion, its lines and outputs
// (reportPromotion); then the job summary (writeSummary: a warning if it cannot be written). Each
// returns the problems that fail the step (GITHUB_OUTPUT or manifest-file could not be written).
import * as core from '@actions/core'
import { errorMessage, safeText } from '../text.js'
import type { Problem } from '../verdict/ending.js'
import type { Report } from '../verdict/policy.js'
import { describeFileError } from '../file-errors.js'
import { writeManifestFile, writeResultFile } from './files.js'
import type { PinResult } from '../manifests/pin.js'
import type { Promotion } from '../promote/plan.js'
import { logPins, logPromotion, logVerdicts } from './log.js'
import { type ResultFiles, imagesData, writeOutputs, writePromotionOutputs } from './outputs.js'

export { writeSummary } from './summary.js'

export interface ReportSettings {
  manifestFile?: string
  /** With pin: what was rewritten. */
  pin?: PinResult
  /** Room to leave in the outputs for the promotion's, written later (see promotionReserve). */
  outputsReserve?: number
}

/** What the report stage did: the problems that fail the step, and the result files it could write. */
export interface Reported {
  problems: Problem[]
  files: ResultFiles
}

export async function writeReport(report: Report, settings: ReportSettings): Promise<Reported> {
  const problems: Problem[] = []
  const images = imagesData(report)
  const files: ResultFiles = {}
  // Each file on its own: a huge images-file that fills the disk still leaves the failures written.
  const failed: { name: string; error: unknown }[] = []
  for (const [kind, elements] of [
    ['images', images.elements],
    ['failures', images.failures]
  ] as const)
    try {
      files[kind === 'images' ? 'imagesFile' : 'failuresFile'] = await writeResultFile(kind, elements)
    } catch (error) {
      failed.push({ name: `${kind}-file`, error })
    }
  const [unwritten] = failed
  if (unwritten !== undefined)
    core.warning(
      `Could not write ${failed.map(({ name }) => name).join(' and ')} under RUNNER_TEMP (${safeText(process.env.RUNNER_TEMP ?? '')}): ${describeFileError(unwritten.error)}. ${failed.length > 1 ? 'Those outputs are' : 'That output is'} left out; the other outputs are written.`
    )
  logVerdicts(report)
  if (settings.pin) logPins(settings.pin)
  try {
    writeOutputs(report, images, files, settings.pin?.files, settings.outputsReserve)
  } catch (error) {
    problems.push({ what: 'the step outputs could not be written', message: errorMessage(error) })
  }
  const first = report.found[0]
  if (settings.manifestFile !== undefined && first !== undefined)
    try {
      const path = await writeManifestFile(settings.manifestFile, first.image.imageManifest ?? '')
      core.info(`Wrote the manifest of ${safeText(first.request.requested)} to ${safeText(path)}`)
    } catch (error) {
      problems.push({ what: 'manifest-file could not be written', message: errorMessage(error) })
    }
  return { problems, files }
}

/** The promotion's log lines and outputs; returns the problems that fail the step. */
export function reportPromotion(promotion: Promotion, reserve: number): Problem[] {
  logPromotion(promotion)
  try {
    writePromotionOutputs(promotion, reserve)
  } catch (error) {
    return [{ what: 'the promotion outputs could not be written', message: errorMessage(error) }]
  }
  return []
}
