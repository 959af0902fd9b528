// End to end: the deploy-gate features (references, expect absent, waiting, platforms, manifest and
// images files, digest verification) against the fake ECR. Scale and output limits: size-limits.test.ts.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAKE_ACCOUNT_ID } from '../../testkit/fake-ecr/index.js'
import { dockerManifest, ociManifest, sha256Digest } from '../../testkit/manifests.js'
import { json, NODES, useHarness } from './harness.js'

interface ImageOut {
  requested: string
  registryId: string
  repositoryName: string
  imageId: { imageTag?: string; imageDigest: string }
  imageManifest?: string
  imageUri: string
  platformDigest?: string
}
interface FailureOut {
  requested: string
  failureCode: string
  failureReason: string
}

const OTHER_REGISTRY = '012345678901'

describe.each(NODES)('image references on $label', ({ path }) => {
  const h = useHarness(path)
  const baseDigest = h.fake.putImage({
    repository: 'shared/base',
    registryId: OTHER_REGISTRY,
    tags: ['2.0'],
    manifest: ociManifest('base-2.0')
  })

  it('looks up references across repositories, registries and regions (China included)', async () => {
    const china = `${OTHER_REGISTRY}.dkr.ecr.cn-north-1.amazonaws.com.cn/shared/base@${baseDigest}`
    const images = ['app:v1', 'team/api:v1.4.2', china, `app:v2-oci@${h.digests.v2}`].join('\n')
    const run = await h.run({ images })
    expect(run.code).toBe(0)
    const requests = h.fake.requestsFor()
    expect(requests).toHaveLength(3)
    const chinaRequest = requests.find((request) => request.body.registryId === OTHER_REGISTRY)
    expect(chinaRequest?.region).toBe('cn-north-1')
    expect(chinaRequest?.body).toMatchObject({ repositoryName: 'shared/base', imageIds: [{ imageDigest: baseDigest }] })
    expect(requests.find((request) => request.body.repositoryName === 'app')?.body.imageIds).toEqual([
      { imageTag: 'v1' },
      { imageTag: 'v2-oci', imageDigest: h.digests.v2 }
    ])
    expect(json(run, 'digests')).toEqual({
      'app:v1': h.digests.v1,
      'team/api:v1.4.2': h.digests.api,
      [china]: baseDigest,
      [`app:v2-oci@${h.digests.v2}`]: h.digests.v2
    })
    expect(run.outputs['image-uris']?.split('\n')).toEqual([
      `${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/app@${h.digests.v1}`,
      `${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/team/api@${h.digests.api}`,
      `${OTHER_REGISTRY}.dkr.ecr.cn-north-1.amazonaws.com.cn/shared/base@${baseDigest}`,
      `${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/app@${h.digests.v2}`
    ])
    const elements = json<ImageOut[]>(run, 'images')
    expect(elements.map((element) => element.requested)).toEqual(['app:v1', 'team/api:v1.4.2', china, `app:v2-oci@${h.digests.v2}`])
    expect(elements[2]?.imageUri).toBe(`${OTHER_REGISTRY}.dkr.ecr.cn-north-1.amazonaws.com.cn/shared/base@${baseDigest}`)
    expect(JSON.parse(run.imagesFile ?? 'null')).toEqual(elements)
    expect(run.outputs['images-file']).toMatch(/runner_temp\/ecr-image-lookup-.*\.json$/)
  })

  it('accepts dual-stack registry hosts and keeps the host form written in the pinned reference', async () => {
    const fips = '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com'
    const run = await h.run({ images: `123456789012.dkr-ecr.eu-west-1.on.aws/app:v1 ${fips}/team/api:v1.4.2` })
    expect(run.code).toBe(0)
    expect(run.outputs['image-uris']?.split('\n')).toEqual([
      `123456789012.dkr-ecr.eu-west-1.on.aws/app@${h.digests.v1}`,
      `${fips}/team/api@${h.digests.api}`
    ])
    expect(
      h.fake
        .requestsFor()
        .map((request) => request.region)
        .sort()
    ).toEqual(['eu-west-1', 'us-gov-west-1'])
  })

  it('reads the registry hosts of every partition the SDK knows: the European Sovereign Cloud and the ISO partitions', async () => {
    const hosts = [
      '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu',
      '123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov',
      '123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov',
      '123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk',
      '123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov'
    ]
    const run = await h.run({ images: hosts.map((host) => `${host}/app:v1`).join('\n') })
    expect(run.code).toBe(0)
    expect(run.outputs['image-uris']?.split('\n')).toEqual(hosts.map((host) => `${host}/app@${h.digests.v1}`))
    expect(
      h.fake
        .requestsFor()
        .map((request) => request.region)
        .sort()
    ).toEqual(['eu-isoe-west-1', 'eusc-de-east-1', 'us-iso-east-1', 'us-isob-east-1', 'us-isof-south-1'])
    const wrong = await h.run({ images: '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.com/app:v1' })
    expect(wrong.code).toBe(1)
    expect(wrong.errors).toEqual([expect.stringContaining('did you mean 123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu?')])
  })

  it('applies registry-id and aws-region to references without a registry host', async () => {
    const run = await h.run({ images: 'shared/base:2.0', 'registry-id': OTHER_REGISTRY, 'aws-region': 'us-east-1' })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()[0]).toMatchObject({ region: 'us-east-1', body: { registryId: OTHER_REGISTRY } })
    expect(run.outputs['image-uri']).toBe(`${OTHER_REGISTRY}.dkr.ecr.us-east-1.amazonaws.com/shared/base@${baseDigest}`)
  })

  it('rejects images given together with repository-name', async () => {
    const run = await h.run({ images: 'app:v1', 'repository-name': 'app', 'image-ids': 'v1' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual(['::error::Give either images (references like team/api:v1) or repository-name with image-ids, not both.'])
    expect(h.fake.requests).toHaveLength(0)
  })

  it.each([
    ['app', "images: 'app' has neither a tag nor a digest"],
    ['docker.io/library/nginx:1.27', "names the registry 'docker.io', which is not an ECR registry"],
    ['App/Web:v1', "images: 'App/Web:v1': repository 'App/Web' is not a valid ECR repository name"],
    ['app@sha256:1234', "images: 'sha256:1234' is not a valid image digest"],
    ['123.dkr.ecr.eu-west-1.amazonaws.com/app:v1', "names the registry '123.dkr.ecr.eu-west-1.amazonaws.com', which is not an ECR registry"]
  ])('rejects the malformed reference %s', async (images, message) => {
    const run = await h.run({ images })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(message)
    expect(h.fake.requests).toHaveLength(0)
  })
})

describe.each(NODES)('expect: absent on $label', ({ path }) => {
  const h = useHarness(path)

  it('succeeds when the images do not exist', async () => {
    const run = await h.run({ images: 'app:v9 app:v10', expect: 'absent' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([])
    expect(run.stdout).toContain('✔ app:v9: absent, as expected')
    expect(run.outputs.found).toBe('false')
    expect(run.summary).toContain('**2 of 2 images absent, as expected\\.**')
  })

  it('fails naming each image that exists', async () => {
    const run = await h.run({ images: 'app:v9 app:v1 team/api:v1.4.2', expect: 'absent' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      `::error title=Image exists::app:v1 exists (${h.digests.v1}), but expect is absent.`,
      `::error title=Image exists::team/api:v1.4.2 exists (${h.digests.api}), but expect is absent.`
    ])
    expect(run.summary).toContain('❌ present (expected absent)')
    expect(json(run, 'digests')).toEqual({ 'app:v1': h.digests.v1, 'team/api:v1.4.2': h.digests.api })
  })

  it('still applies fail-on to other failure codes', async () => {
    const run = await h.run({ images: `app:v1@${h.digests.v2}`, expect: 'absent', 'fail-on': 'none' })
    expect(run.code).toBe(0)
    expect(run.warnings).toEqual([expect.stringContaining('ImageTagDoesNotMatchDigest')])
  })
})

describe.each(NODES)('waiting on $label', ({ path }) => {
  const h = useHarness(path)

  it('waits for an image pushed while it waits, asking again only for what is missing', async () => {
    const tag = `late-${path.length}-${Date.now()}`
    const push = setTimeout(() => h.fake.putImage({ repository: 'app', tags: [tag], manifest: ociManifest(tag) }), 1500)
    try {
      const run = await h.run({ images: `app:v1 app:${tag}`, 'wait-timeout': '60s', 'wait-interval': '300ms' })
      expect(run.code).toBe(0)
      expect(run.outputs.found).toBe('true')
      const requests = h.fake.requestsFor()
      expect(requests.length).toBeGreaterThan(1)
      expect(requests[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }, { imageTag: tag }])
      for (const later of requests.slice(1)) expect(later.body.imageIds).toEqual([{ imageTag: tag }])
      expect(run.stdout).toMatch(new RegExp(`Waiting .* for 1 image\\(s\\) not there yet: app:${tag}`))
    } finally {
      clearTimeout(push)
    }
  })

  it('with expect: absent, waits until a tag is removed', async () => {
    const tag = `doomed-${path.length}-${Date.now()}`
    h.fake.putImage({ repository: 'app', tags: [tag], manifest: ociManifest(tag) })
    const removal = setTimeout(() => h.fake.untag('app', tag), 1500)
    try {
      const run = await h.run({ images: `app:${tag}`, expect: 'absent', 'wait-timeout': '60s', 'wait-interval': '300ms' })
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`Waiting .* for 1 image\\(s\\) still present: app:${tag}`))
      expect(run.stdout).toContain(`✔ app:${tag}: absent, as expected`)
      expect(h.fake.requestsFor().length).toBeGreaterThan(1)
    } finally {
      clearTimeout(removal)
    }
  })

  it('gives up at the timeout and says what is still missing', async () => {
    const run = await h.run({ images: 'app:v1 app:never', 'wait-timeout': '2s', 'wait-interval': '400ms' })
    expect(run.code).toBe(1)
    expect(run.errors.at(-1)).toMatch(/^::error::Gave up waiting after \d+s \(wait-timeout\): app:never still missing\.$/)
    expect(run.outputs.found).toBe('false')
    expect(json(run, 'digests')).toEqual({ 'app:v1': h.digests.v1 })
    expect(h.fake.requestsFor().length).toBeGreaterThan(2)
  })
})

