// End to end: a real forward proxy (npm proxy) reached through http-proxy and the four variables,
// bypassed by NO_PROXY, with its credentials redacted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import { createProxy } from 'proxy'
import { expectCleanFailure, NODES, useHarness } from './harness.js'

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

  it('says a proxy that answers CONNECT with 407 wants credentials, not that AWS said UnknownError', async () => {
    const refusing = createNetServer((socket) =>
      socket.once('data', () =>
        socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n')
      )
    )
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`
      // An https endpoint: the agent opens a CONNECT tunnel, which the proxy refuses.
      const run = await h.run({ images: 'app:v1', 'http-proxy': url }, { AWS_ENDPOINT_URL_ECR: 'https://127.0.0.1:9' })
      expectCleanFailure(
        run,
        /^::error::The proxy between the runner and 127\.0\.0\.1 asks for credentials \(HTTP 407 Proxy Authentication Required\)\. Give them in the proxy's URL \(http-proxy or HTTPS_PROXY as http:\/\/user:password@proxy:port\)/
      )
      expect(run.errors[0]).not.toMatch(/AWS said|Unknown/)
    } finally {
      await new Promise((resolve) => refusing.close(resolve))
    }
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
