// The readers of issue 22's formats: kustomize, Argo CD, CloudFormation and SAM, Terraform, GitHub
// workflows, devcontainer.json (JSON with comments), Copilot and any text; each reference's line, and
// the text pin writes.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { extractReferences } from '../../../src/manifests/extract.js'
import { blankJsonComments } from '../../../src/manifests/formats/jsonc.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const D = `sha256:${'d'.repeat(64)}`
const example = (path: string): string => readFileSync(`examples/${path}`, 'utf8')

/** What a reader finds: [text, line, what it is] for each reference. */
function found(file: string, text: string): [string, number, string][] {
  return extractReferences(file, text).map((reference) => [
    reference.text,
    reference.line,
    reference.templated !== undefined
      ? 'templated'
      : reference.tagElsewhere !== undefined
        ? 'tag elsewhere'
        : reference.edit
          ? 'pinnable'
          : `not pinnable: ${reference.unpinnable}`
  ])
}

/** The file with every pinnable ECR reference given digest D, as pin writes it. */
function pinned(file: string, text: string): string {
  const edits = extractReferences(file, text)
    .filter((reference) => reference.edit !== undefined && reference.text.includes('.dkr.ecr.'))
    .map((reference) => reference.edit!)
    .sort((a, b) => b.start - a.start)
  let out = text
  for (const edit of edits) out = `${out.slice(0, edit.start)}${edit.before}${D}${edit.after}${out.slice(edit.end)}`
  return out
}

describe('kustomize', () => {
  it('reads images entries as kustomize does (newName over name, newTag, digest), and names an entry without a tag', () => {
    expect(found('examples/kustomize/kustomization.yaml', example('kustomize/kustomization.yaml'))).toEqual([
      [`${R}/team/api:v1.4.2`, 8, 'pinnable'],
      [`${R}/app:v1`, 11, 'pinnable'],
      [`${R}/app-base`, 14, 'tag elsewhere'],
      ['envoyproxy/envoy:v1.31.0', 15, 'pinnable']
    ])
  })

  it('adds digest: after newTag (keeping newTag), updates a digest in place, and a digest in newTag; idempotent', () => {
    const text = `images:\n  - name: api\n    newName: ${R}/team/api\n    newTag: v1.4.2\n    # note\n  - name: ${R}/app\n    newTag: v1\n    digest: sha256:${'0'.repeat(64)}\n  - name: ${R}/x\n    newTag: v2@sha256:${'1'.repeat(64)}\n`
    const once = pinned('kustomization.yaml', text)
    expect(once).toBe(
      `images:\n  - name: api\n    newName: ${R}/team/api\n    newTag: v1.4.2\n    digest: ${D}\n    # note\n  - name: ${R}/app\n    newTag: v1\n    digest: ${D}\n  - name: ${R}/x\n    newTag: v2@${D}\n`
    )
    expect(pinned('kustomization.yaml', once)).toBe(once)
  })

  it('refuses an unquoted newTag kustomize reads as a number', () => {
    expect(extractReferences('kustomization.yaml', `images:\n  - name: ${R}/app\n    newTag: 1.10\n`)[0]?.unreadable).toMatch(
      /kustomize reads the newTag 1\.10 as a number or boolean and writes 1\.1; quote it/
    )
  })

  it("reads Argo CD's kustomize image strings (name=newName:tag) and pins them in the string", () => {
    expect(found('argocd/application.yaml', example('argocd/application.yaml'))).toEqual([
      [`${R}/team/api:v1.4.2`, 11, 'pinnable'],
      [`${R}/app:v1`, 12, 'pinnable']
    ])
    expect(pinned('.argocd-source-api.yaml', `kustomize:\n  images:\n  - api=${R}/team/api:v1\n`)).toBe(
      `kustomize:\n  images:\n  - api=${R}/team/api:v1@${D}\n`
    )
  })
})

