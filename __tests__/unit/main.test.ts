// run() with @actions/core and the SDK mocked: the orchestration order and the exit status.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { DIGEST_A, image } from '../../__fixtures__/images.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

const ecr = mockClient(ECRClient)
const inputs: Record<string, string> = {}

describe('run', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    ecr.reset()
    process.exitCode = undefined
    for (const name of Object.keys(inputs)) delete inputs[name]
    // The fixture manifests do not hash to their digests: the digest check has its own tests.
    Object.assign(inputs, { 'repository-name': 'app', 'image-ids': 'v1 v2', 'aws-region': 'eu-west-1', 'verify-digest': 'false' })
    process.env.RUNNER_TEMP = tmpdir()
    core.getInput.mockImplementation((name) => inputs[name] ?? '')
  })

  it('logs each image (annotations included), then writes the outputs, then fails the step', async () => {
    const order: string[] = []
    core.setOutput.mockImplementation((name) => void order.push(`output:${name}`))
    core.error.mockImplementation(() => void order.push('error'))
    ecr.on(BatchGetImageCommand).resolves({
      images: [image('v1', DIGEST_A)],
      failures: [{ imageId: { imageTag: 'v2' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }]
    })
    await run()
    expect(order.indexOf('error')).toBeLessThan(order.indexOf('output:found'))
    expect(core.setOutput).toHaveBeenCalledWith('found', 'false')
    expect(core.setOutput).toHaveBeenCalledWith('image-uri', `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST_A}`)
    expect(core.error).toHaveBeenCalledWith('v2 in app: ImageNotFound: Requested image not found', { title: 'Image ImageNotFound' })
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
  })

  it('succeeds when every image is found', async () => {
    ecr.on(BatchGetImageCommand).resolves({ images: [image('v1', DIGEST_A), image('v2', DIGEST_A)] })
    await run()
    expect(core.setOutput).toHaveBeenCalledWith('found', 'true')
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(process.exitCode).toBeUndefined()
  })

  it('fails with one sentence on a whole-call error', async () => {
    ecr.on(BatchGetImageCommand).rejects(Object.assign(new Error('x'), { name: 'RepositoryNotFoundException' }))
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0]?.[0]).toMatch(/^Repository 'app' in the caller's registry \(eu-west-1\) does not exist/)
  })

  it('turns a manifest that does not hash to its digest into a DigestMismatch failure', async () => {
    delete inputs['verify-digest']
    ecr.on(BatchGetImageCommand).resolves({ images: [image('v1', DIGEST_A), image('v2', DIGEST_A)] })
    await run()
    expect(core.setOutput).toHaveBeenCalledWith('found', 'false')
    expect(core.error).toHaveBeenCalledWith(expect.stringContaining(`DigestMismatch: the manifest ECR returned hashes to sha256:`), {
      title: 'Image DigestMismatch'
    })
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
  })

  it('fails on invalid input before any call', async () => {
    inputs['registry-id'] = '1'
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining("registry-id '1' is not a 12-digit AWS account id"))
    expect(ecr.commandCalls(BatchGetImageCommand)).toHaveLength(0)
  })

  it('writes every output before a manifest-file that cannot be written fails the step', async () => {
    const order: string[] = []
    core.setOutput.mockImplementation((name) => void order.push(`output:${name}`))
    core.setFailed.mockImplementation((message) => void order.push(`failed:${String(message).split(':')[0]}`))
    // A folder that is a file: the manifest cannot be written there.
    const blocker = join(mkdtempSync(join(tmpdir(), 'main-')), 'file')
    writeFileSync(blocker, '')
    inputs['manifest-file'] = join(blocker, 'manifest.json')
    ecr.on(BatchGetImageCommand).resolves({ images: [image('v1', DIGEST_A), image('v2', DIGEST_A)] })
    await run()
    expect(order.at(-1)).toBe('failed:manifest-file')
    expect(order.filter((entry) => entry.startsWith('output:'))).toEqual(
      expect.arrayContaining(['output:found', 'output:digest', 'output:images', 'output:images-file'])
    )
  })
})
