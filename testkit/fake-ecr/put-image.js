// PutImage's semantics, modelled on what ECR documents and answers (public emulators accept requests
// ECR rejects): the manifest must be JSON with a media type (its own mediaType field or
// imageManifestMediaType), hash to imageDigest when one is given, and find its layers (an image) or
// its child manifests (an index) in the repository; a tag is created, left alone when it already
// points at the digest (ImageAlreadyExistsException), moved when it is mutable, and refused when it is
// immutable (ImageTagAlreadyExistsException, or the code the fake is told to use instead).
import { sha256Digest } from '../manifests.js'
import { findRepository, invalidParameter, validateRepositoryName } from './batch-get-image.js'
import { AwsError } from './wire.js'

/** @typedef {import('./index.js').FakeEcr} FakeEcr @typedef {import('./index.js').Repository} Repository */

const TAG_PATTERN = /^[a-zA-Z0-9-_.]+$/
const MANIFEST_LIMIT = 4_194_304
/** The media types ECR stores; anything else is rejected. */
const IMAGE_MEDIA_TYPES = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
])

/**
 * Whether `tag` is immutable in `repository`: IMMUTABLE and MUTABLE as named; with an exclusion, the
 * tags matching one of its filters (`*` matches any run of characters) are the exception.
 * @param {Repository} repository @param {string} tag
 */
export function tagIsImmutable(repository, tag) {
  const matches = repository.exclusionFilters.some(({ filter }) =>
    new RegExp(
      `^${filter
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
        .join('.*')}$`
    ).test(tag)
  )
  switch (repository.mutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !matches
    case 'MUTABLE_WITH_EXCLUSION':
      return matches
    default:
      return false
  }
}

/** The blobs an image manifest needs (config and layers), and the manifests an index needs. @param {any} manifest */
export function referencesOf(manifest) {
  const digests = (/** @type {unknown} */ list) =>
    Array.isArray(list) ? list.map((entry) => entry?.digest).filter((digest) => typeof digest === 'string') : []
  return {
    blobs: [...(typeof manifest?.config?.digest === 'string' ? [manifest.config.digest] : []), ...digests(manifest?.layers)],
    children: digests(manifest?.manifests)
  }
}

/**
 * PutImage against the fake's repositories, as ECR answers it.
 * @param {FakeEcr} fake @param {any} input @param {string | undefined} region @param {string | undefined} accessKeyId
 */
export function putImage(fake, input, region, accessKeyId) {
  const callerAccount = (accessKeyId && fake.credentials.get(accessKeyId)?.accountId) || fake.accountId
  validateRepositoryName(input)
  const text = input.imageManifest
  if (typeof text !== 'string') throw invalidParameter('imageManifest', 'Member must not be null')
  if (text.length < 1 || text.length > MANIFEST_LIMIT)
    throw invalidParameter('imageManifest', 'Member must have length between 1 and 4194304')
  const tag = input.imageTag
  if (tag !== undefined && (typeof tag !== 'string' || tag.length < 1 || tag.length > 300))
    throw invalidParameter('imageTag', 'Member must have length between 1 and 300')
  if (tag !== undefined && !TAG_PATTERN.test(tag)) throw invalidParameter('imageTag', "must satisfy regular expression '[a-zA-Z0-9-_.]+'")
  const registryId = input.registryId ?? callerAccount
  const name = input.repositoryName
  if (fake.denied.has(name) || fake.deniedPut.has(name))
    throw new AwsError(
      400,
      'AccessDeniedException',
      `User: arn:aws:sts::${callerAccount}:assumed-role/ci/session is not authorized to perform: ecr:PutImage on resource: arn:aws:ecr:${region}:${registryId}:repository/${name} because no identity-based policy allows the ecr:PutImage action`
    )
  const repository = findRepository(fake, registryId, name, region)

  let manifest
  try {
    manifest = JSON.parse(text)
  } catch {
    throw invalidParameter('ImageManifest', 'Invalid JSON syntax')
  }
  // Without its own mediaType field, a manifest needs imageManifestMediaType: ECR's answer is "Invalid JSON syntax".
  const mediaType = input.imageManifestMediaType ?? manifest?.mediaType
  if (typeof mediaType !== 'string') throw invalidParameter('ImageManifest', 'Invalid JSON syntax')
  if (!IMAGE_MEDIA_TYPES.has(mediaType)) throw invalidParameter('imageManifestMediaType', `Unsupported media type '${mediaType}'`)
  if (manifest.mediaType !== undefined && manifest.mediaType !== mediaType)
    throw invalidParameter('imageManifestMediaType', `'${mediaType}' does not match the manifest's mediaType '${manifest.mediaType}'`)
  const digest = sha256Digest(text)
  if (input.imageDigest !== undefined && input.imageDigest !== digest)
    throw new AwsError(
      400,
      'ImageDigestDoesNotMatchException',
      `The digest '${input.imageDigest}' does not match the digest ECR computed for the manifest ('${digest}')`
    )
  const { blobs, children } = referencesOf(manifest)
  const missingBlobs = blobs.filter((blob) => !repository.blobs.has(blob))
  if (missingBlobs.length > 0)
    throw new AwsError(
      400,
      'LayersNotFoundException',
      `Layers with digests '[${missingBlobs.join(', ')}]' required for pushing image into repository with name '${name}' in registry with id '${registryId}' do not exist`
    )
  const missingChildren = children.filter((child) => !repository.images.has(child))
  if (missingChildren.length > 0)
    throw new AwsError(
      400,
      'ReferencedImagesNotFoundException',
      `Images with digests '[${missingChildren.join(', ')}]' referenced by the manifest list or index do not exist in the repository with name '${name}' in registry with id '${registryId}'`
    )

  const current = tag !== undefined ? repository.tags.get(tag) : undefined
  if ((tag === undefined && repository.images.has(digest)) || current === digest)
    throw new AwsError(
      400,
      'ImageAlreadyExistsException',
      `Image with digest '${digest}'${tag !== undefined ? ` and tag '${tag}'` : ''} already exists in the repository with name '${name}' in registry with id '${registryId}'`
    )
  if (tag !== undefined && current !== undefined && tagIsImmutable(repository, tag))
    throw fake.immutableConflictCode === 'ImageAlreadyExistsException'
      ? new AwsError(400, 'ImageAlreadyExistsException', `Image with tag '${tag}' already exists in the repository with name '${name}'`)
      : new AwsError(
          400,
          'ImageTagAlreadyExistsException',
          `The image tag '${tag}' already exists in the '${name}' repository and cannot be overwritten because the tag is immutable.`
        )
  fake.storeImage(repository, { digest, manifest: text, mediaType, tags: tag !== undefined ? [tag] : [] })
  return {
    image: {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageId: { imageDigest: digest, ...(tag !== undefined && { imageTag: tag }) },
      imageManifest: text,
      imageManifestMediaType: mediaType
    }
  }
}
