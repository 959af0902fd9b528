// The one place ECR clients are configured: one client per region, created on first use and shared by
// the lookup and the promotion, with the action's user agent, retries (adaptive mode, so throttling
// slows the client down), one budget per attempt (attempt-budget.ts) under the step's deadline, an
// optional proxy agent, and a log line for every attempt that fails.
import type { Agent } from 'node:http'
import { ECRClient } from '@aws-sdk/client-ecr'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { type Deadline, attemptBudgetMs } from '../deadline.js'
import type { Inputs } from '../inputs/inputs.js'
import { redactProxy } from '../inputs/proxy.js'
import { safeText } from '../text.js'
import type { HttpGetSettings } from '../http-get.js'
import { AttemptBudgetHandler, addFacts } from './attempt-budget.js'
import { describeAttempt } from './errors.js'
import packageJson from '../../package.json' with { type: 'json' }

/** The user agent's name and version: the version lives in package.json only. */
export const ACTION_NAME = 'ecr-image-lookup-action'
export const ACTION_VERSION: string = packageJson.version

export interface ClientSettings {
  /** Attempts per request (the SDK's maxAttempts). */
  maxAttempts: number
  /** The budget of the attempt about to start (see attemptBudgetMs), asked once per attempt. */
  attemptBudgetMs: () => number
  /** Routes requests through a proxy (see proxy-agent.ts); undefined: direct. */
  agent?: Agent
  /** Where failed attempts are reported. */
  log: (line: string) => void
}

interface AttemptError {
  name?: string
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
    requestHandler: new AttemptBudgetHandler(
      new NodeHttpHandler({
        // The budget arrives per attempt as requestTimeout; this makes it an error instead of a warning.
        throwOnRequestTimeout: true,
        ...(settings.agent !== undefined && { httpAgent: settings.agent, httpsAgent: settings.agent })
      }),
      settings.attemptBudgetMs
    )
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
        addFacts(error, { host: (args.request as { hostname?: string } | undefined)?.hostname })
        const name = (error as AttemptError).name
        const throttled = name === 'ThrottlingException' || name === 'LimitExceededException'
        if (name !== 'AbortError')
          settings.log(`ECR ${throttled ? 'throttled the request' : 'request failed'} in ${region}: ${safeText(describeAttempt(error))}`)
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

/** The clients of a run, one per region, and the signal that ends their requests (the step's deadline). */
export interface EcrClients {
  clientFor: (region: string) => ECRClient
  signal: AbortSignal
  /** For a GET that is not an ECR call (a layer's download URL, a TUF repository): the same proxy, budgets and attempts. */
  http?: HttpGetSettings
}

/**
 * The run's clients for these inputs: through the proxy when one is set, each attempt's budget drawn
 * from the timeout and never past the deadline; `log` gets one line per failed attempt.
 */
export async function createClients(
  inputs: Pick<Inputs, 'proxy' | 'retryMaxAttempts' | 'timeoutMs'>,
  deadline: Deadline,
  log: (line: string) => void
): Promise<EcrClients> {
  let agent: Agent | undefined
  if (inputs.proxy !== undefined) {
    const { url, noProxy } = inputs.proxy
    log(`Using the proxy ${redactProxy(url)}${noProxy ? ` (NO_PROXY: ${safeText(noProxy)})` : ''}.`)
    // Loaded only with a proxy, like the agents it loads.
    agent = await (await import('./proxy-agent.js')).createProxyAgent(inputs.proxy)
  }
  const budget = (): number => attemptBudgetMs(inputs.timeoutMs, inputs.retryMaxAttempts, deadline.remainingMs())
  const clientFor = clientPerRegion((region) =>
    createEcrClient(region, {
      maxAttempts: inputs.retryMaxAttempts,
      attemptBudgetMs: budget,
      log,
      ...(agent !== undefined && { agent })
    })
  )
  const http: HttpGetSettings = {
    attemptBudgetMs: budget,
    maxAttempts: inputs.retryMaxAttempts,
    signal: deadline.signal,
    log,
    ...(agent !== undefined && { agent })
  }
  return { clientFor, signal: deadline.signal, http }
}
