// End to end: the source runs under @github/local-action (npm run local-action), which stubs
// @actions/core imported by name: the outputs it reports are the action's, not "No outputs were set!".
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'

function localAction(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['scripts/local-action.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (data) => (stdout += data))
  child.stderr.resume()
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })))
}

describe('npm run local-action', () => {
  it('runs src/main.ts against the fake ECR and reports its outputs', async () => {
    const run = await localAction(['images=app:v1'])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('No outputs were set')
    expect(run.stdout).toMatch(/│ 'found'\s+│ 'true'/)
    expect(run.stdout).toContain('1 of 1 image found.')
  })
})
