// The fake ECR in a process of its own, for the benchmark and the profiler (so its work is not timed
// with the action's). Run directly, it seeds the demo images and 20 repositories of 100 tags
// (bench/r0..r19:t0..t99) and 20 signed images (bench/signed:s0..s19, see BENCH_SIGNER), prints one JSON
// line (the endpoint, a plain-HTTP stats URL, the trusted_root.json of the signed images, and with --tls
// the CA file to trust), and stops on SIGTERM or when stdin closes. `--tls` serves HTTPS with a
// certificate made for the run; `--rtt MS` puts a latency proxy in front (MS per round trip); `--keep`
// runs until killed instead of until stdin closes.
// GET {stats}/__fake/requests answers with the BatchGetImage requests, TLS handshakes, connections
// and the most requests sent together (arriving within half a round trip) so far.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { FakeEcr } from './fake-ecr/index.js'
import { seedDemo } from './demo-data.js'
import { startLatencyProxy } from './latency-proxy.js'
import { ociManifest } from './manifests.js'
import { createCertificate } from './tls.js'
import { attachBundle, signBundles, statement } from './bundles.js'

/** The workflow that signed bench/signed's images. */
export const BENCH_SIGNER = 'acme/app/.github/workflows/release.yml'

/** 1,000 references over the 10 benchmark repositories, one per line. */
export const THOUSAND_REFERENCES = Array.from({ length: 1000 }, (_, index) => `bench/r${index % 10}:t${Math.floor(index / 10)}`).join('\n')

/**
 * Writes 500 Kubernetes manifests under `workspace`/fleet, each with 4 containers: 2,000 references over
 * the 20 benchmark repositories (bench/r0..r19) in the fake's registry.
 * @param {string} workspace @param {string} registry e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com
 */
export function writeFleet(workspace, registry) {
  mkdirSync(join(workspace, 'fleet'), { recursive: true })
  for (let file = 0; file < 500; file++) {
    const containers = Array.from({ length: 4 }, (_, index) => {
      const n = file * 4 + index
      return `        - name: c${index}\n          image: ${registry}/bench/r${n % 20}:t${Math.floor(n / 20) % 100}\n`
    })
    writeFileSync(
      join(workspace, 'fleet', `app-${file}.yaml`),
      `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n${containers.join('')}`
    )
  }
}

/**
 * 500 files of mixed formats in `<workspace>/mixed`, 2,000 references over the same 20 repositories,
 * 4 a file: Kubernetes, kustomize, SAM, Terraform, a GitHub workflow and a shell script in turn.
 * @param {string} workspace @param {string} registry
 */
