// References in YAML and JSON: every `image:` (Kubernetes containers, initContainers and
// ephemeralContainers in any workload or template, image volumes' `image: {reference}`, docker
// compose services, ECS containerDefinitions), and Helm values' `image: {registry?, repository, tag?,
// digest?}` maps, block or flow; read with a real parser that keeps source ranges. Aliases and merge
// keys (`<<: *base`) resolve to what they name, and a reference is pinned where its text is written
// (the anchor). What cannot be read exactly (an alias to nothing, a tag Helm would render otherwise)
// is named at its line; what cannot be pinned in place says why.
import { type Document, LineCounter, type Scalar, type YAMLMap, isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml'
import { InputError } from '../image.js'
import type { FileReference } from './reference.js'
import {
  type Context,
  anchorsOf,
  digestKeyEdit,
  goValueOf,
  isMergeKey,
  lineOf,
  locate,
  ownPair,
  resolved,
  scalarOf,
  scalarReference,
  tagWithDigest,
  valueOf
} from './formats/yaml-nodes.js'
import { documentKind, formatReferences, underStepInputs } from './formats/yaml-formats.js'

/** A float64 as Go's `%v` and `strconv.FormatFloat(f, 'g', -1, 64)` write it: `1.1`, `1e+06`, `1.234567e+06`. */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'
  if (value === 0) return Object.is(value, -0) ? '-0' : '0'
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  return String(value)
}

/**
 * The text Helm renders for a plain scalar Go's YAML reader (yaml.v2, YAML 1.1) reads as a number or a
 * boolean, when that is not the text written: in values, numbers become float64 (`1.10` renders `1.1`,
 * `010` renders `8`, 1234567 renders `1.234567e+06`); in Chart.yaml's string fields, an integer keeps its
 * digits. `yes` renders `true`. Undefined when Helm renders the text as written (or it is `!!str`).
 */
function helmRenders(scalar: Scalar, where: 'values' | 'chart'): string | undefined {
  if (scalar.type !== 'PLAIN' || scalar.tag === 'tag:yaml.org,2002:str') return undefined
  const text = String(scalar.source ?? scalar.value ?? '')
  let rendered: string | undefined
  if (/^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$/.test(text)) rendered = 'true'
  else if (/^(?:n|N|no|No|NO|off|Off|OFF|false|False|FALSE)$/.test(text)) rendered = 'false'
  else {
    const plain = text.replace(/_/g, '')
    const integer = /^([-+]?)(?:0b([01]+)|0x([0-9a-fA-F]+)|0([0-7]+)|([0-9]+))$/.exec(plain)
    if (integer) {
      const [, sign, binary, hex, octal, decimal] = integer
      const magnitude = binary ? parseInt(binary, 2) : hex ? parseInt(hex, 16) : octal ? parseInt(octal, 8) : Number(decimal)
      const value = sign === '-' ? -magnitude : magnitude
      rendered = where === 'chart' ? String(value) : goFloat(value)
    } else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain)) rendered = goFloat(Number(plain))
    else if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(plain)) rendered = 'a number JSON cannot hold'
  }
  return rendered !== undefined && rendered !== text ? rendered : undefined
}

