// SigV4 as the fake checks it: the Authorization header's scope, and the signature recomputed with the
// secret the fake knows for the access key.
import { createHash, createHmac } from 'node:crypto'
import { AwsError } from './wire.js'

/** @param {string} data */
const sha256Hex = (data) => createHash('sha256').update(data, 'utf8').digest('hex')
/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => createHmac('sha256', key).update(data, 'utf8').digest()

/**
 * Checks a request's SigV4 signature (service `ecr`) with the secret known for its access key; throws
 * the AwsError ECR would answer with.
 * @param {import('node:http').IncomingMessage} req @param {string} body
 * @param {Map<string, { secretAccessKey: string }>} credentials
 */
export function verifySignature(req, body, credentials) {
  const authorization = String(req.headers.authorization ?? '')
  const scope = parseAuthorization(authorization)
  if (!scope) throw new AwsError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
  const known = credentials.get(scope.accessKeyId)
  if (!known) throw new AwsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
  if (scope.service !== 'ecr')
    throw new AwsError(400, 'InvalidSignatureException', `Credential should be scoped to correct service: 'ecr'.`)
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  const canonicalHeaders = scope.signedHeaders.map((name) => `${name}:${headerValue(req.headers[name])}\n`).join('')
  const [path, query = ''] = (req.url ?? '/').split('?')
  const canonicalRequest = [req.method, path, query, canonicalHeaders, scope.signedHeaders.join(';'), sha256Hex(body)].join('\n')
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n')
  let key = hmac(`AWS4${known.secretAccessKey}`, scope.date)
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part)
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  if (expected !== scope.signature)
    throw new AwsError(
      403,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'
    )
}

/** The scope of an `AWS4-HMAC-SHA256 Credential=…` header, or undefined. @param {string} authorization */
export function parseAuthorization(authorization) {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      authorization
    )
  if (!match) return undefined
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = match
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature }
}

/** @param {string | string[] | undefined} value */
function headerValue(value) {
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ')
}
