// The step's one timer (the timeout input): an AbortSignal that fires when the deadline passes, so
// requests in flight and pauses between rounds end at once; the one `sleep`; a watchdog, the last
// resort that ends the process should anything still hang well after the deadline; and the budget of
// each attempt at a request (ECR's and GitHub's), derived from the timeout.
import { formatDuration } from './text.js'

export class Deadline {
  readonly at: number
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private watchdogTimer: NodeJS.Timeout | undefined
  private readonly beforeExit = new Set<() => void>()

  constructor(
    readonly timeoutMs: number,
    private readonly now: () => number = Date.now
  ) {
    this.at = now() + timeoutMs
    this.timer = setTimeout(() => this.controller.abort(new DeadlineError(timeoutMs)), timeoutMs)
    this.timer.unref()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get expired(): boolean {
    return this.controller.signal.aborted || this.now() >= this.at
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now())
  }

  /** Sleeps `ms`, or less when the deadline passes first. */
  sleep(ms: number): Promise<void> {
    return sleep(ms, this.signal)
  }

  /** Calls `onHang` (which should end the process) if the step is still running `graceMs` after the deadline. */
  startWatchdog(graceMs: number, onHang: () => void): void {
    this.watchdogTimer = setTimeout(() => {
      for (const settle of this.beforeExit)
        try {
          settle()
        } catch {
          // The process ends regardless; what could not be settled is said by nothing else now.
        }
      onHang()
    }, this.timeoutMs + graceMs)
    this.watchdogTimer.unref()
  }

  /** `settle` runs (synchronously) before the watchdog ends the process, until the returned function is called. */
  beforeWatchdogExit(settle: () => void): () => void {
    this.beforeExit.add(settle)
    return () => this.beforeExit.delete(settle)
  }

  dispose(): void {
    clearTimeout(this.timer)
    clearTimeout(this.watchdogTimer)
  }
}

/** The reason the deadline's signal carries. */
export class DeadlineError extends Error {
  override name = 'DeadlineError'
  constructor(readonly timeoutMs: number) {
    super(`the step's timeout of ${formatDuration(timeoutMs)} passed`)
  }
}

/** Sleeps `ms`, or less when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * `promise`, or the signal's reason as soon as it aborts: the SDK checks the signal only when an
 * attempt starts, not while it pauses between attempts (up to 20 s after throttling).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    // Handled first, so its own rejection after an abort is never an unhandled one.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * The most one attempt may take, connecting, the headers and the whole body together: with the
 * default 5 attempts, a server that never answers ends the step in under a minute.
 */
export const ATTEMPT_BUDGET_MS = 10_000

/**
 * The SDK's longest pause before retry k: a base of 100 ms, doubling, at most 20 s. (After throttling
 * the base is 500 ms: then the deadline may come first, and the step says it timed out.)
 */
function longestPauseMs(k: number): number {
  return Math.min(20_000, 100 * 2 ** k)
}

/** The shortest budget an attempt gets, however little time is left. */
export const MIN_ATTEMPT_BUDGET_MS = 100

/**
 * One attempt's budget: ATTEMPT_BUDGET_MS, or less when the step's timeout leaves less. Every attempt
 * and the SDK's longest pauses between them fit in the timeout with one budget to spare, so a server
 * that never answers ends in a clear error before the deadline. Never more than the deadline leaves.
 */
export function attemptBudgetMs(timeoutMs: number, maxAttempts: number, remainingMs: number = timeoutMs): number {
  let pauses = 0
  for (let k = 1; k < maxAttempts; k++) pauses += longestPauseMs(k)
  const share = Math.floor((timeoutMs - pauses) / (maxAttempts + 1))
  return Math.max(1, Math.min(ATTEMPT_BUDGET_MS, Math.max(MIN_ATTEMPT_BUDGET_MS, share), remainingMs))
}
