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
import { checkDigests } from '../ecr/digest.js'
import { type FoundArtifact, type LookupResult, MAX_CONCURRENT_REQUESTS, lookupImages } from '../ecr/lookup.js'
import { FailureCode } from '../failure-codes.js'
import type { LookupRound } from '../ecr/round.js'
import { DEFAULT_MEDIA_TYPES, type ImageRequest, isDigest, requestKey } from '../image.js'
import { type RequiredArtifact, requirementName } from '../inputs/artifacts.js'
import { listNames, safeText } from '../text.js'
import { type Evidence, meets } from './kinds.js'

export { describeKinds } from './kinds.js'

/** A server that keeps sending nextToken is not followed past this many pages (50 referrers each). */
const MAX_PAGES = 200
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'])

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

/**
 * Every referrer of `digest` (ACTIVE ones, or with `any` every status), following nextToken; without
 * `any`, a page stops the listing once `enough` says what was listed meets every requirement.
 */
export async function listReferrers(
  found: Found,
  digest: string,
  any: boolean,
  options: EcrClients,
  enough: (listed: readonly ImageReferrer[]) => boolean = () => false
): Promise<ImageReferrer[]> {
  const { request } = found
  const referrers: ImageReferrer[] = []
  const tokens = new Set<string>()
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
      // Only ACTIVE ones count, also when a server ignores the status filter.
      if (any || referrer.artifactStatus === undefined || referrer.artifactStatus === 'ACTIVE') referrers.push(referrer)
    }
    nextToken = response.nextToken
    if (nextToken === undefined || nextToken === '' || (!any && enough(referrers))) return referrers
    if (tokens.has(nextToken))
      throw new UnexpectedAnswerError('ListImageReferrers sent the same nextToken twice, so its listing would never end')
    tokens.add(nextToken)
  }
  throw new UnexpectedAnswerError(`ListImageReferrers kept sending a nextToken after ${MAX_PAGES} pages (${MAX_PAGES * 50} referrers)`)
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

/**
 * A BuildKit index's platform manifests (the platform's alone, with platform) and the attestation
 * manifests it holds for them; an attestation for a digest that is not one of them does not count.
 */
function buildkitAttestations(found: Found): { platforms: string[]; attestations: { digest: string; subject: string }[] } {
  const none = { platforms: [], attestations: [] }
  if (!INDEX_TYPES.has(found.image.imageManifestMediaType ?? '')) return none
  let index: { manifests?: { digest?: unknown; annotations?: Record<string, unknown> }[] }
  try {
    index = JSON.parse(found.image.imageManifest ?? '') as typeof index
  } catch {
    return none
  }
  const entries = index.manifests ?? []
  const isAttestation = (entry: (typeof entries)[number]): boolean =>
    entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
  const all = entries.filter((entry) => !isAttestation(entry) && isDigest(entry.digest)).map((entry) => entry.digest as string)
  const platforms = found.platformDigest !== undefined ? all.filter((digest) => digest === found.platformDigest) : all
  const attestations = entries.flatMap((entry) => {
    const subject = entry.annotations?.['vnd.docker.reference.digest']
    return isAttestation(entry) && isDigest(entry.digest) && typeof subject === 'string' && platforms.includes(subject)
      ? [{ digest: entry.digest as string, subject }]
      : []
  })
  return { platforms, attestations }
}

