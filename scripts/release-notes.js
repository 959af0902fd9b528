// node scripts/release-notes.js VERSION: prints that version's section of CHANGELOG.md (the release
// workflow publishes it as the release's notes). Exits 1 when the CHANGELOG has no such section.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../testkit/run-action.js'

/** The body of `## [VERSION]` in a Keep a Changelog text, or undefined. @param {string} changelog @param {string} version */
export function releaseNotes(changelog, version) {
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\][^\\n]*\\n`, 'm')
  const match = heading.exec(changelog)
  if (!match) return undefined
  const rest = changelog.slice(match.index + match[0].length)
  const end = rest.search(/^## \[|^\[[^\]]+\]: /m)
  return (end < 0 ? rest : rest.slice(0, end)).trim()
}

if (process.argv[1]?.endsWith('release-notes.js')) {
  const version = process.argv[2] ?? ''
  const notes = releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)
  if (!notes) {
    console.error(`release-notes: CHANGELOG.md has no section for ${version}.`)
    process.exit(1)
  }
  console.log(notes)
}
