// Turns an error from a BatchGetImage call into one sentence in the user's words: what went wrong and
// what to do. Only text ECR itself sent is quoted as "AWS said"; what the SDK or Node says is turned
// into plain words (a proxy's HTML page, an untrusted certificate, a body cut short, a stall).
import { type ImageRequest, describeRepository } from '../image.js'
import { errorMessage, formatBytes, formatDuration, safeText } from '../text.js'
import type { AttemptFacts } from './attempt-budget.js'

/** Where the failed call looked. */
export type CallContext = Pick<ImageRequest, 'repositoryName' | 'registryId' | 'region'>

interface SdkErrorFields extends AttemptFacts {
  name?: string
  /** The operation that failed, when not BatchGetImage (set by the stage that called it). */
  operation?: string
  code?: string
  /** Set by the SDK on errors parsed from the service's own error answer. */
  $fault?: string
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }
  $response?: { headers?: Record<string, string | undefined> }
}

/** The answer had the wrong shape for BatchGetImage (valid JSON, but not ECR's). */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError'
  constructor(
    readonly problem: string,
    readonly httpStatusCode: number | undefined
  ) {
    super(`the answer is JSON but not BatchGetImage's: ${problem}`)
  }
}

/**
 * The answer is BatchGetImage's, but not for what was asked: an image of another repository or
 * registry, or a digest outside the digest grammar. Nothing from it may reach a file, an output or a tag.
 */
/** An error a stage has already said in one sentence, what went wrong and what to do (a download, a TUF repository). */
export class SentenceError extends Error {
  override name = 'SentenceError'
}

export class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedAnswerError'
  constructor(readonly problem: string) {
    super(`the answer is not for what was asked: ${problem}`)
  }
}

const CREDENTIAL_ERRORS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'SignatureDoesNotMatch'
])
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'LimitExceededException', 'TooManyRequestsException', 'RequestLimitExceeded'])
const NETWORK_TEXT: Record<string, string> = {
  ECONNREFUSED: 'ECONNREFUSED: the connection was refused',
  ECONNRESET: 'ECONNRESET: the connection was closed without an answer',
  EPIPE: 'EPIPE: the connection was closed while sending',
  ENOTFOUND: 'ENOTFOUND: the host name does not resolve',
  EAI_AGAIN: 'EAI_AGAIN: the host name could not be resolved now',
  EHOSTUNREACH: 'EHOSTUNREACH: the host cannot be reached',
  ENETUNREACH: 'ENETUNREACH: the network cannot be reached',
  ECONNABORTED: 'ECONNABORTED: the connection was aborted'
}
/** Node's codes for a certificate it does not trust, in plain words. */
const CERTIFICATE_ERRORS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate Node does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'Node does not know the CA that signed it',
  UNABLE_TO_GET_ISSUER_CERT: 'Node does not know the CA that signed it',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'Node does not know the CA that signed it',
  CERT_UNTRUSTED: 'Node does not trust it',
  CERT_SIGNATURE_FAILURE: 'its signature does not verify',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name'
}
const CHECK_PATH = 'check the network path to ECR (proxy, VPC endpoint, AWS_ENDPOINT_URL_ECR)'

function fieldsOf(error: unknown): SdkErrorFields {
  return (typeof error === 'object' && error !== null ? error : {}) as SdkErrorFields
}

/** The error's name (an ECR exception's, as the SDK parsed it), or `Error`. */
export function errorName(error: unknown): string {
  const { name } = fieldsOf(error)
  return typeof name === 'string' && name !== '' ? name : 'Error'
}

/**
 * True when the SDK found no error code in an error answer: it then names the error `Unknown` (message
 * `UnknownError`). ECR's own errors always carry their code, so such an answer is not ECR's: a proxy's
 * 407, a redirect, an empty page.
 */
function withoutCode(fields: SdkErrorFields): boolean {
  return fields.name === 'Unknown' || fields.name === 'UnknownError'
}

