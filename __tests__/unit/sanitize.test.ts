import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown, safeText } from '../../src/sanitize.js'

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
