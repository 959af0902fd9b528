import { describe, expect, it } from '@jest/globals'
import { describeCallError } from '../../../src/ecr/errors.js'

const context = { repositoryName: 'team/api', region: 'eu-west-1' }
function sdkError(name: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId: 'req-1', attempts: 1 }, ...extra })
}

describe('describeCallError', () => {
  it.each([
    [
      sdkError('RepositoryNotFoundException', 'x'),
      /^Repository 'team\/api' in the caller's registry \(eu-west-1\) does not exist\. Check repository-name/
    ],
    [sdkError('AccessDeniedException', 'denied'), /the role needs the IAM permission ecr:BatchGetImage/],
    [
      sdkError('ExpiredTokenException', 'expired'),
      /AWS rejected the credentials \(ExpiredTokenException\).*aws-actions\/configure-aws-credentials/
    ],
    [sdkError('UnrecognizedClientException', 'bad'), /invalid or expired/],
    [sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), /^No AWS credentials found/],
    [sdkError('InvalidParameterException', 'Invalid parameter'), /rejected the request .* as invalid/],
    [
      sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { attempts: 5 } }),
      /throttled the requests \(ThrottlingException\) after 5 attempts/
    ],
    [
      sdkError('ServerException', 'boom', { $fault: 'server', $metadata: { attempts: 3, requestId: 'r-9' } }),
      /server error \(ServerException\) after 3 attempts; retry the job\..*request id r-9/
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      /Could not reach ECR in eu-west-1 \(ECONNREFUSED: the connection was refused\)/
    ],
    [sdkError('TimeoutError', 'timed out'), /^Timed out waiting for ECR in eu-west-1/],
    [
      Object.assign(sdkError('TimeoutError', 'read ECONNRESET'), { code: 'ECONNRESET' }),
      /\(ECONNRESET: the connection was closed without an answer\)/
    ],
    [new SyntaxError('Unexpected token <'), /could not be read/],
    ['a string', /failed \(unknown error\)/]
  ])('describes %p', (error, expected) => {
    expect(describeCallError(error, context)).toMatch(expected)
  })

  it('names the registry when one was given, and keeps server text on one line', () => {
    const message = describeCallError(sdkError('RepositoryNotFoundException', 'line\n::error::forged'), {
      ...context,
      registryId: '012345678901'
    })
    expect(message).toContain('in registry 012345678901')
    expect(message).not.toContain('\n')
    expect(message).toContain('line\\u000a::error::forged')
  })
})