/** True when the error is ECR's own answer, parsed by the SDK: only then is its message AWS's words. */
function fromAws(fields: SdkErrorFields): boolean {
  return (fields.$fault === 'client' || fields.$fault === 'server') && fields.name !== 'SyntaxError' && !withoutCode(fields)
}

/** Node's HTTP parser's codes for an answer that is not HTTP it can read, in plain words. */
const PARSE_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "its headers are larger than Node's limit of 16 KB",
  HPE_INVALID_HEADER_TOKEN: 'a header is malformed',
  HPE_INVALID_CONSTANT: 'it does not start as an HTTP answer',
  HPE_INVALID_CONTENT_LENGTH: 'its Content-Length is malformed',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'it has both Content-Length and chunked encoding',
  HPE_INVALID_CHUNK_SIZE: 'a chunk size is malformed'
}
const CHECK_PROXY = 'Check http-proxy, HTTPS_PROXY, NO_PROXY and AWS_ENDPOINT_URL_ECR'

/**
 * Who answered a failed call: ECR itself (its own error, so nothing was written), something on the way
 * that refused or redirected the request (HTTP 3xx or 4xx that is not ECR's: it never reached ECR), or
 * nobody knows (no answer, a cut connection, a 5xx page): the request may have reached ECR.
 */
export function answeredBy(error: unknown): 'ecr' | 'refused' | 'unknown' {
  const fields = fieldsOf(error)
  if (fromAws(fields)) return 'ecr'
  const status = fields.$metadata?.httpStatusCode
  return status !== undefined && status >= 300 && status < 500 ? 'refused' : 'unknown'
}

/** What AWS said, quoted safely, plus the request id when there is one; nothing when AWS did not say it. */
export function awsSaid(error: unknown): string {
  const fields = fieldsOf(error)
  if (!fromAws(fields)) return ''
  const message = safeText(errorMessage(error)).slice(0, 500)
  // The SDK's placeholder for an error answer without a message: AWS said nothing.
  if (message === '' || message === 'UnknownError') return ''
  const requestId = fields.$metadata?.requestId
  return ` (AWS said: ${message}${requestId ? `; request id ${safeText(requestId)}` : ''})`
}

/** ` after 3 attempts`, when the SDK tried more than once. */
export function attemptsText(error: unknown): string {
  const attempts = fieldsOf(error).$metadata?.attempts
  return attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : ''
}

/** The host the request went to, for messages. */
function hostOf(fields: SdkErrorFields, context: CallContext): string {
  return safeText(fields.host ?? `ECR in ${context.region}`)
}

/** `HTTP 503 (text/html)`: an answer that was not ECR's JSON. */
function answerText(fields: SdkErrorFields, status: number | undefined): string {
  const type = fields.$response?.headers?.['content-type']
  return `HTTP ${status ?? '?'}${type ? ` (${safeText(type.split(';')[0] ?? type)})` : ''}`
}

