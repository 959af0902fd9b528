// The step's log: one readable line per requested image; failures are annotations (errors when they
// fail the step, warnings otherwise); and what could not be checked (a digest ECR may have converted,
// a platform a single-platform manifest does not state); what pin rewrote and what promotion did, a
// line per tag. How the step ends is verdict/ending.ts.
import * as core from '@actions/core'
import { NO_FAILURE_CODE, describeFailureCode } from '../failure-codes.js'
import type { ImageRequest, ImageSource } from '../image.js'
import type { PinResult } from '../manifests/pin.js'
import type { NothingFound, ScanResult } from '../manifests/scan.js'
import type { PromotedTag, Promotion } from '../promote/plan.js'
import { listNames, safeText } from '../text.js'
import type { Report } from '../verdict/policy.js'

const UNVERIFIED_TEXT: Record<string, string> = {
  'digest-schema1': 'ECR returned a schema 1 manifest, which is always a conversion',
  'digest-converted': 'looked up by tag with accepted-media-types narrowed, so ECR may have converted it'
}

/** Annotation properties that place it at a reference's file and line. */
function atSource(request: ImageRequest): { file?: string; startLine?: number } {
  return request.source ? { file: request.source.file, startLine: request.source.line } : {}
}

/** `k8s/app.yaml:12`. */
export function sourceText(source: ImageSource): string {
  return `${safeText(source.file)}:${source.line}`
}

/**
 * What the files stage found: one line, the skipped references and files, a notice at each templated
 * reference and each Helm map whose tag the chart decides, and (with pin) an error at each reference
 * that cannot be pinned in place.
 */
export function logScan(scan: ScanResult & { nothingFound?: NothingFound }, pin: boolean): void {
  for (const sentence of scan.notScanned) core.warning(safeText(sentence), { title: 'File not scanned' })
  for (const { file, line, message } of scan.unparsable) core.error(message, { title: 'File cannot be read', file, startLine: line })
  if (scan.nothingFound) core.warning(scan.nothingFound.message)
  const ecr = scan.requests.length
  const chart = `${scan.chartDecides.length > 0 ? `, ${scan.chartDecides.length} whose tag the chart decides` : ''}${
    scan.tagElsewhere.length > 0 ? `, ${scan.tagElsewhere.length} whose tag the kustomize base decides` : ''
  }`
  core.info(
    `Scanned ${scan.files.length} file(s): ${ecr} ECR image reference(s), ${scan.skipped.length} in other registries (not looked up), ${scan.templated.length} templated${chart}.`
  )
  if (scan.skipped.length > 0)
    core.info(
      `Skipped, not in ECR: ${listNames(scan.skipped.map((reference) => `${safeText(reference.text)} (${sourceText(reference)})`))}`
    )
  for (const reference of scan.templated)
    core.notice(
      `${safeText(reference.text)} is filled in by a template or variable: it is not looked up. ${
        reference.templated !== undefined ? `${safeText(reference.templated)}.` : 'Pin or check it where its value is known.'
      }`,
      {
        title: 'Templated image reference',
        file: reference.file,
        startLine: reference.line
      }
    )
  for (const reference of scan.chartDecides)
    core.notice(
      `${safeText(reference.text)} has no tag: the chart's appVersion decides, and no Chart.yaml beside ${safeText(reference.file)} says it. It is not looked up${pin ? ' or pinned' : ''}; give the map a tag, or keep the chart's Chart.yaml beside its values file.`,
      { title: 'Image tag decided by the chart', file: reference.file, startLine: reference.line }
    )
  for (const reference of scan.tagElsewhere)
    core.notice(
      `${safeText(reference.text)} has no tag here: it is not looked up${pin ? ' or pinned' : ''}. ${safeText(reference.tagElsewhere ?? '')}.`,
      {
        title: 'Image tag decided elsewhere',
        file: reference.file,
        startLine: reference.line
      }
    )
  if (pin)
    for (const reference of scan.unpinnable)
      core.error(
        `${safeText(reference.text)} cannot be pinned in place: ${reference.unpinnable ?? 'its place in the file is unknown'}. It is looked up, but pin cannot write its digest.`,
        { title: 'Image reference cannot be pinned', file: reference.file, startLine: reference.line }
      )
}

