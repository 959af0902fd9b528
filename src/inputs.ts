// Every workflow input, read and validated in one place before any call is made.
import * as core from '@actions/core'
import { KNOWN_FAILURE_CODES, canonicalFailureCode } from './failure-codes.js'
import { InputError, splitList } from './helpers.js'
import { type ImageId, parseImageIds } from './image-ids.js'

/** Which per-image failure codes fail the step. */
export type FailOn = { kind: 'all' } | { kind: 'none' } | { kind: 'codes'; codes: ReadonlySet<string> }

export interface Inputs {
  repositoryName: string
  /** 12-digit account id; undefined means the caller's own registry. */
  registryId?: string
  imageIds: ImageId[]
  acceptedMediaTypes: string[]
  failOn: FailOn
  region: string
}

export const DEFAULT_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

const REPOSITORY_SEGMENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REPOSITORY_NAME = new RegExp(`^(?:${REPOSITORY_SEGMENT}/)*${REPOSITORY_SEGMENT}$`)
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/

export function parseRepositoryName(value: string): string {
  const name = value.trim()
  if (name.length === 0) throw new InputError('repository-name is empty: give the repository, for example team/api.')
  if (/\.dkr\.ecr[.-]|:|@/.test(name))
    throw new InputError(
      `repository-name '${name}' looks like an image URI: give only the repository name (for example team/api), the tags or digests in image-ids, and the account in registry-id.`
    )
  if (name.length < 2 || name.length > 256)
    throw new InputError(`repository-name '${name}' must be 2 to 256 characters long (it is ${name.length}).`)
  if (!REPOSITORY_NAME.test(name))
    throw new InputError(
      `repository-name '${name}' is not a valid ECR repository name: use lowercase letters, digits and . _ - between them, with / between path segments.`
    )
  return name
}

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

export function parseFailOn(value: string): FailOn {
  const entries = splitList(value)
  if (entries.length === 0) return { kind: 'all' }
  const keywords = entries.filter((entry) => /^(all|none)$/i.test(entry))
  if (keywords.length > 0) {
    if (entries.length > 1)
      throw new InputError(`fail-on: '${keywords[0]}' cannot be combined with other entries; give all, none, or a list of codes.`)
    return { kind: keywords[0]?.toLowerCase() === 'none' ? 'none' : 'all' }
  }
  const codes = new Set<string>()
  for (const entry of entries) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(entry))
      throw new InputError(`fail-on: '${entry}' is not a failure code (codes look like ImageNotFound).`)
    const known = canonicalFailureCode(entry)
    if (known === undefined)
      core.warning(
        `fail-on: '${entry}' is not a failure code this action knows; it is kept in case ECR reports it. Known codes: ${[...KNOWN_FAILURE_CODES.keys()].join(', ')}.`
      )
    codes.add(known ?? entry)
  }
  return { kind: 'codes', codes }
}

/** The region: the input, then AWS_REGION, then AWS_DEFAULT_REGION (the SDK alone ignores the last). */
export function resolveRegion(input: string, env: NodeJS.ProcessEnv): string {
  const candidates: [string, string | undefined][] = [
    ['aws-region', input],
    ['AWS_REGION', env.AWS_REGION],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
  ]
  for (const [source, raw] of candidates) {
    const region = raw?.trim()
    if (!region) continue
    if (!REGION.test(region))
      throw new InputError(`${source} '${region}' is not an AWS region name like eu-west-1.`)
    return region
  }
  throw new InputError(
    'No AWS region: set the aws-region input, or AWS_REGION (aws-actions/configure-aws-credentials sets it with its aws-region input).'
  )
}

/** Reads and validates every input. Throws InputError with a message for the user. */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const repositoryName = parseRepositoryName(core.getInput('repository-name'))
  const imageIds = parseImageIds(core.getInput('image-ids'))
  const registryId = parseRegistryId(core.getInput('registry-id'))
  return {
    repositoryName,
    ...(registryId !== undefined && { registryId }),
    imageIds,
    acceptedMediaTypes: parseMediaTypes(core.getInput('accepted-media-types')),
    failOn: parseFailOn(core.getInput('fail-on')),
    region: resolveRegion(core.getInput('aws-region'), env)
  }
}
