import { describe, expect, it } from '@jest/globals'
import { parseProxy, redactProxy } from '../../../src/inputs/proxy.js'

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
