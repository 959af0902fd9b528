// End to end: gating on the images that files reference (files), and pinning them in place (pin).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ociManifest } from '../../testkit/manifests.js'
import { ROOT } from '../../testkit/run-action.js'
import { NODES, useHarness } from './harness.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

describe.each(NODES)('files on $label', ({ path }) => {
  const h = useHarness(path)
  let workspace = ''
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
  })
  afterEach(() => rmSync(workspace, { recursive: true, force: true }))
  const run = (inputs: Record<string, string>) => h.run(inputs, { GITHUB_WORKSPACE: workspace })
  const write = (file: string, text: string): void => {
    mkdirSync(join(workspace, file, '..'), { recursive: true })
    writeFileSync(join(workspace, file), text)
  }
  const read = (file: string): string => readFileSync(join(workspace, file), 'utf8')

  it('looks up every ECR reference in the example files in one lookup, skipping other registries and templated ones', async () => {
    const result = await run({ files: 'examples/**' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'Scanned 15 file(s): 27 ECR image reference(s), 6 in other registries (not looked up), 6 templated, 1 whose tag the kustomize base decides.'
    )
    expect(result.stdout).toMatch(
      /Skipped, not in ECR: redis:7 \(examples\/compose\/compose\.yaml:6\), .*busybox:1\.36 \(examples\/k8s\/jobs\.yaml:27\)/
    )
    expect(result.stdout).toContain(
      `::notice title=Templated image reference,file=examples/helm/values.yaml,line=14::${R}/app:{{ .Values.global.tag }} is filled in by a template or variable`
    )
    // app and team/api: one request each, whatever the number of files and references.
    expect(h.fake.requestsFor()).toHaveLength(2)
    expect(result.summary).toContain(`| \`${R}/app:v1\` at \`examples/k8s/deployment.yaml:15\` | ✅ found |`)
  })

  it('annotates each failing reference at its file and line, and lists every one in the summary', async () => {
    write('k8s/app.yaml', `spec:\n  containers:\n    - name: a\n      image: ${R}/app:v1\n    - name: b\n      image: ${R}/app:gone\n`)
    write('Dockerfile', `FROM ${R}/team/api:v0\n`)
    const result = await run({ files: 'k8s/*.yaml\nDockerfile' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      `::error title=Image ImageNotFound,file=Dockerfile,line=1::${R}/team/api:v0 (Dockerfile:1): ImageNotFound: Requested image not found`,
      `::error title=Image ImageNotFound,file=k8s/app.yaml,line=6::${R}/app:gone (k8s/app.yaml:6): ImageNotFound: Requested image not found`
    ])
    expect(result.summary).toContain(`| \`${R}/app:gone\` at \`k8s/app.yaml:6\` | ❌ missing`)
  })

  it('joins the references in files with those in images, asking each image once', async () => {
    write('a.yaml', `image: ${R}/app:v1\n`)
    const result = await run({ files: 'a.yaml', images: 'app:v1 app:v2-oci', 'registry-id': '123456789012' })
    expect(result.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(1)
    expect(h.fake.requestsFor()[0]?.body.imageIds).toEqual([{ imageTag: 'v1' }, { imageTag: 'v2-oci' }])
  })

  it('pins every found reference in place, byte for byte elsewhere, and says what it changed', async () => {
    const before = read('examples/helm/values.yaml')
    const result = await run({ files: 'examples/**', pin: 'true' })
    expect(result.code).toBe(0)
    expect(result.outputs['pinned-files']?.split('\n')).toEqual([
      'examples/argocd/application.yaml',
      'examples/cloudformation/service.json',
      'examples/compose/compose.yaml',
      'examples/copilot/manifest.yml',
      'examples/devcontainer/devcontainer.json',
      'examples/docker/Dockerfile',
      'examples/ecs/task-definition.json',
      'examples/github/deploy.yml',
      'examples/helm/values.yaml',
      'examples/k8s/deployment.yaml',
      'examples/k8s/jobs.yaml',
      'examples/kustomize/kustomization.yaml',
      'examples/sam/template.yaml',
      'examples/scripts/deploy.sh',
      'examples/terraform/main.tf'
    ])
    expect(read('examples/helm/values.yaml')).toBe(
      before
        .replace('    tag: v1.4.2\n', `    tag: v1.4.2\n    digest: ${h.digests.api}\n`)
        .replace('    digest: ""', `    digest: "${h.digests.v1}"`)
    )
    expect(read('examples/k8s/deployment.yaml')).toBe(
      readFileSync(join(ROOT, 'examples/k8s/deployment.yaml'), 'utf8')
        .replace(`"${R}/team/api:v1.4.2"`, `"${R}/team/api:v1.4.2@${h.digests.api}"`)
        .replace(`image: ${R}/app:v1\n`, `image: ${R}/app:v1@${h.digests.v1}\n`)
    )
    expect(result.stdout).toContain(`Pinned examples/docker/Dockerfile:8: ${R}/app:v1 → ${R}/app:v1@${h.digests.v1}`)
    expect(result.summary).toContain('#### Pinned 27 reference(s) in 15 file(s)')
    // A second run finds every reference pinned, and changes nothing.
    const again = await run({ files: 'examples/**', pin: 'true' })
    expect(again.code).toBe(0)
    expect(again.outputs['pinned-files']).toBe('')
    expect(again.stdout).toContain('pin: every reference was already pinned to its current digest.')
  })

  it('fails a stale pin as ImageTagDoesNotMatchDigest without pin, and updates it with pin', async () => {
    const stale = `sha256:${'0'.repeat(64)}`
    write('a.yaml', `image: ${R}/app:v1@${stale}\n`)
    const checked = await run({ files: 'a.yaml' })
    expect(checked.code).toBe(1)
    expect(checked.errors).toEqual([expect.stringMatching(/^::error title=Image ImageTagDoesNotMatchDigest,file=a\.yaml,line=1::/)])
    const pinned = await run({ files: 'a.yaml', pin: 'true' })
    expect(pinned.code).toBe(0)
    expect(read('a.yaml')).toBe(`image: ${R}/app:v1@${h.digests.v1}\n`)
  })

  it.each([
    [
      { files: 'nowhere/*.yaml' },
      /^::error::files: no file in the workspace \(.*\) matches nowhere\/\*\.yaml\. Fix the files globs, or set if-no-files-found: warn/
    ],
    [{ files: '../*.yaml' }, /^::error::files: '\.\.\/\*\.yaml' leaves the workspace/],
    [{ files: '/etc/*.yaml' }, /^::error::files: '\/etc\/\*\.yaml' is an absolute path/],
    [{ files: 'examples/compose/*.yaml', pin: 'maybe' }, /^::error::pin 'maybe' must be true or false\./],
    [{ pin: 'true', images: 'app:v1' }, /^::error::pin: true needs files/],
    [{ files: 'examples/**', pin: 'true', expect: 'absent' }, /^::error::pin cannot be used with expect: absent/],
    [{ files: '[z-a].yaml' }, /^::error::files: '\[z-a\]\.yaml' is not a valid glob/]
  ])('rejects %j before any call', async (inputs, message) => {
    const result = await run(inputs)
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.stringMatching(message)])
    expect(h.fake.requestsFor()).toHaveLength(0)
  })

  it('names the file and line of a file that is not valid YAML', async () => {
    write('bad.yaml', 'spec:\n  containers: [\n    - image: x\n')
    const result = await run({ files: 'bad.yaml' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.stringMatching(/^::error::files: bad\.yaml:\d+ is not valid YAML or JSON/)])
  })

  it('warns instead when if-no-files-found: warn, and succeeds with nothing to check', async () => {
    const result = await run({ files: 'nowhere/*.yaml', 'if-no-files-found': 'warn' })
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([expect.stringContaining('files: no file in the workspace')])
  })

  it('fails, after every output, when a file cannot be pinned, and changes no file', async () => {
    const long = `${'b'.repeat(226)}.yml`
    write('a.yaml', `image: ${R}/app:v1\n`)
    write(long, `image: ${R}/app:v1\n`)
    const result = await run({ files: '*.y*ml', pin: 'true' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error::pin: could not write b+\.yml: a file name is too long \(ENAMETOOLONG\)\. No file was changed\.$/)
    ])
    expect(result.outputs.found).toBe('true')
    expect(read('a.yaml')).toBe(`image: ${R}/app:v1\n`)
  })

  it('looks up 2,000 references in 500 files over 20 repositories in 20 requests', async () => {
    for (let repo = 0; repo < 20; repo++)
      for (let tag = 0; tag < 100; tag++)
        h.fake.putImage({ repository: `fleet/r${repo}`, tags: [`t${tag}`], manifest: ociManifest(`fleet-${repo}-${tag}`) })
    for (let file = 0; file < 500; file++) {
      const images = Array.from({ length: 4 }, (_, index) => {
        const n = file * 4 + index
        return `        - name: c${index}\n          image: ${R}/fleet/r${n % 20}:t${Math.floor(n / 20) % 100}\n`
      })
      write(`fleet/app-${file}.yaml`, `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n${images.join('')}`)
    }
    const result = await run({ files: 'fleet/*.yaml' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Scanned 500 file(s): 2000 ECR image reference(s)')
    expect(h.fake.requestsFor()).toHaveLength(20)
  })
})
