// The `images` input: image references `[REGISTRY/]REPOSITORY[:TAG][@DIGEST]`; and ECR repository
// names, checked as ECR checks them (also for `repository-name`).
import { type ImageId, type ImageRequest, InputError } from '../image.js'
import { readEcrHost } from '../registry-host.js'
import { validateDigest, validateTag } from './image-ids.js'

const REPOSITORY_SEGMENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REPOSITORY_NAME = new RegExp(`^(?:${REPOSITORY_SEGMENT}/)*${REPOSITORY_SEGMENT}$`)

export function parseRepositoryName(value: string, input = 'repository-name'): string {
  const name = value.trim()
  if (name.length === 0) throw new InputError(`${input} is empty: give the repository, for example team/api.`)
  if (/\.dkr\.ecr[.-]|:|@/.test(name))
    throw new InputError(
      `${input}: repository '${name}' looks like an image URI: give only the repository name (for example team/api), the tags or digests in image-ids, and the account in registry-id.`
    )
  if (name.length < 2 || name.length > 256)
    throw new InputError(`${input}: repository '${name}' must be 2 to 256 characters long (it is ${name.length}).`)
  if (!REPOSITORY_NAME.test(name))
    throw new InputError(
      `${input}: repository '${name}' is not a valid ECR repository name: use lowercase letters, digits and . _ - between them, with / between path segments.`
    )
  return name
}

/** Where a reference without a registry host looks: the registry-id input and the default region. */
export interface ReferenceDefaults {
  registryId?: string
  /** The default region; throws the no-region error when there is none (a host of its own needs none). */
  region: () => string
}

export function parseReference(requested: string, defaults: ReferenceDefaults): ImageRequest {
  let rest = requested
  let registryId = defaults.registryId
  let region: string | undefined
  let registryHost: string | undefined
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  if (first.includes('.') || first.includes(':') || first === 'localhost') {
    const read = readEcrHost(first)
    if (!('host' in read))
      throw new InputError(
        read.expected !== undefined
          ? `images: '${requested}' names the registry '${first}', but ECR's hosts in that region end otherwise: did you mean ${read.expected}?`
          : `images: '${requested}' names the registry '${first}', which is not an ECR registry (<account>.dkr.ecr.<region>.<partition's DNS suffix> such as amazonaws.com, amazonaws.com.cn or amazonaws.eu; FIPS dkr.ecr-fips; or dual-stack <account>.dkr-ecr.<region>.on.aws).`
      )
    registryId = read.host.registryId
    region = read.host.region
    registryHost = first
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
    region: region ?? defaults.region(),
    ...(registryHost !== undefined && { registryHost }),
    id
  }
}

/** Parses the `images` input: references separated by newlines, spaces or commas. */
export function parseReferences(text: string, defaults: ReferenceDefaults): ImageRequest[] {
  const tokens = text.split(/[\s,]+/).filter(Boolean)
  if (tokens.length === 0) throw new InputError('images is empty: give at least one reference, for example team/api:v1.')
  return tokens.map((token) => parseReference(token, defaults))
}
