// The promotion's plan, pure: which found images may be promoted (the exact bytes ECR stores under
// their digest, never a conversion), every image-and-tag target, each target's state from one read of
// the tags (absent, already on the image, on another image), and the order of the writes: new tags for
// all images first, then moved ones. Also the promotion's vocabulary, which the report shares.
import { type ConversionRisk, conversionRisk, sha256 } from '../ecr/digest.js'
import type { LookupResult } from '../ecr/lookup.js'
import { FailureCode } from '../failure-codes.js'
import { DEFAULT_MEDIA_TYPES, type ImageRequest, SCHEMA1_MEDIA_TYPES, repositoryKey } from '../image.js'
import type { Overwrite } from '../inputs/promote.js'
import type { FoundVerdict } from '../verdict/policy.js'

/** What happened to one tag. planned: a dry run would write it; skipped: not attempted after a failure. */
export type TagResult = 'created' | 'unchanged' | 'moved' | 'planned' | 'failed' | 'skipped'
/** The promotion as a whole (the promote-result output). */
export type PromoteResult = 'success' | 'partial' | 'failed' | 'skipped' | 'dry-run'

/** The codes of failures that are this action's own (PutImage's failures keep ECR's exception names). */
export const PromoteError = {
  /** The tag is on another image, and promote-overwrite is never. */
  TagOnAnotherImage: 'TagOnAnotherImage',
  /** The tag is on another image and ECR will not move it. */
  TagImmutable: 'TagImmutable',
  /** The image's manifest is not the bytes stored under its digest (or may not be). */
  NotPromotable: 'NotPromotable',
  /** The tag could not be read before writing. */
  TagNotRead: 'TagNotRead',
  /** The step's timeout passed while this tag was being written: it may or may not be written. */
  TimedOut: 'TimedOut',
  /** Something on the way (a proxy, a firewall, a redirect) answered PutImage instead of ECR: not written. */
  NotEcrAnswer: 'NotEcrAnswer',
  /** PutImage got no answer (a lost connection, a stall, a gateway's 5xx page): it may or may not be written. */
  NoAnswer: 'NoAnswer'
} as const

/** One entry of the promoted output. */
export interface PromotedTag {
  repository: string
  registryId: string | null
  tag: string
  digest: string
  previousDigest: string | null
  result: TagResult
  error?: string
}

export interface Promotion {
  result: PromoteResult
  /** One entry per image and tag, in input order (images, then tags). */
  tags: PromotedTag[]
  /** Why the promotion failed: the step fails with this sentence. */
  failure?: string
  /** Why nothing was promoted although promote-tags was set (the gate failed). */
  skipped?: string
}

/** A found image that may be promoted: the bytes, type and digest ECR stores. */
export interface PromotionSource {
  request: ImageRequest
  /** The registry as ECR answered (for the output), else as asked. */
  registryId?: string
  digest: string
  manifest: string
  mediaType: string
}

export interface Refusal {
  request: ImageRequest
  registryId?: string
  digest: string
  why: string
}

const CONVERSION_TEXT: Record<ConversionRisk, string> = {
  'digest-schema1': 'is a schema 1 manifest, which ECR only ever makes by converting: tagging it would store another image',
  'digest-converted':
    'was looked up by tag with accepted-media-types narrowed, so ECR may have converted its manifest: tagging that would store another image. Leave accepted-media-types at its default'
}

/** The media types a read of the tags accepts: every stored type, so ECR converts nothing. */
export const READ_MEDIA_TYPES: readonly string[] = [...DEFAULT_MEDIA_TYPES, ...SCHEMA1_MEDIA_TYPES]

/**
 * The found images that may be promoted, each once (two requests for one image in one repository are
 * one source), and those that may not: no manifest or media type, a manifest ECR may have converted,
 * or one whose sha256 is not its digest.
 */
