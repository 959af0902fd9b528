// The runner's cancel: SIGINT, then SIGTERM a few seconds later, then SIGKILL. While files are being
// written (and until the step's outputs say what was written), a cancel is noted instead of ending
// the process at once: what is staged is removed, renaming that has started finishes, the outputs are
// written, and nothing else is done (no commit status, no promotion).

const CANCEL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

export interface CancelWatch {
  /** The first cancel signal received since the watch started. */
  readonly signal: NodeJS.Signals | undefined
  /** Back to Node's default: a cancel ends the process. */
  stop(): void
}

export function watchCancel(): CancelWatch {
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal
  }
  for (const signal of CANCEL_SIGNALS) process.on(signal, onSignal)
  return {
    get signal() {
      return received
    },
    stop() {
      for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal)
    }
  }
}
