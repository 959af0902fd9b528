import { describe, expect, it } from '@jest/globals'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { resolvePlatforms, selectPlatform } from '../../../src/ecr/platform.js'
import { DEFAULT_MEDIA_TYPES } from '../../../src/image.js'
import { parsePlatform } from '../../../src/inputs/platform.js'
import { request } from '../../../__fixtures__/images.js'

const index = JSON.stringify({
  manifests: [
    { digest: 'sha256:amd', platform: { os: 'linux', architecture: 'amd64' } },
    { digest: 'sha256:arm7', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    { digest: 'sha256:arm64', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    { digest: 'sha256:att', platform: { os: 'unknown', architecture: 'unknown' } }
  ]
})

describe('selectPlatform', () => {
  it.each([
    ['linux/amd64', { digest: 'sha256:amd' }],
    ['linux/arm64', { digest: 'sha256:arm64' }],
    ['linux/arm64/v8', { digest: 'sha256:arm64' }],
    ['linux/arm/v7', { digest: 'sha256:arm7' }],
    ['linux/arm/v6', { available: ['linux/amd64', 'linux/arm/v7', 'linux/arm64/v8'] }],
    ['windows/amd64', { available: ['linux/amd64', 'linux/arm/v7', 'linux/arm64/v8'] }]
  ])('%s', (platform, expected) => {
    expect(selectPlatform(index, parsePlatform(platform)!)).toEqual(expected)
  })

  it('never picks an attestation manifest, and refuses unknown/unknown as an input', () => {
    const attested = JSON.stringify({
      manifests: [
        {
          digest: 'sha256:att',
          platform: { os: 'linux', architecture: 'amd64' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
        },
        { digest: 'sha256:amd', platform: { os: 'linux', architecture: 'amd64' } }
      ]
    })
    expect(selectPlatform(attested, { os: 'linux', architecture: 'amd64' })).toEqual({ digest: 'sha256:amd' })
    expect(() => parsePlatform('unknown/unknown')).toThrow(/unknown\/unknown entries of an index are BuildKit's attestation manifests/)
  })

  it('treats a manifest that is not JSON as having no platforms', () => {
    expect(selectPlatform('not json', { os: 'linux', architecture: 'amd64' })).toEqual({ available: [] })
  })
})

describe('resolvePlatforms', () => {
  const index = JSON.stringify({
    manifests: [{ digest: 'sha256:arm64', platform: { os: 'linux', architecture: 'arm64' } }]
  })
  const parent: LookupResult = {
    request: request({ tag: 'multi' }),
    status: 'found',
    image: {
      imageId: { imageTag: 'multi', imageDigest: 'sha256:index' },
      imageManifest: index,
      imageManifestMediaType: DEFAULT_MEDIA_TYPES[0]
    }
  }

  it('fetches the platform manifest by digest and reports its digest', async () => {
    const asked: string[] = []
    const [result] = await resolvePlatforms([parent], { os: 'linux', architecture: 'arm64' }, async (requests) => {
      asked.push(...requests.map((r) => r.id.digest ?? ''))
      return requests.map((r) => ({ request: r, status: 'found', image: { imageId: { imageDigest: r.id.digest } } }))
    })
    expect(asked).toEqual(['sha256:arm64'])
    expect(result).toMatchObject({ status: 'found', platformDigest: 'sha256:arm64' })
  })

  it('passes on a digest mismatch of the platform manifest, naming the platform', async () => {
    const [result] = await resolvePlatforms([parent], { os: 'linux', architecture: 'arm64' }, async (requests) =>
      requests.map((r) => ({
        request: r,
        status: 'failed',
        failure: { failureCode: 'DigestMismatch', failureReason: 'hashes to sha256:x' }
      }))
    )
    expect(result).toMatchObject({
      request: { requested: 'multi' },
      status: 'failed',
      failure: { failureCode: 'DigestMismatch', failureReason: 'linux/arm64: hashes to sha256:x', imageId: { imageDigest: 'sha256:index' } }
    })
  })
})
