// End to end: `npm run demo` works with nothing installed: the bundle is self-contained, and the demo
// and the fake ECR it starts use only Node's built-ins (a copy of the repository without node_modules).
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../testkit/run-action.js'

describe('npm run demo', () => {
  const copy = mkdtempSync(join(tmpdir(), 'fresh-clone-'))
  for (const path of ['dist', 'scripts', 'testkit', 'examples', 'action.yml', 'package.json'])
    cpSync(join(ROOT, path), join(copy, path), { recursive: true })
  afterAll(() => rmSync(copy, { recursive: true, force: true }))

  it.each([[[]], [['files=examples/**', 'pin=true']]])('runs with no node_modules (%j)', (args) => {
    const run = spawnSync(process.execPath, ['scripts/demo.js', ...args], {
      cwd: copy,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: copy }
    })
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain('── Exit code 0')
    expect(run.stdout).toMatch(/found: true/)
  })
})
