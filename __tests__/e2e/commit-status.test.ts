// End to end: the gate's verdict as a commit status, posted through @actions/github to a fake GitHub
// REST API on 127.0.0.1 (with the /api/v3 prefix of GitHub Enterprise Server), with each failure path.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeGitHub } from '../../testkit/fake-github.js'
import { NODES, STACK_TRACE, useHarness } from './harness.js'

const SHA = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)

describe.each(NODES)('commit status on $label', ({ path }) => {
  const h = useHarness(path)
  const github = new FakeGitHub({ prefix: '/api/v3' })
  let apiUrl = ''
  beforeAll(async () => {
    apiUrl = await github.start()
  })
  afterAll(() => github.stop())
  beforeEach(() => github.reset())
  const env = (extra: Record<string, string> = {}) => ({
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_REPOSITORY: 'octo/deploy',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: SHA,
    ...extra
  })
  const run = (inputs: Record<string, string>, extra: Record<string, string> = {}) =>
    h.run({ 'commit-status': 'ecr/images', 'github-token': github.token, ...inputs }, env(extra))

  it.each([
    ['success', { images: 'app:v1 team/api:v1.4.2' }, 0, '2 of 2 images found'],
    ['success', { images: 'app:v9', expect: 'absent' }, 0, '1 of 1 image absent, as expected'],
    ['failure', { images: 'app:v1 app:nope' }, 1, '1 of 2 images failed the gate'],
    [
      'error',
      { images: 'nope/repo:v1' },
      1,
      "The lookup failed: Repository 'nope/repo' in the caller's registry (eu-west-1) does not exist. Check repository-name, registry-id and…"
    ]
  ])('posts %s for %j', async (state, inputs, code, description) => {
    const result = await run(inputs)
    expect(result.code).toBe(code)
    expect(github.statuses).toEqual([
      {
        owner: 'octo',
        repo: 'deploy',
        sha: SHA,
        state,
        context: 'ecr/images',
        description,
        target_url: 'https://github.example.com/octo/deploy/actions/runs/42'
      }
    ])
    expect(github.requests[0]?.path).toBe(`/api/v3/repos/octo/deploy/statuses/${SHA}`)
    expect(result.stdout).toContain(`Set the commit status ecr/images on ${SHA}: ${state}`)
    // The token is masked (the runner hides it from then on), and never written otherwise.
    const log = (result.stdout + result.stderr).replace(`::add-mask::${github.token}`, '')
    expect(log).not.toContain(github.token)
    expect(github.statuses[0]?.description?.length).toBeLessThanOrEqual(140)
  })

  /** The summary's headline as plain text: its bold and escapes taken off. */
  const headline = (summary: string): string =>
    (summary.split('\n')[2] ?? '').replace(/\*\*/g, '').replace(/\\(.)/g, '$1').replace(/&#39;/g, "'")
  const lastLine = (stdout: string): string => (stdout.trimEnd().split('\n').at(-1) ?? '').replace(/^::error::/, '')

  it.each<
    [string, Record<string, string>, Record<string, string>, { code: number; found: string; last: RegExp; state: string; status: RegExp }]
  >([
    [
      'found',
      { images: 'app:v1' },
      {},
      { code: 0, found: 'true', last: /^1 of 1 image found\.$/, state: 'success', status: /^1 of 1 image found$/ }
    ],
    [
      'the gate failed',
      { images: 'app:v1 app:nope' },
      {},
      {
        code: 1,
        found: 'false',
        last: /^1 of 2 images failed the gate: app:nope$/,
        state: 'failure',
        status: /^1 of 2 images failed the gate$/
      }
    ],
    [
      'gave up waiting',
      { images: 'app:never', 'wait-timeout': '1s', 'wait-interval': '300ms' },
      {},
      {
        code: 1,
        found: 'false',
        last: /^Gave up waiting after 1s \(wait-timeout\): app:never still missing\.$/,
        state: 'failure',
        status: /^Gave up waiting: 1 of 1 image still missing$/
      }
    ],
    [
      'the lookup failed',
      { images: 'nope/repo:v1' },
      {},
      {
        code: 1,
        found: 'false',
        last: /^Repository 'nope\/repo' in the caller's registry/,
        state: 'error',
        status: /^The lookup failed: Repository/
      }
    ],
    [
      'nothing to check',
      { files: 'nowhere/*.yaml', 'if-no-files-found': 'warn' },
      { GITHUB_WORKSPACE: tmpdir() },
      {
        code: 0,
        found: 'false',
        last: /^Nothing to check: files: no file in the workspace/,
        state: 'success',
        status: /^Nothing to check: files: no file/
      }
    ]
  ])(
    'says one thing everywhere when %s: the last log line, the summary headline, the status and found',
    async (_, inputs, extra, expected) => {
      const result = await run(inputs, extra)
      expect(result.code).toBe(expected.code)
      expect(result.outputs.found).toBe(expected.found)
      // The lookup's last line is the step's last line here, and the summary's headline (in bold, without the status line after it).
      const last = lastLine(result.stdout.replace(/\nSet the commit status .*\n?$/, '\n'))
      expect(last).toMatch(expected.last)
      expect(headline(result.summary)).toBe(last.startsWith('Repository') ? `The lookup failed: ${last}` : last)
      expect(github.statuses.map((status) => status.state)).toEqual([expected.state])
      expect(github.statuses[0]?.description).toMatch(expected.status)
      if (expected.found === 'false' && inputs.files !== undefined) expect(result.summary).not.toContain('| Reference |')
    }
  )

  it('posts error, not success, when the gate passed but the step fails for its own files, and says so under the headline', async () => {
    const result = await run({ images: 'app:v1', 'manifest-file': '/dev/full/manifest.json' })
    expect(result.code).toBe(1)
    expect(result.outputs.found).toBe('true')
    expect(github.statuses.map((status) => [status.state, status.description])).toEqual([
      ['error', expect.stringMatching(/^manifest-file: could not write \/dev\/full\/manifest\.json/)]
    ])
    expect(lastLine(result.stdout)).toMatch(/^manifest-file: could not write/)
    expect(result.summary.split('\n').slice(2, 5)).toEqual([
      '**1 of 1 image found\\.**',
      '',
      expect.stringMatching(/^\*\*The step failed:\*\* manifest\\-file\\: could not write/)
    ])
  })

  it('passes when waiting ends under a fail-on that lets the missing image pass, and posts success', async () => {
    const result = await run({ images: 'app:v1 app:never', 'fail-on': 'none', 'wait-timeout': '1s', 'wait-interval': '300ms' })
    expect(result.code).toBe(0)
    expect(lastLine(result.stdout.replace(/\nSet the commit status .*\n?$/, '\n'))).toBe('1 of 2 images found.')
    expect(github.statuses.map((status) => [status.state, status.description])).toEqual([['success', '1 of 2 images found']])
  })

  it('posts error, not success, when pin could not write what the gate found; and nothing after a cancel', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    try {
      const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
      writeFileSync(join(workspace, 'a.yaml'), `a:\n  image: ${R}/app:v1\nb:\n  image: "${R}/app:v\\x31"\n`)
      const failed = await run({ files: 'a.yaml', pin: 'true' }, { GITHUB_WORKSPACE: workspace })
      expect(failed.code).toBe(1)
      expect(github.statuses.map((status) => [status.state, status.description])).toEqual([
        ['error', expect.stringMatching(/^pin: 1 reference\(s\) cannot be pinned in place \(see the errors at their lines\), so no file/)]
      ])
      github.reset()
      for (let index = 0; index < 2000; index++) writeFileSync(join(workspace, `f${index}.yaml`), `image: ${R}/app:v1\n`)
      const cancelled = await h.run(
        { 'commit-status': 'ecr/images', 'github-token': github.token, files: 'f*.yaml', pin: 'true', 'promote-tags': 'prod' },
        { ...env(), GITHUB_WORKSPACE: workspace },
        true,
        { signalOn: { stdout: /pin: staging 2000 file\(s\)/, signal: 'SIGINT' } }
      )
      expect(cancelled.code).toBe(1)
      expect(github.statuses).toEqual([])
      expect(h.fake.requestsFor('PutImage')).toEqual([])
      expect(cancelled.outputs['promote-result']).toBe('skipped')
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('posts error for an input error, so a required check does not wait forever; found=false and promote-result=skipped', async () => {
    const result = await run({ images: 'App:v1', 'promote-tags': 'prod' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.stringMatching(/^::error::images: 'App:v1'/)])
    expect(result.outputs.found).toBe('false')
    expect(result.outputs['promote-result']).toBe('skipped')
    expect(h.fake.requestsFor()).toEqual([])
    expect(github.statuses.map((status) => [status.state, status.description])).toEqual([
      ['error', expect.stringMatching(/^Input error: images: 'App:v1': .*…$/)]
    ])
    expect(github.statuses[0]?.description?.length).toBeLessThanOrEqual(140)
    expect(result.summary).toMatch(/^### ECR image lookup\n\n\*\*Input error:\*\* images\\: &#39;App\\:v1&#39;/)
    // When commit-status itself is the input error, there is no status to post.
    github.reset()
    const invalid = await run({ images: 'app:v1', 'commit-status': 'ecr/\nimages' })
    expect(invalid.errors).toEqual([expect.stringMatching(/^::error::commit-status must be a context name/)])
    expect(github.statuses).toEqual([])
  })

  it("sets the status on a pull request's head, and on commit-sha when given", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    try {
      writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { head: { sha: HEAD } } }))
      await run({ images: 'app:v1' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json') })
      await run({ images: 'app:v1', 'commit-sha': 'C'.repeat(40) })
      expect(github.statuses.map((status) => status.sha)).toEqual([HEAD, 'c'.repeat(40)])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    [
      403,
      'Resource not accessible by integration',
      /the token may not write statuses \(HTTP 403\) \(GitHub said: Resource not accessible by integration\)\. Give the job `permissions: statuses: write`; a pull request from a fork gets a read-only token/
    ],
    [
      404,
      'Not Found',
      /GitHub answered HTTP 404 \(GitHub said: Not Found\): the token cannot see that repository, or lacks statuses: write/
    ]
  ])('fails in one sentence on HTTP %d, after the lookup said its verdict', async (status, message, expected) => {
    github.failWith(Infinity, status, message)
    const result = await run({ images: 'app:v1' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.stringMatching(expected)])
    expect(result.stdout.indexOf('1 of 1 image found.')).toBeLessThan(result.stdout.indexOf('::error::'))
    expect(result.outputs).toMatchObject({ found: 'true' })
    expect(github.requests).toHaveLength(1)
    expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE)
  })

  it('with promote-tags, posts the gate before any tag is written: a status that cannot be posted writes no tag', async () => {
    h.fake.putImage({
      repository: 'status/promoted',
      tags: ['sha-1'],
      manifest: '{"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}'
    })
    github.failWith(Infinity, 403, 'Resource not accessible by integration')
    const refused = await run({ images: 'status/promoted:sha-1', 'promote-tags': 'v1' })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('Promotion skipped: the commit status could not be posted, so no tag was written.')
    expect(refused.summary).toContain('**The step failed:** Could not set the commit status ecr/images')
    expect(refused.errors).toEqual([expect.stringMatching(/the token may not write statuses \(HTTP 403\)/)])
    expect(h.fake.requestsFor('PutImage')).toHaveLength(0)
    github.reset()
    const posted = await run({ images: 'status/promoted:sha-1', 'promote-tags': 'v1' })
    expect(posted.code).toBe(0)
    expect(github.statuses).toHaveLength(1)
    expect(posted.outputs['promote-result']).toBe('success')
  })

  it('retries a GitHub outage, then sets the status', async () => {
    github.failWith(2, 502, 'Bad Gateway')
    const result = await run({ images: 'app:v1' })
    expect(result.code).toBe(0)
    expect(github.statuses).toHaveLength(1)
    expect(result.stdout).toContain('GitHub did not take the commit status (HTTP 502); trying again.')
  })

  it('fails clearly after 3 attempts at an outage or a stall', async () => {
    github.failWith(Infinity, 500, 'Server Error')
    const down = await run({ images: 'app:v1' })
    expect(down.code).toBe(1)
    expect(down.errors).toEqual([
      `::error::Could not set the commit status ecr/images on ${SHA.slice(0, 12)} in octo/deploy: GitHub did not take it after 3 attempt(s) (HTTP 500). The lookup's result above stands; retry the job to set the status.`
    ])
    github.reset()
    github.stall(Infinity)
    const stalled = await run({ images: 'app:v1', timeout: '2s' })
    expect(stalled.code).toBe(1)
    expect(stalled.errors).toEqual([expect.stringMatching(/GitHub did not take it after 3 attempt\(s\)/)])
    expect(github.requests).toHaveLength(3)
  })

  it('says GitHub could not be reached, not that it answered HTTP 500, when GITHUB_API_URL is unreachable', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/v3`
    await new Promise((resolve) => closed.close(resolve))
    const result = await run({ images: 'app:v1' }, { GITHUB_API_URL: unreachable })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Could not set the commit status ecr/images on ${SHA.slice(0, 12)} in octo/deploy: GitHub's API at ${unreachable.replace(/[.]/g, '\\.')} could not be reached in 3 attempt\\(s\\) \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)\\. Check GITHUB_API_URL`
        )
      )
    ])
    expect(result.errors[0]).not.toContain('HTTP 500')
  })

  it('posts nothing, and loads no GitHub code, without commit-status', async () => {
    const result = await h.run({ images: 'app:v1' }, env())
    expect(result.code).toBe(0)
    expect(github.requests).toEqual([])
  })

  it.each([
    [{ 'commit-sha': 'abc' }, "commit-sha 'abc' is not a full commit SHA"],
    [{ 'github-token': '' }, 'commit-status needs a token']
  ])('rejects %j before any call', async (inputs, message) => {
    const result = await run({ images: 'app:v1', ...inputs })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.stringContaining(message)])
    expect(h.fake.requestsFor()).toHaveLength(0)
    expect(github.requests).toHaveLength(0)
  })
})
