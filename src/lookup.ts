// Looking images up with BatchGetImage: de-duplicate, split into requests of at most 100 ids, run
// them with a small concurrency bound, and match each answer back to what was asked by tag and
// digest (never by position).
import {
  BatchGetImageCommand,
  type ECRClient,
  type Image,
  type ImageIdentifier
} from '@aws-sdk/client-ecr'
import { chunk, mapWithConcurrency } from './helpers.js'
import { type ImageId, imageIdKey, uniqueImageIds } from './image-ids.js'

export const MAX_IDS_PER_REQUEST = 100
export const MAX_CONCURRENT_REQUESTS = 8

export interface LookupRequest {
  repositoryName: string
  registryId?: string
  imageIds: readonly ImageId[]
  acceptedMediaTypes: readonly string[]
}

/** A per-image failure: ECR's, or one of this action's own codes (so the code is any string). */
export interface Failure {
  imageId?: ImageIdentifier
  failureCode?: string
  failureReason?: string
}

export type LookupResult =
  | { id: ImageId; status: 'found'; image: Image }
  | { id: ImageId; status: 'failed'; failure: Failure }
  /** The request holding this id failed as a whole (the error is the SDK's). */
  | { id: ImageId; status: 'error'; error: unknown }

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

/** Pairs each asked id with its image or failure; an id with neither is reported, not dropped. */
export function matchResults(
  ids: readonly ImageId[],
  images: readonly Image[],
  failures: readonly Failure[]
): LookupResult[] {
  return ids.map((id): LookupResult => {
    const image = images.find((candidate) => imageMatches(id, candidate.imageId))
    if (image) return { id, status: 'found', image }
    const failure = failures.find((candidate) => failureMatches(id, candidate.imageId))
    if (failure) return { id, status: 'failed', failure }
    return {
      id,
      status: 'failed',
      failure: {
        imageId: { ...(id.tag !== undefined && { imageTag: id.tag }), ...(id.digest !== undefined && { imageDigest: id.digest }) },
        failureCode: 'ImageNotReturned',
        failureReason: 'ECR returned neither an image nor a failure for this id'
      }
    }
  })
}

async function batchGetImage(client: ECRClient, request: LookupRequest, ids: ImageId[]): Promise<LookupResult[]> {
  try {
    const response = await client.send(
      new BatchGetImageCommand({
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        imageIds: ids.map((id) => ({
          ...(id.tag !== undefined && { imageTag: id.tag }),
          ...(id.digest !== undefined && { imageDigest: id.digest })
        })),
        acceptedMediaTypes: [...request.acceptedMediaTypes]
      })
    )
    return matchResults(ids, response.images ?? [], response.failures ?? [])
  } catch (error) {
    return ids.map((id) => ({ id, status: 'error', error }))
  }
}

/**
 * Looks up every requested id. Returns one result per id as requested (repeats included, in the
 * same order); each distinct id is asked once.
 */
export async function lookupImages(client: ECRClient, request: LookupRequest): Promise<LookupResult[]> {
  const batches = chunk(uniqueImageIds(request.imageIds), MAX_IDS_PER_REQUEST)
  const answered = (
    await mapWithConcurrency(batches, MAX_CONCURRENT_REQUESTS, (batch) => batchGetImage(client, request, batch))
  ).flat()
  const byKey = new Map(answered.map((result) => [imageIdKey(result.id), result]))
  return request.imageIds.map((id) => ({ ...(byKey.get(imageIdKey(id)) as LookupResult), id }))
}
