// files.ts: images-file and failures-file under RUNNER_TEMP, and manifest-file byte for byte.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeManifestFile, writeResultFile } from '../../../src/report/files.js'

let temp = ''
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'files-'))
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

describe('writeResultFile', () => {
  it('writes a new file under RUNNER_TEMP, creating the folder', async () => {
    const path = await writeResultFile('images', [{ a: 1 }], { RUNNER_TEMP: join(temp, 'runner') })
    expect(path.startsWith(join(temp, 'runner', 'ecr-image-lookup-'))).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('[{"a":1}]')
    const empty = await writeResultFile('images', [], { RUNNER_TEMP: join(temp, 'runner') })
    expect(empty).not.toBe(path)
    expect(readFileSync(empty, 'utf8')).toBe('[]')
    const failures = await writeResultFile('failures', [{ b: 2 }, { c: 'x'.repeat(2 << 20) }], { RUNNER_TEMP: join(temp, 'runner') })
    expect(failures.startsWith(join(temp, 'runner', 'ecr-image-lookup-failures-'))).toBe(true)
    expect(JSON.parse(readFileSync(failures, 'utf8'))).toEqual([{ b: 2 }, { c: 'x'.repeat(2 << 20) }])
  })
})

describe('writeManifestFile', () => {
  it('writes the manifest byte for byte, creating folders', async () => {
    const manifest = '{\n   "schemaVersion": 2, "ü": "\u2028"\n}'
    const path = await writeManifestFile(join(temp, 'a', 'b', 'manifest.json'), manifest)
    expect(readFileSync(path, 'utf8')).toBe(manifest)
  })

  it('fails with the path when it cannot write', async () => {
    writeFileSync(join(temp, 'file'), '')
    await expect(writeManifestFile(join(temp, 'file', 'manifest.json'), '{}')).rejects.toThrow(
      /^manifest-file: could not write .*file\/manifest\.json/
    )
  })
})
