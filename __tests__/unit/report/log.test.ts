// log.ts with @actions/core mocked: one line per image, annotations for failures.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

jest.unstable_mockModule('@actions/core', () => core)
const { logVerdicts } = await import('../../../src/report/log.js')
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
