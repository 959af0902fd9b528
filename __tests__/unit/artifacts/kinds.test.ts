// What counts as which kind (artifacts/kinds.ts), and the require-artifacts input (inputs/artifacts.ts).
import { describe, expect, it } from '@jest/globals'
import { type Evidence, describeKinds, meets } from '../../../src/artifacts/kinds.js'
import { parseRequireArtifacts } from '../../../src/inputs/artifacts.js'

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const referrer = (artifactType: string, annotations?: Record<string, string>): Evidence => ({
  source: 'referrer',
  digest: `sha256:${'a'.repeat(64)}`,
  artifactType,
  ...(annotations && { annotations })
})
const bundle = (content: string, predicate?: string): Evidence =>
  referrer(BUNDLE, { 'dev.sigstore.bundle.content': content, ...(predicate && { 'dev.sigstore.bundle.predicateType': predicate }) })

describe('meets', () => {
  it.each<[string, Evidence, string[]]>([
    ['a cosign v3 signature (DSSE, cosign/sign/v1)', bundle('dsse-envelope', 'https://sigstore.dev/cosign/sign/v1'), ['signature']],
    [
      'a message-signature bundle, v0.2',
      referrer('application/vnd.dev.sigstore.bundle.v0.2+json', { 'dev.sigstore.bundle.content': 'message-signature' }),
      ['signature']
    ],
    ['a Notation signature', referrer('application/vnd.cncf.notary.signature'), ['signature']],
    ['cosign v2 .sig tag', { source: 'cosign-v2-tag', digest: 'sha256:x' }, ['signature']],
    ['GitHub provenance (SLSA v1)', bundle('dsse-envelope', 'https://slsa.dev/provenance/v1'), ['provenance']],
    [
      'an in-toto referrer with SLSA v0.2',
      referrer('application/vnd.in-toto+json', { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v0.2' }),
      ['provenance']
    ],
    [
      'a BuildKit SLSA layer',
      { source: 'buildkit-attestation', digest: 'sha256:x', predicateType: 'https://slsa.dev/provenance/v0.2' },
      ['provenance']
    ],
    ['a BuildKit SPDX layer', { source: 'buildkit-attestation', digest: 'sha256:x', predicateType: 'https://spdx.dev/Document' }, ['sbom']],
    ['an SPDX referrer', referrer('application/spdx+json'), ['sbom']],
    ['a CycloneDX referrer', referrer('application/vnd.cyclonedx+json'), ['sbom']],
    ['a CycloneDX attestation', bundle('dsse-envelope', 'https://cyclonedx.org/bom'), ['sbom']],
    ['a DSSE bundle with another predicate', bundle('dsse-envelope', 'https://example.com/test/v1'), []],
    ['a bundle claiming SLSA under another host', bundle('dsse-envelope', 'https://slsa.dev.evil/provenance/v1'), []],
    ['an unrelated artifact', referrer('application/vnd.example+json'), []]
  ])('%s counts as %j', (_, evidence, kinds) => {
    expect((['signature', 'provenance', 'sbom'] as const).filter((kind) => meets({ kind }, evidence))).toEqual(kinds)
  })

  it('matches exact artifact and predicate types', () => {
    expect(meets({ kind: 'artifact-type', artifactType: 'application/vnd.example+json' }, referrer('application/vnd.example+json'))).toBe(
      true
    )
    expect(
      meets(
        { kind: 'predicate-type', predicateType: 'https://example.com/test/v1' },
        bundle('dsse-envelope', 'https://example.com/test/v1')
      )
    ).toBe(true)
  })

  it('says the kinds in words for the status', () => {
    expect(describeKinds(parseRequireArtifacts('signature provenance'))).toBe('signed and attested')
    expect(describeKinds(parseRequireArtifacts('signature, provenance, sbom'))).toBe('signed, attested and with SBOMs')
    expect(describeKinds(parseRequireArtifacts('application/x+json'))).toBe('with the artifacts required')
  })
})

describe('parseRequireArtifacts', () => {
  it('reads kinds (any case), artifact types and predicate types, once each', () => {
    expect(parseRequireArtifacts('Signature, provenance\nsbom signature application/spdx+json https://slsa.dev/provenance/v1')).toEqual([
      { kind: 'signature' },
      { kind: 'provenance' },
      { kind: 'sbom' },
      { kind: 'artifact-type', artifactType: 'application/spdx+json' },
      { kind: 'predicate-type', predicateType: 'https://slsa.dev/provenance/v1' }
    ])
    expect(parseRequireArtifacts('')).toEqual([])
  })

  it.each([
    ['signatur', /did you mean signature\?/],
    ['provenence', /did you mean provenance\?/],
    ['http://slsa.dev/provenance/v1', /is not a kind/]
  ])('refuses %s naming the nearest', (value, message) => {
    expect(() => parseRequireArtifacts(value)).toThrow(message)
  })
})