/** One line per reference pin rewrote, and one naming the references it left as written. */
export function logPins(pin: PinResult): void {
  if (pin.notWritten !== undefined) return core.info(`pin: ${pin.notWritten}`)
  const lines = pin.changes.map((change) => `Pinned ${sourceText(change)}: ${safeText(change.from)} → ${safeText(change.to)}`)
  if (pin.changes.length === 0 && pin.left.length === 0) lines.push('pin: every reference was already pinned to its current digest.')
  if (pin.left.length > 0)
    lines.push(
      `pin: ${pin.left.length} reference(s) left as written, not among the images found (see their warnings): ${listNames(pin.left.map((left) => `${safeText(left.text)} (${sourceText(left)})`))}`
    )
  core.info(lines.join('\n'))
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
    const written = safeText(requested.includes(repositoryName) ? requested : `${requested} in ${repositoryName}`)
    const name = verdict.request.source ? `${written} (${sourceText(verdict.request.source)})` : written
    if (verdict.status === 'found' || verdict.status === 'present') {
      const digest = safeText(verdict.image.imageId?.imageDigest ?? '?')
      const mediaType = safeText(verdict.image.imageManifestMediaType ?? 'unknown media type')
      const platform = verdict.platformDigest !== undefined ? `, platform ${safeText(verdict.platformDigest)}` : ''
      const unverified = verdict.unchecked?.find((what) => what !== 'platform-single-manifest')
      const note = unverified !== undefined ? ` — digest not verified: ${UNVERIFIED_TEXT[unverified]}` : ''
      if (verdict.status === 'found') info(`✔ ${name}: found ${digest} (${mediaType}${platform})${note}`)
      else
        annotate(() =>
          core.error(`${name} exists (${digest}), but expect is absent.`, { title: 'Image exists', ...atSource(verdict.request) })
        )
    } else if (verdict.status === 'absent') {
      info(`✔ ${name}: absent, as expected`)
    } else if (verdict.status === 'failed') {
      const code = safeText(verdict.failure.failureCode ?? NO_FAILURE_CODE)
      const reason = safeText(verdict.failure.failureReason ?? describeFailureCode(verdict.failure.failureCode).meaning)
      const message = `${name}: ${code}: ${reason}`
      // A reference from a file is annotated where it is written, so it shows in the pull request's diff.
      const properties = { title: `Image ${code}`, ...atSource(verdict.request) }
      annotate(() => (verdict.fails ? core.error(message, properties) : core.warning(message, properties)))
    } else {
      info(`✘ ${name}: not checked (a request failed, see the error below)`)
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

/** One line for one promoted tag. */
export function promotedLine(tag: PromotedTag): string {
  const name = safeText(`${tag.repository}:${tag.tag}`)
  const digest = safeText(tag.digest)
  const previous = tag.previousDigest !== null ? safeText(tag.previousDigest) : undefined
  switch (tag.result) {
    case 'created':
      return `✔ Promoted ${name} → ${digest} (created)`
    case 'moved':
      return `✔ Promoted ${name} → ${digest} (moved from ${previous ?? '?'})`
    case 'unchanged':
      return `✔ ${name} is already on ${digest} (unchanged)`
    case 'planned':
      return `• Would ${previous !== undefined ? `move ${name} from ${previous}` : `create ${name}`} → ${digest} (dry run)`
    case 'failed':
      return `✘ ${name}: not promoted (${safeText(tag.error ?? 'failed')}${previous !== undefined ? `; the tag is on ${previous}` : ''})`
    case 'skipped':
      return `– ${name}: not attempted`
  }
}

/** One line per tag promotion decided on, or the line saying why nothing was promoted. */
export function logPromotion(promotion: Promotion): void {
  if (promotion.skipped !== undefined) return core.info(`Promotion skipped: ${promotion.skipped}`)
  core.info(promotion.tags.map(promotedLine).join('\n'))
}