describe('CloudFormation and SAM', () => {
  it('reads ImageUri, Image and ImageIdentifier in YAML with short tags, naming intrinsic functions as templated', () => {
    expect(found('examples/sam/template.yaml', example('sam/template.yaml'))).toEqual([
      [`${R}/team/api:v1.4.2`, 15, 'pinnable'],
      [`${R}/app:v1`, 27, 'pinnable'],
      ['${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${WorkerTag}', 30, 'templated']
    ])
    expect(
      found('t.yaml', `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ImageUri: !Ref Uri\n`)
    ).toEqual([['!Ref Uri', 6, 'templated']])
  })

  it('reads the JSON form, with Fn::Sub as templated, and pins inside the quotes', () => {
    expect(found('examples/cloudformation/service.json', example('cloudformation/service.json'))).toEqual([
      [`${R}/app:v2-oci`, 9, 'pinnable'],
      ['{ "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:v1" }', 20, 'templated']
    ])
    expect(pinned('service.json', example('cloudformation/service.json'))).toContain(`"ImageIdentifier": "${R}/app:v2-oci@${D}"`)
  })

  it('does not read Image keys outside a CloudFormation template', () => {
    expect(found('other.yaml', `Image: ${R}/app:v1\n`)).toEqual([])
  })
})

describe('Terraform', () => {
  it('reads image_uri, image_identifier, image in jsonencode and in a JSON heredoc; not comments; interpolation is templated', () => {
    expect(found('examples/terraform/main.tf', example('terraform/main.tf'))).toEqual([
      [`${R}/team/api:v1.4.2`, 11, 'pinnable'],
      [`${R}/app:v2-oci`, 18, 'pinnable'],
      [`${R}/app:v1`, 29, 'pinnable'],
      [`${R}/app:\${var.worker_tag}`, 35, 'templated'],
      [`${R}/app:v3-multi`, 46, 'pinnable']
    ])
  })

  it('knows strings with nested templates, $${ and escapes, and variables as values', () => {
    const text = [
      `locals { a = "\${join("}", ["x"])}" }`,
      `image_uri = var.image # the variable`,
      `image = "${R}/app:$\${literal}"`,
      `image = "${R}/app:v1" // /* not a comment opener */`,
      `/* image = "${R}/app:old" */`
    ].join('\n')
    expect(found('m.tf', text)).toEqual([
      ['var.image', 2, 'templated'],
      [`${R}/app:$\${literal}`, 3, 'not pinnable: it is written with escapes'],
      [`${R}/app:v1`, 4, 'pinnable']
    ])
  })

  it('reads every string of a one-line conditional expression', () => {
    expect(found('m.tf', `image = var.prod ? "${R}/app:v1" : "${R}/app:v2-oci"\nname = "x"\n`)).toEqual([
      [`${R}/app:v1`, 1, 'pinnable'],
      [`${R}/app:v2-oci`, 1, 'pinnable']
    ])
  })

  it('names the line of a string or heredoc that is never closed', () => {
    expect(() => extractReferences('bad.tf', `a = 1\nimage = "x\n`)).toThrow(
      /^files: bad\.tf:2 is not valid HCL \(a string is never closed on its line\)/
    )
    expect(() => extractReferences('bad.tf', `x = <<EOF\nabc\n`)).toThrow(
      /^files: bad\.tf:1 is not valid HCL \(the heredoc <<EOF is never closed\)/
    )
  })
})

describe('GitHub workflows', () => {
  it('reads container and services strings and docker:// steps; ${{ }} is templated', () => {
    expect(found('examples/github/deploy.yml', example('github/deploy.yml'))).toEqual([
      [`${R}/app:v1`, 6, 'pinnable'],
      [`${R}/team/api:v1.4.2`, 8, 'pinnable'],
      ['redis:7', 10, 'pinnable'],
      [`${R}/app:v2-oci`, 12, 'pinnable'],
      [`${R}/app:\${{ github.sha }}`, 15, 'templated']
    ])
    expect(pinned('deploy.yml', example('github/deploy.yml'))).toContain(`      - uses: docker://${R}/app:v2-oci@${D}\n`)
  })
})

