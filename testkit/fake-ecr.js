// A fake Amazon ECR for tests and the demo: a real HTTP server on 127.0.0.1 that speaks the AWS JSON 1.1
// wire protocol of BatchGetImage, checks SigV4 signatures with the credentials it knows, and answers
// with ECR's real validation messages, error codes and per-image failures. Tests seed repositories
// and images directly, read the request log, and can make it misbehave with interceptors.
import { createHash, createHmac, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { MEDIA_TYPES, sha256Digest } from './manifests.js'

export const FAKE_ACCOUNT_ID = '123456789012'
export const FAKE_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIAFAKEECR000000001',
  secretAccessKey: 'fake/secret+key/for/the/fake/ecr/0000000',
  accountId: FAKE_ACCOUNT_ID
})

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'
const REPOSITORY_PATTERN = /^(?:[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\/)*[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DIGEST_PATTERN = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/

/**
 * @typedef {{ digest: string, manifest: string, mediaType: string, tags: Set<string> }} StoredImage
 * @typedef {{ name: string, registryId: string, region?: string, images: Map<string, StoredImage>, tags: Map<string, string> }} Repository
 * @typedef {{ imageTag?: string, imageDigest?: string }} ImageIdentifier
 * @typedef {{ target: string, operation: string, region?: string, accessKeyId?: string, attempt?: number,
 *   invocationId?: string, userAgent?: string, body: any }} LoggedRequest
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   request: LoggedRequest, rawBody: string, fake: FakeEcr }} InterceptContext
 * @typedef {(context: InterceptContext) => boolean | void | Promise<boolean | void>} Interceptor
 */

/** An error answer in the AWS JSON 1.1 shape. */
export class AwsError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

/** @param {string} data */
const sha256Hex = (data) => createHash('sha256').update(data, 'utf8').digest('hex')
/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => createHmac('sha256', key).update(data, 'utf8').digest()

/**
 * Sends an error the way ECR does: status, x-amzn-ErrorType header and {"__type","message"} body.
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} code @param {string} message
 */
export function sendAwsError(res, status, code, message) {
  sendJson(res, status, { __type: code, message }, { 'x-amzn-ErrorType': code })
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers
  })
  res.end(text)
}

