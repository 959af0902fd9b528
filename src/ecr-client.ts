// The one place ECR clients are configured: one client per region, created on first use.
import { ECRClient } from '@aws-sdk/client-ecr'

export const ACTION_NAME = 'ecr-image-lookup-action'
export const ACTION_VERSION = '1.0.0'

/** Per-request limits, so a server that accepts a connection and never answers cannot hang the job. */
export const CONNECT_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 60_000

/**
 * A client for `region`. Credentials come from the SDK's default chain; custom endpoints from the
 * SDK's own settings (AWS_ENDPOINT_URL_ECR, AWS_USE_FIPS_ENDPOINT).
 */
export function createEcrClient(region: string): ECRClient {
  return new ECRClient({
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }
  })
}

/** A function that returns the (cached) client for a region. */
export function clientPerRegion(create: (region: string) => ECRClient = createEcrClient): (region: string) => ECRClient {
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
