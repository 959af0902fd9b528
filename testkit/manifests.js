// Manifest builders for seeding the fake ECR: Docker v2, OCI, and multi-arch indexes.
import { createHash } from 'node:crypto'

export const MEDIA_TYPES = Object.freeze({
  dockerV2: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  schema1: 'application/vnd.docker.distribution.manifest.v1+json',
  schema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws'
})

/** `sha256:` + hex sha256 of the exact bytes (UTF-8). @param {string} text */
export function sha256Digest(text) {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

/** @param {string} seed */
function blob(seed) {
  return sha256Digest(`blob:${seed}`)
}

/** A Docker image manifest (schema 2), serialised with 3-space indents like the Docker CLI. @param {string} seed */
export function dockerManifest(seed) {
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerV2,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1469, digest: blob(`${seed}:config`) },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 3370706, digest: blob(`${seed}:layer`) }]
    },
    null,
    3
  )
}

/** An OCI image manifest, compact like BuildKit writes it. @param {string} seed */
export function ociManifest(seed) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 1469, digest: blob(`${seed}:config`) },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 3370706, digest: blob(`${seed}:layer`) }]
  })
}

/**
 * An OCI index (or Docker manifest list) over child manifests.
 * @param {{ manifest: string, mediaType?: string, platform: { os: string, architecture: string, variant?: string } }[]} children
 * @param {{ docker?: boolean }} [options]
 */
export function imageIndex(children, options = {}) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: options.docker ? MEDIA_TYPES.dockerList : MEDIA_TYPES.ociIndex,
    manifests: children.map((child) => ({
      mediaType: child.mediaType ?? (options.docker ? MEDIA_TYPES.dockerV2 : MEDIA_TYPES.ociManifest),
      digest: sha256Digest(child.manifest),
      size: Buffer.byteLength(child.manifest, 'utf8'),
      platform: child.platform
    }))
  })
}

/** An OCI image manifest of about `bytes` bytes (an annotation pads it). @param {string} seed @param {number} bytes */
export function largeManifest(seed, bytes) {
  const base = JSON.parse(ociManifest(seed))
  base.annotations = { 'org.example.padding': '' }
  const padding = Math.max(0, bytes - JSON.stringify(base).length)
  base.annotations['org.example.padding'] = 'x'.repeat(padding)
  return JSON.stringify(base)
}

/** An OCI 1.1 empty config descriptor, as artifacts (referrers) use it. */
const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  size: 2,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
}

/**
 * A referrer of `subject` (an OCI artifact manifest with `subject`), as cosign v3, actions/attest,
 * Notation or an SBOM tool pushes it: `artifactType`, an empty config, one layer, annotations.
 * @param {{ subject: string, subjectMediaType?: string, artifactType: string, annotations?: Record<string, string>, seed?: string }} options
 */
export function referrerManifest(options) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: options.artifactType,
    config: EMPTY_CONFIG,
    layers: [
      { mediaType: options.artifactType, size: 4242, digest: blob(`${options.seed ?? options.artifactType}:${options.subject}:layer`) }
    ],
    subject: { mediaType: options.subjectMediaType ?? MEDIA_TYPES.ociManifest, digest: options.subject, size: 1234 },
    ...(options.annotations && { annotations: options.annotations })
  })
}

/**
 * A BuildKit attestation manifest for a platform manifest: its layers annotated with their in-toto
 * predicate types (SLSA provenance by default; an SPDX SBOM with `--sbom=true`).
 * @param {string} seed @param {string[]} predicateTypes
 */
export function attestationManifest(seed, predicateTypes) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 167, digest: blob(`${seed}:att-config`) },
    layers: predicateTypes.map((predicateType, index) => ({
      mediaType: 'application/vnd.in-toto+json',
      size: 1000 + index,
      digest: blob(`${seed}:att-${index}`),
      annotations: { 'in-toto.io/predicate-type': predicateType }
    }))
  })
}

/**
 * An OCI index as BuildKit pushes it: the platform manifests, and an attestation manifest for each
 * (`unknown/unknown`, annotated `vnd.docker.reference.type: attestation-manifest` and the digest it is for).
 * @param {{ manifest: string, platform: { os: string, architecture: string } }[]} children @param {string[]} attestations one per child
 */
export function buildkitIndex(children, attestations) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: [
      ...children.map((child) => ({
        mediaType: MEDIA_TYPES.ociManifest,
        digest: sha256Digest(child.manifest),
        size: Buffer.byteLength(child.manifest, 'utf8'),
        platform: child.platform
      })),
      ...attestations.map((attestation, index) => ({
        mediaType: MEDIA_TYPES.ociManifest,
        digest: sha256Digest(attestation),
        size: Buffer.byteLength(attestation, 'utf8'),
        annotations: {
          'vnd.docker.reference.digest': sha256Digest(children[index]?.manifest ?? ''),
          'vnd.docker.reference.type': 'attestation-manifest'
        },
        platform: { architecture: 'unknown', os: 'unknown' }
      }))
    ]
  })
}
