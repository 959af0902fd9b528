// extract.ts: the references each kind of file holds, with their lines and how to pin them.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { extractReferences } from '../../../src/manifests/extract.js'

const R = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const example = (path: string): string => readFileSync(`examples/${path}`, 'utf8')
const found = (file: string, text: string): [string, number][] =>
  extractReferences(file, text).map((reference) => [reference.text, reference.line])

describe('extractReferences', () => {
  it('finds containers, initContainers and ephemeralContainers in Kubernetes workloads, multi-document files included', () => {
    expect(found('k8s/deployment.yaml', example('k8s/deployment.yaml'))).toEqual([
      [`${R}/team/api:v1.4.2`, 12],
      [`${R}/app:v1`, 15],
      ['docker.io/envoyproxy/envoy:v1.31.0', 19]
    ])
    expect(found('k8s/jobs.yaml', example('k8s/jobs.yaml'))).toEqual([
      [`${R}/app:v2-oci`, 14],
      [`${R}/app:v3-multi`, 24],
      ['busybox:1.36', 27]
    ])
  })

  it('composes Helm image maps from registry, repository, tag and digest, and reads plain image strings', () => {
    const references = extractReferences('helm/values.yaml', example('helm/values.yaml'))
    expect(references.map((reference) => [reference.text, reference.line, reference.edit?.before])).toEqual([
      [`${R}/team/api:v1.4.2`, 5, '\n    digest: '],
      [`${R}/app:v1`, 10, ''],
      [`${R}/app:{{ .Values.global.tag }}`, 14, '@']
    ])
  })

  it('reads docker compose services and ECS containerDefinitions', () => {
    expect(found('compose.yaml', example('compose/compose.yaml'))).toEqual([
      [`${R}/app:v1`, 3],
      ['redis:7', 6]
    ])
    expect(found('task-definition.json', example('ecs/task-definition.json'))).toEqual([
      [`${R}/team/api:v1.4.2`, 6],
      ['public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', 11]
    ])
  })

  it('reads Dockerfile FROM lines, leaving out stages named by an earlier FROM … AS', () => {
    expect(found('docker/Dockerfile', example('docker/Dockerfile'))).toEqual([
      [`${R}/app:v2-oci`, 2],
      [`${R}/app:v1`, 8]
    ])
    expect(found('Dockerfile.prod', 'FROM scratch\nfrom a/b:1 as Base\nFROM base\n')).toEqual([['a/b:1', 2]])
  })

  it('keeps a written digest, to verify or update', () => {
    const [reference] = extractReferences('a.yaml', `image: ${R}/app:v1@sha256:${'a'.repeat(64)}\n`)
    expect(reference?.writtenDigest).toBe(`sha256:${'a'.repeat(64)}`)
  })

  it('names the file and line of YAML that does not parse', () => {
    expect(() => extractReferences('bad.yaml', 'a: 1\nb: [unclosed\n')).toThrow(/^files: bad\.yaml:\d+ is not valid YAML or JSON/)
  })
})

