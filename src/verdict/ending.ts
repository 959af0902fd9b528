// How the step ends, decided in one place from what happened: the deadline passed, a whole call
// failed, waiting gave up, images failed the gate, nothing was checked, or everything held; and the
// words every place says it in (the last line of the lookup, the summary's headline, the commit
// status), so they never say different things. Pure: main.ts carries it out.
import { describeCallError } from '../ecr/errors.js'
import { type Expectation, FailureCode } from '../failure-codes.js'
import { formatDuration, listNames, safeText } from '../text.js'
import type { Report } from './policy.js'
import type { WaitOutcome } from './wait.js'

export type Ending =
  /** The step's deadline passed with work pending: fails with this error. */
  | { kind: 'timed-out'; message: string }
  /** A BatchGetImage call failed as a whole: fails with this error. */
  | { kind: 'call-error'; message: string }
  /** wait-timeout passed with images still unsettled: fails with this error. */
  | { kind: 'gave-up'; message: string }
  /** Images failed the gate: each already has its error annotation, so this is a plain line; exit 1. */
  | { kind: 'failing-images'; message: string }
  /** Nothing was looked up (if-no-files-found warn or ignore let an empty scan through): found is false. */
  | { kind: 'nothing-checked'; message: string }
  | { kind: 'success'; message: string }

/**
 * Something after the verdict that fails the step: the outputs or manifest-file could not be written,
 * pin failed, the status could not be posted, the promotion failed, the run was cancelled. `what` is
 * the short clause others name it by ("the commit status could not be posted").
 */
export interface Problem {
  what: string
  message: string
}

export interface EndingFacts {
  report: Report
  wait: Pick<WaitOutcome, 'timedOut' | 'stopped' | 'waitedMs'>
  deadlineExpired: boolean
  timeoutMs: number
  expect: Expectation
  /** Why nothing was looked up, when the files stage found nothing to check. */
  nothingToCheck?: string
  /** With require-artifacts: what every found image carries, in words (`signed and attested`). */
  carried?: string
}

/** Whether the step fails with this ending. */
export function endingFails(ending: Ending): boolean {
  return ending.kind !== 'success' && ending.kind !== 'nothing-checked'
}

const TITLES: Partial<Record<Ending['kind'], string>> = {
  'timed-out': 'Timed out',
  'gave-up': 'Gave up waiting',
  'nothing-checked': 'Nothing to check',
  'call-error': 'The lookup failed'
}

/**
 * The words the summary's headline puts in bold, and the rest of the ending's message after them
 * (`rest` is the whole message when it does not start with them: a lookup's error is its own sentence).
 */
export function endingTitle(ending: Ending): { title: string; rest: string; startsWithTitle: boolean } | undefined {
  const title = TITLES[ending.kind]
  if (title === undefined) return undefined
  const startsWithTitle = ending.message.startsWith(title)
  return { title, rest: startsWithTitle ? ending.message.slice(title.length) : ending.message, startsWithTitle }
}

export function decideEnding({ report, wait, deadlineExpired, timeoutMs, expect, nothingToCheck, carried }: EndingFacts): Ending {
  if (report.verdicts.length === 0)
    return { kind: 'nothing-checked', message: `Nothing to check: ${nothingToCheck ?? 'no image was requested.'}` }
  // A reference from a file is named with its file and line: the same reference may fail in several files.
  const failingNames = listNames([
    ...new Set(
      report.failing.map(({ request }) =>
        safeText(request.source ? `${request.requested} (${request.source.file}:${request.source.line})` : request.requested)
      )
    )
  ])
  if (deadlineExpired && (report.error !== undefined || wait.stopped)) {
    const pending = report.verdicts
      .filter((verdict) => verdict.status === 'error' || verdict.status === 'present' || (verdict.status === 'failed' && verdict.fails))
      .map((verdict) => safeText(verdict.request.requested))
    return {
      kind: 'timed-out',
      message: `Timed out: the step's timeout of ${formatDuration(timeoutMs)} passed (raise the timeout input); still pending: ${listNames(pending) || 'nothing'}.`
    }
  }
  if (report.error !== undefined) return { kind: 'call-error', message: describeCallError(report.error.error, report.error.request) }
  // Waiting gave up only when what is still unsettled fails the gate: under a fail-on that lets a
  // missing image pass, the gate passes with it (its warning names it).
  if (wait.timedOut && report.failing.length > 0) {
    // An image there but without the evidence require-artifacts asks for is not "missing".
    const unsigned = report.failing.some(
      (verdict) => verdict.status === 'failed' && verdict.failure.failureCode === FailureCode.ArtifactMissing
    )
    const state = expect === 'absent' ? 'still present' : unsigned ? 'still missing or without the artifacts required' : 'still missing'
    return {
      kind: 'gave-up',
      message: `Gave up waiting after ${formatDuration(wait.waitedMs)} (wait-timeout): ${failingNames} ${state}.`
    }
  }
  const total = report.verdicts.length
  if (report.failing.length > 0)
    return { kind: 'failing-images', message: `${report.failing.length} of ${images(total)} failed the gate: ${failingNames}` }
  const absent = report.verdicts.filter((verdict) => verdict.status === 'absent').length
  return {
    kind: 'success',
    message:
      expect === 'absent'
        ? `${absent} of ${images(total)} absent, as expected.`
        : `${report.found.length} of ${images(total)} found${carried && report.found.length === total ? `, ${carried}` : ''}.`
  }
}

