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

  it('leaves manifests out of the images output past 512 KiB, keeping them in images-file', async () => {
    const tags = Array.from({ length: 6 }, (_, index) => `big${index}`)
    for (const tag of tags) h.fake.putImage({ repository: 'big', tags: [tag], manifest: largeManifest(tag, 100 * 1024) })
    const run = await h.run({ images: tags.map((tag) => `big:${tag}`).join(' ') })
    expect(run.code).toBe(0)
    expect(run.warnings).toEqual([expect.stringMatching(/The images output would be \d+ KiB, over 512 KiB: it leaves out the manifests/)])
    const elements = json<ImageOut[]>(run, 'images')
    expect(elements).toHaveLength(6)
    expect(elements.every((element) => element.imageManifest === undefined && element.imageUri !== undefined)).toBe(true)
    expect(Buffer.byteLength(run.outputs.images ?? '')).toBeLessThan(512 * 1024)
    const full = JSON.parse(run.imagesFile ?? '[]') as ImageOut[]
    expect(full.map((element) => element.imageManifest)).toEqual(tags.map((tag) => largeManifest(tag, 100 * 1024)))
  })

  it('keeps a manifest over 256 KiB out of the manifest output, with a warning', async () => {
    h.fake.putImage({ repository: 'big', tags: ['huge'], manifest: largeManifest('huge', 300 * 1024) })
    const run = await h.run({ images: 'big:huge' })
    expect(run.code).toBe(0)
    expect(run.outputs.manifest).toBeUndefined()
    expect(run.outputs.digest).toBe(sha256Digest(largeManifest('huge', 300 * 1024)))
    expect(run.warnings).toEqual([expect.stringContaining('the manifest output is left empty')])
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
    expect(run.warnings).toHaveLength(2)
    expect((JSON.parse(run.imagesFile ?? '[]') as { imageManifest: string }[])[0]?.imageManifest).toBe(huge)
    expect(h.fake.requestsFor()).toHaveLength(11)
  })
})
