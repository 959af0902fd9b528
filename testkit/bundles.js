// Sigstore bundles for tests, made for real by testkit/sigstore.js in a child process (@sigstore/sign
// against @sigstore/mock's Fulcio, Rekor and timestamp authority on 127.0.0.1), and pushed to the fake
// ECR as referrers the way cosign v3 and actions/attest-build-provenance push them.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'

/**
 * @typedef {{ instance?: 'main' | 'rogue', data: Buffer, payloadType?: string, san: string, issuer?: string, log?: boolean, timestamp?: boolean,
 *   rogueCertificate?: boolean, claims?: Record<string, string> }} SignRequest
 */

/**
 * Signs every request in one child process; the bundles (JSON) in request order, and the trusted roots
 * of the two instances (`main`, and `rogue`, which nothing trusts).
 * @param {SignRequest[]} requests
 * @returns {{ trustedRoots: { main: object, rogue: object }, bundles: object[] }}
 */
export function signBundles(requests) {
  const input = JSON.stringify({ requests: requests.map((request) => ({ ...request, data: request.data.toString('base64') })) })
  const output = execFileSync(process.execPath, [fileURLToPath(new URL('./sigstore.js', import.meta.url))], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(output)
}

/**
 * An in-toto statement about `digest` (sha256:<hex>) with a predicate, as GitHub's attestations make them.
 * @param {string} digest @param {string} [predicateType] @param {string} [name]
 */
export function statement(digest, predicateType = 'https://slsa.dev/provenance/v1', name = 'image') {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name, digest: { sha256: digest.replace(/^sha256:/, '') } }],
      predicateType,
      predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } }
    })
  )
}

export const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

/**
 * Pushes a bundle to the fake ECR as cosign v3 and actions/attest-build-provenance do: the bundle JSON
 * as the one layer of a referrer manifest whose subject is the image. Returns the referrer's digest.
 * `blob` stores other bytes under the bundle's digest (a tampered blob).
 * @param {import('./fake-ecr/index.js').FakeEcr} fake
 * `layerSize` declares another size in the manifest.
 * @param {{ repository: string, subject: string, bundle: object, blob?: Buffer, artifactType?: string, layerType?: string,
 *   annotations?: Record<string, string>, subjectMediaType?: string, layerSize?: number }} options
 */
export function attachBundle(fake, options) {
  const content = Buffer.from(JSON.stringify(options.bundle))
  const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`
  fake.putBlob(options.repository, options.blob ?? content, { digest })
  const bundle = /** @type {{ dsseEnvelope?: { payload: string } }} */ (options.bundle)
  let predicateType
  try {
    predicateType = bundle.dsseEnvelope
      ? JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()).predicateType
      : undefined
  } catch {
    predicateType = undefined
  }
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: options.artifactType ?? BUNDLE_TYPE,
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      size: 2,
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
    },
    layers: [{ mediaType: options.layerType ?? BUNDLE_TYPE, size: options.layerSize ?? content.length, digest }],
    subject: { mediaType: options.subjectMediaType ?? 'application/vnd.oci.image.manifest.v1+json', digest: options.subject, size: 1234 },
    annotations: options.annotations ?? {
      'dev.sigstore.bundle.content': bundle.dsseEnvelope ? 'dsse-envelope' : 'message-signature',
      ...(predicateType !== undefined && { 'dev.sigstore.bundle.predicateType': predicateType }),
      'org.opencontainers.image.created': '2026-12-05T00:00:00Z'
    }
  })
  return fake.putImage({ repository: options.repository, manifest })
}