describe.each(NODES)('platforms on $label', ({ path }) => {
  const h = useHarness(path)

  it('resolves an index to its linux/arm64 manifest, fetched by digest', async () => {
    const run = await h.run({ images: 'app:v3-multi app:v1', platform: 'linux/arm64' })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(h.digests.v3)
    expect(run.outputs['platform-digest']).toBe(h.digests.arm64)
    expect(run.outputs['platform-image-uri']).toBe(`${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/app@${h.digests.arm64}`)
    const elements = json<ImageOut[]>(run, 'images')
    expect(elements.map((element) => element.platformDigest)).toEqual([h.digests.arm64, h.digests.v1])
    const requests = h.fake.requestsFor()
    expect(requests).toHaveLength(2)
    expect(requests[1]?.body.imageIds).toEqual([{ imageDigest: h.digests.arm64 }])
    expect(run.summary).toContain(`platform: \`${h.digests.arm64}\``)
    // app:v1 is a single-platform manifest: what platform it is for cannot be checked, and the step says so.
    expect(run.warnings).toEqual([
      "::warning title=Platform not checked::platform could not be checked for app:v1: it is a single-platform manifest, not an index, and a manifest does not say which platform it is for. platform-digest is the image's own digest."
    ])
  })

  it('reports a platform the index does not have as PlatformNotFound, governed by fail-on', async () => {
    const failing = await h.run({ images: 'app:v3-multi', platform: 'linux/s390x' })
    expect(failing.code).toBe(1)
    expect(failing.errors).toEqual([
      expect.stringContaining(
        'app:v3-multi: PlatformNotFound: the image index has no linux/s390x manifest (it has linux/amd64, linux/arm64)'
      )
    ])
    expect(json<FailureOut[]>(failing, 'failures')).toEqual([
      expect.objectContaining({ requested: 'app:v3-multi', failureCode: 'PlatformNotFound' })
    ])
    expect(failing.outputs['platform-digest']).toBeUndefined()
    expect(failing.summary).toContain('platform missing')
    const tolerated = await h.run({ images: 'app:v3-multi', platform: 'linux/s390x', 'fail-on': 'ImageNotFound' })
    expect(tolerated.code).toBe(0)
    expect(tolerated.warnings).toEqual([expect.stringContaining('PlatformNotFound')])
  })

  it('reports an index whose platform manifest is missing from the repository', async () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256Digest('never pushed'),
          size: 12,
          platform: { os: 'linux', architecture: 'arm64' }
        }
      ]
    })
    h.fake.putImage({ repository: 'app', tags: ['broken-index'], manifest: index })
    const run = await h.run({ images: 'app:broken-index', platform: 'linux/arm64' })
    expect(run.code).toBe(1)
    expect(run.errors[0]).toContain(`lists linux/arm64 as ${sha256Digest('never pushed')}, but ECR has no such manifest (ImageNotFound)`)
  })
})

