// The verify-signer stage, loaded only with that input: after each round (and after require-artifacts'
// check), every found image needs a Sigstore bundle that verifies for the signer asked (with
// require-artifacts, one per kind asked). For each bundle referrer, in order:
//   1. its manifest, by digest (BatchGetImage; it must hash to its digest and name the image as subject);
//   2. its one bundle layer: GetDownloadUrlForLayer, then a GET of the URL exactly as ECR gave it
//      (through the proxy, with the same budgets and attempts), at most 10 MiB, and its sha256 must be
//      the layer's digest before it is parsed;
//   3. bundle.ts: the Sigstore verifier, the image's digest, the signer and the issuer.
// An image with bundles of which none verifies is a SignatureNotVerified failure naming the first check
// the closest one failed; one with no bundle at all is ArtifactMissing (waiting asks again).
import { GetDownloadUrlForLayerCommand, type ImageReferrer } from '@aws-sdk/client-ecr'
import { isSigstoreBundle, meets } from '../artifacts/kinds.js'
import { digestOf, failedWith, listReferrers, sibling } from '../artifacts/check.js'
import { mapWithConcurrency } from '../concurrency.js'
import { type Deadline, DeadlineError, untilAborted } from '../deadline.js'
import type { EcrClients } from '../ecr/client.js'
import { checkDigests, sha256 } from '../ecr/digest.js'
import { SentenceError, errorName } from '../ecr/errors.js'
import { type FoundArtifact, type LookupResult, MAX_CONCURRENT_REQUESTS, lookupImages } from '../ecr/lookup.js'
import type { LookupRound } from '../ecr/round.js'
import { FailureCode } from '../failure-codes.js'
import { HttpGetError, type HttpGetSettings, httpGet } from '../http-get.js'
import { DEFAULT_MEDIA_TYPES, isDigest } from '../image.js'
import { ARTIFACT_KINDS, type RequiredArtifact, requirementName } from '../inputs/artifacts.js'
import { type VerifySettings, describeSigner } from '../inputs/verify.js'
import { formatBytes, listNames, safeText } from '../text.js'
import { STEPS, type Outcome, type Verified, fail, verifyBundle } from './bundle.js'
import type { TrustSource } from './trust.js'

export { trustedRootFromFile, trustedRootsFromTuf } from './trust.js'

/** A bundle larger than this is not downloaded. */
export const BUNDLE_LIMIT = 10 * 1024 * 1024
/** At most this many bundle referrers per image are read (without require-artifacts; with it, its 10 per kind). */
export const BUNDLES_PER_IMAGE = 20

export interface VerifyOptions extends EcrClients {
  verify: VerifySettings
  trust: TrustSource
  http: HttpGetSettings
  userAgent: string
  /** With require-artifacts: each of these kinds needs a bundle that verifies. */
  required?: readonly RequiredArtifact[]
  /** Where bundles that did not verify, beside one that did, are said. */
  warn: (message: string) => void
  /** ECR's endpoint is a plain-http emulator on loopback: its download URLs may be too (see allowsPlainLoopback). */
  plainLoopback: boolean
  /** The step's deadline, read between bundles. */
  deadline: Pick<Deadline, 'expired' | 'timeoutMs'>
}

type Found = Extract<LookupResult, { status: 'found' }>

/** A bundle referrer to check, and what became of it. */
interface Candidate {
  digest: string
  artifactType?: string
  /** Its manifest, read by its digest (in one batched lookup for every image of the round). */
  manifest?: LookupResult
  outcome?: Outcome
}

/** A found image and its bundle referrers to check (those past BUNDLES_PER_IMAGE are counted, not read). */
interface ImageCandidates {
  found: Found
  candidates: Candidate[]
  unread: number
}

/** A verified bundle as evidence, so require-artifacts' kinds are judged by what was signed, not by annotations. */
function verifiedEvidence(candidate: Candidate, verified: Verified): Parameters<typeof meets>[1] {
  return {
    source: 'referrer',
    digest: candidate.digest,
    ...(candidate.artifactType !== undefined && { artifactType: candidate.artifactType }),
    annotations: {
      'dev.sigstore.bundle.content': verified.content,
      ...(verified.predicateType !== undefined && { 'dev.sigstore.bundle.predicateType': verified.predicateType })
    }
  }
}

/** The name of what a verified bundle is, for the images output: signature, provenance, sbom, or attestation. */
function kindOf(candidate: Candidate, verified: Verified): string {
  const evidence = verifiedEvidence(candidate, verified)
  return ARTIFACT_KINDS.find((kind) => meets({ kind }, evidence)) ?? 'attestation'
}

