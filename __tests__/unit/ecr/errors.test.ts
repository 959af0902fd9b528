import { describe, expect, it } from '@jest/globals'
import { ResponseShapeError, describeAttempt, describeCallError } from '../../../src/ecr/errors.js'

const context = { repositoryName: 'team/api', region: 'eu-west-1' }
/** An error as the SDK makes it from ECR's own error answer ($fault set). */
function sdkError(name: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { requestId: 'req-1', attempts: 1 }, ...extra })
}
/** The SDK's error for an answer it could not parse as JSON. */
function unreadable(status: number, contentType: string): Error {
  return Object.assign(new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON\n  Deserialization error: ...`), {
    $metadata: { httpStatusCode: status, attempts: status >= 500 ? 5 : 1 },
    $response: { headers: { 'content-type': contentType } },
    host: 'api.ecr.eu-west-1.amazonaws.com'
  })
}

describe('describeCallError', () => {
  it.each([
    [
      sdkError('RepositoryNotFoundException', 'x'),
      /^Repository 'team\/api' in the caller's registry \(eu-west-1\) does not exist\. Check repository-name/
    ],
    [sdkError('AccessDeniedException', 'denied'), /the role needs the IAM permission ecr:BatchGetImage/],
    [
      sdkError('Unknown', 'UnknownError', { $metadata: { httpStatusCode: 407 } }),
      /^The proxy between the runner and ECR in eu-west-1 asks for credentials \(HTTP 407 Proxy Authentication Required\)/
    ],
    [
      sdkError('Unknown', 'UnknownError', {
        $metadata: { httpStatusCode: 302 },
        $response: { headers: { location: 'https://x/\n::error::y' } }
      }),
      /^ECR in eu-west-1 answered HTTP 302, a redirect to https:\/\/x\/\\u000a::error::y: ECR never redirects/
    ],
    [
      sdkError('Unknown', 'UnknownError', { $fault: 'server', $metadata: { httpStatusCode: 502 } }),
      /^ECR in eu-west-1 answered HTTP 502 with a page that is not ECR's: a proxy or load balancer/
    ],
    [
      sdkError('RepositoryNotFoundException', 'UnknownError'),
      /^Repository 'team\/api' in the caller's registry \(eu-west-1\) does not exist\. Check repository-name, registry-id and aws-region\.$/
    ],
    [
      sdkError('UnknownOperationException', 'UnknownError'),
      /does not know the operation BatchGetImage \(UnknownOperationException\): the endpoint is not ECR's\. Check AWS_ENDPOINT_URL_ECR/
    ],
    [
      Object.assign(new SyntaxError('Unexpected token'), {
        $metadata: { httpStatusCode: 429 },
        $response: { headers: { 'content-type': 'text/plain' } }
      }),
      /answered HTTP 429 \(text\/plain\) with a page that is not ECR's: a proxy or gateway between the runner and ECR is limiting requests\. Retry the job later/
    ],
    [
      Object.assign(new Error('Parse Error: Header overflow'), { code: 'HPE_HEADER_OVERFLOW' }),
      /^The answer from ECR in eu-west-1 is not HTTP that Node can read: its headers are larger than Node's limit of 16 KB \(HPE_HEADER_OVERFLOW\)/
    ],
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
    [
      Object.assign(new Error('budget'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
        attemptBudgetMs: 10_000,
        phase: 'headers',
        host: 'h',
        $metadata: { attempts: 5 }
      }),
      /^h did not answer: no attempt got a response within its budget of 10s after 5 attempts\. .*check the network path to ECR/
    ],
    [
      Object.assign(new Error('budget'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
        attemptBudgetMs: 2000,
        phase: 'body',
        receivedBytes: 7,
        expectedBytes: 2048,
        host: 'h'
      }),
      /^h sent its answer too slowly: no attempt finished reading it within its budget of 2s \(the last had 7 B of 2 KiB\)/
    ],
    [
      Object.assign(new Error('aborted'), {
        code: 'ECONNRESET',
        phase: 'body',
        receivedBytes: 433,
        expectedBytes: 867,
        host: 'h',
        $metadata: { attempts: 3 }
      }),
      /^The answer from h was cut short: the connection closed after 433 B of 867 B after 3 attempts/
    ],
    [
      Object.assign(new Error('self-signed certificate'), { code: 'SELF_SIGNED_CERT_IN_CHAIN', host: 'api.ecr.eu-west-1.amazonaws.com' }),
      /^The TLS certificate of api\.ecr\.eu-west-1\.amazonaws\.com is not trusted: its chain ends in a self-signed certificate .*NODE_EXTRA_CA_CERTS/
    ],
    [
      unreadable(503, 'text/html; charset=utf-8'),
      /answered HTTP 503 \(text\/html\) with a page that is not ECR's after 5 attempts: a proxy or load balancer/
    ],
    [unreadable(403, 'text/html'), /answered HTTP 403 \(text\/html\) .*a proxy or firewall .* refused the request/],
    [new ResponseShapeError('images is not a list', 200), /is JSON, but not what BatchGetImage answers \(images is not a list\)/],
    [
      Object.assign(sdkError('TimeoutError', 'read ECONNRESET'), { code: 'ECONNRESET' }),
      /\(ECONNRESET: the connection was closed without an answer\)/
    ],
    [unreadable(200, 'text/plain'), /HTTP 200 \(text\/plain\), could not be read: it is not the JSON ECR sends/],
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

describe('what AWS said', () => {
  it('is quoted only for errors ECR itself sent', () => {
    expect(describeCallError(sdkError('ServerException', 'boom', { $fault: 'server' }), context)).toContain('(AWS said: boom')
    for (const error of [unreadable(503, 'text/html'), Object.assign(new Error('aborted'), { code: 'ECONNRESET' })])
      expect(describeCallError(error, context)).not.toContain('AWS said')
  })

  it('never advises raising the timeout for a server that stalls', () => {
    const stalled = Object.assign(new Error('x'), { code: 'ETIMEDOUT', attemptBudgetMs: 10_000 })
    expect(describeCallError(stalled, context)).not.toMatch(/timeout input|raise/)
  })
})

describe('describeAttempt', () => {
  it.each([
    [
      sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { httpStatusCode: 400 } }),
      'ThrottlingException (HTTP 400): Rate exceeded'
    ],
    [
      Object.assign(new Error('x'), { code: 'ETIMEDOUT', attemptBudgetMs: 500, phase: 'body' }),
      "no complete answer within the attempt's budget of 500ms"
    ],
    [unreadable(503, 'text/html'), "HTTP 503 (text/html), not ECR's JSON"],
    [Object.assign(new Error('read ECONNRESET'), { name: 'TimeoutError', code: 'ECONNRESET' }), 'ECONNRESET']
  ])('%p', (error, expected) => {
    expect(describeAttempt(error)).toBe(expected)
  })
})
