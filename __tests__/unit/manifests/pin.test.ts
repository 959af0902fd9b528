// pin.ts: found references rewritten in place, everything else byte for byte; nothing half-written.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
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
  const result = await pinFiles(scan, () => D)
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

  it('gives a Helm map a digest key after its tag, with its indentation, or updates the one it has', async () => {
    const values = `api:\n  image:\n    repository: ${R}/app\n    tag: "1.10"\n  replicas: 2\nworker:\n  image:\n    registry: ${R}\n    repository: app\n    tag: v1\n    digest: ""\n`
    const { files } = await pin({ 'values.yaml': values })
    expect(files['values.yaml']).toBe(
      `api:\n  image:\n    repository: ${R}/app\n    tag: "1.10"\n    digest: ${D}\n  replicas: 2\nworker:\n  image:\n    registry: ${R}\n    repository: app\n    tag: v1\n    digest: "${D}"\n`
    )
  })

  it.each([
    ['a list', `    pullSecrets:\n      - name: a\n      - name: b\n`],
    ['a map', `    resources:\n      limits:\n        cpu: 1\n`],
    ['a block scalar', `    note: |\n      two\n      lines\n`],
    ['a flow list', `    args: [a, b]\n`]
  ])('puts the digest key inside a Helm map whose last key holds %s, and a rerun changes nothing', async (_kind, last) => {
    const values = `image:\n    repository: ${R}/app\n    tag: v1\n${last}next: 1\n`
    const { files } = await pin({ 'values.yaml': values })
    expect(files['values.yaml']).toBe(`image:\n    repository: ${R}/app\n    tag: v1\n    digest: ${D}\n${last}next: 1\n`)
    const again = await pin({})
    expect(again.changed).toEqual([])
  })

  it.each([
    ['digest:', 'digest: SHA'],
    ['digest: ~', 'digest: SHA'],
    ['digest: null', 'digest: SHA'],
    ['digest:    ', 'digest:    SHA'],
    ['digest:   # set by CI', 'digest:   SHA # set by CI'],
    ['digest: &d', 'digest: &d SHA'],
    ['digest: !!str', 'digest: !!str SHA']
  ])('fills an empty Helm digest (%s) with a space before the value, keeping anchors, tags and comments', async (written, pinned) => {
    const { files } = await pin({ 'v.yaml': `image:\r\n  repository: ${R}/app\r\n  tag: v1\r\n  ${written}\r\n  pullPolicy: Always\r\n` })
    expect(files['v.yaml']).toBe(
      `image:\r\n  repository: ${R}/app\r\n  tag: v1\r\n  ${pinned.replace('SHA', D)}\r\n  pullPolicy: Always\r\n`
    )
  })

  it('pins Helm flow maps, YAML and JSON, in place', async () => {
    const { files } = await pin({
      'v.yaml': `image: {repository: ${R}/app, tag: v1}\nother: {image: {repository: ${R}/app, tag: v2, }}\n`,
      'v.json': `{"image": {"repository": "${R}/app", "tag": "v1"}}\n`
    })
    expect(files['v.yaml']).toBe(
      `image: {repository: ${R}/app, tag: v1, digest: ${D}}\nother: {image: {repository: ${R}/app, tag: v2, digest: ${D}, }}\n`
    )
    expect(files['v.json']).toBe(`{"image": {"repository": "${R}/app", "tag": "v1", "digest": "${D}"}}\n`)
  })

  it('pins a block scalar holding one reference, and an alias through its anchor', async () => {
    const { files } = await pin({
      'a.yaml': `x-image: &api ${R}/team/api:v1\nservices:\n  a:\n    image: *api\n  b:\n    image: >-\n      ${R}/app:v1@${OLD}\n`
    })
    expect(files['a.yaml']).toBe(
      `x-image: &api ${R}/team/api:v1@${D}\nservices:\n  a:\n    image: *api\n  b:\n    image: >-\n      ${R}/app:v1@${D}\n`
    )
  })

  it('uses the appVersion of the Chart.yaml beside the values file for a Helm map without a tag, adding only the digest', async () => {
    const values = `image:\n  repository: ${R}/app\n  tag: ""\n`
    const scanned: string[] = []
    for (const [name, text] of Object.entries({ 'chart/values.yaml': values, 'chart/Chart.yaml': 'name: c\nappVersion: "1.10"\n' })) {
      mkdirSync(join(workspace, name, '..'), { recursive: true })
      writeFileSync(join(workspace, name), text)
    }
    const scan = await scanFiles({ patterns: ['chart/values.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    const result = await pinFiles(scan, (request) => (scanned.push(request.requested), D))
    expect(scan.requests.map((request) => request.id)).toEqual([{ tag: '1.10' }])
    expect(result.changes).toEqual([{ file: 'chart/values.yaml', line: 2, from: `${R}/app:1.10`, to: `${R}/app:1.10@${D}` }])
    expect(readFileSync(join(workspace, 'chart/values.yaml'), 'utf8')).toBe(`image:\n  repository: ${R}/app\n  tag: ""\n  digest: ${D}\n`)
  })

  it('keeps bytes that are not UTF-8, a BOM, tabs, trailing spaces, no final newline and the file mode', async () => {
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(` \t \nimage: ${R}/app:v1`)])
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# naïve\r\nimage: ${R}/app:v1  \r\n`)])
    writeFileSync(join(workspace, 'l.yaml'), latin1, { mode: 0o640 })
    writeFileSync(join(workspace, 'b.yaml'), bom)
    const scan = await scanFiles({ patterns: ['*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    await pinFiles(scan, () => D)
    expect(readFileSync(join(workspace, 'l.yaml'))).toEqual(Buffer.concat([latin1, Buffer.from(`@${D}`)]))
    expect(statSync(join(workspace, 'l.yaml')).mode & 0o777).toBe(0o640)
    expect(readFileSync(join(workspace, 'b.yaml'))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# naïve\r\nimage: ${R}/app:v1@${D}  \r\n`)])
    )
  })

  it('writes nothing when a file changed since it was scanned, and names it', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `image: ${R}/app:v1\n`)
    writeFileSync(join(workspace, 'b.yaml'), `image: ${R}/app:v1\n`)
    const scan = await scanFiles({ patterns: ['*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    writeFileSync(join(workspace, 'b.yaml'), `# edited\nimage: ${R}/app:v1\n`)
    await expect(pinFiles(scan, () => D)).rejects.toThrow(
      /^pin: b\.yaml changed while the images were looked up, so no file was written; rerun the job/
    )
    expect(readFileSync(join(workspace, 'a.yaml'), 'utf8')).toBe(`image: ${R}/app:v1\n`)
    expect(readdirSync(workspace).sort()).toEqual(['a.yaml', 'b.yaml'])
  })

  it('refuses a digest outside the digest grammar before writing anything', async () => {
    writeFileSync(join(workspace, 'Dockerfile'), `FROM ${R}/app:v1\n`)
    const scan = await scanFiles({ patterns: ['Dockerfile'], ifNoFilesFound: 'error', pin: true, workspace })
    await expect(pinFiles(scan, () => 'sha256:0000\nRUN curl x | sh\n#')).rejects.toThrow(/which is not a digest; no file was written/)
    expect(readFileSync(join(workspace, 'Dockerfile'), 'utf8')).toBe(`FROM ${R}/app:v1\n`)
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
    await expect(pinFiles(scan, () => D)).rejects.toThrow(/^pin: could not write .*\.yml: .*\. No file was changed\.$/)
    expect(readFileSync(join(workspace, 'a.yaml'), 'utf8')).toBe(a)
    expect(readdirSync(workspace).sort()).toEqual(['a.yaml', long])
  })
})

describe('pinFiles against a changing workspace', () => {
  it('pins UTF-16 in UTF-16, byte for byte', async () => {
    const text = (digest: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`# é\r\nimage: ${R}/app:v1${digest}\r\n`, 'utf16le')])
    writeFileSync(join(workspace, 'a.yaml'), text(''))
    const scan = await scanFiles({ patterns: ['*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    await pinFiles(scan, () => D)
    expect(readFileSync(join(workspace, 'a.yaml'))).toEqual(text(`@${D}`))
  })

  it('writes nothing when a folder on the way became a link since the scan, even to the same bytes', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    try {
      mkdirSync(join(workspace, 'dir'))
      writeFileSync(join(workspace, 'dir', 'a.yaml'), `image: ${R}/app:v1\n`)
      const scan = await scanFiles({ patterns: ['dir/*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
      mkdirSync(join(outside, 'dir'))
      writeFileSync(join(outside, 'dir', 'a.yaml'), `image: ${R}/app:v1\n`)
      rmSync(join(workspace, 'dir'), { recursive: true })
      symlinkSync(join(outside, 'dir'), join(workspace, 'dir'))
      await expect(pinFiles(scan, () => D)).rejects.toThrow(/^pin: dir\/a\.yaml changed while the images were looked up/)
      expect(readFileSync(join(outside, 'dir', 'a.yaml'), 'utf8')).toBe(`image: ${R}/app:v1\n`)
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('lists the references it left as written because they were not found', async () => {
    writeFileSync(join(workspace, 'a.yaml'), `a:\n  image: ${R}/app:v1\nb:\n  image: ${R}/app:gone\n`)
    const scan = await scanFiles({ patterns: ['*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    const result = await pinFiles(scan, (request) => (request.id.tag === 'gone' ? undefined : D))
    expect(result.left).toEqual([{ file: 'a.yaml', line: 4, text: `${R}/app:gone` }])
    expect(result.files).toEqual(['a.yaml'])
  })
})

describe('pinFiles on the shapes a second review tried', () => {
  it('pins each map that merges one base, at its own line, and reads them back', async () => {
    const base = `defaults: &img\n  repository: ${R}/app\n  tag: v1\n`
    const { files } = await pin({ 'v.yaml': `${base}web:\n  image:\n    <<: *img\nworker:\n  image:\n    <<: [*img]\n` })
    expect(files['v.yaml']).toBe(
      `${base}web:\n  image:\n    <<: *img\n    digest: ${D}\nworker:\n  image:\n    <<: [*img]\n    digest: ${D}\n`
    )
  })

  it('indents a new digest key where its line starts, before an anchor or tag of the key', async () => {
    const { files } = await pin({ 'v.yaml': `image:\n  &k tag: v1\n  !!str repository: ${R}/app\n` })
    expect(files['v.yaml']).toBe(`image:\n  &k tag: v1\n  digest: ${D}\n  !!str repository: ${R}/app\n`)
  })

  it('quotes the digest that replaces a JSON null, and pins a digest written in the tag in the tag', async () => {
    const { files } = await pin({
      'v.json': `{"image": {"repository": "${R}/app", "tag": "v1", "digest": null}}\n`,
      'w.yaml': `image:\n  repository: ${R}/app\n  tag: v1@${OLD}\n`
    })
    expect(JSON.parse(files['v.json'] ?? '')).toEqual({ image: { repository: `${R}/app`, tag: 'v1', digest: D } })
    expect(files['w.yaml']).toBe(`image:\n  repository: ${R}/app\n  tag: v1@${D}\n`)
  })

  it('reads merge keys under a %YAML 1.1 directive', async () => {
    const { files } = await pin({ 'v.yaml': `%YAML 1.1\n---\nb: &b\n  repository: ${R}/app\n  tag: v1\nimage:\n  <<: *b\n` })
    expect(files['v.yaml']).toBe(`%YAML 1.1\n---\nb: &b\n  repository: ${R}/app\n  tag: v1\nimage:\n  <<: *b\n  digest: ${D}\n`)
  })
})

describe('pinFiles refuses an edit that would reach another reference', () => {
  it('writes nothing when a digest added to an anchored map would reach a map that merges it', async () => {
    const values = `app:\n  image: &img\n    repository: ${R}/app\n    tag: v1\nworker:\n  image:\n    <<: *img\n    tag: ""\n`
    writeFileSync(join(workspace, 'values.yaml'), values)
    const scan = await scanFiles({ patterns: ['*.yaml'], ifNoFilesFound: 'error', pin: true, workspace })
    await expect(pinFiles(scan, () => D)).rejects.toThrow(
      /^pin: the pinned values\.yaml would not read back as pinned \(the reference at line 7 would read .*\/app@sha256:d+\), so no file was written/
    )
    expect(readFileSync(join(workspace, 'values.yaml'), 'utf8')).toBe(values)
  })
})
