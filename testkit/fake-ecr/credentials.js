// The credential endpoints the SDK's default chain reaches, for credential tests: STS
// AssumeRoleWithWebIdentity (as GitHub OIDC uses it), instance metadata (IMDSv2) and container
// credentials. Each hands out temporary credentials the fake then accepts.
import { randomUUID } from 'node:crypto'
import { sendJson } from './wire.js'

/** @typedef {import('./index.js').FakeEcr} FakeEcr @typedef {import('./index.js').LoggedRequest} LoggedRequest */

/** New temporary credentials the fake accepts. @param {FakeEcr} fake */
export function issueTemporaryCredentials(fake) {
  const id = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()
  const issued = {
    accessKeyId: `ASIA${id}`,
    secretAccessKey: `temporary/${randomUUID()}`,
    sessionToken: `session-${randomUUID()}`,
    expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
  }
  fake.addCredentials(issued)
  return issued
}

/**
 * The EC2 instance metadata service, as far as the SDK's credential provider uses it (IMDSv2).
 * @param {FakeEcr} fake @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function instanceMetadata(fake, req, res) {
  const text = (/** @type {number} */ status, /** @type {string} */ body) => {
    res.writeHead(status, { 'content-type': 'text/plain' })
    res.end(body)
  }
  fake.requests.push({ target: '', operation: `IMDS ${req.method} ${req.url}`, body: undefined })
  if (req.method === 'PUT' && req.url === '/latest/api/token') return text(200, 'fake-imds-token')
  if (req.headers['x-aws-ec2-metadata-token'] !== 'fake-imds-token') return text(401, 'Unauthorized')
  const base = '/latest/meta-data/iam/security-credentials'
  if (req.url === `${base}/`) return text(200, 'ci-runner-role')
  if (req.url === `${base}/ci-runner-role`) {
    const issued = issueTemporaryCredentials(fake)
    return sendJson(res, 200, {
      Code: 'Success',
      Type: 'AWS-HMAC',
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: issued.secretAccessKey,
      Token: issued.sessionToken,
      Expiration: issued.expiration,
      LastUpdated: new Date().toISOString()
    })
  }
  return text(404, 'Not Found')
}

/**
 * Container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI).
 * @param {FakeEcr} fake @param {import('node:http').ServerResponse} res
 */
export function containerCredentials(fake, res) {
  fake.requests.push({ target: '', operation: 'ContainerCredentials', body: undefined })
  const issued = issueTemporaryCredentials(fake)
  return sendJson(res, 200, {
    AccessKeyId: issued.accessKeyId,
    SecretAccessKey: issued.secretAccessKey,
    Token: issued.sessionToken,
    Expiration: issued.expiration
  })
}

/**
 * STS AssumeRoleWithWebIdentity (AWS query protocol, XML answer): accepts `webIdentityToken`.
 * @param {FakeEcr} fake @param {import('node:http').ServerResponse} res @param {string} rawBody @param {LoggedRequest} request
 */
export function sts(fake, res, rawBody, request) {
  const form = new URLSearchParams(rawBody)
  request.operation = form.get('Action') ?? 'unknown'
  request.body = Object.fromEntries(form)
  const xml = (/** @type {string} */ body, status = 200) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-RequestId': randomUUID() })
    res.end(body)
  }
  if (request.operation !== 'AssumeRoleWithWebIdentity' || form.get('WebIdentityToken') !== fake.webIdentityToken)
    return xml(
      '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Invalid web identity token</Message></Error><RequestId>0</RequestId></ErrorResponse>',
      400
    )
  const issued = issueTemporaryCredentials(fake)
  xml(`<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult>
<Credentials><AccessKeyId>${issued.accessKeyId}</AccessKeyId><SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey><SessionToken>${issued.sessionToken}</SessionToken><Expiration>${issued.expiration}</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::${fake.accountId}:assumed-role/ci/session</Arn><AssumedRoleId>AROAFAKE:session</AssumedRoleId></AssumedRoleUser>
<SubjectFromWebIdentityToken>repo:org/repo:ref:refs/heads/main</SubjectFromWebIdentityToken>
</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`)
}
