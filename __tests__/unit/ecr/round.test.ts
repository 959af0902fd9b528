// round.ts with the SDK mocked: one round is BatchGetImage, the digest check when asked, then the platform.
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { Deadline } from '../../../src/deadline.js'
import { createClients } from '../../../src/ecr/client.js'
import { sha256 } from '../../../src/ecr/digest.js'
import { createLookupRound } from '../../../src/ecr/round.js'
import { DEFAULT_MEDIA_TYPES } from '../../../src/image.js'
import { DIGEST_A, image, request } from '../../../__fixtures__/images.js'

const ecr = mockClient(ECRClient)
const settings = { acceptedMediaTypes: DEFAULT_MEDIA_TYPES }
const deadline = new Deadline(60_000)
afterAll(() => deadline.dispose())
const clients = createClients({ retryMaxAttempts: 1, timeoutMs: 60_000 }, deadline, () => undefined)

describe('createLookupRound', () => {
  beforeEach(() => {
    ecr.reset()
    ecr.on(BatchGetImageCommand).resolves({ images: [image('v1', DIGEST_A)] })
  })

  it('checks digests when verify-digest is on, and not when it is off', async () => {
    const checked = await (await createLookupRound({ ...settings, verifyDigest: true }, await clients))([request({ tag: 'v1' })])
    expect(checked[0]).toMatchObject({ status: 'failed', failure: { failureCode: 'DigestMismatch' } })
    const unchecked = await (await createLookupRound({ ...settings, verifyDigest: false }, await clients))([request({ tag: 'v1' })])
    expect(unchecked[0]?.status).toBe('found')
  })

  it('resolves the platform of what it found', async () => {
    const manifest = '{"mediaType":"application/vnd.oci.image.manifest.v1+json"}'
    ecr.on(BatchGetImageCommand).resolves({
      images: [{ ...image('v1', sha256(manifest)), imageManifest: manifest }]
    })
    const round = await createLookupRound(
      { ...settings, verifyDigest: true, platform: { os: 'linux', architecture: 'arm64' } },
      await clients
    )
    expect(await round([request({ tag: 'v1' })])).toEqual([expect.objectContaining({ status: 'found', platformDigest: sha256(manifest) })])
  })
})
