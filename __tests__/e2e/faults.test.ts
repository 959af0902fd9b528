// End to end: faults, hostile servers, secrets and proxies. Every fault must end in a bounded time
// with one clear error, known outputs written, and no stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createProxy } from 'proxy'
import { FAKE_CREDENTIALS } from '../../testkit/fake-ecr/index.js'
import { largeManifest, ociManifest, sha256Digest } from '../../testkit/manifests.js'
import type { ActionRun } from '../../testkit/run-action.js'
import { json, NODES, useHarness } from './harness.js'

const STACK_TRACE = /\n\s+at .+:\d+:\d+/

/** What every failing run must look like: exit 1, exactly one ::error, no stack trace, not killed. */
function expectCleanFailure(run: ActionRun, message: RegExp): void {
  expect(run.timedOut).toBe(false)
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(message)
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
  expect(run.outputs.found).toBe('false')
}

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
    expectCleanFailure(run, /^::error::ECR had a server error \(ServerException\) after 5 attempts; retry the job\. \(AWS said: Internal failure; request id [0-9a-f-]{36}\)$/)
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
    expectCleanFailure(run, /^::error::Timed out: the step's timeout of 3s passed \(raise the timeout input\); still pending: app:v1, team\/api:v1\.4\.2\.$/)
    expect(run.outputs['images-file']).toBeDefined()
  })

  it('ends waiting at the timeout even when wait-timeout is longer', async () => {
    const run = await h.run({ images: 'app:never', 'wait-timeout': '10m', 'wait-interval': '500ms', timeout: '2s' })
    expectCleanFailure(run, /^::error::Timed out: the step's timeout of 2s passed .*still pending: app:never\.$/)
  })

  it('retries a connection closed without an answer, then names the network error', async () => {
    h.fake.dropConnection(Infinity)
    const run = await h.run({ images: 'app:v1', 'retry-max-attempts': '3' })
    expectCleanFailure(run, /^::error::Could not reach ECR in eu-west-1 \(ECONNRESET: the connection was closed without an answer\) after 3 attempts/)
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
    ['AccessDeniedException', 'User: x is not authorized to perform: ecr:BatchGetImage', /the role needs the IAM permission ecr:BatchGetImage/],
    ['ExpiredTokenException', 'The security token included in the request is expired', /AWS rejected the credentials \(ExpiredTokenException\): they are invalid or expired\. Refresh or configure them/],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', /AWS rejected the credentials \(UnrecognizedClientException\)/]
  ])('explains %s with its fix', async (code, message, expected) => {
    h.fake.failWith(Infinity, 400, code, message)
    const run = await h.run({ images: 'app:v1' })
    expectCleanFailure(run, expected)
    expect(h.fake.requestsFor()).toHaveLength(1)
  })

  it('reports an unknown per-image failure code and applies fail-on to it', async () => {
    h.fake.intercept(({ res, request }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify({ failures: [{ imageId: request.body.imageIds[0], failureCode: 'ImageQuarantined', failureReason: 'Quarantined by policy' }] }))
      return true
    })
    const strict = await h.run({ images: 'app:v1' })
    expect(strict.code).toBe(1)
    expect(strict.errors).toEqual(['::error title=Image ImageQuarantined::app:v1: ImageQuarantined: Quarantined by policy'])
    const lenient = await h.run({ images: 'app:v1', 'fail-on': 'ImageNotFound' })
    expect(lenient.code).toBe(0)
    expect(lenient.warnings).toEqual([expect.stringContaining('ImageQuarantined: Quarantined by policy')])
    // fail-on names only codes this action knows: one it does not know yet fails under all, the default.
    const named = await h.run({ images: 'app:v1', 'fail-on': 'ImageQuarantined' })
    expect(named.code).toBe(1)
    expect(named.errors).toEqual([expect.stringContaining("fail-on: 'ImageQuarantined' is not a failure code; did you mean ")])
  })

  it('handles a 4 MiB manifest among 1,000 images and keeps the outputs within 1 MiB', async () => {
    const huge = largeManifest('huge', 4 * 1024 * 1024)
    h.fake.putImage({ repository: 'bulk', tags: ['huge'], manifest: huge })
    const references = ['bulk:huge']
    for (let index = 0; index < 999; index++) {
      h.fake.putImage({ repository: `bulk${index % 10}`, tags: [`t${index}`], manifest: ociManifest(`bulk-${index}`) })
      references.push(`bulk${index % 10}:t${index}`)
    }
    const run = await h.run({ images: references.join('\n') })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(sha256Digest(huge))
    expect(run.outputs.manifest).toBeUndefined()
    const total = Object.values(run.outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    expect(total).toBeLessThan(1024 * 1024)
    expect(run.warnings).toHaveLength(2)
    expect((JSON.parse(run.imagesFile ?? '[]') as { imageManifest: string }[])[0]?.imageManifest).toBe(huge)
    expect(h.fake.requestsFor()).toHaveLength(11)
  })
})

