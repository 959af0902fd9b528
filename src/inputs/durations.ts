// Durations in inputs: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`, `500ms`. (They read back through
// formatDuration in text.ts.)
import { InputError } from '../image.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

export function parseDuration(value: string, input: string): number {
  const text = value.trim().toLowerCase()
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text))
    throw new InputError(`${input} '${value}' is not a duration: write seconds (90) or a number with a unit (90s, 5m, 1h, 1m30s).`)
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000)
  return Math.round(total)
}
