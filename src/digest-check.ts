// verify-digest: a manifest ECR did not convert must hash (sha256 of its exact bytes) to its digest.
import { sha256 } from './helpers.js'
import type { LookupResult } from './lookup.js'
import { DEFAULT_MEDIA_TYPES, SCHEMA1_MEDIA_TYPES } from './media-types.js'

/**
 * Whether ECR may have converted this manifest: schema 1 results are always conversions; a lookup
 * by tag may convert when the accepted media types leave out one of the four modern types. A lookup
 * by digest is never converted.
 */
export function mayBeConverted(result: Extract<LookupResult, { status: 'found' }>, acceptedMediaTypes: readonly string[]): boolean {
  if (SCHEMA1_MEDIA_TYPES.has(result.image.imageManifestMediaType ?? '')) return true
  if (result.request.id.digest !== undefined) return false
  return !DEFAULT_MEDIA_TYPES.every((type) => acceptedMediaTypes.includes(type))
}

/** Turns each found image whose manifest does not hash to its digest into a DigestMismatch failure. */
export function checkDigests(results: readonly LookupResult[], acceptedMediaTypes: readonly string[]): LookupResult[] {
  return results.map((result) => {
    if (result.status !== 'found' || mayBeConverted(result, acceptedMediaTypes)) return result
    const claimed = result.image.imageId?.imageDigest
    const actual = sha256(result.image.imageManifest ?? '')
    if (claimed === undefined || claimed === actual) return result
    return {
      request: result.request,
      status: 'failed',
      failure: {
        imageId: result.image.imageId,
        failureCode: 'DigestMismatch',
        failureReason: `the manifest ECR returned hashes to ${actual}, not to its digest ${claimed}`
      }
    }
  })
}
