// ListImageReferrers and DescribeImageSigningStatus, modelled on the ECR API reference: a referrer is an
// image of the repository whose manifest has a `subject` naming the image's digest; the listing gives
// each one's digest, media type, artifact type (the manifest's artifactType, else its config's media
// type), size, annotations and status (ACTIVE unless archived or activating), filtered by status
// (ACTIVE by default, ANY for all) and by at most 5 artifact types, 1 to 50 a page (20 by default),
// with an opaque nextToken. Managed signing's status per signing profile is what the test sets.
import { findRepository, invalidParameter, validateRepositoryName } from './batch-get-image.js'
import { AwsError } from './wire.js'

/** @typedef {import('./index.js').FakeEcr} FakeEcr */

const DEFAULT_PAGE = 20

/** @param {FakeEcr} fake @param {any} input @param {string} [region] */
export function listImageReferrers(fake, input, region) {
  validateRepositoryName(input)
  const digest = input.subjectId?.imageDigest
  if (typeof digest !== 'string' || !/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest))
    throw invalidParameter('subjectId.imageDigest', 'must be a digest')
  const maxResults = input.maxResults ?? DEFAULT_PAGE
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50)
    throw new AwsError(
      400,
      'ValidationException',
      "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50"
    )
  const types = input.filter?.artifactTypes
  if (types !== undefined && (!Array.isArray(types) || types.length < 1 || types.length > 5))
    throw new AwsError(
      400,
      'ValidationException',
      "1 validation error detected: Value at 'filter.artifactTypes' failed to satisfy constraint: Member must have length between 1 and 5"
    )
  const status = input.filter?.artifactStatus ?? 'ACTIVE'
  if (status !== 'ACTIVE' && status !== 'ANY') throw invalidParameter('filter.artifactStatus', 'must be ACTIVE or ANY')
  const repository = findRepository(fake, input.registryId ?? fake.accountId, input.repositoryName, region)
  if (fake.denied.has(repository.name))
    throw new AwsError(400, 'AccessDeniedException', `User is not authorized to perform: ecr:BatchGetImage on resource: ${repository.name}`)
  if (fake.upstreamReferrersFail?.has(repository.name))
    throw new AwsError(
      400,
      'UnableToListUpstreamImageReferrersException',
      'The upstream registry could not list the referrers of this image.'
    )
  const all = [...repository.images.values()].flatMap((image) => {
    const manifest = JSON.parse(image.manifest)
    if (manifest.subject?.digest !== digest) return []
    const referrer = {
      digest: image.digest,
      mediaType: image.mediaType,
      artifactType: manifest.artifactType ?? manifest.config?.mediaType,
      size: Buffer.byteLength(image.manifest),
      ...(manifest.annotations && { annotations: manifest.annotations }),
      artifactStatus: image.artifactStatus ?? 'ACTIVE'
    }
    return [referrer]
  })
  const filtered = all.filter(
    (referrer) =>
      (status === 'ANY' || referrer.artifactStatus === 'ACTIVE') && (types === undefined || types.includes(referrer.artifactType))
  )
  const start =
    input.nextToken !== undefined
      ? Number(
          Buffer.from(String(input.nextToken), 'base64url')
            .toString()
            .replace(/^page:/, '')
        )
      : 0
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('nextToken', 'must be a token this operation returned')
  const page = filtered.slice(start, start + maxResults)
  const next = start + maxResults < filtered.length ? Buffer.from(`page:${start + maxResults}`).toString('base64url') : undefined
  return { referrers: page, ...(next !== undefined && { nextToken: next }) }
}

/** @param {FakeEcr} fake @param {any} input @param {string} [region] */
export function describeImageSigningStatus(fake, input, region) {
  validateRepositoryName(input)
  const repository = findRepository(fake, input.registryId ?? fake.accountId, input.repositoryName, region)
  if (fake.deniedSigningStatus)
    throw new AwsError(400, 'AccessDeniedException', 'User is not authorized to perform: ecr:DescribeImageSigningStatus')
  const digest = input.imageId?.imageDigest ?? repository.tags.get(input.imageId?.imageTag ?? '')
  const image = digest !== undefined ? repository.images.get(digest) : undefined
  if (image === undefined)
    throw new AwsError(400, 'ImageNotFoundException', 'The image requested does not exist in the specified repository.')
  return {
    repositoryName: repository.name,
    registryId: repository.registryId,
    imageId: { imageDigest: image.digest },
    signingStatuses: image.signingStatuses ?? []
  }
}
