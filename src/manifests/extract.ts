// Image references in the files users write, with the line each is on and how to pin it in place:
// every `image:` in YAML and JSON (Kubernetes containers, initContainers and ephemeralContainers in
// any workload or template, image volumes' `image: {reference}`, docker compose services, ECS
// containerDefinitions) read with a real parser that keeps source ranges, aliases resolved to their
// anchors; Helm values' `image: {registry?, repository, tag?, digest?}` maps, block or flow; and
// Dockerfile `FROM` lines (a stage named by an earlier `FROM … AS name` is not an image).
// Offsets are into the decoded text (see source.ts); a reference that cannot be pinned in place says why.
import {
  type Document,
  LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  isAlias,
  isMap,
  isScalar,
  parseAllDocuments,
  visit
} from 'yaml'
import { InputError } from '../image.js'

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
  /** Why it cannot be pinned in place, when it cannot (then edit is undefined). */
  unpinnable?: string
  /** A Helm map without a tag (or `tag: ""`): the chart's appVersion decides; text is the repository alone. */
  helmWithoutTag?: { edit?: Edit }
}

/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
export const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/

const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i

/** The edit that pins a reference written as the text [start, end): its `@digest` replaced, or one appended. */
function referenceEdit(source: string, start: number, end: number): Edit {
  const at = source.slice(start, end).indexOf('@')
  return { start: at < 0 ? end : start + at, end, before: '@', after: '' }
}

interface Located {
  /** The scalar's value as the file means it (escapes and folding applied), trimmed. */
  value: string
  /** Where that exact text is written, when it is written as one piece. */
  range?: { start: number; end: number }
  why?: string
}

/** A scalar's value and where that very text is written in the source, if it is written literally. */
function locate(scalar: Scalar, source: string): Located {
  const value = typeof scalar.value === 'string' ? scalar.value.trim() : String(scalar.source ?? scalar.value ?? '')
  const [start, end] = scalar.range ?? []
  if (start === undefined || end === undefined) return { value, why: 'its place in the file is unknown' }
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE'
  const inner = quoted ? { start: start + 1, end: end - 1 } : { start, end }
  const written = source.slice(inner.start, inner.end)
  if (scalar.type === 'PLAIN' || quoted) {
    if (written === value) return { value, range: inner }
    return { value, why: quoted ? 'it is written with escapes or across lines' : 'it is written across lines' }
  }
  // A block scalar (`|` or `>`): its one line of content is the reference.
  const lines = written
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
  if (lines.length === 1 && lines[0]?.trim() === value) {
    const offset = written.indexOf(value, written.indexOf('\n'))
    return { value, range: { start: inner.start + offset, end: inner.start + offset + value.length } }
  }
  return { value, why: 'it is a block scalar written across lines' }
}

function pairOf(map: YAMLMap, key: string): Pair<Scalar, unknown> | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Scalar, unknown> | undefined
}

/** The scalar value of a map's key (a tag of 1.10 stays 1.10, not 1.1). */
function scalarOf(map: YAMLMap, key: string): Scalar | undefined {
  const value = pairOf(map, key)?.value
  return isScalar(value) ? value : undefined
}

/** The line ending of the line holding `offset`: `\r\n` or `\n` (or the file's, on a last line without one). */
function lineEndAt(source: string, offset: number): { at: number; eol: string } {
  const newline = source.indexOf('\n', offset)
  if (newline < 0) return { at: source.length, eol: source.includes('\r\n') ? '\r\n' : '\n' }
  return source[newline - 1] === '\r' ? { at: newline - 1, eol: '\r\n' } : { at: newline, eol: '\n' }
}

/**
 * Where a Helm map's digest goes: its digest's value when it has one (an empty `digest:` gets a space
 * before the value); else a new key inside the map, after a one-line key of it (never after the map's
 * last key, which may hold a list, a map or a block scalar), with the map's indentation and that
 * line's ending; in a flow map, `, digest: …` after its last value.
 */
