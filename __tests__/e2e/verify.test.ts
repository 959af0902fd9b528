// End to end: verify-signer through the bundle, with real bundles: @sigstore/sign against @sigstore/mock's
// Fulcio, Rekor and timestamp authority on 127.0.0.1, the trusted_root.json that trusts them given as
// trusted-root, and the bundles pushed to the fake ECR as referrers (downloaded through
// GetDownloadUrlForLayer's presigned URL). Each check that can fail, one per test.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { ociManifest, referrerManifest, sha256Digest } from '../../testkit/manifests.js'
import { sendJson } from '../../testkit/fake-ecr/index.js'
import { EVIDENCE } from '../../testkit/demo-data.js'
import { attachBundle, signBundles, statement } from '../../testkit/bundles.js'
import { closedPort, listenOnLoopback } from '../../testkit/loopback.js'
import { createServer as createNetServer } from 'node:net'
import { expectCleanFailure, json, NODES, useHarness } from './harness.js'

const WORKFLOW = 'acme/app/.github/workflows/release.yml'
const SAN = `https://github.com/${WORKFLOW}@refs/heads/main`
const IN_TOTO = 'application/vnd.in-toto+json'
const SLSA = 'https://slsa.dev/provenance/v1'

interface ImageOut {
  requested: string
  artifacts?: { kind: string; digest: string; verified?: { signer: string; issuer: string; predicateType?: string; signedAt: string } }[]
}

