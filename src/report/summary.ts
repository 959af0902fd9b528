// The job summary: how the step ended in the words of the lookup's last line (verdict/ending.ts), what
// else failed the step, then a table of every requested image with its result, digest, pinned
// reference, registry and region; then what pin rewrote and what promotion did, a row per tag.
// Everything from a server or a user is escaped (references and digests as inline code) and clipped.
// GitHub drops a summary over 1 MiB whole, so the whole summary is kept within it: the sentences are
// counted first, then the tables share what is left, and a table that stops early says how many rows
// it shows and where the rest is. A summary that cannot be written is a warning.
import * as core from '@actions/core'
import { NO_FAILURE_CODE, describeFailureCode } from '../failure-codes.js'
import { codeSpan, escapeMarkdown, listNames, safeText } from '../text.js'
import type { PinResult } from '../manifests/pin.js'
import type { Promotion, TagResult } from '../promote/plan.js'
import { type Ending, type Problem, endingTitle } from '../verdict/ending.js'
import type { Report, Verdict } from '../verdict/policy.js'
import { describeFileError } from '../file-errors.js'
import { type ResultFiles, imageUriOf } from './outputs.js'
import type { FoundArtifact } from '../ecr/lookup.js'

/** GitHub drops a step summary over 1 MiB (1,048,576 bytes); the whole summary stays below this. */
export const SUMMARY_LIMIT = 1_000_000
/** The longest sentence (a headline, a problem, why pin wrote nothing), in characters before escaping. */
const SENTENCE_LIMIT = 2_000
/** The longest string from a server or a file in one table cell, in characters before escaping. */
const CELL_LIMIT = 500

const HEADER = [
  '| Reference | Result | Digest | Media type | Pinned reference | Registry | Region |',
  '| --- | --- | --- | --- | --- | --- | --- |'
]

/** At most `limit` characters, ending in "…" when cut (never half a surrogate pair). */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text
  let end = limit - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** A cell's inline code, clipped. */
function code(text: string | undefined): string {
  return codeSpan(clip(text ?? '', CELL_LIMIT))
}

function digestCell(digest: string | undefined, platformDigest: string | undefined): string {
  const main = code(digest)
  return platformDigest !== undefined && platformDigest !== digest ? `${main}<br>platform: ${code(platformDigest)}` : main
}

/** A registry id (12 digits when ECR sends what it should) or "the caller's". */
function registryCell(registryId: string | undefined): string {
  if (registryId === undefined) return "the caller's"
  return /^\d{12}$/.test(registryId) ? registryId : code(registryId)
}

/** The kinds an image carries, and (with verify-signer) who signed them: ` (provenance), signed by \`…\``. */
function artifactsCell(artifacts: readonly FoundArtifact[] | undefined): string {
  if (artifacts === undefined) return ''
  const kinds = [...new Set(artifacts.map((artifact) => escapeMarkdown(clip(artifact.kind, CELL_LIMIT))))]
  const signers = [...new Set(artifacts.flatMap((artifact) => (artifact.verified ? [artifact.verified.signer] : [])))]
  return ` (${kinds.join(', ')})${
    signers.length > 0
      ? `, signed by ${signers
          .slice(0, 3)
          .map((signer) => code(clip(signer, CELL_LIMIT)))
          .join(', ')}`
      : ''
  }`
}

function row(verdict: Verdict): string[] {
  const { request } = verdict
  // A reference from a file says where it is written: the summary lists every one, annotations only ten.
  const reference = `${code(request.requested)}${request.source ? ` at ${code(`${request.source.file}:${request.source.line}`)}` : ''}`
  // Regions are validated (inputs) or taken from a validated registry host: safe as they are.
  const where = [registryCell(request.registryId), request.region]
  switch (verdict.status) {
    case 'found':
    case 'present':
      return [
        reference,
        verdict.status === 'found' ? `✅ found${artifactsCell(verdict.artifacts)}` : '❌ present (expected absent)',
        digestCell(verdict.image.imageId?.imageDigest, verdict.platformDigest),
        code(verdict.image.imageManifestMediaType),
        code(imageUriOf(verdict.image, request)),
        registryCell(verdict.image.registryId ?? request.registryId),
        request.region
      ]
    case 'absent':
      return [reference, '✅ absent, as expected', '', '', '', ...where]
    case 'failed': {
      const failureCode = verdict.failure.failureCode ?? NO_FAILURE_CODE
      const text = describeFailureCode(verdict.failure.failureCode).summary
      const detail = escapeMarkdown(clip(`${failureCode}: ${verdict.failure.failureReason ?? ''}`, CELL_LIMIT))
      return [reference, `${verdict.fails ? '❌' : '⚠️'} ${text} (${detail})`, code(verdict.failure.imageId?.imageDigest), '', '', ...where]
    }
    case 'error':
      return [reference, '❌ not checked (a request failed)', '', '', '', ...where]
  }
}

