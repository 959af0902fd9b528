import { describe, expect, it } from '@jest/globals'
import { parseReference, parseReferences, parseRepositoryName } from '../../../src/inputs/references.js'

const D = `sha256:${'d'.repeat(64)}`
const DEFAULTS = { region: () => 'eu-central-1' }

describe('parseReference', () => {
  it.each([
    ['app:v1', { repositoryName: 'app', id: { tag: 'v1' } }],
    [`team/api@${D}`, { repositoryName: 'team/api', id: { digest: D } }],
    [`team/api:v1@${D}`, { repositoryName: 'team/api', id: { tag: 'v1', digest: D } }],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/a/b/c:1.0',
      { registryId: '123456789012', region: 'eu-west-1', repositoryName: 'a/b/c', id: { tag: '1.0' } }
    ],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:v1',
      { registryId: '123456789012', region: 'us-gov-west-1', repositoryName: 'app' }
    ],
    ['123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/app:v1', { region: 'cn-northwest-1' }],
    [
      '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu/app:v1',
      { region: 'eusc-de-east-1', registryHost: '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu' }
    ],
    ['123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov/app:v1', { region: 'us-iso-east-1' }],
    ['123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov/app:v1', { region: 'us-isob-east-1' }],
    ['123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk/app:v1', { region: 'eu-isoe-west-1' }],
    ['123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov/app:v1', { region: 'us-isof-south-1' }]
  ])('parses %s', (text, expected) => {
    expect(parseReference(text, DEFAULTS)).toMatchObject({ requested: text, ...expected })
  })

  it.each([
    ['app', /neither a tag nor a digest/],
    ['ghcr.io/org/app:v1', /not an ECR registry/],
    ['localhost:5000/app:v1', /not an ECR registry/],
    ['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.com/app:v1', /did you mean 123456789012\.dkr\.ecr\.eusc-de-east-1\.amazonaws\.eu\?/],
    ['app:', /a tag is empty/],
    ['app@sha256:zz', /not a valid image digest/],
    ['APP:v1', /not a valid ECR repository name/]
  ])('rejects %s', (text, message) => {
    expect(() => parseReference(text, DEFAULTS)).toThrow(message)
  })

  it('splits on newlines, spaces and commas', () => {
    expect(parseReferences('a1:v1\n a2:v2,a3:v3', DEFAULTS).map((reference) => reference.repositoryName)).toEqual(['a1', 'a2', 'a3'])
    expect(() => parseReferences(' \n', DEFAULTS)).toThrow(/images is empty/)
  })
})

describe('defaults', () => {
  it('applies registry-id and the default region to references without a registry host, and only to those', () => {
    const asked: string[] = []
    const defaults = { registryId: '111122223333', region: () => (asked.push('region'), 'eu-central-1') }
    expect(parseReference('app:v1', defaults)).toMatchObject({ registryId: '111122223333', region: 'eu-central-1' })
    expect(parseReference('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1', defaults)).toMatchObject({
      registryId: '123456789012',
      region: 'eu-west-1'
    })
    expect(asked).toEqual(['region'])
  })
})

describe('parseRepositoryName', () => {
  it.each(['app', 'team/api', 'a__b', 'a--b/c.d'])('accepts %s', (name) => {
    expect(parseRepositoryName(name)).toBe(name)
  })

  it.each([
    ['', /repository-name is empty/],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app', /looks like an image URI/],
    ['a', /2 to 256 characters/],
    ['Team/API', /not a valid ECR repository name/]
  ])('rejects %j', (name, message) => {
    expect(() => parseRepositoryName(name)).toThrow(message)
  })
})
