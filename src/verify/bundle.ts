// One Sigstore bundle against one image: what the Sigstore project's verifier checks (the certificate
// chains to a trusted CA and was valid at a verified time, the evidence the instance requires, the
// signature), and what it leaves to the caller: that the signed content is about this image (a message
// signature over the manifest's bytes, whose sha256 is the digest; an in-toto statement whose subject
// is the digest), and that the certificate's SAN and issuer are exactly the ones asked for. The checks
// run in a fixed order; a bundle that fails says the first check it failed, and how far it got.
import { type Bundle, bundleFromJSON } from '@sigstore/bundle'
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import { Verifier, toSignedEntity } from '@sigstore/verify'
import { DeadlineError } from '../deadline.js'
import { sha256 } from '../ecr/digest.js'
import { SentenceError } from '../ecr/errors.js'
import { type SignerPolicy, describeSigner, matchesSigner } from '../inputs/verify.js'
import { errorMessage, formatBytes, safeText } from '../text.js'
import type { TrustRoot, TrustSource } from './trust.js'

const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json'

/** What a bundle that passed says. */
export interface Verified {
  signer: string
  issuer: string
  /** The in-toto predicate type (DSSE); absent for a message signature. */
  predicateType?: string
  /** The earliest verified time: a signed timestamp's, else the log's. */
  signedAt: string
  /** `message-signature` or `dsse-envelope`, as cosign's bundle annotation names them. */
  content: 'message-signature' | 'dsse-envelope'
}

/** How far a failed bundle got: the higher, the closer it came to passing. */
export const STEPS = ['read', 'digest', 'trust', 'signer', 'issuer', 'repository'] as const
export type Step = (typeof STEPS)[number]

/**
 * `unreachable`: the bundle could not be checked, because the trusted root of the instance its
 * certificate names could not be read (the run's error if no other bundle verifies).
 */
export type Outcome = { ok: true; verified: Verified } | { ok: false; step: Step; reason: string; unreachable?: SentenceError }

export interface BundleCheck {
  signer: SignerPolicy
  issuer: string
  /** `owner/repo` whose run must have signed (Fulcio's source repository extension); undefined: any. */
  sourceRepository?: string
  trust: TrustSource
}

/** Fulcio's Source Repository URI (https://github.com/owner/repo), and the legacy GitHub Workflow Repository (owner/repo). */
const SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12'
const LEGACY_WORKFLOW_REPOSITORY = '1.3.6.1.4.1.57264.1.5'

/** The repository whose run the certificate was issued to, as `owner/repo` (or as the certificate writes it). */
function sourceRepositoryOf(leaf: X509Certificate): string | undefined {
  const uri = leaf.extension(SOURCE_REPOSITORY_URI)?.valueObj.subs?.[0]?.value.toString('utf8')
  if (uri !== undefined) return uri.startsWith('https://github.com/') ? uri.slice('https://github.com/'.length) : uri
  return leaf.extension(LEGACY_WORKFLOW_REPOSITORY)?.value.toString('utf8')
}

/** The image a bundle must be about: its digest, and the manifest's bytes (which hash to it). */
export interface Subject {
  digest: string
  manifest: Buffer
}

/** A bundle's failure at a step. */
export const fail = (step: Step, reason: string): Outcome => ({ ok: false, step, reason })

/** The most log entries, timestamps or certificates a bundle may carry (genuine ones carry one or two). */
const MAX_EVIDENCE = 8
/** The largest certificate or signed timestamp a bundle may carry (Fulcio's are 1 to 3 KiB). */
const MAX_OBJECT_BYTES = 32 * 1024
/** The longest checkpoint an inclusion proof may carry (a log's are a few hundred characters). */
const MAX_CHECKPOINT = 16 * 1024

/** The leaf certificate, or undefined for a bundle signed with a bare key. */
function leafOf(bundle: Bundle): X509Certificate | undefined {
  const content = bundle.verificationMaterial.content
  const raw =
    content.$case === 'x509CertificateChain'
      ? content.x509CertificateChain.certificates[0]?.rawBytes
      : content.$case === 'certificate'
        ? content.certificate.rawBytes
        : undefined
  return raw === undefined ? undefined : X509Certificate.parse(Buffer.from(raw))
}

/** What the verifier's error means, in the words of the failure's reason. */
function trustReason(error: unknown, rootName: string): string {
  const code = (error as { code?: string }).code ?? ''
  const detail = safeText(errorMessage(error)).slice(0, 200)
  if (code === 'CERTIFICATE_ERROR' && /SCT/.test(detail))
    return `its certificate has no valid certificate timestamp (SCT) from a CT log of ${rootName} (${detail})`
  if (code === 'CERTIFICATE_ERROR')
    return `its certificate is not from a CA ${rootName} trusts, or was not valid when it signed (${detail})`
  if (code === 'TIMESTAMP_ERROR') return `it has no valid log entry or signed timestamp that ${rootName} trusts (${detail})`
  if (code.startsWith('TLOG')) return `it has no valid transparency-log entry of ${rootName} (${detail})`
  if (code === 'SIGNATURE_ERROR') return 'its signature does not match what it signs: the bundle was tampered with'
  if (code === 'PUBLIC_KEY_ERROR') return 'it is signed with a bare key, not a certificate, so it names no signer'
  return `it could not be verified (${detail})`
}

