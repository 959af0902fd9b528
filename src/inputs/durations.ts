// Durations in inputs: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`, `500ms`. (They read back through
// formatDuration in text.ts.)
import { InputError } from '../image.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one fires at once. */
export const MAX_DURATION_MS = 2_147_483_647

export function parseDuration(value: string, input: string): number {
  const text = value.trim().toLowerCase()
  let total = 0
  if (/^\d+(?:\.\d+)?$/.test(text)) total = Number(text) * 1000
  else if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text))
    throw new InputError(`${input} '${value}' is not a duration: write seconds (90) or a number with a unit (90s, 5m, 1h, 1m30s).`)
  else for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000)
  if (total > MAX_DURATION_MS)
    throw new InputError(`${input} '${value}' is longer than Node's timers can wait (about 24.8 days, 596h): give at most 596h.`)
  return Math.round(total)
}
