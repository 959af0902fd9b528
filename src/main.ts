// The pipeline, in order: read the inputs → scan the files (with files) → ask ECR (round by round
// while waiting, under the step's deadline) → judge (policy, then how the step ends) → pin the files
// (with pin) → report (report/report.ts) → the commit status (with commit-status) → promote (with
// promote-tags, only when all else held) → the summary → end the step.
import * as core from '@actions/core'
import { type CancelWatch, watchCancel } from './cancel.js'
import { Deadline } from './deadline.js'
import { FailureCode, failureFails } from './failure-codes.js'
import { InputError } from './image.js'
import { ACTION_NAME, ACTION_VERSION, type EcrClients, createClients } from './ecr/client.js'
import { createLookupRound } from './ecr/round.js'
import { workspaceOf } from './inputs/files.js'
import { type Inputs, getInputs } from './inputs/inputs.js'
import { describeSigner } from './inputs/verify.js'
import { type PromoteSettings, checkOneImagePerRepository } from './inputs/promote.js'
import { parseProxy } from './inputs/proxy.js'
import { parseStatus } from './inputs/status.js'
import type { PinResult } from './manifests/pin.js'
import type { ScanResult } from './manifests/scan.js'
import type { Promotion } from './promote/plan.js'
import { logScan } from './report/log.js'
import { promotionReserve } from './report/outputs.js'
import { reportPromotion, writeReport, writeSummary } from './report/report.js'
import { errorMessage, formatDuration, safeText } from './text.js'
import {
  type Ending,
  type Problem,
  commitStatusOf,
  decideEnding,
  pinBlocked,
  promotionBlocked,
  statusDescription
} from './verdict/ending.js'
import { type Report, evaluate } from './verdict/policy.js'
import { lookUpUntilSettled } from './verdict/wait.js'

/** After the deadline, this long is left to write outputs before the process is ended regardless. */
const WATCHDOG_GRACE_MS = 10_000
const EXIT_FAILURE = 1

/** The promotion stage, loaded only with promote-tags; an error it did not expect still ends in one sentence. */
async function promoteFound(
  report: Report,
  settings: PromoteSettings,
  inputs: Pick<Inputs, 'acceptedMediaTypes'>,
  clients: EcrClients,
  deadline: Deadline
): Promise<Promotion> {
  try {
    const { promote, promotionEcr } = await import('./promote/promote.js')
    return await promote(report.found, settings, promotionEcr(clients), {
      acceptedMediaTypes: inputs.acceptedMediaTypes,
      deadline,
      log: (line) => core.info(line)
    })
  } catch (error) {
    return {
      result: 'failed',
      tags: [],
      failure: `The promotion failed: ${errorMessage(error)}. Tags may have been written before it: rerun the job (tags already on their image are left as they are).`
    }
  }
}

/**
 * The pin stage, loaded only with pin: true: files are written only when the gate passed and every
 * reference can be pinned in place, all or none. Always a result, so pinned-files says what changed.
 */
async function pinStage(
  scan: ScanResult,
  report: Report,
  ending: Ending,
  options: { deadline: Deadline; cancel: CancelWatch }
): Promise<{ pin: PinResult; problem?: string; stoppedByCancel?: boolean }> {
  const blocked = pinBlocked(ending, scan.unpinnable.length, scan.unparsable.length)
  if (blocked !== undefined)
    return {
      pin: { changes: [], left: [], files: [], notWritten: blocked.reason },
      ...(blocked.fails && { problem: `pin: ${blocked.reason}` })
    }
  try {
    const { pinFound } = await import('./manifests/pin.js')
    return { pin: await pinFound(scan, report, { log: (line) => core.info(line), ...options }) }
  } catch (error) {
    return {
      pin: { changes: [], left: [], files: [], notWritten: errorMessage(error).replace(/^pin: /, '') },
      problem: errorMessage(error),
      stoppedByCancel: options.cancel.signal !== undefined
    }
  }
}

/**
 * The lookup's final line: how it ended, in the words of the summary's headline and the commit status.
 * Images that failed the gate already have their error annotations: a plain line, and exit code 1.
 */
function endLookup(ending: Ending): void {
  if (ending.kind === 'success' || ending.kind === 'nothing-checked') core.info(ending.message)
  else if (ending.kind === 'failing-images') {
    core.info(ending.message)
    process.exitCode = EXIT_FAILURE
  } else core.setFailed(ending.message)
}

/** How long an input error's commit status may take to post: the step's timeout could not be read. */
const INPUT_ERROR_STATUS_MS = 60_000

/**
 * An input error still reports, so nothing waits on this step forever: `found` is false,
 * `promote-result` is skipped (with promote-tags), and, when the commit-status settings themselves are
 * valid, an `error` status says the input error.
 */
