// find.ts: globs over the workspace, excludes, and links that would leave it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findFiles, globToRegExp } from '../../../src/manifests/find.js'

let workspace = ''
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'find-'))
  for (const path of [
    'k8s/a.yaml',
    'k8s/b.yml',
    'k8s/deep/c.yaml',
    'helm/values.yaml',
    'Dockerfile',
    'node_modules/x/d.yaml',
    '.git/e.yaml'
  ]) {
    mkdirSync(join(workspace, path, '..'), { recursive: true })
    writeFileSync(join(workspace, path), '')
  }
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

describe('globToRegExp', () => {
  it.each([
    ['k8s/*.yaml', 'k8s/a.yaml', true],
    ['k8s/*.yaml', 'k8s/deep/c.yaml', false],
    ['k8s/**/*.yaml', 'k8s/a.yaml', true],
    ['k8s/**/*.yaml', 'k8s/deep/c.yaml', true],
    ['**/*.{yaml,yml}', 'k8s/b.yml', true],
    ['k8s/?.yaml', 'k8s/a.yaml', true],
    ['k8s/[ab].y*ml', 'k8s/b.yml', true],
    ['k8s/[!a].yaml', 'k8s/a.yaml', false],
    ['Dockerfile', 'Dockerfile', true],
    ['a.b', 'axb', false]
  ])('%s matches %s: %s', (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches)
  })
})

describe('findFiles', () => {
  it('lists what the globs name, sorted, without .git or node_modules, minus the excludes', async () => {
    expect(await findFiles(workspace, ['**/*.{yaml,yml}', '!k8s/deep/**'])).toEqual(['helm/values.yaml', 'k8s/a.yaml', 'k8s/b.yml'])
    expect(await findFiles(workspace, ['Dockerfile', 'k8s/*.yaml', 'k8s/a.yaml'])).toEqual(['Dockerfile', 'k8s/a.yaml'])
    expect(await findFiles(workspace, ['nowhere/*.yaml'])).toEqual([])
  })

  it('refuses a link that leads out of the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    writeFileSync(join(outside, 'secret.yaml'), '')
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'link.yaml'))
    try {
      await expect(findFiles(workspace, ['*.yaml'])).rejects.toThrow(/^files: link\.yaml is a link that leads out of the workspace/)
    } finally {
      rmSync(join(workspace, 'link.yaml'))
      rmSync(outside, { recursive: true, force: true })
    }
  })
})
