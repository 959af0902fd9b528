// Promotion, once the gate passed: refuse images whose bytes may not be what ECR stores, read every
// target tag in one batched lookup, stop before any write on a conflict (or, in a dry run, stop
// there), then write the new tags and the moved ones in order with PutImage, stopping at the first
// failure. "The tag exists" answers are judged by reading the tag again, never by the error's code.
// Loaded only with promote-tags.
import { type Deadline, DeadlineError } from '../deadline.js'
import { describeFailureCode } from '../failure-codes.js'
import type { EcrClients } from '../ecr/client.js'
import { answeredBy, describeCallError, errorName } from '../ecr/errors.js'
import { type LookupResult, lookupImages } from '../ecr/lookup.js'
import { type PutTarget, TAG_EXISTS_ERRORS, describePutError, putImage } from '../ecr/put-image.js'
import type { ImageRequest } from '../image.js'
import type { PromoteSettings } from '../inputs/promote.js'
import { formatDuration, listNames, safeText } from '../text.js'
import type { FoundVerdict } from '../verdict/policy.js'
import {
  type PlannedTag,
  PromoteError,
  type PromotedTag,
  type Promotion,
  READ_MEDIA_TYPES,
  type Target,
  type TagState,
  classify,
  promoteResultOf,
  promotedTag,
  promotionSources,
  promotionTargets,
  tagRequest,
  tagStateOf,
  writeOrder
} from './plan.js'

/** What promotion needs from ECR: reading tags (BatchGetImage) and writing one (PutImage). */
export interface PromotionEcr {
  readTags: (requests: ImageRequest[]) => Promise<LookupResult[]>
  put: (target: PutTarget) => Promise<void>
}

/** The real thing, through the run's clients. */
export function promotionEcr(clients: EcrClients): PromotionEcr {
  return {
    readTags: (requests) => lookupImages(requests, { acceptedMediaTypes: READ_MEDIA_TYPES, ...clients }),
    put: (target) => putImage(target, clients)
  }
}

export interface PromotionContext {
  acceptedMediaTypes: readonly string[]
  deadline: Pick<Deadline, 'expired' | 'timeoutMs'>
  log: (line: string) => void
}

/** `team/api:v1.4.0`. */
function name(target: Target): string {
  return safeText(`${target.source.request.repositoryName}:${target.tag}`)
}

function putTarget(target: Target): PutTarget {
  const { request, digest, manifest, mediaType } = target.source
  return {
    repositoryName: request.repositoryName,
    ...(request.registryId !== undefined && { registryId: request.registryId }),
    region: request.region,
    tag: target.tag,
    digest,
    manifest,
    mediaType
  }
}

/** The promotion as it stands (done or stopped): every target not decided is skipped; `failure` fails the step. */
function promotionOf(
  targets: readonly Target[],
  decided: Map<Target, PromotedTag>,
  failure: string | undefined,
  dryRun: boolean
): Promotion {
  const tags = targets.map((target) => decided.get(target) ?? promotedTag(target, 'skipped'))
  return { result: promoteResultOf(tags, dryRun, failure !== undefined), tags, ...(failure !== undefined && { failure }) }
}

