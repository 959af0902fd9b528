// verify-signer: what each way of writing it accepts and refuses, character for character. The SAN a
// GitHub workflow signs with is https://github.com/<owner>/<repo>/.github/workflows/<file>@<ref>.
import { describe, expect, it } from '@jest/globals'
import { describeSigner, matchesSigner, parseSourceRepository, parseVerifySigner } from '../../../src/inputs/verify.js'

const SAN = (path: string, ref: string): string => `https://github.com/${path}@${ref}`
const RELEASE = 'acme/app/.github/workflows/release.yml'

describe('matchesSigner', () => {
  it.each([
    [`${RELEASE}@refs/heads/main`, SAN(RELEASE, 'refs/heads/main'), true],
    [`${RELEASE}@refs/heads/main`, SAN(RELEASE, 'refs/heads/main-evil'), false],
    [`${RELEASE}@refs/heads/main`, SAN(RELEASE, 'refs/heads/mai'), false],
    [`${RELEASE}@refs/heads/main`, `${SAN(RELEASE, 'refs/heads/main')}/x`, false],
    [`${RELEASE}@refs/heads/main`, SAN(RELEASE, 'refs/tags/main'), false],
    [RELEASE, SAN(RELEASE, 'refs/heads/feature/x'), true],
    [RELEASE, SAN('acme/app/.github/workflows/release.yml.x.yml', 'refs/heads/main'), false],
    [RELEASE, SAN('notacme/app/.github/workflows/release.yml', 'refs/heads/main'), false],
    [RELEASE, SAN('acme/app2/.github/workflows/release.yml', 'refs/heads/main'), false],
    [RELEASE, SAN('Acme/app/.github/workflows/release.yml', 'refs/heads/main'), false],
    [RELEASE, `http://github.com/${RELEASE}@refs/heads/main`, false],
    [RELEASE, `https://github.com/${RELEASE}`, false],
    [RELEASE, `https://github.com/${RELEASE}@`, false],
    [RELEASE, `https://github.com.evil/${RELEASE}@refs/heads/main`, false],
    [RELEASE, `https://github.com/${RELEASE.replace('.yml', 'xyml')}@refs/heads/main`, false],
    [`${RELEASE}@refs/tags/*`, SAN(RELEASE, 'refs/tags/v1.2.3'), true],
    [`${RELEASE}@refs/tags/*`, SAN(RELEASE, 'refs/tags/'), false],
    [`${RELEASE}@refs/tags/*`, SAN(RELEASE, 'refs/heads/v1.2.3'), false],
    [`${RELEASE}@refs/tags/release/*`, SAN(RELEASE, 'refs/tags/release/v1'), true],
    [`${RELEASE}@refs/tags/release/*`, SAN(RELEASE, 'refs/tags/releases/v1'), false],
    [`${RELEASE}@${'a1'.repeat(20)}`, SAN(RELEASE, 'a1'.repeat(20)), true],
    [RELEASE, SAN(RELEASE, 'a1'.repeat(20)), true],
    [RELEASE, SAN(RELEASE, 'a1'.repeat(19)), false],
    ['ops@example.com', 'ops@example.com', true],
    ['ops@example.com', 'xops@example.com', false],
    ['ops@example.com', 'ops@example.com.evil', false],
    ['spiffe://acme/builder', 'spiffe://acme/builder', true],
    ['spiffe://acme/builder', 'spiffe://acme/builder2', false]
  ])('%s against %s: %s', (signer, san, matches) => {
    const policy = parseVerifySigner(signer)
    expect(policy).toBeDefined()
    expect(matchesSigner(policy as NonNullable<typeof policy>, san)).toBe(matches)
  })

  it('matches nothing without a SAN', () => {
    expect(matchesSigner({ kind: 'workflow', workflow: RELEASE }, undefined)).toBe(false)
  })
})

describe('parseVerifySigner', () => {
  it.each([
    ['', undefined],
    [`  ${RELEASE}  `, { kind: 'workflow', workflow: RELEASE }],
    [`${RELEASE}@refs/heads/main`, { kind: 'workflow', workflow: RELEASE, ref: { exact: 'refs/heads/main' } }],
    [`${RELEASE}@refs/tags/*`, { kind: 'workflow', workflow: RELEASE, ref: { prefix: 'refs/tags/' } }],
    // A workflow's SAN written whole is that workflow at that ref (and keeps the source-repository check).
    [SAN(RELEASE, 'refs/heads/main'), { kind: 'workflow', workflow: RELEASE, ref: { exact: 'refs/heads/main' } }],
    [
      'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main',
      { kind: 'exact', san: 'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main' }
    ]
  ])('reads %j', (signer, policy) => {
    expect(parseVerifySigner(signer)).toEqual(policy)
  })

  it.each([
    [`${RELEASE}@main`, /'main' is not a ref as GitHub writes it in a certificate: give refs\/heads\/<branch>/],
    [`${RELEASE}@refs/heads/ma*n`, /a \* only as the whole last part/],
    [`${RELEASE}@refs/tags/v*`, /a \* only as the whole last part/],
    [`${RELEASE}@refs/*`, /is not a ref as GitHub writes it/],
    [
      `https://github.com/${RELEASE}`,
      /has no ref, and a workflow's certificate always names one: add @refs\/heads\/main .*or write acme\/app\/\.github\/workflows\/release\.yml to accept any ref/
    ],
    ['acme/app', /is neither a workflow/],
    ['acme/app/.github/workflows/sub/release.yml', /is neither a workflow/],
    ['release.yml', /is neither a workflow/],
    [
      SAN(RELEASE, 'refs/tags/*'),
      /is a SAN with a \* in it: a SAN is compared exactly\. To accept every ref under a prefix, write acme\/app\/\.github\/workflows\/release\.yml@refs\/tags\/\*/
    ]
  ])('refuses %j', (signer, message) => {
    expect(() => parseVerifySigner(signer)).toThrow(message)
  })

  it('names the signer in messages as it was meant', () => {
    expect(describeSigner({ kind: 'workflow', workflow: RELEASE })).toBe(`${RELEASE} at any ref`)
    expect(describeSigner({ kind: 'workflow', workflow: RELEASE, ref: { prefix: 'refs/tags/' } })).toBe(`${RELEASE}@refs/tags/*`)
    expect(describeSigner({ kind: 'exact', san: 'ops@example.com' })).toBe('ops@example.com')
  })
})

describe('parseSourceRepository', () => {
  const workflow = { kind: 'workflow', workflow: RELEASE } as const
  it.each([
    ['', workflow, 'acme/app'],
    ['  ', workflow, 'acme/app'],
    ['*', workflow, undefined],
    ['acme/infra', workflow, 'acme/infra'],
    ['', { kind: 'exact', san: 'ops@example.com' } as const, undefined],
    ['acme/app', { kind: 'exact', san: 'ops@example.com' } as const, 'acme/app']
  ])('reads %j for %j as %j', (value, signer, repository) => {
    expect(parseSourceRepository(value, signer)).toBe(repository)
  })

  it.each(['acme', 'acme/app/x', 'https://github.com/acme/app', 'acme/*'])('refuses %j', (value) => {
    expect(() => parseSourceRepository(value, workflow)).toThrow(/is not owner\/repo: give the repository whose runs may sign/)
  })
})
