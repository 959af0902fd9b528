import { describe, expect, it } from '@jest/globals'
import { Deadline, DeadlineError, sleep } from '../../src/deadline.js'

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

  it('sleeps through its own signal', async () => {
    const deadline = new Deadline(10)
    await deadline.sleep(60_000)
    expect(deadline.expired).toBe(true)
    deadline.dispose()
  })
})
