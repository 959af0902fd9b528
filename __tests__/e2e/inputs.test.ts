// End to end: every input validation error fails the step with one clear error, before any request.
import { describe, expect, it } from '@jest/globals'
import { NODES, useHarness } from './harness.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

describe.each(NODES)('input validation on $label', ({ path }) => {
  const h = useHarness(path)

  it.each([
    ['empty image-ids', { 'image-ids': '  \n ' }, 'image-ids is empty: give at least one tag (v1) or digest (sha256:…).'],
    ['a malformed digest', { 'image-ids': 'sha256:abc' }, "image-ids: 'sha256:abc' is not a valid image digest"],
    ['a malformed digest in shorthand', { 'image-ids': 'imageDigest=sha256:XYZ' }, "'sha256:XYZ' is not a valid image digest"],
    ['a registry-id that is not 12 digits', { 'registry-id': '12345' }, "registry-id '12345' is not a 12-digit AWS account id"],
    [
      'a repository name ECR would reject',
      { 'repository-name': 'Team/API' },
      "repository-name: repository 'Team/API' is not a valid ECR repository name"
    ],
    ['a one-character repository name', { 'repository-name': 'a' }, "repository-name: repository 'a' must be 2 to 256 characters long"],
    [
      'an image URI as repository name',
      { 'repository-name': '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app' },
      'looks like an image URI'
    ],
    ['a tag over 300 characters', { 'image-ids': 'x'.repeat(301) }, 'is 301 characters long; ECR allows at most 300'],
    ['an unknown key in key=value', { 'image-ids': 'imageTag=v1,tag=v2' }, "image-ids: unknown key 'tag' in 'imageTag=v1,tag=v2'"],
    ['a key given twice', { 'image-ids': 'imageTag=v1,imageTag=v2' }, 'imageTag is given twice'],
    ['invalid JSON', { 'image-ids': '[{"imageTag": "v1"' }, "image-ids: the value starts with '[' but is not valid JSON"],
    ['JSON entries without a tag or digest', { 'image-ids': '[{}]' }, 'JSON entry 1 has neither imageTag nor imageDigest'],
    ['an image reference in image-ids', { 'image-ids': 'app:v1' }, "'app:v1' is neither a tag nor a digest"],
    ['fail-on mixing all with codes', { 'fail-on': 'all ImageNotFound' }, "fail-on: 'all' cannot be combined"],
    ['a malformed media type', { 'accepted-media-types': 'json' }, "accepted-media-types: 'json' is not a media type"],
    ['a malformed region', { 'aws-region': 'Europe' }, "aws-region 'Europe' is not an AWS region name"],
    [
      'a timeout shorter than wait-timeout',
      { 'wait-timeout': '10m', timeout: '2s' },
      'timeout (2s) must be longer than wait-timeout (10m)'
    ],
    ['platform with expect: absent', { expect: 'absent', platform: 'linux/arm64' }, 'platform cannot be checked with expect: absent'],
    [
      'a misspelled fail-on code',
      { 'fail-on': 'ImageNotFoud' },
      "fail-on: 'ImageNotFoud' is not a failure code; did you mean ImageNotFound?"
    ]
  ])('rejects %s', async (_label, inputs, message) => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': `v1 ${DIGEST}`, ...inputs })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(message)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
    expect(h.fake.requests).toHaveLength(0)
  })
})
