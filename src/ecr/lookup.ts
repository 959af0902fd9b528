// Looking images up with BatchGetImage: group the requests by repository (and registry and region),
// ask each distinct id once in requests of at most 100 ids, run the requests with a small concurrency
// bound, and match each answer back to what was asked by tag and digest (never by position).
import {
  BatchGetImageCommand,
  type BatchGetImageCommandOutput,
  type ECRClient,
  type Image,
  type ImageIdentifier
} from '@aws-sdk/client-ecr'
import { mapWithConcurrency } from '../concurrency.js'
import { untilAborted } from '../deadline.js'
import { FailureCode } from '../failure-codes.js'
import { type ImageId, type ImageRequest, isDigest, repositoryKey, requestKey } from '../image.js'
import { safeText } from '../text.js'
import { ResponseShapeError, UnexpectedAnswerError } from './errors.js'

export const MAX_IDS_PER_REQUEST = 100
export const MAX_CONCURRENT_REQUESTS = 16

/** A per-image failure: ECR's, or one of this action's own codes (so the code is any string). */
export interface Failure {
  imageId?: ImageIdentifier
  failureCode?: string
  failureReason?: string
}

export type LookupResult =
  /**
   * platformDigest: with the platform input, the digest of the manifest for that platform.
   * unchecked: what could not be checked for this image, said in the log.
   */
  | {
      request: ImageRequest
      status: 'found'
      image: Image
      platformDigest?: string
      unchecked?: Unchecked[]
      /** With require-artifacts: the referrers (and attestations, tags) that counted. */
      artifacts?: FoundArtifact[]
    }
  | { request: ImageRequest; status: 'failed'; failure: Failure }
  /** The BatchGetImage call holding this request failed as a whole (the error is the SDK's). */
  | { request: ImageRequest; status: 'error'; error: unknown }

/** Evidence that counted for a kind require-artifacts asks for (an entry of the images output's `artifacts`). */
export interface FoundArtifact {
  /** The kind it counted for: signature, provenance, sbom, or the exact artifact or predicate type asked. */
  kind: string
  artifactType?: string
  /** Empty in the entry that counts what was left out (`omitted`). */
  digest: string
  mediaType?: string
  annotations?: Record<string, string>
  /** More evidence of this kind than the output lists: how many were left out. */
  omitted?: number
  /** With verify-signer: a Sigstore bundle that verified, and what it says. */
  verified?: { signer: string; issuer: string; predicateType?: string; signedAt: string }
}

/**
 * What a found image could not be checked for: its platform (a single-platform manifest does not say
 * which platform it is), or its digest (ECR may have converted the manifest: schema 1, or a lookup by
 * tag with accepted-media-types narrowed).
 */
export type Unchecked = 'platform-single-manifest' | 'digest-schema1' | 'digest-converted'

export interface LookupOptions {
  acceptedMediaTypes: readonly string[]
  clientFor: (region: string) => ECRClient
  /** Aborts requests in flight (the step's deadline). */
  signal?: AbortSignal
}

/** Splits `items` into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

/** True when `got` (from a response) is an answer for the requested `id`. */
function imageMatches(id: ImageId, got: ImageIdentifier | undefined): boolean {
  if (got === undefined) return false
  if (id.digest !== undefined && got.imageDigest !== id.digest) return false
  if (id.tag !== undefined && got.imageTag !== id.tag) return false
  return true
}

/** A failure echoes the id exactly as asked. */
function failureMatches(id: ImageId, got: ImageIdentifier | undefined): boolean {
  return got !== undefined && (got.imageTag ?? undefined) === id.tag && (got.imageDigest ?? undefined) === id.digest
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const value = key(item)
    if (value === undefined) continue
    const group = groups.get(value)
    if (group) group.push(item)
    else groups.set(value, [item])
  }
  return groups
}

export function toImageIdentifier(id: ImageId): ImageIdentifier {
  return { ...(id.tag !== undefined && { imageTag: id.tag }), ...(id.digest !== undefined && { imageDigest: id.digest }) }
}

