// summary.ts: the job summary's markdown: the gate's decision, one row per image, server text escaped.
import { describe, expect, it } from '@jest/globals'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { SUMMARY_LIMIT, summaryMarkdown } from '../../../src/report/summary.js'
import { codeSpan } from '../../../src/text.js'
import type { Ending } from '../../../src/verdict/ending.js'
import { evaluate } from '../../../src/verdict/policy.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const success: Ending = { kind: 'success', message: '' }
const found: LookupResult = { request: request({ tag: 'v1' }), status: 'found', image: image('v1', DIGEST_A) }
const missing: LookupResult = {
  request: request({ tag: 'v9' }),
  status: 'failed',
  failure: { imageId: { imageTag: 'v9' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }
}

describe('summaryMarkdown', () => {
  it('has one row per image: reference, result, digest, media type, pinned reference, registry and region', () => {
    const report = evaluate(
      [
        found,
        missing,
        {
          request: request({ tag: 'p' }),
          status: 'failed',
          failure: { failureCode: 'PlatformNotFound', failureReason: '<b>no</b> | arm' }
        },
        { request: request({ tag: 'e' }, { registryId: '111122223333' }), status: 'error', error: new Error('x') }
      ],
      { kind: 'codes', codes: new Set(['PlatformNotFound']) }
    )
    const lines = summaryMarkdown(report, { kind: 'failing-images', message: '' }).split('\n')
    expect(lines).toContain('**1 of 4 found.** 1 failed the gate.')
    expect(lines.filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))).toEqual([
      '| Reference | Result | Digest | Media type | Pinned reference | Registry | Region |',
      `| \`v1\` | ✅ found | \`${DIGEST_A}\` | \`application/vnd.oci.image.manifest.v1+json\` | \`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST_A}\` | 123456789012 | eu-west-1 |`,
      "| `v9` | ⚠️ missing (ImageNotFound\\: Requested image not found) |  |  |  | the caller's | eu-west-1 |",
      "| `p` | ❌ platform missing (PlatformNotFound\\: &lt;b&gt;no&lt;/b&gt; \\| arm) |  |  |  | the caller's | eu-west-1 |",
      '| `e` | ❌ not looked up (the request failed) |  |  |  | 111122223333 | eu-west-1 |'
    ])
  })

  it('says a whole-call error in its own words', () => {
    const report = evaluate([{ ...found, status: 'error', error: new Error('x') }], { kind: 'all' })
    const markdown = summaryMarkdown(report, {
      kind: 'call-error',
      message: "Repository 'app' in the caller's registry (eu-west-1) does not exist."
    })
    expect(markdown).toContain(
      '**The lookup failed:** Repository &#39;app&#39; in the caller&#39;s registry \\(eu\\-west\\-1\\) does not exist\\.'
    )
  })

  it('counts absent images as expected under expect: absent', () => {
    const report = evaluate([missing, { ...missing, request: request({ tag: 'v8' }) }], { kind: 'all' }, 'absent')
    expect(summaryMarkdown(report, success)).toContain('**2 of 2 absent, as expected.**')
    const mixed = evaluate([missing, found], { kind: 'all' }, 'absent')
    expect(summaryMarkdown(mixed, { kind: 'failing-images', message: '' })).toContain(
      '**1 of 2 absent, as expected; 1 present.** 1 failed the gate.'
    )
  })

  it('stops the table before GitHub drops the summary, saying where the rest is', () => {
    const many = Array.from({ length: 6000 }, (_, index): LookupResult => ({ ...found, request: request({ tag: `v${index}` }) }))
    const markdown = summaryMarkdown(evaluate(many, { kind: 'all' }), success)
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT + 1024)
    expect(markdown).toMatch(/The table stops after \d+ of 6000 images to stay within GitHub's 1 MiB for a summary/)
  })
})

describe('codeSpan', () => {
  it.each([
    ['team/api:v1', '`team/api:v1`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['a|b', '`a\\|b`'],
    ['<img src=x>', '`<img src=x>`'],
    ['x\n::error::y', '`x\\u000a::error::y`'],
    ['', '']
  ])('%j reads %s', (text, expected) => {
    expect(codeSpan(text)).toBe(expected)
  })
})

describe('the promotion section', () => {
  const report = evaluate([found], { kind: 'all' })
  it('has one row per tag with its result, digest and the digest it was on; server text is escaped', () => {
    const markdown = summaryMarkdown(report, success, undefined, {
      result: 'partial',
      failure: 'Promotion stopped at app:prod: <b>denied</b>.',
      tags: [
        { repository: 'app', registryId: null, tag: 'v1', digest: DIGEST_A, previousDigest: null, result: 'created' },
        { repository: 'app', registryId: null, tag: 'prod', digest: DIGEST_A, previousDigest: DIGEST_A, result: 'failed', error: '<x>|y' }
      ]
    })
    expect(markdown).toContain('#### Promotion: partial')
    expect(markdown).toContain('Promotion stopped at app\\:prod\\: &lt;b&gt;denied&lt;/b&gt;\\.')
    expect(markdown).toContain(`| ${codeSpan('app:v1')} | ✅ created | ${codeSpan(DIGEST_A)} |  |`)
    expect(markdown).toContain(`| ${codeSpan('app:prod')} | ❌ failed (&lt;x&gt;\\|y) | ${codeSpan(DIGEST_A)} | ${codeSpan(DIGEST_A)} |`)
  })

  it('says why nothing was promoted', () => {
    expect(summaryMarkdown(report, success, undefined, { result: 'skipped', tags: [], skipped: 'the gate did not pass.' })).toContain(
      '**Promotion skipped:** the gate did not pass\\.'
    )
  })
})

describe('the pin section of the summary', () => {
  const report = evaluate([found], { kind: 'all' }, 'present')
  const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

  it("stops the pin table within GitHub's limit, whatever the number of files pinned", () => {
    const changes = Array.from({ length: 6000 }, (_, index) => ({
      file: `deploy/service-${index}/kubernetes/deployment.yaml`,
      line: 12,
      from: `${R}/app:v1`,
      to: `${R}/app:v1@${DIGEST_A}`
    }))
    const markdown = summaryMarkdown(report, success, { changes, left: [], files: changes.map((change) => change.file) })
    expect(Buffer.byteLength(markdown)).toBeLessThan(SUMMARY_LIMIT + 2_000)
    expect(markdown).toMatch(
      /The pin table stops after \d+ of 6000 references: every change is in the log, and the files in pinned-files\./
    )
  })

  it('says why pin wrote nothing, in its own sentence', () => {
    const markdown = summaryMarkdown(report, success, {
      changes: [],
      left: [],
      files: [],
      notWritten: 'b.yaml changed while the images were looked up, so no file was written; rerun the job to pin what is there now.'
    })
    expect(markdown).toContain('**pin:** b\\.yaml changed while the images were looked up')
  })
})
