import { describe, expect, it } from '@jest/globals'
import { bypassesProxy, parseProxy, redactProxy } from '../../src/proxy.js'

describe('bypassesProxy', () => {
  it.each([
    ['api.ecr.eu-west-1.amazonaws.com', 443, '', false],
    ['api.ecr.eu-west-1.amazonaws.com', 443, '*', true],
    ['api.ecr.eu-west-1.amazonaws.com', 443, 'amazonaws.com', true],
    ['api.ecr.eu-west-1.amazonaws.com', 443, '.amazonaws.com', true],
    ['api.ecr.eu-west-1.amazonaws.com', 443, '*.amazonaws.com', true],
    ['api.ecr.eu-west-1.amazonaws.com', 443, 'ws.com', false],
    ['api.ecr.eu-west-1.amazonaws.com', 443, 'example.com, amazonaws.com:443', true],
    ['api.ecr.eu-west-1.amazonaws.com', 443, 'amazonaws.com:8443', false],
    ['API.ECR.EU-WEST-1.AMAZONAWS.COM.', 443, 'AmazonAWS.com', true],
    ['127.0.0.1', 8080, '127.0.0.1', true],
    ['127.0.0.1', 8080, '127.0.0.1:8080', true],
    ['127.0.0.1', 8080, '127.0.0.1:9090', false],
    ['127.0.0.1', 8080, '.0.0.1', false],
    ['::1', 443, '[::1]', true],
    ['[::1]', 443, '::1', true]
  ])('%s:%d with NO_PROXY=%j bypasses: %s', (host, port, noProxy, bypasses) => {
    expect(bypassesProxy(host, port, noProxy)).toBe(bypasses)
  })
})

describe('parseProxy', () => {
  it('prefers the input, then HTTPS_PROXY, https_proxy, HTTP_PROXY, http_proxy', () => {
    const env = { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:1', HTTP_PROXY: 'http://c:1', http_proxy: 'http://d:1', no_proxy: 'x' }
    expect(parseProxy('http://input:1', env)?.url.host).toBe('input:1')
    expect(parseProxy('', env)?.url.host).toBe('a:1')
    expect(parseProxy('', { ...env, HTTPS_PROXY: '' })?.url.host).toBe('b:1')
    expect(parseProxy('', { HTTP_PROXY: 'http://c:1' })?.url.host).toBe('c:1')
    expect(parseProxy('', { http_proxy: 'http://d:1', no_proxy: 'x' })).toMatchObject({ noProxy: 'x' })
    expect(parseProxy('', {})).toBeUndefined()
  })

  it('redacts credentials', () => {
    expect(redactProxy(new URL('http://user:pass@proxy:3128'))).toBe('http://***:***@proxy:3128')
  })
})
