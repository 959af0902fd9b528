// The `image-ids` input: tags, digests, `imageTag=T,imageDigest=D` shorthand and the AWS CLI's JSON;
// and the tag and digest syntax that `images` references share.
import { type ImageId, type ImageRequest, InputError, isDigest } from '../image.js'

const MAX_TAG_LENGTH = 300
const KEYS = ['imageTag', 'imageDigest'] as const
type Key = (typeof KEYS)[number]

/** An id with the text the user wrote for it. */
type WrittenId = Pick<ImageRequest, 'requested' | 'id'>

export function validateDigest(digest: string, input = 'image-ids'): string {
  if (isDigest(digest)) return digest
  throw new InputError(
    `${input}: '${digest}' is not a valid image digest: expected 'sha256:' followed by 64 lowercase hexadecimal characters.`
  )
}

export function validateTag(tag: string, input = 'image-ids'): string {
  if (tag.length > MAX_TAG_LENGTH)
    throw new InputError(`${input}: the tag '${tag.slice(0, 40)}…' is ${tag.length} characters long; ECR allows at most ${MAX_TAG_LENGTH}.`)
  if (tag.length === 0) throw new InputError(`${input}: a tag is empty.`)
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(tag))
    throw new InputError(`${input}: the tag ${JSON.stringify(tag)} contains whitespace or control characters.`)
  if (tag.includes('@'))
    throw new InputError(
      `${input}: '${tag}' is not a tag ('@' is not allowed). To give a tag and its digest, write imageTag=TAG,imageDigest=DIGEST.`
    )
  return tag
}

/**
 * A value without the quotes a shell step would have removed (`imageTag="v2"`), as the AWS CLI reads
 * it: neither a tag nor a digest can contain a quote.
 */
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  return quoted ? (quoted[2] ?? '') : value
}

/** A bare value: a digest when it has an algorithm prefix, else a tag. */
function parseBare(written: string): ImageId {
  const value = unquote(written)
  if (value.includes('@')) return { tag: validateTag(value) } // explains TAG@DIGEST
  if (value.includes(':')) {
    if (/^sha(?:256|512):/i.test(value)) return { digest: validateDigest(value) }
    throw new InputError(
      `image-ids: '${value}' is neither a tag nor a digest (tags cannot contain ':'). Give the repository in repository-name and only tags or digests (sha256:…) here.`
    )
  }
  return { tag: validateTag(value) }
}

function assign(id: ImageId, key: string, value: unknown, where: string): void {
  if (!(KEYS as readonly string[]).includes(key))
    throw new InputError(`image-ids: unknown key '${key}' in ${where}; the keys are imageTag and imageDigest.`)
  if (typeof value !== 'string') throw new InputError(`image-ids: ${key} must be a string in ${where}.`)
  const field = (key as Key) === 'imageTag' ? 'tag' : 'digest'
  if (id[field] !== undefined) throw new InputError(`image-ids: ${key} is given twice in ${where}.`)
  id[field] = field === 'tag' ? validateTag(value) : validateDigest(value)
}

/** `imageTag=T`, `imageDigest=D` or `imageTag=T,imageDigest=D`. */
function parseShorthand(token: string): ImageId {
  const id: ImageId = {}
  for (const pair of token.split(',')) {
    const eq = pair.indexOf('=')
    if (eq < 0) throw new InputError(`image-ids: '${pair}' in '${token}' is not key=value.`)
    assign(id, pair.slice(0, eq).trim(), unquote(pair.slice(eq + 1).trim()), `'${token}'`)
  }
  return id
}

/** The AWS CLI's JSON form: `[{"imageTag":"v1"},{"imageDigest":"sha256:…"}]`. */
function parseJson(text: string): WrittenId[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new InputError(`image-ids: the value starts with '[' but is not valid JSON (${(error as Error).message}).`)
  }
  if (!Array.isArray(parsed)) throw new InputError('image-ids: JSON must be an array of {"imageTag": …, "imageDigest": …} objects.')
  return parsed.map((entry: unknown, index) => {
    const where = `JSON entry ${index + 1}`
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new InputError(`image-ids: ${where} must be an object like {"imageTag": "v1"}.`)
    const id: ImageId = {}
    for (const [key, value] of Object.entries(entry)) assign(id, key, value, where)
    if (id.tag === undefined && id.digest === undefined) throw new InputError(`image-ids: ${where} has neither imageTag nor imageDigest.`)
    return { requested: JSON.stringify(entry), id }
  })
}

/** Where the ids are looked for: the repository, the registry-id input and the default region (read once all ids parse). */
export interface IdsLocation {
  repositoryName: string
  registryId?: string
  region: () => string
}

/** Parses the `image-ids` input into requests in `location`, in the order written (duplicates kept). */
export function parseImageIds(text: string, location: IdsLocation): ImageRequest[] {
  const trimmed = text.trim()
  if (trimmed.length === 0) throw new InputError('image-ids is empty: give at least one tag (v1) or digest (sha256:…).')
  const ids: WrittenId[] = trimmed.startsWith('[')
    ? parseJson(trimmed)
    : trimmed.split(/\s+/).flatMap((token) =>
        token.includes('=')
          ? [{ requested: token, id: parseShorthand(token) }]
          : token
              .split(',')
              .filter(Boolean)
              .map((value) => ({ requested: value, id: parseBare(value) }))
      )
  if (ids.length === 0) throw new InputError('image-ids is empty: give at least one tag (v1) or digest (sha256:…).')
  const { region, ...where } = location
  const resolved = region()
  return ids.map(({ requested, id }) => ({ requested, ...where, region: resolved, id }))
}
