// Every way the step can end, from the facts main.ts gathers: one row each.
import { describe, expect, it } from '@jest/globals'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import type { Expectation, FailOn } from '../../../src/failure-codes.js'
import {
  type Ending,
  type EndingFacts,
  type Problem,
  commitStatusOf,
  decideEnding,
  endingFails,
  promotionBlocked,
  statusDescription
} from '../../../src/verdict/ending.js'
import { evaluate } from '../../../src/verdict/policy.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const found: LookupResult = { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) }
const missing: LookupResult = {
  request: request({ tag: 'v2' }),
  status: 'failed',
  failure: { imageId: { imageTag: 'v2' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }
}
const callError: LookupResult = {
  request: request({ tag: 'v3' }),
  status: 'error',
  error: Object.assign(new Error('gone'), { name: 'RepositoryNotFoundException' })
}

interface Row {
  results: LookupResult[]
  failOn?: FailOn
  expect?: Expectation
  timedOut?: boolean
  stopped?: boolean
  deadlineExpired?: boolean
}

function facts(row: Row): EndingFacts {
  const expectation = row.expect ?? 'present'
  return {
    report: evaluate(row.results, row.failOn ?? { kind: 'all' }, expectation),
    wait: { timedOut: row.timedOut ?? false, stopped: row.stopped ?? false, waitedMs: 90_000 },
    deadlineExpired: row.deadlineExpired ?? false,
    timeoutMs: 300_000,
    expect: expectation
  }
}

describe('decideEnding', () => {
  it.each<[string, Row, string, string | RegExp]>([
    ['every image found', { results: [found] }, 'success', '1 of 1 image found.'],
    ['a missing image under fail-on: none', { results: [found, missing], failOn: { kind: 'none' } }, 'success', '1 of 2 images found.'],
    ['absent as expected', { results: [missing], expect: 'absent' }, 'success', '1 of 1 image absent, as expected.'],
    ['a missing image', { results: [found, missing] }, 'failing-images', '1 of 2 images failed the gate: v2'],
    ['an image present under expect: absent', { results: [found], expect: 'absent' }, 'failing-images', '1 of 1 image failed the gate: v1'],
    [
      'a whole-call error',
      { results: [found, callError] },
      'call-error',
      /^Repository 'app' in the caller's registry \(eu-west-1\) does not exist/
    ],
    [
      'waiting that gave up',
      { results: [missing], timedOut: true },
      'gave-up',
      'Gave up waiting after 1m 30s (wait-timeout): v2 still missing.'
    ],
    [
      'waiting that timed out under fail-on: none (the gate passes with the missing image)',
      { results: [found, missing], timedOut: true, failOn: { kind: 'none' } },
      'success',
      '1 of 2 images found.'
    ],
    [
      'waiting for absence that gave up',
      { results: [found], expect: 'absent', timedOut: true },
      'gave-up',
      'Gave up waiting after 1m 30s (wait-timeout): v1 still present.'
    ],
    [
      'the deadline during a call',
      { results: [found, callError], deadlineExpired: true },
      'timed-out',
      "Timed out: the step's timeout of 5m passed (raise the timeout input); still pending: v3."
    ],
    [
      'the deadline while waiting',
      { results: [missing], deadlineExpired: true, stopped: true },
      'timed-out',
      "Timed out: the step's timeout of 5m passed (raise the timeout input); still pending: v2."
    ],
    ['the deadline passing after everything was found', { results: [found], deadlineExpired: true }, 'success', '1 of 1 image found.'],
    [
      'nothing requested (if-no-files-found let an empty scan through)',
      { results: [] },
      'nothing-checked',
      'Nothing to check: no image was requested.'
    ]
  ])('%s ends as %s', (_label, row, kind, message) => {
    const ending = decideEnding(facts(row))
    expect(ending.kind).toBe(kind)
    if (typeof message === 'string') expect(ending.message).toBe(message)
    else expect(ending.message).toMatch(message)
    expect(endingFails(ending)).toBe(kind !== 'success' && kind !== 'nothing-checked')
  })
})

describe('commitStatusOf with a pin that failed', () => {
  it('is error with the pin sentence when the gate passed, and the gate verdict otherwise', () => {
    const report = evaluate([], { kind: 'all' }, 'present')
    const passed: Ending = { kind: 'success', message: '0 of 0 images found.' }
    const failed: Ending = { kind: 'failing-images', message: '1 of 1 image failed the gate: x' }
    expect(
      commitStatusOf(report, passed, [
        { what: 'the files could not be pinned', message: 'pin: b.yaml changed while the images were looked up' }
      ])
    ).toEqual({
      state: 'error',
      description: 'pin: b.yaml changed while the images were looked up'
    })
    expect(commitStatusOf(report, failed, [{ what: 'x', message: 'pin: anything' }]).state).toBe('failure')
  })
})

describe('commitStatusOf', () => {
  it.each<[string, LookupResult[], Expectation, string | RegExp]>([
    ['success', [found], 'present', '1 of 1 image found'],
    ['absent', [missing], 'absent', '1 of 1 image absent, as expected'],
    ['failing', [found, missing], 'present', '1 of 2 images failed the gate'],
    ['gave up', [missing], 'present', 'Gave up waiting: 1 of 1 image still missing'],
    ['gave up on absence', [found], 'absent', 'Gave up waiting: 1 of 1 image still present'],
    ['a call error', [found, callError], 'present', /^The lookup failed: Repository 'app' in the caller's registry/],
    ['the deadline', [missing], 'present', "Timed out: the step's timeout of 5m passed (raise the timeout input); still pending: v2."],
    ['nothing to check', [], 'present', 'Nothing to check: no image was requested']
  ])('says what the ending says: %s', (label, results, expectation, description) => {
    const ending = decideEnding({
      ...facts({ results, expect: expectation, timedOut: label.startsWith('gave up') }),
      deadlineExpired: label === 'the deadline',
      wait: { timedOut: label.startsWith('gave up'), stopped: label === 'the deadline', waitedMs: 5000 }
    })
    const status = commitStatusOf(evaluate(results, { kind: 'all' }, expectation), ending)
    if (typeof description === 'string') expect(status.description).toBe(description)
    else expect(status.description).toMatch(description)
    expect(status.state).toBe(
      ending.kind === 'success' || ending.kind === 'nothing-checked'
        ? 'success'
        : ending.kind === 'call-error' || ending.kind === 'timed-out'
          ? 'error'
          : 'failure'
    )
  })

  it('keeps the description within 140 characters, on one line', () => {
    const status = commitStatusOf(evaluate([found], { kind: 'all' }), { kind: 'call-error', message: `x\n${'y'.repeat(300)}` })
    expect(status.description).toHaveLength(140)
    expect(status.description).not.toContain('\n')
    expect(status.description.endsWith('…')).toBe(true)
  })
})

describe('promotionBlocked', () => {
  const outputs = { what: 'the step outputs could not be written', message: 'Could not write the step outputs.' }
  const cases: [Ending, Problem[], RegExp | undefined][] = [
    [{ kind: 'success', message: '' }, [], undefined],
    [{ kind: 'success', message: '' }, [outputs], /^the step outputs could not be written, so no tag was written\.$/],
    [{ kind: 'failing-images', message: '' }, [], /the gate did not pass/],
    [{ kind: 'gave-up', message: '' }, [], /the gate did not pass/],
    [{ kind: 'call-error', message: '' }, [], /the lookup failed/],
    [{ kind: 'timed-out', message: '' }, [], /the step's timeout passed/],
    [{ kind: 'nothing-checked', message: '' }, [], /nothing was checked/]
  ]
  it.each(cases)('%j with problems %j', (ending, problems, reason) => {
    const blocked = promotionBlocked(ending, problems)
    if (reason === undefined) expect(blocked).toBeUndefined()
    else expect(blocked).toMatch(reason)
  })
})

describe('statusDescription', () => {
  it("keeps GitHub's 140 characters on one line, cut at a word with an ellipsis", () => {
    const long = `Repository 'nope/repo' in the caller's registry (eu-west-1) does not exist. Check repository-name, registry-id and aws-region, then rerun.`
    const cut = statusDescription(`The lookup failed: ${long}`)
    expect(cut.length).toBeLessThanOrEqual(140)
    expect(cut).toBe(
      "The lookup failed: Repository 'nope/repo' in the caller's registry (eu-west-1) does not exist. Check repository-name, registry-id and…"
    )
    expect(statusDescription('two\nlines')).toBe('two\\u000alines')
    expect(statusDescription('short')).toBe('short')
  })
})
