// The plan's pure parts: each tag's action, the order of writes, and the promotion's result.
import { describe, expect, it } from '@jest/globals'
import type { Overwrite } from '../../../src/inputs/promote.js'
import {
  type Action,
  type PlannedTag,
  type PromoteResult,
  type PromotedTag,
  type TagResult,
  type TagState,
  type Target,
  classify,
  promoteResultOf,
  tagStateOf,
  writeOrder
} from '../../../src/promote/plan.js'
import { DIGEST_A, DIGEST_B, image, request } from '../../../__fixtures__/images.js'

const source = {
  request: request({ tag: 'sha-1' }),
  digest: DIGEST_A,
  manifest: '{}',
  mediaType: 'application/vnd.oci.image.manifest.v1+json'
}
const target = (tag: string): Target => ({ source, tag })

describe('classify', () => {
  const cases: [Exclude<TagState, { kind: 'unreadable' }>, Overwrite, Action, string | undefined][] = [
    [{ kind: 'absent' }, 'never', 'create', undefined],
    [{ kind: 'on', digest: DIGEST_A }, 'never', 'unchanged', undefined],
    [{ kind: 'on', digest: DIGEST_A }, 'always', 'unchanged', undefined],
    [{ kind: 'on', digest: DIGEST_B }, 'never', 'conflict', DIGEST_B],
    [{ kind: 'on', digest: DIGEST_B }, 'always', 'move', DIGEST_B]
  ]
  it.each(cases)('%j under %s: %s', (state, overwrite, action, previousDigest) => {
    const planned = classify(target('prod'), state, overwrite)
    expect(planned.action).toBe(action)
    expect(planned.previousDigest).toBe(previousDigest)
  })
})

describe('tagStateOf', () => {
  it('reads found as on, ImageNotFound as absent, anything else as unreadable', () => {
    const asked = request({ tag: 'prod' })
    expect(tagStateOf({ request: asked, status: 'found', image: image('prod', DIGEST_B) })).toEqual({ kind: 'on', digest: DIGEST_B })
    expect(tagStateOf({ request: asked, status: 'failed', failure: { failureCode: 'ImageNotFound' } })).toEqual({ kind: 'absent' })
    expect(tagStateOf({ request: asked, status: 'failed', failure: { failureCode: 'KmsError', failureReason: 'x' } })).toMatchObject({
      kind: 'unreadable',
      code: 'KmsError'
    })
    expect(tagStateOf({ request: asked, status: 'error', error: new Error('down') }).kind).toBe('unreadable')
  })
})

describe('writeOrder', () => {
  it('puts every new tag before every moved one, each in input order, and leaves the rest out', () => {
    const planned: PlannedTag[] = [
      { target: target('a'), action: 'move' },
      { target: target('b'), action: 'create' },
      { target: target('c'), action: 'unchanged' },
      { target: target('d'), action: 'move' },
      { target: target('e'), action: 'create' }
    ]
    expect(writeOrder(planned).map((tag) => tag.target.tag)).toEqual(['b', 'e', 'a', 'd'])
  })
})

describe('promoteResultOf', () => {
  const tag = (result: TagResult): PromotedTag => ({
    repository: 'app',
    registryId: null,
    tag: 't',
    digest: DIGEST_A,
    previousDigest: null,
    result
  })
  const cases: [TagResult[], boolean, boolean, PromoteResult][] = [
    [['created', 'unchanged', 'moved'], false, false, 'success'],
    [['unchanged'], false, false, 'success'],
    [['created', 'failed', 'skipped'], false, false, 'partial'],
    [['unchanged', 'failed', 'skipped'], false, false, 'failed'],
    [['skipped', 'skipped'], false, true, 'failed'],
    [['planned', 'unchanged'], true, false, 'dry-run'],
    [['planned', 'failed'], true, false, 'failed']
  ]
  it.each(cases)('%j (dry run %s, stopped %s): %s', (results, dryRun, stopped, expected) => {
    expect(promoteResultOf(results.map(tag), dryRun, stopped)).toBe(expected)
  })
})