function helmDigestEdit(map: YAMLMap, source: string, lines: LineCounter): { edit?: Edit; why?: string } {
  const digestPair = pairOf(map, 'digest')
  if (digestPair !== undefined) {
    const digest = digestPair.value
    if (!isScalar(digest)) return { why: 'its digest key does not hold a single value' }
    const empty = digest.value === null || digest.value === ''
    const [start, end] = digest.range ?? []
    if (start === undefined || end === undefined) return { why: 'its digest key is written where its place is unknown' }
    if (empty && digest.type === 'PLAIN') {
      // `digest:`, `digest: ~` or `digest: null`: the value replaces what is written, after one space.
      const keyEnd = digestPair.key?.range?.[1] ?? start
      const colon = source.indexOf(':', keyEnd)
      const from = colon >= 0 && colon < start + 1 ? colon + 1 : start
      const written = source.slice(from, end)
      const to = from + written.length - written.trimStart().length
      return { edit: { start: from, end: to + written.trim().length, before: ' ', after: '' } }
    }
    const located = locate(digest, source)
    if (located.range === undefined && !(empty && (digest.type === 'QUOTE_DOUBLE' || digest.type === 'QUOTE_SINGLE')))
      return { why: `its digest ${located.why ?? 'cannot be located'}` }
    const range = located.range ?? { start: start + 1, end: end - 1 }
    return { edit: { ...range, before: '', after: '' } }
  }
  if (map.flow) {
    const last = map.items.at(-1)
    const lastEnd = (last?.value as Node | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1]
    if (lastEnd === undefined) return { why: 'it is an empty flow map' }
    const json = (pairOf(map, 'repository')?.key as Scalar | undefined)?.type === 'QUOTE_DOUBLE'
    return {
      edit: json
        ? { start: lastEnd, end: lastEnd, before: ', "digest": "', after: '"' }
        : { start: lastEnd, end: lastEnd, before: ', digest: ', after: '' }
    }
  }
  // After the tag's line (else the repository's, else another key's written on one line with its
  // value), indented like the map's keys; a map that starts on a list item's line (`- repository: x`)
  // has its keys at that key's column too.
  const byPreference = [pairOf(map, 'tag'), pairOf(map, 'repository'), ...map.items]
  for (const pair of byPreference) {
    if (pair === undefined) continue
    const key = pair.key
    const value = pair.value
    if (!isScalar(key) || !isScalar(value) || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(value.type ?? '')) continue
    const [keyStart] = key.range ?? []
    const [, valueEnd] = value.range ?? []
    if (keyStart === undefined || valueEnd === undefined) continue
    const { line, col } = lines.linePos(keyStart)
    if (line !== lines.linePos(valueEnd).line) continue
    const { at, eol } = lineEndAt(source, valueEnd)
    return { edit: { start: at, end: at, before: `${eol}${' '.repeat(col - 1)}digest: `, after: '' } }
  }
  return { why: 'none of its keys is written on one line with its value, to put a digest key after' }
}

