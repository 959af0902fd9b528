// End to end: fail-on, the gate's switch: each form, codes in any case, a typo refused before any
// call, and a code this action does not know yet governed like any other.
import { describe, expect, it } from '@jest/globals'
import { json, NODES, useHarness } from './harness.js'

interface ImageOut {
  imageId: { imageTag?: string; imageDigest: string }
}
interface FailureOut {
  imageId: { imageTag?: string; imageDigest?: string }
  failureCode: string
  failureReason: string
}

describe.each(NODES)('fail-on on $label', ({ path }) => {
  const h = useHarness(path)

  describe('a missing image under each fail-on form', () => {
    const inputs = { 'repository-name': 'app', 'image-ids': 'v1 nope' }

    it('fail-on: all (the default) fails the step, with outputs written first', async () => {
      const run = await h.run(inputs)
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringContaining('nope in app: ImageNotFound: Requested image not found')])
      expect(run.outputs.found).toBe('false')
      expect(run.outputs.digest).toBe(h.digests.v1)
      expect(json<ImageOut[]>(run, 'images')).toHaveLength(1)
      expect(json<FailureOut[]>(run, 'failures')).toEqual([
        { requested: 'nope', imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }
      ])
      expect(run.stdout.indexOf('::error')).toBeGreaterThan(-1)
    })

    it('fail-on: none reports a warning and succeeds', async () => {
      const run = await h.run({ ...inputs, 'fail-on': 'none' })
      expect(run.code).toBe(0)
      expect(run.errors).toEqual([])
      expect(run.warnings).toEqual([expect.stringContaining('nope in app: ImageNotFound')])
      expect(run.outputs.found).toBe('false')
    })

    it('fail-on listing ImageNotFound fails the step', async () => {
      const run = await h.run({ ...inputs, 'fail-on': 'ImageNotFound, ImageTagDoesNotMatchDigest' })
      expect(run.code).toBe(1)
      expect(run.errors).toHaveLength(1)
    })

    it('fail-on listing other codes turns ImageNotFound into a warning', async () => {
      const run = await h.run({ ...inputs, 'fail-on': 'ImageTagDoesNotMatchDigest' })
      expect(run.code).toBe(0)
      expect(run.warnings).toEqual([expect.stringContaining('ImageNotFound')])
    })

    it.each([
      ['ImageNotFoud', 'ImageNotFound'],
      ['ImageNotFound SomeFutureCode', 'KmsError']
    ])('fail-on: %s is an input error before any call, naming the nearest code %s', async (failOn, nearest) => {
      const run = await h.run({ ...inputs, 'fail-on': failOn })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error::fail-on: '\\w+' is not a failure code; did you mean ${nearest}\\? Known codes: ImageInaccessible, ImageNotFound, `
          )
        )
      ])
      expect(run.warnings).toEqual([])
      expect(h.fake.requestsFor()).toEqual([])
      // An input error still says found=false, so a later step does not read nothing as a pass.
      expect(run.outputs).toEqual({ found: 'false' })
    })

    it('fail-on accepts codes in any case', async () => {
      const run = await h.run({ ...inputs, 'fail-on': 'imagenotfound' })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringContaining('nope in app: ImageNotFound')])
    })
  })

  it('reports an unknown per-image failure code and applies fail-on to it', async () => {
    h.fake.intercept(({ res, request }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify({
          failures: [{ imageId: request.body.imageIds[0], failureCode: 'ImageQuarantined', failureReason: 'Quarantined by policy' }]
        })
      )
      return true
    })
    const strict = await h.run({ images: 'app:v1' })
    expect(strict.code).toBe(1)
    expect(strict.errors).toEqual(['::error title=Image ImageQuarantined::app:v1: ImageQuarantined: Quarantined by policy'])
    const lenient = await h.run({ images: 'app:v1', 'fail-on': 'ImageNotFound' })
    expect(lenient.code).toBe(0)
    expect(lenient.warnings).toEqual([expect.stringContaining('ImageQuarantined: Quarantined by policy')])
    // fail-on names only codes this action knows: one it does not know yet fails under all, the default.
    const named = await h.run({ images: 'app:v1', 'fail-on': 'ImageQuarantined' })
    expect(named.code).toBe(1)
    expect(named.errors).toEqual([expect.stringContaining("fail-on: 'ImageQuarantined' is not a failure code; did you mean ")])
  })
})
