// summary.ts: the job summary's markdown: the gate's decision, one row per image, server text escaped.
import { describe, expect, it } from '@jest/globals'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { SUMMARY_LIMIT, shareBudget, summaryMarkdown } from '../../../src/report/summary.js'
import { codeSpan } from '../../../src/text.js'
import type { Ending } from '../../../src/verdict/ending.js'
import { evaluate } from '../../../src/verdict/policy.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const success: Ending = { kind: 'success', message: '1 of 1 image found.' }
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
    const lines = summaryMarkdown({ report, ending: { kind: 'failing-images', message: '2 of 4 images failed the gate: p, e' } }).split(
      '\n'
    )
    expect(lines).toContain('**2 of 4 images failed the gate\\: p, e**')
    expect(lines.filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))).toEqual([
      '| Reference | Result | Digest | Media type | Pinned reference | Registry | Region |',
      `| \`v1\` | ✅ found | \`${DIGEST_A}\` | \`application/vnd.oci.image.manifest.v1+json\` | \`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST_A}\` | 123456789012 | eu-west-1 |`,
      "| `v9` | ⚠️ missing (ImageNotFound\\: Requested image not found) |  |  |  | the caller's | eu-west-1 |",
      "| `p` | ❌ platform missing (PlatformNotFound\\: &lt;b&gt;no&lt;/b&gt; \\| arm) |  |  |  | the caller's | eu-west-1 |",
      '| `e` | ❌ not checked (a request failed) |  |  |  | 111122223333 | eu-west-1 |'
    ])
  })

  it('says a whole-call error in its own words', () => {
    const report = evaluate([{ ...found, status: 'error', error: new Error('x') }], { kind: 'all' })
    const markdown = summaryMarkdown({
      report,
      ending: { kind: 'call-error', message: "Repository 'app' in the caller's registry (eu-west-1) does not exist." }
    })
    expect(markdown).toContain(
      '**The lookup failed:** Repository &#39;app&#39; in the caller&#39;s registry \\(eu\\-west\\-1\\) does not exist\\.'
    )
  })

  it.each<[string, Ending, string]>([
    ['found', { kind: 'success', message: '2 of 2 images found.' }, '**2 of 2 images found\\.**'],
    ['absent, as expected', { kind: 'success', message: '2 of 2 images absent, as expected.' }, '**2 of 2 images absent, as expected\\.**'],
    [
      'gave up waiting',
      { kind: 'gave-up', message: 'Gave up waiting after 5s (wait-timeout): v9 still missing.' },
      '**Gave up waiting** after 5s \\(wait\\-timeout\\)\\: v9 still missing\\.'
    ],
    [
      'timed out',
      { kind: 'timed-out', message: "Timed out: the step's timeout of 5m passed." },
      '**Timed out**\\: the step&#39;s timeout of 5m passed\\.'
    ],
    [
      'nothing to check',
      { kind: 'nothing-checked', message: 'Nothing to check: files: no file matches k8s/*.yaml.' },
      '**Nothing to check**\\: files\\: no file matches k8s/\\*\\.yaml\\.'
    ]
  ])("heads the summary with the lookup's last line: %s", (_, ending, expected) => {
    const report = evaluate(ending.kind === 'nothing-checked' ? [] : [missing, found], { kind: 'all' })
    const lines = summaryMarkdown({ report, ending }).split('\n')
    expect(lines[2]).toBe(expected)
    expect(lines.some((line) => line.startsWith('| Reference'))).toBe(ending.kind !== 'nothing-checked')
  })

  it('says what else failed the step under the headline, and no longer points at an error below', () => {
    const report = evaluate([found], { kind: 'all' })
    const markdown = summaryMarkdown({
      report,
      ending: success,
      problems: [{ what: 'the commit status could not be posted', message: 'Could not set the commit status ecr/images (HTTP 403).' }],
      promotion: { result: 'skipped', tags: [], skipped: 'the commit status could not be posted, so no tag was written.' }
    })
    expect(markdown.split('\n').slice(2, 5)).toEqual([
      '**1 of 1 image found\\.**',
      '',
      '**The step failed:** Could not set the commit status ecr/images \\(HTTP 403\\)\\.'
    ])
    expect(markdown).toContain('**Promotion skipped:** the commit status could not be posted, so no tag was written\\.')
  })

  it('stops the table before GitHub drops the summary, saying where the rest is', () => {
    const many = Array.from({ length: 6000 }, (_, index): LookupResult => ({ ...found, request: request({ tag: `v${index}` }) }))
    const markdown = summaryMarkdown({
      report: evaluate(many, { kind: 'all' }),
      ending: success,
      files: { imagesFile: '/tmp/i.json', failuresFile: '/tmp/f.json' }
    })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(markdown).toMatch(
      /The table stops after \d+ of 6000 images to stay within GitHub's 1 MiB for a summary: every image is in the log, every found image in images-file, every failure in failures-file \(outputs of this step\)\./
    )
    // Without the files (RUNNER_TEMP could not hold them), the summary does not point at them.
    expect(summaryMarkdown({ report: evaluate(many, { kind: 'all' }), ending: success })).toMatch(
      /for a summary: every image is in the log\.\n/
    )
  })
})

