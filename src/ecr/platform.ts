// The platform input at work: pick a platform's manifest out of an OCI index or Docker manifest list,
// and prove that manifest exists by fetching it by digest.
import { FailureCode } from '../failure-codes.js'
import { type ImageRequest, INDEX_MEDIA_TYPES } from '../image.js'
import { type Platform, formatPlatform } from '../inputs/platform.js'
import type { LookupResult } from './lookup.js'

interface Descriptor {
  digest?: unknown
  mediaType?: unknown
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown }
}

function describePlatform(descriptor: Descriptor): string {
  const platform = descriptor.platform ?? {}
  return [platform.os, platform.architecture, platform.variant].filter((part) => typeof part === 'string').join('/') || 'unknown'
}

/**
 * The child manifest for `platform` in an index's text: the digest, or the platforms it does have.
 * Without a variant in `platform`, any variant matches (linux/arm64 matches linux/arm64/v8).
 */
export function selectPlatform(indexText: string, platform: Platform): { digest: string } | { available: string[] } {
  let manifests: Descriptor[] = []
  try {
    const parsed = JSON.parse(indexText) as { manifests?: unknown }
    if (Array.isArray(parsed.manifests)) manifests = parsed.manifests as Descriptor[]
  } catch {
    return { available: [] }
  }
  const match = manifests.find(
    (descriptor) =>
      // An attestation manifest is never the platform's image, whatever platform it names.
      (descriptor as { annotations?: Record<string, unknown> }).annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
      descriptor.platform?.os === platform.os &&
      descriptor.platform?.architecture === platform.architecture &&
      (platform.variant === undefined || descriptor.platform?.variant === platform.variant) &&
      typeof descriptor.digest === 'string'
  )
  if (match) return { digest: match.digest as string }
  // Attestation manifests (platform unknown/unknown) are not platforms a user can ask for.
  return { available: manifests.map(describePlatform).filter((name) => name !== 'unknown/unknown') }
}

function platformNotFound(result: Extract<LookupResult, { status: 'found' }>, reason: string): LookupResult {
  return {
    request: result.request,
    status: 'failed',
    failure: { imageId: result.image.imageId, failureCode: FailureCode.PlatformNotFound, failureReason: reason }
  }
}

/**
 * For each found image: a plain manifest is its own platform digest; an index gets the digest of
 * its manifest for `platform`, after that manifest is fetched by digest (with `fetch`, which also
 * checks digests when verify-digest is on) to prove it exists. An index without the platform, or
 * whose platform manifest is missing, becomes a PlatformNotFound failure; a platform manifest that
 * fails the digest check makes the image a DigestMismatch.
 */
export async function resolvePlatforms(
  results: readonly LookupResult[],
  platform: Platform,
  fetch: (requests: ImageRequest[]) => Promise<LookupResult[]>
): Promise<LookupResult[]> {
  const wanted = formatPlatform(platform)
  const children = new Map<number, ImageRequest>()
  const resolved: LookupResult[] = results.map((result, index) => {
    if (result.status !== 'found') return result
    const mediaType = result.image.imageManifestMediaType ?? ''
    const digest = result.image.imageId?.imageDigest
    // A single-platform manifest does not say its platform (that is in its config blob): it stands for itself.
    if (!INDEX_MEDIA_TYPES.has(mediaType))
      return digest ? { ...result, platformDigest: digest, unchecked: [...(result.unchecked ?? []), 'platform-single-manifest'] } : result
    const choice = selectPlatform(result.image.imageManifest ?? '', platform)
    if ('available' in choice)
      return platformNotFound(result, `the image index has no ${wanted} manifest (it has ${choice.available.join(', ') || 'no platforms'})`)
    children.set(index, { ...result.request, requested: `${result.request.requested} (${wanted})`, id: { digest: choice.digest } })
    return result
  })
  if (children.size === 0) return resolved
  const fetched = await fetch([...children.values()])
  let next = 0
  for (const [index, child] of children) {
    const answer = fetched[next++]
    const parent = resolved[index] as Extract<LookupResult, { status: 'found' }>
    const digest = child.id.digest as string
    if (answer?.status === 'error') resolved[index] = { request: parent.request, status: 'error', error: answer.error }
    else if (answer?.status === 'failed' && answer.failure.failureCode === FailureCode.DigestMismatch)
      resolved[index] = {
        request: parent.request,
        status: 'failed',
        failure: { ...answer.failure, imageId: parent.image.imageId, failureReason: `${wanted}: ${answer.failure.failureReason}` }
      }
    else if (answer?.status !== 'found')
      resolved[index] = platformNotFound(
        parent,
        `the image index lists ${wanted} as ${digest}, but ECR has no such manifest (${answer?.failure.failureCode ?? 'no answer'})`
      )
    else resolved[index] = { ...parent, platformDigest: digest }
  }
  return resolved
}
