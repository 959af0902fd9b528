// A fake Amazon ECR for tests, the demo and the benchmark: a real HTTP server on 127.0.0.1 that speaks
// the AWS JSON 1.1 wire protocol. This file is the server: its store (seeded directly by tests), its
// request log, the routing of each request, and the faults tests make it commit (interceptors). What
// BatchGetImage answers is batch-get-image.js, PutImage put-image.js; SigV4 checking is sigv4.js; the credential endpoints
// (STS, instance metadata, container) are credentials.js; the wire format is wire.js.
import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { MEDIA_TYPES, sha256Digest } from '../manifests.js'
import { batchGetImage, repositoryKey } from './batch-get-image.js'
import { describeImageSigningStatus, listImageReferrers } from './referrers.js'
import { putImage, referencesOf } from './put-image.js'
import { blobKey, getDownloadUrlForLayer, serveDownload } from './layers.js'
import { containerCredentials, instanceMetadata, sts } from './credentials.js'
import { listenOnLoopback } from '../loopback.js'
import { parseAuthorization, verifySignature } from './sigv4.js'
import { AwsError, safeParse, sendAwsError, sendJson } from './wire.js'

export { AwsError, sendAwsError, sendJson }

export const FAKE_ACCOUNT_ID = '123456789012'
export const FAKE_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIAFAKEECR000000001',
  secretAccessKey: 'fake/secret+key/for/the/fake/ecr/0000000',
  accountId: FAKE_ACCOUNT_ID
})

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'
/** The operations the fake answers. @type {Record<string, (fake: FakeEcr, input: any, region?: string, accessKeyId?: string) => unknown>} */
const OPERATIONS = {
  BatchGetImage: batchGetImage,
  PutImage: putImage,
  ListImageReferrers: listImageReferrers,
  DescribeImageSigningStatus: describeImageSigningStatus,
  GetDownloadUrlForLayer: getDownloadUrlForLayer
}

/**
 * @typedef {{ digest: string, manifest: string, mediaType: string, tags: Set<string>, artifactStatus?: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING',
 *   signingStatuses?: { signingProfileArn: string, status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED', failureCode?: string, failureReason?: string }[] }} StoredImage
 * @typedef {'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION'} TagMutability
 * @typedef {{ filterType: 'WILDCARD', filter: string }} ExclusionFilter
 * @typedef {{ name: string, registryId: string, region?: string, images: Map<string, StoredImage>, tags: Map<string, string>,
 *   blobs: Set<string>, mutability: TagMutability, exclusionFilters: ExclusionFilter[] }} Repository
 * @typedef {{ imageTag?: string, imageDigest?: string }} ImageIdentifier
 * @typedef {{ target: string, operation: string, region?: string, accessKeyId?: string, attempt?: number,
 *   invocationId?: string, userAgent?: string, body: any }} LoggedRequest
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   request: LoggedRequest, rawBody: string, fake: FakeEcr }} InterceptContext
 * @typedef {(context: InterceptContext) => boolean | void | Promise<boolean | void>} Interceptor
 */

