// Image references in the files users write, with the line each is on and how to pin it in place:
// every `image:` in YAML and JSON (Kubernetes containers, initContainers and ephemeralContainers in
// any workload or template, docker compose services, ECS containerDefinitions) read with a real
// parser that keeps source ranges; Helm values' `image: {registry?, repository, tag, digest?}` maps;
// and Dockerfile `FROM` lines (a stage named by an earlier `FROM … AS name` is not an image).
import { LineCounter, type Pair, type Scalar, type YAMLMap, isMap, isScalar, parseAllDocuments, visit } from 'yaml'
import { InputError } from '../image.js'

/** How to write a reference's pinned form back into its file, as a replacement of source text. */
export type Edit =
  /** Replace [start, end) (a scalar's text, inside its quotes) with the pinned reference. */
  | { kind: 'reference'; start: number; end: number }
  /** Replace [start, end) (a Helm map's digest value) with the digest. */
  | { kind: 'digest'; start: number; end: number }
  /** Insert a `digest:` line at `at` (the end of the map's last key line), indented like its keys. */
  | { kind: 'insert-digest'; at: number; indent: string }

export interface FileReference {
  /** Workspace-relative path with `/`. */
  file: string
  /** 1-based line of the reference (of the map's repository key for a Helm map). */
  line: number
  /** The reference as written (for a Helm map, composed from its keys). */
  text: string
  /** The digest written next to it, if any (verified, or updated by pin). */
  writtenDigest?: string
  /** How to pin it; undefined when it cannot be pinned in place (a block scalar, a flow map without digest). */
  edit?: Edit
}

/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
export const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/

const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i

/** The text range of a scalar's value, inside its quotes; undefined for block scalars. */
function innerRange(scalar: Scalar): { start: number; end: number } | undefined {
  const [start, end] = scalar.range ?? []
  if (start === undefined || end === undefined) return undefined
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') return { start: start + 1, end: end - 1 }
  if (scalar.type === 'PLAIN') return { start, end }
  return undefined
}

/** The scalar text of a map's key, as written (a tag of 1.10 stays 1.10, not 1.1). */
function scalarText(map: YAMLMap, key: string): Scalar | undefined {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Scalar, unknown> | undefined
  return isScalar(pair?.value) ? pair.value : undefined
}

function sourceOf(scalar: Scalar, source: string): string {
  const range = innerRange(scalar)
  return range ? source.slice(range.start, range.end) : String(scalar.value ?? '')
}

/** A Helm values map: `{registry?, repository, tag?, digest?}`. */
function helmReference(file: string, map: YAMLMap, source: string, lines: LineCounter): FileReference | undefined {
  const repository = scalarText(map, 'repository')
  if (repository === undefined) return undefined
  const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarText(map, key))
  const text = [registry ? `${sourceOf(registry, source)}/` : '', sourceOf(repository, source), tag ? `:${sourceOf(tag, source)}` : '']
    .join('')
    .replace(/^\/+/, '')
  const digestText = digest ? sourceOf(digest, source) : undefined
  const line = lines.linePos(repository.range?.[0] ?? 0).line
  let edit: Edit | undefined
  const digestRange = digest ? innerRange(digest) : undefined
  if (digestRange) edit = { kind: 'digest', ...digestRange }
  else if (!digest && !map.flow) {
    // After the map's last key line, with that key's indentation.
    const last = map.items.at(-1) as Pair<Scalar, Scalar> | undefined
    const keyStart = last?.key?.range?.[0]
    const valueEnd = (last?.value as Scalar | undefined)?.range?.[1] ?? last?.key?.range?.[1]
    if (keyStart !== undefined && valueEnd !== undefined) {
      const column = lines.linePos(keyStart).col
      const lineEnd = source.indexOf('\n', valueEnd)
      const at = lineEnd < 0 ? source.length : source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd
      edit = { kind: 'insert-digest', at, indent: ' '.repeat(column - 1) }
    }
  }
  return {
    file,
    line,
    text: digestText ? `${text}@${digestText}` : text,
    ...(digestText && { writtenDigest: digestText }),
    ...(edit && { edit })
  }
}

function scalarReference(file: string, scalar: Scalar, source: string, lines: LineCounter): FileReference | undefined {
  if (typeof scalar.value !== 'string' || scalar.value.trim() === '') return undefined
  const range = innerRange(scalar)
  const text = range ? source.slice(range.start, range.end) : scalar.value
  const at = text.indexOf('@')
  return {
    file,
    line: lines.linePos(scalar.range?.[0] ?? 0).line,
    text,
    ...(at >= 0 && { writtenDigest: text.slice(at + 1) }),
    ...(range && { edit: { kind: 'reference' as const, ...range } })
  }
}

function yamlReferences(file: string, source: string): FileReference[] {
  const lines = new LineCounter()
  const documents = parseAllDocuments(source, { lineCounter: lines, uniqueKeys: false })
  const list = Array.isArray(documents) ? documents : []
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
  for (const document of list)
    visit(document, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== 'image') return
        const reference = isScalar(pair.value)
          ? scalarReference(file, pair.value, source, lines)
          : isMap(pair.value)
            ? helmReference(file, pair.value, source, lines)
            : undefined
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
          edit: { kind: 'reference', start, end: start + image.length }
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
