// lookUpUntilSettled with an injected clock and sleep: which ids are asked again, backoff, timeout.
import { describe, expect, it } from '@jest/globals'
import type { ImageRequest } from '../../../src/image.js'
import type { LookupResult } from '../../../src/ecr/lookup.js'
import { isSettled, lookUpUntilSettled, MAX_WAIT_INTERVAL_MS } from '../../../src/verdict/wait.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

function fakeClock() {
  let time = 0
  const sleeps: number[] = []
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      time += ms
    },
    sleeps,
    random: () => 0
  }
}

/** A round where each tag appears after `appearsAt` ms of the fake clock. */
function world(clock: { now: () => number }, appearsAt: Record<string, number>) {
  const asked: string[][] = []
  const round = async (requests: ImageRequest[]): Promise<LookupResult[]> => {
    asked.push(requests.map((r) => r.id.tag ?? ''))
    return requests.map((r) =>
      clock.now() >= (appearsAt[r.id.tag ?? ''] ?? Infinity)
        ? { request: r, status: 'found', image: image(r.id.tag, DIGEST_A) }
        : { request: r, status: 'failed', failure: { failureCode: 'ImageNotFound' } }
    )
  }
  return { asked, round }
}

describe('lookUpUntilSettled', () => {
  it('asks once without a timeout', async () => {
    const clock = fakeClock()
    const { asked, round } = world(clock, {})
    const outcome = await lookUpUntilSettled([request({ tag: 'a' })], round, {
      expect: 'present',
      timeoutMs: 0,
      intervalMs: 1000,
      log: () => {},
      ...clock
    })
    expect(asked).toEqual([['a']])
    expect(outcome.timedOut).toBe(false)
  })

  it('asks again only for unsettled ids, with growing pauses capped at 30 s', async () => {
    const clock = fakeClock()
    const { asked, round } = world(clock, { a: 0, b: 100_000 })
    const lines: string[] = []
    const outcome = await lookUpUntilSettled([request({ tag: 'a' }), request({ tag: 'b' })], round, {
      expect: 'present',
      timeoutMs: 300_000,
      intervalMs: 10_000,
      log: (line) => lines.push(line),
      ...clock
    })
    expect(outcome.timedOut).toBe(false)
    expect(outcome.results.map((result) => result.status)).toEqual(['found', 'found'])
    expect(asked[0]).toEqual(['a', 'b'])
    expect(asked.slice(1).every((tags) => tags.join() === 'b')).toBe(true)
    expect(clock.sleeps).toEqual([10_000, 15_000, 22_500, 30_000, 30_000])
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(MAX_WAIT_INTERVAL_MS)
    expect(lines[0]).toBe('Waiting 10s (5m left) for 1 image(s) not there yet: b')
  })

  it.each([0, 0.5, 0.999])('never pauses less than wait-interval, whatever the jitter (random %s)', async (random) => {
    const clock = { ...fakeClock(), random: () => random }
    const { round } = world(clock, { a: 60_000 })
    await lookUpUntilSettled([request({ tag: 'a' })], round, {
      expect: 'present',
      timeoutMs: 300_000,
      intervalMs: 1000,
      log: () => {},
      ...clock
    })
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1000)
    expect(clock.sleeps.every((ms, index) => index === 0 || ms >= (clock.sleeps[index - 1] ?? 0) || ms === MAX_WAIT_INTERVAL_MS)).toBe(true)
  })

  it('stops at the deadline, asking one last time at it', async () => {
    const clock = fakeClock()
    const { asked, round } = world(clock, {})
    const outcome = await lookUpUntilSettled([request({ tag: 'a' })], round, {
      expect: 'present',
      timeoutMs: 12_000,
      intervalMs: 5000,
      log: () => {},
      ...clock
    })
    expect(outcome.timedOut).toBe(true)
    expect(clock.sleeps).toEqual([5000, 7000])
    expect(asked).toHaveLength(3)
    expect(outcome.waitedMs).toBe(12_000)
  })

  it('waits for absence when expect is absent', async () => {
    expect(isSettled({ request: request({ tag: 'a' }), status: 'found', image: image('a', DIGEST_A) }, 'absent')).toBe(false)
    expect(isSettled({ request: request({ tag: 'a' }), status: 'failed', failure: { failureCode: 'ImageNotFound' } }, 'absent')).toBe(true)
    expect(isSettled({ request: request({ tag: 'a' }), status: 'failed', failure: { failureCode: 'KmsError' } }, 'present')).toBe(true)
    expect(
      isSettled({ request: request({ tag: 'a' }), status: 'failed', failure: { failureCode: 'ImageTagDoesNotMatchDigest' } }, 'present')
    ).toBe(false)
  })

  it('ends the wait at once on a whole-call error', async () => {
    const clock = fakeClock()
    const round = async (requests: ImageRequest[]): Promise<LookupResult[]> =>
      requests.map((r) => ({ request: r, status: 'error', error: new Error('denied') }))
    const outcome = await lookUpUntilSettled([request({ tag: 'a' })], round, {
      expect: 'present',
      timeoutMs: 60_000,
      intervalMs: 1000,
      log: () => {},
      ...clock
    })
    expect(clock.sleeps).toEqual([])
    expect(outcome.timedOut).toBe(false)
  })
})
