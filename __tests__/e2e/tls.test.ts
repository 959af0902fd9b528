// End to end: the fake ECR over HTTPS with a certificate made for the run. Untrusted, the step names
// the host and points at NODE_EXTRA_CA_CERTS; trusted through NODE_EXTRA_CA_CERTS, the lookup works.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeEcr } from '../../testkit/fake-ecr/index.js'
import { seedDemo } from '../../testkit/demo-data.js'
import { runAction } from '../../testkit/run-action.js'
import { createCertificate } from '../../testkit/tls.js'
import { expectCleanFailure, NODES } from './harness.js'

describe.each(NODES)('TLS on $label', ({ path }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'))
  const certificate = createCertificate(dir)
  const fake = new FakeEcr({ tls: certificate })
  const digests = seedDemo(fake)
  let endpoint = ''
  beforeAll(async () => {
    endpoint = await fake.start()
  })
  afterAll(async () => {
    await fake.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('names the host and NODE_EXTRA_CA_CERTS for a certificate Node does not trust, without retrying', async () => {
    const run = await runAction({ inputs: { images: 'app:v1' }, endpoint, node: path })
    expectCleanFailure(
      run,
      /^::error::The TLS certificate of 127\.0\.0\.1 is not trusted: it is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. If a private CA or a TLS-inspecting proxy signs it, give Node its CA certificate with NODE_EXTRA_CA_CERTS \(the path of a PEM file\); otherwise check AWS_ENDPOINT_URL_ECR\.$/
    )
  })

  it('looks up over HTTPS once NODE_EXTRA_CA_CERTS trusts the certificate', async () => {
    const run = await runAction({ inputs: { images: 'app:v1' }, endpoint, node: path, env: { NODE_EXTRA_CA_CERTS: certificate.certFile } })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(digests.v1)
  })
})
