// The commit-status, commit-sha and github-token inputs: which commit gets a status under which
// context, and the token to post it with. Read before any call; the token is masked in the log.
import { readFileSync } from 'node:fs'
import { InputError } from '../image.js'

export interface StatusSettings {
  /** The status's context, for example ecr/images: what branch protection requires. */
  context: string
  sha: string
  owner: string
  repo: string
  token: string
  /** The run, for the status's link. */
  targetUrl?: string
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** The head commit of a pull_request or pull_request_target event, from the event file. */
function pullRequestHead(env: NodeJS.ProcessEnv): string | undefined {
  if (!/^pull_request(?:_target)?$/.test(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } }
    const sha = event.pull_request?.head?.sha
    return typeof sha === 'string' ? sha : undefined
  } catch {
    return undefined
  }
}

/** The status settings, or undefined when commit-status is empty (nothing is posted). */
export function parseStatus(context: string, shaInput: string, token: string, env: NodeJS.ProcessEnv): StatusSettings | undefined {
  const name = context.trim()
  if (name === '') return undefined
  // eslint-disable-next-line no-control-regex
  if (name.length > 255 || /[\u0000-\u001f\u007f]/.test(name))
    throw new InputError('commit-status must be a context name of at most 255 characters on one line, like ecr/images.')
  const sha = (shaInput.trim() || pullRequestHead(env) || env.GITHUB_SHA || '').toLowerCase()
  if (!SHA.test(sha))
    throw new InputError(
      sha === ''
        ? 'commit-status needs a commit: set commit-sha, or run in a workflow (GITHUB_SHA).'
        : `commit-sha '${sha}' is not a full commit SHA (40 hexadecimal characters).`
    )
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (owner === '' || repo === '') throw new InputError('commit-status needs GITHUB_REPOSITORY (owner/repo), which the runner sets.')
  if (token.trim() === '')
    throw new InputError('commit-status needs a token: github-token is empty (its default is the job token, github.token).')
  const targetUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return { context: name, sha, owner, repo, token: token.trim(), ...(targetUrl !== undefined && { targetUrl }) }
}
