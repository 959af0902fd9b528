// The result policy: what counts as found, what the expectation (present or absent) makes of each
// answer, and which failures fail the step.
import type { Image } from '@aws-sdk/client-ecr'
import type { Failure, FoundArtifact, LookupResult, Unchecked } from '../ecr/lookup.js'
import { type Expectation, type FailOn, absentAsExpected, failureFails } from '../failure-codes.js'
import { type ImageRequest, requestKey } from '../image.js'

type FoundFields = { image: Image; platformDigest?: string; unchecked?: Unchecked[]; artifacts?: FoundArtifact[] }

export type Verdict =
  | ({ request: ImageRequest; status: 'found' } & FoundFields)
  /** expect: absent, and the image exists: always fails the step. */
  | ({ request: ImageRequest; status: 'present' } & FoundFields)
  /** expect: absent, and ECR said ImageNotFound (see absentAsExpected): the good case. */
  | { request: ImageRequest; status: 'absent'; failure: Failure }
  /** `fails` is true when the failure's code is in fail-on. */
  | { request: ImageRequest; status: 'failed'; failure: Failure; fails: boolean }
  | { request: ImageRequest; status: 'error'; error: unknown }

export type FoundVerdict = Extract<Verdict, { status: 'found' | 'present' }>

export interface Report {
  /** One verdict per requested image (exact repeats once), in request order. */
  verdicts: Verdict[]
  /** True when every requested image was found (whatever was expected). */
  allFound: boolean
  /** The found images, in request order. */
  found: FoundVerdict[]
  /** Every per-image failure, in request order (ImageNotFound included when absence was expected). */
  failures: Extract<Verdict, { status: 'absent' | 'failed' }>[]
  /** What fails the step: failures whose code is in fail-on, and images present when absence was expected. */
  failing: Extract<Verdict, { status: 'failed' | 'present' }>[]
  /** The first whole-call error, with the request it was for. */
  error?: Extract<Verdict, { status: 'error' }>
}

function judge(result: LookupResult, failOn: FailOn, expect: Expectation): Verdict {
  if (result.status === 'found') return expect === 'absent' ? { ...result, status: 'present' } : result
  if (result.status === 'failed') {
    if (expect === 'absent' && absentAsExpected(result.failure.failureCode)) return { ...result, status: 'absent' }
    return { ...result, fails: failureFails(result.failure.failureCode, failOn) }
  }
  return result
}

export function evaluate(results: readonly LookupResult[], failOn: FailOn, expect: Expectation = 'present'): Report {
  const seen = new Set<string>()
  const verdicts = results
    .filter((result) => {
      const { source } = result.request
      const key = `${requestKey(result.request)}|${result.request.requested}|${source ? `${source.file}:${source.line}` : ''}`
      return !seen.has(key) && seen.add(key) !== undefined
    })
    .map((result) => judge(result, failOn, expect))
  const found = verdicts.filter((verdict): verdict is FoundVerdict => verdict.status === 'found' || verdict.status === 'present')
  const error = verdicts.find((verdict) => verdict.status === 'error')
  return {
    verdicts,
    allFound: found.length === verdicts.length,
    found,
    failures: verdicts.filter((verdict) => verdict.status === 'absent' || verdict.status === 'failed'),
    failing: verdicts.filter(
      (verdict): verdict is Extract<Verdict, { status: 'failed' | 'present' }> =>
        verdict.status === 'present' || (verdict.status === 'failed' && verdict.fails)
    ),
    ...(error !== undefined && { error })
  }
}