/** A Helm values map: `{registry?, repository, tag?, digest?}`. */
function helmReference(file: string, map: YAMLMap, source: string, lines: LineCounter): FileReference | undefined {
  const repository = scalarOf(map, 'repository')
  if (repository === undefined || typeof repository.value !== 'string') return undefined
  const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarOf(map, key))
  const registryText = registry !== undefined && registry.value !== null ? locate(registry, source).value : ''
  const tagText = tag !== undefined && tag.value !== null ? locate(tag, source).value : ''
  const digestText = digest !== undefined && digest.value !== null ? locate(digest, source).value : ''
  const name = [registryText ? `${registryText}/` : '', locate(repository, source).value].join('').replace(/^\/+/, '')
  const line = lines.linePos(repository.range?.[0] ?? 0).line
  const { edit, why } = helmDigestEdit(map, source, lines)
  const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) }
  const written = digestText ? { writtenDigest: digestText } : {}
  if (tagText === '')
    // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from Chart.yaml beside the file.
    return {
      file,
      line,
      text: digestText ? `${name}@${digestText}` : name,
      ...written,
      ...pinning,
      helmWithoutTag: { ...(edit && { edit }) }
    }
  return { file, line, text: `${name}:${tagText}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning }
}

/** A reference written as one scalar (`image: repo:tag[@digest]`). */
function scalarReference(file: string, scalar: Scalar, source: string, lines: LineCounter): FileReference | undefined {
  if (typeof scalar.value !== 'string' || scalar.value.trim() === '') return undefined
  const { value, range, why } = locate(scalar, source)
  const at = value.indexOf('@')
  return {
    file,
    line: lines.linePos(range?.start ?? scalar.range?.[0] ?? 0).line,
    text: value,
    ...(at >= 0 && { writtenDigest: value.slice(at + 1) }),
    ...(range ? { edit: referenceEdit(source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
  }
}

/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(file: string, node: unknown, source: string, lines: LineCounter): FileReference | undefined {
  if (isScalar(node)) return scalarReference(file, node, source, lines)
  if (!isMap(node)) return undefined
  const volume = scalarOf(node, 'reference')
  if (volume !== undefined && pairOf(node, 'repository') === undefined) return scalarReference(file, volume, source, lines)
  return helmReference(file, node, source, lines)
}

function yamlReferences(file: string, source: string): FileReference[] {
  const lines = new LineCounter()
  const documents = parseAllDocuments(source, { lineCounter: lines, uniqueKeys: false })
  const list: Document.Parsed[] = Array.isArray(documents) ? documents : []
  for (const document of list) {
    const error = document.errors[0]
    if (error) {
      const line = error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line
      throw new InputError(
        `files: ${file}:${line} is not valid YAML or JSON (${error.message.split('\n')[0]}); fix the file or leave it out of files.`
      )
    }
  }
  const found: FileReference[] = []
  // Each node is read once: an alias of an anchored reference is that reference (pin edits the anchor).
  const seen = new Set<unknown>()
  for (const document of list)
    visit(document, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== 'image') return
        const node = isAlias(pair.value) ? pair.value.resolve(document) : pair.value
        if (node === undefined || seen.has(node)) return
        seen.add(node)
        const reference = referenceOf(file, node, source, lines)
        if (reference) found.push(reference)
      }
    })
  return found
}

/** `FROM [--platform=…] image [AS name]`; images named by an earlier stage are stages, not images. */
function dockerfileReferences(file: string, source: string): FileReference[] {
  const found: FileReference[] = []
  const stages = new Set<string>()
  let offset = 0
  source.split('\n').forEach((line, index) => {
    const match = /^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(line)
    if (match) {
      const [, from = '', flags = '', image = '', stage] = match
      if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch') {
        const start = offset + from.length + flags.length
        const at = image.indexOf('@')
        found.push({
          file,
          line: index + 1,
          text: image,
          ...(at >= 0 && { writtenDigest: image.slice(at + 1) }),
          edit: referenceEdit(source, start, start + image.length)
        })
      }
      if (stage) stages.add(stage.toLowerCase())
    }
    offset += line.length + 1
  })
  return found
}

/** Every image reference in a file's text, in file order. Throws InputError for YAML or JSON that does not parse. */
export function extractReferences(file: string, source: string): FileReference[] {
  return DOCKERFILE.test(file) ? dockerfileReferences(file, source) : yamlReferences(file, source)
}

/** A chart's `appVersion` as written (1.10 stays 1.10), from the text of its Chart.yaml; undefined when it has none. */
export function chartAppVersion(source: string): string | undefined {
  const [document] = parseAllDocuments(source) as Document.Parsed[]
  if (document === undefined || document.errors.length > 0 || !isMap(document.contents)) return undefined
  const value = scalarOf(document.contents, 'appVersion')
  if (value === undefined || value.value === null) return undefined
  const text = String(typeof value.value === 'string' ? value.value : (value.source ?? value.value)).trim()
  return text === '' ? undefined : text
}