/** A sentence of prose, escaped and clipped. */
function sentence(text: string): string {
  return escapeMarkdown(clip(text, SENTENCE_LIMIT))
}

/** How the step ended: the lookup's last line, its first words in bold. */
function headline(ending: Ending): string {
  const titled = endingTitle(ending)
  if (titled === undefined) return `**${sentence(ending.message)}**`
  return titled.startsWithTitle ? `**${titled.title}**${sentence(titled.rest)}` : `**${titled.title}:** ${sentence(titled.rest)}`
}

/** A part of the summary: sentences before and after a table's rows, and what to say when the rows stop early. */
interface Section {
  head: string[]
  rows: string[]
  tail: string[]
  /** The line saying the table stops after `shown` rows and where the rest is. */
  cut: (shown: number) => string
}

function imagesSection(report: Report, files: ResultFiles): Section {
  const total = report.verdicts.length
  if (total === 0) return { head: [], rows: [], tail: [], cut: () => '' }
  return {
    head: ['', ...HEADER],
    rows: report.verdicts.map((verdict) => `| ${row(verdict).join(' | ')} |`),
    tail: [],
    cut: (shown) =>
      `The table stops after ${shown} of ${total} images to stay within GitHub's 1 MiB for a summary: every image is in the log${files.imagesFile !== undefined ? ', every found image in images-file' : ''}${files.failuresFile !== undefined ? ', every failure in failures-file' : ''}${files.imagesFile !== undefined || files.failuresFile !== undefined ? ' (outputs of this step)' : ''}.`
  }
}

