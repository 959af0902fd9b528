// Table-driven tests of getInputs(): INPUT_* variables in, typed inputs or a clear error out.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_MEDIA_TYPES } from '../../../src/image.js'
import { getInputs, resolveRegion } from '../../../src/inputs/inputs.js'

const BASE = { 'repository-name': 'team/api', 'image-ids': 'v1', 'aws-region': 'eu-west-1' }

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
}

describe('getInputs', () => {
  const saved = { ...process.env }
  beforeEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_') || name.startsWith('AWS_')) delete process.env[name]
  })
  afterEach(() => {
    process.env = { ...saved }
  })

  it('reads image references across registries and regions', () => {
    setInputs({
      images: `app:v1\n012345678901.dkr.ecr.cn-north-1.amazonaws.com.cn/team/api@sha256:${'a'.repeat(64)}`,
      'aws-region': 'eu-west-1',
      'registry-id': '111122223333'
    })
    expect(getInputs().requests).toEqual([
      { requested: 'app:v1', repositoryName: 'app', registryId: '111122223333', region: 'eu-west-1', id: { tag: 'v1' } },
      {
        requested: `012345678901.dkr.ecr.cn-north-1.amazonaws.com.cn/team/api@sha256:${'a'.repeat(64)}`,
        repositoryName: 'team/api',
        registryId: '012345678901',
        region: 'cn-north-1',
        registryHost: '012345678901.dkr.ecr.cn-north-1.amazonaws.com.cn',
        id: { digest: `sha256:${'a'.repeat(64)}` }
      }
    ])
  })

  it('needs no region when every reference names its registry host', () => {
    setInputs({ images: '012345678901.dkr.ecr.us-east-1.amazonaws.com/app:v1' })
    expect(getInputs().requests[0]?.region).toBe('us-east-1')
    setInputs({ images: 'app:v1' })
    expect(() => getInputs()).toThrow(/No AWS region/)
  })

  it('reads every input with defaults', () => {
    setInputs(BASE)
    expect(getInputs()).toEqual({
      requests: [{ requested: 'v1', repositoryName: 'team/api', region: 'eu-west-1', id: { tag: 'v1' } }],
      acceptedMediaTypes: DEFAULT_MEDIA_TYPES,
      failOn: { kind: 'all' },
      expect: 'present',
      waitTimeoutMs: 0,
      waitIntervalMs: 5000,
      verifyDigest: true,
      retryMaxAttempts: 5,
      timeoutMs: 300_000
    })
  })

  it.each([
    [{ 'registry-id': '012345678901' }, { requests: [expect.objectContaining({ registryId: '012345678901' })] }],
    [{ 'registry-id': ' ' }, { requests: [expect.not.objectContaining({ registryId: expect.anything() })] }],
    [
      { 'wait-timeout': '1m30s', 'wait-interval': '2' },
      { waitTimeoutMs: 90_000, waitIntervalMs: 2000, timeoutMs: 390_000 }
    ],
    [
      { timeout: '45s', 'retry-max-attempts': '2' },
      { timeoutMs: 45_000, retryMaxAttempts: 2 }
    ],
    [{ 'http-proxy': 'proxy.internal:3128' }, { proxy: { url: new URL('http://proxy.internal:3128'), noProxy: '' } }],
    [
      { expect: 'ABSENT', 'verify-digest': 'false' },
      { expect: 'absent', verifyDigest: false }
    ],
    [
      { platform: 'linux/arm/v7', 'manifest-file': 'out/m.json' },
      { platform: { os: 'linux', architecture: 'arm', variant: 'v7' }, manifestFile: 'out/m.json' }
    ],
    [
      { 'accepted-media-types': 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.manifest.v1+json' },
      { acceptedMediaTypes: ['application/vnd.oci.image.manifest.v1+json'] }
    ],
    [{ 'fail-on': 'none' }, { failOn: { kind: 'none' } }],
    [{ 'fail-on': 'NONE' }, { failOn: { kind: 'none' } }],
    [{ 'fail-on': 'imagenotfound\nKmsError' }, { failOn: { kind: 'codes', codes: new Set(['ImageNotFound', 'KmsError']) } }],
    [{ 'repository-name': 'a__b/c--d/e.f' }, { requests: [expect.objectContaining({ repositoryName: 'a__b/c--d/e.f' })] }],
    [{ 'promote-tags': 'v1.4.0\nprod, prod' }, { promote: { tags: ['v1.4.0', 'prod'], overwrite: 'never', dryRun: false } }],
    [
      { 'promote-tags': 'prod', 'promote-overwrite': 'Always', 'promote-dry-run': 'true' },
      { promote: { tags: ['prod'], overwrite: 'always', dryRun: true } }
    ],
    [{ 'promote-tags': ' ', 'promote-overwrite': 'always' }, { requests: [expect.anything()] }],
    [
      {
        'verify-signer': 'acme/app/.github/workflows/release.yml@refs/tags/*',
        'verify-issuer': 'https://token.actions.githubusercontent.com'
      },
      {
        verify: {
          signer: { kind: 'workflow', workflow: 'acme/app/.github/workflows/release.yml', ref: { prefix: 'refs/tags/' } },
          issuer: 'https://token.actions.githubusercontent.com',
          sourceRepository: 'acme/app'
        }
      }
    ],
    [
      { 'verify-signer': 'ops@example.com', 'verify-issuer': 'https://accounts.google.com', 'trusted-root': 'trust/root.json' },
      {
        verify: { signer: { kind: 'exact', san: 'ops@example.com' }, issuer: 'https://accounts.google.com', trustedRoot: 'trust/root.json' }
      }
    ],
    // verify-issuer's default (action.yml gives it) means nothing was asked.
    [{ 'verify-issuer': 'https://token.actions.githubusercontent.com' }, { requests: [expect.anything()] }]
  ])('reads %j', (inputs, expected) => {
    setInputs({ ...BASE, ...inputs })
    expect(getInputs()).toMatchObject(expected)
  })

  it.each([
    [{ 'repository-name': '' }, /repository-name is empty/],
    [{ 'repository-name': 'app/' }, /not a valid ECR repository name/],
    [{ 'repository-name': 'x'.repeat(257) }, /2 to 256 characters/],
    [{ 'repository-name': 'app:v1' }, /looks like an image URI/],
    [{ 'registry-id': '12345678901' }, /12-digit/],
    [{ 'registry-id': '12345678901a' }, /12-digit/],
    [{ 'fail-on': 'none,all' }, /cannot be combined/],
    [{ 'fail-on': 'Image-Not-Found' }, /not a failure code/],
    [{ 'accepted-media-types': 'text' }, /not a media type/],
    [{ 'aws-region': 'eu_west_1' }, /not an AWS region name/],
    [{ images: 'app:v1' }, /either images .* or repository-name with image-ids, not both/],
    [{ 'repository-name': '', 'image-ids': '' }, /Nothing to look up/],
    [{ 'wait-timeout': '5 minutes' }, /wait-timeout '5 minutes' is not a duration/],
    [{ 'wait-interval': '0s' }, /wait-interval must be more than 0/],
    [{ expect: 'maybe' }, /expect 'maybe' must be present or absent/],
    [{ 'verify-digest': 'yes' }, /verify-digest 'yes' must be true or false/],
    [{ platform: 'linux' }, /platform 'linux' is not os\/arch/],
    [{ 'retry-max-attempts': '0' }, /retry-max-attempts '0' must be a whole number from 1 to 20/],
    [{ timeout: '0' }, /timeout must be more than 0/],
    [{ 'http-proxy': 'http://[bad' }, /http-proxy is not a proxy URL/],
    [
      { 'wait-timeout': '5m', timeout: '2m' },
      /^timeout \(2m\) must be longer than wait-timeout \(5m\): the step would end before the wait does/
    ],
    [{ 'wait-timeout': '5m', timeout: '5m' }, /must be longer than wait-timeout/],
    [{ timeout: '600h' }, /^timeout '600h' is longer than Node's timers can wait \(about 24\.8 days, 596h\)/],
    [{ 'wait-timeout': '596.5h' }, /^timeout \(wait-timeout plus 5m\) is longer than Node's timers can wait/],
    [{ expect: 'absent', platform: 'linux/arm64' }, /platform cannot be checked with expect: absent/],
    [{ 'promote-tags': 'app:v1' }, /promote-tags: 'app:v1' is not a tag ECR accepts.*not a reference like app:v1.4.0/],
    [{ 'promote-tags': 'v'.repeat(301) }, /has 301 characters; ECR allows a tag at most 300/],
    [{ 'promote-tags': 'prod', 'promote-overwrite': 'alway' }, /promote-overwrite: 'alway' is not never or always; did you mean always\?/],
    [{ 'promote-tags': 'prod', 'promote-overwrite': 'nevr' }, /did you mean never\?/],
    [{ 'promote-overwrite': 'sometimes' }, /promote-overwrite: 'sometimes'/],
    [{ 'promote-tags': 'prod', 'promote-dry-run': 'maybe' }, /promote-dry-run 'maybe' must be true or false/],
    [{ 'promote-tags': 'prod', expect: 'absent' }, /promote-tags cannot be used with expect: absent/],
    [{ files: 'k8s/*.yaml', pin: 'true', expect: 'absent' }, /^pin cannot be used with expect: absent/],
    [{ 'verify-signer': 'acme/app/.github/workflows/release.yml', expect: 'absent' }, /^verify-signer cannot be used with expect: absent/],
    [{ 'verify-issuer': 'https://accounts.google.com' }, /^verify-issuer needs verify-signer/],
    [{ 'trusted-root': 'root.json' }, /^trusted-root needs verify-signer/],
    [{ 'verify-source-repository': 'acme/app' }, /^verify-source-repository needs verify-signer/],
    [{ 'verify-signer': 'acme/app', 'verify-issuer': 'x' }, /^verify-signer: 'acme\/app' is neither a workflow/],
    [
      { 'verify-signer': 'ops@example.com', 'verify-issuer': 'accounts.google.com' },
      /^verify-issuer: 'accounts\.google\.com' is not an issuer URL/
    ]
  ])('rejects %j', (inputs, message) => {
    setInputs({ ...BASE, ...inputs })
    expect(() => getInputs()).toThrow(message)
  })
})

describe('resolveRegion', () => {
  it.each([
    ['us-east-1', {}, 'us-east-1'],
    ['', { AWS_REGION: 'eu-west-2', AWS_DEFAULT_REGION: 'eu-west-3' }, 'eu-west-2'],
    ['', { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-3' }, 'eu-west-3'],
    ['', { AWS_DEFAULT_REGION: 'us-gov-west-1' }, 'us-gov-west-1'],
    [' cn-north-1 ', {}, 'cn-north-1']
  ])('input %j with %j gives %s', (input, env, region) => {
    expect(resolveRegion(input, env)).toBe(region)
  })

  it('names every place it looked when there is no region', () => {
    expect(() => resolveRegion('', {})).toThrow(/set the aws-region input, or AWS_REGION/)
  })
})
