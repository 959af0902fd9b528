// The vocabulary every stage shares about an image asked for: its id (tag, digest or both), where it
// is looked for, the keys that group and de-duplicate requests, the manifest media types this action
// knows by name, and the error an input the action cannot honour raises.

/** An OCI digest as this action accepts and writes it: `sha256:` + 64 lowercase hex, or `sha512:` + 128. */
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/

/** Whether `text` is a digest in the grammar above: what any digest must be before it reaches a file, an output or a tag. */
export function isDigest(text: unknown): text is string {
  return typeof text === 'string' && DIGEST_PATTERN.test(text)
}

/** A reference without its `@digest`: `repo:tag@sha256:…` → `repo:tag`. */
export function withoutDigest(reference: string): string {
  const at = reference.indexOf('@')
  return at < 0 ? reference : reference.slice(0, at)
}

/** A problem with the workflow's inputs: the message is shown to the user as it is. */
export class InputError extends Error {
  override name = 'InputError'
}

/** One requested image: a tag, a digest, or both (then ECR checks the tag still points at it). */
export interface ImageId {
  tag?: string
  digest?: string
}

/** One image asked for, wherever it lives: what the inputs produce and the lookup, verdict and report share. */
export interface ImageRequest {
  /** The reference or id exactly as the user wrote it. */
  requested: string
  repositoryName: string
  /** 12-digit account id; undefined means the caller's own registry. */
  registryId?: string
  region: string
  /** The registry host as the reference wrote it (dual-stack, FIPS), kept for the pinned reference. */
  registryHost?: string
  id: ImageId
  /** For a reference found in a file (the files input): where it is written. */
  source?: ImageSource
}

/** Where a reference is written: a workspace-relative path and a 1-based line. */
export interface ImageSource {
  file: string
  line: number
}

/** A key equal for equal ids, for de-duplication. */
export function imageIdKey(id: ImageId): string {
  return `${id.tag ?? ''}\u0000${id.digest ?? ''}`
}

/** Requests for the same repository share this key (one BatchGetImage call serves up to 100 ids). */
export function repositoryKey(request: ImageRequest): string {
  return `${request.region}|${request.registryId ?? ''}|${request.repositoryName}`
}

/** Equal for requests that ask for the same image in the same repository. */
export function requestKey(request: ImageRequest): string {
  return `${repositoryKey(request)}|${imageIdKey(request.id)}`
}

/** Where a request looks, for messages: `'team/api' in registry 0123… (eu-west-1)`. */
export function describeRepository(request: Pick<ImageRequest, 'repositoryName' | 'registryId' | 'region'>): string {
  const registry = request.registryId !== undefined ? `registry ${request.registryId}` : "the caller's registry"
  return `'${request.repositoryName}' in ${registry} (${request.region})`
}

/** Sent as acceptedMediaTypes by default: with all four, ECR returns the stored manifest unconverted. */
export const DEFAULT_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

/** An OCI image index or a Docker manifest list: a manifest of per-platform manifests. */
export const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

/** Docker schema 1: only ever a conversion, so it never hashes to the stored digest. */
export const SCHEMA1_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws'
])
