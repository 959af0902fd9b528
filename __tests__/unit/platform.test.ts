import { describe, expect, it } from '@jest/globals'
import { checkDigests, mayBeConverted } from '../../src/digest-check.js'
import { sha256 } from '../../src/helpers.js'
import type { LookupResult } from '../../src/lookup.js'
import { DEFAULT_MEDIA_TYPES } from '../../src/media-types.js'
import { parsePlatform, resolvePlatforms, selectPlatform } from '../../src/platform.js'
import { request } from '../../__fixtures__/images.js'

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

  it('treats a manifest that is not JSON as having no platforms', () => {
    expect(selectPlatform('not json', { os: 'linux', architecture: 'amd64' })).toEqual({ available: [] })
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
      [found(sha256(manifest), 'application/vnd.oci.image.manifest.v1+json'), found('sha256:other', 'application/vnd.oci.image.manifest.v1+json')],
      DEFAULT_MEDIA_TYPES
    )
    expect(good?.status).toBe('found')
    expect(bad).toMatchObject({ status: 'failed', failure: { failureCode: 'DigestMismatch' } })
  })

  it('skips what ECR may have converted: schema 1, and lookups by tag with narrowed media types', () => {
    const dockerOnly = ['application/vnd.docker.distribution.manifest.v2+json']
    expect(mayBeConverted(found('sha256:x', 'application/vnd.docker.distribution.manifest.v1+prettyjws') as never, DEFAULT_MEDIA_TYPES)).toBe(true)
    expect(mayBeConverted(found('sha256:x', dockerOnly[0]!) as never, dockerOnly)).toBe(true)
    expect(mayBeConverted(found('sha256:x', dockerOnly[0]!, true) as never, dockerOnly)).toBe(false)
    expect(checkDigests([found('sha256:x', dockerOnly[0]!)], dockerOnly)[0]?.status).toBe('found')
  })
})

describe('resolvePlatforms', () => {
  const index = JSON.stringify({
    manifests: [{ digest: 'sha256:arm64', platform: { os: 'linux', architecture: 'arm64' } }]
  })
  const parent: LookupResult = {
    request: request({ tag: 'multi' }),
    status: 'found',
    image: { imageId: { imageTag: 'multi', imageDigest: 'sha256:index' }, imageManifest: index, imageManifestMediaType: DEFAULT_MEDIA_TYPES[0] }
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
      requests.map((r) => ({ request: r, status: 'failed', failure: { failureCode: 'DigestMismatch', failureReason: 'hashes to sha256:x' } }))
    )
    expect(result).toMatchObject({
      request: { requested: 'multi' },
      status: 'failed',
      failure: { failureCode: 'DigestMismatch', failureReason: 'linux/arm64: hashes to sha256:x', imageId: { imageDigest: 'sha256:index' } }
    })
  })
})
