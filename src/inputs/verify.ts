// verify-signer, verify-issuer and trusted-root: who must have signed an image's Sigstore bundles.
// A GitHub workflow is matched against the certificate's SAN exactly (anchored, every character literal,
// `*` only as the whole last segment of the ref), stricter than `gh attestation verify --signer-workflow`
// and than @sigstore/verify's own SAN match, which are regular expressions. Read before any call.
import { InputError } from '../image.js'
import { safeText } from '../text.js'

export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com'

/** Who must have signed: a GitHub workflow (any ref, one ref, or refs under a prefix), or one SAN exactly. */
export type SignerPolicy =
  { kind: 'workflow'; workflow: string; ref?: { exact: string } | { prefix: string } } | { kind: 'exact'; san: string }

export interface VerifySettings {
  signer: SignerPolicy
  /** The OIDC issuer the certificate's issuer extension must name, exactly. */
  issuer: string
  /**
   * `owner/repo` whose run must have signed (the certificate's source repository): by default a workflow
   * signer's own repository, so a reusable workflow called from another repository does not pass.
   * Undefined: not checked (`*`, or a signer that is not a workflow).
   */
  sourceRepository?: string
  /** A trusted_root.json given as input (a private Sigstore, or an offline run); else Sigstore's and GitHub's through TUF. */
  trustedRoot?: string
}

const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})'
const REPO = '[A-Za-z0-9._-]{1,100}'
const WORKFLOW = new RegExp(`^(${OWNER})/(${REPO})/\\.github/workflows/([^/@\\s]+\\.ya?ml)(?:@(.+))?$`)
/**
 * A ref as GitHub writes it in a SAN: refs/heads/…, refs/tags/…, refs/pull/…, or a commit's sha (a
 * reusable workflow called by sha); no spaces or `*` but a last `/*`.
 */
const REF = /^(?:refs\/(?:heads|tags|pull)\/[^\s*]+|[0-9a-f]{40})$/
const REF_PREFIX = /^(refs\/(?:heads|tags|pull)\/(?:[^\s*]+\/)?)\*$/
const URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** The SAN a GitHub workflow signs with, without its ref: `https://github.com/owner/repo/.github/workflows/file.yml`. */
function workflowUri(workflow: string): string {
  return `https://github.com/${workflow}`
}

export function parseVerifySigner(value: string): SignerPolicy | undefined {
  const signer = value.trim()
  if (signer === '') return undefined
  // A workflow's SAN written whole (as cosign's --certificate-identity takes it) is that workflow at that
  // ref: the same match, and the same source-repository check.
  const whole = signer.startsWith('https://github.com/') && signer.includes('@')
  // Written whole, a SAN reads as exact: a `*` in it would be a pattern no one meant.
  if (whole && signer.includes('*'))
    throw new InputError(
      `verify-signer: '${safeText(signer)}' is a SAN with a * in it: a SAN is compared exactly. To accept every ref under a prefix, write ${safeText(signer.slice('https://github.com/'.length))}.`
    )
  const workflow = WORKFLOW.exec(whole ? signer.slice('https://github.com/'.length) : signer)
  if (workflow !== null) {
    const path = `${workflow[1]}/${workflow[2]}/.github/workflows/${workflow[3]}`
    const ref = workflow[4]
    if (ref === undefined) return { kind: 'workflow', workflow: path }
    const prefix = REF_PREFIX.exec(ref)
    if (prefix !== null) return { kind: 'workflow', workflow: path, ref: { prefix: prefix[1] ?? '' } }
    if (REF.test(ref)) return { kind: 'workflow', workflow: path, ref: { exact: ref } }
    throw new InputError(
      `verify-signer: '${safeText(ref)}' is not a ref as GitHub writes it in a certificate: give refs/heads/<branch>, refs/tags/<tag> or refs/tags/* (a * only as the whole last part), like ${path}@refs/heads/main.`
    )
  }
  if (/^https:\/\/github\.com\/[^/]+\/[^/]+\/\.github\/workflows\/[^@]+$/i.test(signer))
    throw new InputError(
      `verify-signer: '${safeText(signer)}' has no ref, and a workflow's certificate always names one: add @refs/heads/main (or the ref), or write ${safeText(signer.replace(/^https:\/\/github\.com\//i, ''))} to accept any ref.`
    )
  if (URI.test(signer) || EMAIL.test(signer)) return { kind: 'exact', san: signer }
  throw new InputError(
    `verify-signer: '${safeText(signer)}' is neither a workflow (owner/repo/.github/workflows/release.yml, optionally @refs/heads/main or @refs/tags/*) nor a URI or e-mail address a certificate names.`
  )
}

