// JSON with comments and trailing commas (devcontainer.json, VS Code's JSONC): the comments and the
// trailing commas become spaces, so the text keeps every offset and line, and the YAML reader (YAML is
// a superset of JSON) reads it with source positions. Pin edits the original text at those offsets.

/** The text with `//` and `/* … *\/` comments and trailing commas blanked (line breaks kept); strings untouched. */
export function blankJsonComments(text: string): string {
  const out = text.split('')
  let lastComma = -1
  const blank = (from: number, to: number): void => {
    for (let index = from; index < to; index++) if (out[index] !== '\n' && out[index] !== '\r') out[index] = ' '
  }
  let index = 0
  while (index < text.length) {
    const char = text[index]
    if (char === '"') {
      // A string, escapes included: a comment marker or a comma inside it is text.
      index++
      while (index < text.length && text[index] !== '"' && text[index] !== '\n') index += text[index] === '\\' ? 2 : 1
      index++
      lastComma = -1
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index)
      blank(index, end < 0 ? text.length : end)
      index = end < 0 ? text.length : end
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2)
      blank(index, end < 0 ? text.length : end + 2)
      index = end < 0 ? text.length : end + 2
    } else if (char === ',') {
      // Two commas in a row are not a trailing comma: left for the parser to refuse.
      lastComma = lastComma === -1 ? index : -2
      index++
    } else if (char === '}' || char === ']') {
      if (lastComma >= 0) out[lastComma] = ' '
      lastComma = -1
      index++
    } else {
      if (char !== undefined && !/\s/.test(char)) lastComma = -1
      index++
    }
  }
  return out.join('')
}
