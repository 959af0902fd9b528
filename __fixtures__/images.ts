// Typed BatchGetImage answers for unit tests.
import type { Image } from '@aws-sdk/client-ecr'

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