/** The pin section: what it did, one row per reference rewritten, and the references left as written. */
function pinSection(pin: PinResult | undefined): Section {
  const none = { rows: [], tail: [], cut: () => '' }
  if (pin === undefined) return { head: [], ...none }
  if (pin.notWritten !== undefined) return { head: ['', `**pin:** ${sentence(pin.notWritten)}`], ...none }
  const left =
    pin.left.length > 0
      ? [
          '',
          `pin: ${pin.left.length} reference(s) left as written, not among the images found (see their warnings): ${listNames(pin.left.map((entry) => `${code(entry.text)} at ${code(`${entry.file}:${entry.line}`)}`))}`
        ]
      : []
  if (pin.changes.length === 0)
    return { head: left.length > 0 ? left : ['', 'pin: every reference was already pinned to its current digest.'], ...none }
  return {
    head: [
      '',
      `#### Pinned ${pin.changes.length} reference(s) in ${pin.files.length} file(s)`,
      '',
      '| Where | Was | Now |',
      '| --- | --- | --- |'
    ],
    rows: pin.changes.map((change) => `| ${code(`${change.file}:${change.line}`)} | ${code(change.from)} | ${code(change.to)} |`),
    tail: left,
    cut: (shown) =>
      `The pin table stops after ${shown} of ${pin.changes.length} references: every change is in the log, and the files written are listed in pinned-files.`
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

/** The promotion section: what it decided, then one row per tag. */
function promotionSection(promotion: Promotion | undefined): Section {
  const none = { rows: [], tail: [], cut: () => '' }
  if (promotion === undefined) return { head: [], ...none }
  if (promotion.skipped !== undefined) return { head: ['', `**Promotion skipped:** ${sentence(promotion.skipped)}`], ...none }
  return {
    head: [
      '',
      `#### Promotion: ${promotion.result}`,
      ...(promotion.failure !== undefined ? ['', sentence(promotion.failure)] : []),
      '',
      '| Tag | Result | Digest | Was on |',
      '| --- | --- | --- | --- |'
    ],
    rows: promotion.tags.map(
      (tag) =>
        `| ${code(`${tag.repository}:${tag.tag}`)} | ${TAG_RESULT_TEXT[tag.result]}${tag.error !== undefined ? ` (${escapeMarkdown(clip(tag.error, CELL_LIMIT))})` : ''} | ${code(tag.digest)} | ${tag.previousDigest !== null ? code(tag.previousDigest) : ''} |`
    ),
    tail: [],
    cut: (shown) =>
      `The promotion table stops after ${shown} of ${promotion.tags.length} tags: every tag is in the log and, when it fits, in the promoted output.`
  }
}

export interface SummaryFacts {
  report: Report
  ending: Ending
  /** What else failed the step, each said under the headline as it ends the log. */
  problems?: readonly Problem[]
  pin?: PinResult
  promotion?: Promotion
  /** The result files written (images-file, failures-file): where the rows a table leaves out are. */
  files?: ResultFiles
}

function bytesOf(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)
}

/**
 * What each table may take of `budget` bytes: an equal share, or less when it needs less, what one
 * leaves going to the others (so a long images table cannot crowd out the pins or the promotion).
 */
export function shareBudget(needs: readonly number[], budget: number): number[] {
  const shares = needs.map(() => 0)
  let left = Math.max(0, budget)
  const order = needs.map((need, index) => ({ need, index })).sort((a, b) => a.need - b.need)
  order.forEach(({ need, index }, position) => {
    const share = Math.min(need, Math.floor(left / (order.length - position)))
    shares[index] = share
    left -= share
  })
  return shares
}

/**
 * The summary's markdown, always within SUMMARY_LIMIT: the sentences are counted first (each clipped),
 * then the tables share what is left (shareBudget), each saying where the rest is when it stops early.
 */
export function summaryMarkdown({ report, ending, problems = [], pin, promotion, files = {} }: SummaryFacts): string {
  const top = [
    '### ECR image lookup',
    '',
    headline(ending),
    ...problems.flatMap((problem) => ['', `**The step failed:** ${sentence(problem.message)}`])
  ]
  const sections = [imagesSection(report, files), pinSection(pin), promotionSection(promotion)]
  // The longest a cut line can be: its text with the largest counts.
  const cutBytes = (section: Section): number => (section.rows.length > 0 ? bytesOf(['', section.cut(section.rows.length)]) : 0)
  const fixed = bytesOf(top) + sections.reduce((sum, section) => sum + bytesOf(section.head) + bytesOf(section.tail) + cutBytes(section), 0)
  const rowBytes = sections.map((section) => section.rows.map((line) => Buffer.byteLength(line) + 1))
  const shares = shareBudget(
    rowBytes.map((sizes) => sizes.reduce((sum, size) => sum + size, 0)),
    SUMMARY_LIMIT - fixed
  )
  const lines = [...top]
  sections.forEach((section, index) => {
    let used = 0
    let shown = 0
    for (const size of rowBytes[index] ?? []) {
      if (used + size > (shares[index] ?? 0)) break
      used += size
      shown++
    }
    lines.push(...section.head, ...section.rows.slice(0, shown))
    if (shown < section.rows.length) lines.push('', section.cut(shown))
    lines.push(...section.tail)
  })
  return `${lines.join('\n')}\n`
}

/** The summary of a step that stopped at an input error: the error, in the words of the log's last line. */
export function inputErrorMarkdown(message: string): string {
  return `### ECR image lookup\n\n**Input error:** ${sentence(message)}\n`
}

/** Writes the summary when GITHUB_STEP_SUMMARY is set; a summary that cannot be written is a warning. */
export async function writeSummary(facts: SummaryFacts | { inputError: string }): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) {
    core.debug('GITHUB_STEP_SUMMARY is not set: skipping the job summary.')
    return
  }
  try {
    await core.summary.addRaw('inputError' in facts ? inputErrorMarkdown(facts.inputError) : summaryMarkdown(facts)).write()
  } catch (error) {
    core.warning(
      `Could not write the job summary to GITHUB_STEP_SUMMARY (${safeText(path)}): ${describeFileError(error)}. The lookup's result and outputs are unaffected.`
    )
  }
}
