// lookupImages with the SDK mocked: grouping, batching, de-duplication, matching, errors per request.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { clientPerRegion } from '../../../src/ecr/client.js'
import { MAX_CONCURRENT_REQUESTS, lookupImages, matchResults, planBatches } from '../../../src/ecr/lookup.js'
import { DIGEST_A, DIGEST_B, image, request } from '../../../__fixtures__/images.js'

const ecr = mockClient(ECRClient)
const regions: string[] = []
const options = {
  acceptedMediaTypes: ['application/vnd.oci.image.manifest.v1+json'],
  clientFor: clientPerRegion((region) => {
    regions.push(region)
    return new ECRClient({ region })
  })
}

describe('lookupImages', () => {
  beforeEach(() => {
    ecr.reset()
  })

  it('sends at most 16 requests at once, and that many when there are more', async () => {
    let inFlight = 0
    let most = 0
    ecr.on(BatchGetImageCommand).callsFake(async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight--
      return { images: [] }
    })
    const requests = Array.from({ length: 40 }, (_, index) => request({ tag: 'v1' }, { repositoryName: `r${index}` }))
    await lookupImages(requests, options)
    expect(MAX_CONCURRENT_REQUESTS).toBe(16)
    expect(most).toBe(16)
    expect(ecr.commandCalls(BatchGetImageCommand)).toHaveLength(40)
  })

  it('asks each distinct id once, in requests of at most 100, and answers every request in order', async () => {
    ecr.on(BatchGetImageCommand).callsFake(async (input: { imageIds: { imageTag: string }[] }) => ({
      images: input.imageIds.filter((id) => Number(id.imageTag.slice(1)) % 2 === 0).map((id) => image(id.imageTag, DIGEST_A)),
      failures: input.imageIds
        .filter((id) => Number(id.imageTag.slice(1)) % 2 === 1)
        .map((id) => ({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }))
    }))
    const tags = Array.from({ length: 205 }, (_, index) => request({ tag: `t${index}` }))
    const results = await lookupImages([...tags, request({ tag: 't3' })], options)
    const calls = ecr.commandCalls(BatchGetImageCommand)
    expect(calls.map((call) => call.args[0].input.imageIds?.length)).toEqual([100, 100, 5])
    expect(calls[0]?.args[0].input).toMatchObject({ repositoryName: 'app', acceptedMediaTypes: options.acceptedMediaTypes })
    expect(calls[0]?.args[0].input).not.toHaveProperty('registryId')
    expect(results).toHaveLength(206)
    expect(results.map((result) => result.status).slice(0, 4)).toEqual(['found', 'failed', 'found', 'failed'])
    expect(results[205]).toMatchObject({ request: { id: { tag: 't3' } }, status: 'failed' })
  })

  it('groups by repository, registry and region, with one client per region', async () => {
    ecr.on(BatchGetImageCommand).resolves({})
    const requests = [
      request({ tag: 'a' }),
      request({ tag: 'b' }, { repositoryName: 'other' }),
      request({ tag: 'c' }, { registryId: '012345678901' }),
      request({ tag: 'd' }, { region: 'us-east-1' }),
      request({ tag: 'e' })
    ]
    expect(planBatches(requests).map((batch) => batch.map((r) => r.id.tag))).toEqual([['a', 'e'], ['b'], ['c'], ['d']])
    await lookupImages(requests, options)
    const calls = ecr.commandCalls(BatchGetImageCommand).map((call) => call.args[0].input)
    expect(calls).toHaveLength(4)
    expect(calls.find((input) => input.registryId === '012345678901')?.imageIds).toEqual([{ imageTag: 'c' }])
    expect(regions.filter((region, index) => regions.indexOf(region) === index).sort()).toEqual(['eu-west-1', 'us-east-1'])
  })

  it('turns a failed request into an error result for each of its ids, keeping other requests', async () => {
    const boom = Object.assign(new Error('nope'), { name: 'ServerException' })
    ecr
      .on(BatchGetImageCommand)
      .rejectsOnce(boom)
      .resolves({ images: [image('t100', DIGEST_A)] })
    const requests = Array.from({ length: 101 }, (_, index) => request({ tag: `t${index}` }))
    const results = await lookupImages(requests, options)
    expect(results.filter((result) => result.status === 'error')).toHaveLength(100)
    expect(results[100]).toMatchObject({ status: 'found' })
  })
})

describe('matchResults', () => {
  it('matches by tag and digest regardless of order, and prefers images to failures', () => {
    const results = matchResults(
      [request({ digest: DIGEST_B }), request({ tag: 'v1' }), request({ tag: 'v1', digest: DIGEST_B }), request({ tag: 'gone' })],
      [image('v1', DIGEST_A), image('latest', DIGEST_B)],
      [
        { imageId: { imageTag: 'v1', imageDigest: DIGEST_B }, failureCode: 'ImageTagDoesNotMatchDigest' },
        { imageId: { imageTag: 'gone' }, failureCode: 'ImageNotFound' }
      ]
    )
    expect(
      results.map((result) =>
        result.status === 'found' ? result.image.imageId?.imageDigest : result.status === 'failed' ? result.failure.failureCode : 'error'
      )
    ).toEqual([DIGEST_B, DIGEST_A, 'ImageTagDoesNotMatchDigest', 'ImageNotFound'])
  })

  it('does not take a failure for tag+digest as the answer for the bare tag', () => {
    const [result] = matchResults(
      [request({ tag: 'v1' })],
      [],
      [{ imageId: { imageTag: 'v1', imageDigest: DIGEST_B }, failureCode: 'ImageTagDoesNotMatchDigest' }]
    )
    expect(result).toMatchObject({ status: 'failed', failure: { failureCode: 'ImageNotReturned', imageId: { imageTag: 'v1' } } })
  })

  it('says which ids the answer named instead, as an emulator or proxy would, and never that ECR said nothing', () => {
    const [other, echoedNull, empty] = [
      matchResults([request({ tag: 'v1' })], [image('v2', DIGEST_A)], []),
      matchResults([request({ tag: 'v1' })], [], [{ imageId: { imageTag: 'null' }, failureCode: 'ImageNotFound' }]),
      matchResults([request({ tag: 'v1' })], [], [])
    ].map(([result]) => (result?.status === 'failed' ? result.failure.failureReason : undefined))
    expect(other).toBe(
      `the answer held nothing for this id, but answered for an image with imageTag="v2", imageDigest="${DIGEST_A}": real ECR answers for the id it was asked, so an emulator or a proxy may be in the way`
    )
    expect(echoedNull).toMatch(/^the answer held nothing for this id, but answered for a failure with imageTag="null": real ECR/)
    expect(empty).toBe('the answer held neither an image nor a failure for this id')
  })
})
