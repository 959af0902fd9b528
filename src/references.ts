// The `images` input: image references `[REGISTRY/]REPOSITORY[:TAG][@DIGEST]`.
import { InputError } from './helpers.js'
import { type ImageId, validateDigest, validateTag } from './image-ids.js'
import { parseRepositoryName } from './repository.js'

export interface ParsedReference {
  /** The reference exactly as written. */
  requested: string
  repositoryName: string
  /** From an ECR registry host; undefined means the registry-id input (or the caller's). */
  registryId?: string
  /** From an ECR registry host; undefined means the aws-region input (or the environment). */
  region?: string
  id: ImageId
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/

export function parseReference(requested: string): ParsedReference {
  let rest = requested
  let registryId: string | undefined
  let region: string | undefined
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  if (first.includes('.') || first.includes(':') || first === 'localhost') {
    const host = ECR_HOST.exec(first)
    if (!host)
      throw new InputError(
        `images: '${requested}' names the registry '${first}', which is not an ECR registry (<account>.dkr.ecr.<region>.amazonaws.com).`
      )
    registryId = host[1]
    region = host[2]
    rest = rest.slice(slash + 1)
  }
  const id: ImageId = {}
  const at = rest.indexOf('@')
  if (at >= 0) {
    id.digest = validateDigest(rest.slice(at + 1), 'images')
    rest = rest.slice(0, at)
  }
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    id.tag = validateTag(rest.slice(colon + 1), 'images')
    rest = rest.slice(0, colon)
  }
  if (id.tag === undefined && id.digest === undefined)
    throw new InputError(`images: '${requested}' has neither a tag nor a digest: write REPOSITORY:TAG or REPOSITORY@sha256:….`)
  const repositoryName = parseRepositoryName(rest, `images: '${requested}'`)
  return {
    requested,
    repositoryName,
    ...(registryId !== undefined && { registryId }),
    ...(region !== undefined && { region }),
    id
  }
}

/** Parses the `images` input: references separated by newlines, spaces or commas. */
export function parseReferences(text: string): ParsedReference[] {
  const tokens = text.split(/[\s,]+/).filter(Boolean)
  if (tokens.length === 0) throw new InputError('images is empty: give at least one reference, for example team/api:v1.')
  return tokens.map(parseReference)
}
