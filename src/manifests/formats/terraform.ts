// Terraform (`.tf`, HCL): image references in `image_uri` (aws_lambda_function), `image_identifier`
// (App Runner) and `image` (container definitions written as `jsonencode({...})`, or as a JSON heredoc,
// and anywhere else). Read with a tokenizer that knows HCL exactly where it matters: strings with
// escapes and `${…}`/`%{…}` templates (nested strings and braces included; `$${` is a literal), heredocs
// (`<<EOF`, `<<-EOF`), and `#`, `//` and `/* */` comments, so a reference in a comment or a string's
// interpolation is never taken for one. No HCL parser for JavaScript keeps source positions, and what
// pin needs is each string's exact place: a tokenizer gives exactly that. A value with interpolation
// (`${var.tag}`) is templated: a notice, as everywhere.
import { InputError } from '../../image.js'
import { safeText } from '../../text.js'
import { type FileReference, digestOnlyEdit, referenceEdit } from '../reference.js'

/** The attribute names that hold an image reference. */
const IMAGE_KEYS = new Set(['image_uri', 'image_identifier', 'image'])

const TEMPLATED_HINT = 'Check the value Terraform gives it where it is set, or write the reference itself with its digest'

type Token =
  | { kind: 'name'; text: string; start: number }
  | { kind: 'string'; start: number; end: number; templated: boolean; escaped: boolean }
  | { kind: 'heredoc'; start: number; end: number }
  | { kind: 'punct'; text: string; start: number }

class HclError extends Error {
  constructor(
    readonly at: number,
    message: string
  ) {
    super(message)
  }
}

/** Tokens of an HCL file: names, strings (their content's range), heredoc bodies and punctuation; comments skipped. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let index = 0

  /** Skips a `${…}` or `%{…}` template from its `{`: nested braces and strings; returns the index after its `}`. */
  const skipTemplate = (open: number): number => {
    let depth = 0
    let at = open
    while (at < source.length) {
      const char = source[at]
      if (char === '{') depth++
      else if (char === '}') {
        depth--
        if (depth === 0) return at + 1
      } else if (char === '"') {
        at = readString(at).end + 1
        continue
      } else if (char === '#' || (char === '/' && (source[at + 1] === '/' || source[at + 1] === '*'))) {
        at = skipComment(at)
        continue
      }
      at++
    }
    throw new HclError(open, 'a template ${…} is never closed')
  }

  /** A string from its opening quote: its content's range, and whether it has templates or escapes. */
  const readString = (quote: number): { start: number; end: number; templated: boolean; escaped: boolean } => {
    let at = quote + 1
    let templated = false
    let escaped = false
    while (at < source.length) {
      const char = source[at]
      if (char === '"') return { start: quote + 1, end: at, templated, escaped }
      if (char === '\n') break
      if (char === '\\') {
        escaped = true
        at += 2
      } else if ((char === '$' || char === '%') && source[at + 1] === char && source[at + 2] === '{') {
        escaped = true // `$${` and `%%{` are a literal `${` and `%{`
        at += 3
      } else if ((char === '$' || char === '%') && source[at + 1] === '{') {
        templated = true
        at = skipTemplate(at + 1)
      } else at++
    }
    throw new HclError(quote, 'a string is never closed on its line')
  }

  /** Skips a comment from its first character; returns the index after it. */
  const skipComment = (at: number): number => {
    if (source[at] === '/' && source[at + 1] === '*') {
      const end = source.indexOf('*/', at + 2)
      if (end < 0) throw new HclError(at, 'a /* comment is never closed')
      return end + 2
    }
    const end = source.indexOf('\n', at)
    return end < 0 ? source.length : end
  }

  while (index < source.length) {
    const char = source[index] ?? ''
    if (/\s/.test(char)) index++
    else if (char === '#' || (char === '/' && (source[index + 1] === '/' || source[index + 1] === '*'))) index = skipComment(index)
    else if (char === '"') {
      const string = readString(index)
      tokens.push({ kind: 'string', ...string })
      index = string.end + 1
    } else if (char === '<' && source[index + 1] === '<' && /^<<-?[A-Za-z_][\w-]*[ \t]*\r?\n/.test(source.slice(index, index + 200))) {
      const header = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(source.slice(index)) as RegExpExecArray
      const start = index + header[0].length
      const marker = new RegExp(`^[ \\t]*${header[2]}[ \\t]*\\r?$`, 'm')
      const rest = source.slice(start)
      const close = marker.exec(rest)
      if (close === null) throw new HclError(index, `the heredoc <<${header[1]}${header[2]} is never closed`)
      tokens.push({ kind: 'heredoc', start, end: start + close.index })
      index = start + close.index + close[0].length
    } else if (/[A-Za-z_]/.test(char)) {
      const name = /^[A-Za-z_][\w-]*/.exec(source.slice(index, index + 256))?.[0] ?? char
      tokens.push({ kind: 'name', text: name, start: index })
      index += name.length
    } else {
      tokens.push({ kind: 'punct', text: char, start: index })
      index++
    }
  }
  return tokens
}

