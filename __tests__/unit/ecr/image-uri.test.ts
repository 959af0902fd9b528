import { describe, expect, it } from '@jest/globals'
import { pinnedImageUri, registryHost } from '../../../src/ecr/image-uri.js'

describe('pinned references', () => {
  it.each([
    ['eu-west-1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    ['cn-north-1', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', '123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn'],
    ['us-gov-west-1', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com']
  ])('uses the partition DNS suffix in %s', (region, host) => {
    expect(registryHost('123456789012', region)).toBe(host)
  })

  it('keeps the registry id as a string and the repository path', () => {
    expect(pinnedImageUri('012345678901', 'eu-west-1', 'team/api', 'sha256:abc')).toBe(
      '012345678901.dkr.ecr.eu-west-1.amazonaws.com/team/api@sha256:abc'
    )
  })
})
