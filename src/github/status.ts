// The commit status (commit-status): the gate's verdict (verdict/ending.ts says which) posted to a
// commit under a stable context, so branch protection can require it whatever workflow produced it.
// Through @actions/github, which reads GITHUB_API_URL (GitHub Enterprise Server) and the proxy settings
// when it loads: main.ts loads this module only when commit-status is set, and it loads @actions/github
// only after setting the proxy. A GitHub outage is retried; what GitHub refuses is said in one sentence
// naming the permission. The token is never logged.
import { ATTEMPT_BUDGET_MS, type Deadline, attemptBudgetMs, sleep } from '../deadline.js'
import type { ProxySettings } from '../inputs/proxy.js'
import type { StatusSettings } from '../inputs/status.js'
import { errorMessage, safeText } from '../text.js'
import type { CommitStatus } from '../verdict/ending.js'

/** Attempts at posting the status, for a GitHub outage or a stall. */
export const STATUS_ATTEMPTS = 3

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
  if (unreached(error) && /aborted due to timeout/i.test(errorMessage(error)))
    return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (no answer within each attempt's budget). The lookup's result above stands; retry the job to set the status.`
  if (unreached(error))
    return `Could not set ${where}: GitHub's API at ${safeText(process.env.GITHUB_API_URL ?? 'https://api.github.com')} could not be reached in ${attempts} attempt(s) (${firstLine(error)}). Check GITHUB_API_URL, the proxy settings and the network; the lookup's result above stands, and rerunning the job sets the status.`
  const cause = status !== undefined ? `HTTP ${status}` : firstLine(error)
  return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (${cause}). The lookup's result above stands; retry the job to set the status.`
}

/**
 * Whether the request never got an answer: Octokit reports a network failure (a refused connection, a
 * name that does not resolve) as HTTP 500 with no response, though no server said 500.
 */
function unreached(error: unknown): boolean {
  const failure = error as RequestFailure
  return failure.status === 500 && failure.response === undefined
}

function firstLine(error: unknown): string {
  return safeText(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)
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
export async function postCommitStatus(settings: StatusSettings, status: CommitStatus, options: PostOptions): Promise<void> {
  // Loaded here, not above: @actions/github reads GITHUB_API_URL and the proxy when it loads.
  const { getOctokit } = await import('@actions/github')
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
  return status !== undefined && !unreached(error) ? `HTTP ${status}` : firstLine(error).slice(0, 120)
}

export interface StatusContext {
  deadline: Deadline
  timeoutMs: number
  /** How long past the deadline one attempt may still take (within the watchdog's grace). */
  graceMs: number
  proxy?: ProxySettings
  log: (line: string) => void
}

/**
 * Posts the status with the action's proxy and budgets: each attempt gets what the deadline leaves, at
 * least its share of timeout; past the deadline, one attempt within the grace, so an error status still
 * gets out.
 */
export async function reportCommitStatus(settings: StatusSettings, status: CommitStatus, context: StatusContext): Promise<void> {
  if (context.proxy) {
    // @actions/github takes its proxy from the environment: the action's own setting wins.
    process.env.HTTPS_PROXY = process.env.HTTP_PROXY = context.proxy.url.href
    process.env.NO_PROXY = context.proxy.noProxy
  }
  const expired = context.deadline.expired
  const share = attemptBudgetMs(context.timeoutMs, STATUS_ATTEMPTS)
  await postCommitStatus(settings, status, {
    attempts: expired ? 1 : STATUS_ATTEMPTS,
    attemptBudgetMs: () =>
      expired ? Math.min(share, context.graceMs) : Math.min(ATTEMPT_BUDGET_MS, Math.max(context.deadline.remainingMs(), share)),
    sleep: (ms) => sleep(ms),
    log: context.log
  })
}
