import { describe, expect, it } from '@jest/globals'
import { parseDuration } from '../../../src/inputs/durations.js'

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['90', 90_000],
    ['1.5', 1500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    [' 2M ', 120_000]
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text, 'wait-timeout')).toBe(ms)
  })

  it.each(['', '5 minutes', 'm', '-1s', '1d'])('rejects %j', (text) => {
    expect(() => parseDuration(text, 'wait-timeout')).toThrow(/wait-timeout .* is not a duration/)
  })
})

describe('parseDuration beyond what Node can wait', () => {
  it("refuses a duration over Node's timer limit (about 24.8 days), naming the limit", () => {
    expect(() => parseDuration('600h', 'timeout')).toThrow(
      /^timeout '600h' is longer than Node's timers can wait \(about 24\.8 days, 596h\): give at most 596h\.$/
    )
    expect(parseDuration('596h', 'timeout')).toBe(596 * 3_600_000)
  })
})
