// A private Sigstore instance on 127.0.0.1 for tests: @sigstore/mock's Fulcio, Rekor and timestamp
// authority served over plain loopback HTTP, bundles made by @sigstore/sign against them (real keys, real
// signatures, real certificates), and the trusted_root.json that trusts them (for the trusted-root input).
// Run as a child process (testkit/bundles.js does): jest's module system cannot load @sigstore/sign's
// dependencies (make-fetch-happen requires an ES module). Pitfalls (../shared/supply-chain-facts.md): the mock timestamp authority drops trailing zeros of
// fractional seconds, so every clock here is at a whole second; mock Rekor logs DSSE as `intoto` entries.
import { createHash, generateKeyPairSync } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createServer } from 'node:http'
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock'
import { DSSEBundleBuilder, FulcioSigner, MessageSignatureBundleBuilder, RekorWitness, TSAWitness } from '@sigstore/sign'
import { bundleToJSON } from '@sigstore/bundle'

const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' })
/** @param {ArrayBufferView | ArrayBuffer | Buffer} bytes */
const b64 = (bytes) =>
  Buffer.from(
    /** @type {ArrayBuffer} */ (
      ArrayBuffer.isView(bytes) ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes
    )
  ).toString('base64')
/** @param {unknown} value */
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * Starts a Sigstore instance. `clock` (a whole second) is the time its certificates, log entries and
 * timestamps carry; certificates are valid for 10 minutes from it.
 * @param {{ clock?: Date }} [options]
 */
export async function startSigstore(options = {}) {
  // A whole second, and 2 s ahead: the mock's root and intermediate certificates begin at the real time
  // they are made (to the second), which must not be after the time the timestamps and entries carry.
  const clock = options.clock ?? new Date(Math.floor(Date.now() / 1000) * 1000 + 2000)
  const ctLog = await initializeCTLog(keyPair(), clock)
  const ca = await initializeCA(keyPair(), ctLog, clock)
  const tsa = await initializeTSA(keyPair(), clock)
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const tlog = await initializeTLog(url, keyPair(), clock)
  const handlers = [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)]
  server.on('request', (request, response) => {
    /** @type {Buffer[]} */
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', async () => {
      const handler = handlers.find((candidate) => candidate.path === request.url)
      if (handler === undefined) return void response.writeHead(404).end()
      const result = await handler.fn(Buffer.concat(chunks).toString())
      response.writeHead(result.statusCode, result.contentType ? { 'content-type': result.contentType } : {})
      const body = result.response
      response.end(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength))
    })
  })

  const since = new Date(clock.getTime() - 24 * 3600_000).toISOString()
  /** @param {ArrayBufferView | Buffer} publicKey @param {ArrayBufferView | Buffer} logID */
  const logKey = (publicKey, logID) => ({
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: since } },
    logId: { keyId: b64(logID) }
  })
  /** The trusted_root.json that trusts this instance (its CA, log, CT log and timestamp authority). */
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logKey(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest())],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start: since }
      }
    ],
    ctlogs: [logKey(ctLog.publicKey, ctLog.logID)],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor: { start: since }
      }
    ]
  }

  /**
   * A bundle (its JSON) signed by `san` through `issuer`: a message signature over `data`, or with
   * `payloadType` a DSSE envelope of it. `log` (default true) adds a Rekor entry, `timestamp` (default
   * true) an RFC 3161 timestamp. `fulcio`: another instance's URL, whose CA issues the certificate instead.
   * `claims` join the OIDC token (the mock Fulcio makes GitHub's extensions of them); a workflow's SAN
   * gets its repository as `repository` (the source repository extension) unless claims say otherwise.
   * @param {{ data: Buffer, payloadType?: string, san: string, issuer?: string, log?: boolean, timestamp?: boolean, fulcio?: string,
   *   claims?: Record<string, string> }} what
   */
  async function sign({
    data,
    payloadType,
    san,
    issuer = 'https://token.actions.githubusercontent.com',
    log = true,
    timestamp = true,
    fulcio = url,
    claims = {}
  }) {
    const repository = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/\.github\/workflows\//.exec(san)?.[1]
    const payload = { iss: issuer, sub: san, aud: 'sigstore', ...(repository && { repository }), ...claims }
    const token = `${b64url({ alg: 'none' })}.${b64url(payload)}.c2ln`
    const signer = new FulcioSigner({ fulcioBaseURL: fulcio, identityProvider: { getToken: async () => token }, retry: 0 })
    const witnesses = [
      ...(log ? [new RekorWitness({ rekorBaseURL: url, entryType: 'intoto', retry: 0 })] : []),
      ...(timestamp ? [new TSAWitness({ tsaBaseURL: url, retry: 0 })] : [])
    ]
    const builder =
      payloadType === undefined ? new MessageSignatureBundleBuilder({ signer, witnesses }) : new DSSEBundleBuilder({ signer, witnesses })
    const bundle = await builder.create({ data, ...(payloadType !== undefined && { type: payloadType }) })
    return bundleToJSON(bundle)
  }

  return { url, trustedRoot, sign, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) }
}

/**
 * Reads sign requests (JSON on stdin: `{ requests: [{ instance, data (base64), payloadType?, san, issuer?, log?, timestamp?,
 * rogueCertificate? }] }`), signs each on its instance (`main` or `rogue`, two independent ones; with
 * rogueCertificate, main's log and timestamps on a certificate from rogue's CA), and writes
 * `{ trustedRoots: { main, rogue }, bundles }` to stdout.
 */
async function main() {
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  const { requests } = JSON.parse(Buffer.concat(chunks).toString())
  const instances = { main: await startSigstore(), rogue: await startSigstore() }
  try {
    const bundles = []
    for (const request of requests) {
      const instance = instances[/** @type {'main' | 'rogue'} */ (request.instance ?? 'main')]
      bundles.push(
        await instance.sign({
          ...request,
          data: Buffer.from(request.data, 'base64'),
          ...(request.rogueCertificate && { fulcio: instances.rogue.url })
        })
      )
    }
    process.stdout.write(
      JSON.stringify({ trustedRoots: { main: instances.main.trustedRoot, rogue: instances.rogue.trustedRoot }, bundles })
    )
  } finally {
    await instances.main.close()
    await instances.rogue.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