/** The 1-based line of an offset, by binary search over the file's line starts (counted once per file). */
function lineCounter(source: string): (offset: number) => number {
  const starts = [0]
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle + 1
      else high = middle
    }
    return low
  }
}

interface Reading {
  file: string
  source: string
  lineAt: (offset: number) => number
}

/** A reference written as a string's content [start, end); `lambda`: a Lambda image URI, pinned without its tag. */
function stringReference(
  reading: Reading,
  string: { start: number; end: number; templated: boolean; escaped: boolean },
  lambda = false
): FileReference {
  const { file, source } = reading
  const text = source.slice(string.start, string.end)
  const line = reading.lineAt(string.start)
  if (string.templated) return { file, line, text, templated: TEMPLATED_HINT }
  const at = text.indexOf('@')
  const name = at >= 0 ? text.slice(0, at) : text
  return {
    file,
    line,
    text,
    ...(at >= 0 && { writtenDigest: text.slice(at + 1) }),
    // A Lambda URI still written with its tag is rewritten even when its digest is current.
    ...(lambda && name.lastIndexOf(':') > name.lastIndexOf('/') && { rewrite: true as const }),
    ...(string.escaped
      ? { unpinnable: 'it is written with escapes' }
      : { edit: (lambda ? digestOnlyEdit : referenceEdit)(source, string.start, string.end) })
  }
}

/** `"image": "…"` inside a heredoc of JSON (container_definitions = <<EOF … EOF); a heredoc of anything else (a script) is not read. */
function heredocReferences(reading: Reading, start: number, end: number): FileReference[] {
  const found: FileReference[] = []
  const body = reading.source.slice(start, end)
  if (!/^\s*[[{]/.test(body)) return found
  for (const match of body.matchAll(/"(image|image_uri|imageUri)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g)) {
    const valueStart = start + (match.index ?? 0) + match[0].length - 1 - (match[2]?.length ?? 0)
    const value = match[2] ?? ''
    found.push(
      stringReference(reading, {
        start: valueStart,
        end: valueStart + value.length,
        templated: /(?<![$%])[$%]\{/.test(value),
        escaped: value.includes('\\')
      })
    )
  }
  return found
}

/** Every image reference in a Terraform file, in file order. Throws InputError naming the line when it is not HCL. */
export function terraformReferences(file: string, source: string): FileReference[] {
  const reading: Reading = { file, source, lineAt: lineCounter(source) }
  let tokens: Token[]
  try {
    tokens = tokenize(source)
  } catch (error) {
    if (!(error instanceof HclError)) throw error
    throw new InputError(
      `files: ${safeText(file)}:${reading.lineAt(error.at)} is not valid HCL (${error.message}); fix the file or leave it out of files.`
    )
  }
  const found: FileReference[] = []
  tokens.forEach((token, index) => {
    if (token.kind === 'heredoc') {
      found.push(...heredocReferences(reading, token.start, token.end))
      return
    }
    const key = token.kind === 'name' ? token.text : token.kind === 'string' ? source.slice(token.start, token.end) : undefined
    if (key === undefined || !IMAGE_KEYS.has(key)) return
    const operator = tokens[index + 1]
    const value = tokens[index + 2]
    if (operator?.kind !== 'punct' || (operator.text !== '=' && operator.text !== ':')) return
    // Lambda's image_uri takes a tag or a digest, never both: pin replaces the tag.
    if (value?.kind === 'string') found.push(stringReference(reading, value, key === 'image_uri'))
    else if (value?.kind === 'name') {
      // A conditional (`var.prod ? "a" : "b"`): each string it can give, on the key's line, is a reference.
      const line = reading.lineAt(token.start)
      const strings: Extract<Token, { kind: 'string' }>[] = []
      let conditional = false
      for (let next = index + 2; next < tokens.length; next++) {
        const candidate = tokens[next] as Token
        if (reading.lineAt(candidate.start) !== line) break
        if (candidate.kind === 'string') strings.push(candidate)
        if (candidate.kind === 'punct' && candidate.text === '?') conditional = true
      }
      if (conditional && strings.length > 0) for (const string of strings) found.push(stringReference(reading, string, key === 'image_uri'))
      else if (/^(?:var|local|module|data)$/.test(value.text)) {
        // `image_uri = var.image`: what the variable holds is known elsewhere.
        const lineEnd = source.indexOf('\n', value.start)
        const text = source
          .slice(value.start, lineEnd < 0 ? source.length : lineEnd)
          .replace(/\s*(?:#|\/\/).*$/, '')
          .trim()
        found.push({ file, line: reading.lineAt(value.start), text, templated: TEMPLATED_HINT })
      }
    }
  })
  return found
}
