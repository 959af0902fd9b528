import { describe, expect, it } from '@jest/globals'
import { bypassesProxy } from '../../../src/ecr/proxy-agent.js'

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