async function reportInputError(message: string, inputs: Inputs | undefined): Promise<void> {
  try {
    core.setOutput('found', 'false')
    if (core.getInput('promote-tags').trim() !== '') core.setOutput('promote-result', 'skipped')
  } catch (error) {
    core.warning(`Could not write the step outputs to GITHUB_OUTPUT: ${errorMessage(error)}`)
  }
  await writeSummary({ inputError: message })
  let status: Inputs['status']
  let proxy: Inputs['proxy']
  try {
    status =
      inputs !== undefined
        ? inputs.status
        : parseStatus(core.getInput('commit-status'), core.getInput('commit-sha'), core.getInput('github-token'), process.env)
    proxy = inputs !== undefined ? inputs.proxy : parseProxy(core.getInput('http-proxy'), process.env)
  } catch {
    return // the commit-status or proxy settings are the input error: there is no status to post
  }
  if (status === undefined) return
  core.setSecret(status.token)
  const deadline = new Deadline(INPUT_ERROR_STATUS_MS)
  try {
    const { reportCommitStatus } = await import('./github/status.js')
    await reportCommitStatus(
      status,
      { state: 'error', description: statusDescription(`Input error: ${message}`) },
      {
        deadline,
        timeoutMs: INPUT_ERROR_STATUS_MS,
        graceMs: WATCHDOG_GRACE_MS - 2_000,
        ...(proxy && { proxy }),
        log: (line) => core.info(line)
      }
    )
  } catch (error) {
    core.warning(errorMessage(error))
  } finally {
    deadline.dispose()
  }
}