/** Puts every tag on every found image, as planned; see the file's comment. */
export async function promote(
  found: readonly FoundVerdict[],
  settings: PromoteSettings,
  ecr: PromotionEcr,
  context: PromotionContext
): Promise<Promotion> {
  const { sources, refused } = promotionSources(found, context.acceptedMediaTypes)
  if (refused.length > 0) {
    const [first] = refused
    const tags = refused.flatMap((refusal) =>
      settings.tags.map((tag) => promotedTag({ source: refusal, tag }, 'failed', undefined, PromoteError.NotPromotable))
    )
    const all = [...tags, ...promotionTargets(sources, settings.tags).map((target) => promotedTag(target, 'skipped'))]
    return {
      result: 'failed',
      tags: all,
      failure: `Not promoted: ${safeText(first?.request.requested ?? '')} ${first?.why ?? ''}; no tag was written.${refused.length > 1 ? ` (${refused.length - 1} more image(s) cannot be promoted either.)` : ''}`
    }
  }

  // The plan: one batched read of every target tag.
  const targets = promotionTargets(sources, settings.tags)
  const reads = await ecr.readTags(targets.map(tagRequest))
  const decided = new Map<Target, PromotedTag>()
  if (context.deadline.expired)
    return promotionOf(
      targets,
      decided,
      `Timed out: the step's timeout of ${formatDuration(context.deadline.timeoutMs)} passed while the promote-tags were read, so no tag was written; raise timeout, or rerun the job.`,
      settings.dryRun
    )
  const planned: PlannedTag[] = []
  for (const [index, target] of targets.entries()) {
    const read = reads[index] as LookupResult
    const state = tagStateOf(read)
    if (state.kind === 'unreadable') {
      decided.set(target, promotedTag(target, 'failed', undefined, PromoteError.TagNotRead))
      const why =
        read.status === 'error'
          ? describeCallError(read.error, target.source.request)
          : describeFailureCode(state.code).origin === 'action'
            ? `Reading ${name(target)} failed: ${safeText(state.why)}.`
            : `ECR answered ${safeText(state.why)} for ${name(target)}.`
      return promotionOf(targets, decided, `No tag was written: reading the promote-tags first failed. ${why}`, settings.dryRun)
    }
    planned.push(classify(target, state, settings.overwrite))
  }
  for (const tag of planned) if (tag.action === 'unchanged') decided.set(tag.target, promotedTag(tag.target, 'unchanged'))

  const conflicts = planned.filter((tag) => tag.action === 'conflict')
  for (const tag of conflicts)
    decided.set(tag.target, promotedTag(tag.target, 'failed', tag.previousDigest, PromoteError.TagOnAnotherImage))
  if (conflicts.length > 0)
    return promotionOf(
      targets,
      decided,
      `Not promoted: ${listNames(conflicts.map((tag) => `${name(tag.target)} (on ${safeText(tag.previousDigest ?? '')}, not ${tag.target.source.digest})`))} ${conflicts.length === 1 ? 'is' : 'are'} already on another image and promote-overwrite is never, so no tag ${settings.dryRun ? 'would be' : 'was'} written. Set promote-overwrite: always to move ${conflicts.length === 1 ? 'it' : 'them'}, or choose other tags.`,
      settings.dryRun
    )

  const writes = writeOrder(planned)
  context.log(
    `Promotion plan: ${writes.filter((tag) => tag.action === 'create').length} tag(s) to create, ${writes.filter((tag) => tag.action === 'move').length} to move, ${decided.size} already on their image${settings.dryRun ? ' (dry run: nothing is written)' : ''}.`
  )
  if (settings.dryRun) {
    for (const tag of writes) decided.set(tag.target, promotedTag(tag.target, 'planned', tag.previousDigest))
    return promotionOf(targets, decided, undefined, true)
  }

  /** What was written so far and what is left, for the sentence a stop ends with. */
  const progress = (index: number, attempted: boolean): string => {
    const written = [...decided.values()].filter((entry) => entry.result === 'created' || entry.result === 'moved').length
    const left = writes.length - index - (attempted ? 1 : 0)
    return `${written > 0 ? `${written} tag(s) were written before it` : 'No tag was written before it'}${left > 0 ? `, ${left} not attempted` : ''} (see the promoted output)`
  }
  for (const [index, tag] of writes.entries()) {
    if (context.deadline.expired)
      return promotionOf(
        targets,
        decided,
        `Timed out: the step's timeout of ${formatDuration(context.deadline.timeoutMs)} passed before ${name(tag.target)} could be written. ${progress(index, false)}; rerun the job: tags already on their image are left as they are.`,
        false
      )
    const outcome = await write(tag, ecr, context)
    decided.set(tag.target, outcome.tag)
    if (outcome.failure !== undefined)
      return promotionOf(
        targets,
        decided,
        `Promotion stopped at ${name(tag.target)}: ${outcome.failure} ${progress(index, true)}; rerun once it is fixed: tags already on their image are left as they are.`,
        false
      )
  }
  return promotionOf(targets, decided, undefined, false)
}

/** One PutImage and what it means for the tag. */
async function write(
  { target: tag, action, previousDigest }: PlannedTag,
  ecr: PromotionEcr,
  context: PromotionContext
): Promise<{ tag: PromotedTag; failure?: string }> {
  const result = action === 'move' ? 'moved' : 'created'
  const target = putTarget(tag)
  try {
    await ecr.put(target)
    return { tag: promotedTag(tag, result, previousDigest) }
  } catch (error) {
    // An error code is ECR's exception name, or one of the action's own when ECR did not answer.
    const answered = answeredBy(error)
    const code = answered === 'ecr' ? errorName(error) : answered === 'refused' ? PromoteError.NotEcrAnswer : PromoteError.NoAnswer
    if (error instanceof DeadlineError || context.deadline.expired)
      return {
        tag: promotedTag(tag, 'failed', previousDigest, PromoteError.TimedOut),
        failure: `the step's timeout of ${formatDuration(context.deadline.timeoutMs)} passed while it was being written, so ECR may or may not have written it.`
      }
    if (!TAG_EXISTS_ERRORS.has(code))
      return { tag: promotedTag(tag, 'failed', previousDigest, code), failure: describePutError(error, target) }
    // "Already exists": which image is the tag on now? Servers differ in the code they send for what.
    const [read] = await ecr.readTags([tagRequest(tag)])
    const state: TagState = read !== undefined ? tagStateOf(read) : { kind: 'unreadable', why: 'no answer' }
    if (state.kind === 'on' && state.digest === tag.source.digest) return { tag: promotedTag(tag, 'unchanged') }
    if (state.kind === 'on')
      return {
        tag: promotedTag(tag, 'failed', state.digest, PromoteError.TagImmutable),
        failure: `it is on ${safeText(state.digest)} and cannot be moved: the tag is immutable in '${safeText(target.repositoryName)}' (${safeText(code)}). Choose another tag, or exclude it from the repository's tag immutability (an exclusion filter).`
      }
    return {
      tag: promotedTag(tag, 'failed', previousDigest, code),
      failure: `ECR answered ${safeText(code)} (the tag exists), but ${state.kind === 'absent' ? 'reading the tag back found no image' : `the tag could not be read back (${safeText(state.why)})`}; rerun the job.`
    }
  }
}
