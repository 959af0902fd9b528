// Runs the fake ECR in its own process (for the benchmark): seeds the demo images and 10 repositories
// of 100 tags (bench/r0..r9:t0..t99), prints its URL as one JSON line, and stops on SIGTERM or when
// stdin closes. GET /__fake/requests answers with the number of BatchGetImage requests so far.
import { FakeEcr } from './fake-ecr.js'
import { seedDemo } from './demo-data.js'
import { ociManifest } from './manifests.js'

const fake = new FakeEcr()
seedDemo(fake)
for (let repo = 0; repo < 10; repo++)
  for (let tag = 0; tag < 100; tag++) fake.putImage({ repository: `bench/r${repo}`, tags: [`t${tag}`], manifest: ociManifest(`bench-${repo}-${tag}`) })
const url = await fake.start()
process.stdout.write(`${JSON.stringify({ url })}\n`)
const stop = () => void fake.stop().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.stdin.on('end', stop).resume()