export async function run(): Promise<void> {
  let deadline: Deadline | undefined
  let cancel: CancelWatch | undefined
  let known: Inputs | undefined
  try {
    const inputs = getInputs()
    known = inputs
    const activeDeadline = (deadline = new Deadline(inputs.timeoutMs))
    deadline.startWatchdog(WATCHDOG_GRACE_MS, () => {
      core.setFailed(`Timed out: the step's timeout of ${formatDuration(inputs.timeoutMs)} passed and the step did not finish.`)
      process.exit(EXIT_FAILURE)
    })

    // The verify-signer stage (only with that input): a trusted-root input is read first, so a file that
    // cannot be used is an input error before anything else is done.
    const verifyStage = inputs.verify ? await import('./verify/check.js') : undefined
    if (inputs.verify && inputs.failOn.kind !== 'all' && !failureFails(FailureCode.SignatureNotVerified, inputs.failOn))
      core.warning(
        `verify-signer is set, but fail-on (${inputs.failOn.kind === 'none' ? 'none' : [...inputs.failOn.codes].join(', ')}) does not list SignatureNotVerified: an image no bundle verifies for is left out of the outputs, and does not fail the step. Add SignatureNotVerified to fail-on to gate on it.`,
        { title: 'verify-signer does not gate' }
      )
    const fileTrust =
      inputs.verify?.trustedRoot !== undefined
        ? verifyStage?.trustedRootFromFile(inputs.verify.trustedRoot, workspaceOf(process.env))
        : undefined

    // The files stage (only with files): the references in the files join the others.
    const scan = inputs.files ? await (await import('./manifests/scan.js')).scanFiles(inputs.files) : undefined
    if (scan) logScan(scan, inputs.files?.pin ?? false)
    const requests = [...inputs.requests, ...(scan?.requests ?? [])]
    if (inputs.promote) checkOneImagePerRepository(requests)
    core.debug(`Looking up ${requests.length} image(s).`)

    const clients = await createClients(inputs, deadline, (line) => core.info(line))
    let round = await createLookupRound(inputs, clients)
    let carried: string | undefined
    if (inputs.requireArtifacts) {
      // The require-artifacts stage (only with that input): each round's found images must carry the evidence.
      const { artifactRound, describeKinds } = await import('./artifacts/check.js')
      carried = describeKinds(inputs.requireArtifacts)
      round = artifactRound(round, { ...clients, required: inputs.requireArtifacts, acceptedMediaTypes: inputs.acceptedMediaTypes })
    }
    if (inputs.verify && verifyStage && clients.http) {
      // Each found image needs a Sigstore bundle that verifies for the signer (with require-artifacts, one per kind).
      const userAgent = `${ACTION_NAME}/${ACTION_VERSION}`
      const trust = fileTrust ?? verifyStage.trustedRootsFromTuf(clients.http, userAgent, process.env)
      round = verifyStage.verifyRound(round, {
        ...clients,
        http: clients.http,
        verify: inputs.verify,
        trust,
        userAgent,
        ...(inputs.requireArtifacts && { required: inputs.requireArtifacts }),
        warn: (message) => core.warning(message, { title: 'Sigstore bundle not verified' }),
        plainLoopback: verifyStage.allowsPlainLoopback(process.env),
        deadline: activeDeadline
      })
      carried = `${carried ? `${carried}, ` : ''}verified as signed by ${describeSigner(inputs.verify.signer)}`
    }
    const outcome = await lookUpUntilSettled(requests, round, {
      expect: inputs.expect,
      timeoutMs: inputs.waitTimeoutMs,
      intervalMs: inputs.waitIntervalMs,
      log: (line) => core.info(safeText(line)),
      sleep: (ms) => activeDeadline.sleep(ms),
      stop: () => activeDeadline.expired
    })

    const report = evaluate(outcome.results, inputs.failOn, inputs.expect)
    const ending = decideEnding({
      report,
      wait: outcome,
      deadlineExpired: deadline.expired,
      timeoutMs: inputs.timeoutMs,
      expect: inputs.expect,
      ...(scan?.nothingFound && { nothingToCheck: scan.nothingFound.message }),
      ...(carried !== undefined && { carried })
    })

    // pin (only with pin: true, and only when the gate passed): rewrite what was found, all or nothing.
    const problems: Problem[] = []
    // A file no reader could parse fails the step, once every other file has been checked.
    const unparsable = scan?.unparsable.length ?? 0
    if (unparsable > 0)
      problems.push({
        what: 'files could not be read',
        message: `files: ${unparsable === 1 ? '1 file cannot be read' : `${unparsable} files cannot be read`} (see the error at ${unparsable === 1 ? 'it' : 'each'}), so what ${unparsable === 1 ? 'it references' : 'they reference'} was not checked; every other file was.`
      })
    let pin: PinResult | undefined
    let pinStoppedByCancel = false
    if (inputs.files?.pin && scan) {
      // From here a cancel lets the files and the outputs be finished, and stops the rest (see cancel.ts).
      cancel = watchCancel()
      const pinned = await pinStage(scan, report, ending, { deadline: activeDeadline, cancel })
      pin = pinned.pin
      pinStoppedByCancel = pinned.stoppedByCancel === true
      if (pinned.problem !== undefined) problems.push({ what: 'the files could not be pinned', message: pinned.problem })
    }

    const outputsReserve = inputs.promote ? promotionReserve(report.found, inputs.promote.tags) : 0
    const reported = await writeReport(report, { ...inputs, ...(pin && { pin }), outputsReserve })
    problems.push(...reported.problems)
    // The lookup's final line, before what follows it (the status, the promotion).
    endLookup(ending)

    // The commit status (only with commit-status): the gate's verdict, once the outputs are written and
    // before any tag is, so a status that cannot be posted also keeps promotion from writing.
    // The files and the outputs are done: from here a cancel ends the process at once, as without pin.
    cancel?.stop()
    const cancelled = cancel?.signal
    if (cancelled !== undefined && !pinStoppedByCancel)
      problems.push({
        what: `the run was cancelled (${cancelled})`,
        message: `The run was cancelled (${cancelled}) ${
          pin?.notWritten === undefined
            ? 'once the pinned files were being renamed: the renaming finished first, so pinned-files lists every file pinned'
            : 'and no file was pinned'
        }; the commit status and promotion were not done.`
      })
    if (inputs.status && cancelled === undefined)
      try {
        const { reportCommitStatus } = await import('./github/status.js')
        await reportCommitStatus(inputs.status, commitStatusOf(report, ending, problems), {
          deadline: activeDeadline,
          timeoutMs: inputs.timeoutMs,
          graceMs: WATCHDOG_GRACE_MS - 2_000,
          ...(inputs.proxy && { proxy: inputs.proxy }),
          log: (line) => core.info(line)
        })
      } catch (error) {
        problems.push({ what: 'the commit status could not be posted', message: errorMessage(error) })
      }

    // Promotion (only with promote-tags): tags are written only when the gate passed and nothing else failed.
    let promotion: Promotion | undefined
    if (inputs.promote) {
      const blocked =
        cancelled !== undefined ? `the run was cancelled (${cancelled}), so no tag was written.` : promotionBlocked(ending, problems)
      promotion =
        blocked !== undefined
          ? { result: 'skipped', tags: [], skipped: blocked }
          : await promoteFound(report, inputs.promote, inputs, clients, activeDeadline)
      problems.push(...reportPromotion(promotion, outputsReserve))
      if (promotion.failure !== undefined) problems.push({ what: 'the promotion failed', message: promotion.failure })
    }
    // What else failed (a report, the status, the promotion) fails the step too, after the verdict is
    // said: the last lines of the log, and in the summary under its headline. The same sentence twice
    // (a GITHUB_OUTPUT that fails for the promotion's outputs too) is said once.
    const failed = problems.filter((problem, index) => problems.findIndex((other) => other.message === problem.message) === index)
    await writeSummary({ report, ending, problems: failed, files: reported.files, ...(pin && { pin }), ...(promotion && { promotion }) })
    for (const problem of failed) core.setFailed(problem.message)
  } catch (error) {
    if (error instanceof InputError) await reportInputError(errorMessage(error), known)
    core.setFailed(errorMessage(error))
  } finally {
    deadline?.dispose()
    cancel?.stop()
  }
}
