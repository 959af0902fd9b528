import { describe, expect, it } from '@jest/globals'
import { ATTEMPT_BUDGET_MS, Deadline, DeadlineError, MIN_ATTEMPT_BUDGET_MS, attemptBudgetMs, sleep } from '../../src/deadline.js'

describe('Deadline', () => {
  it('aborts its signal with a DeadlineError when it passes, ending a pause early', async () => {
    const deadline = new Deadline(20)
    await sleep(60_000, deadline.signal)
    expect(deadline.signal.aborted).toBe(true)
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineError)
    expect(deadline.expired).toBe(true)
    expect(deadline.remainingMs()).toBe(0)
    deadline.dispose()
  })

  it('reports the time left from its clock', () => {
    let now = 1000
    const deadline = new Deadline(5000, () => now)
    now = 3000
    expect(deadline.remainingMs()).toBe(3000)
    expect(deadline.expired).toBe(false)
    now = 6000
    expect(deadline.expired).toBe(true)
    deadline.dispose()
  })

  it('does not sleep at all on an aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined()
  })
})

describe('the watchdog', () => {
  it('calls back once the grace after the deadline has passed, unless disposed first', async () => {
    const calls: string[] = []
    const late = new Deadline(5)
    late.startWatchdog(5, () => calls.push('late'))
    const done = new Deadline(5)
    done.startWatchdog(5, () => calls.push('done'))
    done.dispose()
    await sleep(50)
    expect(calls).toEqual(['late'])
    late.dispose()
  })

  it('settles what asked to be settled (files being renamed) before it ends the process, even when one settling throws', async () => {
    const calls: string[] = []
    const deadline = new Deadline(5)
    deadline.beforeWatchdogExit(() => calls.push('settle writes'))
    deadline.beforeWatchdogExit(() => {
      throw new Error('a rename failed')
    })
    const released = deadline.beforeWatchdogExit(() => calls.push('released'))
    released()
    deadline.startWatchdog(5, () => calls.push('exit'))
    await sleep(50)
    expect(calls).toEqual(['settle writes', 'exit'])
    deadline.dispose()
  })

  it('sleeps through its own signal', async () => {
    const deadline = new Deadline(10)
    await deadline.sleep(60_000)
    expect(deadline.expired).toBe(true)
    deadline.dispose()
  })
})

describe('attemptBudgetMs', () => {
  /** The SDK's longest pauses between n attempts (a base of 100 ms, doubling, at most 20 s). */
  const pauses = (n: number): number =>
    Array.from({ length: n - 1 }, (_, k) => Math.min(20_000, 100 * 2 ** (k + 1))).reduce((a, b) => a + b, 0)

  it('is 10 s on default inputs, so a server that never answers ends the step in under a minute', () => {
    const budget = attemptBudgetMs(5 * 60_000, 5)
    expect(budget).toBe(ATTEMPT_BUDGET_MS)
    expect(5 * budget + pauses(5)).toBeLessThan(60_000)
  })

  it.each([
    [3_000, 2],
    [6_000, 5],
    [30_000, 5],
    [60_000, 20],
    [3_600_000, 20]
  ])('fits every attempt and pause in a timeout of %d ms with %d attempts, with a budget to spare', (timeout, attempts) => {
    const budget = attemptBudgetMs(timeout, attempts)
    if (budget > MIN_ATTEMPT_BUDGET_MS) expect(attempts * budget + pauses(attempts) + budget).toBeLessThanOrEqual(timeout)
    expect(budget).toBeLessThanOrEqual(ATTEMPT_BUDGET_MS)
  })

  it('never outlives the deadline', () => {
    expect(attemptBudgetMs(300_000, 5, 1_234)).toBe(1_234)
    expect(attemptBudgetMs(300_000, 5, 0)).toBe(1)
  })
})