export class FakeEcr {
  /**
   * @param {{ accountId?: string, credentials?: { accessKeyId: string, secretAccessKey: string, accountId: string }[],
   *   digestLookupTags?: 'none' | 'first' | 'each' }} [options]
   *   digestLookupTags: what a lookup by digest returns in imageId.imageTag, which ECR does not document:
   *   no tag (default), the first tag, or the image once per tag.
   */
  constructor(options = {}) {
    this.accountId = options.accountId ?? FAKE_ACCOUNT_ID
    /** @type {Map<string, { secretAccessKey: string, accountId: string }>} */
    this.credentials = new Map((options.credentials ?? [FAKE_CREDENTIALS]).map((c) => [c.accessKeyId, c]))
    this.digestLookupTags = options.digestLookupTags ?? 'none'
    /** The token STS AssumeRoleWithWebIdentity accepts. */
    this.webIdentityToken = 'fake-github-oidc-token'
    /** @type {Map<string, Repository>} */
    this.repositories = new Map()
    /** @type {Set<string>} repository names whose lookups are denied (AccessDeniedException) */
    this.denied = new Set()
    /** @type {LoggedRequest[]} */
    this.requests = []
    /** @type {Interceptor[]} */
    this.interceptors = []
    /** @type {Set<import('node:net').Socket>} */
    this.sockets = new Set()
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /**
   * Credentials the fake accepts from now on (for example temporary ones it hands out).
   * @param {{ accessKeyId: string, secretAccessKey: string, accountId?: string }} credentials
   */
  addCredentials(credentials) {
    this.credentials.set(credentials.accessKeyId, { accountId: this.accountId, ...credentials })
    return credentials
  }

  /** Starts listening on 127.0.0.1; resolves to the endpoint URL. @param {number} [port] */
  async start(port = 0) {
    await new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => resolve(undefined))
    })
    const address = /** @type {import('node:net').AddressInfo} */ (this.server.address())
    this.url = `http://127.0.0.1:${address.port}`
    return this.url
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(() => resolve(undefined)))
  }

  /** Forgets requests and interceptors (keeps the seeded data). */
  reset() {
    this.requests = []
    this.interceptors = []
  }

  /** Requests for one operation (default BatchGetImage). @param {string} [operation] */
  requestsFor(operation = 'BatchGetImage') {
    return this.requests.filter((request) => request.operation === operation)
  }

  /** Adds an interceptor: return true when it has answered the request itself. @param {Interceptor} interceptor */
  intercept(interceptor) {
    this.interceptors.push(interceptor)
    return this
  }

  /**
   * Runs `answer` for the next `times` BatchGetImage requests (Infinity: all of them).
   * @param {number} times @param {(context: InterceptContext) => void | Promise<void>} answer
   */
  misbehave(times, answer) {
    let left = times
    return this.intercept(async (context) => {
      if (context.request.operation !== 'BatchGetImage' || left <= 0) return false
      left--
      await answer(context)
      return true
    })
  }

  /** Answers with an AWS error. @param {number} times @param {number} status @param {string} code @param {string} message */
  failWith(times, status, code, message) {
    return this.misbehave(times, ({ res }) => sendAwsError(res, status, code, message))
  }

  /** Accepts the request and never answers (the socket stays open until the client gives up). @param {number} times */
  stall(times) {
    return this.misbehave(times, () => undefined)
  }

  /** Closes the connection without an answer (a reset). @param {number} times */
  dropConnection(times) {
    return this.misbehave(times, ({ req }) => {
      if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy()
      else req.socket.destroy()
    })
  }

  /** Answers HTTP 200 with a body that is not what ECR sends. @param {number} times @param {string} body */
  garbage(times, body) {
    return this.misbehave(times, ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': randomUUID() })
      res.end(body)
    })
  }

  /**
   * @param {string} name @param {{ registryId?: string, region?: string }} [options]
   *   region: only visible to requests signed for that region (default: every region)
   */
  createRepository(name, options = {}) {
    const registryId = options.registryId ?? this.accountId
    const key = repositoryKey(registryId, name, options.region)
    let repository = this.repositories.get(key)
    if (!repository) {
      repository = { name, registryId, region: options.region, images: new Map(), tags: new Map() }
      this.repositories.set(key, repository)
    }
    return repository
  }

  /**
   * Stores an image (creating the repository) and moves its tags to it, like a push. Returns the digest.
   * @param {{ repository: string, manifest: string, tags?: string[], mediaType?: string, registryId?: string,
   *   region?: string, digest?: string }} image  digest: store under this digest instead of the real one (a corrupt store)
   */
  putImage(image) {
    const repository = this.createRepository(image.repository, image)
    const digest = image.digest ?? sha256Digest(image.manifest)
    const mediaType = image.mediaType ?? JSON.parse(image.manifest).mediaType ?? MEDIA_TYPES.schema1Signed
    const stored = repository.images.get(digest) ?? { digest, manifest: image.manifest, mediaType, tags: new Set() }
    repository.images.set(digest, stored)
    for (const tag of image.tags ?? []) {
      const previous = repository.tags.get(tag)
      if (previous) repository.images.get(previous)?.tags.delete(tag)
      repository.tags.set(tag, digest)
      stored.tags.add(tag)
    }
    return digest
  }

  /**
   * Removes a tag (like `aws ecr batch-delete-image` by tag); the image stays under its digest.
   * @param {string} repository @param {string} tag @param {{ registryId?: string, region?: string }} [options]
   */
  untag(repository, tag, options = {}) {
    const found = this.repositories.get(repositoryKey(options.registryId ?? this.accountId, repository, options.region))
    const digest = found?.tags.get(tag)
    if (found && digest) {
      found.tags.delete(tag)
      found.images.get(digest)?.tags.delete(tag)
    }
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async handle(req, res) {
    // A test's window into the fake when it runs in another process (npm run bench).
    if (req.method === 'GET' && req.url === '/__fake/requests') return sendJson(res, 200, { requests: this.requestsFor().length })
    // Instance metadata (AWS_EC2_METADATA_SERVICE_ENDPOINT), IMDSv2, for credential chain tests.
    if (req.url?.startsWith('/latest/')) return this.instanceMetadata(req, res)
    // Container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI), for credential chain tests.
    if (req.method === 'GET' && req.url === '/__fake/container-credentials') {
      this.requests.push({ target: '', operation: 'ContainerCredentials', body: undefined })
      const issued = this.issueTemporaryCredentials()
      return sendJson(res, 200, { AccessKeyId: issued.accessKeyId, SecretAccessKey: issued.secretAccessKey, Token: issued.sessionToken, Expiration: issued.expiration })
    }
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const target = String(req.headers['x-amz-target'] ?? '')
    const scope = parseAuthorization(String(req.headers.authorization ?? ''))
    const attemptHeader = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))
    /** @type {LoggedRequest} */
    const request = {
      target,
      operation: target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target,
      region: scope?.region,
      accessKeyId: scope?.accessKeyId,
      attempt: attemptHeader ? Number(attemptHeader[1]) : undefined,
      invocationId: /** @type {string | undefined} */ (req.headers['amz-sdk-invocation-id']),
      userAgent: /** @type {string | undefined} */ (req.headers['user-agent']),
      body: safeParse(rawBody)
    }
    this.requests.push(request)
    try {
      for (const interceptor of this.interceptors) if (await interceptor({ req, res, request, rawBody, fake: this })) return
      if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
        return this.sts(res, rawBody, request)
      this.authenticate(req, rawBody)
      if (req.method !== 'POST' || (req.url ?? '/') !== '/')
        throw new AwsError(404, 'UnknownOperationException', `Cannot ${req.method} ${req.url}`)
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1'))
        throw new AwsError(400, 'SerializationException', 'Expected Content-Type application/x-amz-json-1.1')
      if (request.operation !== 'BatchGetImage' || !target.startsWith(TARGET_PREFIX))
        throw new AwsError(400, 'UnknownOperationException', `The operation ${target} is not supported by this fake.`)
      if (request.body === undefined || typeof request.body !== 'object' || request.body === null)
        throw new AwsError(400, 'SerializationException', 'Start of structure or map found where not expected.')
      sendJson(res, 200, this.batchGetImage(request.body, scope?.region, scope?.accessKeyId))
    } catch (error) {
      if (error instanceof AwsError) sendAwsError(res, error.status, error.code, error.message)
      else sendAwsError(res, 500, 'ServerException', `fake ECR failed: ${error}`)
    }
  }

  /** Checks the SigV4 signature with the secret the fake knows for the access key. @param {import('node:http').IncomingMessage} req @param {string} body */
  authenticate(req, body) {
    const authorization = String(req.headers.authorization ?? '')
    const scope = parseAuthorization(authorization)
    if (!scope) throw new AwsError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
    const known = this.credentials.get(scope.accessKeyId)
    if (!known) throw new AwsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
    if (scope.service !== 'ecr')
      throw new AwsError(400, 'InvalidSignatureException', `Credential should be scoped to correct service: 'ecr'.`)
    const amzDate = String(req.headers['x-amz-date'] ?? '')
    const canonicalHeaders = scope.signedHeaders
      .map((name) => `${name}:${headerValue(req.headers[name])}\n`)
      .join('')
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

  /** New temporary credentials the fake accepts. */
  issueTemporaryCredentials() {
    const id = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()
    const issued = {
      accessKeyId: `ASIA${id}`,
      secretAccessKey: `temporary/${randomUUID()}`,
      sessionToken: `session-${randomUUID()}`,
      expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    }
    this.addCredentials(issued)
    return issued
  }

  /**
   * The EC2 instance metadata service, as far as the SDK's credential provider uses it (IMDSv2).
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  instanceMetadata(req, res) {
    const text = (/** @type {number} */ status, /** @type {string} */ body) => {
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(body)
    }
    this.requests.push({ target: '', operation: `IMDS ${req.method} ${req.url}`, body: undefined })
    if (req.method === 'PUT' && req.url === '/latest/api/token') return text(200, 'fake-imds-token')
    if (req.headers['x-aws-ec2-metadata-token'] !== 'fake-imds-token') return text(401, 'Unauthorized')
    const base = '/latest/meta-data/iam/security-credentials'
    if (req.url === `${base}/`) return text(200, 'ci-runner-role')
    if (req.url === `${base}/ci-runner-role`) {
      const issued = this.issueTemporaryCredentials()
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
   * STS AssumeRoleWithWebIdentity (AWS query protocol, XML answer): accepts `webIdentityToken`.
   * @param {import('node:http').ServerResponse} res @param {string} rawBody @param {LoggedRequest} request
   */
  sts(res, rawBody, request) {
    const form = new URLSearchParams(rawBody)
    request.operation = form.get('Action') ?? 'unknown'
    request.body = Object.fromEntries(form)
    const xml = (/** @type {string} */ body, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-RequestId': randomUUID() })
      res.end(body)
    }
    if (request.operation !== 'AssumeRoleWithWebIdentity' || form.get('WebIdentityToken') !== this.webIdentityToken)
      return xml(
        '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Invalid web identity token</Message></Error><RequestId>0</RequestId></ErrorResponse>',
        400
      )
    const issued = this.issueTemporaryCredentials()
    xml(`<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult>
<Credentials><AccessKeyId>${issued.accessKeyId}</AccessKeyId><SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey><SessionToken>${issued.sessionToken}</SessionToken><Expiration>${issued.expiration}</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::${this.accountId}:assumed-role/ci/session</Arn><AssumedRoleId>AROAFAKE:session</AssumedRoleId></AssumedRoleUser>
<SubjectFromWebIdentityToken>repo:org/repo:ref:refs/heads/main</SubjectFromWebIdentityToken>
</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`)
  }

  /** @param {any} input @param {string | undefined} region @param {string | undefined} accessKeyId */
  batchGetImage(input, region, accessKeyId) {
    const callerAccount = (accessKeyId && this.credentials.get(accessKeyId)?.accountId) || this.accountId
    validateInput(input)
    const registryId = input.registryId ?? callerAccount
    const name = input.repositoryName
    if (this.denied.has(name))
      throw new AwsError(
        400,
        'AccessDeniedException',
        `User: arn:aws:sts::${callerAccount}:assumed-role/ci/session is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:${region}:${registryId}:repository/${name} because no identity-based policy allows the ecr:BatchGetImage action`
      )
    const repository =
      this.repositories.get(repositoryKey(registryId, name, region)) ?? this.repositories.get(repositoryKey(registryId, name))
    if (!repository)
      throw new AwsError(
        400,
        'RepositoryNotFoundException',
        `The repository with name '${name}' does not exist in the registry with id '${registryId}'`
      )
    /** @type {string[] | undefined} */
    const accepted = input.acceptedMediaTypes
    const images = []
    const failures = []
    for (const imageId of /** @type {ImageIdentifier[]} */ (input.imageIds)) {
      const answer = lookup(repository, imageId, accepted, this.digestLookupTags)
      if ('failureCode' in answer) failures.push(answer)
      else images.push(...answer.images)
    }
    return { images, failures }
  }
}

