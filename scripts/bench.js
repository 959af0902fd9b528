// npm run bench [-- --runs N] [-- --baseline PATH] [-- --realistic [--rtt MS]]: times whole processes against the fake ECR on
// 127.0.0.1, the way the runner runs them, side by side in one run:
//   bare Node 24 (`node -e 0`), the action doing one lookup, the action doing 1,000 ids over 10
//   repositories (images), the action scanning 500 manifests with 2,000 references over 20 repositories
//   (files), and pinning them from scratch (files with pin), and, when installed, the AWS CLI doing the same one lookup.
//   --baseline PATH also times another build of the action (a dist/index.js, for example a copy of
//   the previous commit's dist/) on the same two lookups and the two files cases, interleaved with this one, so a change to
//   start-up is measured against what it replaces in the same run.
//   --realistic also times one lookup, 1,000 ids and the AWS CLI against the fake over HTTPS behind a
//   latency proxy (40 ms round trips, or --rtt MS), counting TLS handshakes, connections and the most
//   requests in flight at once.
// Prints min / median / max wall time and peak memory (with /usr/bin/time), the ratios the
// performance goals name, and the request counts. Figures only: nothing here passes or fails.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { node24Binary } from '../testkit/node24.js'
import { ACTION_ENTRY, fakeAwsEnvironment, runnerEnvironment } from '../testkit/run-action.js'
import { BENCH_SIGNER, startFakeProcess, THOUSAND_REFERENCES, writeFleet, writeMixedFleet } from '../testkit/serve-fake.js'
import { FAKE_ACCOUNT_ID } from '../testkit/fake-ecr/index.js'

const args = process.argv.slice(2)
const runsArg = args.indexOf('--runs')
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 15
const WARMUP = 2
const baselineArg = args.indexOf('--baseline')
const BASELINE = baselineArg >= 0 ? resolve(String(args[baselineArg + 1])) : undefined
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const REALISTIC = args.includes('--realistic')
const rttArg = args.indexOf('--rtt')
const RTT_MS = rttArg >= 0 ? Number(args[rttArg + 1]) : 40

