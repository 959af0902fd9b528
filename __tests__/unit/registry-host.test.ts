// registry-host.ts: ECR's registry hosts in every partition the SDK knows, read and written.
import { describe, expect, it } from '@jest/globals'
import { isEcrHost, pinnedImageUri, readEcrHost, registryHost } from '../../src/registry-host.js'

describe('pinned references', () => {
  it.each([
    ['eu-west-1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    ['cn-north-1', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', '123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn'],
    ['us-gov-west-1', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com'],
    ['eusc-de-east-1', '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu'],
    ['us-iso-east-1', '123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov'],
    ['us-isob-east-1', '123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov'],
    ['eu-isoe-west-1', '123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk'],
    ['us-isof-south-1', '123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov']
  ])('uses the partition DNS suffix in %s, and reads the host back', (region, host) => {
    expect(registryHost('123456789012', region)).toBe(host)
    expect(readEcrHost(host)).toEqual({ host: { registryId: '123456789012', region } })
  })

  it('keeps the registry id as a string and the repository path', () => {
    expect(pinnedImageUri('012345678901', 'eu-west-1', 'team/api', 'sha256:abc')).toBe(
      '012345678901.dkr.ecr.eu-west-1.amazonaws.com/team/api@sha256:abc'
    )
  })
})

describe('readEcrHost', () => {
  it.each([
    '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
    '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com',
    '123456789012.dkr-ecr.us-east-1.on.aws',
    '123456789012.dkr-ecr-fips.us-east-1.on.aws',
    '123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn',
    '123456789012.dkr-ecr.eusc-de-east-1.on.amazonwebservices.eu',
    '123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM'
  ])('reads %s', (host) => {
    expect(isEcrHost(host)).toBe(true)
  })

  it.each([
    ['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.com', '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com.cn', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['123456789012.dkr-ecr.cn-north-1.on.aws', '123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn']
  ])('refuses %s, a suffix of another partition, naming %s', (host, expected) => {
    expect(readEcrHost(host)).toEqual({ expected })
  })

  it.each([
    'ghcr.io',
    '12345678901.dkr.ecr.us-east-1.amazonaws.com',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.io',
    'public.ecr.aws'
  ])('refuses %s', (host) => {
    expect(isEcrHost(host)).toBe(false)
  })
})
