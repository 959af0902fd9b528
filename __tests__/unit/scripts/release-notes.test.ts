// release-notes.js: a version's CHANGELOG section, which the release workflow publishes.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { releaseNotes } from '../../../scripts/release-notes.js'

const changelog = readFileSync('CHANGELOG.md', 'utf8')

describe('releaseNotes', () => {
  it("has a section for package.json's version, and compare links", () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    expect(releaseNotes(changelog, version)).toMatch(/^The first release\.\n\n### Fixed\n/)
    expect(changelog).toContain(`[${version}]: https://github.com/`)
  })

  it('stops at the next version, and finds nothing for an unknown one', () => {
    const text = '## [Unreleased]\n\n## [1.1.0] - x\n\nnew\n\n## [1.0.0] - y\n\nold\n\n[1.1.0]: link\n'
    expect(releaseNotes(text, '1.1.0')).toBe('new')
    expect(releaseNotes(text, '1.0.0')).toBe('old')
    expect(releaseNotes(text, '2.0.0')).toBeUndefined()
  })
})