/** A Helm values map: `{registry?, repository, tag?, digest?}`; `parts` collects the scalars it reads. */
function helmReference(map: YAMLMap, context: Context, parts: Map<unknown, string>): FileReference | undefined {
  const { file, source } = context
  // An alias to no anchor among the keys that make the reference (Go's YAML reader, Helm's, refuses it).
  for (const pair of map.items) {
    const key = isMergeKey(pair.key) ? '<<' : isScalar(pair.key) ? String(pair.key.value) : ''
    if (!['repository', 'registry', 'tag', 'digest', '<<'].includes(key)) continue
    const values = isSeq(pair.value) ? pair.value.items : [pair.value]
    const dangling = values.find((value) => isAlias(value) && resolved(value, context) === undefined)
    if (isAlias(dangling))
      return {
        file,
        line: lineOf(dangling, context),
        text: `*${dangling.source}`,
        unreadable: `its ${key} is the alias *${dangling.source}, which names no anchor`
      }
  }
  const repository = scalarOf(map, 'repository', context)
  if (repository === undefined || typeof repository.value !== 'string') return undefined
  // A key written twice, or a merge after the map's own keys: Go's reader takes the last one.
  const disputed = ['repository', 'registry', 'tag', 'digest'].find((key) => valueOf(map, key, context) !== goValueOf(map, key, context))
  if (disputed !== undefined)
    return {
      file,
      line: lineOf(map, context),
      text: locate(repository, source).value,
      unreadable: `its ${disputed} is set twice (a key written again, or a merge key after the map's own keys), and Go's YAML reader, which Helm uses, takes the last: write each key once, and merge keys first`
    }
  const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarOf(map, key, context))
  // The repository's line, or the map's own when the repository comes from elsewhere (`<<: *base`).
  const line = ownPair(map, 'repository') !== undefined ? lineOf(repository, context) : lineOf(map, context)
  for (const [key, part] of Object.entries({ repository, registry, tag, digest }))
    if (part !== undefined) parts.set(part, `the ${key} of the Helm map at line ${line}`)
  const text = (scalar: Scalar | undefined): string => (scalar === undefined || scalar.value === null ? '' : locate(scalar, source).value)
  const name = [text(registry) ? `${text(registry)}/` : '', text(repository)].join('').replace(/^\/+/, '')
  const digestText = text(digest)
  const written = digestText ? { writtenDigest: digestText } : {}
  const rendered = tag !== undefined ? helmRenders(tag, 'values') : undefined
  if (rendered !== undefined)
    return {
      file,
      line: lineOf(tag, context),
      text: `${name}:${text(tag)}`,
      unreadable: `Helm reads the tag ${text(tag)} as a number or boolean and renders ${rendered}, so the image it deploys is not ${text(tag)}; quote it ("${text(tag)}")`
    }
  // `tag: v1@sha256:…`: the digest is written in the tag, and pinned there.
  if (text(tag).includes('@')) return tagWithDigest({ file, line, text: `${name}:${text(tag)}` }, tag as Scalar, digestText, context)
  const { edit, why } = digestKeyEdit(map, context, { after: ['tag', 'repository'], named: 'repository' })
  const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) }
  if (text(tag) === '')
    // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from the Chart.yaml beside the file.
    return { file, line, text: digestText ? `${name}@${digestText}` : name, ...written, ...pinning, helmWithoutTag: true }
  return { file, line, text: `${name}:${text(tag)}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning }
}

/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(node: unknown, context: Context, parts: Map<unknown, string>): FileReference | undefined {
  // `image: docker://<ref>` (an action's runs.image) is the reference after the scheme.
  if (isScalar(node)) return scalarReference(node, context, typeof node.value === 'string' && node.value.startsWith('docker://') ? 9 : 0)
  if (!isMap(node)) return undefined
  // An image volume's `{reference}`, an AWS Copilot manifest's `{location}`.
  const whole = scalarOf(node, 'reference', context) ?? scalarOf(node, 'location', context)
  if (whole !== undefined && valueOf(node, 'repository', context) === undefined) return scalarReference(whole, context)
  return helmReference(node, context, parts)
}

export function yamlReferences(file: string, source: string): FileReference[] {
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
  const wholes = new Map<unknown, FileReference>()
  const parts = new Map<unknown, string>()
  for (const document of list) {
    const context: Context = { file, source, lines, anchors: anchorsOf(document), values: new Map() }
    const kind = documentKind(document, file)
    visit(document, {
      Pair(_key, pair, path) {
        found.push(...formatReferences(kind, pair, path, context, (scalar) => helmRenders(scalar, 'values')))
        if (!isScalar(pair.key) || pair.key.value !== 'image') return
        // A workflow step's `with:` inputs are an action's inputs, not the job's images.
        if (kind === 'workflow' && underStepInputs(path)) return
        const node = resolved(pair.value, context)
        if (node === undefined) {
          const name = isAlias(pair.value) ? pair.value.source : '?'
          found.push({ file, line: lineOf(pair.value, context), text: `*${name}`, unreadable: `its alias *${name} names no anchor` })
          return
        }
        if (seen.has(node)) return
        seen.add(node)
        const reference = referenceOf(node, context, parts)
        if (reference === undefined) return
        found.push(reference)
        if (isScalar(node)) wholes.set(node, reference)
      }
    })
  }
  // One text read twice (an anchored reference a workflow's `container:` and a service's `image: *a`
  // both name) is one reference: pin edits it once.
  const places = new Set<string>()
  // Only the same reference twice: two that share a written place but read otherwise (a tag anchored
  // in two Helm maps of different repositories) both stay, and pin refuses to write the place twice.
  const once = found.filter(({ edit, text, writtenDigest }) => {
    if (edit === undefined) return true
    const place = `${edit.start}:${edit.end}:${text}:${writtenDigest ?? ''}`
    return !places.has(place) && places.add(place) !== undefined
  })
  found.splice(0, found.length, ...once)
  // A scalar that is a whole reference and also part of a Helm map (one anchor used both ways) cannot
  // take both edits: the Helm map is pinned, the whole reference is named.
  for (const [node, reference] of wholes) {
    const part = parts.get(node)
    if (part === undefined || reference.edit === undefined) continue
    delete reference.edit
    reference.unpinnable = `its text is also ${part} (one anchor used both ways)`
  }
  return found
}

/** A chart's `appVersion` as written, from the text of its Chart.yaml: undefined when it has none. */
export function chartAppVersion(source: string): { appVersion: string } | { unreadable: string } | undefined {
  const [document] = parseAllDocuments(source) as Document.Parsed[]
  if (document === undefined || document.errors.length > 0 || !isMap(document.contents)) return undefined
  const context: Context = { file: 'Chart.yaml', source, lines: new LineCounter(), anchors: anchorsOf(document), values: new Map() }
  const value = scalarOf(document.contents, 'appVersion', context)
  if (value === undefined || value.value === null) return undefined
  const text = locate(value, source).value.trim()
  const rendered = helmRenders(value, 'chart')
  if (rendered !== undefined) return { unreadable: `Helm reads its appVersion ${text} as ${rendered}; quote it ("${text}")` }
  return text === '' ? undefined : { appVersion: text }
}
