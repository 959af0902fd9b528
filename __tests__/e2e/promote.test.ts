// End to end: promote-tags through the bundle against the fake ECR, which answers PutImage as ECR
// documents it: the exact bytes by digest, one read of every tag before any write, conflicts that
// write nothing, moves after creates, reruns that write nothing, every PutImage answer in one
// sentence, and a gate that fails writing nothing.
import { describe, expect, it } from '@jest/globals'
import { FAKE_ACCOUNT_ID, sendAwsError } from '../../testkit/fake-ecr/index.js'
import { MEDIA_TYPES, imageIndex, ociManifest, sha256Digest } from '../../testkit/manifests.js'
import type { ActionRun } from '../../testkit/run-action.js'
import { STACK_TRACE, json, NODES, useHarness } from './harness.js'

interface Promoted {
  repository: string
  registryId: string | null
  tag: string
  digest: string
  previousDigest: string | null
  result: string
  error?: string
}

/** A failing promotion: exit 1, exactly one ::error (the promotion's sentence), no stack trace, outputs written. */
function expectPromotionFailure(run: ActionRun, message: RegExp): void {
  expect(run.timedOut).toBe(false)
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]?.replace(/^::error::/, '')).toMatch(message)
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
  expect(run.outputs.found).toBe('true')
}

const results = (run: ActionRun): string[] =>
  json<Promoted[]>(run, 'promoted').map(
    (entry) => `${entry.repository}:${entry.tag} ${entry.result}${entry.error ? ` ${entry.error}` : ''}`
  )