export function writeMixedFleet(workspace, registry) {
  mkdirSync(join(workspace, 'mixed'), { recursive: true })
  for (let file = 0; file < 500; file++) {
    const refs = Array.from({ length: 4 }, (_, index) => {
      const n = file * 4 + index
      return { repo: `${registry}/bench/r${n % 20}`, tag: `t${Math.floor(n / 20) % 100}` }
    })
    /** @type {[string, string][]} */
    const shapes = [
      [
        `app-${file}.yaml`,
        `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n${refs.map((r, i) => `        - name: c${i}\n          image: ${r.repo}:${r.tag}\n`).join('')}`
      ],
      [
        `kustomization-${file}.yaml`,
        `kind: Kustomization\nimages:\n${refs.map((r, i) => `  - name: c${i}\n    newName: ${r.repo}\n    newTag: ${r.tag}\n`).join('')}`
      ],
      [
        `template-${file}.yaml`,
        `Transform: AWS::Serverless-2016-10-31\nResources:\n${refs.map((r, i) => `  F${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      ImageUri: !Sub '${r.repo}:${r.tag}'\n`).join('')}`
      ],
      [
        `main-${file}.tf`,
        refs.map((r, i) => `resource "aws_lambda_function" "f${i}" {\n  image_uri = "${r.repo}:${r.tag}" # ${i}\n}\n`).join('')
      ],
      [
        `workflow-${file}.yml`,
        `on: push\njobs:\n${refs.map((r, i) => `  j${i}:\n    runs-on: ubuntu-latest\n    container: ${r.repo}:${r.tag}\n    steps:\n      - run: true\n`).join('')}`
      ],
      [`deploy-${file}.sh`, `#!/bin/sh\n${refs.map((r) => `docker pull ${r.repo}:${r.tag}\n`).join('')}`]
    ]
    const [name, text] = shapes[file % shapes.length] ?? ['', '']
    writeFileSync(join(workspace, 'mixed', name), text)
  }
}

/**
 * @typedef {{ requests: number, handshakes: number, connections: number, maxInFlight: number }} FakeStats
 */

/**
 * Starts this file as a child process: the one way the benchmark and the profiler start the fake.
 * @param {{ tls?: boolean, rttMs?: number }} [options]
 * @returns {Promise<{ endpoint: string, trustedRoot: string, caFile?: string, stats: (reset?: boolean) => Promise<FakeStats>, stop: () => void }>}
 */
export async function startFakeProcess(options = {}) {
  const args = [...(options.tls ? ['--tls'] : []), ...(options.rttMs ? ['--rtt', String(options.rttMs)] : [])]
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise((resolve) =>
    createInterface({ input: /** @type {import('node:stream').Readable} */ (server.stdout) }).once('line', resolve)
  )
  const { url, stats: statsUrl, caFile, trustedRoot } = JSON.parse(String(line))
  /** The counters so far; `reset` counts requests sent together afresh after this reading. */
  const stats = async (reset = false) =>
    /** @type {FakeStats} */ (await (await fetch(`${statsUrl}/__fake/requests${reset ? '?reset' : ''}`)).json())
  return {
    endpoint: url,
    /** The trusted_root.json that trusts bench/signed's bundles. @type {string} */
    trustedRoot,
    ...(caFile && { caFile }),
    stats,
    stop: () => void server.stdin?.end()
  }
}

async function serve() {
  const args = process.argv.slice(2)
  const tls = args.includes('--tls')
  const rttArg = args.indexOf('--rtt')
  const rttMs = rttArg >= 0 ? Number(args[rttArg + 1]) : 0
  const dir = mkdtempSync(join(tmpdir(), 'serve-fake-'))
  const certificate = tls ? createCertificate(dir) : undefined
  const fake = new FakeEcr(certificate ? { tls: certificate } : {})
  seedDemo(fake)
  for (let repo = 0; repo < 20; repo++)
    for (let tag = 0; tag < 100; tag++)
      fake.putImage({ repository: `bench/r${repo}`, tags: [`t${tag}`], manifest: ociManifest(`bench-${repo}-${tag}`) })
  // 20 images with a provenance bundle each (bench/signed:s0..s19), signed by a Sigstore instance made
  // for the run, and the trusted_root.json that trusts it.
  const signed = Array.from({ length: 20 }, (_, index) =>
    fake.putImage({ repository: 'bench/signed', tags: [`s${index}`], manifest: ociManifest(`bench-signed-${index}`) })
  )
  const made = signBundles(
    signed.map((digest) => ({
      data: statement(digest),
      payloadType: 'application/vnd.in-toto+json',
      san: `https://github.com/${BENCH_SIGNER}@refs/heads/main`
    }))
  )
  signed.forEach((subject, index) => attachBundle(fake, { repository: 'bench/signed', subject, bundle: made.bundles[index] ?? {} }))
  const trustedRoot = join(dir, 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(made.trustedRoots.main))
  const direct = await fake.start()
  const port = Number(new URL(direct).port)
  const proxy = rttMs > 0 ? await startLatencyProxy(port, rttMs) : undefined
  const url = proxy ? direct.replace(`:${port}`, `:${proxy.port}`) : direct
  // Plain HTTP for the counters, whatever the fake speaks.
  const statsServer = createServer((req, res) => {
    // Requests sent together arrive within a fraction of a round trip of each other.
    const { together, ...counts } = fake.stats(Math.max(5, rttMs / 2))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ ...counts, connections: proxy?.connections() ?? counts.connections, maxInFlight: together }))
    // ?reset: the next reading counts requests sent together from now.
    if (req.url?.endsWith('?reset')) fake.arrivals = []
  })
  await new Promise((resolve) => statsServer.listen(0, '127.0.0.1', () => resolve(undefined)))
  const stats = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (statsServer.address()).port}`
  process.stdout.write(`${JSON.stringify({ url, stats, trustedRoot, ...(certificate && { caFile: certificate.certFile }) })}\n`)
  const stop = () =>
    void Promise.all([fake.stop(), proxy?.stop()]).then(() => {
      rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    })
  process.on('SIGTERM', stop)
  // --keep: run until killed (a workflow's background step has no stdin to close).
  if (!args.includes('--keep')) process.stdin.on('end', stop).resume()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve()
