// End to end: the bundled action, run as the runner runs it, against the fake ECR.
import { describe, expect, it } from '@jest/globals'
import { FAKE_ACCOUNT_ID } from '../../testkit/fake-ecr/index.js'
import { dockerManifest, MEDIA_TYPES, ociManifest, sha256Digest } from '../../testkit/manifests.js'
import { json, NODES, useHarness } from './harness.js'

interface ImageOut {
  registryId: string
  repositoryName: string
  imageId: { imageTag?: string; imageDigest: string }
  imageManifest: string
  imageManifestMediaType: string
}
interface FailureOut {
  imageId: { imageTag?: string; imageDigest?: string }
  failureCode: string
  failureReason: string
}

describe.each(NODES)('lookups on $label', ({ path }) => {
  const h = useHarness(path)

  it('finds an image by tag and writes every output', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'v1' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs.found).toBe('true')
    expect(run.outputs.digest).toBe(h.digests.v1)
    expect(run.outputs.manifest).toBe(dockerManifest('app-v1'))
    expect(sha256Digest(run.outputs.manifest ?? '')).toBe(h.digests.v1)
    expect(run.outputs['media-type']).toBe(MEDIA_TYPES.dockerV2)
    expect(run.outputs['image-uri']).toBe(`${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/app@${h.digests.v1}`)
    const images = json<ImageOut[]>(run, 'images')
    expect(images).toHaveLength(1)
    expect(images[0]).toMatchObject({
      registryId: FAKE_ACCOUNT_ID,
      repositoryName: 'app',
      imageId: { imageTag: 'v1', imageDigest: h.digests.v1 },
      imageManifestMediaType: MEDIA_TYPES.dockerV2
    })
    expect(json(run, 'failures')).toEqual([])
    expect(run.stdout).toContain(`✔ v1 in app: found ${h.digests.v1}`)
  })

  it('finds an image by digest', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': h.digests.v2 })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(h.digests.v2)
    expect(run.outputs['media-type']).toBe(MEDIA_TYPES.ociManifest)
    expect(run.outputs.manifest).toBe(ociManifest('app-v2'))
  })

  it('finds an image by tag and digest (imageTag=T,imageDigest=D)', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': `imageTag=v1,imageDigest=${h.digests.v1}` })
    expect(run.code).toBe(0)
    expect(run.outputs.found).toBe('true')
    expect(run.outputs.digest).toBe(h.digests.v1)
    expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1', imageDigest: h.digests.v1 }])
  })

  it('accepts the AWS CLI JSON syntax and comma-separated tags in a namespaced repository', async () => {
    const json1 = await h.run({ 'repository-name': 'team/api', 'image-ids': '[{"imageTag":"v1.4.2"}]' })
    expect(json1.code).toBe(0)
    expect(json1.outputs.digest).toBe(h.digests.api)
    expect(json1.outputs['image-uri']).toBe(`${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/team/api@${h.digests.api}`)
    const commas = await h.run({ 'repository-name': 'app', 'image-ids': 'v2-oci,v1' })
    expect(commas.code).toBe(0)
    expect(json<ImageOut[]>(commas, 'images').map((image) => image.imageId.imageDigest)).toEqual([h.digests.v2, h.digests.v1])
    expect(commas.outputs.digest).toBe(h.digests.v2)
  })

  it('fails when the tag no longer points at the given digest', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': `imageTag=v1,imageDigest=${h.digests.v2}` })
    expect(run.code).toBe(1)
    expect(run.outputs.found).toBe('false')
    expect(json<FailureOut[]>(run, 'failures')).toEqual([
      {
        requested: `imageTag=v1,imageDigest=${h.digests.v2}`,
        imageId: { imageTag: 'v1', imageDigest: h.digests.v2 },
        failureCode: 'ImageTagDoesNotMatchDigest',
        failureReason: 'Invalid request parameters: given tag does not map to the given digest'
      }
    ])
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`imageTag=v1,imageDigest=${h.digests.v2} in app: ImageTagDoesNotMatchDigest`)
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('splits more than 100 ids into requests of at most 100 and asks each distinct id once', async () => {
    const tags = Array.from({ length: 250 }, (_, index) => `t${index}`)
    for (const tag of tags.slice(0, 120)) h.fake.putImage({ repository: 'many', tags: [tag], manifest: ociManifest(`many-${tag}`) })
    const ids = [...tags, ...tags.slice(0, 30)].join('\n')
    const run = await h.run({ 'repository-name': 'many', 'image-ids': ids, 'fail-on': 'none' })
    expect(run.code).toBe(0)
    const requests = h.fake.requestsFor()
    expect(requests).toHaveLength(3)
    const sizes = requests.map((request) => request.body.imageIds.length as number).sort((a, b) => b - a)
    expect(sizes).toEqual([100, 100, 50])
    const images = json<ImageOut[]>(run, 'images')
    expect(images.map((image) => image.imageId.imageTag)).toEqual(tags.slice(0, 120))
    expect(json<FailureOut[]>(run, 'failures').map((failure) => failure.imageId.imageTag)).toEqual(tags.slice(120))
  })

  it('names the repository and registry when the repository does not exist', async () => {
    const run = await h.run({ 'repository-name': 'team/missing', 'image-ids': 'v1', 'registry-id': '000011112222' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^::error::Repository 'team\/missing' in registry 000011112222 \(eu-west-1\) does not exist\./)
    expect(run.outputs.found).toBe('false')
    expect(h.fake.requestsFor()).toHaveLength(1)
  })

  it('looks up a cross-account registry and pins the reference to it', async () => {
    const digest = h.fake.putImage({ repository: 'shared/base', registryId: '012345678901', tags: ['v9'], manifest: ociManifest('x') })
    const run = await h.run({ 'repository-name': 'shared/base', 'image-ids': 'v9', 'registry-id': '012345678901' })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()[0]?.body.registryId).toBe('012345678901')
    expect(run.outputs['image-uri']).toBe(`012345678901.dkr.ecr.eu-west-1.amazonaws.com/shared/base@${digest}`)
  })

  it('sends the accepted media types, so ECR converts only when asked', async () => {
    const asIs = await h.run({ 'repository-name': 'app', 'image-ids': 'v2-oci' })
    expect(h.fake.requestsFor()[0]?.body.acceptedMediaTypes).toEqual([
      MEDIA_TYPES.ociIndex,
      MEDIA_TYPES.dockerList,
      MEDIA_TYPES.ociManifest,
      MEDIA_TYPES.dockerV2
    ])
    expect(asIs.outputs['media-type']).toBe(MEDIA_TYPES.ociManifest)
    const converted = await h.run({
      'repository-name': 'app',
      'image-ids': 'v2-oci',
      'accepted-media-types': MEDIA_TYPES.dockerV2
    })
    expect(converted.code).toBe(0)
    expect(converted.outputs['media-type']).toBe(MEDIA_TYPES.dockerV2)
    expect(converted.outputs.digest).toBe(h.digests.v2)
    expect(sha256Digest(converted.outputs.manifest ?? '')).not.toBe(h.digests.v2)
    // The digest of a manifest ECR may have converted is not checked, and the log says so.
    expect(converted.stdout).toContain(
      '✔ v2-oci in app: found ' +
        h.digests.v2 +
        ` (${MEDIA_TYPES.dockerV2}) — digest not verified: looked up by tag with accepted-media-types narrowed, so ECR may have converted it`
    )
  })

  it('reads quoted shorthand values as the AWS CLI does, never as tags with quotes', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': `imageTag="v1" imageTag='v2-oci' "latest"` })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }, { imageTag: 'v2-oci' }, { imageTag: 'latest' }])
    expect(Object.keys(json(run, 'digests'))).toEqual(['imageTag="v1"', "imageTag='v2-oci'", '"latest"'])
  })

  it('puts a whole-call error in the job summary in its own words', async () => {
    const run = await h.run({ images: 'nope/repo:v1' })
    expect(run.code).toBe(1)
    expect(run.summary).toContain('**The lookup failed:** Repository &#39;nope/repo&#39; in the caller&#39;s registry')
    expect(run.summary).toContain('| `nope/repo:v1` | ❌ not checked (a request failed) |')
  })

  it('writes a markdown job summary, and skips it without error when GITHUB_STEP_SUMMARY is unset', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'v1 nope', 'fail-on': 'none' })
    expect(run.summary).toContain('| Reference | Result | Digest | Media type | Pinned reference | Registry | Region |')
    expect(run.summary).toContain(
      `| \`v1\` | ✅ found | \`${h.digests.v1}\` | \`application/vnd.docker.distribution.manifest.v2+json\` | \`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${h.digests.v1}\` | 123456789012 | eu-west-1 |`
    )
    expect(run.summary).toMatch(
      /\| `nope` \| ⚠️ missing \(ImageNotFound\\: Requested image not found\) \| {2}\| {2}\| {2}\| the caller's \| eu-west-1 \|/
    )
    const local = await h.run({ 'repository-name': 'app', 'image-ids': 'v1' }, {}, false)
    expect(local.code).toBe(0)
    expect(local.summary).toBe('')
    expect(local.errors).toEqual([])
  })

  it('sends a custom user agent and signs for the resolved region', async () => {
    await h.run({ 'repository-name': 'app', 'image-ids': 'v1' })
    const [request] = h.fake.requestsFor()
    expect(request?.userAgent).toMatch(/ecr-image-lookup-action\/\d+\.\d+\.\d+/)
    expect(request?.region).toBe('eu-west-1')
  })

  it('pins references with the partition DNS suffix in China', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'v1', 'aws-region': 'cn-north-1' })
    expect(run.code).toBe(0)
    expect(run.outputs['image-uri']).toBe(`${FAKE_ACCOUNT_ID}.dkr.ecr.cn-north-1.amazonaws.com.cn/app@${h.digests.v1}`)
  })
})

