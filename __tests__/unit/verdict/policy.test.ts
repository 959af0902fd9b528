import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../../src/verdict/policy.js'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const found: LookupResult = { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) }
const missing: LookupResult = {
  request: request({ tag: 'v2' }),
  status: 'failed',
  failure: { imageId: { imageTag: 'v2' }, failureCode: 'ImageNotFound' }
}
const kms: LookupResult = {
  request: request({ tag: 'v3' }),
  status: 'failed',
  failure: { imageId: { imageTag: 'v3' }, failureCode: 'KmsError' }
}

describe('evaluate', () => {
  it('reports found images, failures and the failing ones, exact repeats once', () => {
    const report = evaluate([missing, found, kms, found], { kind: 'codes', codes: new Set(['KmsError']) })
    expect(report.allFound).toBe(false)
    expect(report.verdicts).toHaveLength(3)
    expect(report.found.map((verdict) => verdict.request.requested)).toEqual(['v1'])
    expect(report.failures.map((verdict) => verdict.failure.failureCode)).toEqual(['ImageNotFound', 'KmsError'])
    expect(report.failing.map((verdict) => verdict.request.requested)).toEqual(['v3'])
    expect(report.error).toBeUndefined()
  })

  it('with expect absent: ImageNotFound is good, a found image fails, other codes follow fail-on', () => {
    const report = evaluate([missing, found, kms], { kind: 'none' }, 'absent')
    expect(report.verdicts.map((verdict) => verdict.status)).toEqual(['absent', 'present', 'failed'])
    expect(report.failing.map((verdict) => verdict.request.requested)).toEqual(['v1'])
    expect(report.allFound).toBe(false)
  })

  it('is all found only when every request was found, and keeps the first error', () => {
    expect(evaluate([found], { kind: 'all' }).allFound).toBe(true)
    const failed = evaluate([found, { request: request({ tag: 'x' }), status: 'error', error: new Error('x') }], { kind: 'all' })
    expect(failed.error?.error).toBeInstanceOf(Error)
    expect(failed.error?.request.requested).toBe('x')
  })
})
