// The step's log: one readable line per requested image; failures are annotations (errors when they
// fail the step, warnings otherwise); and what could not be checked (a digest ECR may have converted,
// a platform a single-platform manifest does not state). How the step ends is verdict/ending.ts.
import * as core from '@actions/core'
import { NO_FAILURE_CODE, describeFailureCode } from '../failure-codes.js'
import { listNames, safeText } from '../text.js'
import type { Report } from '../verdict/policy.js'

const UNVERIFIED_TEXT: Record<string, string> = {
  'digest-schema1': 'ECR returned a schema 1 manifest, which is always a conversion',
  'digest-converted': 'looked up by tag with accepted-media-types narrowed, so ECR may have converted it'
}

/** One readable line per requested image; failures are annotations (errors when they fail the step). */
export function logVerdicts(report: Report): void {
  // Plain lines are written in runs (one write per run, not per image); annotations keep their place.
  let lines: string[] = []
  const flush = (): void => {
    if (lines.length > 0) core.info(lines.join('\n'))
    lines = []
  }
  const info = (line: string): void => void lines.push(line)
  const annotate = (write: () => void): void => {
    flush()
    write()
  }
  for (const verdict of report.verdicts) {
    const { requested, repositoryName } = verdict.request
    // `v1 in team/api`; a reference (team/api:v1) already names its repository.
    const name = safeText(requested.includes(repositoryName) ? requested : `${requested} in ${repositoryName}`)
    if (verdict.status === 'found' || verdict.status === 'present') {
      const digest = safeText(verdict.image.imageId?.imageDigest ?? '?')
      const mediaType = safeText(verdict.image.imageManifestMediaType ?? 'unknown media type')
      const platform = verdict.platformDigest !== undefined ? `, platform ${safeText(verdict.platformDigest)}` : ''
      const unverified = verdict.unchecked?.find((what) => what !== 'platform-single-manifest')
      const note = unverified !== undefined ? ` — digest not verified: ${UNVERIFIED_TEXT[unverified]}` : ''
      if (verdict.status === 'found') info(`✔ ${name}: found ${digest} (${mediaType}${platform})${note}`)
      else annotate(() => core.error(`${name} exists (${digest}), but expect is absent.`, { title: 'Image exists' }))
    } else if (verdict.status === 'absent') {
      info(`✔ ${name}: absent, as expected`)
    } else if (verdict.status === 'failed') {
      const code = safeText(verdict.failure.failureCode ?? NO_FAILURE_CODE)
      const reason = safeText(verdict.failure.failureReason ?? describeFailureCode(verdict.failure.failureCode).meaning)
      const message = `${name}: ${code}: ${reason}`
      const title = `Image ${code}`
      annotate(() => (verdict.fails ? core.error(message, { title }) : core.warning(message, { title })))
    } else {
      info(`✘ ${name}: not looked up (the request failed, see the error below)`)
    }
  }
  flush()
  const singles = report.found.filter((verdict) => verdict.unchecked?.includes('platform-single-manifest'))
  if (singles.length > 0)
    core.warning(
      `platform could not be checked for ${listNames(singles.map((verdict) => safeText(verdict.request.requested)))}: ${
        singles.length === 1 ? 'it is a single-platform manifest' : 'each is a single-platform manifest'
      }, not an index, and a manifest does not say which platform it is for. platform-digest is the image's own digest.`,
      { title: 'Platform not checked' }
    )
}
