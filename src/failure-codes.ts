// The one table of per-image failure codes: ECR's (the SDK's ImageFailureCode, so an SDK update brings
// new codes) and this action's own. For each code: where it comes from, what it means (annotations and
// the README's table), how it reads in the job summary, whether a wait round asks again, and whether it
// is the good case under `expect: absent`. Beside it: the `fail-on` input and the decision whether a
// failure fails the step. Other modules name codes through FailureCode, never as string literals.
import { ImageFailureCode } from '@aws-sdk/client-ecr'
import { InputError } from './image.js'
import { nearest, splitList } from './text.js'

/** What the images should be: there (the default), or not there (`expect: absent`). */
export type Expectation = 'present' | 'absent'

/** Every code this action knows by name. */
export const FailureCode = {
  ...ImageFailureCode,
  ImageNotReturned: 'ImageNotReturned',
  PlatformNotFound: 'PlatformNotFound',
  DigestMismatch: 'DigestMismatch',
  ArtifactMissing: 'ArtifactMissing',
  SigningFailed: 'SigningFailed',
  SignatureNotVerified: 'SignatureNotVerified'
} as const

/** A failure without a code (ECR always sends one; this keeps the report whole if it does not). */
export const NO_FAILURE_CODE = 'UnknownFailure'

export interface FailureCodeInfo {
  /** `ECR` for the service's codes, `action` for the ones this action reports itself. */
  origin: 'ECR' | 'action'
  /** One clause: what happened. */
  meaning: string
  /** The job summary's word for it. */
  summary: string
  /** With images expected present, whether another round can clear it (a later push), so waiting asks again. */
  waitAsksAgain: boolean
  /** Under `expect: absent`, whether this code is the good case. */
  absentAsExpected: boolean
}

type Details = Pick<FailureCodeInfo, 'meaning'> & Partial<FailureCodeInfo>

/** ECR's codes. One the SDK adds later is still known (see describeFailureCode), with a plain meaning. */
const ECR_CODES: Record<string, Details> = {
  [FailureCode.ImageNotFound]: {
    meaning: 'no image has that tag or digest (also: tag and digest given and the tag does not exist)',
    summary: 'missing',
    waitAsksAgain: true,
    absentAsExpected: true
  },
  [FailureCode.ImageTagDoesNotMatchDigest]: {
    meaning: 'tag and digest given, and the tag now points at another digest',
    waitAsksAgain: true
  },
  [FailureCode.InvalidImageDigest]: { meaning: 'the digest is malformed (this action rejects malformed digests before asking)' },
  [FailureCode.InvalidImageTag]: { meaning: 'the tag is malformed' },
  [FailureCode.MissingDigestAndTag]: { meaning: 'an id with neither a tag nor a digest (this action never sends one)' },
  [FailureCode.KmsError]: { meaning: "the repository's KMS key cannot be used" },
  [FailureCode.UpstreamAccessDenied]: { meaning: "a pull-through cache's upstream registry refused access" },
  [FailureCode.UpstreamTooManyRequests]: { meaning: "a pull-through cache's upstream registry throttled the request" },
  [FailureCode.UpstreamUnavailable]: { meaning: "a pull-through cache's upstream registry is unavailable" },
  [FailureCode.ImageInaccessible]: { meaning: 'the image cannot be pulled (for example, it is archived)' },
  [FailureCode.ImageReferencedByManifestList]: { meaning: 'shared with BatchDeleteImage; not expected here' }
}

