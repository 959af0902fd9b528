// End to end: faults on the way to ECR (throttling, server errors, no answer, resets, answers that
// are not ECR's). Every fault must end in a bounded time with one clear error, known outputs written,
// and no stack trace.
import { describe, expect, it } from '@jest/globals'
import { expectCleanFailure, json, NODES, useHarness } from './harness.js'

describe.each(NODES)('faults on $label', ({ path }) => {
  const h = useHarness(path)

  it('retries throttling and says it was throttled', async () => {
    h.fake.failWith(2, 400, 'ThrottlingException', 'Rate exceeded')
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(h.digests.v1)
    expect(run.stdout).toContain('ECR throttled the request in eu-west-1: ThrottlingException (HTTP 400): Rate exceeded')
    const requests = h.fake.requestsFor()
    expect(requests.map((request) => request.attempt)).toEqual([1, 2, 3])
    expect(new Set(requests.map((request) => request.invocationId)).size).toBe(1)
  })

  it('fails after every attempt gets a ServerException, naming the error and the request id', async () => {
    h.fake.failWith(Infinity, 500, 'ServerException', 'Internal failure')
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(
      run,
      /^::error::ECR had a server error \(ServerException\) after 5 attempts; retry the job\. \(AWS said: Internal failure; request id [0-9a-f-]{36}\)$/
    )
    expect(h.fake.requestsFor()).toHaveLength(5)
    expect(json(run, 'images')).toEqual([])
  })

  it('honours retry-max-attempts', async () => {
    h.fake.failWith(Infinity, 500, 'ServerException', 'Internal failure')
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '2' })
    expectCleanFailure(run, /after 2 attempts/)
    expect(h.fake.requestsFor()).toHaveLength(2)
  })

  it('ends a response that never comes at the timeout, saying it timed out', async () => {
    h.fake.stall(Infinity)
    const run = await h.run({ images: 'app:v1 team/api:v1.4.2', timeout: '3s' })
    expectCleanFailure(
      run,
      /^::error::Timed out: the step's timeout of 3s passed \(raise the timeout input\); still pending: app:v1, team\/api:v1\.4\.2\.$/
    )
    expect(run.outputs['images-file']).toBeDefined()
  })

  it('ends waiting at the timeout even when wait-timeout is longer', async () => {
    const run = await h.run({ images: 'app:never', 'wait-timeout': '10m', 'wait-interval': '500ms', timeout: '2s' })
    expectCleanFailure(run, /^::error::Timed out: the step's timeout of 2s passed .*still pending: app:never\.$/)
  })

  it('retries a connection closed without an answer, then names the network error', async () => {
    h.fake.dropConnection(Infinity)
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '3' })
    expectCleanFailure(
      run,
      /^::error::Could not reach ECR in eu-west-1 \(ECONNRESET: the connection was closed without an answer\) after 3 attempts/
    )
    expect(h.fake.requestsFor()).toHaveLength(3)
  })

  it('recovers when only the first connection is closed', async () => {
    h.fake.dropConnection(1)
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(2)
  })

  it('says a 200 answer that is not JSON could not be read', async () => {
    h.fake.garbage(Infinity, '<html><body>Bad gateway</body></html>')
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(run, /^::error::The response from ECR \(HTTP 200\) could not be read: it is not the JSON ECR sends/)
  })

  it.each([
    [
      'AccessDeniedException',
      'User: x is not authorized to perform: ecr:BatchGetImage',
      /the role needs the IAM permission ecr:BatchGetImage/
    ],
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      /AWS rejected the credentials \(ExpiredTokenException\): they are invalid or expired\. Refresh or configure them/
    ],
    [
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      /AWS rejected the credentials \(UnrecognizedClientException\)/
    ]
  ])('explains %s with its fix', async (code, message, expected) => {
    h.fake.failWith(Infinity, 400, code, message)
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(run, expected)
    expect(h.fake.requestsFor()).toHaveLength(1)
  })
})