export class FakeEcr {
  /**
   * @param {{ accountId?: string, credentials?: { accessKeyId: string, secretAccessKey: string, accountId: string }[],
   *   digestLookupTags?: 'none' | 'first' | 'each', tls?: { key: string, cert: string },
   *   immutableConflictCode?: 'ImageTagAlreadyExistsException' | 'ImageAlreadyExistsException' }} [options]
   *   tls: serve HTTPS with this key and certificate (see testkit/tls.js)
   *   immutableConflictCode: what PutImage answers for an immutable tag on another image; sources
   *   disagree (ECR's documentation, moto), so a client must not rely on it.
   *   digestLookupTags: what a lookup by digest returns in imageId.imageTag, which ECR does not document:
   *   no tag (default), the first tag, or the image once per tag.
   */
  constructor(options = {}) {
    this.accountId = options.accountId ?? FAKE_ACCOUNT_ID
    /** @type {Map<string, { secretAccessKey: string, accountId: string }>} */
    this.credentials = new Map((options.credentials ?? [FAKE_CREDENTIALS]).map((c) => [c.accessKeyId, c]))
    this.digestLookupTags = options.digestLookupTags ?? 'none'
    this.immutableConflictCode = options.immutableConflictCode ?? 'ImageTagAlreadyExistsException'
    /** The token STS AssumeRoleWithWebIdentity accepts. */
    this.webIdentityToken = 'fake-github-oidc-token'
    /** @type {Map<string, Repository>} */
    this.repositories = new Map()
    /** @type {Set<string>} repository names whose lookups (and writes) are denied (AccessDeniedException) */
    this.denied = new Set()
    /** @type {Set<string>} repository names the caller may read but not write to (PutImage denied) */
    this.deniedPut = new Set()
    /** @type {Set<string>} pull-through cache repositories whose upstream cannot list referrers */
    this.upstreamReferrersFail = new Set()
    /** @type {Set<string>} repository names whose layers may not be downloaded (GetDownloadUrlForLayer denied) */
    this.deniedLayers = new Set()
    /** @type {Map<string, Buffer>} blob content by blobKey (what GetDownloadUrlForLayer's URL serves) */
    this.blobContents = new Map()
    /** @type {Map<string, string>} presigned download tokens handed out, to the blob key they serve */
    this.downloads = new Map()
    /** Whether DescribeImageSigningStatus is denied (the role lacks ecr:DescribeImageSigningStatus). */
    this.deniedSigningStatus = false
    /** @type {LoggedRequest[]} */
    this.requests = []
    /** @type {Interceptor[]} */
    this.interceptors = []
    /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
    const handler = (req, res) => void this.handle(req, res)
    this.scheme = options.tls ? 'https' : 'http'
    this.server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler)
    /** Connections accepted and TLS handshakes completed, for npm run bench. */
    this.connections = 0
    this.handshakes = 0
    /** @type {number[]} when each request arrived (ms), for counting requests sent together */
    this.arrivals = []
    this.server.on('connection', () => this.connections++)
    if (options.tls) this.server.on('secureConnection', () => this.handshakes++)
    /** @type {(() => Promise<void>) | undefined} */
    this.close = undefined
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
    const listening = await listenOnLoopback(this.server, port, this.scheme === 'https' ? 'secureConnection' : 'connection')
    this.close = listening.close
    this.url = `${this.scheme}://127.0.0.1:${listening.port}`
    return this.url
  }

  async stop() {
    await this.close?.()
  }

  /**
   * The counters npm run bench reports. `together`: the most requests that arrived within `windowMs` of
   * each other (behind a latency proxy, the ones the client sent at once).
   * @param {number} windowMs
   */
  stats(windowMs) {
    const sorted = [...this.arrivals].sort((a, b) => a - b)
    let together = 0
    for (let first = 0, last = 0; last < sorted.length; last++) {
      while ((sorted[last] ?? 0) - (sorted[first] ?? 0) > windowMs) first++
      together = Math.max(together, last - first + 1)
    }
    return { requests: this.requestsFor().length, handshakes: this.handshakes, connections: this.connections, together }
  }

  /**
   * Sets an image's (a referrer's) status, as archiving and restoring do.
   * @param {string} repository @param {string} digest @param {'ACTIVE' | 'ARCHIVED' | 'ACTIVATING'} status
   */
  setArtifactStatus(repository, digest, status) {
    const image = this.createRepository(repository).images.get(digest)
    if (image) image.artifactStatus = status
  }

  /**
   * Sets managed signing's status of an image, per signing profile.
   * @param {string} repository @param {string} digest @param {NonNullable<StoredImage['signingStatuses']>} statuses
   */
  setSigningStatus(repository, digest, statuses) {
    const image = this.createRepository(repository).images.get(digest)
    if (image) image.signingStatuses = statuses
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
   * Runs `answer` for the next `times` requests of `operation` (Infinity: all of them).
   * @param {number} times @param {(context: InterceptContext) => void | Promise<void>} answer
   * @param {string} [operation]
   */
  misbehave(times, answer, operation = 'BatchGetImage') {
    let left = times
    return this.intercept(async (context) => {
      if (context.request.operation !== operation || left <= 0) return false
      left--
      await answer(context)
      return true
    })
  }

  /**
   * Answers with an AWS error. @param {number} times @param {number} status @param {string} code @param {string} message
   * @param {string} [operation] default BatchGetImage
   */
  failWith(times, status, code, message, operation) {
    return this.misbehave(times, ({ res }) => sendAwsError(res, status, code, message), operation)
  }

  /**
   * Accepts the request and never answers (the socket stays open until the client gives up).
   * @param {number} times @param {string} [operation] default BatchGetImage
   */
  stall(times, operation) {
    return this.misbehave(times, () => undefined, operation)
  }

  /** Closes the connection without an answer (a reset). @param {number} times */
  dropConnection(times) {
    return this.misbehave(times, ({ req }) => {
      if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy()
      else req.socket.destroy()
    })
  }

  /** The answer ECR would give this request, as JSON text. @param {InterceptContext} context */
  realAnswer({ request }) {
    return JSON.stringify(batchGetImage(this, request.body, request.region, request.accessKeyId))
  }

  /**
   * Sends the real answer's headers at once, then its body `bytesPerTick` bytes every `intervalMs`:
   * a server that drips its answer (each tick keeps an idle timeout from firing).
   * @param {number} times @param {number} [intervalMs] @param {number} [bytesPerTick]
   */
  drip(times, intervalMs = 1000, bytesPerTick = 1) {
    return this.misbehave(times, (context) => {
      const body = Buffer.from(this.realAnswer(context))
      const { res } = context
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length, 'x-amzn-RequestId': randomUUID() })
      res.flushHeaders()
      let sent = 0
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer)
        res.write(body.subarray(sent, sent + bytesPerTick))
        sent += bytesPerTick
        if (sent >= body.length) {
          clearInterval(timer)
          res.end()
        }
      }, intervalMs)
      res.on('close', () => clearInterval(timer))
    })
  }

  /**
   * Sends the real answer's headers and the first half of its body, then either nothing more
   * (`stall`, the socket stays open) or closes the connection (`close`: a body cut short).
   * @param {number} times @param {'stall' | 'close'} then
   */
  halfAnswer(times, then) {
    return this.misbehave(times, (context) => {
      const body = Buffer.from(this.realAnswer(context))
      const { res, req } = context
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length, 'x-amzn-RequestId': randomUUID() })
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        if (then === 'close') req.socket.destroy()
      })
    })
  }

  /**
   * Answers with any status, content type and body: a proxy's or load balancer's page, say.
   * @param {number} times @param {number} status @param {string} contentType @param {string} body
   */
  answerRaw(times, status, contentType, body) {
    return this.misbehave(times, ({ res }) => {
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
      res.end(body)
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
   * @param {string} name @param {{ registryId?: string, region?: string, imageTagMutability?: TagMutability,
   *   imageTagMutabilityExclusionFilters?: ExclusionFilter[] }} [options]
   *   region: only visible to requests signed for that region (default: every region)
   *   imageTagMutability, imageTagMutabilityExclusionFilters: as CreateRepository takes them (set on an existing one too)
   */
  createRepository(name, options = {}) {
    const registryId = options.registryId ?? this.accountId
    const key = repositoryKey(registryId, name, options.region)
    let repository = this.repositories.get(key)
    if (!repository) {
      repository = {
        name,
        registryId,
        region: options.region,
        images: new Map(),
        tags: new Map(),
        blobs: new Set(),
        mutability: 'MUTABLE',
        exclusionFilters: []
      }
      this.repositories.set(key, repository)
    }
    if (options.imageTagMutability !== undefined) repository.mutability = options.imageTagMutability
    if (options.imageTagMutabilityExclusionFilters !== undefined) repository.exclusionFilters = options.imageTagMutabilityExclusionFilters
    return repository
  }

  /**
   * Stores a blob's content in a repository (a pushed layer), served through GetDownloadUrlForLayer.
   * Returns its digest; `digest` stores it under another one (a corrupt store, or a tampered blob).
   * @param {string} repository @param {Buffer | string} content @param {{ registryId?: string, region?: string, digest?: string }} [options]
   */
  putBlob(repository, content, options = {}) {
    const stored = this.createRepository(repository, options)
    const bytes = Buffer.from(content)
    const digest = options.digest ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    stored.blobs.add(digest)
    this.blobContents.set(blobKey(stored, digest), bytes)
    return digest
  }

  /**
   * Stores an image (creating the repository) and moves its tags to it, like a push. Returns the digest.
   * @param {{ repository: string, manifest: string, tags?: string[], mediaType?: string, registryId?: string,
   *   region?: string, digest?: string }} image  digest: store under this digest instead of the real one (a corrupt store)
   */
  putImage(image) {
    const repository = this.createRepository(image.repository, image)
    const digest = image.digest ?? sha256Digest(image.manifest)
    const parsed = JSON.parse(image.manifest)
    const mediaType = image.mediaType ?? parsed.mediaType ?? MEDIA_TYPES.schema1Signed
    // A push uploads the image's layers and config first: the repository holds them from now on.
    for (const blob of referencesOf(parsed).blobs) repository.blobs.add(blob)
    return this.storeImage(repository, { digest, manifest: image.manifest, mediaType, tags: image.tags ?? [] })
  }

  /**
   * Stores an image in a repository and moves its tags to it. Returns the digest.
   * @param {Repository} repository @param {{ digest: string, manifest: string, mediaType: string, tags: string[] }} image
   */
  storeImage(repository, image) {
    const { digest } = image
    const stored = repository.images.get(digest) ?? { digest, manifest: image.manifest, mediaType: image.mediaType, tags: new Set() }
    repository.images.set(digest, stored)
    for (const tag of image.tags) {
      const previous = repository.tags.get(tag)
      if (previous) repository.images.get(previous)?.tags.delete(tag)
      repository.tags.set(tag, digest)
      stored.tags.add(tag)
    }
    return digest
  }

  /**
   * The digest a tag points at now, or undefined.
   * @param {string} repository @param {string} tag @param {{ registryId?: string, region?: string }} [options]
   */
  tagDigest(repository, tag, options = {}) {
    return this.repositories.get(repositoryKey(options.registryId ?? this.accountId, repository, options.region))?.tags.get(tag)
  }

  /**
   * Forgets blobs a repository holds (as if a layer had never been pushed there).
   * @param {string} repository @param {string[]} blobs @param {{ registryId?: string, region?: string }} [options]
   */
  forgetBlobs(repository, blobs, options = {}) {
    const found = this.repositories.get(repositoryKey(options.registryId ?? this.accountId, repository, options.region))
    for (const blob of blobs) found?.blobs.delete(blob)
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
    // Instance metadata (AWS_EC2_METADATA_SERVICE_ENDPOINT), IMDSv2, for credential chain tests.
    if (req.url?.startsWith('/latest/')) return instanceMetadata(this, req, res)
    // A presigned layer download (GetDownloadUrlForLayer's URL): S3's part, no SigV4 header; interceptors
    // see it as the operation S3GetObject.
    if (req.method === 'GET' && req.url?.startsWith('/__s3/')) {
      /** @type {LoggedRequest} */
      const request = {
        target: '',
        operation: 'S3GetObject',
        body: { authorization: req.headers.authorization, url: req.url },
        userAgent: /** @type {string | undefined} */ (req.headers['user-agent'])
      }
      this.requests.push(request)
      for (const interceptor of this.interceptors) if (await interceptor({ req, res, request, rawBody: '', fake: this })) return
      return serveDownload(this, req, res)
    }
    // Container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI), for credential chain tests.
    if (req.method === 'GET' && req.url === '/__fake/container-credentials') return containerCredentials(this, res)
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
    this.arrivals.push(Date.now())
    try {
      for (const interceptor of this.interceptors) if (await interceptor({ req, res, request, rawBody, fake: this })) return
      if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return sts(this, res, rawBody, request)
      verifySignature(req, rawBody, this.credentials)
      if (req.method !== 'POST' || (req.url ?? '/') !== '/')
        throw new AwsError(404, 'UnknownOperationException', `Cannot ${req.method} ${req.url}`)
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1'))
        throw new AwsError(400, 'SerializationException', 'Expected Content-Type application/x-amz-json-1.1')
      const operation =
        target.startsWith(TARGET_PREFIX) && Object.hasOwn(OPERATIONS, request.operation) ? OPERATIONS[request.operation] : undefined
      if (operation === undefined)
        throw new AwsError(400, 'UnknownOperationException', `The operation ${target} is not supported by this fake.`)
      if (request.body === undefined || typeof request.body !== 'object' || request.body === null)
        throw new AwsError(400, 'SerializationException', 'Start of structure or map found where not expected.')
      sendJson(res, 200, operation(this, request.body, scope?.region, scope?.accessKeyId))
    } catch (error) {
      if (error instanceof AwsError) sendAwsError(res, error.status, error.code, error.message)
      else sendAwsError(res, 500, 'ServerException', `fake ECR failed: ${error}`)
    }
  }
}
