// A reference found in a file: where it is, what it reads, and how to pin it in place. What every
// format's reader returns (extract.ts chooses the reader).

/**
 * How to pin a reference: replace the text [start, end) with `before + digest + after` (an insertion
 * when start equals end). Everything outside [start, end) stays byte for byte.
 */
export interface Edit {
  start: number
  end: number
  before: string
  after: string
}

export interface FileReference {
  /** Workspace-relative path with `/` (of the file itself, when a link named it). */
  file: string
  /** 1-based line of the reference (of the map's repository key for a Helm map; of the anchor for an alias). */
  line: number
  /** The reference as it is read (for a Helm map, composed from its keys). */
  text: string
  /** The digest written next to it, if any (verified, or updated by pin). */
  writtenDigest?: string
  /** How to pin it in place. */
  edit?: Edit
  /** Why it cannot be pinned in place, when it cannot (then edit is undefined); it is still looked up. */
  unpinnable?: string
  /** Why it cannot be read, when it cannot: it is not looked up, and is named at its line. */
  unreadable?: string
  /** A Helm map without a tag (or `tag: ""`): the chart's appVersion decides; text is the repository alone. */
  helmWithoutTag?: true
  /**
   * A value its tool fills in later (`!Ref`, `!Sub '${…}'`, `${var.tag}`, `${{ … }}`): not looked up. What
   * would make it pinnable, for its notice (a reference whose text has `${…}` is templated without one).
   */
  templated?: string
  /** Its form must change even when its digest is current (a Lambda URI still written with its tag). */
  rewrite?: true
  /** Why its tag is decided elsewhere (a kustomize entry without newTag or digest): not looked up; its notice. */
  tagElsewhere?: string
}

/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
export const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/

/** The edit that pins a reference written as the text [start, end): its `@digest` replaced, or one appended. */
export function referenceEdit(source: string, start: number, end: number): Edit {
  const at = source.slice(start, end).indexOf('@')
  return { start: at < 0 ? end : start + at, end, before: '@', after: '' }
}

/**
 * The edit that pins a reference to `<repository>@<digest>`, its tag replaced: for AWS Lambda's image
 * URI, which refuses a tag and a digest together ("Source image … is not valid").
 */
export function digestOnlyEdit(source: string, start: number, end: number): Edit {
  const text = source.slice(start, end)
  const at = text.indexOf('@')
  const name = at < 0 ? text : text.slice(0, at)
  const colon = name.lastIndexOf(':')
  const cut = colon > name.lastIndexOf('/') ? colon : name.length
  return { start: start + cut, end, before: '@', after: '' }
}
