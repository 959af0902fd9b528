// PutImage's request is the exact bytes with their media type and digest; each error is one sentence.
import { describe, expect, it } from '@jest/globals'
import { ECRClient, PutImageCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { describePutError, putImage } from '../../../src/ecr/put-image.js'
import { DIGEST_A } from '../../../__fixtures__/images.js'

const target = {
  repositoryName: 'team/api',
  region: 'eu-west-1',
  tag: 'prod',
  digest: DIGEST_A,
  manifest: '{"schemaVersion":2}\n',
  mediaType: 'application/vnd.oci.image.manifest.v1+json'
}
function sdkError(name: string, message = 'AWS message', extra: object = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { requestId: 'req-1', attempts: 1 }, ...extra })
}

describe('putImage', () => {
  it('sends the manifest byte for byte, with imageManifestMediaType and imageDigest, to the registry asked', async () => {
    const ecr = mockClient(ECRClient)
    ecr.on(PutImageCommand).resolves({})
    const signal = new AbortController().signal
    await putImage({ ...target, registryId: '012345678901' }, { clientFor: () => new ECRClient({ region: 'eu-west-1' }), signal })
    expect(ecr.commandCalls(PutImageCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/api',
      registryId: '012345678901',
      imageManifest: '{"schemaVersion":2}\n',
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
      imageTag: 'prod',
      imageDigest: DIGEST_A
    })
    ecr.restore()
  })
})

describe('describePutError', () => {
  it.each([
    [
      'AccessDeniedException',
      /^Access denied tagging prod in 'team\/api' in the caller's registry \(eu-west-1\): the role needs the IAM permission ecr:PutImage/
    ],
    [
      'LayersNotFoundException',
      /^ECR does not have the layers of sha256:a+ in 'team\/api'.*promotion works inside the repository that holds the image/
    ],
    ['ReferencedImagesNotFoundException', /does not hold the per-platform images the index sha256:a+ lists/],
    ['ImageDigestDoesNotMatchException', /^ECR computed another digest than sha256:a+ .*nothing was tagged/],
    ['InvalidParameterException', /^ECR rejected tagging prod in 'team\/api' .* as invalid\. \(AWS said: AWS message; request id req-1\)$/],
    ['LimitExceededException', /a service limit was reached \(LimitExceededException\)/],
    ['KmsException', /could not use the KMS key that encrypts 'team\/api'/],
    ['ServerException', /^ECR had a server error \(ServerException\)/],
    ['RepositoryNotFoundException', /^Repository 'team\/api' .* does not exist/],
    ['SomethingNewException', /^PutImage on 'team\/api' .* failed \(SomethingNewException\)\. \(AWS said: AWS message/]
  ])('%s', (name, sentence) => {
    expect(describePutError(sdkError(name, 'AWS message', name === 'ServerException' ? { $fault: 'server' } : {}), target)).toMatch(
      sentence
    )
  })
})