describe('extractReferences, read as the tools that use the files read them', () => {
  const read = (file: string, text: string) =>
    extractReferences(file, text).map((reference) => ({
      text: reference.text,
      line: reference.line,
      ...(reference.edit === undefined && { unpinnable: reference.unpinnable }),
      ...(reference.unreadable !== undefined && { unreadable: reference.unreadable })
    }))

  it('follows aliases and merge keys into Helm maps: repository, registry and tag', () => {
    const text = `r: &r app\nt: &t v1\nhost: &h ${R}\nbase: &b\n  repository: ${R}/team/api\n  tag: v1.4.2\na:\n  image:\n    registry: *h\n    repository: *r\n    tag: *t\nb:\n  image:\n    <<: *b\n`
    expect(read('values.yaml', text)).toEqual([
      { text: `${R}/app:v1`, line: 1 },
      { text: `${R}/team/api:v1.4.2`, line: 14 }
    ])
  })

  it('names an alias to no anchor, and a Helm tag Helm renders otherwise than written', () => {
    expect(read('a.yaml', 'image: *nowhere\n')).toEqual([
      { text: '*nowhere', line: 1, unpinnable: undefined, unreadable: 'its alias *nowhere names no anchor' }
    ])
    const rendered = (tag: string) => read('v.yaml', `image:\n  repository: ${R}/app\n  tag: ${tag}\n`)[0]?.unreadable
    expect(rendered('1.10')).toBe(
      'Helm reads the tag 1.10 as a number or boolean and renders 1.1, so the image it deploys is not 1.10; quote it ("1.10")'
    )
    // What Helm renders, as Go writes a float64 (%v) or a boolean.
    expect(
      ['010', '1e3', '1_000', '0x1F', '1234567', '20240101', '.5', '+1', 'yes', 'On', 'True'].map(
        (tag) => /renders (\S+),/.exec(rendered(tag) ?? '')?.[1]
      )
    ).toEqual(['8', '1000', '1000', '31', '1.234567e+06', '2.0240101e+07', '0.5', '1', 'true', 'true', 'true'])
    // Rendered as written: no error.
    for (const tag of ['2024', '999999', '3.12', '1.25', '16.4', 'true', 'false', '!!str 1.10', '"1.10"', 'v1.10'])
      expect(rendered(tag)).toBeUndefined()
    expect(read('v.yaml', `image:\n  repository: ${R}/app\n  tag: 2024\n`)).toEqual([{ text: `${R}/app:2024`, line: 2 }])
  })

  it('pins the Helm map, not the scalar, when one anchor is both a whole reference and a part of a map', () => {
    const text = `image:\n  repository: &r ${R}/app\n  tag: v1\nother:\n  image: *r\n`
    expect(read('v.yaml', text)).toEqual([
      { text: `${R}/app:v1`, line: 2 },
      { text: `${R}/app`, line: 2, unpinnable: 'its text is also the repository of the Helm map at line 2 (one anchor used both ways)' }
    ])
  })

  it('reads Dockerfiles as BuildKit does: continuations, the escape directive, comments inside, heredocs', () => {
    const continued = `FROM \\\n  # the base\n  ${R}/app:v1 AS base\nRUN <<EOF\nFROM ${R}/not/an:image\nEOF\nFROM base\n`
    expect(read('Dockerfile', continued)).toEqual([{ text: `${R}/app:v1`, line: 3 }])
    expect(read('Dockerfile', `# escape=\`\r\nFROM \`\r\n ${R}/app:v2\r\n`)).toEqual([{ text: `${R}/app:v2`, line: 3 }])
    expect(read('Dockerfile.yaml', `image: ${R}/app:v1\n`)).toEqual([{ text: `${R}/app:v1`, line: 1 }])
    // Only RUN, COPY and ADD open heredocs, in words outside quotes; one never closed hides nothing.
    const notHeredocs = [`LABEL note="see <<EOF"`, `RUN echo 'a <<EOF b'`, 'RUN echo $((1<<EOF))', 'RUN <<EOT-1']
    for (const line of notHeredocs)
      expect(read('Dockerfile', `FROM ${R}/app:v1\n${line}\nFROM ${R}/app:v2\n`).map((reference) => reference.text)).toEqual([
        `${R}/app:v1`,
        `${R}/app:v2`
      ])
    expect(
      read('Dockerfile', `FROM ${R}/app:v1\nRUN <<EOT-1\nFROM x\nEOT-1\nFROM ${R}/app:v2\n`).map((reference) => reference.text)
    ).toEqual([`${R}/app:v1`, `${R}/app:v2`])
  })
})

describe('extractReferences on the shapes a third review tried', () => {
  const read = (file: string, text: string) => extractReferences(file, text).map((reference) => [reference.text, reference.unreadable])

  it('reads a file with keys without values (a flow set) around its references', () => {
    expect(read('a.yaml', `tags: {stable, prod}\n? lonely\nimage: ${R}/app:v1\n`)).toEqual([[`${R}/app:v1`, undefined]])
  })

  it("names a Helm map whose key is set twice, or merged in after its own keys, as Go's reader takes the last", () => {
    const twice = read('v.yaml', `image:\n  repository: ${R}/app\n  tag: v1\n  tag: v2-oci\n`)
    const late = read('v.yaml', `base: &b\n  repository: ${R}/app\n  tag: v2-oci\nimage:\n  tag: v1\n  <<: *b\n`)
    for (const found of [twice, late])
      expect(found[0]?.[1]).toMatch(
        /^its tag is set twice \(a key written again, or a merge key after the map's own keys\), and Go's YAML reader/
      )
    expect(read('v.yaml', `base: &b\n  repository: ${R}/app\n  tag: v2-oci\nimage:\n  <<: *b\n  tag: v1\n`)).toEqual([
      [`${R}/app:v1`, undefined]
    ])
  })

  it('ends heredocs at delimiters the shell unquotes, and opens none after an escaped space', () => {
    for (const open of ['<<\\EOF', '<<E"OF"', "<<'EOF'"])
      expect(
        read('Dockerfile', `FROM ${R}/app:v1\nRUN cat ${open} > /etc/motd\nFROM ${R}/inside:heredoc\nEOF\nFROM ${R}/app:v2\n`)
      ).toEqual([
        [`${R}/app:v1`, undefined],
        [`${R}/app:v2`, undefined]
      ])
    expect(read('Dockerfile', `RUN echo a\\ <<EOF\nFROM ${R}/app:v1\nEOF\n`)).toEqual([[`${R}/app:v1`, undefined]])
  })
})