/** `imageTag=v1, imageDigest=sha256:…`: an id as an answer named it. */
function idText(id: ImageIdentifier | undefined): string {
  const parts = [
    ...(id?.imageTag !== undefined && id.imageTag !== null ? [`imageTag=${JSON.stringify(id.imageTag)}`] : []),
    ...(id?.imageDigest !== undefined && id.imageDigest !== null ? [`imageDigest=${JSON.stringify(id.imageDigest)}`] : [])
  ]
  return parts.length > 0 ? parts.join(', ') : 'no id'
}

/**
 * Why a request got neither an image nor a failure: the answer held nothing for it, or named other ids
 * (which real ECR never does: it echoes each id it was asked).
 */
function notReturnedReason(unanswered: readonly string[]): string {
  if (unanswered.length === 0) return 'the answer held neither an image nor a failure for this id'
  return `the answer held nothing for this id, but answered for ${unanswered.slice(0, 3).join('; ')}${unanswered.length > 3 ? ` and ${unanswered.length - 3} more` : ''}: real ECR answers for the id it was asked, so an emulator or a proxy may be in the way`
}

/** Pairs each asked request with its image or failure; one with neither is reported, not dropped. */
export function matchResults(requests: readonly ImageRequest[], images: readonly Image[], failures: readonly Failure[]): LookupResult[] {
  // Index the answers by digest and by tag (a batch has up to 100 of each), keeping answer order.
  const byDigest = groupBy(images, (image) => image.imageId?.imageDigest)
  const byTag = groupBy(images, (image) => image.imageId?.imageTag)
  const failuresByTag = groupBy(failures, (failure) => failure.imageId?.imageTag ?? failure.imageId?.imageDigest)
  const used = new Set<unknown>()
  const matched = requests.map((request): LookupResult | undefined => {
    const { id } = request
    const candidates = (id.digest !== undefined ? byDigest.get(id.digest) : byTag.get(id.tag ?? '')) ?? []
    const image = candidates.find((candidate) => imageMatches(id, candidate.imageId))
    if (image) {
      used.add(image)
      return { request, status: 'found', image }
    }
    const failure = failuresByTag.get(id.tag ?? id.digest ?? '')?.find((candidate) => failureMatches(id, candidate.imageId))
    if (failure) {
      used.add(failure)
      return { request, status: 'failed', failure }
    }
    return undefined
  })
  // What the answer named that no request asked for: said in each unanswered request's reason.
  const unanswered = [
    ...images.filter((image) => !used.has(image)).map((image) => `an image with ${idText(image.imageId)}`),
    ...failures.filter((failure) => !used.has(failure)).map((failure) => `a failure with ${idText(failure.imageId)}`)
  ]
  return matched.map(
    (result, index): LookupResult =>
      result ?? {
        request: requests[index] as ImageRequest,
        status: 'failed',
        failure: {
          imageId: toImageIdentifier((requests[index] as ImageRequest).id),
          failureCode: FailureCode.ImageNotReturned,
          failureReason: notReturnedReason(unanswered)
        }
      }
  )
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The SDK takes any JSON for an answer: a proxy's or an emulator's JSON that is not BatchGetImage's
 * would otherwise fail later as a TypeError, or pass as an answer without images.
 */
function checkShape(response: BatchGetImageCommandOutput): void {
  const problem = (): string | undefined => {
    const { images, failures } = response as { images?: unknown; failures?: unknown }
    if (images !== undefined && !Array.isArray(images)) return 'images is not a list'
    if (failures !== undefined && !Array.isArray(failures)) return 'failures is not a list'
    for (const image of (images as unknown[] | undefined) ?? []) {
      if (!isObject(image) || !isObject(image.imageId)) return 'an image without an imageId'
      if (image.imageManifest !== undefined && typeof image.imageManifest !== 'string') return 'a manifest that is not text'
    }
    for (const failure of (failures as unknown[] | undefined) ?? []) if (!isObject(failure)) return 'a failure that is not an object'
    return undefined
  }
  const found = problem()
  if (found !== undefined) throw new ResponseShapeError(found, response.$metadata?.httpStatusCode)
}

/** A media type as RFC 6838 writes one (type/subtype, each at most 127 characters), with parameters; at most 255 in all. */
const MEDIA_TYPE = /^(?=.{3,255}$)[A-Za-z0-9][\w!#$&^.+-]{0,126}\/[A-Za-z0-9][\w!#$&^.+-]{0,126}(?:\s*;[^\n\r]*)?$/

/**
 * Every image in an answer must be of the repository (and registry, when one was asked; a registry id
 * is 12 digits) the request named, carry a digest in the digest grammar, and a media type that is one:
 * each reaches files, outputs and tags.
 */
function checkAnswers(images: readonly Image[], asked: ImageRequest): void {
  for (const image of images) {
    const { repositoryName, registryId } = image
    const wrongRegistry =
      (asked.registryId !== undefined && registryId !== asked.registryId) || (registryId !== undefined && !/^\d{12}$/.test(registryId))
    if (repositoryName !== asked.repositoryName || wrongRegistry)
      throw new UnexpectedAnswerError(
        `it holds an image of repository '${safeText(String(repositoryName ?? 'none')).slice(0, 300)}' in registry ${safeText(String(registryId ?? 'none')).slice(0, 100)}, not of '${asked.repositoryName}' in ${asked.registryId !== undefined ? `registry ${asked.registryId}` : "the caller's registry"} as asked`
      )
    const mediaType = image.imageManifestMediaType
    if (mediaType !== undefined && !MEDIA_TYPE.test(mediaType))
      throw new UnexpectedAnswerError(
        `it holds the media type '${safeText(String(mediaType)).slice(0, 200)}', which is not a media type (type/subtype, at most 255 characters)`
      )
    const digest = image.imageId?.imageDigest
    if (!isDigest(digest))
      throw new UnexpectedAnswerError(
        digest === undefined
          ? `it holds an image without a digest (tag ${safeText(String(image.imageId?.imageTag ?? 'none'))})`
          : `it holds the digest '${safeText(String(digest)).slice(0, 200)}', which is not a digest ('sha256:' and 64 lowercase hexadecimal characters)`
      )
  }
}

/** One BatchGetImage call for up to 100 requests of one repository. */
async function batchGetImage(batch: ImageRequest[], options: LookupOptions): Promise<LookupResult[]> {
  const [first] = batch
  if (first === undefined) return []
  try {
    const sent = options.clientFor(first.region).send(
      new BatchGetImageCommand({
        repositoryName: first.repositoryName,
        ...(first.registryId !== undefined && { registryId: first.registryId }),
        imageIds: batch.map((request) => toImageIdentifier(request.id)),
        acceptedMediaTypes: [...options.acceptedMediaTypes]
      }),
      options.signal !== undefined ? { abortSignal: options.signal } : {}
    )
    const response = await untilAborted(sent, options.signal)
    checkShape(response)
    checkAnswers(response.images ?? [], first)
    return matchResults(batch, response.images ?? [], response.failures ?? [])
  } catch (error) {
    return batch.map((request) => ({ request, status: 'error', error }))
  }
}

/** The distinct requests grouped by repository, split into batches of at most 100. */
export function planBatches(requests: readonly ImageRequest[]): ImageRequest[][] {
  const groups = new Map<string, Map<string, ImageRequest>>()
  for (const request of requests) {
    const group = groups.get(repositoryKey(request)) ?? new Map<string, ImageRequest>()
    groups.set(repositoryKey(request), group)
    if (!group.has(requestKey(request))) group.set(requestKey(request), request)
  }
  return [...groups.values()].flatMap((group) => chunk([...group.values()], MAX_IDS_PER_REQUEST))
}

/**
 * Looks up every request. Returns one result per request, in the same order (repeats included,
 * each with its own `requested` text); each distinct image is asked once.
 */
export async function lookupImages(requests: readonly ImageRequest[], options: LookupOptions): Promise<LookupResult[]> {
  const answered = (
    await mapWithConcurrency(planBatches(requests), MAX_CONCURRENT_REQUESTS, (batch) => batchGetImage(batch, options))
  ).flat()
  const byKey = new Map(answered.map((result) => [requestKey(result.request), result]))
  return requests.map((request) => ({ ...(byKey.get(requestKey(request)) as LookupResult), request }))
}
