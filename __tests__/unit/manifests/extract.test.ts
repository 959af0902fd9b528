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
