// What the verify stage fetches, and what it does not: the download URLs it refuses, the endpoints that
// allow plain http to loopback (an emulator), and the step's deadline while a trusted root is fetched.
// (A proxy that never answers CONNECT is an end-to-end test: jest cannot load the proxy agents.)
import { describe, expect, it } from '@jest/globals'
import { DeadlineError } from '../../../src/deadline.js'
import { verifyBundle } from '../../../src/verify/bundle.js'
import { allowsPlainLoopback, refuseDownload } from '../../../src/verify/check.js'

const LAYER = `sha256:${'a'.repeat(64)}`

describe('allowsPlainLoopback', () => {
  it.each([
    [{ AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4566' }, true],
    [{ AWS_ENDPOINT_URL: 'http://localhost:4566/' }, true],
    [{ AWS_ENDPOINT_URL_ECR: 'http://[::1]:4566' }, true],
    [{ AWS_ENDPOINT_URL_ECR: 'https://127.0.0.1:4566' }, false],
    [{ AWS_ENDPOINT_URL_ECR: 'http://ecr.internal:4566' }, false],
    [{ AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:1@evil.example' }, false],
    [{ AWS_ENDPOINT_URL_ECR: 'http://user:pw@127.0.0.1:4566' }, false],
    [{ AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4566', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, false],
    [{}, false]
  ])('%j: %s', (env, allowed) => {
    expect(allowsPlainLoopback(env)).toBe(allowed)
  })
})

describe('refuseDownload', () => {
  it.each([
    ['https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/x?X-Amz-Signature=1', false, undefined],
    ['http://127.0.0.1:4566/x', true, undefined],
    ['http://127.0.0.1:4566/x', false, 'its download URL is not https (http://127.0.0.1:4566)'],
    ['http://169.254.169.254/latest/meta-data/', true, 'its download URL is not https (http://169.254.169.254)'],
    ['https://user:pw@s3.amazonaws.com/x', false, "its download URL carries credentials, which ECR's presigned URLs never do"],
    ['not a url', false, 'GetDownloadUrlForLayer gave no download URL']
  ])('%s (plain loopback allowed: %s)', (url, plainLoopback, reason) => {
    expect(refuseDownload(LAYER, url, LAYER, plainLoopback)).toBe(reason)
  })

  it('refuses an answer for another layer', () => {
    expect(refuseDownload(`sha256:${'b'.repeat(64)}`, 'https://s3.amazonaws.com/x', LAYER, false)).toMatch(
      /answered for the layer sha256:b+, not/
    )
  })
})

describe('verifyBundle and the deadline', () => {
  it('lets the deadline through while a trusted root is fetched: the run times out, no bundle fails', async () => {
    const bundle = JSON.parse(
      (await import('node:fs')).readFileSync(new URL('../../fixtures/sigstore/bundleV03-dsse.sigstore', import.meta.url), 'utf8')
    ) as { dsseEnvelope: { payload: string } }
    const digest = `sha256:${'c'.repeat(64)}`
    bundle.dsseEnvelope.payload = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'x', digest: { sha256: 'c'.repeat(64) } }],
        predicateType: 'p'
      })
    ).toString('base64')
    const outcome = verifyBundle(
      bundle,
      { digest, manifest: Buffer.from('{}') },
      {
        signer: { kind: 'exact', san: 'brian@dehamer.com' },
        issuer: 'https://github.com/login/oauth',
        trust: { kind: 'tuf', rootFor: () => Promise.reject(new DeadlineError(3000)) }
      }
    )
    await expect(outcome).rejects.toBeInstanceOf(DeadlineError)
  })
})
