// Turns an error from a BatchGetImage call into one sentence that names the cause and the fix.
import { type ImageRequest, describeRepository } from '../image.js'
import { errorMessage, safeText } from '../text.js'
import { REQUEST_TIMEOUT_MS } from './client.js'

/** Where the failed call looked. */
export type CallContext = Pick<ImageRequest, 'repositoryName' | 'registryId' | 'region'>

interface SdkErrorFields {
  name?: string
  code?: string
  $fault?: string
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }
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
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED'
])

const NETWORK_TEXT: Record<string, string> = {
  ECONNREFUSED: 'ECONNREFUSED: the connection was refused',
  ECONNRESET: 'ECONNRESET: the connection was closed without an answer',
  EPIPE: 'EPIPE: the connection was closed while sending',
  ENOTFOUND: 'ENOTFOUND: the host name does not resolve',
  EAI_AGAIN: 'EAI_AGAIN: the host name could not be resolved now'
}

/** What AWS said, quoted safely, plus the request id when there is one. */
function awsSaid(error: unknown): string {
  const fields = error as SdkErrorFields
  const message = safeText(errorMessage(error)).slice(0, 500)
  const requestId = fields.$metadata?.requestId
  return ` (AWS said: ${message}${requestId ? `; request id ${safeText(requestId)}` : ''})`
}

function attemptsText(error: unknown): string {
  const attempts = (error as SdkErrorFields).$metadata?.attempts
  return attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : ''
}

/** One sentence for the user: what went wrong and what to do. */
export function describeCallError(error: unknown, context: CallContext): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorFields
  const name = fields.name ?? ''
  const repository = describeRepository(context)

  if (name === 'RepositoryNotFoundException')
    return `Repository ${repository} does not exist. Check repository-name, registry-id and aws-region.${awsSaid(error)}`
  if (name === 'AccessDeniedException')
    return `Access denied looking up images in ${repository}: the role needs the IAM permission ecr:BatchGetImage on that repository (and the repository policy must allow it for cross-account lookups).${awsSaid(error)}`
  if (CREDENTIAL_ERRORS.has(name))
    return `AWS rejected the credentials (${name}): they are invalid or expired. Refresh or configure them, for example with aws-actions/configure-aws-credentials.${awsSaid(error)}`
  if (name === 'CredentialsProviderError')
    return 'No AWS credentials found: configure them before this step, for example with aws-actions/configure-aws-credentials (role-to-assume), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  if (name === 'InvalidParameterException')
    return `ECR rejected the request for ${repository} as invalid; check the inputs.${awsSaid(error)}`
  if (name === 'UnableToGetUpstreamImageException')
    return `The pull-through cache behind ${repository} could not reach its upstream registry; check the cache rule and its credentials in Secrets Manager.${awsSaid(error)}`
  if (THROTTLING_ERRORS.has(name))
    return `ECR throttled the requests (${name})${attemptsText(error)}; retry later, or look up fewer images at once.${awsSaid(error)}`
  // The SDK names some socket errors (ECONNRESET, EPIPE) TimeoutError: the code says what happened.
  if (fields.code !== undefined && NETWORK_CODES.has(fields.code) && fields.code !== 'ETIMEDOUT')
    return `Could not reach ECR in ${context.region} (${NETWORK_TEXT[fields.code] ?? fields.code})${attemptsText(error)}; check the network, proxy and any AWS_ENDPOINT_URL_ECR setting.`
  if (name === 'TimeoutError' || fields.code === 'ETIMEDOUT')
    return `Timed out waiting for ECR in ${context.region}${attemptsText(error)} (each request may take up to ${REQUEST_TIMEOUT_MS / 1000}s); check the network path to ECR (proxy, VPC endpoint, AWS_ENDPOINT_URL_ECR) and retry.`
  if (fields.$fault === 'server' || (fields.$metadata?.httpStatusCode ?? 0) >= 500)
    return `ECR had a server error (${name || 'unknown'})${attemptsText(error)}; retry the job.${awsSaid(error)}`
  if (error instanceof SyntaxError || name === 'SyntaxError') {
    const status = fields.$metadata?.httpStatusCode
    const firstLine = safeText(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)
    return `The response from ECR${status !== undefined ? ` (HTTP ${status})` : ''} could not be read: it is not the JSON ECR sends (${firstLine}). Check AWS_ENDPOINT_URL_ECR and any proxy between the runner and ECR.`
  }
  return `BatchGetImage on ${repository} failed (${safeText(name || 'unknown error')}).${awsSaid(error)}`
}
