// The require-artifacts stage, loaded only with that input: after each round's lookup, every found
// image must carry each kind asked for. In order, so every call is made only when needed:
//   1. ListImageReferrers of each found image's digest (ACTIVE ones), every page;
//   2. in one batched lookup per repository: BuildKit attestation manifests inside an index, and cosign
//      v2's `sha256-<hex>.sig` tag, for the images these could still help;
//   3. for an image still missing a kind: the listing again with status ANY (to say an archived one
//      exists), and, when a signature is missing, DescribeImageSigningStatus (managed signing in
//      progress, or failed).
// A found image missing a kind becomes an ArtifactMissing failure (waiting asks again), or
// SigningFailed; one that carries them all gains `artifacts`, the evidence that counted.
import {
  DescribeImageSigningStatusCommand,
  type ImageReferrer,
  type ImageSigningStatus,
  ListImageReferrersCommand,
  type ListImageReferrersCommandOutput
} from '@aws-sdk/client-ecr'
import { mapWithConcurrency } from '../concurrency.js'
import { untilAborted } from '../deadline.js'
import { UnexpectedAnswerError, errorName } from '../ecr/errors.js'
import type { EcrClients } from '../ecr/client.js'
import { type FoundArtifact, type LookupResult, MAX_CONCURRENT_REQUESTS, lookupImages } from '../ecr/lookup.js'
import { FailureCode } from '../failure-codes.js'
import type { LookupRound } from '../ecr/round.js'
import { type ImageRequest, isDigest, requestKey } from '../image.js'
import type { RequiredArtifact } from '../inputs/artifacts.js'
import { listNames, safeText } from '../text.js'
import { type Evidence, meets, requirementName } from './kinds.js'

export { describeKinds } from './kinds.js'

/** A server that keeps sending nextToken is not followed past this many pages (50 referrers each). */
const MAX_PAGES = 200
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'])
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']

export interface ArtifactOptions extends EcrClients {
  required: readonly RequiredArtifact[]
  acceptedMediaTypes: readonly string[]
  /** cosign v2 `.sig` tags already asked in the round's own lookup (references pinned by digest), by request key. */
  knownTags?: ReadonlyMap<string, LookupResult>
}

