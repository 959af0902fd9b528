// promote() against an ECR held in memory: the plan is read before any write, conflicts write
// nothing, new tags go before moved ones, "already exists" is judged by reading the tag again, and
// the first failure stops the writes.
import { describe, expect, it } from '@jest/globals'
import { DeadlineError } from '../../../src/deadline.js'
import { sha256 } from '../../../src/ecr/digest.js'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import type { PutTarget } from '../../../src/ecr/put-image.js'
import { DEFAULT_MEDIA_TYPES, type ImageRequest } from '../../../src/image.js'
import type { PromoteSettings } from '../../../src/inputs/promote.js'
import { type PromotionEcr, promote } from '../../../src/promote/promote.js'
import type { FoundVerdict } from '../../../src/verdict/policy.js'
import { request } from '../../../__fixtures__/images.js'

const MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json'

function foundImage(repositoryName: string, seed: string, tag = 'sha-1'): FoundVerdict {
  const manifest = `{"mediaType":"${MEDIA_TYPE}","seed":"${seed}"}`
  return {
    request: request({ tag }, { repositoryName, requested: `${repositoryName}:${tag}` }),
    status: 'found',
    image: {
      registryId: '123456789012',
      repositoryName,
      imageId: { imageTag: tag, imageDigest: sha256(manifest) },
      imageManifest: manifest,
      imageManifestMediaType: MEDIA_TYPE
    }
  }
}

const APP = foundImage('app', 'app')
const API = foundImage('team/api', 'api')
const digestOf = (verdict: FoundVerdict): string => verdict.image.imageId?.imageDigest ?? ''
const OTHER = sha256('other')

/** Tags by `repository:tag`; put() follows ECR, with `answers` to make a tag's write fail. */
function memoryEcr(tags: Record<string, string>, answers: Record<string, () => Error> = {}, immutable = false) {
  const store = new Map(Object.entries(tags))
  const puts: string[] = []
  let reads = 0
  const ecr: PromotionEcr = {
    readTags: async (requests: ImageRequest[]): Promise<LookupResult[]> => {
      reads++
      return requests.map((asked) => {
        const digest = store.get(`${asked.repositoryName}:${asked.id.tag}`)
        return digest !== undefined
          ? { request: asked, status: 'found', image: { imageId: { imageTag: asked.id.tag, imageDigest: digest } } }
          : { request: asked, status: 'failed', failure: { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' } }
      })
    },
    put: async (target: PutTarget): Promise<void> => {
      const key = `${target.repositoryName}:${target.tag}`
      puts.push(key)
      const answer = answers[key]
      if (answer) throw answer()
      const current = store.get(key)
      if (current === target.digest) throw named('ImageAlreadyExistsException')
      if (current !== undefined && immutable) throw named('ImageTagAlreadyExistsException')
      store.set(key, target.digest)
    }
  }
  return { ecr, store, puts, reads: () => reads }
}

function named(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), { name, $fault: 'client', ...fields })
}

const settings = (overrides: Partial<PromoteSettings> = {}): PromoteSettings => ({
  tags: ['v1.4.0', 'prod'],
  overwrite: 'never',
  dryRun: false,
  ...overrides
})
const context = { acceptedMediaTypes: DEFAULT_MEDIA_TYPES, deadline: { expired: false, timeoutMs: 300_000 }, log: () => undefined }

