// Dockerfile `FROM [--flag=…] image [AS name]` instructions, as BuildKit reads them: the escape
// character of a `# escape=` parser directive, instructions continued over lines, comment lines inside
// them, and heredoc bodies (`RUN <<EOF … EOF`), which hold no instructions. An image named by an
// earlier stage (`FROM … AS name`) is a stage, not an image; `scratch` is no image.
import { type FileReference, referenceEdit } from './reference.js'

/** A piece of one instruction: text of one source line, where it starts in the instruction and in the file. */
interface Piece {
  at: number
  offset: number
  text: string
  line: number
}

/** The instructions of a Dockerfile, each joined from its lines, with where each piece came from. */
function instructions(source: string): { text: string; pieces: Piece[] }[] {
  const lines = source.split('\n')
  const offsets: number[] = []
  let offset = 0
  for (const line of lines) {
    offsets.push(offset)
    offset += line.length + 1
  }
  const content = (index: number): string => (lines[index] ?? '').replace(/\r$/, '')
  // Parser directives: `# name=value` lines at the very top.
  let escape = '\\'
  let index = 0
  for (; index < lines.length; index++) {
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(content(index))
    if (!directive) break
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2]
  }
  const continued = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`)
  const found: { text: string; pieces: Piece[] }[] = []
  while (index < lines.length) {
    const first = content(index)
    if (first.trim() === '' || /^\s*#/.test(first)) {
      index++
      continue
    }
    const pieces: Piece[] = []
    let text = ''
    for (; index < lines.length; index++) {
      const line = content(index)
      if (pieces.length > 0 && (/^\s*#/.test(line) || line.trim() === '')) continue // comments and blank lines inside
      const cut = continued.exec(line)
      const piece = cut ? line.slice(0, cut.index) : line
      pieces.push({ at: text.length, offset: offsets[index] ?? 0, text: piece, line: index + 1 })
      text += piece
      if (!cut) {
        index++
        break
      }
    }
    found.push({ text, pieces })
    // Heredocs: the lines up to each delimiter are the instruction's body. One never closed is no
    // heredoc here: the lines after it are read as instructions, so no FROM goes unchecked.
    for (const { dash, delimiter } of heredocs(text)) {
      let end = index
      while (end < lines.length && (dash ? content(end).replace(/^\t+/, '') : content(end)) !== delimiter) end++
      if (end < lines.length) index = end + 1
    }
  }
  return found
}

/**
 * The heredocs an instruction opens, as BuildKit finds them: only in RUN, COPY and ADD (also after
 * ONBUILD), in words split on white space outside quotes, each word `[n]<<[-]DELIMITER`, the delimiter
 * possibly quoted.
 */
function heredocs(instruction: string): { dash: boolean; delimiter: string }[] {
  const words = instruction.match(/(?:[^\s"'\\]+|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+/g) ?? []
  const keyword = (words[0]?.toUpperCase() === 'ONBUILD' ? words[1] : words[0])?.toUpperCase() ?? ''
  if (!['RUN', 'COPY', 'ADD'].includes(keyword)) return []
  const found: { dash: boolean; delimiter: string }[] = []
  for (const word of words) {
    const match = /^\d*<<(-?)([^<]*)$/.exec(word)
    // The delimiter as the shell lexes it: quotes and escapes removed (`<<"EOF"`, `<<\EOF`, `<<E"OF"`).
    const delimiter = match?.[2]?.replace(/\\(.)|["']/g, '$1') ?? ''
    if (match && delimiter !== '') found.push({ dash: match[1] === '-', delimiter })
  }
  return found
}

export function dockerfileReferences(file: string, source: string): FileReference[] {
  const found: FileReference[] = []
  const stages = new Set<string>()
  for (const { text, pieces } of instructions(source)) {
    const match = /^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(text)
    if (!match) continue
    const [, from = '', flags = '', image = '', stage] = match
    if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch') {
      const start = from.length + flags.length
      const piece = pieces.find((candidate) => candidate.at <= start && start < candidate.at + candidate.text.length)
      const whole = piece !== undefined && start + image.length <= piece.at + piece.text.length
      const at = image.indexOf('@')
      const offset = (piece?.offset ?? 0) + start - (piece?.at ?? 0)
      found.push({
        file,
        line: piece?.line ?? pieces[0]?.line ?? 1,
        text: image,
        ...(at >= 0 && { writtenDigest: image.slice(at + 1) }),
        ...(whole ? { edit: referenceEdit(source, offset, offset + image.length) } : { unpinnable: 'it is written across lines' })
      })
    }
    if (stage) stages.add(stage.toLowerCase())
  }
  return found
}