const ACTION_CODES: Record<string, Details> = {
  [FailureCode.ImageNotReturned]: {
    meaning: "the answer held neither an image nor a failure for that id (this action's code, never ECR's)",
    waitAsksAgain: true
  },
  [FailureCode.PlatformNotFound]: {
    meaning: 'the index has no manifest for the platform input, or that manifest is not in the repository',
    summary: 'platform missing'
  },
  [FailureCode.DigestMismatch]: { meaning: 'the manifest does not hash to its digest (verify-digest)', summary: 'digest mismatch' },
  [FailureCode.ArtifactMissing]: {
    meaning:
      'the image is there, but a kind require-artifacts asks for is not among its active referrers (signing and attesting run after the push)',
    summary: 'artifact missing',
    waitAsksAgain: true
  },
  [FailureCode.SigningFailed]: {
    meaning: "ECR managed signing failed for the image (the reason is ECR's failure code and reason)",
    summary: 'signing failed'
  },
  [FailureCode.SignatureNotVerified]: {
    meaning:
      'the image has Sigstore bundles, but none verifies for verify-signer (the reason names the first check that failed for the closest one)',
    summary: 'not verified'
  }
}

function info(origin: FailureCodeInfo['origin'], details: Details): FailureCodeInfo {
  return { origin, summary: 'failed', waitAsksAgain: false, absentAsExpected: false, ...details }
}

/** Every known code with its row of the table, ECR's first (in the SDK's order), then the action's. */
export const FAILURE_CODES: ReadonlyMap<string, FailureCodeInfo> = new Map([
  ...Object.values(ImageFailureCode).map((code): [string, FailureCodeInfo] => [
    code,
    info('ECR', ECR_CODES[code] ?? { meaning: `ECR's ${code} (see the BatchGetImage API reference)` })
  ]),
  ...Object.entries(ACTION_CODES).map(([code, details]): [string, FailureCodeInfo] => [code, info('action', details)])
])

/** A code's row; a code ECR sends that no table lists yet is reported like any other, plainly. */
export function describeFailureCode(code: string | undefined): FailureCodeInfo {
  return (
    FAILURE_CODES.get(code ?? NO_FAILURE_CODE) ??
    info('ECR', { meaning: code === undefined ? 'ECR gave no failure code' : `a failure code this action does not know (${code})` })
  )
}

/** Which per-image failure codes fail the step. */
export type FailOn = { kind: 'all' } | { kind: 'none' } | { kind: 'codes'; codes: ReadonlySet<string> }

/** Whether a failure with this code fails the step under `fail-on`. */
export function failureFails(code: string | undefined, failOn: FailOn): boolean {
  if (failOn.kind === 'all') return true
  if (failOn.kind === 'none') return false
  return code !== undefined && failOn.codes.has(code)
}

/** Whether, with images expected to be present, a later round may clear this failure. */
export function waitAsksAgain(code: string | undefined): boolean {
  return code !== undefined && (FAILURE_CODES.get(code)?.waitAsksAgain ?? false)
}

/** Whether, under `expect: absent`, this failure is the good case. */
export function absentAsExpected(code: string | undefined): boolean {
  return code !== undefined && (FAILURE_CODES.get(code)?.absentAsExpected ?? false)
}

/** The known code nearest to `entry`. */
export function nearestFailureCode(entry: string): string {
  return nearest(entry, [...FAILURE_CODES.keys()])
}

/**
 * The `fail-on` input: `all` (default), `none`, or known codes (any case). Anything else is an input
 * error naming the nearest code: a typo must never quietly turn a gate off.
 */
export function parseFailOn(value: string): FailOn {
  const entries = splitList(value)
  if (entries.length === 0) return { kind: 'all' }
  const keywords = entries.filter((entry) => /^(all|none)$/i.test(entry))
  if (keywords.length > 0) {
    if (entries.length > 1)
      throw new InputError(`fail-on: '${keywords[0]}' cannot be combined with other entries; give all, none, or a list of codes.`)
    return { kind: keywords[0]?.toLowerCase() === 'none' ? 'none' : 'all' }
  }
  const codes = new Set<string>()
  for (const entry of entries) {
    const known = [...FAILURE_CODES.keys()].find((code) => code.toLowerCase() === entry.toLowerCase())
    if (known === undefined)
      throw new InputError(
        `fail-on: '${entry}' is not a failure code; did you mean ${nearestFailureCode(entry)}? Known codes: ${[...FAILURE_CODES.keys()].join(', ')} (or all, none).`
      )
    codes.add(known)
  }
  return { kind: 'codes', codes }
}
