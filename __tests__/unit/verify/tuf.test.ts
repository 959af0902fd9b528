// The TUF client path through the action's own GET: a repository on 127.0.0.1 (testkit/tuf-repo.js)
// served to tuf-js with the fetcher the action gives it. A first step fetches and caches; a later step
// of the same job (the same cache under RUNNER_TEMP) asks nothing; a target that is not what the signed
// metadata says is refused; a repository that cannot be reached fails.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { startTufRepository } from '../../../testkit/tuf-repo.js'
import { closedPort } from '../../../testkit/loopback.js'
import type { HttpGetSettings } from '../../../src/http-get.js'
import { fetchTrustedRoot } from '../../../src/verify/trust.js'

const TRUSTED_ROOT = JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [] })
const http = (log: string[] = []): HttpGetSettings => ({
  attemptBudgetMs: () => 2_000,
  maxAttempts: 2,
  signal: new AbortController().signal,
  log: (line) => log.push(line)
})

describe('fetchTrustedRoot', () => {
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
  })

  it('fetches through TUF once, then a later step with the same cache asks nothing while it is valid', async () => {
    const repository = await startTufRepository({ 'trusted_root.json': TRUSTED_ROOT })
    closers.push(repository.close)
    const cache = mkdtempSync(join(tmpdir(), 'tuf-cache-'))
    await expect(fetchTrustedRoot(repository.url, repository.rootJson, {}, cache, http(), 'test/1')).resolves.toEqual(
      JSON.parse(TRUSTED_ROOT)
    )
    // The next root's version is not there (404): this root is the newest, as TUF says.
    expect(repository.requests).toEqual(['2.root.json', 'timestamp.json', 'snapshot.json', 'targets.json', 'targets/trusted_root.json'])
    repository.requests.length = 0
    await expect(fetchTrustedRoot(repository.url, repository.rootJson, {}, cache, http(), 'test/1')).resolves.toEqual(
      JSON.parse(TRUSTED_ROOT)
    )
    expect(repository.requests).toEqual([])
  })

  it('refuses a target that is not what the signed targets metadata says', async () => {
    const repository = await startTufRepository({ 'trusted_root.json': TRUSTED_ROOT })
    closers.push(repository.close)
    repository.files['targets/trusted_root.json'] = Buffer.from(TRUSTED_ROOT.replace('"tlogs":[]', '"tlogs":{}'))
    const cache = mkdtempSync(join(tmpdir(), 'tuf-cache-'))
    await expect(fetchTrustedRoot(repository.url, repository.rootJson, {}, cache, http(), 'test/1')).rejects.toThrow()
  })

  it('refuses metadata that has expired', async () => {
    const repository = await startTufRepository({ 'trusted_root.json': TRUSTED_ROOT }, { expires: new Date(Date.now() - 60_000) })
    closers.push(repository.close)
    const cache = mkdtempSync(join(tmpdir(), 'tuf-cache-'))
    await expect(fetchTrustedRoot(repository.url, repository.rootJson, {}, cache, http(), 'test/1')).rejects.toThrow(/expired/i)
  })

  it('fails, after every attempt, when the repository cannot be reached', async () => {
    const log: string[] = []
    const url = `http://127.0.0.1:${await closedPort()}`
    const cache = mkdtempSync(join(tmpdir(), 'tuf-cache-'))
    const other = await startTufRepository({})
    closers.push(other.close)
    const seed = other.rootJson
    await expect(fetchTrustedRoot(url, seed, {}, cache, http(log), 'test/1')).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/)
    expect(log).toEqual([expect.stringMatching(/attempt 1 of 2/), expect.stringMatching(/attempt 2 of 2/)])
  })
})
