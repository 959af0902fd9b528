import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown, formatBytes, formatCount, formatDuration, listNames, safeText, splitList } from '../../src/text.js'

describe('safeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\n::error::x', 'a\\u000a::error::x'],
    ['a\r\nb', 'a\\u000d\\u000ab'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['a\u2028b', 'a\\u2028b']
  ])('%j becomes %j', (input, output) => {
    expect(safeText(input)).toBe(output)
  })
})

describe('escapeMarkdown', () => {
  it('neutralises HTML, markdown and table syntax', () => {
    const escaped = escapeMarkdown('<img src=x onerror=alert(1)> | **bold** [link](http://x) `code`\n# h')
    expect(escaped).not.toMatch(/[<>\n]/)
    expect(escaped).not.toMatch(/(^|[^\\])[|*[\]()`#]/)
    expect(escaped).toContain('&lt;img')
  })

  it('keeps entities intact', () => {
    expect(escapeMarkdown(`a & b's`)).toBe('a &amp; b&#39;s')
  })
})

describe('formatDuration', () => {
  it('formats', () => {
    expect([250, 45_000, 90_000, 3_725_000].map(formatDuration)).toEqual(['250ms', '45s', '1m 30s', '1h 2m 5s'])
  })
})

describe('lists and sizes', () => {
  it('caps a list of names', () => {
    expect(listNames(['a', 'b', 'c'], 2)).toBe('a, b and 1 more')
    expect(listNames(['a', 'b'])).toBe('a, b')
  })

  it('splits list inputs on newlines, spaces and commas', () => {
    expect(splitList(' a,b\n c ,, ')).toEqual(['a', 'b', 'c'])
  })

  it('formats counts', () => {
    expect([0, 999, 1000, 5_399_462].map(formatCount)).toEqual(['0', '999', '1,000', '5,399,462'])
  })

  it('formats sizes', () => {
    expect([512, 524_288, 4_194_304].map(formatBytes)).toEqual(['512 B', '512 KiB', '4.0 MiB'])
  })
})
