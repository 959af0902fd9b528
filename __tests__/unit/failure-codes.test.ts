// The failure-code table: every code the SDK knows is in it, fail-on fails closed, and each code's
// effect (fails the step, asked again while waiting, the good case under expect: absent) reads from it.
import { describe, expect, it } from '@jest/globals'
import { ImageFailureCode } from '@aws-sdk/client-ecr'
import {
  FAILURE_CODES,
  FailureCode,
  absentAsExpected,
  describeFailureCode,
  failureFails,
  nearestFailureCode,
  parseFailOn,
  waitAsksAgain
} from '../../src/failure-codes.js'

describe('the table', () => {
  it("holds every code of the SDK's ImageFailureCode, then the action's own", () => {
    expect([...FAILURE_CODES.keys()]).toEqual([
      ...Object.values(ImageFailureCode),
      'ImageNotReturned',
      'PlatformNotFound',
      'DigestMismatch',
      'ArtifactMissing',
      'SigningFailed',
      'SignatureNotVerified'
    ])
    for (const [code, info] of FAILURE_CODES) expect([code, info.origin]).toEqual([code, code in ImageFailureCode ? 'ECR' : 'action'])
  })

  it('gives every code a meaning of its own', () => {
    const meanings = [...FAILURE_CODES.values()].map((info) => info.meaning)
    expect(new Set(meanings).size).toBe(meanings.length)
    for (const meaning of meanings) expect(meaning).not.toMatch(/API reference/)
  })

  it.each([
    [FailureCode.ImageNotFound, true, true, 'missing'],
    [FailureCode.ImageTagDoesNotMatchDigest, true, false, 'failed'],
    [FailureCode.ImageNotReturned, true, false, 'failed'],
    [FailureCode.KmsError, false, false, 'failed'],
    [FailureCode.PlatformNotFound, false, false, 'platform missing'],
    [FailureCode.DigestMismatch, false, false, 'digest mismatch'],
    [FailureCode.ArtifactMissing, true, false, 'artifact missing'],
    [FailureCode.SigningFailed, false, false, 'signing failed'],
    [FailureCode.SignatureNotVerified, false, false, 'not verified']
  ])('%s: waits %s, good under absent %s, reads %j', (code, waits, absent, summary) => {
    expect(waitAsksAgain(code)).toBe(waits)
    expect(absentAsExpected(code)).toBe(absent)
    expect(describeFailureCode(code).summary).toBe(summary)
  })

  it('describes a code no table lists yet, and a missing code, plainly', () => {
    expect(describeFailureCode('ImageQuarantined')).toMatchObject({ origin: 'ECR', summary: 'failed', waitAsksAgain: false })
    expect(describeFailureCode('ImageQuarantined').meaning).toMatch(/does not know \(ImageQuarantined\)/)
    expect(describeFailureCode(undefined).meaning).toBe('ECR gave no failure code')
    expect(waitAsksAgain(undefined)).toBe(false)
  })
})

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

describe('parseFailOn', () => {
  it.each([
    ['', { kind: 'all' }],
    ['all', { kind: 'all' }],
    ['NONE', { kind: 'none' }],
    ['ImageNotFound', { kind: 'codes', codes: new Set(['ImageNotFound']) }],
    ['imagenotfound, kmserror\nDigestMismatch', { kind: 'codes', codes: new Set(['ImageNotFound', 'KmsError', 'DigestMismatch']) }]
  ])('%j', (text, expected) => {
    expect(parseFailOn(text)).toEqual(expected)
  })

  it.each([
    ['ImageNotFoud', 'ImageNotFound'],
    ['ImageNotFound, KmsErr', 'KmsError'],
    ['platformnotfond', 'PlatformNotFound'],
    ['Digest-Mismatch', 'DigestMismatch'],
    ['NewCode', nearestFailureCode('NewCode')]
  ])('rejects %j, naming %s and listing the known codes', (text, nearest) => {
    expect(() => parseFailOn(text)).toThrow(`did you mean ${nearest}? Known codes: ImageInaccessible, ImageNotFound`)
  })

  it('rejects all or none combined with codes', () => {
    expect(() => parseFailOn('all, ImageNotFound')).toThrow(/'all' cannot be combined/)
  })
})
