// Typed BatchGetImage answers for unit tests.
import type { Image } from '@aws-sdk/client-ecr'
import type { ImageId } from '../src/image.js'
import type { ImageRequest } from '../src/image.js'

export const DIGEST_A = `sha256:${'a'.repeat(64)}`
export const DIGEST_B = `sha256:${'b'.repeat(64)}`

export function image(tag: string | undefined, digest: string, repositoryName = 'app'): Image {
  return {
    registryId: '123456789012',
    repositoryName,
    imageId: { imageDigest: digest, ...(tag !== undefined && { imageTag: tag }) },
    imageManifest: `{"digest":"${digest}"}`,
    imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
  }
}

/** A request in the caller's registry in eu-west-1. */
export function request(id: ImageId, overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    requested: id.tag !== undefined && id.digest !== undefined ? `${id.tag}@${id.digest}` : (id.tag ?? id.digest ?? ''),
    repositoryName: 'app',
    region: 'eu-west-1',
    id,
    ...overrides
  }
}
