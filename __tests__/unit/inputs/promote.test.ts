// The promote inputs' own rules: tags as ECR allows them, and one image per repository.
import { describe, expect, it } from '@jest/globals'
import { checkOneImagePerRepository, parsePromoteTags } from '../../../src/inputs/promote.js'
import { DIGEST_A, request } from '../../../__fixtures__/images.js'

describe('parsePromoteTags', () => {
  it.each([
    ['', []],
    ['v1.4.0, prod\nlatest', ['v1.4.0', 'prod', 'latest']],
    ['a_b-c.D', ['a_b-c.D']],
    ['x'.repeat(300), ['x'.repeat(300)]]
  ])('reads %j', (value, tags) => {
    expect(parsePromoteTags(value)).toEqual(tags)
  })

  it.each([['v1/rc'], ['v1+build'], ['tag@sha256'], ['ünicode'], ['x'.repeat(301)]])('rejects %j before any call', (value) => {
    expect(() => parsePromoteTags(value)).toThrow(/promote-tags: '/)
  })
})

describe('checkOneImagePerRepository', () => {
  it('accepts one image per repository, repeats of one image included', () => {
    expect(() =>
      checkOneImagePerRepository([
        request({ tag: 'v1' }),
        request({ tag: 'v1' }, { requested: 'app:v1', source: { file: 'k8s/a.yaml', line: 3 } }),
        request({ tag: 'v1' }, { repositoryName: 'team/api' }),
        request({ tag: 'v2' }, { region: 'us-east-1' })
      ])
    ).not.toThrow()
  })

  it('refuses two images of one repository, naming both', () => {
    expect(() => checkOneImagePerRepository([request({ tag: 'v1' }), request({ digest: DIGEST_A })])).toThrow(
      /same tags on two images of repository 'app' \(v1 and sha256:a+\)/
    )
  })
})