describe('devcontainer.json, Copilot and any text', () => {
  it('reads JSON with comments and trailing commas, keeping every offset', () => {
    expect(found('.devcontainer/devcontainer.json', example('devcontainer/devcontainer.json'))).toEqual([
      [`${R}/team/api:v1.4.2`, 4, 'pinnable']
    ])
    const text = '{"a": "// not a comment", /* c */ "b": [1,], }'
    expect(blankJsonComments(text)).toBe(`{"a": "// not a comment", ${' '.repeat(7)} "b": [1 ]  }`)
    expect(blankJsonComments(text)).toHaveLength(text.length)
  })

  it("reads a Copilot manifest's image.location", () => {
    expect(found('copilot/web/manifest.yml', example('copilot/manifest.yml'))).toEqual([[`${R}/app:v1`, 5, 'pinnable']])
  })

  it('reads complete ECR references in any text, in every partition, and names a variable tag as templated', () => {
    expect(found('scripts/deploy.sh', example('scripts/deploy.sh'))).toEqual([
      [`${R}/team/api:v1.4.2`, 5, 'pinnable'],
      [`${R}/app:\${APP_TAG}`, 6, 'templated']
    ])
    const text = `See 123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu/app:v1. Also ${R}/app (no tag), x${R}/app:v1 and 123456789012.dkr.ecr.eu-west-1.amazonaws.eu/app:v1.\n`
    expect(found('README.md', text)).toEqual([['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu/app:v1', 1, 'pinnable']])
    expect(pinned('README.md', text)).toContain(`amazonaws.eu/app:v1@${D}. Also`)
  })
})