/** The AWS CLI to compare with: AWS_CLI, else Debian's /usr/bin/aws, else `aws` on PATH. */
function findAwsCli() {
  for (const candidate of [process.env.AWS_CLI, '/usr/bin/aws', 'aws'].filter(Boolean)) {
    try {
      const version = execFileSync(/** @type {string} */ (candidate), ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
      return { path: /** @type {string} */ (candidate), version: version.trim().split(' ')[0] ?? '' }
    } catch {
      // not this one
    }
  }
  return undefined
}

const node24 = node24Binary()
const nodeVersion = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()
const aws = findAwsCli()

const fake = await startFakeProcess()
// --realistic: the fake over HTTPS (a certificate made for the run), behind a round-trip delay.
const tlsFake = REALISTIC ? await startFakeProcess({ tls: true, rttMs: RTT_MS }) : undefined

const temp = mkdtempSync(join(tmpdir(), 'ecr-bench-'))
const baseEnv = { ...fakeAwsEnvironment(temp), AWS_PAGER: '' }

/**
 * The runner's environment for the action with these inputs (action.yml defaults for the rest), with
 * its own runner files under `temp`.
 * @param {string} name @param {Record<string, string>} inputs @returns {Record<string, string | undefined>}
 */
function actionEnv(name, inputs, on = fake) {
  const caseTemp = join(temp, name)
  mkdirSync(caseTemp, { recursive: true })
  return {
    ...runnerEnvironment({ temp: caseTemp, endpoint: on.endpoint, inputs }).env,
    GITHUB_WORKSPACE: workspace,
    ...(on.caFile && { NODE_EXTRA_CA_CERTS: on.caFile })
  }
}

/** The AWS CLI's one lookup against `on`. @param {typeof fake} on */
function cliArgs(on) {
  return [
    'ecr',
    'batch-get-image',
    '--repository-name',
    'app',
    '--image-ids',
    'imageTag=v1',
    '--endpoint-url',
    on.endpoint,
    '--region',
    'eu-west-1',
    '--output',
    'json'
  ]
}

// The files case's workspace: 500 manifests, 2,000 references over 20 repositories.
const REGISTRY = `${FAKE_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com`
const workspace = join(temp, 'workspace')
writeFleet(workspace, REGISTRY)
writeMixedFleet(workspace, REGISTRY)

/**
 * The files case with pin: every run pins the 500 manifests from scratch (written again, untimed, before it).
 * @param {string} name @param {string} key @param {string} entry @returns {Case}
 */
function pinCase(name, key, entry) {
  const root = join(temp, `${key}-workspace`)
  return {
    name,
    key,
    command: node24,
    args: [entry],
    env: { ...actionEnv(key, { files: 'fleet/*.yaml', pin: 'true' }), GITHUB_WORKSPACE: root },
    before: () => writeFleet(root, REGISTRY)
  }
}

/** @type {Case[]} */
const cases = [
  { name: `bare node -e 0 (${nodeVersion})`, key: 'bare', command: node24, args: ['-e', '0'], env: baseEnv },
  { name: 'action: one lookup', key: 'one', command: node24, args: [ACTION_ENTRY], env: actionEnv('one', { images: 'app:v1' }) },
  {
    // RUNNER_TEMP as a job's first step finds it: no compile cache (the other cases are later steps).
    name: "action: one lookup, a job's first step",
    key: 'oneFirst',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('one-first', { images: 'app:v1' }),
    freshRunnerTemp: true
  },
  ...(BASELINE
    ? [
        {
          name: 'baseline: one lookup',
          key: 'baseOne',
          command: node24,
          args: [BASELINE],
          env: actionEnv('base-one', { images: 'app:v1' })
        }
      ]
    : []),
  {
    name: 'action: 1,000 ids over 10 repositories',
    key: 'thousand',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('thousand', { images: THOUSAND_REFERENCES })
  },
  ...(BASELINE
    ? [
        {
          name: 'baseline: 1,000 ids over 10 repositories',
          key: 'baseThousand',
          command: node24,
          args: [BASELINE],
          env: actionEnv('base-thousand', { images: THOUSAND_REFERENCES })
        }
      ]
    : []),
  {
    // After the warm-up the tags are on their images: the plan's read, and no write (a rerun).
    name: 'action: promote-tags, 2 tags on 2 images (a rerun: read, no write)',
    key: 'promote',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('promote', { images: 'app:v1 team/api:v1.4.2', 'promote-tags': 'bench, bench-2' })
  },
  {
    name: 'action: files, 500 manifests with 2,000 references over 20 repositories',
    key: 'files',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('files', { files: 'fleet/*.yaml' })
  },
  ...(BASELINE
    ? [
        {
          name: 'baseline: files, 500 manifests',
          key: 'baseFiles',
          command: node24,
          args: [BASELINE],
          env: actionEnv('base-files', { files: 'fleet/*.yaml' })
        }
      ]
    : []),
  {
    name: 'action: files, 500 files of mixed formats (Kubernetes, kustomize, SAM, Terraform, workflows, scripts), 2,000 references',
    key: 'filesMixed',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('files-mixed', { files: 'mixed/*' })
  },
  pinCase('action: files with pin, 500 manifests pinned from scratch (2,000 references)', 'filesPin', ACTION_ENTRY),
  {
    // Each image: its referrers listed, the bundle's manifest read, its download URL asked and fetched, then verified.
    name: 'action: verify-signer, 20 images with a provenance bundle each (trusted-root)',
    key: 'verify',
    command: node24,
    args: [ACTION_ENTRY],
    env: actionEnv('verify', {
      images: Array.from({ length: 20 }, (_, index) => `bench/signed:s${index}`).join(' '),
      'verify-signer': BENCH_SIGNER,
      'trusted-root': fake.trustedRoot
    })
  },
  ...(BASELINE ? [pinCase('baseline: files with pin, 500 manifests pinned from scratch', 'baseFilesPin', BASELINE)] : []),
  ...(aws
    ? [
        {
          name: `${aws.version}: one lookup`,
          key: 'cli',
          command: aws.path,
          args: cliArgs(fake),
          env: baseEnv
        }
      ]
    : []),
  ...(tlsFake
    ? [
        {
          name: `tls, ${RTT_MS} ms round trips: one lookup`,
          key: 'tlsOne',
          command: node24,
          args: [ACTION_ENTRY],
          env: actionEnv('tls-one', { images: 'app:v1' }, tlsFake),
          fake: tlsFake
        },
        {
          name: `tls, ${RTT_MS} ms round trips: 1,000 ids over 10 repositories`,
          key: 'tlsThousand',
          command: node24,
          args: [ACTION_ENTRY],
          env: actionEnv('tls-thousand', { images: THOUSAND_REFERENCES }, tlsFake),
          fake: tlsFake
        },
        ...(aws
          ? [
              {
                name: `tls, ${RTT_MS} ms round trips: ${aws.version}, one lookup`,
                key: 'tlsCli',
                command: aws.path,
                args: cliArgs(tlsFake),
                env: { ...baseEnv, AWS_CA_BUNDLE: tlsFake.caFile },
                fake: tlsFake
              }
            ]
          : [])
      ]
    : [])
]

/**
 * @typedef {{ name: string, key: string, command: string, args: string[], env: Record<string, string | undefined>, fake?: typeof fake,
 *   freshRunnerTemp?: boolean, before?: () => void }} Case
 *   before: untimed preparation before each run
 * @typedef {{ min: number, median: number, max: number }} Stats
 */

/** Runs one process to its end: wall time (ms) and peak RSS (MiB, when /usr/bin/time is there). @param {Case} testCase */
async function measure(testCase) {
  testCase.before?.()
  for (const file of [testCase.env.GITHUB_OUTPUT, testCase.env.GITHUB_STEP_SUMMARY]) if (file) writeFileSync(file, '')
  if (testCase.freshRunnerTemp && testCase.env.RUNNER_TEMP) {
    rmSync(testCase.env.RUNNER_TEMP, { recursive: true, force: true })
    mkdirSync(testCase.env.RUNNER_TEMP, { recursive: true })
  }
  const memoryFile = join(temp, 'memory')
  const [command, commandArgs] = TIME
    ? [TIME, ['-f', '%M', '-o', memoryFile, testCase.command, ...testCase.args]]
    : [testCase.command, testCase.args]
  const started = process.hrtime.bigint()
  const child = spawn(command, commandArgs, {
    env: /** @type {NodeJS.ProcessEnv} */ (testCase.env),
    cwd: temp,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (data) => (stderr += data))
  const code = await new Promise((resolve) => child.on('close', resolve))
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (code !== 0) throw new Error(`${testCase.name} exited with ${code}: ${stderr}`)
  const kib = TIME ? Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop()) : NaN
  return { ms, mib: kib / 1024 }
}

/** @param {number[]} values @returns {Stats} */
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN }
}