/**
 * @param {Repository} repository @param {ImageIdentifier} imageId @param {string[] | undefined} accepted
 * @param {'none' | 'first' | 'each'} digestLookupTags
 * @returns {{ images: object[] } | { imageId: ImageIdentifier, failureCode: string, failureReason: string }}
 */
function lookup(repository, imageId, accepted, digestLookupTags) {
  const { imageTag, imageDigest } = imageId
  /** @param {string} failureCode @param {string} failureReason */
  const fail = (failureCode, failureReason) => ({ imageId, failureCode, failureReason })
  if (imageTag === undefined && imageDigest === undefined)
    return fail('MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null')
  if (imageDigest !== undefined && !DIGEST_PATTERN.test(imageDigest))
    return fail('InvalidImageDigest', "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'")
  /** @param {StoredImage} stored @param {string | undefined} tag @param {boolean} byTag */
  const image = (stored, tag, byTag) => {
    const answer = byTag ? convert(stored, accepted) : { manifest: stored.manifest, mediaType: stored.mediaType }
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageId: { imageDigest: stored.digest, ...(tag !== undefined && { imageTag: tag }) },
      imageManifest: answer.manifest,
      imageManifestMediaType: answer.mediaType
    }
  }
  if (imageTag !== undefined) {
    const digest = repository.tags.get(imageTag)
    const stored = digest ? repository.images.get(digest) : undefined
    if (!stored) return fail('ImageNotFound', 'Requested image not found')
    if (imageDigest !== undefined && imageDigest !== stored.digest)
      return fail('ImageTagDoesNotMatchDigest', 'Invalid request parameters: given tag does not map to the given digest')
    return { images: [image(stored, imageTag, imageDigest === undefined)] }
  }
  const stored = repository.images.get(/** @type {string} */ (imageDigest))
  if (!stored) return fail('ImageNotFound', 'Requested image not found')
  const tags = [...stored.tags]
  if (digestLookupTags === 'each' && tags.length > 0) return { images: tags.map((tag) => image(stored, tag, false)) }
  return { images: [image(stored, digestLookupTags === 'first' ? tags[0] : undefined, false)] }
}

