// How values read in the log, in annotations and in the job summary. Text from ECR (tags, reasons,
// manifests, error messages) is data: a log line starting with "::" is a workflow command, and the
// summary would otherwise render it as markdown or HTML.

// C0 controls (including CR and LF), DEL, C1 controls, and Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** One log line's worth of untrusted text: control characters become visible `\uXXXX` escapes. */
export function safeText(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~:@$^]/g

/** Untrusted text as a markdown table cell: no HTML, no markdown syntax, no line breaks. */
export function escapeMarkdown(text: string): string {
  return safeText(text)
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** A readable message from any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** `a, b, c` or, past `limit`, `a, b and 8 more`: names for one log line or error. */
export function listNames(names: readonly string[], limit = 20): string {
  const shown = names.slice(0, limit).join(', ')
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown
}

/** `512 KiB`, `4.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/** `1m 30s`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const seconds = Math.round(ms / 1000)
  const parts = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's']
  ].filter(([amount]) => amount !== 0)
  return parts.map(([amount, unit]) => `${amount}${unit}`).join(' ')
}

/** Edit distance, case-insensitive: how far a typo is from a known value. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[y.length] ?? 0
}

/** The candidate nearest to `entry` (the first of equals), for "did you mean …?". */
export function nearest(entry: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? ''
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = editDistance(entry, candidate)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

/** Splits a list input on newlines, spaces and commas, dropping empty entries. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((item) => item.length > 0)
}

/**
 * Untrusted text as inline code in the job summary, a table cell included. Inside a code span markdown
 * and HTML are literal (no emphasis, links or tags); the fence is one backtick longer than any run of
 * backticks in the text, and `|`, which splits a table cell even there, is escaped as GFM requires.
 */
export function codeSpan(text: string): string {
  if (text === '') return ''
  const safe = safeText(text).replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${safe}${pad}${fence}`
}

/** `5,399,462`: a count with thousands separators (without Intl, which costs milliseconds to load). */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
