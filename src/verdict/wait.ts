// wait-timeout: ask again, for the images not yet settled, until the expectation holds or time is up.
import { sleep as realSleep } from '../deadline.js'
import type { LookupResult } from '../ecr/lookup.js'
import { type Expectation, FailureCode, waitAsksAgain } from '../failure-codes.js'
import { type ImageRequest, requestKey } from '../image.js'
import { formatDuration, listNames } from '../text.js'

export const MAX_WAIT_INTERVAL_MS = 30_000

export interface WaitOptions {
  expect: Expectation
  timeoutMs: number
  intervalMs: number
  log: (line: string) => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
  /** True when no more rounds may start (the step's deadline passed). */
  stop?: () => boolean
}

export interface WaitOutcome {
  results: LookupResult[]
  /** True when time ran out with images still unsettled. */
  timedOut: boolean
  rounds: number
  waitedMs: number
  /** True when `stop` ended the wait early. */
  stopped: boolean
}

/** Whether a result satisfies the expectation, or can no longer change by waiting. */
export function isSettled(result: LookupResult, expect: Expectation): boolean {
  if (result.status === 'error') return true
  if (expect === 'absent') return result.status !== 'found'
  return result.status === 'found' || !waitAsksAgain(result.failure.failureCode)
}

/**
 * Runs `round` over all requests, then (when timeoutMs > 0) again over the unsettled ones, pausing
 * between rounds with backoff and jitter (up to 30 s), until all are settled or the time is up.
 * A whole-call error ends the wait at once.
 */
export async function lookUpUntilSettled(
  requests: readonly ImageRequest[],
  round: (requests: ImageRequest[]) => Promise<LookupResult[]>,
  options: WaitOptions
): Promise<WaitOutcome> {
  const sleep = options.sleep ?? ((ms: number) => realSleep(ms))
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const started = now()
  const deadline = started + options.timeoutMs
  const latest = new Map<string, LookupResult>()
  let pending = [...requests]
  let interval = Math.max(options.intervalMs, 1)
  let rounds = 0
  for (;;) {
    rounds++
    for (const result of await round(pending)) latest.set(requestKey(result.request), result)
    const unsettled = pending.filter((request) => !isSettled(latest.get(requestKey(request)) as LookupResult, options.expect))
    const errored = pending.some((request) => latest.get(requestKey(request))?.status === 'error')
    const remaining = deadline - now()
    const stopped = unsettled.length > 0 && (options.stop?.() ?? false)
    if (unsettled.length === 0 || errored || stopped || options.timeoutMs <= 0 || remaining <= 0) {
      const results = requests.map((request) => ({ ...(latest.get(requestKey(request)) as LookupResult), request }))
      const timedOut = unsettled.length > 0 && options.timeoutMs > 0 && !errored && !stopped
      return { results, timedOut, rounds, waitedMs: now() - started, stopped }
    }
    pending = unsettled
    // Jitter only lengthens a pause: never shorter than wait-interval.
    const delay = Math.min(Math.max(interval * (1 + 0.4 * random()), options.intervalMs), MAX_WAIT_INTERVAL_MS, remaining)
    const unsigned = unsettled.some((request) => {
      const result = latest.get(requestKey(request))
      return result?.status === 'failed' && result.failure.failureCode === FailureCode.ArtifactMissing
    })
    const state =
      options.expect === 'absent' ? 'still present' : unsigned ? 'not there yet, or without the artifacts required' : 'not there yet'
    const names = listNames(
      unsettled.map((request) => request.requested),
      10
    )
    options.log(`Waiting ${formatDuration(delay)} (${formatDuration(remaining)} left) for ${unsettled.length} image(s) ${state}: ${names}`)
    await sleep(delay)
    interval = Math.min(interval * 1.5, MAX_WAIT_INTERVAL_MS)
  }
}
