// status.ts: the commit status the gate's ending gives.
import { describe, expect, it } from '@jest/globals'
import { commitStatusOf } from '../../../src/github/status.js'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import type { Expectation } from '../../../src/failure-codes.js'
import type { Ending } from '../../../src/verdict/ending.js'
import { evaluate } from '../../../src/verdict/policy.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const found: LookupResult = { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) }
const missing: LookupResult = { request: request({ tag: 'v2' }), status: 'failed', failure: { failureCode: 'ImageNotFound' } }

describe('commitStatusOf', () => {
  it.each<[string, LookupResult[], Expectation, Ending, string]>([
    ['success', [found], 'present', { kind: 'success', message: '' }, '1 of 1 images found'],
    ['absent', [missing], 'absent', { kind: 'success', message: '' }, '1 of 1 images absent, as expected'],
    ['failing', [found, missing], 'present', { kind: 'failing-images', message: '' }, '1 of 2 images failed the gate'],
    ['gave up', [missing], 'present', { kind: 'gave-up', message: '' }, '1 of 1 images failed the gate (gave up waiting)'],
    ['a call error', [found], 'present', { kind: 'call-error', message: 'Access denied.' }, 'The lookup failed: Access denied.'],
    ['the deadline', [found], 'present', { kind: 'timed-out', message: 'Timed out.' }, 'The lookup failed: Timed out.']
  ])('%s', (_label, results, expectation, ending, description) => {
    const status = commitStatusOf(evaluate(results, { kind: 'all' }, expectation), ending)
    expect(status.description).toBe(description)
    expect(status.state).toBe(
      ending.kind === 'success' ? 'success' : ending.kind === 'call-error' || ending.kind === 'timed-out' ? 'error' : 'failure'
    )
  })

  it('keeps the description within 140 characters, on one line', () => {
    const status = commitStatusOf(evaluate([found], { kind: 'all' }), { kind: 'call-error', message: `x\n${'y'.repeat(300)}` })
    expect(status.description).toHaveLength(140)
    expect(status.description).not.toContain('\n')
    expect(status.description.endsWith('…')).toBe(true)
  })
})
