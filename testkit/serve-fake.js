// The fake ECR in a process of its own, for the benchmark and the profiler (so its work is not timed
// with the action's). Run directly, it seeds the demo images and 10 repositories of 100 tags
// (bench/r0..r19:t0..t99), prints its URL as one JSON line, and stops on SIGTERM or when stdin closes.
// GET /__fake/requests answers with the number of BatchGetImage requests so far.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { FakeEcr } from './fake-ecr/index.js'
import { seedDemo } from './demo-data.js'
import { ociManifest } from './manifests.js'

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
 * Starts this file as a child process: the one way the benchmark and the profiler start the fake.
 * @returns {Promise<{ endpoint: string, requestCount: () => Promise<number>, stop: () => void }>}
 */
export async function startFakeProcess() {
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise((resolve) =>
    createInterface({ input: /** @type {import('node:stream').Readable} */ (server.stdout) }).once('line', resolve)
  )
  const endpoint = JSON.parse(String(line)).url
  return {
    endpoint,
    requestCount: async () => /** @type {{ requests: number }} */ (await (await fetch(`${endpoint}/__fake/requests`)).json()).requests,
    stop: () => void server.stdin?.end()
  }
}

async function serve() {
  const fake = new FakeEcr()
  seedDemo(fake)
  for (let repo = 0; repo < 20; repo++)
    for (let tag = 0; tag < 100; tag++)
      fake.putImage({ repository: `bench/r${repo}`, tags: [`t${tag}`], manifest: ociManifest(`bench-${repo}-${tag}`) })
  const url = await fake.start()
  process.stdout.write(`${JSON.stringify({ url })}\n`)
  const stop = () => void fake.stop().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.stdin.on('end', stop).resume()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve()
