// End to end: every format AWS users keep references in, gated and pinned through the bundle:
// kustomize, Argo CD, CloudFormation and SAM (YAML and JSON), Terraform, GitHub workflows,
// devcontainer.json, Copilot and any text; CRLF and comments kept; one reference in two formats; a
// file no reader can parse fails at that file while every other one is checked.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../testkit/run-action.js'
import { NODES, useHarness } from './harness.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const FORMATS = ['argocd', 'cloudformation', 'copilot', 'devcontainer', 'github', 'kustomize', 'sam', 'scripts', 'terraform']

describe.each(NODES)('every format on $label', ({ path }) => {
  const h = useHarness(path)
  let workspace = ''
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    for (const format of FORMATS) cpSync(join(ROOT, 'examples', format), join(workspace, format), { recursive: true })
  })
  afterEach(() => rmSync(workspace, { recursive: true, force: true }))
  const run = (inputs: Record<string, string>) => h.run(inputs, { GITHUB_WORKSPACE: workspace })
  const write = (file: string, text: string): void => {
    mkdirSync(join(workspace, file, '..'), { recursive: true })
    writeFileSync(join(workspace, file), text)
  }
  const read = (file: string): string => readFileSync(join(workspace, file), 'utf8')
  const original = (file: string): string => readFileSync(join(ROOT, 'examples', file), 'utf8')

  it('pins each format in the form its tool reads, byte for byte elsewhere, in one lookup per repository; a rerun changes nothing', async () => {
    const result = await run({ files: '**', pin: 'true' })
    expect(result.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(2)
    const { v1, v2, v3, api } = h.digests
    expect(read('kustomize/kustomization.yaml')).toBe(
      original('kustomize/kustomization.yaml')
        .replace('    newTag: v1.4.2\n', `    newTag: v1.4.2\n    digest: ${api}\n`)
        .replace(`  - name: ${R}/app\n    newTag: v1\n`, `  - name: ${R}/app\n    newTag: v1\n    digest: ${v1}\n`)
    )
    expect(read('sam/template.yaml')).toBe(
      original('sam/template.yaml')
        .replace(`ImageUri: ${R}/team/api:v1.4.2\n`, `ImageUri: ${R}/team/api@${api}\n`)
        .replace(`Image: ${R}/app:v1\n`, `Image: ${R}/app:v1@${v1}\n`)
    )
    expect(read('cloudformation/service.json')).toBe(original('cloudformation/service.json').replace(`/app:v2-oci"`, `/app:v2-oci@${v2}"`))
    expect(read('terraform/main.tf')).toBe(
      original('terraform/main.tf')
        .replace(`/team/api:v1.4.2"`, `/team/api@${api}"`)
        .replace(`/app:v2-oci"`, `/app:v2-oci@${v2}"`)
        .replace(`/app:v1"\n`, `/app:v1@${v1}"\n`)
        .replace(`/app:v3-multi"`, `/app:v3-multi@${v3}"`)
    )
    expect(read('github/deploy.yml')).toBe(
      original('github/deploy.yml')
        .replace(`container: ${R}/app:v1\n`, `container: ${R}/app:v1@${v1}\n`)
        .replace(`api: ${R}/team/api:v1.4.2\n`, `api: ${R}/team/api:v1.4.2@${api}\n`)
        .replace(`docker://${R}/app:v2-oci\n`, `docker://${R}/app:v2-oci@${v2}\n`)
    )
    expect(read('devcontainer/devcontainer.json')).toBe(
      original('devcontainer/devcontainer.json').replace(`/team/api:v1.4.2"`, `/team/api:v1.4.2@${api}"`)
    )
    expect(read('copilot/manifest.yml')).toBe(original('copilot/manifest.yml').replace(`/app:v1\n`, `/app:v1@${v1}\n`))
    expect(read('argocd/application.yaml')).toBe(
      original('argocd/application.yaml').replace(`/team/api:v1.4.2\n`, `/team/api:v1.4.2@${api}\n`).replace(`/app:v1\n`, `/app:v1@${v1}\n`)
    )
    expect(read('scripts/deploy.sh')).toBe(original('scripts/deploy.sh').replace(`/team/api:v1.4.2\n`, `/team/api:v1.4.2@${api}\n`))
    expect(result.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^::notice title=Image tag decided elsewhere,file=kustomize\/kustomization\.yaml,line=14::/),
        expect.stringMatching(
          /^::notice title=Templated image reference,file=terraform\/main\.tf,line=35::.*Check the value Terraform gives it where it is set/
        )
      ])
    )
    const again = await run({ files: '**', pin: 'true' })
    expect(again.code).toBe(0)
    expect(again.outputs['pinned-files']).toBe('')
    expect(again.stdout).toContain('pin: every reference was already pinned to its current digest.')
  })

  it('keeps CRLF line endings and comments, and pins one reference written in two formats in both', async () => {
    rmSync(join(workspace, 'sam'), { recursive: true })
    write('k/kustomization.yaml', `images:\r\n  - name: ${R}/app # the app\r\n    newTag: v1\r\n`)
    write('t/main.tf', `# lambda\r\nresource "aws_lambda_function" "f" {\r\n  image_uri = "${R}/app:v1" # pinned by CI\r\n}\r\n`)
    const result = await run({ files: 'k/*\nt/*', pin: 'true' })
    expect(result.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(1)
    expect(read('k/kustomization.yaml')).toBe(
      `images:\r\n  - name: ${R}/app # the app\r\n    newTag: v1\r\n    digest: ${h.digests.v1}\r\n`
    )
    expect(read('t/main.tf')).toBe(
      `# lambda\r\nresource "aws_lambda_function" "f" {\r\n  image_uri = "${R}/app@${h.digests.v1}" # pinned by CI\r\n}\r\n`
    )
  })

  it('rewrites a Lambda URI still written with its tag (as the previous release pinned it) even when its digest is current, and logs what the file reads', async () => {
    write(
      'l/template.yaml',
      `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ImageUri: ${R}/app:v1@${h.digests.v1}\n`
    )
    const result = await run({ files: 'l/*', pin: 'true' })
    expect(result.code).toBe(0)
    expect(read('l/template.yaml')).toContain(`        ImageUri: ${R}/app@${h.digests.v1}\n`)
    expect(result.stdout).toContain(`Pinned l/template.yaml:6: ${R}/app:v1@${h.digests.v1} → ${R}/app@${h.digests.v1}`)
    const again = await run({ files: 'l/*', pin: 'true' })
    expect(again.outputs['pinned-files']).toBe('')
  })

  it('fails the gate at the line of a missing image in a SAM template and a Terraform file', async () => {
    write(
      'x/template.yaml',
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      ImageUri: ${R}/app:gone\n`
    )
    write('x/main.tf', `resource "aws_apprunner_service" "s" {\n  image_identifier = "${R}/app:gone"\n}\n`)
    const result = await run({ files: 'x/*' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error title=Image ImageNotFound,file=x\/main\.tf,line=2::/),
      expect.stringMatching(/^::error title=Image ImageNotFound,file=x\/template\.yaml,line=6::/)
    ])
  })

  it('fails at a file no reader can parse, after checking and reporting every other file, and pins nothing', async () => {
    write('bad/main.tf', `resource "x" "y" {\n  image_uri = "${R}/app:v1\n}\n`)
    write('bad/values.yaml', `a: [unclosed\n`)
    const result = await run({ files: '**', pin: 'true' })
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^::error title=File cannot be read,file=bad\/main\.tf,line=2::files: bad\/main\.tf:2 is not valid HCL \(a string is never closed on its line\)/
      ),
      expect.stringMatching(
        /^::error title=File cannot be read,file=bad\/values\.yaml,line=\d+::files: bad\/values\.yaml:\d+ is not valid YAML or JSON/
      ),
      '::error::files: 2 files cannot be read (see the error at each), so what they reference was not checked; every other file was.'
    ])
    // Every other file was looked up and reported; nothing was written.
    expect(result.stdout).toContain(`✔ ${R}/app:v1 (copilot/manifest.yml:5): found`)
    expect(result.outputs.found).toBe('true')
    expect(result.outputs['pinned-files']).toBe('')
    expect(result.stdout).toContain('pin: 2 file(s) cannot be read (see the errors at them), so no file was written.')
    expect(read('copilot/manifest.yml')).toBe(original('copilot/manifest.yml'))
  })
})
