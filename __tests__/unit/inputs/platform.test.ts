import { describe, expect, it } from '@jest/globals'
import { formatPlatform, parsePlatform } from '../../../src/inputs/platform.js'

describe('parsePlatform', () => {
  it.each([
    ['', undefined],
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    [' linux/arm/v7 ', { os: 'linux', architecture: 'arm', variant: 'v7' }]
  ])('%j', (text, expected) => {
    expect(parsePlatform(text)).toEqual(expected)
  })

  it.each(['linux', 'linux/arm/v7/x', 'Linux/AMD64', 'linux//amd64'])('rejects %j', (text) => {
    expect(() => parsePlatform(text)).toThrow(/is not os\/arch\[\/variant\]/)
  })

  it('formats back', () => {
    expect(formatPlatform({ os: 'linux', architecture: 'arm', variant: 'v7' })).toBe('linux/arm/v7')
    expect(formatPlatform({ os: 'linux', architecture: 'amd64' })).toBe('linux/amd64')
  })
})
