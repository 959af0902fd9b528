// End to end: scale and GitHub's output limits. 1,000 references take 10 requests; huge manifests and
// many images keep the step outputs within their limits, with the full data in images-file.
import { describe, expect, it } from '@jest/globals'
import { largeManifest, ociManifest, sha256Digest } from '../../testkit/manifests.js'
import { json, NODES, useHarness } from './harness.js'

interface ImageOut {
  requested: string
  imageManifest?: string
  imageUri: string
}

describe.each(NODES)('size limits on $label', ({ path }) => {
  const h = useHarness(path)

  it('looks up 1,000 references over 10 repositories in exactly 10 requests', async () => {
    const references: string[] = []
    for (let repo = 0; repo < 10; repo++)
      for (let index = 0; index < 100; index++) {
        h.fake.putImage({ repository: `scale/r${repo}`, tags: [`t${index}`], manifest: ociManifest(`scale-${repo}-${index}`) })
        references.push(`scale/r${repo}:t${index}`)
      }
    const run = await h.run({ images: references.join('\n') })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(10)
    expect(Object.keys(json(run, 'digests'))).toEqual(references)
    expect(run.outputs['image-uris']?.split('\n')).toHaveLength(1000)
  })

  it('handles a 4 MiB manifest among 1,000 images and keeps the outputs within 1 MiB', async () => {
    const huge = largeManifest('huge', 4 * 1024 * 1024)
    h.fake.putImage({ repository: 'bulk', tags: ['huge'], manifest: huge })
    const references = ['bulk:huge']
    for (let index = 0; index < 999; index++) {
      h.fake.putImage({ repository: `bulk${index % 10}`, tags: [`t${index}`], manifest: ociManifest(`bulk-${index}`) })
      references.push(`bulk${index % 10}:t${index}`)
    }
    const run = await h.run({ images: references.join('\n') })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(sha256Digest(huge))
    expect(run.outputs.manifest).toBeUndefined()
    const total = Object.values(run.outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    expect(total).toBeLessThan(1024 * 1024)
    expect(run.warnings).toHaveLength(1)
    expect((JSON.parse(run.imagesFile ?? '[]') as { imageManifest: string }[])[0]?.imageManifest).toBe(huge)
    expect(h.fake.requestsFor()).toHaveLength(11)
  })

  it('leaves the manifests out of images only when the outputs would pass 1 MB, keeping the manifest output that still fits, with one warning', async () => {
    const tags = Array.from({ length: 12 }, (_, index) => `big${index}`)
    for (const tag of tags) h.fake.putImage({ repository: 'big', tags: [tag], manifest: largeManifest(tag, 100 * 1024) })
    const run = await h.run({ images: tags.map((tag) => `big:${tag}`).join(' ') })
    expect(run.code).toBe(0)
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^::warning::The step outputs would total 1,\d{3},\d{3} characters, and GitHub allows a job's outputs 1 MB: left out the manifests in the images output; the rest is kept\. Nothing is lost: every found image, manifests included, is in images-file \(.+\)\.$/
      )
    ])
    const elements = json<ImageOut[]>(run, 'images')
    expect(elements).toHaveLength(12)
    expect(elements.every((element) => element.imageManifest === undefined && element.imageUri !== undefined)).toBe(true)
    expect(run.outputs.manifest).toBe(largeManifest('big0', 100 * 1024))
    const full = JSON.parse(run.imagesFile ?? '[]') as ImageOut[]
    expect(full.map((element) => element.imageManifest)).toEqual(tags.map((tag) => largeManifest(tag, 100 * 1024)))
  })

  it('keeps a 300 KiB manifest in the manifest output when everything fits', async () => {
    h.fake.putImage({ repository: 'big', tags: ['huge'], manifest: largeManifest('huge', 300 * 1024) })
    const run = await h.run({ images: 'big:huge' })
    expect(run.code).toBe(0)
    expect(run.outputs.manifest).toBe(largeManifest('huge', 300 * 1024))
    expect(run.warnings).toEqual([])
  })

  it('keeps digests and failures for 5,000 ids over 50 repositories, leaving out the lists that do not fit, warning once', async () => {
    const references: string[] = []
    for (let repo = 0; repo < 50; repo++)
      for (let index = 0; index < 100; index++) {
        h.fake.putImage({ repository: `wide/r${repo}`, tags: [`t${index}`], manifest: ociManifest(`wide-${repo}-${index}`) })
        references.push(`wide/r${repo}:t${index}`)
      }
    references.push('wide/r0:missing')
    const run = await h.run({ images: references.join('\n'), 'fail-on': 'none' })
    expect(run.code).toBe(0)
    expect(h.fake.requestsFor()).toHaveLength(51) // wide/r0 has 101 ids
    const utf16 = Object.entries(run.outputs).reduce((sum, [name, value]) => sum + name.length + value.length, 0)
    expect(utf16).toBeLessThan(1_000_000)
    expect(run.warnings.filter((line) => line.includes('The step outputs would total'))).toEqual([
      expect.stringContaining(': left out the images output, image-uris; the rest is kept. Nothing is lost:')
    ])
    for (const kept of ['found', 'digest', 'image-uri', 'manifest', 'images-file', 'failures-file']) expect(run.outputs[kept]).toBeDefined()
    expect(Object.keys(json(run, 'digests'))).toHaveLength(5000)
    expect(json(run, 'failures')).toEqual([expect.objectContaining({ requested: 'wide/r0:missing', failureCode: 'ImageNotFound' })])
    expect(JSON.parse(run.imagesFile ?? '[]')).toHaveLength(5000)
    expect(JSON.parse(run.failuresFile ?? '[]')).toEqual(json(run, 'failures'))
    // About 700 KB of log: all of it reaches the runner before the process ends, the last line included.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('✔ '))).toHaveLength(5000)
    expect(run.stdout).toMatch(/5000 of 5001 images found\.\n$/)
  })

  it('keeps every one of 18,000 failures in failures-file when the failures output does not fit', async () => {
    h.fake.putImage({ repository: 'gone', tags: ['here'], manifest: ociManifest('here') })
    // Bare tags keep the input under Linux's 128 KiB for one environment variable.
    const tags = ['here', ...Array.from({ length: 18_000 }, (_, index) => String(index))]
    const run = await h.run({ 'repository-name': 'gone', 'image-ids': tags.join(' '), 'fail-on': 'none' }, {}, true, { timeoutMs: 120_000 })
    expect(run.code).toBe(0)
    expect(run.outputs.failures).toBeUndefined()
    expect(json(run, 'digests')).toEqual({ here: sha256Digest(ociManifest('here')) })
    expect(run.warnings.filter((line) => line.includes('The step outputs would total'))).toEqual([
      expect.stringMatching(
        /: left out the failures output; the rest is kept\. Nothing is lost: every failure is in failures-file \(.+\)\.$/
      )
    ])
    const failures = JSON.parse(run.failuresFile ?? '[]') as { requested: string }[]
    expect(failures).toHaveLength(18_000)
    expect(failures[17_999]?.requested).toBe('17999')
  })
})
