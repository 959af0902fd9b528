// The YAML machinery every YAML reader shares (Kubernetes, Helm, kustomize, CloudFormation, workflows):
// one document's anchors and aliases, merge keys as YAML 1.2 and Go's reader read them, where a
// scalar's exact text is written, and the edits that put a digest into a string or a map.
import { type Document, LineCounter, type Node, type Pair, type Scalar, type YAMLMap, isAlias, isMap, isScalar, isSeq, visit } from 'yaml'
import { type Edit, type FileReference, referenceEdit } from '../reference.js'

/** What the reader of one document needs. */
export interface Context {
  file: string
  source: string
  lines: LineCounter
  /** Each anchor's nodes, in document order: an alias names the last one before it. */
  anchors: Map<string, { at: number; node: Node }[]>
  /** Values already looked up in a map (merge chains are walked once), by the reader that read them. */
  values: Map<string, Map<YAMLMap, unknown>>
}

/** The anchors of a document, read once (resolving each alias by walking the document took quadratic time). */
export function anchorsOf(document: Document.Parsed): Context['anchors'] {
  const anchors: Context['anchors'] = new Map()
  visit(document, (_key, node) => {
    const anchored = node as (Node & { anchor?: string }) | null
    if (anchored && typeof anchored.anchor === 'string' && anchored.range) {
      const list = anchors.get(anchored.anchor) ?? []
      list.push({ at: anchored.range[0], node: anchored })
      anchors.set(anchored.anchor, list)
    }
  })
  for (const list of anchors.values()) list.sort((a, b) => a.at - b.at)
  return anchors
}

/** A node with aliases followed to what they name (undefined for an alias to nothing). */
export function resolved(node: unknown, context: Context): unknown {
  if (!isAlias(node)) return node
  const at = node.range?.[0] ?? Infinity
  const list = context.anchors.get(node.source) ?? []
  // The last anchor before the alias (binary search: a name may be anchored again and again).
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((list[middle]?.at ?? Infinity) < at) low = middle + 1
    else high = middle
  }
  return list[low - 1]?.node
}

/** `<<`, as YAML 1.2 reads it (a string) and as YAML 1.1 does (a merge key). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'))
}

/** The maps a map merges in with `<<` (an alias, a map, or a list of them), nearest first. */
export function mergedMaps(map: YAMLMap, context: Context): YAMLMap[] {
  const maps: YAMLMap[] = []
  for (const item of map.items) {
    if (!isMergeKey(item.key)) continue
    const value = resolved(item.value, context)
    const sources = isSeq(value) ? value.items.map((entry) => resolved(entry, context)) : [value]
    for (const source of sources) if (isMap(source)) maps.push(source)
  }
  return maps
}

/** A map's own pair for `key`. */
export function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key)
}

/** The value of `key` in a map, its own or merged in (`<<`), aliases followed. */
export function valueOf(map: YAMLMap, key: string, context: Context, seen = new Set<YAMLMap>()): unknown {
  return remembered(`spec\u0000${key}`, map, context, () => {
    seen.add(map)
    const pair = ownPair(map, key)
    if (pair !== undefined) return resolved(pair.value, context)
    for (const merged of mergedMaps(map, context)) {
      if (seen.has(merged)) continue
      const value = valueOf(merged, key, context, seen)
      if (value !== undefined) return value
    }
    return undefined
  })
}

/**
 * The value of `key` as Go's YAML reader (yaml.v2, which Helm uses) reads it: the map's items in
 * order, the last one that sets the key winning, a merge setting what its maps hold (the first map of
 * a merge list winning among them).
 */
export function goValueOf(map: YAMLMap, key: string, context: Context, seen = new Set<YAMLMap>()): unknown {
  return remembered(`go\u0000${key}`, map, context, () => {
    seen.add(map)
    let value: unknown
    for (const item of map.items) {
      if (isMergeKey(item.key)) {
        const merged = resolved(item.value, context)
        const sources = isSeq(merged) ? merged.items.map((entry) => resolved(entry, context)) : [merged]
        for (const source of sources.reverse())
          if (isMap(source) && !seen.has(source)) {
            const set = goValueOf(source, key, context, seen)
            if (set !== undefined) value = set
          }
      } else if (isScalar(item.key) && item.key.value === key) value = resolved(item.value, context)
    }
    return value
  })
}