/** The earliest verified time in a bundle that passed: a signed timestamp's, else a log entry's. */
function signedAt(bundle: Bundle): string {
  const times = (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).map((stamp) =>
    RFC3161Timestamp.parse(Buffer.from(stamp.signedTimestamp)).signingTime.getTime()
  )
  if (times.length === 0)
    for (const entry of bundle.verificationMaterial.tlogEntries)
      if (entry.inclusionPromise !== undefined) times.push(Number(entry.integratedTime) * 1000)
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : ''
}

/** The statement's predicate type when its subject is the image; a reason when it is not. */
function statementAbout(payload: Buffer, digest: string): { predicateType: string } | { reason: string } {
  let statement: { subject?: { digest?: Record<string, unknown> }[]; predicateType?: unknown }
  try {
    statement = JSON.parse(payload.toString('utf8')) as typeof statement
  } catch {
    return { reason: 'its in-toto statement is not JSON' }
  }
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement))
    return { reason: 'its in-toto statement is not an object' }
  const hex = digest.replace(/^sha256:/, '')
  const subjects = Array.isArray(statement.subject) ? statement.subject : []
  if (!subjects.some((subject) => subject?.digest?.sha256 === hex)) {
    const other = subjects.map((subject) => subject?.digest?.sha256).find((value) => typeof value === 'string')
    return {
      reason: `its statement is about ${other !== undefined ? `sha256:${safeText(String(other)).slice(0, 64)}` : 'no sha256 digest'}, another image`
    }
  }
  return { predicateType: typeof statement.predicateType === 'string' ? statement.predicateType : '' }
}

/** The certificate's identity. */
export interface Identity {
  subjectAlternativeName?: string
  extensions?: { issuer?: string }
}

/**
 * The Sigstore verifier against each root in turn (one that verifies is enough): the signature (over
 * `artifact` for a message signature), the certificate's chain and validity, and the root's evidence.
 */
export function verifyTrust(bundle: Bundle, roots: readonly TrustRoot[], artifact?: Buffer): { identity: Identity } | { reason: string } {
  const reasons: string[] = []
  for (const root of roots) {
    if (root.signedTimestamp && (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).length === 0) {
      reasons.push(`it has no signed timestamp, which ${root.name} requires`)
      continue
    }
    try {
      return { identity: new Verifier(root.material, root.thresholds).verify(toSignedEntity(bundle, artifact)).identity ?? {} }
    } catch (error) {
      reasons.push(trustReason(error, root.name))
    }
  }
  // The reason of a root whose CA issued the certificate says more than "not from a CA this root trusts".
  return {
    reason: reasons.find((reason) => !reason.startsWith('its certificate is not from')) ?? reasons[0] ?? 'no trusted root was given'
  }
}

/**
 * Verifies a bundle's JSON against an image: the first check that failed, or what passed. Whatever the
 * bundle holds, it is this bundle's failure, never the run's (a hostile bundle must not end the step).
 */
export async function verifyBundle(json: unknown, subject: Subject, check: BundleCheck): Promise<Outcome> {
  try {
    return await checkBundle(json, subject, check)
  } catch (error) {
    // The step's deadline (while a trusted root was being fetched) is the run's, never a bundle's failure.
    if (error instanceof DeadlineError || (error as { name?: unknown }).name === 'AbortError') throw error
    if (error instanceof SentenceError) return { ok: false, step: 'trust', reason: error.message, unreachable: error }
    return fail('read', `it could not be read (${safeText(errorMessage(error)).slice(0, 200)})`)
  }
}