describe.each(NODES)('promote-tags on $label', ({ path }) => {
  const h = useHarness(path)
  /** A repository with one built image tagged sha-1; returns its digest and manifest. */
  const build = (repository: string, options: Parameters<typeof h.fake.createRepository>[1] = {}) => {
    h.fake.createRepository(repository, options)
    const manifest = ociManifest(`${repository}-build`)
    return { digest: h.fake.putImage({ repository, tags: ['sha-1'], manifest }), manifest }
  }
  const other = (repository: string, tags: string[]) => h.fake.putImage({ repository, tags, manifest: ociManifest(`${repository}-other`) })
  const puts = () => h.fake.requestsFor('PutImage')

  it('tags every found image by digest with the exact manifest, reading every tag first; a rerun writes nothing', async () => {
    const api = build('rel/api')
    const worker = build('rel/worker')
    const inputs = { images: 'rel/api:sha-1\nrel/worker:sha-1', 'promote-tags': 'v1.4.0, prod' }
    const run = await h.run(inputs)
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs['promote-result']).toBe('success')
    expect(json<Promoted[]>(run, 'promoted')).toEqual([
      { repository: 'rel/api', registryId: FAKE_ACCOUNT_ID, tag: 'v1.4.0', digest: api.digest, previousDigest: null, result: 'created' },
      { repository: 'rel/api', registryId: FAKE_ACCOUNT_ID, tag: 'prod', digest: api.digest, previousDigest: null, result: 'created' },
      {
        repository: 'rel/worker',
        registryId: FAKE_ACCOUNT_ID,
        tag: 'v1.4.0',
        digest: worker.digest,
        previousDigest: null,
        result: 'created'
      },
      { repository: 'rel/worker', registryId: FAKE_ACCOUNT_ID, tag: 'prod', digest: worker.digest, previousDigest: null, result: 'created' }
    ])
    // The lookup (one request per repository), then one read of every tag, then the writes.
    expect(h.fake.requests.map((request) => request.operation)).toEqual([
      'BatchGetImage',
      'BatchGetImage',
      'BatchGetImage',
      'BatchGetImage',
      'PutImage',
      'PutImage',
      'PutImage',
      'PutImage'
    ])
    expect(
      h.fake
        .requestsFor()
        .slice(2)
        .map((request) => request.body.imageIds)
    ).toEqual([
      [{ imageTag: 'v1.4.0' }, { imageTag: 'prod' }],
      [{ imageTag: 'v1.4.0' }, { imageTag: 'prod' }]
    ])
    expect(puts()[0]?.body).toEqual({
      repositoryName: 'rel/api',
      imageManifest: api.manifest,
      imageManifestMediaType: MEDIA_TYPES.ociManifest,
      imageTag: 'v1.4.0',
      imageDigest: api.digest
    })
    expect(h.fake.tagDigest('rel/worker', 'prod')).toBe(worker.digest)
    expect(run.stdout).toContain(`✔ Promoted rel/api:v1.4.0 → ${api.digest} (created)`)
    expect(run.summary).toContain('#### Promotion: success')
    expect(run.summary).toContain('| `rel/worker:prod` | ✅ created |')

    h.fake.reset()
    const rerun = await h.run(inputs)
    expect(rerun.code).toBe(0)
    expect(puts()).toHaveLength(0)
    expect(rerun.outputs['promote-result']).toBe('success')
    expect(results(rerun)).toEqual([
      'rel/api:v1.4.0 unchanged',
      'rel/api:prod unchanged',
      'rel/worker:v1.4.0 unchanged',
      'rel/worker:prod unchanged'
    ])
  })

  it('sends imageManifestMediaType for a manifest without a mediaType field (ECR answers "Invalid JSON syntax" without it)', async () => {
    const manifest = JSON.stringify({ schemaVersion: 2, ...JSON.parse(ociManifest('bare')), mediaType: undefined })
    const digest = h.fake.putImage({ repository: 'rel/bare', tags: ['sha-1'], manifest, mediaType: MEDIA_TYPES.ociManifest })
    const run = await h.run({ images: 'rel/bare:sha-1', 'promote-tags': 'v1' })
    expect(run.code).toBe(0)
    expect(puts()[0]?.body).toMatchObject({ imageManifest: manifest, imageManifestMediaType: MEDIA_TYPES.ociManifest, imageDigest: digest })
    expect(h.fake.tagDigest('rel/bare', 'v1')).toBe(digest)
  })

  it('under promote-overwrite never, a tag on another image fails the step before any write', async () => {
    build('rel/never')
    const elsewhere = other('rel/never', ['prod'])
    const run = await h.run({ images: 'rel/never:sha-1', 'promote-tags': 'v2, prod' })
    expectPromotionFailure(
      run,
      /^Not promoted: rel\/never:prod \(on sha256:\w+, not sha256:\w+\) is already on another image and promote-overwrite is never, so no tag was written\. Set promote-overwrite: always/
    )
    expect(puts()).toHaveLength(0)
    expect(h.fake.tagDigest('rel/never', 'v2')).toBeUndefined()
    expect(h.fake.tagDigest('rel/never', 'prod')).toBe(elsewhere)
    expect(run.outputs['promote-result']).toBe('failed')
    expect(results(run)).toEqual(['rel/never:v2 skipped', 'rel/never:prod failed TagOnAnotherImage'])
    expect(json<Promoted[]>(run, 'promoted')[1]?.previousDigest).toBe(elsewhere)
  })

  it('under always, writes the new tags first, then moves the others in input order', async () => {
    const { digest } = build('rel/always')
    const before = other('rel/always', ['prod', 'stable'])
    const run = await h.run({ images: 'rel/always:sha-1', 'promote-tags': 'prod, v3, stable, v3.1', 'promote-overwrite': 'always' })
    expect(run.code).toBe(0)
    expect(puts().map((request) => request.body.imageTag)).toEqual(['v3', 'v3.1', 'prod', 'stable'])
    expect(results(run)).toEqual(['rel/always:prod moved', 'rel/always:v3 created', 'rel/always:stable moved', 'rel/always:v3.1 created'])
    expect(json<Promoted[]>(run, 'promoted')[0]?.previousDigest).toBe(before)
    expect(h.fake.tagDigest('rel/always', 'stable')).toBe(digest)
    expect(run.stdout).toContain(`✔ Promoted rel/always:prod → ${digest} (moved from ${before})`)
  })

  it('in an immutable repository, a rerun is unchanged and a tag on another image is refused, whichever code the server sends', async () => {
    const { digest } = build('rel/locked', { imageTagMutability: 'IMMUTABLE' })
    const first = await h.run({ images: 'rel/locked:sha-1', 'promote-tags': 'v1' })
    expect(first.code).toBe(0)
    h.fake.reset()
    const rerun = await h.run({ images: 'rel/locked:sha-1', 'promote-tags': 'v1' })
    expect(rerun.code).toBe(0)
    expect(results(rerun)).toEqual(['rel/locked:v1 unchanged'])
    expect(puts()).toHaveLength(0)

    const elsewhere = other('rel/locked', ['prod'])
    for (const code of ['ImageTagAlreadyExistsException', 'ImageAlreadyExistsException'] as const) {
      h.fake.immutableConflictCode = code
      h.fake.reset()
      const run = await h.run({ images: 'rel/locked:sha-1', 'promote-tags': 'prod', 'promote-overwrite': 'always' })
      h.fake.immutableConflictCode = 'ImageTagAlreadyExistsException'
      expectPromotionFailure(
        run,
        new RegExp(
          `^Promotion stopped at rel/locked:prod: it is on ${elsewhere} and cannot be moved: the tag is immutable in 'rel/locked' \\(${code}\\)\\. Choose another tag`
        )
      )
      expect(results(run)).toEqual(['rel/locked:prod failed TagImmutable'])
      expect(run.outputs['promote-result']).toBe('failed')
      expect(h.fake.tagDigest('rel/locked', 'prod')).toBe(elsewhere)
    }
    expect(digest).not.toBe(elsewhere)
  })

  it.each(['ImageAlreadyExistsException', 'ImageTagAlreadyExistsException'])(
    'takes %s for a tag another run put on the same image between the read and the write as unchanged',
    async (code) => {
      const repository = `rel/race-${code.length}`
      const { digest } = build(repository)
      h.fake.misbehave(
        1,
        ({ res, request }) => {
          const stored = h.fake.createRepository(repository).images.get(digest)
          if (stored) h.fake.storeImage(h.fake.createRepository(repository), { ...stored, tags: [request.body.imageTag] })
          sendAwsError(res, 400, code, 'exists')
        },
        'PutImage'
      )
      const run = await h.run({ images: `${repository}:sha-1`, 'promote-tags': 'v1' })
      expect(run.code).toBe(0)
      expect(results(run)).toEqual([`${repository}:v1 unchanged`])
      expect(h.fake.requestsFor().at(-1)?.body.imageIds).toEqual([{ imageTag: 'v1' }])
    }
  )

  it('follows exclusion filters: tags a wildcard filter exempts move, the others stay', async () => {
    const { digest } = build('rel/mostly-locked', {
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'latest' },
        { filterType: 'WILDCARD', filter: 'dev-*' }
      ]
    })
    other('rel/mostly-locked', ['dev-7', 'v3'])
    const moved = await h.run({ images: 'rel/mostly-locked:sha-1', 'promote-tags': 'dev-7', 'promote-overwrite': 'always' })
    expect(moved.code).toBe(0)
    expect(h.fake.tagDigest('rel/mostly-locked', 'dev-7')).toBe(digest)
    const refused = await h.run({ images: 'rel/mostly-locked:sha-1', 'promote-tags': 'v3', 'promote-overwrite': 'always' })
    expectPromotionFailure(refused, /cannot be moved: the tag is immutable in 'rel\/mostly-locked'/)

    build('rel/mostly-open', {
      imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'v*' }]
    })
    other('rel/mostly-open', ['prod', 'v3'])
    const open = await h.run({ images: 'rel/mostly-open:sha-1', 'promote-tags': 'prod, v3', 'promote-overwrite': 'always' })
    expectPromotionFailure(open, /^Promotion stopped at rel\/mostly-open:v3: .*the tag is immutable/)
    expect(results(open)).toEqual(['rel/mostly-open:prod moved', 'rel/mostly-open:v3 failed TagImmutable'])
    expect(open.outputs['promote-result']).toBe('partial')
  })

  it('says which layers or index children the repository lacks, and stops there', async () => {
    const { manifest } = build('rel/layers')
    h.fake.forgetBlobs('rel/layers', [JSON.parse(manifest).layers[0].digest])
    const run = await h.run({ images: 'rel/layers:sha-1', 'promote-tags': 'v1, v2' })
    expectPromotionFailure(
      run,
      /^Promotion stopped at rel\/layers:v1: ECR does not have the layers of sha256:\w+ in 'rel\/layers' .*promotion works inside the repository that holds the image.*\(AWS said: Layers with digests/
    )
    expect(results(run)).toEqual(['rel/layers:v1 failed LayersNotFoundException', 'rel/layers:v2 skipped'])
    expect(puts()).toHaveLength(1)

    // An index whose per-platform manifests were never pushed to this repository.
    const index = imageIndex([{ manifest: ociManifest('orphan-amd64'), platform: { os: 'linux', architecture: 'amd64' } }])
    h.fake.putImage({ repository: 'rel/index', tags: ['sha-1'], manifest: index })
    const orphan = await h.run({ images: 'rel/index:sha-1', 'promote-tags': 'v1' })
    expectPromotionFailure(orphan, /does not hold the per-platform images the index sha256:\w+ lists.*\(AWS said: Images with digests/)
    expect(results(orphan)).toEqual(['rel/index:v1 failed ReferencedImagesNotFoundException'])
  })

  it.each([
    [
      'ImageDigestDoesNotMatchException',
      'The digest does not match',
      /ECR computed another digest than sha256:\w+ for the manifest sent to tag v1: it changed on its way/
    ],
    [
      'InvalidParameterException',
      "Invalid parameter at 'imageTag' failed to satisfy constraint: 'reserved'",
      /^Promotion stopped at rel\/answers-\d:v1: ECR rejected tagging v1 in 'rel\/answers-\d' .* as invalid\. \(AWS said: Invalid parameter at 'imageTag' failed to satisfy constraint: 'reserved'; request id/
    ],
    [
      'KmsException',
      'The key is disabled',
      /could not use the KMS key that encrypts 'rel\/answers-\d' .* to tag v1 \(KmsException\).*\(AWS said: The key is disabled/
    ]
  ])('answers %s in one sentence', async (code, message, sentence) => {
    const repository = `rel/answers-${code.length % 10}`
    build(repository)
    h.fake.failWith(1, 400, code, message, 'PutImage')
    const run = await h.run({ images: `${repository}:sha-1`, 'promote-tags': 'v1' })
    expectPromotionFailure(run, sentence)
    expect(results(run)).toEqual([`${repository}:v1 failed ${code}`])
    expect(h.fake.tagDigest(repository, 'v1')).toBeUndefined()
  })

  it('retries throttling and server errors like lookups; a limit that stays is one sentence', async () => {
    build('rel/busy')
    h.fake.failWith(1, 400, 'ThrottlingException', 'Rate exceeded', 'PutImage')
    h.fake.failWith(1, 500, 'ServerException', 'Internal failure', 'PutImage')
    const run = await h.run({ images: 'rel/busy:sha-1', 'promote-tags': 'v1' })
    expect(run.code).toBe(0)
    expect(puts()).toHaveLength(3)
    expect(results(run)).toEqual(['rel/busy:v1 created'])

    h.fake.reset()
    h.fake.failWith(Infinity, 400, 'LimitExceededException', 'The maximum number of images has been reached', 'PutImage')
    const limited = await h.run({ images: 'rel/busy:sha-1', 'promote-tags': 'v2', 'retry-max-attempts': '2' })
    expectPromotionFailure(
      limited,
      /ECR refused to tag v2 in 'rel\/busy' .*: a service limit was reached \(LimitExceededException\) after 2 attempts/
    )
    expect(puts()).toHaveLength(2)
  })

  it('names ecr:PutImage when the role may look up but not tag; what was written before stays (partial), and a rerun finishes', async () => {
    build('rel/first')
    build('rel/readonly')
    h.fake.deniedPut.add('rel/readonly')
    const inputs = { images: 'rel/first:sha-1 rel/readonly:sha-1', 'promote-tags': 'v5, prod' }
    const run = await h.run(inputs)
    h.fake.deniedPut.delete('rel/readonly')
    expectPromotionFailure(
      run,
      /^Promotion stopped at rel\/readonly:v5: Access denied tagging v5 in 'rel\/readonly' in the caller's registry \(eu-west-1\): the role needs the IAM permission ecr:PutImage on that repository.* 2 tag\(s\) were written before it, 1 not attempted/
    )
    expect(run.outputs['promote-result']).toBe('partial')
    expect(results(run)).toEqual([
      'rel/first:v5 created',
      'rel/first:prod created',
      'rel/readonly:v5 failed AccessDeniedException',
      'rel/readonly:prod skipped'
    ])
    const rerun = await h.run(inputs)
    expect(rerun.code).toBe(0)
    expect(results(rerun)).toEqual([
      'rel/first:v5 unchanged',
      'rel/first:prod unchanged',
      'rel/readonly:v5 created',
      'rel/readonly:prod created'
    ])
  })

  it('says a write the attempt budget cut short may or may not have happened', async () => {
    build('rel/stalled')
    h.fake.stall(Infinity, 'PutImage')
    const run = await h.run({ images: 'rel/stalled:sha-1', 'promote-tags': 'v1', timeout: '3s', 'retry-max-attempts': '1' })
    expectPromotionFailure(
      run,
      /^Promotion stopped at rel\/stalled:v1: 127\.0\.0\.1 did not answer: .* ECR may or may not have written v1\./
    )
  })

  it("names a PutImage that something other than ECR answered (a proxy's page) NotEcrAnswer, and a stalled one NoAnswer", async () => {
    build('rel/refused')
    h.fake.misbehave(
      Infinity,
      ({ res }) => {
        res.writeHead(403, { 'content-type': 'text/html' })
        res.end('<html>Forbidden by proxy</html>')
      },
      'PutImage'
    )
    const refused = await h.run({ images: 'rel/refused:sha-1', 'promote-tags': 'v1' })
    expectPromotionFailure(
      refused,
      /^Promotion stopped at rel\/refused:v1: 127\.0\.0\.1 answered HTTP 403 \(text\/html\) with a page that is not ECR's/
    )
    expect(refused.errors.join('\n')).not.toContain('may or may not')
    expect(json<{ error?: string }[]>(refused, 'promoted').map((tag) => tag.error)).toEqual(['NotEcrAnswer'])
    h.fake.reset()
    build('rel/stalled')
    h.fake.stall(Infinity, 'PutImage')
    const stalled = await h.run({ images: 'rel/stalled:sha-1', 'promote-tags': 'v1', timeout: '3s', 'retry-max-attempts': '1' })
    expect(json<{ error?: string }[]>(stalled, 'promoted').map((tag) => tag.error)).toEqual(['NoAnswer'])
  })

  it('writes nothing when the gate fails: an image missing, a lookup error, the deadline', async () => {
    build('rel/gate')
    h.fake.createRepository('rel/gate-other')
    const missing = await h.run({ images: 'rel/gate:sha-1 rel/gate-other:nope', 'promote-tags': 'v1' })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('Promotion skipped: the gate did not pass, so no tag was written.')
    expect(missing.outputs['promote-result']).toBe('skipped')
    expect(json(missing, 'promoted')).toEqual([])
    expect(missing.summary).toContain('**Promotion skipped:**')

    h.fake.failWith(1, 400, 'AccessDeniedException', 'denied')
    const denied = await h.run({ images: 'rel/gate:sha-1', 'promote-tags': 'v1', 'retry-max-attempts': '1' })
    expect(denied.code).toBe(1)
    expect(denied.stdout).toContain('Promotion skipped: the lookup failed')

    h.fake.reset()
    h.fake.stall(Infinity)
    const late = await h.run({ images: 'rel/gate:sha-1', 'promote-tags': 'v1', timeout: '1s' })
    expect(late.code).toBe(1)
    expect(late.outputs['promote-result']).toBe('skipped')
    for (const run of [missing, denied, late]) expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
    expect(puts()).toHaveLength(0)
    expect(h.fake.tagDigest('rel/gate', 'v1')).toBeUndefined()
  })

  it('writes no tag when the step fails for its own files: outputs or manifest-file that cannot be written', async () => {
    build('rel/files')
    const outputs = await h.run({ images: 'rel/files:sha-1', 'promote-tags': 'v1' }, { GITHUB_OUTPUT: '/dev/full' })
    expect(outputs.code).toBe(1)
    expect(outputs.stdout).toContain('Promotion skipped: the step outputs could not be written, so no tag was written.')
    expect(outputs.errors).toHaveLength(1)
    const manifest = await h.run({ images: 'rel/files:sha-1', 'promote-tags': 'v1', 'manifest-file': '/dev/full' })
    expect(manifest.code).toBe(1)
    expect(manifest.outputs['promote-result']).toBe('skipped')
    expect(puts()).toHaveLength(0)
    expect(h.fake.tagDigest('rel/files', 'v1')).toBeUndefined()
  })

  it('a dry run plans and writes nothing', async () => {
    const { digest } = build('rel/dry')
    other('rel/dry', ['prod'])
    const run = await h.run({
      images: 'rel/dry:sha-1',
      'promote-tags': 'v1, prod, sha-1',
      'promote-overwrite': 'always',
      'promote-dry-run': 'true'
    })
    expect(run.code).toBe(0)
    expect(puts()).toHaveLength(0)
    expect(run.outputs['promote-result']).toBe('dry-run')
    expect(results(run)).toEqual(['rel/dry:v1 planned', 'rel/dry:prod planned', 'rel/dry:sha-1 unchanged'])
    expect(run.stdout).toContain(`• Would create rel/dry:v1 → ${digest} (dry run)`)
    // The lookup's last line comes before the promotion's lines.
    expect(run.stdout.indexOf('1 of 1 image found.')).toBeGreaterThan(-1)
    expect(run.stdout.indexOf('1 of 1 image found.')).toBeLessThan(run.stdout.indexOf('• Would create'))
    expect(run.summary).toContain('📝 planned (dry run)')
    const conflict = await h.run({ images: 'rel/dry:sha-1', 'promote-tags': 'prod', 'promote-dry-run': 'true' })
    expectPromotionFailure(conflict, /so no tag would be written/)
  })

  it('never promotes a manifest ECR may have converted, or one that does not hash to its digest', async () => {
    build('rel/converted')
    const converted = await h.run({
      images: 'rel/converted:sha-1',
      'promote-tags': 'v1',
      'accepted-media-types': MEDIA_TYPES.dockerV2
    })
    expectPromotionFailure(
      converted,
      /^Not promoted: rel\/converted:sha-1 was looked up by tag with accepted-media-types narrowed.*; no tag was written\./
    )
    const manifest = ociManifest('corrupt')
    h.fake.putImage({ repository: 'rel/corrupt', tags: ['sha-1'], manifest, digest: sha256Digest('something else') })
    const corrupt = await h.run({ images: 'rel/corrupt:sha-1', 'promote-tags': 'v1', 'verify-digest': 'false' })
    expectPromotionFailure(corrupt, /^Not promoted: rel\/corrupt:sha-1 has a manifest that hashes to sha256:\w+, not to its digest/)
    expect(results(corrupt)).toEqual(['rel/corrupt:v1 failed NotPromotable'])
    expect(puts()).toHaveLength(0)
  })

  it.each([
    [{ images: 'rel/x:sha-1 rel/x:sha-2' }, /same tags on two images of repository 'rel\/x' \(rel\/x:sha-1 and rel\/x:sha-2\)/],
    [{ images: 'rel/x:sha-1', 'promote-tags': 'v1 rel/x:v2' }, /promote-tags: 'rel\/x:v2' is not a tag ECR accepts/],
    [{ images: 'rel/x:sha-1', expect: 'absent' }, /promote-tags cannot be used with expect: absent/],
    [{ images: 'rel/x:sha-1', 'promote-overwrite': 'yes' }, /promote-overwrite: 'yes' is not never or always/]
  ])('refuses %j before any call', async (inputs, message) => {
    const run = await h.run({ 'promote-tags': 'v1', ...inputs })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(message)])
    expect(h.fake.requests).toHaveLength(0)
  })
})
