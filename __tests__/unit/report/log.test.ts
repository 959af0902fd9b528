// log.ts with @actions/core mocked: one line per image, annotations for failures.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

jest.unstable_mockModule('@actions/core', () => core)
const { logPromotion, logVerdicts, promotedLine } = await import('../../../src/report/log.js')
const { evaluate } = await import('../../../src/verdict/policy.js')

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

describe('logVerdicts without a reason', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it("uses the code's meaning from the table, and a warning when the code does not fail the step", () => {
    const report = evaluate([{ request: request({ tag: 'v1' }), status: 'failed', failure: { failureCode: 'KmsError' } }], {
      kind: 'codes',
      codes: new Set(['ImageNotFound'])
    })
    logVerdicts(report)
    expect(core.warning).toHaveBeenCalledWith("v1 in app: KmsError: the repository's KMS key cannot be used", { title: 'Image KmsError' })
  })
})

describe('the promotion lines', () => {
  const tag = { repository: 'team/api', registryId: null, tag: 'prod', digest: DIGEST_A, previousDigest: null }
  type Entry = Parameters<typeof promotedLine>[0]
  const before = `sha256:${'b'.repeat(64)}`
  const cases: [Entry, string][] = [
    [{ ...tag, result: 'created' }, `✔ Promoted team/api:prod → ${DIGEST_A} (created)`],
    [{ ...tag, result: 'moved', previousDigest: before }, `✔ Promoted team/api:prod → ${DIGEST_A} (moved from ${before})`],
    [{ ...tag, result: 'unchanged' }, `✔ team/api:prod is already on ${DIGEST_A} (unchanged)`],
    [{ ...tag, result: 'planned' }, `• Would create team/api:prod → ${DIGEST_A} (dry run)`],
    [{ ...tag, result: 'planned', previousDigest: before }, `• Would move team/api:prod from ${before} → ${DIGEST_A} (dry run)`],
    [
      { ...tag, result: 'failed', previousDigest: before, error: 'TagOnAnotherImage' },
      `✘ team/api:prod: not promoted (TagOnAnotherImage; the tag is on ${before})`
    ],
    [{ ...tag, result: 'skipped' }, '– team/api:prod: not attempted']
  ]
  it.each(cases)('%j', (entry, line) => {
    expect(promotedLine(entry)).toBe(line)
  })

  it('one line per tag, in one write; or the line saying why nothing was promoted', () => {
    jest.clearAllMocks()
    logPromotion({
      result: 'success',
      tags: [
        { ...tag, result: 'created' },
        { ...tag, tag: 'v1', result: 'unchanged' }
      ]
    })
    expect(core.info).toHaveBeenCalledTimes(1)
    expect(core.info.mock.calls[0]?.[0].split('\n')).toHaveLength(2)
    logPromotion({ result: 'skipped', tags: [], skipped: 'the gate did not pass, so no tag was written.' })
    expect(core.info).toHaveBeenLastCalledWith('Promotion skipped: the gate did not pass, so no tag was written.')
  })
})
