// End to end: credentials never reach the log, the summary or the outputs, also with debug logging on.
import { describe, expect, it } from '@jest/globals'
import { FAKE_CREDENTIALS } from '../../testkit/fake-ecr/index.js'
import { NODES, useHarness } from './harness.js'

describe.each(NODES)('secrets on $label', ({ path }) => {
  const h = useHarness(path)
  const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE0123456789'

  it.each([
    { label: 'a lookup', secret: FAKE_CREDENTIALS.secretAccessKey, serverError: false },
    { label: 'a rejected signature', secret: 'wrong/secret/value/for/testing/1234567890', serverError: false },
    { label: 'a server error', secret: FAKE_CREDENTIALS.secretAccessKey, serverError: true }
  ])('never prints credentials, even with RUNNER_DEBUG=1 ($label)', async ({ secret, serverError }) => {
    if (serverError) h.fake.failWith(Infinity, 500, 'ServerException', 'boom')
    const run = await h.run(
      { images: 'app:v1 app:nope', 'fail-on': 'none', 'retry-max-attempts': '2' },
      { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true', AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: SESSION_TOKEN }
    )
    expect(run.stdout).toContain('::debug::')
    const everything = run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs)
    for (const value of [secret, SESSION_TOKEN, secret.slice(0, 12), SESSION_TOKEN.slice(10, 30)]) expect(everything).not.toContain(value)
  })
})
