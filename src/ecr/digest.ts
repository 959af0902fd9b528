// verify-digest: a manifest ECR did not convert must hash (sha256 of its exact bytes) to its digest.
import { createHash } from 'node:crypto'
import { FailureCode } from '../failure-codes.js'
import { DEFAULT_MEDIA_TYPES, SCHEMA1_MEDIA_TYPES } from '../image.js'
import type { LookupResult, Unchecked } from './lookup.js'

/** `sha256:` + the hex sha256 of the text's UTF-8 bytes: an image digest. */
export function sha256(content: string | Uint8Array): string {
  return `sha256:${(typeof content === 'string' ? createHash('sha256').update(content, 'utf8') : createHash('sha256').update(content)).digest('hex')}`
}

type Found = Extract<LookupResult, { status: 'found' }>

/**
 * Why ECR may have converted this manifest, if it may have: schema 1 results are always conversions;
 * a lookup by tag may convert when the accepted media types leave out one of the four modern types.
 * A lookup by digest is never converted.
 */
/** The reasons a manifest's digest may not be checkable: ECR may have converted it. */
export type ConversionRisk = Extract<Unchecked, 'digest-schema1' | 'digest-converted'>

export function conversionRisk(result: Found, acceptedMediaTypes: readonly string[]): ConversionRisk | undefined {
  if (SCHEMA1_MEDIA_TYPES.has(result.image.imageManifestMediaType ?? '')) return 'digest-schema1'
  if (result.request.id.digest !== undefined) return undefined
  return DEFAULT_MEDIA_TYPES.every((type) => acceptedMediaTypes.includes(type)) ? undefined : 'digest-converted'
}

/** Whether ECR may have converted this manifest (see conversionRisk). */
export function mayBeConverted(result: Found, acceptedMediaTypes: readonly string[]): boolean {
  return conversionRisk(result, acceptedMediaTypes) !== undefined
}

/**
 * Turns each found image whose manifest does not hash to its digest into a DigestMismatch failure; one
 * ECR may have converted is not checked, and says so (unchecked).
 */
export function checkDigests(results: readonly LookupResult[], acceptedMediaTypes: readonly string[]): LookupResult[] {
  return results.map((result) => {
    if (result.status !== 'found') return result
    const risk = conversionRisk(result, acceptedMediaTypes)
    if (risk !== undefined) return { ...result, unchecked: [...(result.unchecked ?? []), risk] }
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
