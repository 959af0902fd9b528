// One round of asking ECR, as main.ts and the wait loop use it: BatchGetImage for the requests (with
// the digest check when verify-digest is on), then, with the platform input, each index's platform
// manifest (fetched and checked the same way). Clients are made once per region, through the proxy
// when one is set.
import type { Agent } from 'node:http'
import { type Deadline, attemptBudgetMs } from '../deadline.js'
import type { ImageRequest } from '../image.js'
import type { Inputs } from '../inputs/inputs.js'
import { redactProxy } from '../inputs/proxy.js'
import { safeText } from '../text.js'
import { clientPerRegion, createEcrClient } from './client.js'
import { checkDigests } from './digest.js'
import { type LookupResult, lookupImages } from './lookup.js'

export type LookupRound = (requests: ImageRequest[]) => Promise<LookupResult[]>

type RoundInputs = Pick<Inputs, 'acceptedMediaTypes' | 'verifyDigest' | 'platform' | 'proxy' | 'retryMaxAttempts' | 'timeoutMs'>

/**
 * A round for these inputs. The step's deadline aborts requests in flight and bounds each attempt's
 * budget; `log` gets one line per failed attempt.
 */
export async function createLookupRound(inputs: RoundInputs, deadline: Deadline, log: (line: string) => void): Promise<LookupRound> {
  let agent: Agent | undefined
  if (inputs.proxy !== undefined) {
    const { url, noProxy } = inputs.proxy
    log(`Using the proxy ${redactProxy(url)}${noProxy ? ` (NO_PROXY: ${safeText(noProxy)})` : ''}.`)
    // Loaded only with a proxy, like the agents it loads.
    agent = await (await import('./proxy-agent.js')).createProxyAgent(inputs.proxy)
  }
  const clientFor = clientPerRegion((region) =>
    createEcrClient(region, {
      maxAttempts: inputs.retryMaxAttempts,
      attemptBudgetMs: () => attemptBudgetMs(inputs.timeoutMs, inputs.retryMaxAttempts, deadline.remainingMs()),
      log,
      ...(agent !== undefined && { agent })
    })
  )
  const options = { acceptedMediaTypes: inputs.acceptedMediaTypes, clientFor, signal: deadline.signal }
  const fetch = async (requests: ImageRequest[]): Promise<LookupResult[]> => {
    const results = await lookupImages(requests, options)
    return inputs.verifyDigest ? checkDigests(results, inputs.acceptedMediaTypes) : results
  }
  const { platform } = inputs
  if (platform === undefined) return fetch
  // Loaded only with the platform input.
  const { resolvePlatforms } = await import('./platform.js')
  return async (requests) => resolvePlatforms(await fetch(requests), platform, fetch)
}
