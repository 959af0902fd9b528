// build/actions-core.ts, what the bundle gets for @actions/core, must export everything src/ uses
// from @actions/core and behave byte for byte like it.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as real from '@actions/core'
import fc from 'fast-check'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ours from '../../../build/actions-core.js'

let written: string[] = []
let temp = ''
beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  temp = mkdtempSync(join(tmpdir(), 'actions-core-'))
})
afterEach(() => {
  jest.restoreAllMocks()
  rmSync(temp, { recursive: true, force: true })
  delete process.env.GITHUB_OUTPUT
  process.exitCode = undefined
})

/** What `act` wrote to stdout (and to GITHUB_OUTPUT, delimiters normalised). */
function capture(act: () => void): string {
  written = []
  const file = join(temp, 'output')
  writeFileSync(file, '')
  process.env.GITHUB_OUTPUT = file
  act()
  return written.join('') + readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER')
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a\n::error::b', '%0A\r\n', '100%', 'x,y:z'))

describe('actions-core matches @actions/core', () => {
  it('for log commands and annotations', () => {
    fc.assert(
      fc.property(text, text, (message, title) => {
        for (const name of ['info', 'debug', 'warning', 'error'] as const) {
          const props = name === 'warning' || name === 'error' ? [{ title }] : []
          expect(capture(() => (ours[name] as (...a: unknown[]) => void)(message, ...props))).toBe(
            capture(() => (real[name] as (...a: unknown[]) => void)(message, ...props))
          )
        }
      })
    )
  })

  it('for outputs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z-]{0,20}$/), text, (name, value) => {
        expect(capture(() => ours.setOutput(name, value))).toBe(capture(() => real.setOutput(name, value)))
      })
    )
  })

  it('for inputs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z -]{0,20}$/), text, (name, value) => {
        process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
        expect(ours.getInput(name)).toBe(real.getInput(name))
      })
    )
  })

  it('for setFailed', () => {
    const ourOutput = capture(() => ours.setFailed('boom\nline'))
    const ourCode = process.exitCode
    process.exitCode = undefined
    expect(ourOutput).toBe(capture(() => real.setFailed('boom\nline')))
    expect(ourCode).toBe(process.exitCode)
    expect(ourCode).toBe(real.ExitCode.Failure)
  })

  it('shares the summary writer', () => {
    expect(ours.summary).toBe(real.summary)
  })
})

describe('build/actions-core.ts covers src/', () => {
  it('exports every member of @actions/core that src/ uses', () => {
    const used = new Set<string>()
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8')
          if (!text.includes("from '@actions/core'")) continue
          expect([path, /import \* as core from '@actions\/core'/.test(text)]).toEqual([path, true])
          for (const [, name] of text.matchAll(/\bcore\.(\w+)\b(?=[.(])/g)) used.add(name ?? '')
        }
      }
    }
    walk('src')
    expect(used.size).toBeGreaterThan(5)
    for (const name of used) expect([name, name in ours]).toEqual([name, true])
  })
})
