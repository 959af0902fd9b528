// The job summary: one markdown table of every requested image. Server text is escaped.
import * as core from '@actions/core'
import { NO_FAILURE_CODE, describeFailureCode } from '../failure-codes.js'
import { escapeMarkdown } from '../text.js'
import type { Report, Verdict } from '../verdict/policy.js'

function digestCell(digest: string | undefined, platformDigest: string | undefined): string {
  const main = escapeMarkdown(digest ?? '')
  return platformDigest !== undefined && platformDigest !== digest ? `${main}<br>platform: ${escapeMarkdown(platformDigest)}` : main
}

function row(verdict: Verdict): string[] {
  const reference = escapeMarkdown(verdict.request.requested)
  switch (verdict.status) {
    case 'found':
    case 'present':
      return [
        reference,
        verdict.status === 'found' ? '✅ found' : '❌ present (expected absent)',
        digestCell(verdict.image.imageId?.imageDigest, verdict.platformDigest),
        escapeMarkdown(verdict.image.imageManifestMediaType ?? '')
      ]
    case 'absent':
      return [reference, '✅ absent, as expected', '', '']
    case 'failed': {
      const code = verdict.failure.failureCode ?? NO_FAILURE_CODE
      const text = describeFailureCode(verdict.failure.failureCode).summary
      const detail = escapeMarkdown(`${code}: ${verdict.failure.failureReason ?? ''}`)
      return [
        reference,
        `${verdict.fails ? '❌' : '⚠️'} ${text} (${detail})`,
        escapeMarkdown(verdict.failure.imageId?.imageDigest ?? ''),
        ''
      ]
    }
    case 'error':
      return [reference, '❌ not looked up (request failed)', '', '']
  }
}

export function summaryMarkdown(report: Report): string {
  const lines = [
    '### ECR image lookup',
    '',
    `${report.found.length} of ${report.verdicts.length} found.`,
    '',
    '| Reference | Result | Digest | Media type |',
    '| --- | --- | --- | --- |',
    ...report.verdicts.map((verdict) => `| ${row(verdict).join(' | ')} |`)
  ]
  return `${lines.join('\n')}\n`
}

/** Writes the summary when GITHUB_STEP_SUMMARY is set; locally there is nowhere to write it. */
export async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: skipping the job summary.')
    return
  }
  await core.summary.addRaw(summaryMarkdown(report)).write()
}