describe.each(NODES)('files and digest verification on $label', ({ path }) => {
  const h = useHarness(path)

  it('writes the first found image manifest to manifest-file, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-file-'))
    try {
      const file = join(dir, 'nested', 'manifest.json')
      const run = await h.run({ images: 'app:nope app:v1 app:v2-oci', 'manifest-file': file, 'fail-on': 'none' })
      expect(run.code).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(dockerManifest('app-v1'))
      expect(sha256Digest(readFileSync(file, 'utf8'))).toBe(h.digests.v1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('writes every output before a manifest-file that cannot be written fails the step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-file-'))
    try {
      writeFileSync(join(dir, 'file'), '')
      const run = await h.run({ images: 'app:v1', 'manifest-file': join(dir, 'file', 'manifest.json') })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringMatching(/^::error::manifest-file: could not write .*manifest\.json: /)])
      expect(run.outputs).toMatchObject({ found: 'true', digest: h.digests.v1 })
      expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['images', 'images-file', 'image-uri']))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails on a manifest that does not hash to its digest, naming both, unless verify-digest is off', async () => {
    const claimed = sha256Digest('what was pushed')
    const manifest = ociManifest('corrupted')
    h.fake.putImage({ repository: 'app', tags: ['corrupt'], manifest, digest: claimed })
    const checked = await h.run({ images: 'app:corrupt' })
    expect(checked.code).toBe(1)
    expect(checked.errors).toEqual([
      `::error title=Image DigestMismatch::app:corrupt: DigestMismatch: the manifest ECR returned hashes to ${sha256Digest(manifest)}, not to its digest ${claimed}`
    ])
    expect(checked.summary).toContain('digest mismatch')
    const unchecked = await h.run({ images: 'app:corrupt', 'verify-digest': 'false' })
    expect(unchecked.code).toBe(0)
    expect(unchecked.outputs.digest).toBe(claimed)
  })
})
