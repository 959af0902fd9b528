// client.ts: one client per region, with the action's user agent, retries, the attempt budget, and a
// log line for each failed attempt.
import { describe, expect, it } from '@jest/globals'
import { ECRClient } from '@aws-sdk/client-ecr'
import { readFileSync } from 'node:fs'
import {
  ACTION_NAME,
  ACTION_VERSION,
  ATTEMPT_BUDGET_MS,
  MIN_ATTEMPT_BUDGET_MS,
  attemptBudgetMs,
  clientPerRegion,
  createEcrClient
} from '../../../src/ecr/client.js'
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

describe('attemptBudgetMs', () => {
  /** The SDK's longest pauses between n attempts (a base of 100 ms, doubling, at most 20 s). */
  const pauses = (n: number): number =>
    Array.from({ length: n - 1 }, (_, k) => Math.min(20_000, 100 * 2 ** (k + 1))).reduce((a, b) => a + b, 0)

  it('is 10 s on default inputs, so a server that never answers ends the step in under a minute', () => {
    const budget = attemptBudgetMs(5 * 60_000, 5)
    expect(budget).toBe(ATTEMPT_BUDGET_MS)
    expect(5 * budget + pauses(5)).toBeLessThan(60_000)
  })

  it.each([
    [3_000, 2],
    [6_000, 5],
    [30_000, 5],
    [60_000, 20],
    [3_600_000, 20]
  ])('fits every attempt and pause in a timeout of %d ms with %d attempts, with a budget to spare', (timeout, attempts) => {
    const budget = attemptBudgetMs(timeout, attempts)
    if (budget > MIN_ATTEMPT_BUDGET_MS) expect(attempts * budget + pauses(attempts) + budget).toBeLessThanOrEqual(timeout)
    expect(budget).toBeLessThanOrEqual(ATTEMPT_BUDGET_MS)
  })

  it('never outlives the deadline', () => {
    expect(attemptBudgetMs(300_000, 5, 1_234)).toBe(1_234)
    expect(attemptBudgetMs(300_000, 5, 0)).toBe(1)
  })
})