function remembered(reader: string, map: YAMLMap, context: Context, read: () => unknown): unknown {
  const known = context.values.get(reader) ?? new Map<YAMLMap, unknown>()
  context.values.set(reader, known)
  if (known.has(map)) return known.get(map)
  const value = read()
  known.set(map, value)
  return value
}

export function scalarOf(map: YAMLMap, key: string, context: Context): Scalar | undefined {
  const value = valueOf(map, key, context)
  return isScalar(value) ? value : undefined
}

export const QUOTED = new Set(['QUOTE_DOUBLE', 'QUOTE_SINGLE'])

export interface Located {
  /** The scalar's value as the file means it (escapes and folding applied; a block's final line breaks dropped). */
  value: string
  /** Where that exact text is written, when it is written as one piece. */
  range?: { start: number; end: number }
  why?: string
}

/** A scalar's value and where that very text is written in the source, if it is written literally. */
export function locate(scalar: Scalar, source: string): Located {
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED'
  const raw = typeof scalar.value === 'string' ? scalar.value : String(scalar.source ?? scalar.value ?? '')
  const value = block ? raw.replace(/\n+$/, '') : raw
  const [start, end] = scalar.range ?? []
  if (start === undefined || end === undefined) return { value, why: 'its place in the file is unknown' }
  const quoted = QUOTED.has(scalar.type ?? '')
  const inner = quoted ? { start: start + 1, end: end - 1 } : { start, end }
  const written = source.slice(inner.start, inner.end)
  if (!block) {
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

/** The line ending of the line holding `offset`: `\r\n` or `\n` (or the file's, on a last line without one). */
export function lineEndAt(source: string, offset: number): { at: number; eol: string } {
  const newline = source.indexOf('\n', offset)
  if (newline < 0) return { at: source.length, eol: source.includes('\r\n') ? '\r\n' : '\n' }
  return source[newline - 1] === '\r' ? { at: newline - 1, eol: '\r\n' } : { at: newline, eol: '\n' }
}

/**
 * The edit that gives an empty value (`digest:`, `digest: ~`, `digest: &d`, `digest:   # note`) its
 * digest: after the key's colon and any anchor or tag, replacing `~` or `null`, one space before it and
 * one before a comment that follows.
 */
export function emptyValueEdit(source: string, keyEnd: number, quote: string): Edit | undefined {
  const colon = source.indexOf(':', keyEnd)
  if (colon < 0) return undefined
  let at = colon + 1
  for (;;) {
    while (source[at] === ' ' || source[at] === '\t') at++
    if (source[at] !== '&' && source[at] !== '!') break
    while (at < source.length && !/[\s,{}[\]]/.test(source[at] ?? '')) at++
  }
  const written = /^(?:~|null|Null|NULL)(?=$|[\s,}\]#])/.exec(source.slice(at))?.[0] ?? ''
  const end = at + written.length
  return {
    start: at,
    end,
    before: `${/[ \t]/.test(source[at - 1] ?? '') ? '' : ' '}${quote}`,
    after: `${quote}${source[end] === '#' ? ' ' : ''}`
  }
}

/**
 * Where a map's digest goes (a Helm map's, a kustomize entry's): its own digest's value when it has one
 * (an empty `digest:` gets one, after a space); else a new key inside the map, after the line of the
 * first of `after` it has (else another key's written on one line with its value: never after the
 * map's last key, which may hold a list, a map or a block scalar), with the map's indentation and that
 * line's ending; in a flow map, `, digest: …` after its last value (`, "digest": "…"` in JSON, told by
 * how its `named` key is written).
 */
export function digestKeyEdit(
  map: YAMLMap,
  context: Context,
  keys: { after: readonly string[]; named: string }
): { edit?: Edit; why?: string } {
  const { source, lines } = context
  const digestPair = ownPair(map, 'digest')
  if (digestPair !== undefined) {
    const digest = digestPair.value
    if (isAlias(digest)) return { why: `its digest is the alias *${digest.source}: write the digest in the map itself` }
    if (!isScalar(digest)) return { why: 'its digest key does not hold a single value' }
    const empty = digest.value === null || digest.value === ''
    if (empty && digest.type === 'PLAIN') {
      if (digest.tag !== undefined && digest.tag !== 'tag:yaml.org,2002:str')
        return { why: `its empty digest is tagged ${digest.tag.replace('tag:yaml.org,2002:', '!!')}: write digest: "" instead` }
      // In JSON (a quoted key), the value is quoted too: `"digest": null` becomes `"digest": "sha256:…"`.
      const quote = (digestPair.key as Scalar | undefined)?.type === 'QUOTE_DOUBLE' ? '"' : ''
      const edit = emptyValueEdit(source, (digestPair.key as Node | undefined)?.range?.[1] ?? digest.range?.[0] ?? 0, quote)
      return edit ? { edit } : { why: 'its empty digest cannot be located' }
    }
    const located = locate(digest, source)
    const [start, end] = digest.range ?? []
    if (empty && QUOTED.has(digest.type ?? '') && start !== undefined && end !== undefined)
      return { edit: { start: start + 1, end: end - 1, before: '', after: '' } }
    if (located.range === undefined) return { why: `its digest cannot be edited in place (${located.why ?? 'its place is unknown'})` }
    return { edit: { ...located.range, before: '', after: '' } }
  }
  if (map.flow) {
    const last = map.items.at(-1)
    const lastEnd = (last?.value as Node | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1]
    if (lastEnd === undefined) return { why: 'it is an empty flow map' }
    const json = (ownPair(map, keys.named)?.key as Scalar | undefined)?.type === 'QUOTE_DOUBLE'
    return {
      edit: json
        ? { start: lastEnd, end: lastEnd, before: ', "digest": "', after: '"' }
        : { start: lastEnd, end: lastEnd, before: ', digest: ', after: '' }
    }
  }
  // After a key written on one line with its value (a scalar, an alias, `<<: [*a, *b]`), indented where
  // that key's line starts it (before any anchor or tag of the key; a map that starts on a list item's
  // line, `- repository: x`, has its keys at that key's column).
  for (const pair of [...keys.after.map((key) => ownPair(map, key)), ...map.items]) {
    const key = pair?.key
    const value = pair?.value as Node | undefined
    if (!isScalar(key) || value === undefined || (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')))
      continue
    const [keyStart] = key.range ?? []
    const [, valueEnd] = value.range ?? []
    if (keyStart === undefined || valueEnd === undefined) continue
    const { line, col } = lines.linePos(keyStart)
    if (line !== lines.linePos(valueEnd).line) continue
    const lineStart = keyStart - (col - 1)
    const indent = source.slice(lineStart, keyStart).replace(/(?:[&!][^\s]*[ \t]+)+$/, '')
    if (!/^[ \t]*(?:-[ \t]+)*$/.test(indent)) continue
    const { at, eol } = lineEndAt(source, valueEnd)
    return { edit: { start: at, end: at, before: `${eol}${' '.repeat(indent.length)}digest: `, after: '' } }
  }
  return { why: 'none of its keys is written on one line with its value, to put a digest key after' }
}

export const lineOf = (node: unknown, context: Context): number => context.lines.linePos((node as Node | undefined)?.range?.[0] ?? 0).line

/** A reference written as one scalar (`image: repo:tag[@digest]`); `skip` characters before it are not part of it (`docker://`). */
export function scalarReference(scalar: Scalar, context: Context, skip = 0): FileReference | undefined {
  if (typeof scalar.value !== 'string' || scalar.value.trim() === '') return undefined
  const located = locate(scalar, context.source)
  const value = located.value.slice(skip)
  const range = located.range && { start: located.range.start + skip, end: located.range.end }
  const why = located.why
  const at = value.indexOf('@')
  return {
    file: context.file,
    line: context.lines.linePos(range?.start ?? scalar.range?.[0] ?? 0).line,
    text: value,
    ...(at >= 0 && { writtenDigest: value.slice(at + 1) }),
    ...(range ? { edit: referenceEdit(context.source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
  }
}

/**
 * A map whose tag key holds a digest (Helm's `tag: v1@sha256:…`, kustomize's `newTag: v1@sha256:…`):
 * the reference reads the digest there, and pin updates it there. Both a digest in the tag and a digest
 * key is one digest too many.
 */
export function tagWithDigest(
  where: { file: string; line: number; text: string },
  tag: Scalar,
  digestKey: string,
  context: Context
): FileReference {
  const tagText = locate(tag, context.source).value
  if (digestKey !== '') return { ...where, unreadable: 'both its tag and its digest key hold a digest: keep one' }
  const located = locate(tag, context.source)
  return {
    ...where,
    writtenDigest: tagText.slice(tagText.indexOf('@') + 1),
    ...(located.range
      ? { edit: referenceEdit(context.source, located.range.start, located.range.end) }
      : { unpinnable: `its tag cannot be edited in place (${located.why ?? 'its place is unknown'})` })
  }
}