describe('shareBudget', () => {
  it.each([
    [[100, 200, 300], 1000, [100, 200, 300]],
    [[5000, 5000, 5000], 900, [300, 300, 300]],
    [[5000, 100, 0], 900, [800, 100, 0]],
    [[5000, 2000, 400], 1000, [334, 333, 333]],
    [[5000, 2000, 200], 1000, [400, 400, 200]],
    [[10, 20], -5, [0, 0]]
  ])('shares %j of %d as %j', (needs, budget, expected) => {
    expect(shareBudget(needs, budget)).toEqual(expected)
  })
})

describe('the whole summary within 1 MiB', () => {
  const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
  const huge = 'x'.repeat(3_000_000)
  const many = Array.from({ length: 8000 }, (_, index): LookupResult => ({
    request: request({ tag: `v${index}` }, { requested: `${huge.slice(0, 900)}${index}` }),
    status: 'failed',
    failure: { imageId: { imageTag: `v${index}` }, failureCode: 'ImageNotFound', failureReason: huge.slice(0, 5000) }
  }))
  const changes = Array.from({ length: 10_000 }, (_, index) => ({
    file: `deploy/service-${index}/kubernetes/deployment.yaml`,
    line: 12,
    from: `${R}/app:v1`,
    to: `${R}/app:v1@${DIGEST_A}`
  }))
  const tags = Array.from({ length: 5000 }, (_, index) => ({
    repository: 'app',
    registryId: null,
    tag: `t${index}`,
    digest: DIGEST_A,
    previousDigest: null,
    result: 'created' as const
  }))

  it('keeps every table, its head and its pointer, with sentences and cells clipped, whatever their size', () => {
    const markdown = summaryMarkdown({
      report: evaluate(many, { kind: 'none' }),
      ending: { kind: 'success', message: huge },
      problems: [{ what: 'x', message: huge }],
      pin: { changes, left: changes.map((change) => ({ ...change, text: huge })), files: changes.map((change) => change.file) },
      promotion: { result: 'success', tags }
    })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(markdown).toMatch(/The table stops after \d+ of 8000 images/)
    expect(markdown).toMatch(/#### Pinned 10000 reference\(s\) in 10000 file\(s\)/)
    expect(markdown).toMatch(/The pin table stops after [1-9]\d+ of 10000 references/)
    expect(markdown).toMatch(
      /pin: 10000 reference\(s\) left as written, not among the images found \(see their warnings\): .* and 9980 more/
    )
    expect(markdown).toMatch(/#### Promotion: success/)
    expect(markdown).toMatch(/The promotion table stops after [1-9]\d+ of 5000 tags: every tag is in the log/)
    expect(markdown).toContain(`**${'x'.repeat(1999)}…**`)
    expect(markdown.split('\n').every((line) => line.length < 12_000)).toBe(true)
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
    const markdown = summaryMarkdown({
      report,
      ending: success,
      promotion: {
        result: 'partial',
        failure: 'Promotion stopped at app:prod: <b>denied</b>.',
        tags: [
          { repository: 'app', registryId: null, tag: 'v1', digest: DIGEST_A, previousDigest: null, result: 'created' },
          { repository: 'app', registryId: null, tag: 'prod', digest: DIGEST_A, previousDigest: DIGEST_A, result: 'failed', error: '<x>|y' }
        ]
      }
    })
    expect(markdown).toContain('#### Promotion: partial')
    expect(markdown).toContain('Promotion stopped at app\\:prod\\: &lt;b&gt;denied&lt;/b&gt;\\.')
    expect(markdown).toContain(`| ${codeSpan('app:v1')} | ✅ created | ${codeSpan(DIGEST_A)} |  |`)
    expect(markdown).toContain(`| ${codeSpan('app:prod')} | ❌ failed (&lt;x&gt;\\|y) | ${codeSpan(DIGEST_A)} | ${codeSpan(DIGEST_A)} |`)
  })

  it('says why nothing was promoted', () => {
    expect(
      summaryMarkdown({ report, ending: success, promotion: { result: 'skipped', tags: [], skipped: 'the gate did not pass.' } })
    ).toContain('**Promotion skipped:** the gate did not pass\\.')
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
    const markdown = summaryMarkdown({ report, ending: success, pin: { changes, left: [], files: changes.map((change) => change.file) } })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(markdown).toMatch(
      /The pin table stops after \d+ of 6000 references: every change is in the log, and the files written are listed in pinned-files\./
    )
  })

  it('says why pin wrote nothing, in its own sentence', () => {
    const markdown = summaryMarkdown({
      report,
      ending: success,
      pin: {
        changes: [],
        left: [],
        files: [],
        notWritten: 'b.yaml changed while the images were looked up, so no file was written; rerun the job to pin what is there now.'
      }
    })
    expect(markdown).toContain('**pin:** b\\.yaml changed while the images were looked up')
  })
})
