// pin.ts: found references rewritten in place, everything else byte for byte; nothing half-written.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pinFiles } from '../../../src/manifests/pin.js'
import { scanFiles } from '../../../src/manifests/scan.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const D = `sha256:${'d'.repeat(64)}`
const OLD = `sha256:${'0'.repeat(64)}`
let workspace = ''
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pin-'))
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))

async function pin(files: Record<string, string>): Promise<{ files: Record<string, string>; changed: string[] }> {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true })
    writeFileSync(join(workspace, name), text)
  }
  const settings = { patterns: ['**'], ifNoFilesFound: 'error' as const, pin: true, workspace }
  const scan = await scanFiles(settings)
  const result = await pinFiles(workspace, scan, () => D)
  return {
    files: Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(workspace, name), 'utf8')])),
    changed: result.files
  }
}

describe('pinFiles', () => {
  it('pins plain, quoted and flow references, keeping comments, quoting, key order and CRLF line endings', async () => {
    const yaml = `# top\r\nspec:\r\n  containers:\r\n    - image: "${R}/app:v1"   # why\r\n      name: a\r\n    - {name: b, image: '${R}/app:v2'}\r\n    - image: nginx:1\r\n`
    const { files, changed } = await pin({ 'k8s/a.yaml': yaml })
    expect(files['k8s/a.yaml']).toBe(
      `# top\r\nspec:\r\n  containers:\r\n    - image: "${R}/app:v1@${D}"   # why\r\n      name: a\r\n    - {name: b, image: '${R}/app:v2@${D}'}\r\n    - image: nginx:1\r\n`
    )
    expect(changed).toEqual(['k8s/a.yaml'])
  })

  it('updates a stale pin and leaves a current one alone', async () => {
    const { files } = await pin({ 'a.yaml': `a:\n  image: ${R}/app:v1@${OLD}\nb:\n  image: ${R}/app:v2@${D}\n` })
    expect(files['a.yaml']).toBe(`a:\n  image: ${R}/app:v1@${D}\nb:\n  image: ${R}/app:v2@${D}\n`)
  })

  it('gives a Helm map a digest key after its last key, with its indentation, or updates the one it has', async () => {
    const values = `api:\n  image:\n    repository: ${R}/app\n    tag: "1.10"\n  replicas: 2\nworker:\n  image:\n    registry: ${R}\n    repository: app\n    digest: ""\n`
    const { files } = await pin({ 'values.yaml': values })
    expect(files['values.yaml']).toBe(
      `api:\n  image:\n    repository: ${R}/app\n    tag: "1.10"\n    digest: ${D}\n  replicas: 2\nworker:\n  image:\n    registry: ${R}\n    repository: app\n    digest: "${D}"\n`
    )
  })

  it('pins JSON and Dockerfiles in place', async () => {
    const { files } = await pin({
      'task.json': `{\n  "containerDefinitions": [{ "image": "${R}/app:v1" }]\n}\n`,
      Dockerfile: `FROM --platform=$BUILDPLATFORM ${R}/app:v1 AS build\nFROM build\n`
    })
    expect(files['task.json']).toBe(`{\n  "containerDefinitions": [{ "image": "${R}/app:v1@${D}" }]\n}\n`)
    expect(files.Dockerfile).toBe(`FROM --platform=$BUILDPLATFORM ${R}/app:v1@${D} AS build\nFROM build\n`)
  })

  it('changes no file when one cannot be written', async () => {
    // The staged copy of a file with a 230-character name needs a name longer than file systems allow
    // (ENAMETOOLONG): a failure no permission, even root's, gets past.
    const long = `${'b'.repeat(226)}.yml`
    const a = `image: ${R}/app:v1\n`
    writeFileSync(join(workspace, 'a.yaml'), a)
    writeFileSync(join(workspace, long), a)
    const scan = await scanFiles({ patterns: ['*'], ifNoFilesFound: 'error', pin: true, workspace })
    await expect(pinFiles(workspace, scan, () => D)).rejects.toThrow(/^pin: could not write .*\.yml: .*\. No file was changed\.$/)
    expect(readFileSync(join(workspace, 'a.yaml'), 'utf8')).toBe(a)
    expect(readdirSync(workspace).sort()).toEqual(['a.yaml', long])
  })
})
