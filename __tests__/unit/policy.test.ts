import { describe, expect, it } from '@jest/globals'
import { evaluate, failureFails } from '../../src/policy.js'
import type { LookupResult } from '../../src/lookup.js'
import { DIGEST_A, image } from '../../__fixtures__/images.js'

const found: LookupResult = { id: { tag: 'v1' }, status: 'found', image: image('v1', DIGEST_A) }
const missing: LookupResult = { id: { tag: 'v2' }, status: 'failed', failure: { imageId: { imageTag: 'v2' }, failureCode: 'ImageNotFound' } }
const kms: LookupResult = { id: { tag: 'v3' }, status: 'failed', failure: { imageId: { imageTag: 'v3' }, failureCode: 'KmsError' } }

describe('failureFails', () => {
  it.each([
    [{ kind: 'all' } as const, 'Anything', true],
    [{ kind: 'none' } as const, 'ImageNotFound', false],
    [{ kind: 'codes', codes: new Set(['ImageNotFound']) } as const, 'ImageNotFound', true],
    [{ kind: 'codes', codes: new Set(['ImageNotFound']) } as const, 'KmsError', false]
  ])('%j and %s → %s', (failOn, code, fails) => {
    expect(failureFails(code, failOn)).toBe(fails)
  })
})

describe('evaluate', () => {
  it('reports found, the first image, failures and the failing ones, once per distinct id', () => {
    const report = evaluate([missing, found, kms, found], { kind: 'codes', codes: new Set(['KmsError']) })
    expect(report.allFound).toBe(false)
    expect(report.first).toBe(found.status === 'found' ? found.image : undefined)
    expect(report.verdicts).toHaveLength(3)
    expect(report.images).toHaveLength(1)
    expect(report.failures.map((failure) => failure.failureCode)).toEqual(['ImageNotFound', 'KmsError'])
    expect(report.failing.map((verdict) => verdict.id.tag)).toEqual(['v3'])
    expect(report.error).toBeUndefined()
  })

  it('is all found only when every id was found', () => {
    expect(evaluate([found], { kind: 'all' }).allFound).toBe(true)
    expect(evaluate([found, { id: { tag: 'x' }, status: 'error', error: new Error('x') }], { kind: 'all' }).error).toBeInstanceOf(Error)
  })
})
