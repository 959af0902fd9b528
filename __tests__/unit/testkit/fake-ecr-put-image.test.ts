// The fake ECR answers PutImage as ECR documents it (public emulators accept what ECR rejects): these
// cases pin down each answer, through the real SDK, so the end-to-end tests of promotion rest on them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ECRClient, PutImageCommand, type PutImageCommandInput } from '@aws-sdk/client-ecr'
import { FAKE_CREDENTIALS, FakeEcr } from '../../../testkit/fake-ecr/index.js'
import { tagIsImmutable } from '../../../testkit/fake-ecr/put-image.js'
import { imageIndex, ociManifest, sha256Digest } from '../../../testkit/manifests.js'

const fake = new FakeEcr()
let client: ECRClient
const manifest = ociManifest('put-v1')
const digest = fake.putImage({ repository: 'app', tags: ['v1'], manifest })
const other = fake.putImage({ repository: 'app', tags: ['v2'], manifest: ociManifest('put-v2') })
/** An OCI manifest without its own mediaType field, as some tools write it. */
const bare = JSON.stringify({ schemaVersion: 2, ...JSON.parse(manifest), mediaType: undefined })
fake.putImage({ repository: 'app', manifest: bare, mediaType: 'application/vnd.oci.image.manifest.v1+json' })
fake.createRepository('locked', { imageTagMutability: 'IMMUTABLE' })
fake.putImage({ repository: 'locked', tags: ['v1'], manifest })
fake.putImage({ repository: 'locked', tags: ['v2'], manifest: ociManifest('put-v2') })

beforeAll(async () => {
  const endpoint = await fake.start()
  client = new ECRClient({ region: 'eu-west-1', endpoint, credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 })
})
afterAll(async () => {
  client.destroy()
  await fake.stop()
})

async function put(input: Partial<PutImageCommandInput>): Promise<string> {
  try {
    const answer = await client.send(new PutImageCommand({ repositoryName: 'app', imageManifest: manifest, ...input }))
    return `ok ${answer.image?.imageId?.imageTag}@${answer.image?.imageId?.imageDigest}`
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

describe('the fake ECR PutImage', () => {
  it('creates a tag, and answers ImageAlreadyExistsException when the tag already points at the digest', async () => {
    expect(await put({ imageTag: 'new', imageDigest: digest })).toBe(`ok new@${digest}`)
    expect(fake.tagDigest('app', 'new')).toBe(digest)
    expect(await put({ imageTag: 'new', imageDigest: digest })).toMatch(/^ImageAlreadyExistsException: Image with digest/)
  })

  it('moves a mutable tag, and refuses an immutable one with ImageTagAlreadyExistsException', async () => {
    expect(await put({ imageTag: 'v2' })).toBe(`ok v2@${digest}`)
    expect(await put({ repositoryName: 'locked', imageTag: 'v2' })).toMatch(
      /^ImageTagAlreadyExistsException: .*cannot be overwritten because the tag is immutable/
    )
    expect(fake.tagDigest('locked', 'v2')).toBe(sha256Digest(ociManifest('put-v2')))
    expect(other).not.toBe(digest)
  })

  it('needs a media type: a manifest without a mediaType field and no imageManifestMediaType is "Invalid JSON syntax"', async () => {
    expect(await put({ imageManifest: bare, imageTag: 'bare' })).toMatch(/^InvalidParameterException: .*Invalid JSON syntax/)
    expect(await put({ imageManifest: bare, imageTag: 'bare', imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' })).toBe(
      `ok bare@${sha256Digest(bare)}`
    )
    expect(await put({ imageManifest: '{not json', imageTag: 'x' })).toMatch(/^InvalidParameterException: .*Invalid JSON syntax/)
  })

  it('rejects bytes that do not hash to imageDigest, tags ECR does not allow, and missing layers or children', async () => {
    expect(await put({ imageManifest: `${manifest}\n`, imageDigest: digest, imageTag: 'x' })).toMatch(/^ImageDigestDoesNotMatchException/)
    expect(await put({ imageTag: 'has space' })).toMatch(/^InvalidParameterException: .*imageTag/)
    expect(await put({ imageTag: 'x'.repeat(301) })).toMatch(/^InvalidParameterException: .*imageTag/)
    expect(await put({ imageManifest: ociManifest('never-pushed'), imageTag: 'x' })).toMatch(/^LayersNotFoundException/)
    const index = imageIndex([{ manifest: ociManifest('child-never-pushed'), platform: { os: 'linux', architecture: 'amd64' } }])
    expect(await put({ imageManifest: index, imageTag: 'x' })).toMatch(/^ReferencedImagesNotFoundException/)
    expect(await put({ repositoryName: 'nope', imageTag: 'x' })).toMatch(/^RepositoryNotFoundException/)
    fake.deniedPut.add('app')
    expect(await put({ imageTag: 'x' })).toMatch(/^AccessDeniedException: .*ecr:PutImage/)
    fake.deniedPut.delete('app')
  })

  it('answers an immutable conflict with ImageAlreadyExistsException when told to, like moto', async () => {
    fake.immutableConflictCode = 'ImageAlreadyExistsException'
    expect(await put({ repositoryName: 'locked', imageTag: 'v2' })).toMatch(/^ImageAlreadyExistsException: Image with tag 'v2'/)
    fake.immutableConflictCode = 'ImageTagAlreadyExistsException'
  })
})

describe('tagIsImmutable', () => {
  const repository = (mutability: string, filters: string[] = []) =>
    ({ mutability, exclusionFilters: filters.map((filter) => ({ filterType: 'WILDCARD', filter })) }) as Parameters<
      typeof tagIsImmutable
    >[0]
  it.each([
    ['MUTABLE', [], 'v1', false],
    ['IMMUTABLE', [], 'latest', true],
    ['IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], 'latest', false],
    ['IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], 'dev-42', false],
    ['IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], 'v1.4.0', true],
    ['IMMUTABLE_WITH_EXCLUSION', ['*.rc'], 'v1.rc', false],
    ['IMMUTABLE_WITH_EXCLUSION', ['*.rc'], 'v1xrc', true],
    ['MUTABLE_WITH_EXCLUSION', ['v*'], 'v1.4.0', true],
    ['MUTABLE_WITH_EXCLUSION', ['v*'], 'prod', false]
  ])('%s with %j: %s immutable is %s', (mutability, filters, tag, immutable) => {
    expect(tagIsImmutable(repository(mutability, filters), tag)).toBe(immutable)
  })
})