/** The predicate types an attestation manifest's layers are annotated with. */
function attestationEvidence(digest: string, subject: string, manifest: string | undefined): Evidence[] {
  try {
    const parsed = JSON.parse(manifest ?? '') as { layers?: { annotations?: Record<string, unknown>; mediaType?: unknown }[] }
    return (parsed.layers ?? []).flatMap((layer) => {
      const predicateType = layer.annotations?.['in-toto.io/predicate-type']
      return typeof predicateType === 'string'
        ? [{ source: 'buildkit-attestation' as const, digest, subject, predicateType, mediaType: String(layer.mediaType ?? '') }]
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
  /** A BuildKit index's platform manifests: its attestations count only when every one has one. */
  platforms: string[]
  /** Listed referrers that would count but were not read (past ARTIFACTS_PER_KIND): counted as omitted. */
  unread: Evidence[]
}

/**
 * Whether the evidence meets a requirement: a referrer (or a .sig tag) of the image, or BuildKit
 * attestations for every platform manifest in scope (one platform without its attestation is not attested).
 */
function isMet(entry: RequiredArtifact, evidence: readonly Evidence[], platforms: readonly string[]): boolean {
  if (evidence.some((piece) => piece.source !== 'buildkit-attestation' && meets(entry, piece))) return true
  return (
    platforms.length > 0 &&
    platforms.every((platform) =>
      evidence.some((piece) => piece.source === 'buildkit-attestation' && piece.subject === platform && meets(entry, piece))
    )
  )
}

function missingOf(image: ImageEvidence, required: readonly RequiredArtifact[]): RequiredArtifact[] {
  return required.filter((entry) => !isMet(entry, image.evidence, image.platforms))
}

/** A found image's digest (an index's, for an index). */
export function digestOf(found: Found): string {
  return found.image.imageId?.imageDigest ?? ''
}

/** A found image that fails after all: its id, a code and the reason. */
export function failedWith(found: Found, failureCode: string, failureReason: string): LookupResult {
  return { request: found.request, status: 'failed', failure: { imageId: { ...found.image.imageId }, failureCode, failureReason } }
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
        return failedWith(
          found,
          FailureCode.SigningFailed,
          `ECR managed signing failed for ${safeText(failed.signingProfileArn ?? 'a signing profile')}: ${safeText(failed.failureCode ?? 'no code')}: ${safeText(failed.failureReason ?? 'no reason given')}`
        )
      const running = statuses.filter((status) => status.status === 'IN_PROGRESS')
      if (running.length > 0)
        notes.push(
          `signing in progress (ECR managed signing, ${listNames(running.map((status) => safeText(status.signingProfileArn ?? 'a profile')))})`
        )
    }
  }
  return failedWith(
    found,
    FailureCode.ArtifactMissing,
    `${digest} has no active ${listNames(missing.map(requirementName))}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`
  )
}

/** At most this many pieces of evidence per kind in the images output (the rest are counted in `omitted`). */
const ARTIFACTS_PER_KIND = 10
/** The longest annotation value the images output carries. */
const ANNOTATION_LIMIT = 200

/**
 * A referrer as its own manifest says it is (read by its digest, and checked against it): its subject
 * must be the image, and its artifact type and annotations are the manifest's, whatever the listing said.
 */
function manifestEvidence(result: Found, subject: string): Evidence | undefined {
  try {
    const manifest = JSON.parse(result.image.imageManifest ?? '') as {
      subject?: { digest?: unknown }
      artifactType?: unknown
      config?: { mediaType?: unknown }
      annotations?: Record<string, unknown>
    }
    if (manifest.subject?.digest !== subject) return undefined
    const artifactType = manifest.artifactType ?? manifest.config?.mediaType
    const annotations = Object.fromEntries(
      Object.entries(manifest.annotations ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    )
    return {
      source: 'referrer',
      digest: result.image.imageId?.imageDigest ?? '',
      ...(typeof artifactType === 'string' && { artifactType }),
      ...(result.image.imageManifestMediaType !== undefined && { mediaType: result.image.imageManifestMediaType }),
      ...(Object.keys(annotations).length > 0 && { annotations })
    }
  } catch {
    return undefined
  }
}

/** The evidence that counted, at most ARTIFACTS_PER_KIND per kind, for the images output. */
function counted(image: ImageEvidence, required: readonly RequiredArtifact[]): FoundArtifact[] {
  return required.flatMap((entry) => {
    const pieces = image.evidence.filter((evidence) => meets(entry, evidence))
    const shown = pieces.slice(0, ARTIFACTS_PER_KIND).map((evidence): FoundArtifact => {
      const annotations =
        evidence.annotations ?? (evidence.predicateType !== undefined ? { 'in-toto.io/predicate-type': evidence.predicateType } : undefined)
      return {
        kind: requirementName(entry),
        ...(evidence.artifactType !== undefined && { artifactType: evidence.artifactType }),
        digest: evidence.digest,
        ...(evidence.mediaType !== undefined && { mediaType: evidence.mediaType }),
        ...(annotations !== undefined && {
          annotations: Object.fromEntries(
            Object.entries(annotations)
              .slice(0, 20)
              .map(([key, value]) => [key.slice(0, ANNOTATION_LIMIT), String(value).slice(0, ANNOTATION_LIMIT)])
          )
        })
      }
    })
    const omitted = pieces.length - shown.length + image.unread.filter((piece) => meets(entry, piece)).length
    return omitted > 0 ? [...shown, { kind: requirementName(entry), digest: '', omitted }] : shown
  })
}

/** The request for another manifest or tag of a found image's repository. */
export function sibling(found: Found, id: ImageRequest['id']): ImageRequest {
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
      const { platforms } = buildkitAttestations(result)
      // Stop listing once what was listed meets every requirement (a crowded image costs one page, not 200).
      const enough = (listed: readonly ImageReferrer[]): boolean =>
        required.every((entry) => listed.some((referrer) => meets(entry, referrerEvidence(referrer))))
      const referrers = await listReferrers(result, digestOf(result), false, options, enough)
      return { found: result, evidence: referrers.map(referrerEvidence), platforms, unread: [] } as ImageEvidence
    } catch (error) {
      return { found: result, error: fromOperation(error, 'ListImageReferrers') }
    }
  })
  const images = listed.filter((image): image is ImageEvidence => !('error' in image))
  // 2. In one batched lookup: the referrers that would count (their manifests are what counts, not the
  // listing), and BuildKit attestations and cosign v2 tags for the images they could still help.
  const extra: { image: ImageEvidence; request: ImageRequest; kind: 'referrer' | 'attestation' | 'tag'; subject?: string }[] = []
  for (const image of images) {
    const missing = missingOf(image, required)
    // Up to ARTIFACTS_PER_KIND listed referrers per kind are read; the listing alone counts for nothing.
    const toRead = new Set<Evidence>()
    for (const entry of required) {
      const pieces = image.evidence.filter((piece) => meets(entry, piece))
      for (const piece of pieces.slice(0, ARTIFACTS_PER_KIND)) toRead.add(piece)
      image.unread.push(...pieces.slice(ARTIFACTS_PER_KIND).filter((piece) => !image.unread.includes(piece)))
    }
    image.evidence = []
    for (const piece of toRead) extra.push({ image, request: sibling(image.found, { digest: piece.digest }), kind: 'referrer' })
    if (missing.length === 0) continue
    if (missing.some((entry) => entry.kind !== 'signature'))
      for (const { digest, subject } of buildkitAttestations(image.found).attestations)
        extra.push({ image, request: sibling(image.found, { digest }), kind: 'attestation', subject })
    if (missing.some((entry) => entry.kind === 'signature'))
      extra.push({ image, request: sibling(image.found, { tag: signatureTag(digestOf(image.found)) }), kind: 'tag' })
  }
  // A .sig tag the round already asked (a reference pinned by digest) is not asked again.
  // Checked again whatever verify-digest says: a .sig manifest must hash to its digest to count.
  const known = (request: ImageRequest): LookupResult | undefined => {
    const result = options.knownTags?.get(requestKey(request))
    return result === undefined ? undefined : checkDigests([result], DEFAULT_MEDIA_TYPES)[0]
  }
  const ask = extra.filter((entry) => known(entry.request) === undefined)
  // Every manifest read here must hash to its digest (whatever verify-digest says): evidence is not taken on trust.
  const asked =
    ask.length > 0
      ? checkDigests(
          await lookupImages(
            ask.map((entry) => entry.request),
            { ...options, acceptedMediaTypes: DEFAULT_MEDIA_TYPES }
          ),
          DEFAULT_MEDIA_TYPES
        )
      : []
  const failedLookup = new Map<ImageEvidence, unknown>()
  extra.forEach((entry) => {
    const result = known(entry.request) ?? asked[ask.indexOf(entry)]
    // A call that failed is the image's error, never a missing kind.
    if (result?.status === 'error' && !failedLookup.has(entry.image)) failedLookup.set(entry.image, result.error)
    if (result?.status !== 'found') return
    const digest = result.image.imageId?.imageDigest ?? ''
    if (entry.kind === 'referrer') {
      const evidence = manifestEvidence(result, digestOf(entry.image.found))
      if (evidence !== undefined) entry.image.evidence.push(evidence)
    } else if (entry.kind === 'tag')
      entry.image.evidence.push({
        source: 'cosign-v2-tag',
        digest,
        ...(result.image.imageManifestMediaType !== undefined && { mediaType: result.image.imageManifestMediaType }),
        annotations: { tag: entry.request.id.tag ?? '' }
      })
    else entry.image.evidence.push(...attestationEvidence(digest, entry.subject ?? '', result.image.imageManifest))
  })
  // 3. What is still missing, and why.
  const checked = new Map<Found, LookupResult>()
  await mapWithConcurrency(listed, MAX_CONCURRENT_REQUESTS, async (image) => {
    if ('error' in image) {
      checked.set(image.found, { request: image.found.request, status: 'error', error: image.error })
      return
    }
    const lookupError = failedLookup.get(image)
    if (lookupError !== undefined) {
      checked.set(image.found, { request: image.found.request, status: 'error', error: lookupError })
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
