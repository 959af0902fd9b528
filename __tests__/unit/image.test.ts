// image.ts: the keys that group and de-duplicate requests, and how a repository reads in messages.
import { describe, expect, it } from '@jest/globals'
import { describeRepository, imageIdKey, repositoryKey, requestKey } from '../../src/image.js'
import { DIGEST_A, request } from '../../__fixtures__/images.js'

describe('keys', () => {
  it('are equal for the same image in the same repository, and differ otherwise', () => {
    expect(requestKey(request({ tag: 'v1' }, { requested: 'a' }))).toBe(requestKey(request({ tag: 'v1' }, { requested: 'b' })))
    expect(requestKey(request({ tag: 'v1' }))).not.toBe(requestKey(request({ tag: 'v1', digest: DIGEST_A })))
    expect(requestKey(request({ tag: 'v1' }))).not.toBe(requestKey(request({ tag: 'v1' }, { region: 'us-east-1' })))
    expect(repositoryKey(request({ tag: 'v1' }))).toBe(repositoryKey(request({ digest: DIGEST_A })))
    expect(repositoryKey(request({ tag: 'v1' }))).not.toBe(repositoryKey(request({ tag: 'v1' }, { registryId: '111122223333' })))
    expect(imageIdKey({ tag: 'a' })).not.toBe(imageIdKey({ digest: 'a' }))
  })
})

describe('describeRepository', () => {
  it('names the repository, registry and region', () => {
    expect(describeRepository(request({ tag: 'v1' }))).toBe("'app' in the caller's registry (eu-west-1)")
    expect(describeRepository(request({ tag: 'v1' }, { registryId: '111122223333', repositoryName: 'team/api' }))).toBe(
      "'team/api' in registry 111122223333 (eu-west-1)"
    )
  })
})
