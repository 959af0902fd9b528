// The commit status (commit-status): the gate's verdict posted to a commit under a stable context, so
// branch protection can require it whatever workflow produced it. Through @actions/github, which reads
// GITHUB_API_URL (GitHub Enterprise Server) and the proxy settings when it loads: main.ts loads this
// module only when commit-status is set, after the proxy is settled. A GitHub outage is retried; what
// GitHub refuses is said in one sentence naming the permission. The token is never logged.
import { getOctokit } from '@actions/github'
import type { StatusSettings } from '../inputs/status.js'
import { errorMessage, safeText } from '../text.js'
import type { Ending } from '../verdict/ending.js'
import type { Report } from '../verdict/policy.js'

export type StatusState = 'success' | 'failure' | 'error'

/** GitHub's limit on a status's description. */
export const DESCRIPTION_LIMIT = 140
/** Attempts at posting the status, for a GitHub outage or a stall. */
export const STATUS_ATTEMPTS = 3

/** The state and description the gate's ending gives: failure for images, error for a lookup that failed. */
export function commitStatusOf(report: Report, ending: Ending): { state: StatusState; description: string } {
  const total = report.verdicts.length
  const absent = report.verdicts.filter((verdict) => verdict.status === 'absent').length
  let state: StatusState
  let description: string
  if (ending.kind === 'call-error' || ending.kind === 'timed-out') {
    state = 'error'
    description = `The lookup failed: ${ending.message}`
  } else if (ending.kind === 'failing-images' || ending.kind === 'gave-up') {
    state = 'failure'
    description = `${report.failing.length} of ${total} images failed the gate${ending.kind === 'gave-up' ? ' (gave up waiting)' : ''}`
  } else {
    state = 'success'
    description = absent > 0 ? `${absent} of ${total} images absent, as expected` : `${report.found.length} of ${total} images found`
  }
  const text = safeText(description)
  return { state, description: text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT - 1)}…` : text }
}

/** A status GitHub did not take: the step fails with this message. */
export class StatusError extends Error {
  override name = 'StatusError'
}

interface RequestFailure {
  status?: number
  message?: string
  response?: { data?: { message?: unknown } }
}

function githubSaid(error: unknown): string {
  const said = (error as RequestFailure).response?.data?.message
  return typeof said === 'string' ? ` (GitHub said: ${safeText(said).slice(0, 200)})` : ''
}

function describeStatusError(error: unknown, settings: StatusSettings, attempts: number): string {
  const where = `the commit status ${safeText(settings.context)} on ${settings.sha.slice(0, 12)} in ${settings.owner}/${settings.repo}`
  const status = (error as RequestFailure).status
  if (status === 401) return `Could not set ${where}: GitHub rejected the token (HTTP 401)${githubSaid(error)}. Check github-token.`
  if (status === 403)
    return `Could not set ${where}: the token may not write statuses (HTTP 403)${githubSaid(error)}. Give the job \`permissions: statuses: write\`; a pull request from a fork gets a read-only token, so set the status from a workflow_run workflow instead.`
  if (status === 404)
    return `Could not set ${where}: GitHub answered HTTP 404${githubSaid(error)}: the token cannot see that repository, or lacks statuses: write. Check github-token and the job's permissions.`
  if (status === 422) return `GitHub refused ${where} (HTTP 422)${githubSaid(error)}: check commit-sha.`
  const cause = status !== undefined ? `HTTP ${status}` : safeText(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)
  return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (${cause}). The lookup's result above stands; retry the job to set the status.`
}

export interface PostOptions {
  /** At most this many attempts (STATUS_ATTEMPTS, or fewer when time is short). */
  attempts: number
  /** The budget of each attempt (ms), asked once per attempt so it never outlives the deadline. */
  attemptBudgetMs: () => number
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
}

/** Whether an attempt's failure is worth another attempt: a GitHub outage, throttling, a stall, the network. */
function retryable(error: unknown): boolean {
  const status = (error as RequestFailure).status
  return status === undefined || status >= 500 || status === 429
}

/** Posts the status, retrying an outage; throws StatusError with one sentence when GitHub does not take it. */
export async function postCommitStatus(
  settings: StatusSettings,
  status: { state: StatusState; description: string },
  options: PostOptions
): Promise<void> {
  const octokit = getOctokit(settings.token)
  let lastError: unknown
  let attempt = 0
  while (++attempt <= options.attempts) {
    try {
      await octokit.rest.repos.createCommitStatus({
        owner: settings.owner,
        repo: settings.repo,
        sha: settings.sha,
        state: status.state,
        context: settings.context,
        description: status.description,
        ...(settings.targetUrl !== undefined && { target_url: settings.targetUrl }),
        request: { signal: AbortSignal.timeout(Math.max(1, options.attemptBudgetMs())), retries: 0 }
      })
      options.log(`Set the commit status ${safeText(settings.context)} on ${settings.sha}: ${status.state} (${status.description}).`)
      return
    } catch (error) {
      lastError = error
      if (!retryable(error) || attempt === options.attempts) break
      options.log(`GitHub did not take the commit status (${describeAttempt(error)}); trying again.`)
      await options.sleep(500 * 2 ** (attempt - 1))
    }
  }
  throw new StatusError(describeStatusError(lastError, settings, Math.min(attempt, options.attempts)))
}

function describeAttempt(error: unknown): string {
  const status = (error as RequestFailure).status
  return status !== undefined ? `HTTP ${status}` : safeText(errorMessage(error).split('\n')[0] ?? '').slice(0, 120)
}
