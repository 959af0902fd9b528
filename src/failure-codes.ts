// Per-image failure codes: ECR's own (the `failureCode` enum of BatchGetImage) and the ones this
// action adds. The set grows over time, so an unknown code is handled like any other.

export const ECR_FAILURE_CODES = {
  ImageNotFound: 'no image has that tag or digest',
  ImageTagDoesNotMatchDigest: 'the tag exists but now points at another digest',
  InvalidImageDigest: 'the digest is malformed',
  InvalidImageTag: 'the tag is malformed',
  MissingDigestAndTag: 'neither a tag nor a digest was given',
  KmsError: "the repository's KMS key cannot be used",
  UpstreamAccessDenied: 'the pull-through cache upstream refused access',
  UpstreamTooManyRequests: 'the pull-through cache upstream throttled the request',
  UpstreamUnavailable: 'the pull-through cache upstream is unavailable',
  ImageInaccessible: 'the image cannot be pulled (for example, it is archived)',
  ImageReferencedByManifestList: 'the image is referenced by a manifest list'
} as const

export const ACTION_FAILURE_CODES = {
  ImageNotReturned: 'ECR answered with neither an image nor a failure for this id',
  PlatformNotFound: 'the image index has no manifest for the platform input, or that manifest is missing',
  DigestMismatch: 'the manifest does not hash to its digest (verify-digest)'
} as const

export const KNOWN_FAILURE_CODES: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...ECR_FAILURE_CODES, ...ACTION_FAILURE_CODES })
)

/** The known code spelled as the API spells it (case-insensitive match), or undefined. */
export function canonicalFailureCode(code: string): string | undefined {
  const lower = code.toLowerCase()
  return [...KNOWN_FAILURE_CODES.keys()].find((known) => known.toLowerCase() === lower)
}
