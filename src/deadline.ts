// The step's one timer (the timeout input): an AbortSignal that fires when the deadline passes, so
// requests in flight and pauses between rounds end at once; the one `sleep`; and a watchdog, the last
// resort that ends the process should anything still hang well after the deadline.
import { formatDuration } from './text.js'

export class Deadline {
  readonly at: number
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private watchdogTimer: NodeJS.Timeout | undefined

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
    this.watchdogTimer = setTimeout(onHang, this.timeoutMs + graceMs)
    this.watchdogTimer.unref()
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
