// End to end: require-artifacts through the bundle against the fake ECR's ListImageReferrers and
// DescribeImageSigningStatus: each kind passing and failing, archived evidence, BuildKit attestations,
// cosign v2 tags, waiting until a signature appears, managed signing in progress and failed,
// pagination over 120 referrers, and the errors said in words.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { EVIDENCE, seedEvidence } from '../../testkit/demo-data.js'
import { MEDIA_TYPES, attestationManifest, buildkitIndex, ociManifest, referrerManifest, sha256Digest } from '../../testkit/manifests.js'
import { sendAwsError } from '../../testkit/fake-ecr/index.js'
import { expectCleanFailure, json, NODES, useHarness } from './harness.js'

interface ImageOut {
  requested: string
  artifacts?: { kind: string; artifactType?: string; digest: string; annotations?: Record<string, string> }[]
}

describe.each(NODES)('require-artifacts on $label', ({ path }) => {
  const h = useHarness(path)
  let seeded: ReturnType<typeof seedEvidence>
  beforeEach(() => {
    seeded = seedEvidence(h.fake)
    h.fake.deniedSigningStatus = false
    h.fake.upstreamReferrersFail.clear()
  })
  const referrerCalls = (): number => h.fake.requestsFor('ListImageReferrers').length

  it('passes an image signed (cosign v3 and Notation) and attested (GitHub provenance), listing what counted', async () => {
    const run = await h.run({ images: 'signed:v1', 'require-artifacts': 'signature, provenance' })
    expect(run.code).toBe(0)
    const [image] = json<ImageOut[]>(run, 'images')
    expect(image?.artifacts?.map((artifact) => [artifact.kind, artifact.digest])).toEqual([
      ['signature', seeded.referrers.cosign],
      ['signature', seeded.referrers.notation],
      ['provenance', seeded.referrers.provenance]
    ])
    expect(referrerCalls()).toBe(1)
    expect(h.fake.requestsFor('DescribeImageSigningStatus')).toEqual([])
    expect(run.summary).toContain('✅ found (signature, provenance)')
    expect(run.stdout).toMatch(/\n1 of 1 image found, signed and attested\.\n$/)
  })

  it('fails an SBOM that exists but is archived as ArtifactMissing, saying so', async () => {
    const run = await h.run({ images: 'signed:v1', 'require-artifacts': 'sbom' })
    expectCleanFailure(
      run,
      new RegExp(
        `^::error title=Image ArtifactMissing::signed:v1: ArtifactMissing: ${seeded.v1} has no active sbom: the sbom exists but is archived \\(${seeded.referrers.sbom}\\), which does not count: restore it$`
      )
    )
    expect(json(run, 'failures')).toEqual([expect.objectContaining({ requested: 'signed:v1', failureCode: 'ArtifactMissing' })])
  })

  it('counts BuildKit attestation manifests inside an index as provenance and SBOM, for the platform asked too', async () => {
    const run = await h.run({ images: 'signed:buildkit', 'require-artifacts': 'provenance sbom' })
    expect(run.code).toBe(0)
    expect(json<ImageOut[]>(run, 'images')[0]?.artifacts?.map((artifact) => artifact.kind)).toEqual([
      'provenance',
      'provenance',
      'sbom',
      'sbom'
    ])
    const arm = await h.run({ images: 'signed:buildkit', platform: 'linux/arm64', 'require-artifacts': 'provenance' })
    expect(arm.code).toBe(0)
    expect(json<ImageOut[]>(arm, 'images')[0]?.artifacts).toHaveLength(1)
  })

  it("counts cosign v2's sha256-<hex>.sig tag as a signature, looked up in one batched request", async () => {
    const run = await h.run({ images: 'signed:cosign2 signed:unsigned', 'require-artifacts': 'signature', 'fail-on': 'none' })
    expect(run.code).toBe(0)
    const [image] = json<ImageOut[]>(run, 'images')
    expect(image?.artifacts).toEqual([
      expect.objectContaining({ kind: 'signature', annotations: { tag: `${seeded.cosign2.replace(':', '-')}.sig` } })
    ])
    // One lookup of the two images, then one for both .sig tags.
    expect(h.fake.requestsFor()).toHaveLength(2)
    // Pinned by digest, the .sig tag is asked in the first request itself.
    h.fake.reset()
    const pinned = await h.run({ images: `signed@${seeded.cosign2}`, 'require-artifacts': 'signature' })
    expect(pinned.code).toBe(0)
    expect(h.fake.requestsFor().map((request) => request.body.imageIds)).toEqual([
      [{ imageDigest: seeded.cosign2 }, { imageTag: `${seeded.cosign2.replace(':', '-')}.sig` }]
    ])
  })

  it('waits until a signature appears when waiting (signing runs after the push)', async () => {
    const late = h.fake.putImage({ repository: 'signed', tags: ['late'], manifest: ociManifest('signed-late') })
    let rounds = 0
    h.fake.intercept(({ request }) => {
      if (request.operation === 'ListImageReferrers' && request.body.filter === undefined && ++rounds === 2)
        h.fake.putImage({ repository: 'signed', manifest: referrerManifest({ subject: late, artifactType: EVIDENCE.notation }) })
      return false
    })
    const run = await h.run({
      images: 'signed:late',
      'require-artifacts': 'signature',
      'wait-timeout': '10s',
      'wait-interval': '200ms'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Waiting \d+ms .* for 1 image\(s\) not there yet, or without the artifacts required: signed:late/)
  })

  it('says "signing in progress" while ECR managed signing runs, and SigningFailed with its code and reason when it failed', async () => {
    const profile = 'arn:aws:signer:eu-west-1:123456789012:/signing-profiles/ecr'
    h.fake.setSigningStatus('signed', seeded.unsigned, [{ signingProfileArn: profile, status: 'IN_PROGRESS' }])
    const running = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
    expectCleanFailure(
      running,
      new RegExp(
        `ArtifactMissing: ${seeded.unsigned} has no active signature: signing in progress \\(ECR managed signing, ${profile.replace(/[/:.]/g, '\\$&')}\\)$`
      )
    )
    h.fake.setSigningStatus('signed', seeded.unsigned, [
      { signingProfileArn: profile, status: 'FAILED', failureCode: 'SigningKeyDisabled', failureReason: 'The key is disabled' }
    ])
    const failed = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
    expectCleanFailure(failed, /SigningFailed: ECR managed signing failed for arn:aws:signer:.*: SigningKeyDisabled: The key is disabled$/)
    h.fake.setSigningStatus('signed', seeded.unsigned, [])
    h.fake.deniedSigningStatus = true
    const denied = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
    expectCleanFailure(
      denied,
      /has no active signature: the role may not call ecr:DescribeImageSigningStatus, which would tell whether managed signing is in progress$/
    )
  })

  it('follows nextToken over 120 referrers, 50 a page', async () => {
    const subject = h.fake.putImage({
      repository: 'signed',
      tags: ['crowded'],
      manifest:
        '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,"digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"},"layers":[]}'
    })
    for (let index = 0; index < 119; index++)
      h.fake.putImage({
        repository: 'signed',
        manifest: referrerManifest({ subject, artifactType: `application/vnd.example.note${index}+json` })
      })
    h.fake.putImage({ repository: 'signed', manifest: referrerManifest({ subject, artifactType: EVIDENCE.notation, seed: 'last' }) })
    const run = await h.run({ images: 'signed:crowded', 'require-artifacts': 'signature' })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor('ListImageReferrers').map((request) => request.body.maxResults)).toEqual([50, 50, 50])
  })

  it('says a pull-through cache that cannot list referrers, and an endpoint without the operation, in one sentence', async () => {
    h.fake.upstreamReferrersFail.add('signed')
    const cache = await h.run({ images: 'signed:v1', 'require-artifacts': 'signature' })
    expectCleanFailure(cache, /^::error::The pull-through cache behind 'signed' .* could not list the upstream image's referrers/)
    h.fake.upstreamReferrersFail.clear()
    h.fake.failWith(Infinity, 400, 'UnknownOperationException', '', 'ListImageReferrers')
    const emulator = await h.run({ images: 'signed:v1', 'require-artifacts': 'signature' })
    expectCleanFailure(
      emulator,
      /does not know the operation ListImageReferrers \(UnknownOperationException\): the endpoint is not ECR's, or an emulator that does not implement it/
    )
  })

  it('makes no extra call without the input, and refuses an unknown kind naming the nearest', async () => {
    const plain = await h.run({ images: 'signed:v1' })
    expect(plain.code).toBe(0)
    expect(referrerCalls()).toBe(0)
    h.fake.reset()
    const typo = await h.run({ images: 'signed:v1', 'require-artifacts': 'signatur' })
    expectCleanFailure(typo, /^::error::require-artifacts: 'signatur' is not a kind; did you mean signature\?/)
    expect(h.fake.requestsFor()).toEqual([])
  })

  describe('evidence is never taken on trust', () => {
    const send = (res: import('node:http').ServerResponse, body: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify(body))
    }
    /** The default listing (of `subject`, or of every image) answers with one referrer, called a Notation signature. */
    const listsNotation = (digest: string, status: string, subject?: string): void =>
      void h.fake.intercept(({ request, res }) => {
        if (request.operation !== 'ListImageReferrers' || request.body.filter !== undefined) return false
        if (subject !== undefined && request.body.subjectId?.imageDigest !== subject) return false
        send(res, {
          referrers: [{ digest, mediaType: MEDIA_TYPES.ociManifest, artifactType: EVIDENCE.notation, size: 10, artifactStatus: status }]
        })
        return true
      })

    it('does not count an archived referrer a server lists as active, a forged attestation, or one platform attested of two', async () => {
      listsNotation(seeded.referrers.notation, 'ARCHIVED')
      const archived = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
      expectCleanFailure(archived, /ArtifactMissing: .* has no active signature/)
      h.fake.reset()
      // An attestation whose body the server swaps for one claiming SLSA: its digest does not match.
      const amd64 = ociManifest('forged-amd64')
      const honest = attestationManifest('forged', ['https://example.com/not-provenance'])
      h.fake.putImage({ repository: 'signed', manifest: amd64 })
      h.fake.putImage({ repository: 'signed', manifest: honest })
      h.fake.putImage({
        repository: 'signed',
        tags: ['forged'],
        manifest: buildkitIndex([{ manifest: amd64, platform: { os: 'linux', architecture: 'amd64' } }], [honest])
      })
      h.fake.intercept(({ request, res }) => {
        const ids = request.operation === 'BatchGetImage' ? (request.body.imageIds as { imageDigest?: string }[]) : []
        if (!ids.some((id) => id.imageDigest === sha256Digest(honest))) return false
        send(res, {
          images: [
            {
              registryId: '123456789012',
              repositoryName: 'signed',
              imageId: { imageDigest: sha256Digest(honest) },
              imageManifest: attestationManifest('forged', [EVIDENCE.slsaV1]),
              imageManifestMediaType: MEDIA_TYPES.ociManifest
            }
          ],
          failures: []
        })
        return true
      })
      const forged = await h.run({ images: 'signed:forged', 'require-artifacts': 'provenance' })
      expectCleanFailure(forged, /ArtifactMissing: .* has no active provenance/)
      h.fake.reset()
      // Two platforms, an attestation for one.
      const [x86, arm] = [ociManifest('half-amd64'), ociManifest('half-arm64')]
      const attestation = attestationManifest('half', [EVIDENCE.slsaV02])
      for (const manifest of [x86, arm, attestation]) h.fake.putImage({ repository: 'signed', manifest })
      h.fake.putImage({
        repository: 'signed',
        tags: ['half'],
        manifest: buildkitIndex(
          [
            { manifest: x86, platform: { os: 'linux', architecture: 'amd64' } },
            { manifest: arm, platform: { os: 'linux', architecture: 'arm64' } }
          ],
          [attestation]
        )
      })
      const half = await h.run({ images: 'signed:half', 'require-artifacts': 'provenance' })
      expectCleanFailure(half, /ArtifactMissing: .* has no active provenance/)
      const amd = await h.run({ images: 'signed:half', platform: 'linux/amd64', 'require-artifacts': 'provenance' })
      expect(amd.code).toBe(0)
    })

    it("reads each referrer that would count: another image's signature listed for this one, or a listing that lies about a referrer's type, counts for nothing", async () => {
      // The listing for signed:unsigned names signed:v1's Notation signature.
      listsNotation(seeded.referrers.notation, 'ACTIVE', seeded.unsigned)
      const foreign = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
      expectCleanFailure(foreign, /ArtifactMissing: .* has no active signature/)
      h.fake.reset()
      // signed:v1's archived SBOM referrer, listed as an active Notation signature.
      listsNotation(seeded.referrers.sbom, 'ACTIVE')
      const lying = await h.run({ images: 'signed:v1', 'require-artifacts': 'signature' })
      expectCleanFailure(lying, /ArtifactMissing: .* has no active signature/)
    })

    it('does not count a cosign v2 .sig tag whose manifest does not hash to its digest, by tag or by digest', async () => {
      const image = h.fake.putImage({ repository: 'signed', tags: ['badsig'], manifest: ociManifest('badsig') })
      h.fake.putImage({
        repository: 'signed',
        tags: [`${image.replace(':', '-')}.sig`],
        manifest: ociManifest('badsig-sig'),
        digest: sha256Digest(ociManifest('something-else'))
      })
      const byTag = await h.run({ images: 'signed:badsig', 'require-artifacts': 'signature' })
      expectCleanFailure(byTag, /ArtifactMissing: .* has no active signature/)
      const byDigest = await h.run({ images: `signed@${image}`, 'require-artifacts': 'signature', 'verify-digest': 'false' })
      expectCleanFailure(byDigest, /ArtifactMissing: .* has no active signature/)
    })

    it('ends in one sentence when the batched lookup of .sig tags fails, and when a listing repeats its nextToken', async () => {
      h.fake.intercept(({ request, res }) => {
        const ids = request.operation === 'BatchGetImage' ? (request.body.imageIds as { imageTag?: string }[]) : []
        if (!ids.some((id) => id.imageTag?.endsWith('.sig'))) return false
        sendAwsError(res, 400, 'AccessDeniedException', 'User is not authorized to perform: ecr:BatchGetImage')
        return true
      })
      const denied = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature', 'fail-on': 'none' })
      expectCleanFailure(denied, /^::error::Access denied looking up images in 'signed'/)
      h.fake.reset()
      h.fake.intercept(({ request, res }) => {
        if (request.operation !== 'ListImageReferrers') return false
        send(res, { referrers: [], nextToken: 'same' })
        return true
      })
      const looping = await h.run({ images: 'signed:unsigned', 'require-artifacts': 'signature' })
      expectCleanFailure(looping, /ListImageReferrers sent the same nextToken twice, so its listing would never end/)
      expect(h.fake.requestsFor('ListImageReferrers')).toHaveLength(2)
    })

    it('lists at most 10 pieces of evidence per kind, counting the rest, and stops listing once every kind is met', async () => {
      const crowded = h.fake.putImage({ repository: 'signed', tags: ['crowd'], manifest: ociManifest('crowd') })
      for (let index = 0; index < 130; index++)
        h.fake.putImage({
          repository: 'signed',
          manifest: referrerManifest({ subject: crowded, artifactType: EVIDENCE.notation, seed: `n${index}` })
        })
      const run = await h.run({ images: 'signed:crowd', 'require-artifacts': 'signature' })
      expect(run.code).toBe(0)
      const artifacts = json<ImageOut[]>(run, 'images')[0]?.artifacts ?? []
      expect(artifacts).toHaveLength(11)
      expect(artifacts.at(-1)).toEqual({ kind: 'signature', digest: '', omitted: 40 })
      expect(h.fake.requestsFor('ListImageReferrers')).toHaveLength(1)
    })
  })
})
