import { describe, expect, it } from '@jest/globals'
import { checkDigests, mayBeConverted, sha256 } from '../../../src/ecr/digest.js'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { DEFAULT_MEDIA_TYPES } from '../../../src/image.js'
import { request } from '../../../__fixtures__/images.js'

describe('sha256', () => {
  it('is the digest of the exact UTF-8 bytes', () => {
    expect(sha256('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256('{}')).not.toBe(sha256('{}\n'))
  })
})

describe('checkDigests', () => {
  const manifest = '{"schemaVersion":2}'
  const found = (digest: string, mediaType: string, byDigest = false): LookupResult => ({
    request: request(byDigest ? { digest } : { tag: 'v1' }),
    status: 'found',
    image: { imageId: { imageDigest: digest }, imageManifest: manifest, imageManifestMediaType: mediaType }
  })

  it('passes a manifest that hashes to its digest and fails one that does not', () => {
    const [good, bad] = checkDigests(
      [
        found(sha256(manifest), 'application/vnd.oci.image.manifest.v1+json'),
        found('sha256:other', 'application/vnd.oci.image.manifest.v1+json')
      ],
      DEFAULT_MEDIA_TYPES
    )
    expect(good?.status).toBe('found')
    expect(bad).toMatchObject({ status: 'failed', failure: { failureCode: 'DigestMismatch' } })
  })

  it('skips what ECR may have converted: schema 1, and lookups by tag with narrowed media types', () => {
    const dockerOnly = ['application/vnd.docker.distribution.manifest.v2+json']
    expect(
      mayBeConverted(found('sha256:x', 'application/vnd.docker.distribution.manifest.v1+prettyjws') as never, DEFAULT_MEDIA_TYPES)
    ).toBe(true)
    expect(mayBeConverted(found('sha256:x', dockerOnly[0]!) as never, dockerOnly)).toBe(true)
    expect(mayBeConverted(found('sha256:x', dockerOnly[0]!, true) as never, dockerOnly)).toBe(false)
    expect(checkDigests([found('sha256:x', dockerOnly[0]!)], dockerOnly)[0]?.status).toBe('found')
  })
})
