// The one place ECR clients are configured: one client per region, created on first use, with the
// action's user agent, retries (adaptive mode, so throttling slows the client down), per-request
// timeouts, an optional proxy agent, and a log line for every attempt that fails.
import type { Agent } from 'node:http'
import { ECRClient } from '@aws-sdk/client-ecr'
import { errorMessage, safeText } from '../text.js'

export const ACTION_NAME = 'ecr-image-lookup-action'
export const ACTION_VERSION = '1.0.0'

/** Per-request limits, so a server that accepts a connection and never answers cannot hang the job. */
export const CONNECT_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 30_000

export interface ClientSettings {
  /** Attempts per request (the SDK's maxAttempts). */
  maxAttempts: number
  /** Routes requests through a proxy (see proxy-agent.ts); undefined: direct. */
  agent?: Agent
  /** Where failed attempts are reported. */
  log: (line: string) => void
}

interface AttemptError {
  name?: string
  code?: string
  $metadata?: { httpStatusCode?: number }
}

/** `ThrottlingException (HTTP 400)`, `ECONNRESET`: what a failed attempt was. */
function describeAttemptError(error: unknown): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as AttemptError
  const status = fields.$metadata?.httpStatusCode
  const name = fields.code ?? fields.name ?? 'Error'
  return `${name}${status !== undefined ? ` (HTTP ${status})` : ''}: ${(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)}`
}

/**
 * A client for `region`. Credentials come from the SDK's default chain; custom endpoints from the
 * SDK's own settings (AWS_ENDPOINT_URL_ECR, AWS_USE_FIPS_ENDPOINT).
 */
export function createEcrClient(region: string, settings: ClientSettings): ECRClient {
  const client = new ECRClient({
    region,
    maxAttempts: settings.maxAttempts,
    retryMode: 'adaptive',
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      ...(settings.agent !== undefined && { httpAgent: settings.agent, httpsAgent: settings.agent })
    }
  })
  // The SDK's logger middleware filters every response for sensitive fields to hand to a logger, even
  // when none is set (the action sets none): with 1,000 images that was a tenth of the run.
  client.middlewareStack.remove('loggerMiddleware')
  // The deserialize step runs inside the retry loop, and at high priority this runs outside the
  // deserializer: it sees every attempt's error, parsed service errors and network errors alike.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        const name = (error as AttemptError).name
        const throttled = name === 'ThrottlingException' || name === 'LimitExceededException'
        if (name !== 'AbortError')
          settings.log(
            `ECR ${throttled ? 'throttled the request' : 'request failed'} in ${region}: ${safeText(describeAttemptError(error))}`
          )
        throw error
      }
    },
    { step: 'deserialize', name: 'ecrImageLookupAttemptLog', priority: 'high' }
  )
  return client
}

/** A function that returns the (cached) client for a region. */
export function clientPerRegion(create: (region: string) => ECRClient): (region: string) => ECRClient {
  const clients = new Map<string, ECRClient>()
  return (region) => {
    let client = clients.get(region)
    if (!client) {
      client = create(region)
      clients.set(region, client)
    }
    return client
  }
}
