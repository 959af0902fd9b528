// status.ts with @actions/github mocked: retries through an outage, and one sentence for what GitHub refuses.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'

const createCommitStatus = jest.fn<(params: Record<string, unknown>) => Promise<unknown>>()
jest.unstable_mockModule('@actions/github', () => ({ getOctokit: () => ({ rest: { repos: { createCommitStatus } } }) }))
const { STATUS_ATTEMPTS, postCommitStatus } = await import('../../../src/github/status.js')

const settings = { context: 'ecr/images', sha: 'a'.repeat(40), owner: 'octo', repo: 'deploy', token: 't', targetUrl: 'https://x/runs/1' }
const status = { state: 'success' as const, description: '1 of 1 images found' }
const httpError = (code: number, message: string) => Object.assign(new Error(message), { status: code, response: { data: { message } } })

describe('postCommitStatus', () => {
  const pauses: number[] = []
  const lines: string[] = []
  const options = {
    attempts: STATUS_ATTEMPTS,
    attemptBudgetMs: () => 1000,
    sleep: async (ms: number) => void pauses.push(ms),
    log: (line: string) => void lines.push(line)
  }
  beforeEach(() => {
    createCommitStatus.mockReset()
    pauses.length = 0
    lines.length = 0
  })

  it('posts the state, context, description and link', async () => {
    createCommitStatus.mockResolvedValue({})
    await postCommitStatus(settings, status, options)
    expect(createCommitStatus).toHaveBeenCalledWith(
      expect.objectContaining({
        owner: 'octo',
        repo: 'deploy',
        sha: settings.sha,
        state: 'success',
        context: 'ecr/images',
        target_url: 'https://x/runs/1'
      })
    )
  })

  it('retries an outage with growing pauses, then gives up in one sentence', async () => {
    createCommitStatus.mockRejectedValue(httpError(503, 'Service Unavailable'))
    await expect(postCommitStatus(settings, status, options)).rejects.toThrow(
      "Could not set the commit status ecr/images on aaaaaaaaaaaa in octo/deploy: GitHub did not take it after 3 attempt(s) (HTTP 503). The lookup's result above stands; retry the job to set the status."
    )
    expect(createCommitStatus).toHaveBeenCalledTimes(3)
    expect(pauses).toEqual([500, 1000])
  })

  it.each([
    [401, /rejected the token \(HTTP 401\)/],
    [403, /may not write statuses \(HTTP 403\) \(GitHub said: nope\)\. Give the job `permissions: statuses: write`/],
    [404, /GitHub answered HTTP 404 \(GitHub said: nope\)/],
    [422, /GitHub refused .* \(HTTP 422\) \(GitHub said: nope\): check commit-sha\./]
  ])('does not retry HTTP %d, and says what to do', async (code, message) => {
    createCommitStatus.mockRejectedValue(httpError(code, 'nope'))
    await expect(postCommitStatus(settings, status, options)).rejects.toThrow(message)
    expect(createCommitStatus).toHaveBeenCalledTimes(1)
  })
})
