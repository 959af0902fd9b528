// BatchGetImage's semantics: ECR's server-side validation and messages, repository lookup (access
// denied, not found), each id answered as an image or a per-image failure, and the conversion ECR does
// for a lookup by tag when the stored media type is not accepted.
import { AwsError } from './wire.js'
import { MEDIA_TYPES } from '../manifests.js'

/** @typedef {import('./index.js').FakeEcr} FakeEcr @typedef {import('./index.js').Repository} Repository
 *  @typedef {import('./index.js').StoredImage} StoredImage @typedef {import('./index.js').ImageIdentifier} ImageIdentifier */

const REPOSITORY_PATTERN = /^(?:[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\/)*[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DIGEST_PATTERN = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/

/**
 * BatchGetImage against the fake's repositories, as ECR answers it.
 * @param {FakeEcr} fake @param {any} input @param {string | undefined} region @param {string | undefined} accessKeyId
 */
export function batchGetImage(fake, input, region, accessKeyId) {
  const callerAccount = (accessKeyId && fake.credentials.get(accessKeyId)?.accountId) || fake.accountId
  validateInput(input)
  const registryId = input.registryId ?? callerAccount
  const name = input.repositoryName
  if (fake.denied.has(name))
    throw new AwsError(
      400,
      'AccessDeniedException',
      `User: arn:aws:sts::${callerAccount}:assumed-role/ci/session is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:${region}:${registryId}:repository/${name} because no identity-based policy allows the ecr:BatchGetImage action`
    )
  const repository = findRepository(fake, registryId, name, region)
  /** @type {string[] | undefined} */
  const accepted = input.acceptedMediaTypes
  const images = []
  const failures = []
  for (const imageId of /** @type {ImageIdentifier[]} */ (input.imageIds)) {
    const answer = lookup(repository, imageId, accepted, fake.digestLookupTags)
    if ('failureCode' in answer) failures.push(answer)
    else images.push(...answer.images)
  }
  return { images, failures }
}

/**
 * @param {Repository} repository @param {ImageIdentifier} imageId @param {string[] | undefined} accepted
 * @param {'none' | 'first' | 'each'} digestLookupTags
 * @returns {{ images: object[] } | { imageId: ImageIdentifier, failureCode: string, failureReason: string }}
 */
function lookup(repository, imageId, accepted, digestLookupTags) {
  const { imageTag, imageDigest } = imageId
  /** @param {string} failureCode @param {string} failureReason */
  const fail = (failureCode, failureReason) => ({ imageId, failureCode, failureReason })
  if (imageTag === undefined && imageDigest === undefined)
    return fail('MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null')
  if (imageDigest !== undefined && !DIGEST_PATTERN.test(imageDigest))
    return fail('InvalidImageDigest', "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'")
  /** @param {StoredImage} stored @param {string | undefined} tag @param {boolean} byTag */
  const image = (stored, tag, byTag) => {
    const answer = byTag ? convert(stored, accepted) : { manifest: stored.manifest, mediaType: stored.mediaType }
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageId: { imageDigest: stored.digest, ...(tag !== undefined && { imageTag: tag }) },
      imageManifest: answer.manifest,
      imageManifestMediaType: answer.mediaType
    }
  }
  if (imageTag !== undefined) {
    const digest = repository.tags.get(imageTag)
    const stored = digest ? repository.images.get(digest) : undefined
    if (!stored) return fail('ImageNotFound', 'Requested image not found')
    if (imageDigest !== undefined && imageDigest !== stored.digest)
      return fail('ImageTagDoesNotMatchDigest', 'Invalid request parameters: given tag does not map to the given digest')
    return { images: [image(stored, imageTag, imageDigest === undefined)] }
  }
  const stored = repository.images.get(/** @type {string} */ (imageDigest))
  if (!stored) return fail('ImageNotFound', 'Requested image not found')
  const tags = [...stored.tags]
  if (digestLookupTags === 'each' && tags.length > 0) return { images: tags.map((tag) => image(stored, tag, false)) }
  return { images: [image(stored, digestLookupTags === 'first' ? tags[0] : undefined, false)] }
}

/**
 * ECR converts a manifest fetched by tag when its stored type is not accepted. Conversions between
 * Docker v2 and OCI image manifests are modelled (the result no longer hashes to the digest). What
 * ECR does with an index or list when no index type is accepted is undocumented: this fake returns
 * it unchanged, as it also does when nothing was asked (no acceptedMediaTypes) or nothing fits.
 * @param {StoredImage} stored @param {string[] | undefined} accepted
 */
function convert(stored, accepted) {
  const same = { manifest: stored.manifest, mediaType: stored.mediaType }
  if (!accepted || accepted.includes(stored.mediaType)) return same
  const toDocker = stored.mediaType === MEDIA_TYPES.ociManifest && accepted.includes(MEDIA_TYPES.dockerV2)
  const toOci = stored.mediaType === MEDIA_TYPES.dockerV2 && accepted.includes(MEDIA_TYPES.ociManifest)
  if (!toDocker && !toOci) return same
  const manifest = JSON.parse(stored.manifest)
  const mediaType = toDocker ? MEDIA_TYPES.dockerV2 : MEDIA_TYPES.ociManifest
  manifest.mediaType = mediaType
  manifest.config.mediaType = toDocker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json'
  for (const layer of manifest.layers)
    layer.mediaType = toDocker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip'
  return { manifest: JSON.stringify(manifest, null, toDocker ? 3 : undefined), mediaType }
}

/**
 * The repository a request names, seen from `region`; RepositoryNotFoundException when there is none.
 * @param {FakeEcr} fake @param {string} registryId @param {string} name @param {string | undefined} region
 */
export function findRepository(fake, registryId, name, region) {
  const repository =
    fake.repositories.get(repositoryKey(registryId, name, region)) ?? fake.repositories.get(repositoryKey(registryId, name))
  if (!repository)
    throw new AwsError(
      400,
      'RepositoryNotFoundException',
      `The repository with name '${name}' does not exist in the registry with id '${registryId}'`
    )
  return repository
}

/** ECR's answer to a request that breaks a constraint. @param {string} at @param {string} constraint */
export function invalidParameter(at, constraint) {
  return new AwsError(400, 'InvalidParameterException', `Invalid parameter at '${at}' failed to satisfy constraint: '${constraint}'`)
}

/** The constraints on repositoryName and registryId every operation shares, with ECR's messages. @param {any} input */
export function validateRepositoryName(input) {
  const invalid = invalidParameter
  const name = input.repositoryName
  if (typeof name !== 'string') throw invalid('repositoryName', 'Member must not be null')
  if (name.length < 2) throw invalid('repositoryName', 'must have length greater than or equal to 2')
  if (name.length > 256) throw invalid('repositoryName', 'must have length less than or equal to 256')
  if (!REPOSITORY_PATTERN.test(name))
    throw invalid('repositoryName', "must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'")
  if (input.registryId !== undefined && !/^[0-9]{12}$/.test(String(input.registryId)))
    throw invalid('registryId', "must satisfy regular expression '[0-9]{12}'")
}

/** The server-side constraints of BatchGetImage, with ECR's messages. @param {any} input */
function validateInput(input) {
  const invalid = invalidParameter
  validateRepositoryName(input)
  const ids = input.imageIds
  if (!Array.isArray(ids)) throw invalid('imageIds', 'Member must not be null')
  if (ids.length < 1) throw invalid('imageIds', 'Member must have length greater than or equal to 1')
  if (ids.length > 100) throw invalid('imageIds', 'Member must have length less than or equal to 100')
  ids.forEach((id, index) => {
    if (typeof id?.imageTag === 'string' && (id.imageTag.length < 1 || id.imageTag.length > 300))
      throw invalid(`imageIds.${index + 1}.member.imageTag`, 'Member must have length less than or equal to 300')
  })
  const accepted = input.acceptedMediaTypes
  if (accepted !== undefined && (!Array.isArray(accepted) || accepted.length < 1 || accepted.length > 100))
    throw invalid('acceptedMediaTypes', 'Member must have length between 1 and 100')
}

/** The store's key for a repository (region '*': visible from every region). @param {string} registryId @param {string} name @param {string} [region] */
export function repositoryKey(registryId, name, region) {
  return `${region ?? '*'}/${registryId}/${name}`
}
