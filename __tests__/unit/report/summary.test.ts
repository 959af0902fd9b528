// summary.ts: the job summary's markdown, server text escaped.
import { describe, expect, it } from '@jest/globals'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'
import { summaryMarkdown } from '../../../src/report/summary.js'
import { evaluate } from '../../../src/verdict/policy.js'

describe('summaryMarkdown', () => {
  it('has one row per image with its result, escaping server text', () => {
    const report = evaluate(
      [
        { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) },
        {
          request: request({ tag: 'v9' }),
          status: 'failed',
          failure: { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }
        },
        {
          request: request({ tag: 'p' }),
          status: 'failed',
          failure: { failureCode: 'PlatformNotFound', failureReason: '<b>no</b> | arm' }
        },
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