describe.each(NODES)('verify-signer on $label', ({ path }) => {
  const h = useHarness(path)
  let trustedRoot = ''
  let roots: { main: object; rogue: object }
  let late: object = {}
  const images: Record<string, string> = {}
  const repository = 'verified'

  beforeAll(() => {
    type Request = Parameters<typeof signBundles>[0][number]
    const provenance = (digest: string, options: Partial<Request> = {}): Request => ({
      data: statement(digest),
      payloadType: IN_TOTO,
      san: SAN,
      ...options
    })
    // Each image, and the bundles (sign requests) made for its manifest and digest.
    const plan: [string, (manifest: Buffer, digest: string) => Request[]][] = [
      ['cosign', (manifest) => [{ data: manifest, san: SAN }]],
      ['provenance', (_, digest) => [provenance(digest)]],
      ['timestamped', (_, digest) => [provenance(digest, { log: false })]],
      ['wrong-signer', (_, digest) => [provenance(digest, { san: `${SAN}-evil` })]],
      ['wrong-issuer', (_, digest) => [provenance(digest, { issuer: 'https://accounts.example.com' })]],
      ['other-image', () => [provenance(sha256Digest('another image'))]],
      ['untrusted-ca', (_, digest) => [provenance(digest, { rogueCertificate: true })]],
      ['untrusted-time', (_, digest) => [provenance(digest, { instance: 'rogue', log: false })]],
      ['no-time', (_, digest) => [provenance(digest, { log: false, timestamp: false })]],
      ['tampered', (_, digest) => [provenance(digest, { log: false })]],
      ['swapped', (_, digest) => [provenance(digest), provenance(digest)]],
      ['notation', (_, digest) => [provenance(digest)]],
      ['mixed', (_, digest) => [provenance(digest, { san: `${SAN}-evil` }), provenance(digest)]],
      ['declared-large', (_, digest) => [provenance(digest)]],
      ['reusable', (_, digest) => [provenance(digest, { claims: { repository: 'evil/fork' } })]],
      ['lying', (_, digest) => [provenance(digest)]],
      ['flood', (_, digest) => [provenance(digest)]],
      ['junk', (_, digest) => [provenance(digest)]],
      ['late', (manifest) => [{ data: manifest, san: SAN }]],
      ['null-statement', (_, digest) => [provenance(digest)]],
      ['bad-certificate', (_, digest) => [provenance(digest)]],
      ['checkpoint', (_, digest) => [provenance(digest)]],
      ['swollen-certificate', (_, digest) => [provenance(digest)]],
      ['none', () => []]
    ]
    const requests = plan.map(([tag, sign]) => {
      const manifest = ociManifest(`verify-${tag}`)
      // 'lying': the registry holds other bytes under the signed manifest's digest.
      images[tag] =
        tag === 'lying'
          ? h.fake.putImage({ repository, tags: [tag], manifest: ociManifest('verify-lying-other'), digest: sha256Digest(manifest) })
          : h.fake.putImage({ repository, tags: [tag], manifest })
      return sign(Buffer.from(manifest), images[tag] ?? '')
    })
    const signed = signBundles(requests.flat())
    const dir = mkdtempSync(join(tmpdir(), 'verify-e2e-'))
    trustedRoot = join(dir, 'trusted_root.json')
    writeFileSync(trustedRoot, JSON.stringify(signed.trustedRoots.main))
    roots = signed.trustedRoots
    let next = 0
    plan.forEach(([tag], index) => {
      const made = signed.bundles.slice(next, next + (requests[index]?.length ?? 0))
      next += made.length
      const subject = images[tag] ?? ''
      if (tag === 'tampered') {
        // The statement changed after signing (its subject still this image): the signature no longer matches.
        const bundle = made[0] as { dsseEnvelope: { payload: string } }
        const changed = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as { predicate: object }
        changed.predicate = { buildDefinition: { buildType: 'https://evil.example/anything-goes' } }
        bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(changed)).toString('base64')
      }
      if (tag === 'flood') {
        // More log entries than a bundle carries (the verifier's duplicate check is quadratic in them).
        const bundle = made[0] as { verificationMaterial: { tlogEntries: object[] } }
        const [entry] = bundle.verificationMaterial.tlogEntries
        bundle.verificationMaterial.tlogEntries = Array.from({ length: 9 }, (_, index) => ({ ...entry, logIndex: String(index) }))
      }
      if (tag === 'junk')
        // Beside the genuine bundle, a referrer whose blob is 11 MiB (its manifest says a few bytes).
        attachBundle(h.fake, { repository, subject, bundle: { junk: 1 }, blob: Buffer.alloc(11 * 1024 * 1024, 0x20) })
      if (tag === 'late') {
        // Only a Notation signature for now; the Sigstore signature comes while the gate waits.
        late = made[0] as object
        h.fake.putImage({ repository, manifest: referrerManifest({ subject, artifactType: EVIDENCE.notation, seed: 'late' }) })
        return
      }
      if (tag === 'null-statement') {
        // Beside the genuine bundle, a copy whose statement is `null` (no signature needed to push it).
        const copy = structuredClone(made[0]) as { dsseEnvelope: { payload: string } }
        copy.dsseEnvelope.payload = Buffer.from('null').toString('base64')
        attachBundle(h.fake, { repository, subject, bundle: copy })
      }
      if (tag === 'bad-certificate')
        // A certificate of two bytes (DER `30 00`): it parses, and has nothing in it.
        (made[0] as { verificationMaterial: { certificate: object } }).verificationMaterial.certificate = { rawBytes: 'MAA=' }
      if (tag === 'swollen-certificate')
        // 40 KiB where Fulcio's certificates are 1 to 3 KiB (the verifier re-encodes them in quadratic time).
        (made[0] as { verificationMaterial: { certificate: { rawBytes: string } } }).verificationMaterial.certificate.rawBytes =
          Buffer.alloc(40 * 1024, 0x30).toString('base64')
      if (tag === 'checkpoint') {
        // A checkpoint swollen with signature lines (the verifier tries each).
        const entry = (made[0] as { verificationMaterial: { tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[] } })
          .verificationMaterial.tlogEntries[0]
        if (entry) entry.inclusionProof.checkpoint.envelope += '\u2014 x AAAA\n'.repeat(2000)
      }
      if (tag === 'swapped') {
        // A blob whose bytes are another (genuine) bundle: not the layer's digest.
        attachBundle(h.fake, { repository, subject, bundle: made[0] as object, blob: Buffer.from(JSON.stringify(made[1])) })
        return
      }
      for (const bundle of made)
        attachBundle(h.fake, { repository, subject, bundle, ...(tag === 'declared-large' && { layerSize: 11 * 1024 * 1024 }) })
    })
    // Beside the signed provenance, a Notation signature (which cannot be verified here).
    h.fake.putImage({ repository, manifest: referrerManifest({ subject: images.notation ?? '', artifactType: EVIDENCE.notation }) })
  }, 60_000)
  const run = (inputs: Record<string, string>, env: Record<string, string | undefined> = {}) =>
    h.run({ 'verify-signer': WORKFLOW, 'trusted-root': trustedRoot, ...inputs }, env)
  /** `verified:a verified:b` for tags a and b. */
  const of = (...tags: string[]): string => tags.map((tag) => `${repository}:${tag}`).join(' ')

  it('passes a cosign-style message signature and a GitHub-style provenance attestation, saying who signed', async () => {
    const result = await run({ images: of('cosign', 'provenance') })
    expect(result.code).toBe(0)
    const out = json<ImageOut[]>(result, 'images')
    expect(out.map((entry) => entry.artifacts?.map((artifact) => [artifact.kind, artifact.verified?.signer]))).toEqual([
      [['signature', SAN]],
      [['provenance', SAN]]
    ])
    expect(out[1]?.artifacts?.[0]?.verified).toEqual({
      signer: SAN,
      issuer: 'https://token.actions.githubusercontent.com',
      predicateType: SLSA,
      signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
    })
    expect(result.summary).toContain(`✅ found (provenance), signed by \`${SAN}\``)
    expect(result.stdout).toMatch(
      new RegExp(`\\n2 of 2 images found, verified as signed by ${WORKFLOW.replace(/\./g, '\\.')} at any ref\\.\\n$`)
    )
    // The presigned URL is fetched as ECR gave it, without credentials.
    const downloads = h.fake.requestsFor('S3GetObject')
    expect(downloads).toHaveLength(2)
    for (const download of downloads) expect(download.body.authorization).toBeUndefined()
  })

  it('passes a bundle with a signed timestamp and no log entry (as GitHub signs private repositories)', async () => {
    const result = await run({ images: of('timestamped'), 'verify-signer': `${WORKFLOW}@refs/heads/main` })
    expect(result.code).toBe(0)
    expect(json<ImageOut[]>(result, 'images')[0]?.artifacts?.[0]?.verified?.signer).toBe(SAN)
  })

  it.each([
    ['wrong-signer', `it was signed by ${SAN}-evil, not ${WORKFLOW}@refs/heads/main`, `${WORKFLOW}@refs/heads/main`],
    ['wrong-issuer', "its certificate's issuer is https://accounts.example.com, not https://token.actions.githubusercontent.com", WORKFLOW],
    ['other-image', `its statement is about ${sha256Digest('another image')}, another image`, WORKFLOW],
    ['untrusted-ca', 'its certificate is not from a CA the trusted-root input trusts', WORKFLOW],
    ['untrusted-time', 'it has no valid log entry or signed timestamp that the trusted-root input trusts', WORKFLOW],
    ['no-time', 'it has no valid log entry or signed timestamp that the trusted-root input trusts', WORKFLOW],
    ['tampered', 'its signature does not match what it signs: the bundle was tampered with', WORKFLOW],
    [
      'swapped',
      'the bundle downloaded for layer sha256:[0-9a-f]{64} hashes to sha256:[0-9a-f]{64}: it was changed in storage or on the way \\(tampered\\)',
      WORKFLOW
    ]
  ])('fails %s as SignatureNotVerified, naming the check', async (tag, reason, signer) => {
    const result = await run({ images: of(tag), 'verify-signer': signer })
    expectCleanFailure(
      result,
      new RegExp(
        `^::error title=Image SignatureNotVerified::verified:${tag}: SignatureNotVerified: no Sigstore bundle of ${images[tag]} verifies for .+ \\(1 bundle checked\\); the closest, sha256:[0-9a-f]{64}: ${reason.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '[' || c === ']' || c === '{' || c === '}' || c === '\\' || c === '(' || c === ')' || c === '?' ? c : `\\${c}`))}`
      )
    )
    expect(json(result, 'failures')).toEqual([expect.objectContaining({ failureCode: 'SignatureNotVerified' })])
  })

  it('passes an image with one bundle that verifies beside one that does not, and warns of the other', async () => {
    const result = await run({ images: of('mixed'), 'verify-signer': `${WORKFLOW}@refs/heads/main` })
    expect(result.code).toBe(0)
    expect(json<ImageOut[]>(result, 'images')[0]?.artifacts).toHaveLength(1)
    expect(result.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::warning title=Sigstore bundle not verified::verified:mixed: 1 of 2 Sigstore bundles of ${images.mixed} did not verify for .+ \\(the image passes on the others\\); the closest, sha256:[0-9a-f]{64}: it was signed by ${SAN.replace(/[./]/g, '\\$&')}-evil, not`
        )
      )
    ])
  })

  it('does not download a bundle whose manifest declares more than 10 MiB', async () => {
    const result = await run({ images: of('declared-large') })
    expectCleanFailure(result, /sha256:[0-9a-f]{64}: its bundle is 11\.0 MiB, more than the limit of 10\.0 MiB$/)
    expect(h.fake.requestsFor('S3GetObject')).toEqual([])
  })

  it('stops reading a download past 10 MiB, whatever the manifest declared', async () => {
    h.fake.misbehave(
      Infinity,
      ({ res }) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        res.end(Buffer.alloc(11 * 1024 * 1024, 0x20))
      },
      'S3GetObject'
    )
    const result = await run({ images: of('provenance') })
    expectCleanFailure(
      result,
      /: its bundle is larger than the limit of 10\.0 MiB \(127\.0\.0\.1:\d+ sent more than the limit of 10\.0 MiB\)$/
    )
  })

  it('retries a download that failed (HTTP 503), with the same attempts as every ECR call', async () => {
    h.fake.misbehave(1, ({ res }) => void res.writeHead(503).end('slow down'), 'S3GetObject')
    const result = await run({ images: of('provenance'), 'retry-max-attempts': '3' })
    expect(result.code).toBe(0)
    expect(h.fake.requestsFor('S3GetObject')).toHaveLength(2)
    expect(result.stdout).toMatch(/GET 127\.0\.0\.1:\d+ failed \(attempt 1 of 3\): answered HTTP 503/)
    // The presigned URL's signature never reaches the log.
    expect(result.stdout).not.toMatch(/X-Amz-Signature/)
  })

  it("gives up on a download that never answers within each attempt's budget, in one sentence", async () => {
    h.fake.stall(Infinity, 'S3GetObject')
    const result = await run({ images: of('provenance'), timeout: '4s', 'retry-max-attempts': '2' })
    expectCleanFailure(
      result,
      /The Sigstore bundle sha256:[0-9a-f]{64} of verified:provenance could not be downloaded from the URL ECR gave: 127\.0\.0\.1:\d+ did not answer in full within the attempt's budget of [\d.]+m?s \(2 attempts\)\. The runner must reach ECR's layer storage/
    )
  })

  it('does not follow a redirect from the download URL', async () => {
    h.fake.misbehave(Infinity, ({ res }) => void res.writeHead(307, { location: 'https://elsewhere.example/bundle' }).end(), 'S3GetObject')
    const result = await run({ images: of('provenance') })
    expectCleanFailure(result, /answered HTTP 307, a redirect to https:\/\/elsewhere\.example\/bundle, which is not followed/)
  })

  it('refuses a reusable workflow called from another repository, unless verify-source-repository allows it', async () => {
    const result = await run({ images: of('reusable') })
    expectCleanFailure(
      result,
      /: it was signed in a run of evil\/fork, not acme\/app \(a reusable workflow called from another repository\): verify-source-repository names/
    )
    expect((await run({ images: of('reusable'), 'verify-source-repository': 'evil/fork' })).code).toBe(0)
    expect((await run({ images: of('reusable'), 'verify-source-repository': '*' })).code).toBe(0)
    expect((await run({ images: of('provenance'), 'verify-source-repository': 'evil/fork' })).code).toBe(1)
  })

  it('keeps the source-repository check when verify-signer is the workflow SAN written whole', async () => {
    const result = await run({ images: of('reusable'), 'verify-signer': SAN })
    expectCleanFailure(result, /: it was signed in a run of evil\/fork, not acme\/app/)
  })

  it('passes on the genuine bundle beside one whose statement is null, and warns of that one', async () => {
    const result = await run({ images: of('null-statement') })
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([expect.stringMatching(/its in-toto statement is not an object$/)])
  })

  it('fails a bundle whose certificate has nothing in it as that bundle, not the run (with the default roots too)', async () => {
    expectCleanFailure(await run({ images: of('bad-certificate') }), /SignatureNotVerified: .*: its certificate is not from a CA/)
    // Without trusted-root, the instance is chosen by the certificate's issuer, which it does not have.
    const closed = `http://127.0.0.1:${await closedPort()}`
    const result = await run({ images: of('bad-certificate'), 'trusted-root': '', 'http-proxy': closed }, { NO_PROXY: '127.0.0.1' })
    expectCleanFailure(result, /SignatureNotVerified: .*: it could not be read \(.+\)$/)
  })

  it('refuses a log entry whose checkpoint is larger than any log writes, before the verifier', async () => {
    const result = await run({ images: of('checkpoint') })
    expectCleanFailure(
      result,
      /: its transparency-log entry's inclusion proof is larger than any log's \(a checkpoint of \d+ characters\)$/
    )
  })

  it('refuses a manifest that does not hash to its digest, whatever verify-digest says', async () => {
    const result = await run({ images: of('lying'), 'verify-digest': 'false' })
    expectCleanFailure(
      result,
      new RegExp(
        `SignatureNotVerified: the manifest ECR returned for ${images.lying} hashes to sha256:[0-9a-f]{64}, so no signature of the digest vouches for it`
      )
    )
  })

  it('refuses a bundle that carries more log entries than a bundle does, before the verifier', async () => {
    const result = await run({ images: of('flood') })
    expectCleanFailure(result, /: it has 9 transparency-log entries, more than the 8 a bundle may carry here$/)
  })

  it('passes an image whose genuine bundle sits beside one too large to read, and warns of that one', async () => {
    const result = await run({ images: of('junk') })
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([expect.stringMatching(/1 of 2 Sigstore bundles .* its bundle is larger than the limit of 10\.0 MiB/)])
  })

  it.each([
    ['http://user:secret@127.0.0.1:1/bundle', "its download URL carries credentials, which ECR's presigned URLs never do"],
    ['http://layers.example.com/bundle', 'its download URL is not https \\(http://layers\\.example\\.com\\)'],
    ['file:///etc/passwd', 'its download URL is not https \\(file://\\)']
  ])('does not fetch the download URL %s', async (downloadUrl, reason) => {
    h.fake.misbehave(
      Infinity,
      ({ res, request }) => sendJson(res, 200, { downloadUrl, layerDigest: request.body.layerDigest }),
      'GetDownloadUrlForLayer'
    )
    const result = await run({ images: of('provenance') })
    expectCleanFailure(result, new RegExp(`: ${reason}$`))
    expect(h.fake.requestsFor('S3GetObject')).toEqual([])
  })

  it('waits for a Sigstore signature while the image has only a Notation one (ArtifactMissing asks again)', async () => {
    const attach = setTimeout(() => attachBundle(h.fake, { repository, subject: images.late ?? '', bundle: late }), 1500)
    try {
      const result = await run({ images: of('late'), 'require-artifacts': 'signature', 'wait-timeout': '20s', 'wait-interval': '1s' })
      expect(result.code).toBe(0)
      expect(json<ImageOut[]>(result, 'images')[0]?.artifacts).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'signature', verified: expect.objectContaining({ signer: SAN }) })])
      )
    } finally {
      clearTimeout(attach)
    }
  })

  it("holds a trusted-root copy of Sigstore's public-good root to that instance's evidence (a log entry)", async () => {
    const publicGood = structuredClone(roots.main) as { certificateAuthorities: { subject: { organization: string } }[] }
    for (const authority of publicGood.certificateAuthorities) authority.subject.organization = 'sigstore.dev'
    const file = join(mkdtempSync(join(tmpdir(), 'verify-e2e-')), 'trusted_root.jsonl')
    writeFileSync(file, `${JSON.stringify(publicGood)}\n`)
    const result = await run({ images: of('timestamped'), 'trusted-root': file })
    expectCleanFailure(result, /it has no valid transparency-log entry of the trusted-root input \(Sigstore's public-good instance\)/)
    expect((await run({ images: of('provenance'), 'trusted-root': file })).code).toBe(0)
  })

  it('warns at the start when fail-on does not list SignatureNotVerified', async () => {
    const result = await run({ images: of('wrong-signer'), 'verify-signer': `${WORKFLOW}@refs/heads/main`, 'fail-on': 'ImageNotFound' })
    expect(result.code).toBe(0)
    expect(result.outputs.found).toBe('false')
    expect(result.warnings[0]).toMatch(
      /^::warning title=verify-signer does not gate::verify-signer is set, but fail-on \(ImageNotFound\) does not list SignatureNotVerified/
    )
  })

  it('fails an image with no bundle as ArtifactMissing (waiting asks again)', async () => {
    const result = await run({ images: of('none') })
    expectCleanFailure(
      result,
      new RegExp(`ArtifactMissing: ${images.none} has no active Sigstore bundle \\(a signature or attestation\\) to verify for`)
    )
  })

  it('with require-artifacts: each kind needs a bundle that verifies; a Notation signature is not one', async () => {
    const attested = await run({ images: of('notation'), 'require-artifacts': 'provenance' })
    expect(attested.code).toBe(0)
    expect(json<ImageOut[]>(attested, 'images')[0]?.artifacts).toEqual([
      expect.objectContaining({ kind: 'provenance', verified: expect.objectContaining({ signer: SAN, predicateType: SLSA }) })
    ])
    const signed = await run({ images: of('notation'), 'require-artifacts': 'signature' })
    expectCleanFailure(
      signed,
      new RegExp(
        `ArtifactMissing: ${images.notation} has no Sigstore bundle for its signature \\(only application/vnd\\.cncf\\.notary\\.signature, which carries no Sigstore signature\\)`
      )
    )
  })

  it('says in one sentence that a TUF repository cannot be reached, naming trusted-root as the way out', async () => {
    const port = await closedPort()
    const result = await h.run(
      { images: of('provenance'), 'verify-signer': WORKFLOW, 'http-proxy': `http://127.0.0.1:${port}` },
      { NO_PROXY: '127.0.0.1' }
    )
    expectCleanFailure(
      result,
      /The trusted root of Sigstore's public-good instance could not be read through TUF from https:\/\/tuf-repo-cdn\.sigstore\.dev: .+\. Let the runner reach tuf-repo-cdn\.sigstore\.dev \(through http-proxy if it needs one\), or give trusted-root/
    )
  })

  it('takes several trusted roots, one per line, as gh attestation trusted-root writes them', async () => {
    const lines = join(mkdtempSync(join(tmpdir(), 'verify-e2e-')), 'trusted_root.jsonl')
    writeFileSync(lines, `${JSON.stringify(roots.rogue)}\n${JSON.stringify(roots.main)}\n`)
    const result = await run({ images: of('provenance'), 'trusted-root': lines })
    expect(result.code).toBe(0)
  })

  it("ends a TUF fetch through a proxy that never answers CONNECT at each attempt's budget, in one sentence", async () => {
    const silent = createNetServer(() => undefined)
    const { port, close } = await listenOnLoopback(silent)
    try {
      const result = await h.run(
        {
          images: of('provenance'),
          'verify-signer': WORKFLOW,
          'http-proxy': `http://127.0.0.1:${port}`,
          'retry-max-attempts': '2',
          timeout: '20s'
        },
        { NO_PROXY: '127.0.0.1' }
      )
      expectCleanFailure(
        result,
        /could not be read through TUF from https:\/\/tuf-repo-cdn\.sigstore\.dev: tuf-repo-cdn\.sigstore\.dev did not answer in full within the attempt's budget of [\d.]+m?s \(2 attempts\)/
      )
    } finally {
      await close()
    }
  })

  it('ends at the deadline during a TUF fetch like any timeout, with its outputs', async () => {
    // A proxy that opens the tunnel, then never says anything.
    const tunnel = createNetServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 Connection established\r\n\r\n'))
    })
    const { port, close } = await listenOnLoopback(tunnel)
    try {
      const result = await h.run(
        {
          images: of('provenance'),
          'verify-signer': WORKFLOW,
          'http-proxy': `http://127.0.0.1:${port}`,
          'retry-max-attempts': '20',
          timeout: '3s'
        },
        { NO_PROXY: '127.0.0.1' }
      )
      expectCleanFailure(
        result,
        /^::error::Timed out: the step's timeout of 3s passed \(raise the timeout input\); still pending: verified:provenance\.$/
      )
      expect(result.outputs.failures).toBeDefined()
    } finally {
      await close()
    }
  })

  it('ends at the deadline during a bundle download like any timeout, with its outputs', async () => {
    h.fake.stall(Infinity, 'S3GetObject')
    const result = await run({ images: of('provenance'), 'retry-max-attempts': '20', timeout: '2s' })
    expectCleanFailure(
      result,
      /^::error::Timed out: the step's timeout of 2s passed \(raise the timeout input\); still pending: verified:provenance\.$/
    )
  })

  it('refuses a certificate larger than any Sigstore instance makes, before the verifier', async () => {
    const result = await run({ images: of('swollen-certificate') })
    expectCleanFailure(result, /: it holds a certificate of 40 KiB, more than the 32 KiB any Sigstore instance makes$/)
  })

  it('refuses a trusted-root that cannot be used before any call', async () => {
    const result = await run({ images: of('provenance'), 'trusted-root': '/nonexistent/trusted_root.json' })
    expectCleanFailure(result, /trusted-root: \/nonexistent\/trusted_root\.json cannot be read \(ENOENT\)/)
    expect(h.fake.requests).toEqual([])
  })

  it('says which permission a role without ecr:GetDownloadUrlForLayer needs', async () => {
    h.fake.deniedLayers.add(repository)
    try {
      const result = await run({ images: of('provenance') })
      expectCleanFailure(result, /verify-signer needs the IAM permission ecr:GetDownloadUrlForLayer/)
    } finally {
      h.fake.deniedLayers.delete(repository)
    }
  })
})
