// The job summary: what the gate decided in one sentence, then a table of every requested image with
// its result, digest, pinned reference, registry and region; then what pin rewrote and what promotion
// did, a row per tag. Everything from a server or a user is
// escaped (references and digests as inline code). GitHub drops a summary over 1 MiB, so a very long
// table stops early and says where the rest is; a summary that cannot be written is a warning.
import * as core from '@actions/core'
import { NO_FAILURE_CODE, describeFailureCode } from '../failure-codes.js'
import { codeSpan, escapeMarkdown, listNames, safeText } from '../text.js'
import type { PinResult } from '../manifests/pin.js'
import type { Promotion, TagResult } from '../promote/plan.js'
import type { Ending } from '../verdict/ending.js'
import type { Report, Verdict } from '../verdict/policy.js'
import { describeFileError } from '../file-errors.js'
import { imageUriOf } from './outputs.js'

/** GitHub drops a step summary over 1 MiB; the table stops before this many bytes. */
export const SUMMARY_LIMIT = 1_000_000

const HEADER = [
  '| Reference | Result | Digest | Media type | Pinned reference | Registry | Region |',
  '| --- | --- | --- | --- | --- | --- | --- |'
]

function digestCell(digest: string | undefined, platformDigest: string | undefined): string {
  const main = codeSpan(digest ?? '')
  return platformDigest !== undefined && platformDigest !== digest ? `${main}<br>platform: ${codeSpan(platformDigest)}` : main
}

/** A registry id (12 digits when ECR sends what it should) or "the caller's". */
function registryCell(registryId: string | undefined): string {
  if (registryId === undefined) return "the caller's"
  return /^\d{12}$/.test(registryId) ? registryId : codeSpan(registryId)
}

function row(verdict: Verdict): string[] {
  const { request } = verdict
  // A reference from a file says where it is written: the summary lists every one, annotations only ten.
  const reference = `${codeSpan(request.requested)}${request.source ? ` at ${codeSpan(`${request.source.file}:${request.source.line}`)}` : ''}`
  // Regions are validated (inputs) or taken from a validated registry host: safe as they are.
  const where = [registryCell(request.registryId), request.region]
  switch (verdict.status) {
    case 'found':
    case 'present':
      return [
        reference,
        verdict.status === 'found' ? '✅ found' : '❌ present (expected absent)',
        digestCell(verdict.image.imageId?.imageDigest, verdict.platformDigest),
        codeSpan(verdict.image.imageManifestMediaType ?? ''),
        codeSpan(imageUriOf(verdict.image, request) ?? ''),
        registryCell(verdict.image.registryId ?? request.registryId),
        request.region
      ]
    case 'absent':
      return [reference, '✅ absent, as expected', '', '', '', ...where]
    case 'failed': {
      const code = verdict.failure.failureCode ?? NO_FAILURE_CODE
      const text = describeFailureCode(verdict.failure.failureCode).summary
      const detail = escapeMarkdown(`${code}: ${verdict.failure.failureReason ?? ''}`)
      return [
        reference,
        `${verdict.fails ? '❌' : '⚠️'} ${text} (${detail})`,
        codeSpan(verdict.failure.imageId?.imageDigest ?? ''),
        '',
        '',
        ...where
      ]
    }
    case 'error':
      return [reference, '❌ not looked up (the request failed)', '', '', '', ...where]
  }
}

/** The gate's decision in one line. */
function headline(report: Report, ending: Ending): string {
  if (ending.kind === 'call-error' || ending.kind === 'timed-out' || ending.kind === 'gave-up')
    return `**The lookup failed:** ${escapeMarkdown(ending.message)}`
  const total = report.verdicts.length
  const absent = report.verdicts.filter((verdict) => verdict.status === 'absent').length
  const present = report.verdicts.filter((verdict) => verdict.status === 'present').length
  const counts =
    absent > 0 || present > 0
      ? `${absent} of ${total} absent, as expected${present > 0 ? `; ${present} present` : ''}.`
      : `${report.found.length} of ${total} found.`
  return ending.kind === 'failing-images' ? `**${counts}** ${report.failing.length} failed the gate.` : `**${counts}**`
}

