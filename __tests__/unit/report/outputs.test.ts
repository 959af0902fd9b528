// outputs.ts with @actions/core mocked: the step outputs for each kind of verdict.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { DIGEST_A, DIGEST_B, image, request } from '../../../__fixtures__/images.js'

jest.unstable_mockModule('@actions/core', () => core)
const {
  DEGRADE_ORDER,
  OUTPUTS_LIMIT,
  PROMOTED_LIMIT,
  computeOutputs,
  fitOutputs,
  imagesData,
  outputsSize,
  promotionReserve,
  writeOutputs,
  writePromotionOutputs
} = await import('../../../src/report/outputs.js')
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
    writeOutputs(report, imagesData(report), { imagesFile: '/tmp/images.json', failuresFile: '/tmp/failures.json' })
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
    expect(written['failures-file']).toBe('/tmp/failures.json')
  })

  it("keeps the outputs under GitHub's 1 MB, leaving out the manifest output first, with one warning", () => {
    const big = 'x'.repeat(350_000)
    const results = ['a', 'b'].map((tag) => ({
      request: request({ tag }),
      status: 'found' as const,
      image: { ...image(tag, DIGEST_A), imageManifest: big }
    }))
    const report = evaluate(results, { kind: 'all' })
    writeOutputs(report, imagesData(report), { imagesFile: '/tmp/images.json', failuresFile: '/tmp/failures.json' })
    const written = outputs()
    expect(written.manifest).toBeUndefined()
    expect(JSON.parse(written.images ?? '')).toEqual([
      expect.objectContaining({ imageManifest: big }),
      expect.objectContaining({ imageManifest: big })
    ])
    expect(core.warning).toHaveBeenCalledTimes(1)
    expect(core.warning.mock.calls[0]?.[0]).toMatch(
      /^The step outputs would total 1,05\d,\d{3} characters, .*left out the manifest output; the rest is kept\. Nothing is lost: every found image, manifests included, is in images-file \(\/tmp\/images\.json\)\.$/
    )
    expect(Object.entries(written).reduce((sum, [name, value]) => sum + name.length + value.length, 0)).toBeLessThan(OUTPUTS_LIMIT)
  })

  it('fails naming GITHUB_OUTPUT when the outputs cannot be written', () => {
    core.setOutput.mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    })
    process.env.GITHUB_OUTPUT = '/dev/full'
    const report = evaluate([], { kind: 'all' })
    expect(() => writeOutputs(report, imagesData(report))).toThrow(
      'Could not write the step outputs to GITHUB_OUTPUT (/dev/full): no space is left on the device (ENOSPC).'
    )
    delete process.env.GITHUB_OUTPUT
  })
})