describe('promote', () => {
  it('creates every tag on every image, reading all of them first in one read', async () => {
    const memory = memoryEcr({})
    const promotion = await promote([APP, API], settings(), memory.ecr, context)
    expect(promotion).toEqual({
      result: 'success',
      tags: [
        { repository: 'app', registryId: '123456789012', tag: 'v1.4.0', digest: digestOf(APP), previousDigest: null, result: 'created' },
        { repository: 'app', registryId: '123456789012', tag: 'prod', digest: digestOf(APP), previousDigest: null, result: 'created' },
        {
          repository: 'team/api',
          registryId: '123456789012',
          tag: 'v1.4.0',
          digest: digestOf(API),
          previousDigest: null,
          result: 'created'
        },
        { repository: 'team/api', registryId: '123456789012', tag: 'prod', digest: digestOf(API), previousDigest: null, result: 'created' }
      ]
    })
    expect(memory.reads()).toBe(1)
    expect(memory.puts).toEqual(['app:v1.4.0', 'app:prod', 'team/api:v1.4.0', 'team/api:prod'])
  })

  it('a rerun writes nothing: every tag unchanged', async () => {
    const memory = memoryEcr({ 'app:v1.4.0': digestOf(APP), 'app:prod': digestOf(APP) })
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(promotion.result).toBe('success')
    expect(promotion.tags.map((tag) => tag.result)).toEqual(['unchanged', 'unchanged'])
    expect(memory.puts).toEqual([])
  })

  it('under never, a tag on another image fails before any write, the new tags included', async () => {
    const memory = memoryEcr({ 'team/api:prod': OTHER })
    const promotion = await promote([APP, API], settings(), memory.ecr, context)
    expect(memory.puts).toEqual([])
    expect(promotion.result).toBe('failed')
    expect(promotion.tags.map((tag) => `${tag.repository}:${tag.tag} ${tag.result} ${tag.error ?? ''}`)).toEqual([
      'app:v1.4.0 skipped ',
      'app:prod skipped ',
      'team/api:v1.4.0 skipped ',
      'team/api:prod failed TagOnAnotherImage'
    ])
    expect(promotion.tags[3]?.previousDigest).toBe(OTHER)
    expect(promotion.failure).toMatch(
      /^Not promoted: team\/api:prod \(on sha256:\w+, not sha256:\w+\) is already on another image and promote-overwrite is never, so no tag was written\. Set promote-overwrite: always/
    )
  })

  it('under always, writes the new tags first, then moves the others in input order', async () => {
    const memory = memoryEcr({ 'app:v1.4.0': OTHER, 'team/api:prod': OTHER })
    const promotion = await promote([APP, API], settings({ overwrite: 'always' }), memory.ecr, context)
    expect(memory.puts).toEqual(['app:prod', 'team/api:v1.4.0', 'app:v1.4.0', 'team/api:prod'])
    expect(promotion.tags.map((tag) => tag.result)).toEqual(['moved', 'created', 'created', 'moved'])
    expect(promotion.tags[0]?.previousDigest).toBe(OTHER)
    expect(promotion.result).toBe('success')
  })

  it('a dry run plans and writes nothing; its conflicts still fail', async () => {
    const memory = memoryEcr({ 'app:prod': OTHER, 'app:v1.4.0': digestOf(APP) })
    const planned = await promote([APP], settings({ dryRun: true, overwrite: 'always' }), memory.ecr, context)
    expect(planned.result).toBe('dry-run')
    expect(planned.tags.map((tag) => tag.result)).toEqual(['unchanged', 'planned'])
    expect(planned.failure).toBeUndefined()
    const refused = await promote([APP], settings({ dryRun: true }), memory.ecr, context)
    expect(refused.result).toBe('failed')
    expect(refused.failure).toMatch(/so no tag would be written/)
    expect(memory.puts).toEqual([])
  })

  it('reads the tag again on "already exists", whichever code: on this image is unchanged, on another is immutable', async () => {
    // A tag created between the read and the write: by this image (a concurrent rerun), or another.
    for (const code of ['ImageAlreadyExistsException', 'ImageTagAlreadyExistsException']) {
      const memory = memoryEcr({})
      memory.ecr.put = async (target) => {
        memory.store.set(`${target.repositoryName}:${target.tag}`, target.tag === 'prod' ? OTHER : target.digest)
        throw named(code)
      }
      const promotion = await promote([APP], settings(), memory.ecr, context)
      expect(promotion.tags.map((tag) => tag.result)).toEqual(['unchanged', 'failed'])
      expect(promotion.tags[1]).toMatchObject({ error: 'TagImmutable', previousDigest: OTHER })
      expect(promotion.result).toBe('failed')
      expect(promotion.failure).toMatch(
        new RegExp(`^Promotion stopped at app:prod: it is on sha256:\\w+ and cannot be moved: the tag is immutable in 'app' \\(${code}\\)`)
      )
    }
  })

  it('says so when ECR answers "already exists" and the tag cannot be found on reading it back', async () => {
    const memory = memoryEcr({}, { 'app:v1.4.0': () => named('ImageTagAlreadyExistsException') })
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(promotion.tags[0]).toMatchObject({ result: 'failed', error: 'ImageTagAlreadyExistsException' })
    expect(promotion.failure).toMatch(
      /ECR answered ImageTagAlreadyExistsException \(the tag exists\), but reading the tag back found no image; rerun/
    )
  })

  it('stops at the first failure: what was written is kept, the rest is not attempted (partial)', async () => {
    const memory = memoryEcr({}, { 'team/api:v1.4.0': () => named('LayersNotFoundException') })
    const promotion = await promote([APP, API], settings(), memory.ecr, context)
    expect(memory.puts).toEqual(['app:v1.4.0', 'app:prod', 'team/api:v1.4.0'])
    expect(promotion.tags.map((tag) => tag.result)).toEqual(['created', 'created', 'failed', 'skipped'])
    expect(promotion.tags[2]?.error).toBe('LayersNotFoundException')
    expect(promotion.result).toBe('partial')
    expect(promotion.failure).toMatch(
      /^Promotion stopped at team\/api:v1\.4\.0: ECR does not have the layers of sha256:\w+ in 'team\/api'.* 2 tag\(s\) were written before it, 1 not attempted/
    )
  })

  it('a first write that fails is failed, not partial', async () => {
    const memory = memoryEcr({}, { 'app:v1.4.0': () => named('AccessDeniedException') })
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(promotion.result).toBe('failed')
    expect(promotion.failure).toMatch(/Access denied tagging v1\.4\.0 in 'app'.*ecr:PutImage/)
  })

  it('a write the deadline cut short may or may not have happened, and says so', async () => {
    const memory = memoryEcr({}, { 'app:v1.4.0': () => new DeadlineError(60_000) })
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(promotion.tags[0]?.error).toBe('TimedOut')
    expect(promotion.failure).toMatch(/the step's timeout of 5m passed while it was being written, so ECR may or may not have written it/)
  })

  it('writes no more once the deadline has passed', async () => {
    const memory = memoryEcr({})
    const deadline = { expired: false, timeoutMs: 60_000 }
    const put = memory.ecr.put
    memory.ecr.put = async (target) => {
      await put(target)
      deadline.expired = true
    }
    const promotion = await promote([APP], settings(), memory.ecr, { ...context, deadline })
    expect(memory.puts).toEqual(['app:v1.4.0'])
    expect(promotion.result).toBe('partial')
    expect(promotion.tags.map((tag) => tag.result)).toEqual(['created', 'skipped'])
    expect(promotion.failure).toMatch(/^Timed out: the step's timeout of 1m passed before app:prod could be written/)
  })

  it('writes nothing when the deadline passes while the tags are read', async () => {
    const memory = memoryEcr({})
    const deadline = { expired: false, timeoutMs: 60_000 }
    const read = memory.ecr.readTags
    memory.ecr.readTags = async (requests) => {
      deadline.expired = true
      return read(requests)
    }
    const promotion = await promote([APP], settings(), memory.ecr, { ...context, deadline })
    expect(memory.puts).toEqual([])
    expect(promotion.result).toBe('failed')
    expect(promotion.failure).toMatch(/^Timed out: the step's timeout of 1m passed while the promote-tags were read, so no tag was written/)
  })

  it('writes nothing when a tag cannot be read first', async () => {
    const memory = memoryEcr({})
    memory.ecr.readTags = async (requests) =>
      requests.map((asked) => ({ request: asked, status: 'failed', failure: { failureCode: 'KmsError', failureReason: 'key disabled' } }))
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(memory.puts).toEqual([])
    expect(promotion.failure).toBe(
      'No tag was written: reading the promote-tags first failed. ECR answered KmsError: key disabled for app:v1.4.0.'
    )
    expect(promotion.tags[0]).toMatchObject({ result: 'failed', error: 'TagNotRead' })
  })

  it("never says ECR answered one of this action's own codes", async () => {
    const memory = memoryEcr({})
    memory.ecr.readTags = async (requests) =>
      requests.map((asked) => ({
        request: asked,
        status: 'failed',
        failure: { failureCode: 'ImageNotReturned', failureReason: 'the answer held neither an image nor a failure for this id' }
      }))
    const promotion = await promote([APP], settings(), memory.ecr, context)
    expect(promotion.failure).toBe(
      'No tag was written: reading the promote-tags first failed. Reading app:v1.4.0 failed: ImageNotReturned: the answer held neither an image nor a failure for this id.'
    )
  })

  it('never promotes a manifest that does not hash to its digest, or one ECR may have converted', async () => {
    const corrupt: FoundVerdict = { ...APP, image: { ...APP.image, imageManifest: `${APP.image.imageManifest}\n` } }
    const memory = memoryEcr({})
    const refused = await promote([API, corrupt], settings(), memory.ecr, context)
    expect(memory.puts).toEqual([])
    expect(refused.result).toBe('failed')
    expect(refused.failure).toMatch(/^Not promoted: app:sha-1 has a manifest that hashes to sha256:\w+, not to its digest sha256:\w+/)
    expect(refused.tags.map((tag) => `${tag.repository} ${tag.result}`)).toEqual([
      'app failed',
      'app failed',
      'team/api skipped',
      'team/api skipped'
    ])
    const converted = await promote([APP], settings(), memory.ecr, { ...context, acceptedMediaTypes: [MEDIA_TYPE] })
    expect(converted.failure).toMatch(/accepted-media-types narrowed, so ECR may have converted its manifest/)
    expect(memory.puts).toEqual([])
  })

  it('promotes one image once, however many requests found it', async () => {
    const again: FoundVerdict = { ...APP, request: { ...APP.request, requested: 'app:other-name' } }
    const memory = memoryEcr({})
    const promotion = await promote([APP, again], settings({ tags: ['prod'] }), memory.ecr, context)
    expect(memory.puts).toEqual(['app:prod'])
    expect(promotion.tags).toHaveLength(1)
  })
})