export function promotionSources(
  found: readonly FoundVerdict[],
  acceptedMediaTypes: readonly string[]
): { sources: PromotionSource[]; refused: Refusal[] } {
  const sources: PromotionSource[] = []
  const refused: Refusal[] = []
  const seen = new Set<string>()
  for (const verdict of found) {
    const { image, request } = verdict
    const digest = image.imageId?.imageDigest ?? ''
    const registryId = image.registryId ?? request.registryId
    const where = { request, ...(registryId !== undefined && { registryId }), digest }
    const key = `${repositoryKey(request)}|${digest}`
    if (seen.has(key)) continue
    seen.add(key)
    const manifest = image.imageManifest
    const mediaType = image.imageManifestMediaType
    if (digest === '' || manifest === undefined || mediaType === undefined) {
      refused.push({ ...where, why: 'was returned by ECR without its digest, manifest or media type' })
      continue
    }
    const risk = conversionRisk({ ...verdict, status: 'found' }, acceptedMediaTypes)
    const actual = sha256(manifest)
    const why =
      risk !== undefined
        ? CONVERSION_TEXT[risk]
        : actual !== digest
          ? `has a manifest that hashes to ${actual}, not to its digest ${digest}: ECR did not return the bytes it stores`
          : undefined
    if (why !== undefined) {
      refused.push({ ...where, why })
      continue
    }
    sources.push({ ...where, manifest, mediaType })
  }
  return { sources, refused }
}

/** One tag on one image. */
export interface Target {
  source: PromotionSource
  tag: string
}

/** Every image with every tag, in input order. */
export function promotionTargets(sources: readonly PromotionSource[], tags: readonly string[]): Target[] {
  return sources.flatMap((source) => tags.map((tag) => ({ source, tag })))
}

/** The read of a target's tag, as a lookup request in the image's own repository. */
export function tagRequest(target: Target): ImageRequest {
  const { request } = target.source
  return {
    requested: `${request.repositoryName}:${target.tag}`,
    repositoryName: request.repositoryName,
    ...(request.registryId !== undefined && { registryId: request.registryId }),
    region: request.region,
    id: { tag: target.tag }
  }
}

export type Action = 'create' | 'unchanged' | 'move' | 'conflict'

export interface PlannedTag {
  target: Target
  action: Action
  /** The digest the tag is on now, when it is on another image. */
  previousDigest?: string
}

/** The state of a target's tag, read before any write: absent, on this image, or on another. */
export type TagState = { kind: 'absent' } | { kind: 'on'; digest: string } | { kind: 'unreadable'; why: string; code?: string }

/** A read's result as a tag state: ImageNotFound is an absent tag; any other failure, or an error, is unreadable. */
export function tagStateOf(result: LookupResult): TagState {
  if (result.status === 'found') return { kind: 'on', digest: result.image.imageId?.imageDigest ?? '' }
  if (result.status === 'failed') {
    if (result.failure.failureCode === FailureCode.ImageNotFound) return { kind: 'absent' }
    return {
      kind: 'unreadable',
      why: `${result.failure.failureCode ?? 'no code'}: ${result.failure.failureReason ?? ''}`,
      ...(result.failure.failureCode !== undefined && { code: result.failure.failureCode })
    }
  }
  return { kind: 'unreadable', why: 'the request failed' }
}

/** Each target's action from its tag's state (never unreadable here) and promote-overwrite. */
export function classify(target: Target, state: Exclude<TagState, { kind: 'unreadable' }>, overwrite: Overwrite): PlannedTag {
  if (state.kind === 'absent') return { target, action: 'create' }
  if (state.digest === target.source.digest) return { target, action: 'unchanged' }
  return { target, action: overwrite === 'always' ? 'move' : 'conflict', previousDigest: state.digest }
}

/** The writes, in order: every new tag (input order), then every moved one (input order). */
export function writeOrder(planned: readonly PlannedTag[]): PlannedTag[] {
  return [...planned.filter((tag) => tag.action === 'create'), ...planned.filter((tag) => tag.action === 'move')]
}

/** An entry of the promoted output: one tag on one image (a source, or a refused one). */
export function promotedTag(
  target: { source: Pick<PromotionSource, 'request' | 'registryId' | 'digest'>; tag: string },
  result: TagResult,
  previousDigest?: string,
  error?: string
): PromotedTag {
  return {
    repository: target.source.request.repositoryName,
    registryId: target.source.registryId ?? null,
    tag: target.tag,
    digest: target.source.digest,
    previousDigest: previousDigest ?? null,
    result,
    ...(error !== undefined && { error })
  }
}

/**
 * The promotion's result from its tags and whether it stopped on a failure: every tag on its image,
 * some written before a failure, or none.
 */
export function promoteResultOf(tags: readonly PromotedTag[], dryRun: boolean, stoppedOnFailure = false): PromoteResult {
  const failed = stoppedOnFailure || tags.some((tag) => tag.result === 'failed')
  if (dryRun) return failed ? 'failed' : 'dry-run'
  if (!failed) return 'success'
  return tags.some((tag) => tag.result === 'created' || tag.result === 'moved') ? 'partial' : 'failed'
}