/** The pin section: what it did, one row per reference rewritten (to be added within the limit), and the references left as written. */
function pinLines(pin: PinResult | undefined): { head: string[]; rows: string[]; tail: string[] } {
  if (pin === undefined) return { head: [], rows: [], tail: [] }
  if (pin.notWritten !== undefined) return { head: ['', `**pin:** ${escapeMarkdown(pin.notWritten)}`], rows: [], tail: [] }
  const left =
    pin.left.length > 0
      ? [
          '',
          `pin: ${pin.left.length} reference(s) left as written, not found: ${listNames(pin.left.map((entry) => `${codeSpan(entry.text)} at ${codeSpan(`${entry.file}:${entry.line}`)}`))}`
        ]
      : []
  if (pin.changes.length === 0)
    return { head: left.length > 0 ? left : ['', 'pin: every reference was already pinned to its current digest.'], rows: [], tail: [] }
  return {
    head: [
      '',
      `#### Pinned ${pin.changes.length} reference(s) in ${pin.files.length} file(s)`,
      '',
      '| Where | Was | Now |',
      '| --- | --- | --- |'
    ],
    rows: pin.changes.map(
      (change) => `| ${codeSpan(`${change.file}:${change.line}`)} | ${codeSpan(change.from)} | ${codeSpan(change.to)} |`
    ),
    tail: left
  }
}

const TAG_RESULT_TEXT: Record<TagResult, string> = {
  created: '✅ created',
  moved: '✅ moved',
  unchanged: '✅ unchanged',
  planned: '📝 planned (dry run)',
  failed: '❌ failed',
  skipped: '⏭️ not attempted'
}

/** The promotion section: what it decided, then one row per tag (lines, to be added within the limit). */
function promotionLines(promotion: Promotion | undefined): { head: string[]; rows: string[] } {
  if (promotion === undefined) return { head: [], rows: [] }
  if (promotion.skipped !== undefined) return { head: ['', `**Promotion skipped:** ${escapeMarkdown(promotion.skipped)}`], rows: [] }
  return {
    head: [
      '',
      `#### Promotion: ${promotion.result}`,
      ...(promotion.failure !== undefined ? ['', escapeMarkdown(promotion.failure)] : []),
      '',
      '| Tag | Result | Digest | Was on |',
      '| --- | --- | --- | --- |'
    ],
    rows: promotion.tags.map(
      (tag) =>
        `| ${codeSpan(`${tag.repository}:${tag.tag}`)} | ${TAG_RESULT_TEXT[tag.result]}${tag.error !== undefined ? ` (${escapeMarkdown(tag.error)})` : ''} | ${codeSpan(tag.digest)} | ${tag.previousDigest !== null ? codeSpan(tag.previousDigest) : ''} |`
    )
  }
}

export function summaryMarkdown(report: Report, ending: Ending, pin?: PinResult, promotion?: Promotion): string {
  const lines = ['### ECR image lookup', '', headline(report, ending), '', ...HEADER]
  let size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)
  /** Adds table rows while the summary stays within SUMMARY_LIMIT; returns how many were added. */
  const addLines = (more: readonly string[]): void => {
    for (const line of more) size += Buffer.byteLength(line) + 1
    lines.push(...more)
  }
  const addRows = (rows: Iterable<string>): number => {
    let shown = 0
    for (const line of rows) {
      size += Buffer.byteLength(line) + 1
      if (size > SUMMARY_LIMIT) break
      lines.push(line)
      shown++
    }
    return shown
  }
  const shown = addRows(
    (function* () {
      for (const verdict of report.verdicts) yield `| ${row(verdict).join(' | ')} |`
    })()
  )
  if (shown < report.verdicts.length)
    addLines([
      '',
      `The table stops after ${shown} of ${report.verdicts.length} images to stay within GitHub's 1 MiB for a summary: every image is in the log, and in the images and failures outputs or images-file.`
    ])
  const pinned = pinLines(pin)
  addLines(pinned.head)
  const pinsShown = addRows(pinned.rows)
  if (pinsShown < pinned.rows.length)
    addLines([
      '',
      `The pin table stops after ${pinsShown} of ${pinned.rows.length} references: every change is in the log, and the files in pinned-files.`
    ])
  addLines(pinned.tail)
  const { head, rows } = promotionLines(promotion)
  addLines(head)
  const rowsShown = addRows(rows)
  if (rowsShown < rows.length)
    addLines(['', `The promotion table stops after ${rowsShown} of ${rows.length} tags: every tag is in the log and the promoted output.`])
  return `${lines.join('\n')}\n`
}

/** Writes the summary when GITHUB_STEP_SUMMARY is set; a summary that cannot be written is a warning. */
export async function writeSummary(report: Report, ending: Ending, pin?: PinResult, promotion?: Promotion): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) {
    core.debug('GITHUB_STEP_SUMMARY is not set: skipping the job summary.')
    return
  }
  try {
    await core.summary.addRaw(summaryMarkdown(report, ending, pin, promotion)).write()
  } catch (error) {
    core.warning(
      `Could not write the job summary to GITHUB_STEP_SUMMARY (${safeText(path)}): ${describeFileError(error)}. The lookup's result and outputs are unaffected.`
    )
  }
}
