// find.ts: globs over the workspace, excludes, and links that would leave it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { globToRegExp } from '../../../src/inputs/files.js'
import { findFiles } from '../../../src/manifests/find.js'

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
    expect((await findFiles(workspace, ['**/*.{yaml,yml}', '!k8s/deep/**'])).files).toEqual(['helm/values.yaml', 'k8s/a.yaml', 'k8s/b.yml'])
    expect((await findFiles(workspace, ['Dockerfile', 'k8s/*.yaml', 'k8s/a.yaml'])).files).toEqual(['Dockerfile', 'k8s/a.yaml'])
    expect((await findFiles(workspace, ['nowhere/*.yaml'])).files).toEqual([])
  })

  it('skips and names a link that leads out of the workspace, at any depth, and never walks through it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    mkdirSync(join(outside, 'prod'))
    writeFileSync(join(outside, 'secret.yaml'), '')
    writeFileSync(join(outside, 'prod', 'deep.yaml'), '')
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'link.yaml'))
    symlinkSync(outside, join(workspace, 'out'))
    mkdirSync(join(workspace, 'env'))
    symlinkSync(outside, join(workspace, 'env', 'prod'))
    try {
      const found = await findFiles(workspace, ['*.yaml', 'out/*.yaml', 'env/prod/**/*.yaml', '**/deep.yaml'])
      expect(found.files).toEqual([])
      expect(found.skipped.sort()).toEqual([
        expect.stringMatching(/^files: env\/prod is a link that leads out of the workspace \(.*\); it is not scanned\.$/),
        expect.stringMatching(/^files: link\.yaml is a link that leads out of the workspace/),
        expect.stringMatching(/^files: out is a link that leads out of the workspace/)
      ])
    } finally {
      for (const link of ['link.yaml', 'out', 'env']) rmSync(join(workspace, link), { recursive: true, force: true })
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('follows a link inside the workspace and names the file it leads to, once', async () => {
    symlinkSync(join(workspace, 'k8s'), join(workspace, 'deploy'))
    symlinkSync('a.yaml', join(workspace, 'k8s', 'alias.yaml'))
    symlinkSync('..', join(workspace, 'k8s', 'loop'))
    try {
      expect((await findFiles(workspace, ['deploy/*.yaml', 'k8s/**/a*.yaml'])).files).toEqual(['k8s/a.yaml'])
    } finally {
      for (const link of ['deploy', 'k8s/alias.yaml', 'k8s/loop']) rmSync(join(workspace, link))
    }
  })
})

describe('findFiles against hostile trees', () => {
  let tree = ''
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'tree-'))
  })
  afterAll(() => rmSync(tree, { recursive: true, force: true }))

  it('walks a maze of links between sibling folders once per folder', async () => {
    for (let i = 0; i < 10; i++) {
      mkdirSync(join(tree, 'maze', `d${i}`), { recursive: true })
      writeFileSync(join(tree, 'maze', `d${i}`, 'a.yaml'), '')
    }
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) if (i !== j) symlinkSync(`../d${j}`, join(tree, 'maze', `d${i}`, `l${j}`))
    const found = await findFiles(tree, ['maze/**/*.yaml'])
    expect(found.files).toHaveLength(10)
  })

  it('does not follow a link into .git, and skips names with line breaks, naming both', async () => {
    mkdirSync(join(tree, '.git'), { recursive: true })
    writeFileSync(join(tree, '.git', 'v.yaml'), '')
    symlinkSync('.git', join(tree, 'g'))
    writeFileSync(join(tree, 'evil\nREADME.md\n.yaml'), '')
    const found = await findFiles(tree, ['*.yaml', 'g/*.yaml'])
    expect(found.files).toEqual([])
    expect(found.skipped.sort()).toEqual([
      'files: evil\\u000aREADME.md\\u000a.yaml has a line break or control character in its name; it is not scanned.',
      'files: g is a link into .git or node_modules; it is not scanned.'
    ])
  })
})