describe('what the review found', () => {
  it('pins a Lambda image URI (CloudFormation, SAM, Terraform, .tfvars) as <repository>@<digest>: Lambda refuses a tag with a digest', () => {
    const sam = `Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      ImageUri: ${R}/team/api:v1.4.2\n`
    expect(pinned('template.yaml', sam)).toBe(sam.replace(':v1.4.2', `@${D}`))
    expect(pinned('template.yaml', pinned('template.yaml', sam))).toBe(sam.replace(':v1.4.2', `@${D}`))
    const tf = `image_uri = "${R}/app:v1@sha256:${'0'.repeat(64)}"\nimage = "${R}/app:v1"\n`
    expect(pinned('main.tf', tf)).toBe(`image_uri = "${R}/app@${D}"\nimage = "${R}/app:v1@${D}"\n`)
    expect(pinned('prod.tfvars', `image_uri = "${R}/app:v1"\n`)).toBe(`image_uri = "${R}/app@${D}"\n`)
  })

  it('names an Argo CD string without a tag as decided elsewhere, never :latest', () => {
    expect(found('.argocd-source-a.yaml', `kustomize:\n  images:\n  - app=${R}/app\n`)).toEqual([[`${R}/app`, 3, 'tag elsewhere']])
  })

  it('never appends a second digest in text, and names a partly templated tag as templated', () => {
    const text = [
      `IMAGE=${R}/app:v1@\${DIGEST}`,
      `docker push ${R}/app:v1-\${ARCH}`,
      `docker run ${R}/app:v1+build ${R}/app:v1/x ${R}/app:v1:latest harbor.example.com/${R}/app:v1`,
      `pinned ${R}/app:v1@sha512:${'a'.repeat(128)}`
    ].join('\n')
    expect(found('deploy.sh', text)).toEqual([
      [`${R}/app:v1`, 1, 'templated'],
      [`${R}/app:v1-`, 2, 'templated'],
      [`${R}/app:v1@sha512:${'a'.repeat(128)}`, 4, 'pinnable']
    ])
    expect(extractReferences('x.md', `${R}/app:v1@SHA256:${'A'.repeat(64)}`)[0]?.unreadable).toMatch(/what follows its @ is not a digest/)
    for (const variable of ['$(TAG)', '{tag}', '%s', '{{ .Tag }}', '$TAG'])
      expect(found('Makefile', `push:\n\tdocker push ${R}/app:${variable}\n`)).toEqual([[`${R}/app:${variable}`, 2, 'templated']])
  })

  it('reads an anchored reference named twice in a workflow once', () => {
    const text = `on: push\njobs:\n  t:\n    container: &img ${R}/app:v1\n    services:\n      db:\n        image: *img\n    steps:\n      - uses: x/y@v1\n        with:\n          container: ${R}/app:not-an-image\n`
    expect(found('.github/workflows/ci.yml', text)).toEqual([[`${R}/app:v1`, 4, 'pinnable']])
  })

  it('reads only JSON heredocs in Terraform, and a kustomization named Kustomization', () => {
    expect(found('main.tf', `user_data = <<EOT\n# was: "image": "${R}/app:v0"\nEOT\n`)).toEqual([])
    expect(found('overlays/prod/Kustomization', `images:\n- name: ${R}/app\n  newTag: v1\n`)).toEqual([[`${R}/app:v1`, 2, 'pinnable']])
  })

  it('reads CloudFormation image keys only in resources (not Mappings, custom resources or Image Builder), with !!str as text', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nMappings:\n  M:\n    a:\n      Image: ${R}/app:map\nResources:\n  C:\n    Type: Custom::Thing\n    Properties:\n      Image: ${R}/app:custom\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ImageUri: !!str ${R}/app:v1\n`
    expect(found('t.yaml', text)).toEqual([[`${R}/app:v1`, 15, 'pinnable']])
  })

  it("reads an action's image: docker://<ref>, and leaves two commas in a row for the parser to refuse", () => {
    expect(found('action.yml', `runs:\n  using: docker\n  image: docker://${R}/app:v1\n`)).toEqual([[`${R}/app:v1`, 3, 'pinnable']])
    expect(() => extractReferences('x.json', `{"image": "${R}/app:v1",, }`)).toThrow(/is not valid YAML or JSON/)
  })

  it('keeps two references that share an anchored tag (never pins one to the other), and reads docker:// in text', () => {
    const text = `api:\n  image: {repository: ${R}/api, tag: &t v1}\nworker:\n  image: {repository: ${R}/worker, tag: *t}\n`
    expect(found('values.yaml', text).map(([reference]) => reference)).toEqual([`${R}/api:v1`, `${R}/worker:v1`])
    expect(found('copy.sh', `skopeo copy docker://${R}/api:v1 oci://${R}/worker:v2\nDeploy ${R}/app@sha256:${'a'.repeat(64)}.\n`)).toEqual([
      [`${R}/api:v1`, 1, 'pinnable'],
      [`${R}/worker:v2`, 1, 'pinnable'],
      [`${R}/app@sha256:${'a'.repeat(64)}`, 2, 'pinnable']
    ])
    expect(extractReferences('x.md', `${R}/app@sha256:${'a'.repeat(64)}@sha256:${'b'.repeat(64)}`)[0]?.unreadable).toMatch(/not a digest/)
  })

  it("reads Fn::ForEach resources, rewrites a Lambda URI still written with its tag, and skips image: in a step's with:", () => {
    const forEach = `Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Fns:\n    - Name\n    - [a, b]\n    - \${Name}Fn:\n        Type: AWS::Lambda::Function\n        Properties:\n          Code:\n            ImageUri: ${R}/app:v1\n`
    expect(found('t.yaml', forEach)).toEqual([[`${R}/app:v1`, 10, 'pinnable']])
    const tagged = extractReferences(
      't.yaml',
      `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      ImageUri: ${R}/app:v1@${D}\n`
    )[0]
    expect(tagged?.rewrite).toBe(true)
    expect(extractReferences('main.tf', `image_uri = "${R}/app:v1@${D}"`)[0]?.rewrite).toBe(true)
    expect(extractReferences('main.tf', `image_uri = "${R}/app@${D}"`)[0]?.rewrite).toBeUndefined()
    const workflow = `on: push\njobs:\n  deploy:\n    runs-on: x\n    steps:\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          image: ${R}/app:v1\n`
    expect(found('.github/workflows/d.yml', workflow)).toEqual([])
  })
})