describe.each(NODES)('region resolution on $label', ({ path }) => {
  const h = useHarness(path)
  const inputs = { 'repository-name': 'app', 'image-ids': 'v1' }

  it.each([
    [
      'the aws-region input',
      { 'aws-region': 'ap-southeast-2' },
      { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' },
      'ap-southeast-2'
    ],
    ['AWS_REGION', {}, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' }, 'us-east-1'],
    ['AWS_DEFAULT_REGION', {}, { AWS_REGION: undefined, AWS_DEFAULT_REGION: 'us-west-2' }, 'us-west-2'],
    ['AWS_DEFAULT_REGION when AWS_REGION is empty', {}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-central-1' }, 'eu-central-1']
  ])('takes the region from %s', async (_label, extra, env, region) => {
    const run = await h.run({ ...inputs, ...extra }, env)
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor().map((request) => request.region)).toEqual([region])
    expect(run.outputs['image-uri']).toContain(`.dkr.ecr.${region}.amazonaws.com/`)
  })

  it('fails with a clear error when no region is set anywhere', async () => {
    const run = await h.run(inputs, { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      '::error::No AWS region: set the aws-region input, or AWS_REGION (aws-actions/configure-aws-credentials sets it with its aws-region input).'
    ])
    expect(h.fake.requestsFor()).toHaveLength(0)
  })
})

describe.each(NODES)('answers matched by tag and digest, not position, on $label', ({ path }) => {
  // This fake returns a digest lookup once per tag of the image, in its own order.
  const h = useHarness(path, { digestLookupTags: 'each' })

  it('matches every requested id and reports each once', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': `nope ${h.digests.v1} latest v1 ${h.digests.v1}` })
    expect(run.code).toBe(1)
    expect(h.fake.requestsFor()[0]?.body.imageIds).toHaveLength(4)
    const images = json<ImageOut[]>(run, 'images')
    expect(images.map((image) => image.imageId.imageDigest)).toEqual([h.digests.v1, h.digests.v1, h.digests.v1])
    expect(images.map((image) => image.imageId.imageTag)).toEqual(['v1', 'latest', 'v1'])
    expect(json<FailureOut[]>(run, 'failures')).toEqual([expect.objectContaining({ imageId: { imageTag: 'nope' } })])
    expect(run.outputs.digest).toBe(h.digests.v1)
  })

  it('reports an id that gets neither an image nor a failure back as missing', async () => {
    h.fake.intercept(({ res, request }) => {
      const [first] = request.body.imageIds
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify({ failures: [{ imageId: first, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }] }))
      return true
    })
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'gone v1' })
    expect(run.code).toBe(1)
    expect(json<FailureOut[]>(run, 'failures').map((failure) => failure.failureCode)).toEqual(['ImageNotFound', 'ImageNotReturned'])
    expect(run.errors).toHaveLength(2)
    expect(run.errors[1]).toContain('ImageNotReturned: the answer held neither an image nor a failure for this id')
  })

  it('names the id a server answered for instead of the one asked (tag echoed wrong, as emulators do)', async () => {
    h.fake.intercept(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify({
          failures: [{ imageId: { imageTag: 'null' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }]
        })
      )
      return true
    })
    const run = await h.run({ images: 'app:v1', 'fail-on': 'none' })
    expect(run.warnings).toEqual([
      expect.stringContaining(
        'ImageNotReturned: the answer held nothing for this id, but answered for a failure with imageTag="null": real ECR answers for the id it was asked, so an emulator or a proxy may be in the way'
      )
    ])
  })
})
