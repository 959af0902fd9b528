// status.ts (inputs): which commit, which context, which token.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseStatus } from '../../../src/inputs/status.js'

const SHA = 'a'.repeat(40)
const env = { GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'octo/deploy', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7' }
let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-'))
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { head: { sha: 'b'.repeat(40) } } }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('parseStatus', () => {
  it('posts nothing without a context', () => {
    expect(parseStatus('', '', 'token', env)).toBeUndefined()
  })

  it('defaults to GITHUB_SHA, or the pull request head on pull_request events, and links the run', () => {
    expect(parseStatus('ecr/images', '', 'token', env)).toEqual({
      context: 'ecr/images',
      sha: SHA,
      owner: 'octo',
      repo: 'deploy',
      token: 'token',
      targetUrl: 'https://github.com/octo/deploy/actions/runs/7'
    })
    const pr = { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json') }
    expect(parseStatus('ecr/images', '', 'token', pr)?.sha).toBe('b'.repeat(40))
    expect(parseStatus('ecr/images', 'C'.repeat(40), 'token', pr)?.sha).toBe('c'.repeat(40))
  })

  it.each<[[string, string, string, NodeJS.ProcessEnv], string]>([
    [['ecr/images', 'abc', 't', env], "commit-sha 'abc' is not a full commit SHA"],
    [['ecr/images', '', '', env], 'commit-status needs a token'],
    [['ecr/images', '', 't', { ...env, GITHUB_REPOSITORY: '' }], 'commit-status needs GITHUB_REPOSITORY'],
    [['ecr/images', '', 't', {}], 'commit-status needs a commit'],
    [['a\nb', '', 't', env], 'at most 255 characters on one line']
  ])('rejects %j', (args, message) => {
    expect(() => parseStatus(...args)).toThrow(message)
  })
})
