// A fake GitHub REST API on 127.0.0.1, as far as commit statuses go: POST
// {prefix}/repos/{owner}/{repo}/statuses/{sha} with a token, the way Octokit sends it. It checks the
// path, the Authorization header and the body as GitHub does, keeps what it was sent, and can answer
// an error status or never answer. The prefix (`/api/v3`) lets tests act as GitHub Enterprise Server.
import { createServer } from 'node:http'
import { listenOnLoopback } from './loopback.js'

const STATES = new Set(['error', 'failure', 'pending', 'success'])

/**
 * @typedef {{ method?: string, path: string, authorization?: string, body: any }} GitHubRequest
 * @typedef {{ owner: string, repo: string, sha: string, state: string, context: string, description?: string, target_url?: string }} StoredStatus
 */

export class FakeGitHub {
  /** @param {{ token?: string, prefix?: string }} [options] */
  constructor(options = {}) {
    this.token = options.token ?? 'ghs_faketokenfortheFakeGitHub000000000'
    this.prefix = options.prefix ?? ''
    /** @type {GitHubRequest[]} */
    this.requests = []
    /** @type {StoredStatus[]} */
    this.statuses = []
    /** @type {{ times: number, status?: number, message?: string, stall?: boolean }[]} */
    this.faults = []
    this.server = createServer((req, res) => void this.handle(req, res))
    /** @type {(() => Promise<void>) | undefined} */
    this.close = undefined
  }

  /** @returns {Promise<string>} the API URL, for GITHUB_API_URL */
  async start() {
    const listening = await listenOnLoopback(this.server)
    this.close = listening.close
    this.url = `http://127.0.0.1:${listening.port}${this.prefix}`
    return this.url
  }

  async stop() {
    await this.close?.()
  }

  reset() {
    this.requests = []
    this.statuses = []
    this.faults = []
  }

  /** Answers the next `times` requests with an HTTP error, as GitHub words it. @param {number} times @param {number} status @param {string} message */
  failWith(times, status, message) {
    this.faults.push({ times, status, message })
  }

  /** Accepts the next `times` requests and never answers. @param {number} times */
  stall(times) {
    this.faults.push({ times, stall: true })
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async handle(req, res) {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString('utf8')
    /** @type {any} */
    let body
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = undefined
    }
    const authorization = /** @type {string | undefined} */ (req.headers.authorization)
    this.requests.push({ method: req.method, path: req.url ?? '', authorization, body })
    const send = (/** @type {number} */ status, /** @type {unknown} */ payload) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(payload))
    }
    const fault = this.faults.find((candidate) => candidate.times > 0)
    if (fault) {
      fault.times--
      if (fault.stall) return
      return send(fault.status ?? 500, { message: fault.message ?? 'Server Error', documentation_url: 'https://docs.github.com/rest' })
    }
    if (authorization !== `token ${this.token}` && authorization !== `Bearer ${this.token}`)
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
    const match = new RegExp(`^${this.prefix}/repos/([^/]+)/([^/]+)/statuses/([0-9a-f]{40})$`).exec(req.url ?? '')
    if (req.method !== 'POST' || !match) return send(404, { message: 'Not Found' })
    const [, owner = '', repo = '', sha = ''] = match
    if (!body || !STATES.has(body.state) || typeof body.context !== 'string')
      return send(422, { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', field: 'state' }] })
    if (typeof body.description === 'string' && body.description.length > 140)
      return send(422, {
        message: 'Validation Failed',
        errors: [
          { resource: 'Status', field: 'description', code: 'custom', message: 'description is too long (maximum is 140 characters)' }
        ]
      })
    const status = { owner, repo, sha, ...body }
    this.statuses.push(status)
    send(201, {
      id: this.statuses.length,
      state: body.state,
      context: body.context,
      description: body.description ?? null,
      target_url: body.target_url ?? null
    })
  }
}