/** @typedef {{ requests: number, handshakes: number, connections: number, maxInFlight: number }} Counts */
/** @type {Record<string, { name: string, time: Stats, memory: Stats, requests: number, counts?: Counts }>} */
const results = {}
try {
  for (const testCase of cases) for (let index = 0; index < WARMUP; index++) await measure(testCase)
  /** @type {Map<string, { ms: number, mib: number }[]>} */
  const samples = new Map(cases.map((testCase) => [testCase.key, []]))
  /** @type {Map<string, Counts>} */
  const counts = new Map()
  // Round by round, every case once per round: drift on the machine touches every case alike.
  for (let index = 0; index < RUNS; index++)
    for (const testCase of cases) {
      const on = testCase.fake ?? fake
      const before = await on.stats(true)
      samples.get(testCase.key)?.push(await measure(testCase))
      const after = await on.stats()
      counts.set(testCase.key, {
        requests: after.requests - before.requests,
        handshakes: after.handshakes - before.handshakes,
        connections: after.connections - before.connections,
        maxInFlight: after.maxInFlight
      })
    }
  for (const testCase of cases) {
    const runs = samples.get(testCase.key) ?? []
    results[testCase.key] = {
      name: testCase.name,
      time: stats(runs.map((s) => s.ms)),
      memory: stats(runs.map((s) => s.mib)),
      requests: counts.get(testCase.key)?.requests ?? 0,
      ...(testCase.fake && { counts: counts.get(testCase.key) })
    }
  }
} finally {
  fake.stop()
  tlsFake?.stop()
  rmSync(temp, { recursive: true, force: true })
}