async function checkBundle(json: unknown, subject: Subject, check: BundleCheck): Promise<Outcome> {
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(json)
  } catch (error) {
    return fail('read', `it is not a Sigstore bundle (${safeText(errorMessage(error)).slice(0, 200)})`)
  }
  // What no genuine bundle has (it carries one or two of each) is refused before the verifier, whose
  // checks of duplicates grow with the square of the count (20,000 log entries held the step for minutes).
  const material = bundle.verificationMaterial
  const counts: [number, string, number][] = [
    [material.tlogEntries.length, 'transparency-log entries', MAX_EVIDENCE],
    [material.timestampVerificationData?.rfc3161Timestamps.length ?? 0, 'signed timestamps', MAX_EVIDENCE],
    [
      material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates.length : 1,
      'certificates',
      MAX_EVIDENCE
    ],
    [bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope.signatures.length : 1, 'signatures', 1]
  ]
  for (const [count, what, limit] of counts)
    if (count > limit) return fail('read', `it has ${count} ${what}, more than the ${limit} a bundle may carry here`)
  // Nor are certificates, timestamps or signatures larger than any a Sigstore instance makes: the
  // verifier re-encodes certificates in time that grows with the square of their size.
  const certificates =
    material.content.$case === 'x509CertificateChain'
      ? material.content.x509CertificateChain.certificates.map((certificate) => certificate.rawBytes)
      : material.content.$case === 'certificate'
        ? [material.content.certificate.rawBytes]
        : []
  const sizes: [number, string, number][] = [
    ...certificates.map((raw): [number, string, number] => [raw.length, 'a certificate', MAX_OBJECT_BYTES]),
    ...(material.timestampVerificationData?.rfc3161Timestamps ?? []).map((stamp): [number, string, number] => [
      stamp.signedTimestamp.length,
      'a signed timestamp',
      MAX_OBJECT_BYTES
    ]),
    ...(bundle.content.$case === 'dsseEnvelope'
      ? bundle.content.dsseEnvelope.signatures.map((signature): [number, string, number] => [signature.sig.length, 'a signature', 1024])
      : [[bundle.content.messageSignature.signature.length, 'a signature', 1024] as [number, string, number]])
  ]
  for (const [bytes, what, limit] of sizes)
    if (bytes > limit)
      return fail('read', `it holds ${what} of ${formatBytes(bytes)}, more than the ${formatBytes(limit)} any Sigstore instance makes`)
  // A log entry's proof is small (a checkpoint of a few lines, a hash per level of the tree); the
  // verifier tries every signature line of a checkpoint, so a swollen one would hold the step.
  for (const entry of material.tlogEntries) {
    const checkpoint = entry.inclusionProof?.checkpoint?.envelope ?? ''
    if (checkpoint.length > MAX_CHECKPOINT || (entry.inclusionProof?.hashes.length ?? 0) > 64)
      return fail(
        'read',
        `its transparency-log entry's inclusion proof is larger than any log's (a checkpoint of ${checkpoint.length} characters)`
      )
  }
  // 1. The signed content binds this image's digest.
  let predicateType: string | undefined
  if (bundle.content.$case === 'messageSignature') {
    if (sha256(subject.manifest) !== subject.digest) return fail('digest', "the manifest ECR returned does not hash to the image's digest")
    const signed = `sha256:${Buffer.from(bundle.content.messageSignature.messageDigest?.digest ?? []).toString('hex')}`
    if (signed !== subject.digest) return fail('digest', `it signs ${signed.slice(0, 71)}, another image's manifest`)
  } else {
    const envelope = bundle.content.dsseEnvelope
    if (envelope.payloadType !== IN_TOTO_PAYLOAD)
      return fail('digest', `its DSSE payload is ${safeText(envelope.payloadType).slice(0, 100)}, not an in-toto statement about the image`)
    const about = statementAbout(Buffer.from(envelope.payload), subject.digest)
    if ('reason' in about) return fail('digest', about.reason)
    predicateType = about.predicateType
  }
  // 2. The verifier: certificate, evidence, signature, against the root of the instance that issued it
  // (with a trusted-root input of several roots, each in turn: one that verifies is enough).
  let leaf: X509Certificate | undefined
  try {
    leaf = leafOf(bundle)
  } catch (error) {
    return fail('read', `its certificate cannot be read (${safeText(errorMessage(error)).slice(0, 200)})`)
  }
  if (leaf === undefined) return fail('trust', 'it is signed with a bare key, not a certificate, so it names no signer')
  const roots =
    check.trust.kind === 'file'
      ? check.trust.roots
      : [await check.trust.rootFor(leaf.issuer.includes(Buffer.from('GitHub, Inc.')) ? 'github' : 'public-good')]
  const trusted = verifyTrust(bundle, roots, bundle.content.$case === 'messageSignature' ? subject.manifest : undefined)
  if ('reason' in trusted) return fail('trust', trusted.reason)
  const { identity } = trusted
  // 3. Who signed, exactly.
  const san = identity?.subjectAlternativeName
  if (!matchesSigner(check.signer, san))
    return fail(
      'signer',
      `it was signed by ${san !== undefined ? safeText(san).slice(0, 300) : 'a certificate without a SAN'}, not ${safeText(describeSigner(check.signer))}`
    )
  const issuer = identity?.extensions?.issuer
  if (issuer !== check.issuer)
    return fail(
      'issuer',
      `its certificate's issuer is ${issuer !== undefined ? safeText(issuer).slice(0, 200) : 'not named'}, not ${safeText(check.issuer)}`
    )
  // 4. Whose run: a reusable workflow called from another repository signs with the workflow's SAN, and
  // the caller's repository in this extension.
  if (check.sourceRepository !== undefined) {
    const source = sourceRepositoryOf(leaf)
    if (source !== check.sourceRepository)
      return fail(
        'repository',
        source === undefined
          ? `its certificate does not say which repository's run signed it, and verify-source-repository is ${check.sourceRepository}`
          : `it was signed in a run of ${safeText(source).slice(0, 200)}, not ${check.sourceRepository} (a reusable workflow called from another repository): verify-source-repository names the repositories whose runs may sign`
      )
  }
  return {
    ok: true,
    verified: {
      signer: san ?? '',
      issuer,
      ...(predicateType !== undefined && { predicateType }),
      signedAt: signedAt(bundle),
      content: bundle.content.$case === 'messageSignature' ? 'message-signature' : 'dsse-envelope'
    }
  }
}