/** What the images output says of a bundle that verified (signer and issuer are the inputs' own; a predicate type is clipped). */
function publicVerified(verified: Verified): NonNullable<FoundArtifact['verified']> {
  return {
    signer: verified.signer,
    issuer: verified.issuer,
    ...(verified.predicateType !== undefined && { predicateType: verified.predicateType.slice(0, 200) }),
    signedAt: verified.signedAt
  }
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i

/**
 * Whether ECR's endpoint, as the SDK reads it from the environment (AWS_ENDPOINT_URL_ECR, else
 * AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), is a plain-http emulator on loopback.
 * An endpoint set in a config file is not read here: its download URLs must be https.
 */
export function allowsPlainLoopback(env: NodeJS.ProcessEnv): boolean {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return false
  try {
    const endpoint = new URL(env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL || '')
    return endpoint.protocol === 'http:' && endpoint.username === '' && endpoint.password === '' && LOOPBACK.test(endpoint.hostname)
  } catch {
    return false
  }
}

/**
 * Why a GetDownloadUrlForLayer answer is not fetched, or undefined: another layer's digest, a URL that is
 * not https (plain http to loopback only when ECR's own endpoint is a plain-http emulator on loopback),
 * or one that carries credentials (ECR's presigned URLs never do; Node would send them as a header).
 */
export function refuseDownload(answered: unknown, downloadUrl: unknown, layerDigest: string, plainLoopback: boolean): string | undefined {
  if (answered !== layerDigest)
    return `GetDownloadUrlForLayer answered for the layer ${safeText(String(answered)).slice(0, 80)}, not ${layerDigest}`
  let url: URL
  try {
    url = new URL(String(downloadUrl))
  } catch {
    return 'GetDownloadUrlForLayer gave no download URL'
  }
  if (url.username !== '' || url.password !== '') return "its download URL carries credentials, which ECR's presigned URLs never do"
  const loopback = LOOPBACK.test(url.hostname)
  if (url.protocol !== 'https:' && !(plainLoopback && url.protocol === 'http:' && loopback))
    return `its download URL is not https (${safeText(url.protocol)}//${safeText(url.host).slice(0, 100)})`
  return undefined
}

/** Reads one bundle referrer's blob and verifies it; an ECR or download error is the image's error. */
async function checkCandidate(found: Found, manifest: string | undefined, options: VerifyOptions): Promise<Outcome> {
  const { request } = found
  let layers: { mediaType?: unknown; digest?: unknown; size?: unknown }[]
  try {
    const parsed = JSON.parse(manifest ?? '') as { subject?: { digest?: unknown }; layers?: typeof layers }
    if (parsed.subject?.digest !== digestOf(found)) return fail('read', 'its manifest does not name this image as its subject')
    layers = Array.isArray(parsed.layers) ? parsed.layers : []
  } catch {
    return fail('read', 'its manifest is not JSON')
  }
  const bundles = layers.filter((layer) => typeof layer?.mediaType === 'string' && isSigstoreBundle(layer.mediaType))
  const layer = bundles[0]
  if (bundles.length !== 1 || layer === undefined || !isDigest(layer.digest) || !String(layer.digest).startsWith('sha256:'))
    return fail(
      'read',
      `its manifest has ${bundles.length === 0 ? 'no' : bundles.length} Sigstore bundle layer${bundles.length === 1 ? ' with a sha256 digest' : 's'}, not one`
    )
  const layerDigest = String(layer.digest)
  if (typeof layer.size === 'number' && layer.size > BUNDLE_LIMIT)
    return fail('read', `its bundle is ${formatBytes(layer.size)}, more than the limit of ${formatBytes(BUNDLE_LIMIT)}`)
  let url: string
  try {
    const sent = options.clientFor(request.region).send(
      new GetDownloadUrlForLayerCommand({
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        layerDigest
      }),
      { abortSignal: options.signal }
    )
    const answer = await untilAborted(sent, options.signal)
    const refused = refuseDownload(answer.layerDigest, answer.downloadUrl, layerDigest, options.plainLoopback)
    if (refused !== undefined) return fail('read', refused)
    url = String(answer.downloadUrl)
  } catch (error) {
    if (options.signal.aborted) throw error
    if (errorName(error) === 'AccessDeniedException')
      throw new SentenceError(
        `Access denied reading a Sigstore bundle in ${safeText(request.repositoryName)}: verify-signer needs the IAM permission ecr:GetDownloadUrlForLayer on that repository (beside ecr:BatchGetImage).`
      )
    if (errorName(error) === 'LayersNotFoundException' || errorName(error) === 'LayerInaccessibleException')
      return fail('read', `its bundle layer ${layerDigest} cannot be read from the repository (${errorName(error)})`)
    if (typeof error === 'object' && error !== null) Object.assign(error, { operation: 'GetDownloadUrlForLayer' })
    throw error
  }
  let blob: Buffer
  try {
    blob = await httpGet(url, BUNDLE_LIMIT, options.http, options.userAgent)
  } catch (error) {
    if (options.signal.aborted) throw error
    // A blob larger than its limit, a redirect or a refusal is this bundle's failure (a hostile one), not
    // the run's; what keeps every download from working (no connection, a server error) is the run's.
    if (error instanceof HttpGetError && error.tooLarge)
      return fail('read', `its bundle is larger than the limit of ${formatBytes(BUNDLE_LIMIT)} (${safeText(error.message)})`)
    if (error instanceof HttpGetError && error.status !== undefined && error.status < 500 && error.status !== 429)
      return fail('read', `its download could not be read: ${safeText(error.message)}`)
    throw new SentenceError(
      `The Sigstore bundle ${layerDigest} of ${safeText(request.requested)} could not be downloaded from the URL ECR gave: ${safeText(error instanceof Error ? error.message : String(error))}. The runner must reach ECR's layer storage (S3) too: let it through http-proxy, or add the host to NO_PROXY if it should not go through the proxy.`
    )
  }
  const hash = sha256(blob)
  if (hash !== layerDigest)
    return fail(
      'read',
      `the bundle downloaded for layer ${layerDigest} hashes to ${hash}: it was changed in storage or on the way (tampered)`
    )
  let json: unknown
  try {
    json = JSON.parse(blob.toString('utf8'))
  } catch {
    return fail('read', 'its bundle is not JSON')
  }
  // Verifying is CPU work: between bundles, stop once the deadline has passed (read from the clock: its
  // timer may not have had its turn while other bundles were verified).
  await new Promise((resolve) => setImmediate(resolve))
  if (options.signal.aborted) throw options.signal.reason
  if (options.deadline.expired) throw new DeadlineError(options.deadline.timeoutMs)
  return verifyBundle(
    json,
    { digest: digestOf(found), manifest: Buffer.from(found.image.imageManifest ?? '', 'utf8') },
    {
      signer: options.verify.signer,
      issuer: options.verify.issuer,
      ...(options.verify.sourceRepository !== undefined && { sourceRepository: options.verify.sourceRepository }),
      trust: options.trust
    }
  )
}

/** The error of the first bundle that could not be checked (its instance's trusted root could not be read). */
function unreachableOf(candidates: readonly Candidate[]): SentenceError | undefined {
  for (const { outcome } of candidates) if (outcome?.ok === false && outcome.unreachable !== undefined) return outcome.unreachable
  return undefined
}

/** The failure that names the closest bundle's first failed check. */
function closest(candidates: readonly Candidate[]): { reason: string; checked: number } {
  const failed = candidates.flatMap((candidate) => (candidate.outcome?.ok === false ? [{ candidate, outcome: candidate.outcome }] : []))
  failed.sort((a, b) => STEPS.indexOf(b.outcome.step) - STEPS.indexOf(a.outcome.step))
  const best = failed[0]
  return {
    reason: best === undefined ? 'none was checked' : `${best.candidate.digest}: ${best.outcome.reason}`,
    checked: candidates.length
  }
}

/** A found image's bundle referrers: require-artifacts' counted ones that are bundles, or every one listed. */
async function candidatesOf(found: Found, options: VerifyOptions): Promise<ImageCandidates> {
  if (options.required !== undefined) {
    const seen = new Map<string, Candidate>()
    for (const artifact of found.artifacts ?? [])
      if (artifact.digest !== '' && isSigstoreBundle(artifact.artifactType ?? '') && !seen.has(artifact.digest))
        seen.set(artifact.digest, {
          digest: artifact.digest,
          ...(artifact.artifactType !== undefined && { artifactType: artifact.artifactType })
        })
    return { found, candidates: [...seen.values()], unread: 0 }
  }
  let referrers: ImageReferrer[]
  try {
    referrers = await listReferrers(found, digestOf(found), false, options)
  } catch (error) {
    if (typeof error === 'object' && error !== null) Object.assign(error, { operation: 'ListImageReferrers' })
    throw error
  }
  const bundles = referrers.filter((referrer) => isSigstoreBundle(referrer.artifactType ?? ''))
  const candidates = bundles.slice(0, BUNDLES_PER_IMAGE).map((referrer) => ({
    digest: referrer.digest ?? '',
    ...(referrer.artifactType !== undefined && { artifactType: referrer.artifactType })
  }))
  return { found, candidates, unread: bundles.length - candidates.length }
}

/** Checks one found image's bundles (their manifests already read); the image as it ends (found with `verified`, or failed). */
async function verifyImage({ found, candidates, unread }: ImageCandidates, options: VerifyOptions): Promise<LookupResult> {
  const digest = digestOf(found)
  const signer = safeText(describeSigner(options.verify.signer))
  if (candidates.length === 0 && options.required === undefined)
    return failedWith(
      found,
      FailureCode.ArtifactMissing,
      `${digest} has no active Sigstore bundle (a signature or attestation) to verify for ${signer}`
    )
  // What a signature of the digest vouches for is the manifest that hashes to it: one that does not (a
  // conversion, verify-digest off, a server that lies) cannot be tied to its signature, nor can the
  // platform manifest picked out of it.
  const manifestDigest = sha256(found.image.imageManifest ?? '')
  if (manifestDigest !== digest)
    return failedWith(
      found,
      FailureCode.SignatureNotVerified,
      `the manifest ECR returned for ${digest} hashes to ${manifestDigest}, so no signature of the digest vouches for it (or for a platform it names): with verify-signer, leave verify-digest on and accepted-media-types at its default, so that ECR returns the manifest as it was pushed`
    )
  for (const candidate of candidates) if (candidate.manifest?.status === 'error') throw candidate.manifest.error
  await mapWithConcurrency(candidates, MAX_CONCURRENT_REQUESTS, async (candidate) => {
    const manifest = candidate.manifest
    candidate.outcome =
      manifest?.status === 'found'
        ? await checkCandidate(found, manifest.image.imageManifest, options)
        : fail('read', 'its manifest cannot be read by its digest')
  })
  const passed = (candidate: Candidate): Verified | undefined => (candidate.outcome?.ok === true ? candidate.outcome.verified : undefined)
  // A bundle that could not be checked (its instance's trusted root could not be read) keeps the image
  // from failing on the others' reasons: unless one verifies, the image could not be checked.
  const unreachable = unreachableOf(candidates)
  if (unreachable !== undefined && !candidates.some((candidate) => passed(candidate) !== undefined)) throw unreachable
  const notVerified = (reason: string): LookupResult => failedWith(found, FailureCode.SignatureNotVerified, reason)
  const checkedText = (count: number, more = unread, limit = `at most ${BUNDLES_PER_IMAGE} per image`): string =>
    `${count} bundle${count === 1 ? '' : 's'} checked${more > 0 ? `, ${more} more not read (${limit})` : ''}`
  if (options.required === undefined) {
    const verified = candidates.filter((candidate) => passed(candidate) !== undefined)
    if (verified.length === 0) {
      const { reason, checked } = closest(candidates)
      return notVerified(`no Sigstore bundle of ${digest} verifies for ${signer} (${checkedText(checked)}); the closest, ${reason}`)
    }
    return {
      ...found,
      artifacts: verified.slice(0, 10).map((candidate) => {
        const result = passed(candidate) as Verified
        return {
          kind: kindOf(candidate, result),
          ...(candidate.artifactType !== undefined && { artifactType: candidate.artifactType }),
          digest: candidate.digest,
          verified: publicVerified(result)
        }
      })
    }
  }
  // With require-artifacts: each kind needs a bundle that verifies, and that is, by what it signs, of that kind.
  const byDigest = new Map(candidates.map((candidate) => [candidate.digest, candidate]))
  const countsFor = (entry: RequiredArtifact, candidate: Candidate): boolean => {
    const verified = passed(candidate)
    return verified !== undefined && meets(entry, verifiedEvidence(candidate, verified))
  }
  for (const entry of options.required) {
    const name = requirementName(entry)
    const ofKind = (found.artifacts ?? []).filter((artifact) => artifact.kind === name && artifact.digest !== '')
    const bundles = ofKind.flatMap((artifact) => {
      const candidate = byDigest.get(artifact.digest)
      return candidate === undefined ? [] : [candidate]
    })
    if (bundles.some((candidate) => countsFor(entry, candidate))) continue
    // A bundle of this kind that could not be checked (its trusted root unreachable): not checked, not failed.
    const notChecked = unreachableOf(bundles)
    if (notChecked !== undefined) throw notChecked
    // Only evidence that carries no Sigstore signature: a bundle may still come (waiting asks again).
    if (bundles.length === 0)
      return failedWith(
        found,
        FailureCode.ArtifactMissing,
        `${digest} has no Sigstore bundle for its ${name} (only ${listNames([...new Set(ofKind.map((artifact) => safeText(artifact.artifactType ?? (artifact.annotations?.tag !== undefined ? "cosign v2's .sig tag" : 'a BuildKit attestation'))))])}, which carries no Sigstore signature), so who signed it cannot be verified for ${signer}`
      )
    // One that verifies but signs something else (an SBOM annotated as provenance) does not count.
    const verifiedOther = bundles.find((candidate) => passed(candidate) !== undefined)
    if (verifiedOther !== undefined)
      return notVerified(
        `no ${name} bundle of ${digest} verifies as one: ${verifiedOther.digest} verifies for ${signer}, but what it signs is ${safeText(passed(verifiedOther)?.predicateType || 'a message signature')}`
      )
    const { reason, checked } = closest(bundles)
    const omitted = (found.artifacts ?? []).find((artifact) => artifact.kind === name && artifact.omitted !== undefined)?.omitted ?? 0
    return notVerified(
      `no ${name} bundle of ${digest} verifies for ${signer} (${checkedText(checked, omitted, 'require-artifacts reads at most 10 per kind')}); the closest, ${reason}`
    )
  }
  return {
    ...found,
    artifacts: (found.artifacts ?? []).map((artifact) => {
      const candidate = byDigest.get(artifact.digest)
      const verified = candidate !== undefined ? passed(candidate) : undefined
      const entry = options.required?.find((required) => requirementName(required) === artifact.kind)
      return verified !== undefined && candidate !== undefined && entry !== undefined && countsFor(entry, candidate)
        ? { ...artifact, verified: publicVerified(verified) }
        : artifact
    })
  }
}

/** A lookup round whose found images must carry a bundle that verifies for the signer. */
export function verifyRound(lookup: LookupRound, options: VerifyOptions): LookupRound {
  return async (requests) => {
    const results = await lookup(requests)
    const found = results.filter((result): result is Found => result.status === 'found')
    // 1. Each image's bundle referrers.
    const gathered = await mapWithConcurrency(found, MAX_CONCURRENT_REQUESTS, async (result) => {
      // An error (the deadline too) is the image's, as a lookup's is: the ending says what it was, with the outputs.
      try {
        return await candidatesOf(result, options)
      } catch (error) {
        return { found: result, error }
      }
    })
    // 2. Every candidate's manifest, in one batched lookup for the round (a call per repository, not per image).
    const images = gathered.filter((image): image is ImageCandidates => !('error' in image))
    const all = images.flatMap((image) => image.candidates.map((candidate) => ({ image, candidate })))
    if (all.length > 0) {
      const manifests = checkDigests(
        await lookupImages(
          all.map(({ image, candidate }) => sibling(image.found, { digest: candidate.digest })),
          { ...options, acceptedMediaTypes: DEFAULT_MEDIA_TYPES }
        ),
        DEFAULT_MEDIA_TYPES
      )
      all.forEach(({ candidate }, index) => {
        const manifest = manifests[index]
        if (manifest !== undefined) candidate.manifest = manifest
      })
    }
    // 3. Each image's bundles downloaded and verified.
    const checked = new Map<Found, LookupResult>()
    await mapWithConcurrency(gathered, MAX_CONCURRENT_REQUESTS, async (image) => {
      if ('error' in image) return void checked.set(image.found, { request: image.found.request, status: 'error', error: image.error })
      try {
        const result = await verifyImage(image, options)
        checked.set(image.found, result)
        // Bundles that did not verify beside one that did are said, never silently ignored (someone pushed them).
        const rejected = image.candidates.filter((candidate) => candidate.outcome?.ok === false)
        if (result.status === 'found' && rejected.length > 0)
          options.warn(
            `${safeText(image.found.request.requested)}: ${rejected.length} of ${image.candidates.length} Sigstore bundles of ${digestOf(image.found)} did not verify for ${safeText(describeSigner(options.verify.signer))} (the image passes on the others); the closest, ${closest(rejected).reason}`
          )
      } catch (error) {
        checked.set(image.found, { request: image.found.request, status: 'error', error })
      }
    })
    return results.map((result) => (result.status === 'found' ? (checked.get(result) ?? result) : result))
  }
}