/** One sentence for the user: what went wrong and what to do. `operation` names the call in the last resort. */
export function describeCallError(error: unknown, context: CallContext, defaultOperation = 'BatchGetImage'): string {
  const fields = fieldsOf(error)
  const operation = fields.operation ?? defaultOperation
  const name = fields.name ?? ''
  const code = fields.code ?? ''
  const status = fields.$metadata?.httpStatusCode
  const repository = describeRepository(context)
  const host = hostOf(fields, context)
  const attempts = attemptsText(error)

  if (error instanceof SentenceError) return error.message
  if (name === 'RepositoryNotFoundException')
    return `Repository ${repository} does not exist. Check repository-name, registry-id and aws-region.${awsSaid(error)}`
  if (name === 'AccessDeniedException')
    return `Access denied looking up images in ${repository}: the role needs the IAM permission ecr:BatchGetImage on that repository (and the repository policy must allow it for cross-account lookups).${awsSaid(error)}`
  if (CREDENTIAL_ERRORS.has(name))
    return `AWS rejected the credentials (${name}): they are invalid or expired. Refresh or configure them, for example with aws-actions/configure-aws-credentials.${awsSaid(error)}`
  if (name === 'CredentialsProviderError')
    return 'No AWS credentials found: configure them before this step, for example with aws-actions/configure-aws-credentials (role-to-assume), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  if (name === 'UnknownOperationException')
    return `${host} does not know the operation ${operation} (UnknownOperationException): the endpoint is not ECR's${operation === 'BatchGetImage' ? '' : ', or an emulator that does not implement it (require-artifacts needs ListImageReferrers)'}. Check AWS_ENDPOINT_URL_ECR (or AWS_ENDPOINT_URL), and any proxy between the runner and ECR.${awsSaid(error)}`
  if (name === 'InvalidParameterException')
    return `ECR rejected the request for ${repository} as invalid; check the inputs.${awsSaid(error)}`
  if (name === 'UnableToListUpstreamImageReferrersException')
    return `The pull-through cache behind ${repository} could not list the upstream image's referrers (signatures, attestations), so require-artifacts cannot be checked there; check the cache rule and its upstream, or require the artifacts where the images are pushed.${awsSaid(error)}`
  if (name === 'UnableToGetUpstreamImageException')
    return `The pull-through cache behind ${repository} could not reach its upstream registry; check the cache rule and its credentials in Secrets Manager.${awsSaid(error)}`
  if (THROTTLING_ERRORS.has(name))
    return `ECR throttled the requests (${name})${attempts}; retry later, or look up fewer images at once.${awsSaid(error)}`
  if (CERTIFICATE_ERRORS[code] !== undefined)
    return `The TLS certificate of ${host} is not trusted: ${CERTIFICATE_ERRORS[code]} (${code}). If a private CA or a TLS-inspecting proxy signs it, give Node its CA certificate with NODE_EXTRA_CA_CERTS (the path of a PEM file); otherwise check AWS_ENDPOINT_URL_ECR.`
  // The SDK names some socket errors (ECONNRESET, EPIPE) TimeoutError: the code says what happened.
  if (fields.phase !== 'body' && code !== 'ETIMEDOUT' && NETWORK_TEXT[code] !== undefined)
    return `Could not reach ECR in ${context.region} (${NETWORK_TEXT[code]})${attempts}; check the network, proxy and any AWS_ENDPOINT_URL_ECR setting.`
  if (fields.attemptBudgetMs !== undefined || name === 'TimeoutError' || code === 'ETIMEDOUT') {
    const budget = fields.attemptBudgetMs !== undefined ? ` within its budget of ${formatDuration(fields.attemptBudgetMs)}` : ''
    if (fields.phase === 'body')
      return `${host} sent its answer too slowly: no attempt finished reading it${budget}${attempts}${fields.receivedBytes !== undefined ? ` (the last had ${formatBytes(fields.receivedBytes)}${fields.expectedBytes !== undefined ? ` of ${formatBytes(fields.expectedBytes)}` : ''})` : ''}. Something on the way is holding the answer back: ${CHECK_PATH}.`
    return `${host} did not answer: no attempt got a response${budget}${attempts}. The server or something on the way accepts connections and does not answer: ${CHECK_PATH}.`
  }
  if (fields.phase === 'body' && (code === 'ECONNRESET' || /aborted/i.test(errorMessage(error))))
    return `The answer from ${host} was cut short: the connection closed after ${formatBytes(fields.receivedBytes ?? 0)}${fields.expectedBytes !== undefined ? ` of ${formatBytes(fields.expectedBytes)}` : ''}${attempts}; ${CHECK_PATH}, and retry the job.`
  if (code.startsWith('HPE_'))
    return `The answer from ${host} is not HTTP that Node can read: ${PARSE_ERRORS[code] ?? 'it is malformed'} (${safeText(code)})${attempts}. ECR does not answer like this, so something between the runner and ECR did, or changed the answer. ${CHECK_PROXY}.`
  if (status === 407)
    return `The proxy between the runner and ${host} asks for credentials (HTTP 407 Proxy Authentication Required). Give them in the proxy's URL (http-proxy or HTTPS_PROXY as http://user:password@proxy:port), or add the host to NO_PROXY if it should not go through the proxy.`
  if (status !== undefined && status >= 300 && status < 400) {
    const location = fields.$response?.headers?.location
    return `${host} answered HTTP ${status}, a redirect${location ? ` to ${safeText(location).slice(0, 200)}` : ''}: ECR never redirects, so something between the runner and ECR (a proxy, a captive portal, a wrong endpoint) answered. ${CHECK_PROXY}.`
  }
  if (error instanceof UnexpectedAnswerError)
    return `The answer from ${host} for ${repository} cannot be used: ${error.problem}, so nothing from it was written. Check AWS_ENDPOINT_URL_ECR and any proxy or emulator between the runner and ECR.`
  if (error instanceof ResponseShapeError)
    return `The answer from ${host} (HTTP ${error.httpStatusCode ?? '?'}) is JSON, but not what BatchGetImage answers (${error.problem}): something other than ECR answered. Check AWS_ENDPOINT_URL_ECR and any proxy between the runner and ECR.`
  if (name === 'SyntaxError' || withoutCode(fields) || (!fromAws(fields) && status !== undefined && status >= 400)) {
    const answer = answerText(fields, status)
    if (status !== undefined && status >= 500)
      return `${host} answered ${answer} with a page that is not ECR's${attempts}: a proxy or load balancer between the runner and ECR answered, not ECR. Check http-proxy, HTTPS_PROXY, NO_PROXY and AWS_ENDPOINT_URL_ECR, or retry the job if the proxy was briefly down.`
    if (status === 429)
      return `${host} answered ${answer} with a page that is not ECR's: a proxy or gateway between the runner and ECR is limiting requests. Retry the job later, or look up fewer images at once; check http-proxy, HTTPS_PROXY, NO_PROXY and AWS_ENDPOINT_URL_ECR.`
    if (status !== undefined && status >= 400)
      return `${host} answered ${answer} with a page that is not ECR's: a proxy or firewall between the runner and ECR refused the request. Check http-proxy, HTTPS_PROXY, NO_PROXY and AWS_ENDPOINT_URL_ECR.`
    return `The answer from ${host}, ${answer}, could not be read: it is not the JSON ECR sends. Check AWS_ENDPOINT_URL_ECR and any proxy between the runner and ECR.`
  }
  if (fields.$fault === 'server' || (status ?? 0) >= 500)
    return `ECR had a server error (${safeText(name || 'unknown')})${attempts}; retry the job.${awsSaid(error)}`
  return `${operation} on ${repository} failed (${safeText(name || code || 'unknown error')})${attempts}.${awsSaid(error)}`
}

/** What one failed attempt was, for its log line: `ThrottlingException (HTTP 400)`, `ECONNRESET`, `HTTP 503 (text/html), not ECR's JSON`. */
export function describeAttempt(error: unknown): string {
  const fields = fieldsOf(error)
  const status = fields.$metadata?.httpStatusCode
  if (fields.attemptBudgetMs !== undefined)
    return `no ${fields.phase === 'body' ? 'complete answer' : 'answer'} within the attempt's budget of ${formatDuration(fields.attemptBudgetMs)}`
  if (fields.name === 'SyntaxError' || withoutCode(fields)) return `${answerText(fields, status)}, not ECR's JSON`
  const name = fields.code ?? fields.name ?? 'Error'
  const detail = fromAws(fields) ? `: ${(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)}` : ''
  return `${name}${status !== undefined ? ` (HTTP ${status})` : ''}${detail}`
}