/** Whether a certificate's SAN is the signer's: character for character, anchored at both ends. */
export function matchesSigner(policy: SignerPolicy, san: string | undefined): boolean {
  if (san === undefined) return false
  if (policy.kind === 'exact') return san === policy.san
  const base = `${workflowUri(policy.workflow)}@`
  if (!san.startsWith(base)) return false
  const ref = san.slice(base.length)
  if (policy.ref === undefined) return REF.test(ref)
  if ('exact' in policy.ref) return ref === policy.ref.exact
  return ref.length > policy.ref.prefix.length && ref.startsWith(policy.ref.prefix) && REF.test(ref)
}

/** The signer in the words of a message: the workflow and its ref, or the SAN. */
export function describeSigner(policy: SignerPolicy): string {
  if (policy.kind === 'exact') return policy.san
  if (policy.ref === undefined) return `${policy.workflow} at any ref`
  return `${policy.workflow}@${'exact' in policy.ref ? policy.ref.exact : `${policy.ref.prefix}*`}`
}

export function parseVerifyIssuer(value: string): string {
  const issuer = value.trim() || DEFAULT_ISSUER
  if (!URI.test(issuer))
    throw new InputError(`verify-issuer: '${safeText(issuer)}' is not an issuer URL: give the OIDC issuer, like ${DEFAULT_ISSUER}.`)
  return issuer
}

const REPOSITORY = new RegExp(`^${OWNER}/${REPO}$`)

/** verify-source-repository: `owner/repo`, `*` (any), or empty (a workflow signer's own repository). */
export function parseSourceRepository(value: string, signer: SignerPolicy): string | undefined {
  const repository = value.trim()
  if (repository === '*') return undefined
  if (repository === '') return signer.kind === 'workflow' ? signer.workflow.split('/').slice(0, 2).join('/') : undefined
  if (!REPOSITORY.test(repository))
    throw new InputError(
      `verify-source-repository: '${safeText(repository)}' is not owner/repo: give the repository whose runs may sign (like acme/app), or * for any.`
    )
  return repository
}

/** verify-signer, verify-issuer, verify-source-repository and trusted-root; the others mean nothing without the first. */
export function parseVerify(
  signerInput: string,
  issuerInput: string,
  trustedRootInput: string,
  sourceRepositoryInput = ''
): VerifySettings | undefined {
  const signer = parseVerifySigner(signerInput)
  const trustedRoot = trustedRootInput.trim()
  if (signer === undefined) {
    if (sourceRepositoryInput.trim() !== '')
      throw new InputError(
        'verify-source-repository needs verify-signer: give the workflow (or identity) that must have signed, like owner/repo/.github/workflows/release.yml.'
      )
    // verify-issuer has a default in action.yml: only another issuer means something was asked.
    const issuerGiven = issuerInput.trim() !== '' && issuerInput.trim() !== DEFAULT_ISSUER
    if (issuerGiven || trustedRoot !== '')
      throw new InputError(
        `${issuerGiven ? 'verify-issuer' : 'trusted-root'} needs verify-signer: give the workflow (or identity) that must have signed, like owner/repo/.github/workflows/release.yml.`
      )
    return undefined
  }
  const sourceRepository = parseSourceRepository(sourceRepositoryInput, signer)
  return {
    signer,
    issuer: parseVerifyIssuer(issuerInput),
    ...(sourceRepository !== undefined && { sourceRepository }),
    ...(trustedRoot !== '' && { trustedRoot })
  }
}
