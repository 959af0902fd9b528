// Text from ECR (tags, reasons, manifests, error messages) is data. These helpers make it safe to
// print in the log, where a line starting with "::" is a workflow command, and in the job summary,
// where it would otherwise be rendered as markdown or HTML.

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