/**
 * Why pin must not write, if it must not: like promotion, only a gate that passed rewrites files, and
 * only when every reference looked up can be pinned in place (`fails`: that is an error of its own).
 */
export function pinBlocked(ending: Ending, unpinnable: number, unparsable = 0): { reason: string; fails: boolean } | undefined {
  if (ending.kind === 'failing-images' || ending.kind === 'gave-up')
    return { reason: 'the gate did not pass, so no file was written.', fails: false }
  if (ending.kind === 'nothing-checked') return { reason: 'nothing was checked, so no file was written.', fails: false }
  if (ending.kind !== 'success') return { reason: 'the lookup failed, so no file was written.', fails: false }
  if (unparsable > 0)
    return { reason: `${unparsable} file(s) cannot be read (see the errors at them), so no file was written.`, fails: false }
  if (unpinnable > 0)
    return {
      reason: `${unpinnable} reference(s) cannot be pinned in place (see the errors at their lines), so no file was written; write them as the errors say, or leave their files out of files.`,
      fails: true
    }
  return undefined
}

export type StatusState = 'success' | 'failure' | 'error'

/** A commit status's state and description (at most GitHub's 140 characters, on one line). */
export interface CommitStatus {
  state: StatusState
  description: string
}

/** GitHub's limit on a status's description. */
export const DESCRIPTION_LIMIT = 140

/**
 * The state and description the gate's ending gives: failure for images, error for a lookup that failed,
 * and error with the first problem's sentence when the gate passed but the step fails anyway (pin, the
 * outputs or manifest-file could not be written): a required check must not pass a run that failed.
 */
export function commitStatusOf(report: Report, ending: Ending, problems: readonly Problem[] = []): CommitStatus {
  const [problem] = problems
  const total = report.verdicts.length
  let state: StatusState
  let description: string
  if (ending.kind === 'call-error') {
    state = 'error'
    description = `The lookup failed: ${ending.message}`
  } else if (ending.kind === 'timed-out') {
    state = 'error'
    description = ending.message
  } else if (problem !== undefined && (ending.kind === 'success' || ending.kind === 'nothing-checked')) {
    state = 'error'
    description = problem.message
  } else if (ending.kind === 'gave-up') {
    state = 'failure'
    description = `Gave up waiting: ${report.failing.length} of ${images(total)} still ${report.failing.some((verdict) => verdict.status === 'present') ? 'present' : 'missing'}`
  } else if (ending.kind === 'failing-images') {
    state = 'failure'
    description = `${report.failing.length} of ${images(total)} failed the gate`
  } else {
    // success, or nothing checked (if-no-files-found let it pass): the ending's own sentence.
    state = 'success'
    description = ending.message.replace(/\.$/, '')
  }
  return { state, description: statusDescription(description) }
}

/** `1 image`, `12 images`. */
function images(count: number): string {
  return `${count} image${count === 1 ? '' : 's'}`
}

/** A status description: one line, at most GitHub's 140 characters, cut at a word with "…". */
export function statusDescription(description: string): string {
  const text = safeText(description)
  if (text.length <= DESCRIPTION_LIMIT) return text
  const cut = text.slice(0, DESCRIPTION_LIMIT - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > DESCRIPTION_LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`
}

/**
 * Why promotion must not run, if it must not: the gate did not pass, nothing was checked, or the step
 * fails anyway (named by what failed). A tag is written only when everything else held.
 */
export function promotionBlocked(ending: Ending, problems: readonly Problem[]): string | undefined {
  if (ending.kind === 'failing-images' || ending.kind === 'gave-up') return 'the gate did not pass, so no tag was written.'
  if (ending.kind === 'nothing-checked') return 'nothing was checked, so no tag was written.'
  if (ending.kind === 'timed-out') return "the step's timeout passed, so no tag was written."
  if (ending.kind !== 'success') return 'the lookup failed, so no tag was written.'
  const first = problems[0]
  if (first !== undefined) return `${first.what}, so no tag was written.`
  return undefined
}
