// Shared set-up for the end-to-end suites: a fake ECR seeded with the demo images, and a runner for
// the bundled action on each Node binary (this machine's and Node 24).
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals'
import { FakeEcr } from '../../testkit/fake-ecr/index.js'
import { seedDemo } from '../../testkit/demo-data.js'
import { nodeBinaries } from '../../testkit/node24.js'
import { type ActionRun, runAction } from '../../testkit/run-action.js'

export const NODES = nodeBinaries()

export interface Harness {
  fake: FakeEcr
  digests: ReturnType<typeof seedDemo>
  run: (
    inputs: Record<string, string>,
    env?: Record<string, string | undefined>,
    summary?: boolean,
    options?: Pick<Parameters<typeof runAction>[0], 'signalOn' | 'timeoutMs'>
  ) => Promise<ActionRun>
}

/** Starts a fake ECR for the suite (fresh request log per test) and runs the action on `node`. */
export function useHarness(node: string, options: ConstructorParameters<typeof FakeEcr>[0] = {}): Harness {
  const harness = { fake: new FakeEcr(options) } as Harness
  harness.digests = seedDemo(harness.fake)
  let endpoint = ''
  beforeAll(async () => {
    endpoint = await harness.fake.start()
  })
  afterAll(async () => {
    await harness.fake.stop()
  })
  beforeEach(() => harness.fake.reset())
  harness.run = (inputs, env = {}, summary = true, options = {}) =>
    runAction({ inputs, env: { AWS_MAX_ATTEMPTS: '2', ...env }, endpoint, node, summary, ...options })
  return harness
}

/** Parses a JSON output. */
export function json<T = unknown>(run: ActionRun, name: string): T {
  const value = run.outputs[name]
  if (value === undefined) throw new Error(`output ${name} was not written; stdout:\n${run.stdout}`)
  return JSON.parse(value) as T
}

export const STACK_TRACE = /\n\s+at .+:\d+:\d+/

/** What every failing run must look like: exit 1, exactly one ::error, no stack trace, not killed. */
export function expectCleanFailure(run: ActionRun, message: RegExp): void {
  expect(run.timedOut).toBe(false)
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(message)
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
  expect(run.outputs.found).toBe('false')
}
