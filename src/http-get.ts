// A plain GET for what is not an AWS API call (a layer's presigned download URL, a TUF repository's
// files), held to the same rules as every ECR request: through the proxy's agent (http-proxy and
// NO_PROXY), one budget per attempt for all of it (connect, headers, body), the same number of attempts
// with a growing pause, under the step's deadline; a size limit, and no redirects followed. The URL is
// sent exactly as given: nothing (no credentials, no headers beyond a user agent) is added to it.
import type { Agent, IncomingMessage } from 'node:http'
import { sleep } from './deadline.js'
import { formatBytes, formatDuration, safeText } from './text.js'

export interface HttpGetSettings {
  /** The proxy's agent (see ecr/proxy-agent.ts); undefined: direct. */
  agent?: Agent
  /** The budget of the attempt about to start, asked once per attempt. */
  attemptBudgetMs: () => number
  maxAttempts: number
  /** The step's deadline: ends an attempt in flight and the pause between attempts. */
  signal: AbortSignal
  /** Where failed attempts are reported. */
  log: (line: string) => void
}

/** A GET that did not give the body: why, in words that follow "<host> …", and whether another attempt may help. */
export class HttpGetError extends Error {
  override name = 'HttpGetError'
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    /** The body is larger than the limit (said by its content-length, or as it arrived). */
    readonly tooLarge = false
  ) {
    super(message)
  }
}

function hostOf(url: URL): string {
  return url.host
}

async function attempt(url: URL, maxBytes: number, budgetMs: number, settings: HttpGetSettings, userAgent: string): Promise<Buffer> {
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http')
  return new Promise<Buffer>((resolve, reject) => {
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(settings.signal.reason)
    settings.signal.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(
      () => controller.abort(new HttpGetError(`did not answer in full within the attempt's budget of ${formatDuration(budgetMs)}`, true)),
      budgetMs
    )
    let settled = false
    const finish = (error: unknown, body?: Buffer): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      settings.signal.removeEventListener('abort', onAbort)
      if (body !== undefined) resolve(body)
      else reject(error)
    }
    // An abort (the budget, the deadline) ends the attempt at once: a request still waiting for a socket
    // (a proxy that never answers CONNECT) emits no error of its own.
    controller.signal.addEventListener(
      'abort',
      () => {
        finish(controller.signal.reason)
        sent.destroy()
      },
      { once: true }
    )
    const sent = request(
      url,
      { method: 'GET', headers: { 'user-agent': userAgent }, signal: controller.signal, ...(settings.agent && { agent: settings.agent }) },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0
        if (status !== 200) {
          response.resume()
          const redirect = status >= 300 && status < 400
          return finish(
            new HttpGetError(
              `answered HTTP ${status}${redirect ? `, a redirect to ${safeText(String(response.headers.location ?? 'nowhere').replace(/[?#].*$/s, '')).slice(0, 200)}, which is not followed` : ''}`,
              status === 429 || status >= 500,
              status
            )
          )
        }
        const length = Number(response.headers['content-length'] ?? NaN)
        if (Number.isFinite(length) && length > maxBytes) {
          response.destroy()
          return finish(
            new HttpGetError(`sent ${formatBytes(length)}, more than the limit of ${formatBytes(maxBytes)}`, false, undefined, true)
          )
        }
        const chunks: Buffer[] = []
        let received = 0
        response.on('data', (chunk: Buffer) => {
          received += chunk.length
          if (received > maxBytes) {
            response.destroy()
            finish(new HttpGetError(`sent more than the limit of ${formatBytes(maxBytes)}`, false, undefined, true))
          } else chunks.push(chunk)
        })
        response.on('end', () => {
          if (Number.isFinite(length) && received !== length)
            finish(new HttpGetError(`ended the body after ${received} of ${length} bytes`, true))
          else finish(undefined, Buffer.concat(chunks))
        })
        response.on('error', (error) => finish(controller.signal.aborted ? controller.signal.reason : error))
      }
    )
    sent.on('error', (error) => finish(controller.signal.aborted ? controller.signal.reason : error))
    sent.end()
  })
}

/** What went wrong with an attempt, after "<host> …". */
function describe(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof HttpGetError) return { message: error.message, retryable: error.retryable }
  const code = (error as { code?: string }).code
  const message = safeText(error instanceof Error ? error.message : String(error))
  return { message: `could not be reached (${code ?? message})`, retryable: true }
}

/**
 * The body of `url` (at most `maxBytes`), after at most maxAttempts attempts. Throws an HttpGetError
 * whose message follows the host ("tuf-repo-cdn.sigstore.dev answered HTTP 404"), or the deadline's reason.
 */
export async function httpGet(url: string, maxBytes: number, settings: HttpGetSettings, userAgent: string): Promise<Buffer> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new HttpGetError(`is not an http(s) URL (${safeText(parsed.protocol)})`, false)
  for (let number = 1; ; number++) {
    if (settings.signal.aborted) throw settings.signal.reason
    const budget = Math.max(1, Math.round(settings.attemptBudgetMs()))
    try {
      return await attempt(parsed, maxBytes, budget, settings, userAgent)
    } catch (error) {
      if (settings.signal.aborted) throw settings.signal.reason
      const { message, retryable } = describe(error)
      const last = !retryable || number >= settings.maxAttempts
      settings.log(`GET ${hostOf(parsed)} failed (attempt ${number} of ${settings.maxAttempts}): ${message}`)
      if (last)
        throw new HttpGetError(
          `${hostOf(parsed)} ${message}${retryable && number > 1 ? ` (${number} attempts)` : ''}`,
          retryable,
          error instanceof HttpGetError ? error.status : undefined,
          error instanceof HttpGetError && error.tooLarge
        )
      await sleep(Math.min(100 * 2 ** (number - 1), 2_000) * (0.5 + Math.random() / 2), settings.signal)
    }
  }
}