/**
 * ECR converts a manifest fetched by tag when its stored type is not accepted. Conversions between
 * Docker v2 and OCI image manifests are modelled (the result no longer hashes to the digest). What
 * ECR does with an index or list when no index type is accepted is undocumented: this fake returns
 * it unchanged, as it also does when nothing was asked (no acceptedMediaTypes) or nothing fits.
 * @param {StoredImage} stored @param {string[] | undefined} accepted
 */
function convert(stored, accepted) {
  const same = { manifest: stored.manifest, mediaType: stored.mediaType }
  if (!accepted || accepted.includes(stored.mediaType)) return same
  const toDocker = stored.mediaType === MEDIA_TYPES.ociManifest && accepted.includes(MEDIA_TYPES.dockerV2)
  const toOci = stored.mediaType === MEDIA_TYPES.dockerV2 && accepted.includes(MEDIA_TYPES.ociManifest)
  if (!toDocker && !toOci) return same
  const manifest = JSON.parse(stored.manifest)
  const mediaType = toDocker ? MEDIA_TYPES.dockerV2 : MEDIA_TYPES.ociManifest
  manifest.mediaType = mediaType
  manifest.config.mediaType = toDocker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json'
  for (const layer of manifest.layers)
    layer.mediaType = toDocker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip'
  return { manifest: JSON.stringify(manifest, null, toDocker ? 3 : undefined), mediaType }
}