describe('fitOutputs', () => {
  const many = Array.from({ length: 50 }, (_, index) => ({
    request: request({ tag: `t${index}` }),
    status: 'found' as const,
    image: { ...image(`t${index}`, DIGEST_A), imageManifest: 'm'.repeat(500) }
  }))
  const report = evaluate([...many, { request: request({ tag: 'nope' }), status: 'failed', failure: { failureCode: 'ImageNotFound' } }], {
    kind: 'all'
  })
  const images = imagesData(report)
  const full = computeOutputs(report, images, { imagesFile: '/tmp/images.json', failuresFile: '/tmp/failures.json' })
  const always = ['found', 'digest', 'image-uri', 'images-file', 'failures-file', 'media-type']

  it('as the limit shrinks, leaves out the least needed first, keeps every list that still fits, and always keeps found, digest, image-uri and the files', () => {
    let previous: string[] = []
    for (let limit = outputsSize(full) + 1; limit > 0; limit = Math.floor(limit * 0.9)) {
      const outputs = new Map(full)
      const leftOut = fitOutputs(outputs, images, limit)
      for (const kept of always) expect(outputs.has(kept)).toBe(true)
      // What was left out before is still left out: a smaller limit never brings an output back in,
      // except the small manifest output, which comes back once the images output is gone.
      const gone = (what: string): boolean =>
        leftOut.includes(what as (typeof DEGRADE_ORDER)[number]) ||
        (what === 'the manifests in the images output' && leftOut.includes('the images output'))
      for (const what of previous) if (what !== 'the manifest output') expect(gone(what)).toBe(true)
      expect(leftOut).toEqual(DEGRADE_ORDER.filter((what) => leftOut.includes(what)))
      if (outputsSize(outputs) >= limit) expect(outputs.size).toBe(always.length)
      // Every output left out would not have fitted beside what was kept.
      for (const [name, value] of full)
        if (!outputs.has(name)) expect(outputsSize(outputs) + name.length + value.length).toBeGreaterThanOrEqual(limit)
      previous = leftOut
    }
    expect(previous).toEqual(DEGRADE_ORDER.filter((what) => what !== 'the manifests in the images output' && what !== 'pinned-files'))
  })

  it.each([
    [
      'only the manifests in images do not fit',
      0.95,
      ['the manifests in the images output'],
      ['digests', 'failures', 'image-uris', 'images', 'manifest']
    ],
    ['the images do not fit', 0.5, ['the images output', 'image-uris'], ['digests', 'failures', 'manifest']]
  ])('%s: keeps what fits (%s of the size)', (_, share, leftOutExpected, kept) => {
    const outputs = new Map(full)
    const withoutImages = outputsSize(full) - (full.get('images')?.length ?? 0)
    const limit = share < 0.9 ? withoutImages - (full.get('image-uris')?.length ?? 0) + 10 : outputsSize(full) - 600
    expect(fitOutputs(outputs, images, limit)).toEqual(leftOutExpected)
    for (const name of kept) expect(outputs.has(name)).toBe(true)
  })

  it('keeps digests when failures do not fit, and failures when digests do not', () => {
    const outputs = new Map(full)
    outputs.set('failures', 'f'.repeat(999_000))
    expect(fitOutputs(outputs, images)).toEqual(['the failures output'])
    expect(outputs.has('digests') && outputs.has('images') && outputs.has('manifest')).toBe(true)
  })

  it('leaves out pinned-files last, and only when it alone does not fit: a long list of files never drops the short lists', () => {
    const pinned = Array.from({ length: 5000 }, (_, index) => `${'deep/'.repeat(40)}service-${index}.yaml`)
    const outputs = computeOutputs(report, images, { imagesFile: '/tmp/i.json', failuresFile: '/tmp/f.json' }, pinned)
    expect(fitOutputs(outputs, images)).toEqual(['pinned-files'])
    expect(outputs.has('digests') && outputs.has('failures') && outputs.has('images')).toBe(true)
    expect(outputsSize(outputs)).toBeLessThan(OUTPUTS_LIMIT)
  })

  it('names the room kept for the promotion, and where what was left out is', () => {
    jest.clearAllMocks()
    core.setOutput.mockReset()
    const big = evaluate(
      [{ request: request({ tag: 'a' }), status: 'found', image: { ...image('a', DIGEST_A), imageManifest: 'x'.repeat(600_000) } }],
      { kind: 'all' }
    )
    writeOutputs(big, imagesData(big), { failuresFile: '/tmp/f.json' }, undefined, 500_000)
    expect(core.warning.mock.calls[0]?.[0]).toMatch(
      /^The step outputs would total 1,2\d\d,\d{3} characters, and GitHub allows a job's outputs 1 MB, of which 500,000 characters are kept for the promotion's outputs: left out the manifest output, the manifests in the images output; the rest is kept\. The found images could not be written to a file under RUNNER_TEMP \(see the warning above\), so what was left out of them is only in the log\.$/
    )
  })

  it('leaves nothing out when the outputs fit', () => {
    expect(fitOutputs(new Map(full), images)).toEqual([])
  })
})

describe('the promotion outputs', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    core.setOutput.mockReset()
  })
  const found = evaluate(
    [{ request: request({ tag: 'v1' }, { repositoryName: 'team/api' }), status: 'found', image: image('v1', DIGEST_A) }],
    {
      kind: 'all'
    }
  ).found
  const entry = {
    repository: 'team/api',
    registryId: '123456789012',
    tag: 'release-2026.12.01',
    digest: DIGEST_A,
    previousDigest: DIGEST_B,
    result: 'failed' as const,
    error: 'E'.repeat(100)
  }

  it('reserve room for the longest promoted output these images and tags can make', () => {
    const reserve = promotionReserve(found, ['release-2026.12.01', 'prod'])
    writePromotionOutputs({ result: 'partial', tags: [entry, { ...entry, tag: 'prod' }] }, reserve)
    const written = outputs()
    expect(JSON.parse(written.promoted ?? '')[0].error).toBe('E'.repeat(64))
    expect(outputsSize(new Map(Object.entries(written)))).toBeLessThanOrEqual(reserve)
    expect(written['promote-result']).toBe('partial')
    expect(core.warning).not.toHaveBeenCalled()
  })

  it('is at most PROMOTED_LIMIT, and leaves promoted out, with a warning, when it would not fit', () => {
    const tags = Array.from({ length: 2000 }, (_, index) => `tag-${index}`)
    const reserve = promotionReserve(found, tags)
    expect(reserve).toBe(PROMOTED_LIMIT)
    writePromotionOutputs({ result: 'success', tags: tags.map((tag) => ({ ...entry, tag })) }, reserve)
    expect(outputs()).toEqual({ 'promote-result': 'success' })
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/^The promoted output would take [\d,]+ characters.*it is left out/))
  })

  it('writeOutputs leaves the reserve free', () => {
    const big = evaluate(
      [{ request: request({ tag: 'v1' }), status: 'found', image: { ...image('v1', DIGEST_A), imageManifest: 'm'.repeat(300_000) } }],
      { kind: 'all' }
    )
    writeOutputs(big, imagesData(big), undefined, undefined, 0)
    expect(outputs().manifest).toBeDefined()
    jest.clearAllMocks()
    writeOutputs(big, imagesData(big), undefined, undefined, OUTPUTS_LIMIT - 500_000)
    expect(outputs().manifest).toBeUndefined()
  })
})
