// verify-digest: a manifest ECR did not convert must hash (sha256 of its exact bytes) to its digest.
import { createHash } from 'node:crypto'
import { FailureCode } from '../failure-codes.js'
import { DEFAULT_MEDIA_TYPES, SCHEMA1_MEDIA_TYPES } from '../image.js'
import type { LookupResult } from './lookup.js'

/** `sha256:` + the hex sha256 of the text's UTF-8 bytes: an image digest. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

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
        failureCode: FailureCode.DigestMismatch,
        failureReason: `the manifest ECR returned hashes to ${actual}, not to its digest ${claimed}`
      }
    }
  })
}
