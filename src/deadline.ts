// The step's deadline (the timeout input): an AbortSignal that fires when it passes, so requests in
// flight and pauses between rounds end at once.
import { formatDuration } from './durations.js'

export class Deadline {
  readonly at: number
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout

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

  dispose(): void {
    clearTimeout(this.timer)
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
