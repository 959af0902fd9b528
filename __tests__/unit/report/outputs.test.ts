// outputs.ts with @actions/core mocked: the step outputs for each kind of verdict.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { DIGEST_A, DIGEST_B, image, request } from '../../../__fixtures__/images.js'

jest.unstable_mockModule('@actions/core', () => core)
const { imagesData, writeOutputs, IMAGES_OUTPUT_LIMIT, MANIFEST_OUTPUT_LIMIT } = await import('../../../src/report/outputs.js')
const { evaluate } = await import('../../../src/verdict/policy.js')

const outputs = (): Record<string, string> => Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)]))

describe('writeOutputs', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it('writes the first found image, digests keyed as written, and pinned references', () => {
    const report = evaluate(
      [
        { request: request({ tag: 'nope' }), status: 'failed', failure: { imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound' } },
        {
          request: request({ tag: 'v1' }, { requested: 'app:v1' }),
          status: 'found',
          image: image('v1', DIGEST_A),
          platformDigest: DIGEST_B
        },
        { request: request({ tag: 'v2' }, { region: 'cn-north-1' }), status: 'found', image: image('v2', DIGEST_B) }
      ],
      { kind: 'none' }
    )
    writeOutputs(report, imagesData(report), '/tmp/images.json')
    const written = outputs()
    expect(written.found).toBe('false')
    expect(written.digest).toBe(DIGEST_A)
    expect(written['platform-digest']).toBe(DIGEST_B)
    expect(written['platform-image-uri']).toBe(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST_B}`)
    expect(JSON.parse(written.digests ?? '')).toEqual({ 'app:v1': DIGEST_A, v2: DIGEST_B })
    expect(written['image-uris']?.split('\n')).toEqual([
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST_A}`,
      `123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app@${DIGEST_B}`
    ])
    expect(JSON.parse(written.failures ?? '')).toEqual([{ requested: 'nope', imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound' }])
    expect(written['images-file']).toBe('/tmp/images.json')
  })

  it('leaves manifests out of images past 512 KiB and the manifest output past 256 KiB, with warnings', () => {
    const big = 'x'.repeat(Math.max(IMAGES_OUTPUT_LIMIT / 2, MANIFEST_OUTPUT_LIMIT) + 1)
    const results = ['a', 'b'].map((tag) => ({
      request: request({ tag }),
      status: 'found' as const,
      image: { ...image(tag, DIGEST_A), imageManifest: big }
    }))
    const report = evaluate(results, { kind: 'all' })
    writeOutputs(report, imagesData(report))
    const written = outputs()
    expect(written.manifest).toBeUndefined()
    expect(JSON.parse(written.images ?? '')).toEqual([
      expect.not.objectContaining({ imageManifest: expect.anything() }),
      expect.not.objectContaining({ imageManifest: expect.anything() })
    ])
    expect(core.warning).toHaveBeenCalledTimes(2)
  })
})
