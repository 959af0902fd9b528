// Property-based tests: whatever the inputs, parsing either succeeds or throws an InputError, and
// run() ends in success or one clear error, never an uncaught exception; an input that fails
// validation never reaches the network.
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import fc from 'fast-check'
import { tmpdir } from 'node:os'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')
const { getInputs } = await import('../../src/inputs/inputs.js')
const { InputError } = await import('../../src/image.js')
const { parseImageIds } = await import('../../src/inputs/image-ids.js')
const { parseReferences } = await import('../../src/inputs/references.js')
const { parseDuration } = await import('../../src/inputs/durations.js')
const { parsePlatform } = await import('../../src/inputs/platform.js')
const { bypassesProxy } = await import('../../src/ecr/proxy-agent.js')

const D = `sha256:${'ab'.repeat(32)}`
/** Strings built from the pieces the parsers look for, mixed with arbitrary text. */
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'v1',
        'app',
        'team/api',
        ':',
        '@',
        '/',
        ',',
        ' ',
        '\n',
        '=',
        'imageTag',
        'imageDigest',
        '[',
        ']',
        '{',
        '}',
        '"',
        D,
        'sha256:',
        '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        '5m',
        'linux',
        '%0A',
        '::error::',
        '\r'
      )
    )
    .map((parts) => parts.join(''))
)

function onlyInputErrors(parse: (text: string) => unknown): void {
  fc.assert(
    fc.property(tricky, (text) => {
      try {
        parse(text)
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        expect(error.message).not.toMatch(/\n\s+at /)
      }
    }),
    { numRuns: 1000 }
  )
}

describe('parsers', () => {
  it('image-ids', () => onlyInputErrors((text) => parseImageIds(text, { repositoryName: 'app', region: () => 'eu-west-1' })))
  it('images', () => onlyInputErrors((text) => parseReferences(text, { region: () => 'eu-west-1' })))
  it('durations', () => onlyInputErrors((text) => parseDuration(text, 'timeout')))
  it('platform', () => onlyInputErrors(parsePlatform))
  it('NO_PROXY never throws', () =>
    fc.assert(
      fc.property(fc.string(), tricky, fc.integer({ min: 0, max: 65535 }), (host, list, port) => void bypassesProxy(host, port, list))
    ))
})

describe('run() with arbitrary inputs', () => {
  const ecr = mockClient(ECRClient)
  beforeAll(() => {
    process.env.AWS_REGION = 'eu-west-1'
    process.env.RUNNER_TEMP = tmpdir()
    delete process.env.GITHUB_STEP_SUMMARY
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete process.env[name]
  })
  beforeEach(() => {
    ecr.reset()
    ecr.on(BatchGetImageCommand).resolves({ images: [], failures: [] })
  })

  const value = (...good: string[]) => fc.oneof(fc.constantFrom('', ...good), tricky)
  const inputs = fc.record({
    images: value('app:v1', `team/api@${D}`, '012345678901.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1'),
    'repository-name': value('app', 'team/api'),
    'image-ids': value('v1', D, `imageTag=v1,imageDigest=${D}`, '[{"imageTag":"v1"}]'),
    'registry-id': value('012345678901'),
    'accepted-media-types': value('application/vnd.oci.image.manifest.v1+json'),
    'fail-on': value('all', 'none', 'ImageNotFound'),
    'aws-region': value('us-east-1'),
    expect: value('present', 'absent'),
    // Never a positive wait: the property must not sleep for real.
    'wait-timeout': fc.oneof(
      fc.constantFrom('', '0', '0s'),
      fc.string().filter((text) => !/^\s*[\d.]/.test(text))
    ),
    'wait-interval': value('1s'),
    platform: value('linux/arm64'),
    'manifest-file': fc.constant(''),
    'verify-digest': value('true', 'false'),
    'retry-max-attempts': value('1', '3'),
    timeout: value('1m'),
    'http-proxy': value('http://127.0.0.1:3128')
  })

  it('ends in success or one clear error, and invalid inputs never reach the network', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (values) => {
        jest.clearAllMocks()
        ecr.resetHistory()
        process.exitCode = undefined
        core.getInput.mockImplementation((name) => values[name as keyof typeof values] ?? '')
        let invalid = false
        try {
          getInputs()
        } catch (error) {
          if (!(error instanceof InputError)) throw error
          invalid = true
        }
        jest.clearAllMocks()
        await expect(run()).resolves.toBeUndefined()
        expect(core.setFailed.mock.calls.length).toBeLessThanOrEqual(1)
        for (const [message] of core.setFailed.mock.calls) expect(String(message)).not.toMatch(/\n\s+at /)
        if (invalid) {
          expect(core.setFailed).toHaveBeenCalledTimes(1)
          expect(core.error).not.toHaveBeenCalled()
          expect(ecr.commandCalls(BatchGetImageCommand)).toHaveLength(0)
        }
        process.exitCode = undefined
      }),
      { numRuns: 300 }
    )
  })
})
