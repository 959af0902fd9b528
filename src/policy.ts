// The result policy: which answers count as found, which failures fail the step.
import type { Image } from '@aws-sdk/client-ecr'
import { type ImageId, imageIdKey } from './image-ids.js'
import type { FailOn } from './inputs.js'
import type { Failure, LookupResult } from './lookup.js'

export type Verdict =
  | { id: ImageId; status: 'found'; image: Image }
  /** `fails` is true when the failure's code is in fail-on. */
  | { id: ImageId; status: 'failed'; failure: Failure; fails: boolean }
  | { id: ImageId; status: 'error'; error: unknown }

export interface Report {
  /** One verdict per distinct requested id, in request order. */
  verdicts: Verdict[]
  /** True when every requested image was found. */
  allFound: boolean
  /** The first requested image that was found. */
  first?: Image
  images: Image[]
  failures: Failure[]
  /** Failures whose code is in fail-on. */
  failing: Extract<Verdict, { status: 'failed' }>[]
  /** The first whole-call error, if any request failed as a whole. */
  error?: unknown
}

export function failureFails(code: string | undefined, failOn: FailOn): boolean {
  if (failOn.kind === 'all') return true
  if (failOn.kind === 'none') return false
  return code !== undefined && failOn.codes.has(code)
}

export function evaluate(results: readonly LookupResult[], failOn: FailOn): Report {
  const seen = new Set<string>()
  const verdicts: Verdict[] = []
  for (const result of results) {
    const key = imageIdKey(result.id)
    if (seen.has(key)) continue
    seen.add(key)
    verdicts.push(
      result.status === 'failed' ? { ...result, fails: failureFails(result.failure.failureCode, failOn) } : result
    )
  }
  const images = verdicts.flatMap((verdict) => (verdict.status === 'found' ? [verdict.image] : []))
  const failed = verdicts.filter((verdict) => verdict.status === 'failed')
  const errored = verdicts.find((verdict) => verdict.status === 'error')
  return {
    verdicts,
    allFound: verdicts.every((verdict) => verdict.status === 'found'),
    ...(images[0] !== undefined && { first: images[0] }),
    images,
    failures: failed.map((verdict) => verdict.failure),
    failing: failed.filter((verdict) => verdict.fails),
    ...(errored !== undefined && { error: errored.error })
  }
}