/** The server-side constraints of BatchGetImage, with ECR's messages. @param {any} input */
function validateInput(input) {
  /** @param {string} at @param {string} constraint */
  const invalid = (at, constraint) =>
    new AwsError(400, 'InvalidParameterException', `Invalid parameter at '${at}' failed to satisfy constraint: '${constraint}'`)
  const name = input.repositoryName
  if (typeof name !== 'string') throw invalid('repositoryName', 'Member must not be null')
  if (name.length < 2) throw invalid('repositoryName', 'must have length greater than or equal to 2')
  if (name.length > 256) throw invalid('repositoryName', 'must have length less than or equal to 256')
  if (!REPOSITORY_PATTERN.test(name))
    throw invalid('repositoryName', "must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'")
  if (input.registryId !== undefined && !/^[0-9]{12}$/.test(String(input.registryId)))
    throw invalid('registryId', "must satisfy regular expression '[0-9]{12}'")
  const ids = input.imageIds
  if (!Array.isArray(ids)) throw invalid('imageIds', 'Member must not be null')
  if (ids.length < 1) throw invalid('imageIds', 'Member must have length greater than or equal to 1')
  if (ids.length > 100) throw invalid('imageIds', 'Member must have length less than or equal to 100')
  ids.forEach((id, index) => {
    if (typeof id?.imageTag === 'string' && (id.imageTag.length < 1 || id.imageTag.length > 300))
      throw invalid(`imageIds.${index + 1}.member.imageTag`, 'Member must have length less than or equal to 300')
  })
  const accepted = input.acceptedMediaTypes
  if (accepted !== undefined && (!Array.isArray(accepted) || accepted.length < 1 || accepted.length > 100))
    throw invalid('acceptedMediaTypes', 'Member must have length between 1 and 100')
}

/** @param {string} registryId @param {string} name @param {string} [region] */
function repositoryKey(registryId, name, region) {
  return `${region ?? '*'}/${registryId}/${name}`
}

/** @param {string} authorization */
function parseAuthorization(authorization) {
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

/** @param {string} text */
function safeParse(text) {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
