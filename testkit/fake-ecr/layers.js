// GetDownloadUrlForLayer and the download it points at, modelled on the ECR API reference: the answer is
// `{downloadUrl, layerDigest}`, a presigned URL (S3's, in AWS) that a plain GET fetches without
// credentials. Errors: InvalidParameterException, RepositoryNotFoundException, LayersNotFoundException
// (a layer the repository does not hold), LayerInaccessibleException, AccessDeniedException. Here the
// URL points back at the fake (`/__s3/<token>?X-Amz-…`); like S3, a presigned GET that also carries an
// Authorization header is refused, and an unknown or expired token is AccessDenied.
import { randomBytes } from 'node:crypto'
import { findRepository, validateRepositoryName } from './batch-get-image.js'
import { AwsError } from './wire.js'

/** @typedef {import('./index.js').FakeEcr} FakeEcr */

/** Where a repository's blob content is kept. @param {import('./index.js').Repository} repository @param {string} digest */
export function blobKey(repository, digest) {
  return `${repository.registryId}/${repository.region ?? ''}/${repository.name}@${digest}`
}

/** @param {FakeEcr} fake @param {any} input @param {string} [region] */
export function getDownloadUrlForLayer(fake, input, region) {
  validateRepositoryName(input)
  const layerDigest = input.layerDigest
  if (typeof layerDigest !== 'string' || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(layerDigest))
    throw new AwsError(400, 'InvalidParameterException', 'Invalid parameter at layerDigest: must be a digest')
  const repository = findRepository(fake, input.registryId ?? fake.accountId, input.repositoryName, region)
  if (fake.deniedLayers.has(repository.name))
    throw new AwsError(
      400,
      'AccessDeniedException',
      `User is not authorized to perform: ecr:GetDownloadUrlForLayer on resource: ${repository.name}`
    )
  const content = fake.blobContents.get(blobKey(repository, layerDigest))
  if (!repository.blobs.has(layerDigest) || content === undefined)
    throw new AwsError(400, 'LayersNotFoundException', `The layer with digest '${layerDigest}' does not exist in the repository.`)
  const token = randomBytes(12).toString('hex')
  fake.downloads.set(token, blobKey(repository, layerDigest))
  const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAFAKE%2F20261205%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${randomBytes(32).toString('hex')}`
  return { downloadUrl: `${fake.url}/__s3/${token}?${query}`, layerDigest }
}

/**
 * Serves a presigned download (what S3 does for the URL above); the fake logs it as S3GetObject.
 * @param {FakeEcr} fake @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function serveDownload(fake, req, res) {
  const token = /^\/__s3\/([0-9a-f]+)\?/.exec(req.url ?? '')?.[1] ?? ''
  const xml = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) =>
    res
      .writeHead(status, { 'content-type': 'application/xml' })
      .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`)
  if (req.headers.authorization !== undefined)
    return xml(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter is supported')
  const key = fake.downloads.get(token)
  const content = key === undefined ? undefined : fake.blobContents.get(key)
  if (content === undefined) return xml(403, 'AccessDenied', 'Request has expired or the signature does not match')
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': content.length }).end(content)
}
