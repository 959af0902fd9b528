// Every attempt at a request has one budget for all of it: connecting, the response headers, and the
// whole body. The SDK's handler times only the part before the headers (requestTimeout, and only as
// an error with throwOnRequestTimeout) and nothing once headers have arrived, so a server that
// drips its body would hold the step until its deadline. This handler wraps the SDK's: it gives the
// inner handler the budget as its requestTimeout, then times the body with what is left, and destroys
// a body that outlives it. Either way the attempt fails with a TimeoutError, which the SDK retries.
import type { IncomingMessage } from 'node:http'
import { Transform, pipeline } from 'node:stream'
import type { HttpHandlerOptions, HttpResponse } from '@smithy/types'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import { formatDuration } from '../text.js'

/** What this handler adds to an attempt's error, for errors.ts to say what happened. */
export interface AttemptFacts {
  /** The attempt's budget, when it ran out. */
  attemptBudgetMs?: number
  /** `body`: the error came while reading the body, after the headers. */
  phase?: 'headers' | 'body'
  /** With phase body: the bytes that arrived, and the content-length the headers promised. */
  receivedBytes?: number
  expectedBytes?: number
  /** The host the attempt went to. */
  host?: string
}

type Decorated = Error & AttemptFacts & { code?: string }
type HttpRequest = Parameters<NodeHttpHandler['handle']>[0]

/** Adds what is known about an attempt to its error (what it already says is kept). */
export function addFacts(error: unknown, facts: AttemptFacts): unknown {
  if (typeof error === 'object' && error !== null)
    for (const [key, value] of Object.entries(facts))
      if (value !== undefined && !(key in error)) Object.defineProperty(error, key, { value, enumerable: false, configurable: true })
  return error
}

function budgetError(budgetMs: number, phase: 'headers' | 'body'): Decorated {
  const error = new Error(
    `the attempt did not finish within its budget of ${formatDuration(budgetMs)} (${phase === 'body' ? 'reading the body' : 'waiting for the headers'})`
  ) as Decorated
  error.name = 'TimeoutError'
  return Object.assign(error, { code: 'ETIMEDOUT' })
}

export class AttemptBudgetHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' }

  /** `budgetMs` is asked once per attempt, so an attempt never outlives the step's deadline. */
  constructor(
    private readonly inner: NodeHttpHandler,
    private readonly budgetMs: () => number,
    private readonly now: () => number = Date.now
  ) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const budget = Math.max(1, Math.round(this.budgetMs()))
    const started = this.now()
    const host = request.hostname
    let result: { response: HttpResponse }
    try {
      result = await this.inner.handle(request, { ...options, requestTimeout: budget })
    } catch (error) {
      // Only the budget's own timer says ETIMEDOUT here (the SDK also names resets TimeoutError).
      const timedOut = (error as { code?: string }).code === 'ETIMEDOUT'
      throw addFacts(error, { phase: 'headers', host, ...(timedOut && { attemptBudgetMs: budget }) })
    }
    const { response } = result
    const source = response.body as IncomingMessage | undefined
    if (source === undefined || typeof source.pipe !== 'function') return result
    const expectedBytes = Number(response.headers['content-length'] ?? NaN)
    let receivedBytes = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        receivedBytes += chunk.length
        done(null, chunk)
      }
    })
    const timer = setTimeout(() => source.destroy(budgetError(budget, 'body')), Math.max(1, budget - (this.now() - started)))
    // Decorated where it is raised, before pipeline hands the same error on to the SDK's reader.
    source.once('error', (error) =>
      addFacts(error, {
        phase: 'body',
        host,
        receivedBytes,
        ...(Number.isFinite(expectedBytes) && { expectedBytes }),
        ...((error as Decorated).code === 'ETIMEDOUT' && { attemptBudgetMs: budget })
      })
    )
    pipeline(source, counter, () => clearTimeout(timer))
    response.body = counter
    return { response }
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value)
  }

  httpHandlerConfigs(): ReturnType<NodeHttpHandler['httpHandlerConfigs']> {
    return this.inner.httpHandlerConfigs()
  }

  destroy(): void {
    this.inner.destroy()
  }
}