describe.each(NODES)('hostile servers on $label', ({ path }) => {
  const h = useHarness(path)
  const FORGE = 'x\n::error::forged\r::add-mask::y\r\n%0A::set-output name=found::true\u2028::warning::z'

  /** Lines of stdout that the runner would read as a command the server smuggled in. */
  function forgedCommands(run: ActionRun): string[] {
    return run.stdout.split(/\r\n|\r|\n|\u2028/).filter((line) => /^(::error::forged|::error::also|::add-mask::|::set-output|::warning::z)/.test(line))
  }

  it('keeps a hostile error message on one line', async () => {
    h.fake.failWith(Infinity, 400, 'RepositoryNotFoundException', FORGE)
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(forgedCommands(run)).toEqual([])
    expect(run.errors[0]).toContain('x\\u000a::error::forged\\u000d::add-mask::y')
  })

  it('treats tags, repository names, media types and manifests from the server as data', async () => {
    const manifest = `${ociManifest('hostile').slice(0, -1)},"note":"\\n::error::forged"}\n::error::also\nghadelimiter_x\n`
    h.fake.intercept(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify({
          images: [
            {
              registryId: '123456789012',
              repositoryName: 'app',
              imageId: { imageTag: 'v1', imageDigest: sha256Digest(manifest) },
              imageManifest: manifest,
              imageManifestMediaType: `<img src=x onerror=alert(1)>|**x**${FORGE}`
            }
          ]
        })
      )
      return true
    })
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(forgedCommands(run)).toEqual([])
    expect(run.outputs.manifest).toBe(manifest)
    expect(Object.keys(run.outputs).sort()).toEqual(['digest', 'digests', 'failures', 'found', 'image-uri', 'image-uris', 'images', 'images-file', 'manifest', 'media-type'])
    expect(run.summary).not.toMatch(/<img|\*\*x\*\*|\n::/)
    expect(run.summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;\\|\\*\\*x\\*\\*')
  })
})

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

describe.each(NODES)('a real forward proxy on $label', ({ path }) => {
  const h = useHarness(path)
  let proxy: Server
  let proxyUrl = ''
  const seen: string[] = []

  beforeAll(async () => {
    proxy = createProxy(createServer())
    proxy.on('request', (request: IncomingMessage) => seen.push(`${request.method} ${request.url}`))
    proxy.on('connect', (request: IncomingMessage) => seen.push(`CONNECT ${request.url}`))
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    proxy.closeAllConnections()
    await new Promise((resolve) => proxy.close(resolve))
  })

  it('sends requests through the http-proxy input', async () => {
    seen.length = 0
    const run = await h.run({ images: 'app:v1', 'http-proxy': proxyUrl })
    expect(run.code).toBe(0)
    expect(seen).toEqual([expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/$/)])
    expect(run.stdout).toContain(`Using the proxy ${proxyUrl}`)
  })

  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'])('sends requests through %s', async (variable) => {
    seen.length = 0
    const run = await h.run({ images: 'app:v1' }, { [variable]: proxyUrl })
    expect(run.code).toBe(0)
    expect(seen).toHaveLength(1)
  })

  it.each([
    ['127.0.0.1', 0],
    ['localhost,127.0.0.1:PORT', 0],
    ['*', 0],
    ['example.com,127.0.0.1:1', 1],
    ['.0.0.1', 1]
  ])('honours NO_PROXY=%s (%d proxied)', async (noProxy, proxied) => {
    seen.length = 0
    const port = new URL(h.fake.url ?? '').port
    const run = await h.run({ images: 'app:v1', 'http-proxy': proxyUrl }, { NO_PROXY: noProxy.replace('PORT', port) })
    expect(run.code).toBe(0)
    expect(seen).toHaveLength(proxied)
  })

  it('redacts proxy credentials in the log', async () => {
    const withCredentials = proxyUrl.replace('http://', 'http://user:hunter2secret@')
    const run = await h.run({ images: 'app:v1', 'http-proxy': withCredentials })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('hunter2secret')
    expect(run.stdout).toContain('Using the proxy http://***:***@127.0.0.1')
  })

  it('fails clearly when the proxy is unreachable', async () => {
    const run = await h.run({ images: 'app:v1', 'http-proxy': 'http://127.0.0.1:1', 'retry-max-attempts': '2' })
    expectCleanFailure(run, /Could not reach ECR in eu-west-1 \(ECONNREFUSED: the connection was refused\) after 2 attempts/)
  })

  it('rejects a proxy that is not an http(s) URL', async () => {
    const run = await h.run({ images: 'app:v1', 'http-proxy': 'socks5://127.0.0.1:1080' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual(['::error::http-proxy uses socks5: only http:// and https:// proxies are supported.'])
    expect(h.fake.requests).toHaveLength(0)
  })
})
