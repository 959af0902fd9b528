import { describe, expect, it } from '@jest/globals'
import { parseImageIds } from '../../../src/inputs/image-ids.js'
import { DIGEST_A, DIGEST_B } from '../../../__fixtures__/images.js'

const HERE = { repositoryName: 'app', region: () => 'eu-west-1' }

describe('parseImageIds', () => {
  it.each([
    ['a bare tag', 'v1', [{ tag: 'v1' }]],
    ['a bare digest', DIGEST_A, [{ digest: DIGEST_A }]],
    [
      'newline, space and comma separated values',
      `v1\nv2 v3,v4\n\n${DIGEST_A}`,
      [{ tag: 'v1' }, { tag: 'v2' }, { tag: 'v3' }, { tag: 'v4' }, { digest: DIGEST_A }]
    ],
    ['imageTag=', 'imageTag=v1', [{ tag: 'v1' }]],
    ['imageDigest=', `imageDigest=${DIGEST_B}`, [{ digest: DIGEST_B }]],
    ['both keys', `imageTag=v1,imageDigest=${DIGEST_A}`, [{ tag: 'v1', digest: DIGEST_A }]],
    [
      'JSON',
      `[{"imageTag":"v1"}, {"imageDigest":"${DIGEST_A}"}, {"imageTag":"v2","imageDigest":"${DIGEST_B}"}]`,
      [{ tag: 'v1' }, { digest: DIGEST_A }, { tag: 'v2', digest: DIGEST_B }]
    ],
    ['a 300-character tag', 't'.repeat(300), [{ tag: 't'.repeat(300) }]],
    ['a sha512 digest', `sha512:${'c'.repeat(128)}`, [{ digest: `sha512:${'c'.repeat(128)}` }]]
  ])('parses %s', (_label, text, expected) => {
    expect(parseImageIds(text, HERE).map((parsed) => parsed.id)).toEqual(expected)
  })

  it.each([
    ['', /image-ids is empty/],
    [' , ,', /image-ids is empty/],
    ['sha256:abc', /not a valid image digest/],
    [`sha256:${'A'.repeat(64)}`, /not a valid image digest/],
    ['t'.repeat(301), /301 characters long/],
    ['imageTag=v1,foo=bar', /unknown key 'foo'/],
    ['imageTag=', /a tag is empty/],
    ['imageTag=v1,imageDigest', /not key=value/],
    ['[1]', /JSON entry 1 must be an object/],
    ['[{"imageTag": 5}]', /imageTag must be a string/],
    ['{"imageTag":"v1"}', /neither a tag nor a digest|not a valid/],
    ['[', /not valid JSON/],
    ['app:v1', /neither a tag nor a digest/],
    ['v1@sha256:x', /'@' is not allowed/]
  ])('rejects %j', (text, message) => {
    expect(() => parseImageIds(text, HERE)).toThrow(message)
  })
})

describe('requested text', () => {
  it('keeps each id as written', () => {
    expect(parseImageIds(`v1,v2 imageTag=v3 [{"imageTag":"v4"}]`.split(' [')[0] ?? '', HERE).map((parsed) => parsed.requested)).toEqual([
      'v1',
      'v2',
      'imageTag=v3'
    ])
    expect(parseImageIds('[{"imageTag":"v4"}]', HERE).map((parsed) => parsed.requested)).toEqual(['{"imageTag":"v4"}'])
  })
})

describe('where the ids are looked for', () => {
  it('puts every id in the repository, registry and region given', () => {
    expect(parseImageIds('v1', { repositoryName: 'team/api', registryId: '111122223333', region: () => 'us-east-1' })).toEqual([
      { requested: 'v1', repositoryName: 'team/api', registryId: '111122223333', region: 'us-east-1', id: { tag: 'v1' } }
    ])
  })

  it('reports a syntax error before asking for the region', () => {
    const noRegion = {
      repositoryName: 'app',
      region: (): string => {
        throw new Error('no region')
      }
    }
    expect(() => parseImageIds('sha256:abc', noRegion)).toThrow(/not a valid image digest/)
  })
})
