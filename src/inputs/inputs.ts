// Every workflow input, read and validated in one place before any call is made: getInputs() returns
// one typed Inputs. The syntax of the larger inputs lives beside it (image-ids, references, platform,
// proxy, durations); fail-on is parsed beside the failure-code table it names.
import * as core from '@actions/core'
import { type Expectation, type FailOn, parseFailOn } from '../failure-codes.js'
import { DEFAULT_MEDIA_TYPES, type ImageRequest, InputError } from '../image.js'
import { formatDuration, splitList } from '../text.js'
import { MAX_DURATION_MS, parseDuration } from './durations.js'
import { parseImageIds } from './image-ids.js'
import { type FilesSettings, parseFilePatterns, parseIfNoFilesFound, workspaceOf } from './files.js'
import { type Platform, parsePlatform } from './platform.js'
import { type StatusSettings, parseStatus } from './status.js'
import { type PromoteSettings, parsePromote } from './promote.js'
import { type RequiredArtifact, parseRequireArtifacts } from './artifacts.js'
import { type ProxySettings, parseProxy } from './proxy.js'
import { type VerifySettings, parseVerify } from './verify.js'
import { parseReferences, parseRepositoryName } from './references.js'

export interface Inputs {
  /** Every requested image, in the order written, each with its repository, registry and region. */
  requests: ImageRequest[]
  acceptedMediaTypes: string[]
  failOn: FailOn
  expect: Expectation
  /** 0: ask once. */
  waitTimeoutMs: number
  waitIntervalMs: number
  platform?: Platform
  manifestFile?: string
  verifyDigest: boolean
  /** Attempts per request (SDK maxAttempts). */
  retryMaxAttempts: number
  /** Deadline for the whole step. */
  timeoutMs: number
  proxy?: ProxySettings
  /** With the files input: the manifest files to scan for references (and pin). */
  files?: FilesSettings
  /** With commit-status: the commit status to post. */
  status?: StatusSettings
  /** With promote-tags: the tags to put on the found images once the gate passes. */
  promote?: PromoteSettings
  /** With require-artifacts: the evidence every found image must carry (its referrers). */
  requireArtifacts?: RequiredArtifact[]
  /** With verify-signer: who must have signed each found image's Sigstore bundles. */
  verify?: VerifySettings
}

export const DEFAULT_TIMEOUT_MS = 5 * 60_000

const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/
const NO_REGION =
  'No AWS region: set the aws-region input, or AWS_REGION (aws-actions/configure-aws-credentials sets it with its aws-region input).'

export function parseRegistryId(value: string): string | undefined {
  const id = value.trim()
  if (id.length === 0) return undefined
  if (!/^\d{12}$/.test(id))
    throw new InputError(
      `registry-id '${id}' is not a 12-digit AWS account id. Quote it in YAML (registry-id: '012345678901') so leading zeros are kept.`
    )
  return id
}

export function parseMediaTypes(value: string): string[] {
  const types = [...new Set(splitList(value))]
  if (types.length === 0) return DEFAULT_MEDIA_TYPES
  for (const type of types)
    if (!MEDIA_TYPE.test(type))
      throw new InputError(`accepted-media-types: '${type}' is not a media type like application/vnd.oci.image.manifest.v1+json.`)
  if (types.length > 100) throw new InputError(`accepted-media-types has ${types.length} entries; ECR accepts at most 100.`)
  return types
}

export function parseAttempts(value: string): number {
  const text = value.trim()
  if (text === '') return 5
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 20)
    throw new InputError(`retry-max-attempts '${value}' must be a whole number from 1 to 20.`)
  return Number(text)
}

export function parseExpect(value: string): Expectation {
  const text = value.trim().toLowerCase()
  if (text === '' || text === 'present') return 'present'
  if (text === 'absent') return 'absent'
  throw new InputError(`expect '${value}' must be present or absent.`)
}

/** YAML 1.2 core booleans, as core.getBooleanInput reads them; empty gives the default. */
export function parseBoolean(value: string, input: string, fallback: boolean): boolean {
  const text = value.trim()
  if (text === '') return fallback
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new InputError(`${input} '${value}' must be true or false.`)
}

/**
 * The default region: the input, then AWS_REGION, then AWS_DEFAULT_REGION (the SDK alone ignores
 * the last); undefined when none is set.
 */
export function defaultRegion(input: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates: [string, string | undefined][] = [
    ['aws-region', input],
    ['AWS_REGION', env.AWS_REGION],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
  ]
  for (const [source, raw] of candidates) {
    const region = raw?.trim()
    if (!region) continue
    if (!REGION.test(region)) throw new InputError(`${source} '${region}' is not an AWS region name like eu-west-1.`)
    return region
  }
  return undefined
}

/** The default region, or a clear error when there is none. */
export function resolveRegion(input: string, env: NodeJS.ProcessEnv): string {
  const region = defaultRegion(input, env)
  if (region === undefined) throw new InputError(NO_REGION)
  return region
}

