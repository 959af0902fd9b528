// scan.ts: which references become requests, which are skipped or templated, and when nothing is found.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IfNoFilesFound } from '../../../src/inputs/files.js'
import { scanFiles } from '../../../src/manifests/scan.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const D = `sha256:${'d'.repeat(64)}`
let workspace = ''
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'scan-'))
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))
const settings = (pin = false, ifNoFilesFound: IfNoFilesFound = 'error') => ({ patterns: ['*.yaml'], ifNoFilesFound, pin, workspace })

describe('scanFiles', () => {
  it('asks for ECR references, skips other registries and templated ones, and keeps each source', async () => {
    writeFileSync(
      join(workspace, 'a.yaml'),
      `a:\n  image: ${R}/app:v1\nb:\n  image: nginx:1\nc:\n  image: ghcr.io/o/x:1\nd:\n  image: ${R}/app:\${TAG}\ne:\n  image: ${R}/team/api\n`
    )
    const scan = await scanFiles(settings())
    expect(scan.requests.map((request) => [request.requested, request.id, request.source, request.region, request.registryId])).toEqual([
      [`${R}/app:v1`, { tag: 'v1' }, { file: 'a.yaml', line: 2 }, 'eu-west-1', '123456789012'],
      [`${R}/team/api`, { tag: 'latest' }, { file: 'a.yaml', line: 10 }, 'eu-west-1', '123456789012']
    ])
    expect(scan.skipped.map((reference) => reference.text)).toEqual(['nginx:1', 'ghcr.io/o/x:1'])
    expect(scan.templated.map((reference) => [reference.text, reference.line])).toEqual([[`${R}/app:\${TAG}`, 8]])
  })

  it('asks by tag and digest without pin (a stale pin fails), by tag alone with pin (it is updated)', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `image: ${R}/app:v1@${D}\n`)
    expect((await scanFiles(settings(false))).requests[0]?.id).toEqual({ tag: 'v1', digest: D })
    expect((await scanFiles(settings(true))).requests[0]?.id).toEqual({ tag: 'v1' })
  })

  it('names the file and line of an ECR reference ECR would reject', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `x: 1\nimage: ${R}/App:v1\n`)
    await expect(scanFiles(settings())).rejects.toThrow(/^files: a\.yaml:2: .*not a valid ECR repository name/)
  })

  it('has nothing to check when every reference is templated, or a Helm map whose tag the chart decides', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `a:\n  image: ${R}/app:\${TAG}\nb:\n  image:\n    repository: ${R}/app\n    tag: ""\n`)
    await expect(scanFiles(settings())).rejects.toThrow(
      /no image reference in them can be looked up in ECR \(2 reference\(s\): 0 in other registries, 1 templated, 1 whose tag the chart's appVersion decides\)/
    )
    const scan = await scanFiles(settings(false, 'warn'))
    expect(scan.chartDecides.map((reference) => [reference.text, reference.line])).toEqual([[`${R}/app`, 5]])
  })

  it('fails when nothing matches or nothing is in ECR, unless if-no-files-found says otherwise', async () => {
    await expect(scanFiles(settings())).rejects.toThrow(/^files: no file in the workspace .* matches \*\.yaml\. Fix the files globs/)
    expect((await scanFiles(settings(false, 'warn'))).nothingFound?.message).toMatch(/no file in the workspace/)
    writeFileSync(join(workspace, 'a.yaml'), 'image: nginx:1\n')
    await expect(scanFiles(settings())).rejects.toThrow(
      /1 file\(s\) matched, but no image reference in them can be looked up in ECR \(1 reference\(s\): 1 in other registries, 0 templated\)/
    )
  })
})