/** @param {number | undefined} value @param {number} [digits] */
const f = (value, digits = 0) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'n/a')
const lines = [
  `Benchmark: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${RUNS} runs of each case, interleaved, after ${WARMUP} warm-up, fake ECR on 127.0.0.1`,
  '',
  '| process | min ms | median ms | max ms | peak MiB (median) | requests per run |',
  '|---|---:|---:|---:|---:|---:|',
  ...Object.values(results).map(
    (r) =>
      `| ${r.name} | ${f(r.time.min)} | ${f(r.time.median)} | ${f(r.time.max)} | ${f(r.memory.median, 1)} | ${r.requests ? f(r.requests, 1) : '-'} |`
  ),
  ''
]
/** @param {string} key */
const median = (key) => results[key]?.time.median ?? NaN
/** @param {string} label @param {number} value @param {number} limit */
const goal = (label, value, limit) => `- ${label}: ${f(value, 2)} (goal ≤ ${limit})`
lines.push('Ratios of medians:')
if (results.cli) lines.push(goal('one lookup / AWS CLI', median('one') / median('cli'), 0.15))
else lines.push('- one lookup / AWS CLI: n/a (install the AWS CLI: apt-get install awscli)')
lines.push(goal('one lookup / bare node', median('one') / median('bare'), 3))
lines.push(goal("one lookup in a job's first step / bare node", median('oneFirst') / median('bare'), 3))
lines.push(goal('1,000 ids / one lookup', median('thousand') / median('one'), 1.5))
lines.push(
  `- peak memory of one lookup: ${f(results.one?.memory.median, 1)} MiB (goal ≤ 90)${TIME ? '' : ' (needs /usr/bin/time: apt-get install time)'}`
)
lines.push(
  `- promote-tags, 2 tags on 2 images, a rerun: ${f(median('promote') - median('one'), 0)} ms beyond one lookup, ${f(results.promote?.requests, 1)} BatchGetImage requests (2 lookups, 2 reads of the tags)`
)
lines.push(
  `- verify-signer, 20 images with a provenance bundle each: ${f(median('verify') - median('one'), 0)} ms beyond one lookup, ${f(results.verify?.requests, 1)} BatchGetImage requests (1 lookup, 1 for the bundles' manifests)`
)
lines.push(`- requests for 1,000 ids over 10 repositories: ${f(results.thousand?.requests, 1)} (goal: exactly 10)`)
lines.push(
  `- files, 2,000 references in 500 manifests: ${f(median('files') - median('bare'), 0)} ms beyond bare node, ${f(results.files?.requests, 1)} requests (goal: 20)`
)
lines.push(
  `- files, 2,000 references in 500 files of mixed formats: ${f(median('filesMixed') - median('bare'), 0)} ms beyond bare node, ${f(median('filesMixed') / median('files'), 2)} of the manifests case, ${f(results.filesMixed?.requests, 1)} requests (goal: 20)`
)
if (BASELINE) {
  lines.push(`Against the baseline (${BASELINE}):`)
  lines.push(`- one lookup / baseline: ${f(median('one') / median('baseOne'), 2)}`)
  lines.push(`- 1,000 ids / baseline: ${f(median('thousand') / median('baseThousand'), 2)}`)
  lines.push(`- files / baseline: ${f(median('files') / median('baseFiles'), 2)}`)
  lines.push(`- files with pin / baseline: ${f(median('filesPin') / median('baseFilesPin'), 2)}`)
}
if (tlsFake) {
  lines.push(
    '',
    `Over TLS with ${RTT_MS} ms round trips (a latency proxy in front of the fake, the certificate trusted through NODE_EXTRA_CA_CERTS and AWS_CA_BUNDLE):`,
    '',
    '| process | median ms | TLS handshakes | connections | requests | most in flight at once |',
    '|---|---:|---:|---:|---:|---:|',
    ...Object.values(results)
      .filter((r) => r.counts)
      .map(
        (r) =>
          `| ${r.name} | ${f(r.time.median)} | ${r.counts?.handshakes} | ${r.counts?.connections} | ${r.counts?.requests} | ${r.counts?.maxInFlight} |`
      ),
    '',
    `- 1,000 ids over TLS: ${f(median('tlsThousand'), 0)} ms against one lookup + one round trip, ${f(median('tlsOne') + RTT_MS, 0)} ms (goal: within)`,
    `- one lookup over TLS / AWS CLI over TLS: ${f(median('tlsOne') / median('tlsCli'), 2)}`
  )
}
console.log(lines.join('\n'))
