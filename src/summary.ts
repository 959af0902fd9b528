// The job summary: a markdown table of every requested image. Server text is escaped.
import * as core from '@actions/core'
import { describeImageId } from './image-ids.js'
import type { Report, Verdict } from './policy.js'
import { escapeMarkdown } from './sanitize.js'

function row(verdict: Verdict): string[] {
  const image = escapeMarkdown(describeImageId(verdict.id))
  if (verdict.status === 'found')
    return [
      image,
      '✅ found',
      escapeMarkdown(verdict.image.imageId?.imageDigest ?? ''),
      escapeMarkdown(verdict.image.imageManifestMediaType ?? '')
    ]
  if (verdict.status === 'failed') {
    const mark = verdict.fails ? '❌' : '⚠️'
    const code = escapeMarkdown(verdict.failure.failureCode ?? 'UnknownFailure')
    const reason = escapeMarkdown(verdict.failure.failureReason ?? '')
    return [image, `${mark} ${code}: ${reason}`, '', '']
  }
  return [image, '❌ not looked up (request failed)', '', '']
}

export function summaryMarkdown(report: Report, repositoryName: string): string {
  const lines = [
    `### ECR image lookup: ${escapeMarkdown(repositoryName)}`,
    '',
    `${report.images.length} of ${report.verdicts.length} found.`,
    '',
    '| Image | Result | Digest | Media type |',
    '| --- | --- | --- | --- |',
    ...report.verdicts.map((verdict) => `| ${row(verdict).join(' | ')} |`)
  ]
  return `${lines.join('\n')}\n`
}

/** Writes the summary when GITHUB_STEP_SUMMARY is set; locally there is nowhere to write it. */
export async function writeSummary(report: Report, repositoryName: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: skipping the job summary.')
    return
  }
  await core.summary.addRaw(summaryMarkdown(report, repositoryName)).write()
}
