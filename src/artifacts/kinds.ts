// What counts as which kind of evidence: a referrer's artifact type and annotations (a Sigstore
// bundle's content and predicate type), a BuildKit attestation layer's in-toto predicate type, or
// cosign v2's `.sig` tag. Pure: check.ts gathers the evidence, this says what it is.
import type { RequiredArtifact } from '../inputs/artifacts.js'

/** Any v0.x Sigstore bundle (cosign v3, actions/attest-build-provenance). */
const SIGSTORE_BUNDLE = /^application\/vnd\.dev\.sigstore\.bundle\.v0\.\d+\+json$/
const NOTATION_SIGNATURE = 'application/vnd.cncf.notary.signature'
const IN_TOTO = /^application\/vnd\.in-toto(?:\.[\w.-]+)?\+json$/
const BUNDLE_CONTENT = 'dev.sigstore.bundle.content'
const BUNDLE_PREDICATE = 'dev.sigstore.bundle.predicateType'
/** The in-toto predicate `cosign sign` v3 signs with (a DSSE envelope, not a message signature). */
const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1'
const SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(?:0\.2|1)$/
const SBOM_PREDICATE = /^https:\/\/(?:spdx\.dev\/Document|cyclonedx\.org\/bom)(?:\/v?[\d.]+)?$/
const SBOM_TYPES = new Set(['application/spdx+json', 'application/vnd.cyclonedx+json'])

/** Whether a media type is a Sigstore bundle's (a referrer's artifact type, or its layer's). */
export function isSigstoreBundle(type: string): boolean {
  return SIGSTORE_BUNDLE.test(type) || /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=0\.\d+$/.test(type)
}

/** One piece of evidence about an image, wherever it was found. */
export interface Evidence {
  source: 'referrer' | 'buildkit-attestation' | 'cosign-v2-tag'
  digest: string
  /** A BuildKit attestation's subject: the platform manifest it is for. */
  subject?: string
  artifactType?: string
  mediaType?: string
  annotations?: Record<string, string>
  /** An in-toto predicate type: a bundle's annotation, or a BuildKit attestation layer's. */
  predicateType?: string
}

/** Whether a piece of evidence meets a requirement. */
export function meets(required: RequiredArtifact, evidence: Evidence): boolean {
  const type = evidence.artifactType ?? ''
  const bundle = isSigstoreBundle(type)
  const attestation = bundle || IN_TOTO.test(type) || evidence.source === 'buildkit-attestation'
  const predicate = evidence.predicateType ?? evidence.annotations?.[BUNDLE_PREDICATE]
  const content = evidence.annotations?.[BUNDLE_CONTENT]
  switch (required.kind) {
    case 'signature':
      return (
        evidence.source === 'cosign-v2-tag' ||
        type === NOTATION_SIGNATURE ||
        (bundle && (content === 'message-signature' || (content === 'dsse-envelope' && predicate === COSIGN_SIGN)))
      )
    case 'provenance':
      return attestation && SLSA_PROVENANCE.test(predicate ?? '')
    case 'sbom':
      return SBOM_TYPES.has(type) || (attestation && SBOM_PREDICATE.test(predicate ?? ''))
    case 'artifact-type':
      return type.toLowerCase() === required.artifactType
    case 'predicate-type':
      // Only an attestation has a predicate: an annotation on anything else says nothing.
      return attestation && predicate === required.predicateType
  }
}

/** The kinds of words a status description uses: `signed`, `attested`, `with SBOMs`. */
export function describeKinds(required: readonly RequiredArtifact[]): string {
  const words = required.map((entry): string | undefined =>
    entry.kind === 'signature' ? 'signed' : entry.kind === 'provenance' ? 'attested' : entry.kind === 'sbom' ? 'with SBOMs' : undefined
  )
  const known: string[] = [...new Set(words.filter((word): word is string => word !== undefined))]
  if (words.some((word) => word === undefined)) known.push('with the artifacts required')
  return known.length <= 1 ? (known[0] ?? '') : `${known.slice(0, -1).join(', ')} and ${known.at(-1)}`
}
