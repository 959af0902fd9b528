// The default path reads real bundles: a genuine bundle from the Sigstore project's published test data,
// verified against Sigstore's public-good trusted root (the seed @sigstore/tuf ships, as TUF delivers it)
// with the public-good instance's thresholds (a log entry, an SCT, a verified time), offline.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { bundleFromJSON } from '@sigstore/bundle'
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' }
import { verifyBundle, verifyTrust } from '../../../src/verify/bundle.js'
import { trustRootOf } from '../../../src/verify/trust.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/sigstore/bundleV03-dsse.sigstore', import.meta.url), 'utf8')) as {
  dsseEnvelope: { payload: string }
}
const seed = (seeds as Record<string, { targets: Record<string, string> }>)['https://tuf-repo-cdn.sigstore.dev']
const publicGoodRoot = JSON.parse(Buffer.from(seed?.targets['trusted_root.json'] ?? '', 'base64').toString()) as unknown

describe("a genuine public-good bundle against Sigstore's trusted root", () => {
  it('verifies, naming its signer and issuer', () => {
    const result = verifyTrust(bundleFromJSON(fixture), [trustRootOf('public-good', publicGoodRoot)])
    expect(result).toEqual({
      identity: expect.objectContaining({
        subjectAlternativeName: 'brian@dehamer.com',
        extensions: { issuer: 'https://github.com/login/oauth' }
      })
    })
  })

  it('does not verify once its statement is changed', () => {
    const changed = structuredClone(fixture)
    const statement = JSON.parse(Buffer.from(changed.dsseEnvelope.payload, 'base64').toString()) as { predicate: { version: string } }
    statement.predicate.version = '6.6.6'
    changed.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
    const result = verifyTrust(bundleFromJSON(changed), [trustRootOf('public-good', publicGoodRoot)])
    expect(result).toEqual({ reason: expect.stringMatching(/^it has no valid transparency-log entry of Sigstore's public-good instance/) })
  })

  it("is held to GitHub's instance's evidence when checked against it: a signed timestamp, which it does not carry", () => {
    expect(verifyTrust(bundleFromJSON(fixture), [trustRootOf('github', publicGoodRoot)])).toEqual({
      reason: "it has no signed timestamp, which GitHub's Sigstore instance requires"
    })
  })

  it('does not count for an image: its statement is about an npm package (sha512), not an image digest', async () => {
    const outcome = await verifyBundle(
      fixture,
      { digest: `sha256:${'a'.repeat(64)}`, manifest: Buffer.from('{}') },
      {
        signer: { kind: 'exact', san: 'brian@dehamer.com' },
        issuer: 'https://github.com/login/oauth',
        trust: { kind: 'file', roots: [trustRootOf('public-good', publicGoodRoot)] }
      }
    )
    expect(outcome).toEqual({ ok: false, step: 'digest', reason: 'its statement is about no sha256 digest, another image' })
  })
})
