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

  it('fails saying it was throttled once every attempt is throttled', async () => {
    h.fake.failWith(Infinity, 400, 'ThrottlingException', 'Rate exceeded')
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '2' })
    expectCleanFailure(
      run,
      /^::error::ECR throttled the requests \(ThrottlingException\) after 2 attempts; retry later, or look up fewer images at once\. \(AWS said: Rate exceeded; request id [0-9a-f-]{36}\)$/
    )
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

  it('abandons an attempt that gets no answer at its budget, retries, then says the server did not answer', async () => {
    h.fake.stall(Infinity)
    // A 4s timeout over 2 attempts gives each attempt (4s - 200ms of pauses) / 3 = 1.3s.
    const run = await h.run({ images: 'app:v1 team/api:v1.4.2', timeout: '4s', 'retry-max-attempts': '2' })
    expectCleanFailure(
      run,
      /^::error::127\.0\.0\.1 did not answer: no attempt got a response within its budget of 1s after 2 attempts\. The server or something on the way accepts connections and does not answer: check the network path to ECR \(proxy, VPC endpoint, AWS_ENDPOINT_URL_ECR\)\.$/
    )
    expect(run.errors[0]).not.toMatch(/timeout input/)
    expect(h.fake.requestsFor()).toHaveLength(4)
    expect(run.stdout).toContain("ECR request failed in eu-west-1: no answer within the attempt's budget of 1s")
    expect(run.outputs['images-file']).toBeDefined()
  })

  it('abandons an attempt whose body drips, or stops halfway, at its budget, and retries', async () => {
    for (const arrange of [() => h.fake.drip(Infinity, 400), () => h.fake.halfAnswer(Infinity, 'stall')]) {
      h.fake.reset()
      arrange()
      const run = await h.run({ images: 'app:v1', timeout: '4s', 'retry-max-attempts': '2' })
      expectCleanFailure(
        run,
        /^::error::127\.0\.0\.1 sent its answer too slowly: no attempt finished reading it within its budget of 1s after 2 attempts \(the last had \d+ B of \d+ B\)\. Something on the way is holding the answer back/
      )
      expect(h.fake.requestsFor()).toHaveLength(2)
    }
  })

  it('succeeds when a slow first attempt is followed by a good one', async () => {
    h.fake.stall(1)
    const stalled = await h.run({ images: 'app:v1', timeout: '4s', 'retry-max-attempts': '2' })
    expect(stalled.code).toBe(0)
    expect(stalled.outputs.digest).toBe(h.digests.v1)
    h.fake.reset()
    h.fake.drip(1, 400)
    const dripped = await h.run({ images: 'app:v1', timeout: '4s', 'retry-max-attempts': '2' })
    expect(dripped.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(2)
  })

  it('ends at the step deadline when throttling pauses outlast it, without waiting out the pause', async () => {
    h.fake.failWith(Infinity, 400, 'ThrottlingException', 'Rate exceeded')
    const run = await h.run({ images: 'app:v1', timeout: '2s', 'retry-max-attempts': '20' })
    expectCleanFailure(run, /^::error::Timed out: the step's timeout of 2s passed \(raise the timeout input\); still pending: app:v1\.$/)
  })

  it('says the body was cut short when the connection closes halfway, after retrying', async () => {
    h.fake.halfAnswer(Infinity, 'close')
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '2' })
    expectCleanFailure(
      run,
      /^::error::The answer from 127\.0\.0\.1 was cut short: the connection closed after \d+ B of \d+ B after 2 attempts; check the network path/
    )
    expect(h.fake.requestsFor()).toHaveLength(2)
  })

  it.each([
    [
      503,
      /^::error::127\.0\.0\.1 answered HTTP 503 \(text\/html\) with a page that is not ECR's after 2 attempts: a proxy or load balancer between the runner and ECR answered, not ECR\./,
      2
    ],
    [502, /answered HTTP 502 \(text\/html\) .* after 2 attempts: a proxy or load balancer/, 2],
    [
      403,
      /^::error::127\.0\.0\.1 answered HTTP 403 \(text\/html\) with a page that is not ECR's: a proxy or firewall between the runner and ECR refused the request\./,
      1
    ]
  ])('names a proxy for an HTTP %d HTML page, never quoting the SDK as AWS', async (status, message, requests) => {
    h.fake.answerRaw(Infinity, status, 'text/html', '<html><body><h1>Service Unavailable</h1></body></html>')
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '2' })
    expectCleanFailure(run, message)
    expect(run.errors[0]).not.toMatch(/AWS said|SyntaxError|Deserialization|Unexpected token/)
    expect(h.fake.requestsFor()).toHaveLength(requests)
  })

  it.each([
    ['{"images":"none"}', 'images is not a list'],
    ['{"failures":{}}', 'failures is not a list'],
    ['{"images":[{"imageManifest":"{}"}]}', 'an image without an imageId'],
    ['{"images":[{"imageId":{"imageTag":"v1"},"imageManifest":5}]}', 'a manifest that is not text']
  ])('says a 200 whose JSON has the wrong shape (%s) is not what BatchGetImage answers', async (body, problem) => {
    h.fake.garbage(Infinity, body)
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(run, new RegExp(`is JSON, but not what BatchGetImage answers \\(${problem}\\): something other than ECR answered`))
    expect(run.stdout + run.stderr).not.toMatch(/TypeError/)
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
    expectCleanFailure(
      run,
      /^::error::The answer from 127\.0\.0\.1, HTTP 200 \(application\/x-amz-json-1\.1\), could not be read: it is not the JSON ECR sends/
    )
    expect(run.errors[0]).not.toMatch(/AWS said|Unexpected token/)
  })

  it.each<[string, (res: import('node:http').ServerResponse) => void, RegExp]>([
    [
      'a redirect with an empty body',
      (res) => {
        res.writeHead(307, { Location: 'https://login.example/portal' })
        res.end()
      },
      /^::error::127\.0\.0\.1 answered HTTP 307, a redirect to https:\/\/login\.example\/portal: ECR never redirects, so something between the runner and ECR \(a proxy, a captive portal, a wrong endpoint\) answered\. Check http-proxy/
    ],
    [
      'an error answer without a code',
      (res) => {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
        res.end('{}')
      },
      /^::error::127\.0\.0\.1 answered HTTP 400 \(application\/x-amz-json-1\.1\) with a page that is not ECR's: a proxy or firewall/
    ],
    [
      'headers over 16 KB',
      (res) => {
        res.writeHead(200, { 'x-padding': 'a'.repeat(20_000), 'content-type': 'application/x-amz-json-1.1' })
        res.end('{}')
      },
      /^::error::The answer from 127\.0\.0\.1 is not HTTP that Node can read: its headers are larger than Node's limit of 16 KB \(HPE_HEADER_OVERFLOW\)\./
    ]
  ])('says %s in plain words, never as something AWS said', async (_, answer, expected) => {
    h.fake.misbehave(Infinity, ({ res }) => answer(res))
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(run, expected)
    expect(run.errors[0]).not.toMatch(/AWS said|Unknown|\(Error\)/)
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
