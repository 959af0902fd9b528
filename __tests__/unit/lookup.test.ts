// lookupImages with the SDK mocked: batching, de-duplication, matching by tag and digest, errors per request.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { lookupImages, matchResults } from '../../src/lookup.js'
import { DIGEST_A, DIGEST_B, image } from '../../__fixtures__/images.js'

const ecr = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1' })
const request = { repositoryName: 'app', acceptedMediaTypes: ['application/vnd.oci.image.manifest.v1+json'] }

describe('lookupImages', () => {
  beforeEach(() => {
    ecr.reset()
  })

  it('asks each distinct id once, in requests of at most 100, and answers every requested id in order', async () => {
    ecr.on(BatchGetImageCommand).callsFake(async (input: { imageIds: { imageTag: string }[] }) => ({
      images: input.imageIds.filter((id) => Number(id.imageTag.slice(1)) % 2 === 0).map((id) => image(id.imageTag, DIGEST_A)),
      failures: input.imageIds
        .filter((id) => Number(id.imageTag.slice(1)) % 2 === 1)
        .map((id) => ({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }))
    }))
    const tags = Array.from({ length: 205 }, (_, index) => ({ tag: `t${index}` }))
    const results = await lookupImages(client, { ...request, imageIds: [...tags, { tag: 't3' }] })
    const calls = ecr.commandCalls(BatchGetImageCommand)
    expect(calls.map((call) => call.args[0].input.imageIds?.length)).toEqual([100, 100, 5])
    expect(calls[0]?.args[0].input).toMatchObject({ repositoryName: 'app', acceptedMediaTypes: request.acceptedMediaTypes })
    expect(calls[0]?.args[0].input).not.toHaveProperty('registryId')
    expect(results).toHaveLength(206)
    expect(results.map((result) => result.status).slice(0, 4)).toEqual(['found', 'failed', 'found', 'failed'])
    expect(results[205]).toMatchObject({ id: { tag: 't3' }, status: 'failed' })
  })

  it('passes registryId only when given', async () => {
    ecr.on(BatchGetImageCommand).resolves({})
    await lookupImages(client, { ...request, registryId: '012345678901', imageIds: [{ tag: 'v1' }] })
    expect(ecr.commandCalls(BatchGetImageCommand)[0]?.args[0].input.registryId).toBe('012345678901')
  })

  it('turns a failed request into an error result for each of its ids, keeping other requests', async () => {
    const boom = Object.assign(new Error('nope'), { name: 'ServerException' })
    ecr.on(BatchGetImageCommand).rejectsOnce(boom).resolves({ images: [image('t100', DIGEST_A)] })
    const ids = Array.from({ length: 101 }, (_, index) => ({ tag: `t${index}` }))
    const results = await lookupImages(client, { ...request, imageIds: ids })
    expect(results.filter((result) => result.status === 'error')).toHaveLength(100)
    expect(results[100]).toMatchObject({ status: 'found' })
  })
})

describe('matchResults', () => {
  it('matches by tag and digest regardless of order, and prefers images to failures', () => {
    const results = matchResults(
      [{ digest: DIGEST_B }, { tag: 'v1' }, { tag: 'v1', digest: DIGEST_B }, { tag: 'gone' }],
      [image('v1', DIGEST_A), image('latest', DIGEST_B)],
      [
        { imageId: { imageTag: 'v1', imageDigest: DIGEST_B }, failureCode: 'ImageTagDoesNotMatchDigest' },
        { imageId: { imageTag: 'gone' }, failureCode: 'ImageNotFound' }
      ]
    )
    expect(results.map((result) => (result.status === 'found' ? result.image.imageId?.imageDigest : result.status === 'failed' ? result.failure.failureCode : 'error'))).toEqual([
      DIGEST_B,
      DIGEST_A,
      'ImageTagDoesNotMatchDigest',
      'ImageNotFound'
    ])
  })

  it('does not take a failure for tag+digest as the answer for the bare tag', () => {
    const [result] = matchResults(
      [{ tag: 'v1' }],
      [],
      [{ imageId: { imageTag: 'v1', imageDigest: DIGEST_B }, failureCode: 'ImageTagDoesNotMatchDigest' }]
    )
    expect(result).toMatchObject({ status: 'failed', failure: { failureCode: 'ImageNotReturned', imageId: { imageTag: 'v1' } } })
  })
})