/** cosign v2's signature tag for a digest: `sha256-<hex>.sig`. */
function signatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`
}

/**
 * A lookup round that checks the evidence of what it finds. With `signature` required, a reference
 * already pinned by digest has its cosign v2 `.sig` tag asked in the same first request.
 */
export function artifactRound(lookup: LookupRound, options: ArtifactOptions): LookupRound {
  const signature = options.required.some((entry) => entry.kind === 'signature')
  return async (requests) => {
    const early = signature
      ? requests.flatMap((request) =>
          request.id.digest !== undefined
            ? [
                {
                  ...request,
                  requested: `${request.repositoryName}:${signatureTag(request.id.digest)}`,
                  id: { tag: signatureTag(request.id.digest) }
                }
              ]
            : []
        )
      : []
    const all = await lookup([...requests, ...early])
    const knownTags = new Map(early.map((request, index) => [requestKey(request), all[requests.length + index] as LookupResult]))
    return checkArtifacts(all.slice(0, requests.length), { ...options, knownTags })
  }
}

type Found = Extract<LookupResult, { status: 'found' }>

/** The operation an error came from, for its sentence (describeCallError reads it). */
function fromOperation(error: unknown, operation: string): unknown {
  if (typeof error === 'object' && error !== null) Object.assign(error, { operation })
  return error
}

/** Every referrer of `digest` (ACTIVE ones, or with `any` every status), following nextToken. */
async function listReferrers(found: Found, digest: string, any: boolean, options: ArtifactOptions): Promise<ImageReferrer[]> {
  const { request } = found
  const referrers: ImageReferrer[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const sent = options.clientFor(request.region).send(
      new ListImageReferrersCommand({
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        subjectId: { imageDigest: digest },
        maxResults: 50,
        ...(any && { filter: { artifactStatus: 'ANY' } }),
        ...(nextToken !== undefined && { nextToken })
      }),
      { abortSignal: options.signal }
    )
    const response: ListImageReferrersCommandOutput = await untilAborted(sent, options.signal)
    for (const referrer of response.referrers ?? []) {
      if (!isDigest(referrer.digest))
        throw new UnexpectedAnswerError(
          `it lists a referrer whose digest '${safeText(String(referrer.digest)).slice(0, 100)}' is not a digest`
        )
      referrers.push(referrer)
    }
    nextToken = response.nextToken
    if (nextToken === undefined || nextToken === '') return referrers
  }
  throw new UnexpectedAnswerError(`it kept sending a nextToken after ${MAX_PAGES} pages of referrers`)
}

function referrerEvidence(referrer: ImageReferrer): Evidence {
  return {
    source: 'referrer',
    digest: referrer.digest ?? '',
    ...(referrer.artifactType !== undefined && { artifactType: referrer.artifactType }),
    ...(referrer.mediaType !== undefined && { mediaType: referrer.mediaType }),
    ...(referrer.annotations !== undefined && { annotations: referrer.annotations })
  }
}

/** The attestation manifests a BuildKit index holds for its platform manifests (only the platform's, with platform). */
function attestationDigests(found: Found): string[] {
  if (!INDEX_TYPES.has(found.image.imageManifestMediaType ?? '')) return []
  let index: { manifests?: { digest?: unknown; annotations?: Record<string, unknown> }[] }
  try {
    index = JSON.parse(found.image.imageManifest ?? '') as typeof index
  } catch {
    return []
  }
  return (index.manifests ?? []).flatMap((entry) => {
    const annotations = entry.annotations ?? {}
    if (annotations['vnd.docker.reference.type'] !== 'attestation-manifest' || !isDigest(entry.digest)) return []
    const subject = annotations['vnd.docker.reference.digest']
    return found.platformDigest === undefined || subject === found.platformDigest ? [entry.digest as string] : []
  })
}

/** The predicate types an attestation manifest's layers are annotated with. */
function attestationEvidence(digest: string, manifest: string | undefined): Evidence[] {
  try {
    const parsed = JSON.parse(manifest ?? '') as { layers?: { annotations?: Record<string, unknown>; mediaType?: unknown }[] }
    return (parsed.layers ?? []).flatMap((layer) => {
      const predicateType = layer.annotations?.['in-toto.io/predicate-type']
      return typeof predicateType === 'string'
        ? [{ source: 'buildkit-attestation' as const, digest, predicateType, mediaType: String(layer.mediaType ?? '') }]
        : []
    })
  } catch {
    return []
  }
}

/** What one image has, what it misses, and why. */
interface ImageEvidence {
  found: Found
  evidence: Evidence[]
}

function missingOf(image: ImageEvidence, required: readonly RequiredArtifact[]): RequiredArtifact[] {
  return required.filter((entry) => !image.evidence.some((evidence) => meets(entry, evidence)))
}

function digestOf(found: Found): string {
  return found.image.imageId?.imageDigest ?? ''
}

/** Managed signing's statuses, or why they could not be read (a role without the permission). */
async function signingStatuses(found: Found, options: ArtifactOptions): Promise<ImageSigningStatus[] | { unknown: string }> {
  const { request } = found
  try {
    const sent = options.clientFor(request.region).send(
      new DescribeImageSigningStatusCommand({
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        imageId: { imageDigest: digestOf(found) }
      }),
      { abortSignal: options.signal }
    )
    return (await untilAborted(sent, options.signal)).signingStatuses ?? []
  } catch (error) {
    if (options.signal.aborted) throw error
    const name = errorName(error)
    return {
      unknown:
        name === 'AccessDeniedException'
          ? 'the role may not call ecr:DescribeImageSigningStatus, which would tell whether managed signing is in progress'
          : `whether managed signing is in progress could not be read (${safeText(name)})`
    }
  }
}

/** The failure of an image that misses kinds: ArtifactMissing (with what was found out), or SigningFailed. */
async function missingFailure(image: ImageEvidence, missing: RequiredArtifact[], options: ArtifactOptions): Promise<LookupResult> {
  const { found } = image
  const digest = digestOf(found)
  const notes: string[] = []
  // An archived or activating one exists: it does not count, and the failure says so.
  const all = await listReferrers(found, digest, true, options)
  for (const entry of missing) {
    const inactive = all.filter((referrer) => referrer.artifactStatus !== 'ACTIVE' && meets(entry, referrerEvidence(referrer)))
    if (inactive.length > 0)
      notes.push(
        `the ${requirementName(entry)} exists but is ${[...new Set(inactive.map((referrer) => String(referrer.artifactStatus).toLowerCase()))].join(' or ')} (${safeText(inactive[0]?.digest ?? '')}), which does not count: restore it`
      )
  }
  if (missing.some((entry) => entry.kind === 'signature')) {
    const statuses = await signingStatuses(found, options)
    if (!Array.isArray(statuses)) notes.push(statuses.unknown)
    else {
      const failed = statuses.find((status) => status.status === 'FAILED')
      if (failed !== undefined)
        return {
          request: found.request,
          status: 'failed',
          failure: {
            imageId: { ...found.image.imageId },
            failureCode: FailureCode.SigningFailed,
            failureReason: `ECR managed signing failed for ${safeText(failed.signingProfileArn ?? 'a signing profile')}: ${safeText(failed.failureCode ?? 'no code')}: ${safeText(failed.failureReason ?? 'no reason given')}`
          }
        }
      const running = statuses.filter((status) => status.status === 'IN_PROGRESS')
      if (running.length > 0)
        notes.push(
          `signing in progress (ECR managed signing, ${listNames(running.map((status) => safeText(status.signingProfileArn ?? 'a profile')))})`
        )
    }
  }
  return {
    request: found.request,
    status: 'failed',
    failure: {
      imageId: { ...found.image.imageId },
      failureCode: FailureCode.ArtifactMissing,
      failureReason: `${digest} has no active ${listNames(missing.map(requirementName))}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`
    }
  }
}

/** The evidence that counted, one entry per piece and kind, for the images output. */
function counted(image: ImageEvidence, required: readonly RequiredArtifact[]): FoundArtifact[] {
  return required.flatMap((entry) =>
    image.evidence
      .filter((evidence) => meets(entry, evidence))
      .map((evidence) => ({
        kind: requirementName(entry),
        ...(evidence.artifactType !== undefined && { artifactType: evidence.artifactType }),
        digest: evidence.digest,
        ...(evidence.mediaType !== undefined && { mediaType: evidence.mediaType }),
        ...(evidence.annotations !== undefined && { annotations: evidence.annotations }),
        ...(evidence.predicateType !== undefined &&
          evidence.annotations === undefined && { annotations: { 'in-toto.io/predicate-type': evidence.predicateType } })
      }))
  )
}

/** The request for another manifest or tag of a found image's repository. */
function sibling(found: Found, id: ImageRequest['id']): ImageRequest {
  const { request } = found
  return {
    requested: `${request.repositoryName}${id.tag !== undefined ? `:${id.tag}` : `@${id.digest ?? ''}`}`,
    repositoryName: request.repositoryName,
    ...(request.registryId !== undefined && { registryId: request.registryId }),
    region: request.region,
    id
  }
}

/** Checks every found image of a round for the required kinds; other results pass through unchanged. */
export async function checkArtifacts(results: readonly LookupResult[], options: ArtifactOptions): Promise<LookupResult[]> {
  const found = results.filter((result): result is Found => result.status === 'found')
  if (found.length === 0) return [...results]
  const { required } = options
  // 1. The referrers of each found image.
  const listed = await mapWithConcurrency(found, MAX_CONCURRENT_REQUESTS, async (result) => {
    try {
      return {
        found: result,
        evidence: (await listReferrers(result, digestOf(result), false, options)).map(referrerEvidence)
      } as ImageEvidence
    } catch (error) {
      return { found: result, error: fromOperation(error, 'ListImageReferrers') }
    }
  })
  const images = listed.filter((image): image is ImageEvidence => !('error' in image))
  // 2. BuildKit attestations and cosign v2 tags, in one batched lookup, for the images they could still help.
  const extra: { image: ImageEvidence; request: ImageRequest; kind: 'attestation' | 'tag' }[] = []
  for (const image of images) {
    const missing = missingOf(image, required)
    if (missing.length === 0) continue
    if (missing.some((entry) => entry.kind !== 'signature'))
      for (const digest of attestationDigests(image.found))
        extra.push({ image, request: sibling(image.found, { digest }), kind: 'attestation' })
    if (missing.some((entry) => entry.kind === 'signature'))
      extra.push({ image, request: sibling(image.found, { tag: signatureTag(digestOf(image.found)) }), kind: 'tag' })
  }
  // A .sig tag the round already asked (a reference pinned by digest) is not asked again.
  const known = (request: ImageRequest): LookupResult | undefined => options.knownTags?.get(requestKey(request))
  const ask = extra.filter((entry) => known(entry.request) === undefined)
  const asked =
    ask.length > 0
      ? await lookupImages(
          ask.map((entry) => entry.request),
          { ...options, acceptedMediaTypes: MANIFEST_TYPES }
        )
      : []
  extra.forEach((entry) => {
    const result = known(entry.request) ?? asked[ask.indexOf(entry)]
    if (result?.status !== 'found') return
    const digest = result.image.imageId?.imageDigest ?? ''
    if (entry.kind === 'tag')
      entry.image.evidence.push({
        source: 'cosign-v2-tag',
        digest,
        ...(result.image.imageManifestMediaType !== undefined && { mediaType: result.image.imageManifestMediaType }),
        annotations: { tag: entry.request.id.tag ?? '' }
      })
    else entry.image.evidence.push(...attestationEvidence(digest, result.image.imageManifest))
  })
  // 3. What is still missing, and why.
  const checked = new Map<Found, LookupResult>()
  await mapWithConcurrency(listed, MAX_CONCURRENT_REQUESTS, async (image) => {
    if ('error' in image) {
      checked.set(image.found, { request: image.found.request, status: 'error', error: image.error })
      return
    }
    const missing = missingOf(image, required)
    try {
      checked.set(
        image.found,
        missing.length > 0 ? await missingFailure(image, missing, options) : { ...image.found, artifacts: counted(image, required) }
      )
    } catch (error) {
      checked.set(image.found, { request: image.found.request, status: 'error', error: fromOperation(error, 'ListImageReferrers') })
    }
  })
  return results.map((result) => (result.status === 'found' ? (checked.get(result) ?? result) : result))
}