/** The requests from `images`, or from `repository-name` with `image-ids`: one of the two (or neither, with files). */
function readRequests(env: NodeJS.ProcessEnv, withFiles: boolean): ImageRequest[] {
  const images = core.getInput('images')
  const repositoryInput = core.getInput('repository-name')
  const idsInput = core.getInput('image-ids')
  const registryId = parseRegistryId(core.getInput('registry-id'))
  const regionInput = core.getInput('aws-region')
  const region = defaultRegion(regionInput, env)
  // A reference with its own registry host needs no default region; the others do.
  const defaultRegionOrFail = (): string => region ?? resolveRegion(regionInput, env)

  if (images.trim() !== '') {
    if (repositoryInput.trim() !== '' || idsInput.trim() !== '')
      throw new InputError('Give either images (references like team/api:v1) or repository-name with image-ids, not both.')
    return parseReferences(images, { ...(registryId !== undefined && { registryId }), region: defaultRegionOrFail })
  }
  if (repositoryInput.trim() === '' && idsInput.trim() === '') {
    if (withFiles) return []
    throw new InputError('Nothing to look up: give images (references like team/api:v1), repository-name and image-ids, or files to scan.')
  }
  const repositoryName = parseRepositoryName(repositoryInput)
  return parseImageIds(idsInput, { repositoryName, ...(registryId !== undefined && { registryId }), region: defaultRegionOrFail })
}

/** Reads and validates every input. Throws InputError with a message for the user. */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const files = readFiles(env)
  const requests = readRequests(env, files !== undefined)
  const waitTimeoutMs = parseDuration(core.getInput('wait-timeout') || '0', 'wait-timeout')
  const waitIntervalMs = parseDuration(core.getInput('wait-interval') || '5s', 'wait-interval')
  if (waitIntervalMs <= 0) throw new InputError('wait-interval must be more than 0.')
  const platform = parsePlatform(core.getInput('platform'))
  const manifestFile = core.getInput('manifest-file').trim()
  const timeoutInput = core.getInput('timeout').trim()
  const timeoutMs = timeoutInput === '' ? waitTimeoutMs + DEFAULT_TIMEOUT_MS : parseDuration(timeoutInput, 'timeout')
  if (timeoutMs <= 0) throw new InputError('timeout must be more than 0.')
  if (timeoutMs > MAX_DURATION_MS)
    throw new InputError(
      `timeout (wait-timeout plus ${formatDuration(DEFAULT_TIMEOUT_MS)}) is longer than Node's timers can wait (about 24.8 days, 596h): give a shorter wait-timeout, or a timeout of at most 596h.`
    )
  if (timeoutInput !== '' && waitTimeoutMs > 0 && timeoutMs <= waitTimeoutMs)
    throw new InputError(
      `timeout (${formatDuration(timeoutMs)}) must be longer than wait-timeout (${formatDuration(waitTimeoutMs)}): the step would end before the wait does. Raise timeout, or leave it empty (wait-timeout plus ${formatDuration(DEFAULT_TIMEOUT_MS)}).`
    )
  const expect = parseExpect(core.getInput('expect'))
  if (expect === 'absent' && platform !== undefined)
    throw new InputError(
      'platform cannot be checked with expect: absent (the images must not exist at all): remove platform, or use expect: present.'
    )
  const promote = parsePromote(
    core.getInput('promote-tags'),
    core.getInput('promote-overwrite'),
    parseBoolean(core.getInput('promote-dry-run'), 'promote-dry-run', false)
  )
  if (files?.pin && expect === 'absent')
    throw new InputError('pin cannot be used with expect: absent (there would be no digest to write): remove one of them.')
  if (promote !== undefined && expect === 'absent')
    throw new InputError('promote-tags cannot be used with expect: absent (there would be no image to tag): remove one of them.')
  const requireArtifacts = parseRequireArtifacts(core.getInput('require-artifacts'))
  if (requireArtifacts.length > 0 && expect === 'absent')
    throw new InputError(
      'require-artifacts cannot be used with expect: absent (there would be no image to carry them): remove one of them.'
    )
  const verify = parseVerify(
    core.getInput('verify-signer'),
    core.getInput('verify-issuer'),
    core.getInput('trusted-root'),
    core.getInput('verify-source-repository')
  )
  if (verify !== undefined && expect === 'absent')
    throw new InputError('verify-signer cannot be used with expect: absent (there would be no image to verify): remove one of them.')
  const proxy = parseProxy(core.getInput('http-proxy'), env)
  const token = core.getInput('github-token')
  const status = parseStatus(core.getInput('commit-status'), core.getInput('commit-sha'), token, env)
  if (status !== undefined) core.setSecret(status.token)
  return {
    requests,
    acceptedMediaTypes: parseMediaTypes(core.getInput('accepted-media-types')),
    failOn: parseFailOn(core.getInput('fail-on')),
    expect,
    waitTimeoutMs,
    waitIntervalMs,
    ...(platform !== undefined && { platform }),
    ...(manifestFile !== '' && { manifestFile }),
    verifyDigest: parseBoolean(core.getInput('verify-digest'), 'verify-digest', true),
    retryMaxAttempts: parseAttempts(core.getInput('retry-max-attempts')),
    timeoutMs,
    ...(proxy !== undefined && { proxy }),
    ...(files !== undefined && { files }),
    ...(status !== undefined && { status }),
    ...(promote !== undefined && { promote }),
    ...(requireArtifacts.length > 0 && { requireArtifacts }),
    ...(verify !== undefined && { verify })
  }
}

/** files, pin and if-no-files-found; pin without files is an error (there would be nothing to pin). */
function readFiles(env: NodeJS.ProcessEnv): FilesSettings | undefined {
  const patterns = parseFilePatterns(core.getInput('files'))
  const pin = parseBoolean(core.getInput('pin'), 'pin', false)
  const ifNoFilesFound = parseIfNoFilesFound(core.getInput('if-no-files-found'))
  if (patterns.length === 0) {
    if (pin) throw new InputError('pin: true needs files: give the manifest files whose references to pin, like k8s/**/*.yaml.')
    return undefined
  }
  return { patterns, ifNoFilesFound, pin, workspace: workspaceOf(env) }
}
