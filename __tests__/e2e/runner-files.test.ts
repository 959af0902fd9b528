// End to end: the runner's files. An unwritable GITHUB_OUTPUT fails the step naming it, after the
// per-image log lines; a summary or images-file that cannot be written is a warning that costs no
// output and never fails a lookup that succeeded.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, STACK_TRACE, useHarness } from './harness.js'

describe.each(NODES)('the runner files on $label', ({ path, label }) => {
  const h = useHarness(path)

  it.each([
    ['/dev/full', 'no space is left on the device (ENOSPC)'],
    ['/nonexistent/github_output', 'the file does not exist']
  ])('fails naming GITHUB_OUTPUT=%s, after the per-image log lines', async (file, reason) => {
    const run = await h.run({ images: 'app:v1 app:nope' }, { GITHUB_OUTPUT: file })
    expect(run.code).toBe(1)
    expect(run.errors.at(-1)).toBe(
      `::error::Could not write the step outputs to GITHUB_OUTPUT (${file}): ${reason}. The lookup itself finished (see the lines above); the runner's output file must be writable.`
    )
    expect(run.stdout.indexOf('✔ app:v1: found')).toBeLessThan(run.stdout.indexOf('Could not write the step outputs'))
    expect(run.stdout.indexOf('app:nope: ImageNotFound')).toBeLessThan(run.stdout.indexOf('Could not write the step outputs'))
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
  })

  it('warns when the job summary cannot be written, and a lookup that succeeded still succeeds', async () => {
    const run = await h.run({ images: 'app:v1' }, { GITHUB_STEP_SUMMARY: '/dev/full' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([
      "::warning::Could not write the job summary to GITHUB_STEP_SUMMARY (/dev/full): no space is left on the device (ENOSPC). The lookup's result and outputs are unaffected."
    ])
    expect(run.outputs).toMatchObject({ found: 'true', digest: h.digests.v1 })
  })

  it('warns when RUNNER_TEMP cannot hold images-file, and writes every other output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-temp-'))
    try {
      writeFileSync(join(dir, 'file'), '')
      const runnerTemp = join(dir, 'file', 'temp')
      const run = await h.run({ images: 'app:v1' }, { RUNNER_TEMP: runnerTemp })
      expect(run.code).toBe(0)
      expect(run.warnings).toEqual([
        `::warning::Could not write images-file and failures-file under RUNNER_TEMP (${runnerTemp}): a part of the path is a file, not a folder (ENOTDIR). Those outputs are left out; the other outputs are written.`
      ])
      expect(run.outputs).toMatchObject({ found: 'true', digest: h.digests.v1 })
      expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['images', 'image-uri', 'digests']))
      expect(run.outputs['images-file']).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('still fails a failing gate when the summary cannot be written, saying both', async () => {
    const run = await h.run({ images: 'app:nope' }, { GITHUB_STEP_SUMMARY: '/dev/full' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('app:nope: ImageNotFound')])
    expect(run.warnings).toEqual([expect.stringContaining('Could not write the job summary')])
  })

  it("keeps Node's compile cache under RUNNER_TEMP for a job's later steps, not its first", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-temp-'))
    try {
      const cache = join(dir, 'ecr-image-lookup-compile-cache')
      const first = await h.run({ images: 'app:v1' }, { RUNNER_TEMP: dir })
      expect(first.code).toBe(0)
      expect(readdirSync(cache)).toEqual([])
      const second = await h.run({ images: 'app:v1' }, { RUNNER_TEMP: dir })
      expect(second.code).toBe(0)
      // Node 22.1 and later have the compile cache; on older Node the folder stays empty.
      if (Number(/node (\d+)/.exec(label)?.[1]) >= 24) expect(readdirSync(cache).length).toBeGreaterThan(0)
      const third = await h.run({ images: 'app:v1' }, { RUNNER_TEMP: dir })
      expect(third.outputs.digest).toBe(h.digests.v1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
