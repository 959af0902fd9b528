// outputs.ts and summary.ts with @actions/core mocked: what the step writes for each kind of verdict.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { DIGEST_A, DIGEST_B, image, request } from '../../__fixtures__/images.js'

jest.unstable_mockModule('../../src/actions-core.js', () => core)
const { imagesData, writeOutputs, logVerdicts, IMAGES_OUTPUT_LIMIT, MANIFEST_OUTPUT_LIMIT } = await import('../../src/outputs.js')
const { summaryMarkdown } = await import('../../src/summary.js')
const { evaluate } = await import('../../src/policy.js')

const outputs = (): Record<string, string> => Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)]))

describe('writeOutputs', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it('writes the first found image, digests keyed as written, and pinned references', () => {
    const report = evaluate(
      [
        { request: request({ tag: 'nope' }), status: 'failed', failure: { imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound' } },
        { request: request({ tag: 'v1' }, { requested: 'app:v1' }), status: 'found', image: image('v1', DIGEST_A), platformDigest: DIGEST_B },
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

describe('logVerdicts', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it('writes plain lines in runs and keeps annotations in request order', () => {
    const report = evaluate(
      [
        { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) },
        { request: request({ tag: 'v2' }), status: 'found', image: image('v2', DIGEST_A) },
        { request: request({ tag: 'gone' }), status: 'failed', failure: { failureCode: 'ImageNotFound', failureReason: 'x\n::error::y' } },
        { request: request({ tag: 'v3' }), status: 'found', image: image('v3', DIGEST_A) }
      ],
      { kind: 'all' }
    )
    const order: string[] = []
    core.info.mockImplementation((line) => void order.push(`info:${line.split('\n').length}`))
    core.error.mockImplementation((line) => void order.push(`error:${line}`))
    logVerdicts(report)
    expect(order).toEqual(['info:2', 'error:gone in app: ImageNotFound: x\\u000a::error::y', 'info:1'])
  })
})

describe('summaryMarkdown', () => {
  it('has one row per image with its result, escaping server text', () => {
    const report = evaluate(
      [
        { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) },
        { request: request({ tag: 'v9' }), status: 'failed', failure: { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' } },
        { request: request({ tag: 'p' }), status: 'failed', failure: { failureCode: 'PlatformNotFound', failureReason: '<b>no</b> | arm' } },
        { request: request({ tag: 'e' }), status: 'error', error: new Error('x') }
      ],
      { kind: 'codes', codes: new Set(['PlatformNotFound']) }
    )
    const lines = summaryMarkdown(report).split('\n')
    expect(lines).toContain('1 of 4 found.')
    expect(lines.filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))).toEqual([
      '| Reference | Result | Digest | Media type |',
      `| v1 | ✅ found | ${DIGEST_A.replace(':', '\\:')} | application/vnd\\.oci\\.image\\.manifest\\.v1\\+json |`,
      '| v9 | ⚠️ missing (ImageNotFound\\: Requested image not found) |  |  |',
      '| p | ❌ platform missing (PlatformNotFound\\: &lt;b&gt;no&lt;/b&gt; \\| arm) |  |  |',
      '| e | ❌ not looked up (request failed) |  |  |'
    ])
  })
})
