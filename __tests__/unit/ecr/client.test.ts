// client.ts: one client per region, with the action's user agent, retries, the attempt budget, and a
// log line for each failed attempt.
import { describe, expect, it } from '@jest/globals'
import { ECRClient } from '@aws-sdk/client-ecr'
import { readFileSync } from 'node:fs'
import { ACTION_NAME, ACTION_VERSION, clientPerRegion, createEcrClient } from '../../../src/ecr/client.js'
import { AttemptBudgetHandler } from '../../../src/ecr/attempt-budget.js'

describe('createEcrClient', () => {
  it('sets the region, attempts, adaptive retries, user agent and the attempt budget handler', async () => {
    const client = createEcrClient('eu-west-1', { maxAttempts: 7, attemptBudgetMs: () => 1000, log: () => undefined })
    expect(await client.config.region()).toBe('eu-west-1')
    expect(await client.config.maxAttempts()).toBe(7)
    expect((await client.config.retryStrategy()).constructor.name).toBe('AdaptiveRetryStrategy')
    expect(client.config.customUserAgent).toEqual([[ACTION_NAME, ACTION_VERSION]])
    expect(client.config.requestHandler).toBeInstanceOf(AttemptBudgetHandler)
    expect(client.middlewareStack.identify().some((entry) => entry.startsWith('ecrImageLookupAttemptLog'))).toBe(true)
    expect(client.middlewareStack.identify().some((entry) => entry.startsWith('loggerMiddleware'))).toBe(false)
  })

  it('reports the same version in the user agent as package.json', () => {
    expect(ACTION_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
  })
})

describe('clientPerRegion', () => {
  it('creates one client per region, on first use', () => {
    const created: string[] = []
    const clientFor = clientPerRegion((region) => (created.push(region), new ECRClient({ region })))
    expect(clientFor('eu-west-1')).toBe(clientFor('eu-west-1'))
    clientFor('us-east-1')
    expect(created).toEqual(['eu-west-1', 'us-east-1'])
  })
})
