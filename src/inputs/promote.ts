// The promote-tags, promote-overwrite and promote-dry-run inputs: which tags every found image gets,
// whether a tag on another image may move, and whether to write at all. Read before any call; the
// check that no two images of one repository would get the same tag runs once the requests are known.
import { type ImageRequest, InputError, repositoryKey, requestKey } from '../image.js'
import { nearest, splitList } from '../text.js'

export type Overwrite = 'never' | 'always'

export interface PromoteSettings {
  /** The tags, in the order written, without repeats. */
  tags: string[]
  overwrite: Overwrite
  /** Plan and report, write nothing. */
  dryRun: boolean
}

/** ECR's rule for a tag: its characters, and 1 to 300 of them. */
const TAG = /^[a-zA-Z0-9._-]+$/
export const MAX_TAG_LENGTH = 300
const OVERWRITES: readonly Overwrite[] = ['never', 'always']

export function parsePromoteTags(value: string): string[] {
  const tags = [...new Set(splitList(value))]
  for (const tag of tags) {
    if (tag.length > MAX_TAG_LENGTH)
      throw new InputError(`promote-tags: '${tag.slice(0, 40)}…' has ${tag.length} characters; ECR allows a tag at most ${MAX_TAG_LENGTH}.`)
    if (!TAG.test(tag))
      throw new InputError(
        `promote-tags: '${tag}' is not a tag ECR accepts: use letters, digits, '.', '_' and '-' only (a tag, like v1.4.0, not a reference like app:v1.4.0).`
      )
  }
  return tags
}

export function parseOverwrite(value: string): Overwrite {
  const text = value.trim().toLowerCase()
  if (text === '') return 'never'
  if ((OVERWRITES as readonly string[]).includes(text)) return text as Overwrite
  throw new InputError(`promote-overwrite: '${value.trim()}' is not never or always; did you mean ${nearest(text, OVERWRITES)}?`)
}

/** The promote settings, or undefined when promote-tags is empty (nothing is promoted). */
export function parsePromote(tagsInput: string, overwriteInput: string, dryRun: boolean): PromoteSettings | undefined {
  const tags = parsePromoteTags(tagsInput)
  const overwrite = parseOverwrite(overwriteInput)
  if (tags.length === 0) return undefined
  return { tags, overwrite, dryRun }
}

/**
 * Each repository may hold one image to promote: two images of one repository given the same tags
 * would fight over them. An input error before any call, naming both.
 */
export function checkOneImagePerRepository(requests: readonly ImageRequest[]): void {
  const first = new Map<string, ImageRequest>()
  for (const request of requests) {
    const seen = first.get(repositoryKey(request))
    if (seen === undefined) first.set(repositoryKey(request), request)
    else if (requestKey(seen) !== requestKey(request))
      throw new InputError(
        `promote-tags would put the same tags on two images of repository '${request.repositoryName}' (${seen.requested} and ${request.requested}); promote one image per repository: look the other up in a separate step.`
      )
  }
}