describe('scanFiles, as Helm and BuildKit read the files', () => {
  it("reads a linked values file's missing tag from the Chart.yaml beside the link, as Helm does", async () => {
    mkdirSync(join(workspace, 'shared'))
    mkdirSync(join(workspace, 'chart'))
    writeFileSync(join(workspace, 'shared', 'values.yaml'), `image:\n  repository: ${R}/app\n`)
    writeFileSync(join(workspace, 'shared', 'Chart.yaml'), 'appVersion: v2-oci\n')
    writeFileSync(join(workspace, 'chart', 'Chart.yaml'), 'appVersion: v1\n')
    symlinkSync('../shared/values.yaml', join(workspace, 'chart', 'values.yaml'))
    const scan = await scanFiles({ ...settings(), patterns: ['chart/values.yaml'] })
    expect(scan.requests.map((request) => [request.requested, request.source])).toEqual([
      [`${R}/app:v1`, { file: 'shared/values.yaml', line: 2 }]
    ])
  })

  it('reads UTF-16 and a BOM before bytes that are not UTF-8', async () => {
    writeFileSync(join(workspace, 'a.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`image: ${R}/app:v1\n`, 'utf16le')]))
    writeFileSync(
      join(workspace, 'b.yaml'),
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`image:\n  repository: ${R}/app # caf`),
        Buffer.from([0xe9]),
        Buffer.from('\n  tag: v2\n')
      ])
    )
    const scan = await scanFiles(settings())
    expect(scan.requests.map((request) => request.requested)).toEqual([`${R}/app:v1`, `${R}/app:v2`])
  })

  it('names a reference with white space at its line', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `image: "${R}/app :v1"\n`)
    await expect(scanFiles(settings())).rejects.toThrow(/^files: a\.yaml:1: '.*\/app :v1' has white space in it/)
  })
})

describe('scanFiles refuses what it cannot read exactly, before any call', () => {
  it.each([
    [`image:\n  repository: *nope\n  tag: v1\n`, /a\.yaml:2: \*nope: its repository is the alias \*nope, which names no anchor/],
    [
      `image:\n  repository: ${R}/app\n  tag: 20240101\n`,
      /a\.yaml:3: .*\/app:20240101: Helm reads the tag 20240101 as a number or boolean and renders 2\.0240101e\+07/
    ],
    [`image:\n  repository: ${R}/app\n  tag: 1.10\n`, /Helm reads the tag 1\.10 as a number or boolean and renders 1\.1,/],
    [`image: *nope\n`, /a\.yaml:1: \*nope: its alias \*nope names no anchor/]
  ])('%j', async (text, message) => {
    writeFileSync(join(workspace, 'a.yaml'), text)
    writeFileSync(join(workspace, 'b.yaml'), `image: ${R}/app:v1\n`)
    await expect(scanFiles(settings())).rejects.toThrow(message)
  })

  it('skips what is not an ECR reference, and names a file of NUL bytes', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `image:\n  repository: nginx\n  tag: 1.10\nother:\n  image: ${R}/app:v1\n`)
    writeFileSync(join(workspace, 'b.yaml'), Buffer.from(`image: ${R}/app:v1\n`, 'utf16le'))
    const scan = await scanFiles(settings())
    expect(scan.skipped.map((reference) => reference.text)).toEqual(['nginx:1.10'])
    expect(scan.files).toEqual(['a.yaml'])
    expect(scan.notScanned).toEqual([
      'files: b.yaml holds NUL bytes (a binary file, or UTF-16 without a byte-order mark); it is not scanned.'
    ])
  })
})

describe('scanFiles, what Chart.yaml and NUL bytes say', () => {
  it('reads an integer appVersion as Helm does, digits kept', async () => {
    writeFileSync(join(workspace, 'Chart.yaml'), 'appVersion: 20240101\n')
    writeFileSync(join(workspace, 'values.yaml'), `image:\n  repository: ${R}/app\n`)
    const scan = await scanFiles({ ...settings(), patterns: ['values.yaml'] })
    expect(scan.requests.map((request) => request.id)).toEqual([{ tag: '20240101' }])
  })

  it('says in the error why the only file matched was not scanned', async () => {
    writeFileSync(join(workspace, 'a.yaml'), Buffer.from(`image: ${R}/app:v1\n`, 'utf16le'))
    await expect(scanFiles(settings())).rejects.toThrow(
      /^files: 1 file\(s\) matched, but no image reference in them can be looked up in ECR \(0 reference\(s\): .*\)\. Not scanned: a\.yaml holds NUL bytes/
    )
  })
})

describe('scanFiles on a file too deep to read', () => {
  it('names the file when its merge keys nest thousands deep', async () => {
    const chain = Array.from({ length: 20000 }, (_, index) => `b${index + 1}: &b${index + 1}\n  <<: *b${index}\n`).join('')
    writeFileSync(join(workspace, 'a.yaml'), `b0: &b0\n  repository: ${R}/app\n  tag: v1\n${chain}image:\n  <<: *b20000\n`)
    await expect(scanFiles(settings())).rejects.toThrow(
      /^files: a\.yaml cannot be read: its aliases or merge keys nest too deep; simplify it/
    )
  })
})
