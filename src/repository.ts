// ECR repository names, checked as ECR checks them.
import { InputError } from './helpers.js'

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
