// End to end: a hostile server. Everything a server sends (error messages, tags, repository names,
// media types, manifests, failure reasons) is data: it never forges a workflow command, a step output
// or markdown in the job summary.
import { describe, expect, it } from '@jest/globals'
import { ociManifest, sha256Digest } from '../../testkit/manifests.js'
import type { ActionRun } from '../../testkit/run-action.js'
import { json, NODES, useHarness } from './harness.js'

interface FailureOut {
  failureReason: string
}

describe.each(NODES)('hostile servers on $label', ({ path }) => {
  const h = useHarness(path)
  const FORGE = 'x\n::error::forged\r::add-mask::y\r\n%0A::set-output name=found::true\u2028::warning::z'

  /** Lines of stdout that the runner would read as a command the server smuggled in. */
  function forgedCommands(run: ActionRun): string[] {
    return run.stdout
      .split(/\r\n|\r|\n|\u2028/)
      .filter((line) => /^(::error::forged|::error::also|::add-mask::|::set-output|::warning::z)/.test(line))
  }

  it('keeps a hostile error message on one line', async () => {
    h.fake.failWith(Infinity, 400, 'RepositoryNotFoundException', FORGE)
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(forgedCommands(run)).toEqual([])
    expect(run.errors[0]).toContain('x\\u000a::error::forged\\u000d::add-mask::y')
  })

  /** Every BatchGetImage is answered with app:v1 as `manifest`, its other fields as given (what a hostile server sends). */
  const answerImage = (manifest: string, fields: Record<string, unknown>): void =>
    void h.fake.intercept(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify({
          images: [
            {
              registryId: '123456789012',
              repositoryName: 'app',
              imageId: { imageTag: 'v1', imageDigest: sha256Digest(manifest) },
              imageManifest: manifest,
              imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
              ...fields
            }
          ]
        })
      )
      return true
    })

  it('treats tags, repository names, media types and manifests from the server as data', async () => {
    const mediaType = 'application/vnd.oci.image.manifest.v1+json;x=<img src=x onerror=alert(1)>|**x**'
    const manifest = `${ociManifest('hostile').slice(0, -1)},"note":"\\n::error::forged"}\n::error::also\nghadelimiter_x\n`
    answerImage(manifest, { imageManifestMediaType: mediaType })
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(forgedCommands(run)).toEqual([])
    expect(run.outputs.manifest).toBe(manifest)
    expect(Object.keys(run.outputs).sort()).toEqual([
      'digest',
      'digests',
      'failures',
      'failures-file',
      'found',
      'image-uri',
      'image-uris',
      'images',
      'images-file',
      'manifest',
      'media-type'
    ])
    // Server text sits in code spans, where markdown and HTML are literal; nothing outside them is markup.
    expect(run.outputs['media-type']).toBe(mediaType)
    expect(run.summary).toContain('`application/vnd.oci.image.manifest.v1+json;x=<img src=x onerror=alert(1)>\\|**x**`')
    const outsideCode = run.summary.replace(/(`+)[^`]*?\1/g, '')
    expect(outsideCode).not.toMatch(/<img|\*\*x\*\*|\n::/)
  })

  it.each([
    [
      'a media type with a line break',
      { imageManifestMediaType: `application/json${FORGE}` },
      /the media type .* which is not a media type/
    ],
    [
      'a media type of a million characters',
      { imageManifestMediaType: `application/${'x'.repeat(1_100_000)}` },
      /which is not a media type/
    ],
    ['a registry id that is not 12 digits', { registryId: '1'.repeat(1_100_000) }, /in registry 1{20}/]
  ])('refuses %s before it reaches an output, and keeps the outputs short', async (_, field, message) => {
    const manifest = ociManifest('odd')
    answerImage(manifest, field)
    const run = await h.run({ images: 'app:v1' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(message)])
    expect(run.errors[0]?.length).toBeLessThan(2000)
    expect(Object.values(run.outputs).reduce((sum, value) => sum + value.length, 0)).toBeLessThan(10_000)
  })

  it('treats server text as data: no forged workflow commands, no markdown in the summary', async () => {
    h.fake.intercept(({ res, request }) => {
      const [first] = request.body.imageIds
      const failureReason = 'gone\n::error::forged\r::warning::also %0A::notice::x <script>alert(1)</script> | [x](y)'
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify({ failures: [{ imageId: first, failureCode: 'ImageNotFound\n::error::code', failureReason }] }))
      return true
    })
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'v1', 'fail-on': 'none' })
    expect(run.code).toBe(0)
    expect(run.stdout.split(/\r?\n|\r/).filter((line) => line.startsWith('::') && !line.startsWith('::debug::'))).toEqual([
      expect.stringMatching(
        /^::warning title=Image ImageNotFound\\u000a%3A%3Aerror%3A%3Acode::v1 in app: ImageNotFound\\u000a::error::code: gone\\u000a::error::forged\\u000d/
      )
    ])
    expect(run.summary).not.toMatch(/<script>|\| \[x\]/)
    expect(json<FailureOut[]>(run, 'failures')[0]?.failureReason).toContain('\n::error::forged')
  })
})
