// npm run demo [-- name=value ...]: runs the bundled action against a fake ECR on 127.0.0.1, exactly
// as the runner would, and prints its log, outputs and job summary. Exits with the action's exit code.
//
//   npm run demo
//   npm run demo -- image-ids="v1 nope" fail-on=none
//   npm run demo -- repository-name=team/api image-ids=v1.4.2
import { existsSync } from 'node:fs'
import { FakeEcr } from '../testkit/fake-ecr/index.js'
import { demoInputs, seedDemo } from '../testkit/demo-data.js'
import { ACTION_ENTRY, actionInputs, runAction } from '../testkit/run-action.js'

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm run demo -- [input=value ...]\nInputs:', Object.keys(actionInputs()).join(', '))
  process.exit(0)
}
const inputs = demoInputs(args, 'demo')
if (!existsSync(ACTION_ENTRY)) {
  console.error('demo: dist/index.js is missing: run npm run bundle first.')
  process.exit(2)
}

const fake = new FakeEcr()
const digests = seedDemo(fake)
const endpoint = await fake.start()
console.log(`Fake ECR on ${endpoint}, account ${fake.accountId}, seeded with:`)
console.log(`  app:       v1, latest (Docker v2)  ${digests.v1}`)
console.log(`  app:       v2-oci (OCI manifest)   ${digests.v2}`)
console.log(`  app:       v3-multi (OCI index: linux/amd64, linux/arm64)  ${digests.v3}`)
console.log(`  team/api:  v1.4.2 (Docker v2)      ${digests.api}`)
console.log(
  `\nInputs: ${Object.entries(inputs)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ')}\n`
)

// DEMO_NODE picks the Node binary (the runner uses Node 24). The SDK's notice that Node 20 support ends is
// silenced here only, to keep the demo's output about the action.
const run = await runAction({
  inputs,
  endpoint,
  node: process.env.DEMO_NODE || process.execPath,
  env: { AWS_MAX_ATTEMPTS: '2', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }
})
await fake.stop()

/** @param {string} title */
const section = (title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`)
section('Log')
process.stdout.write(run.stdout)
if (run.stderr.trim()) process.stdout.write(run.stderr)
section('Outputs')
for (const [name, value] of Object.entries(run.outputs)) {
  const shown = value.length > 300 ? `${value.slice(0, 300)}… (${value.length} characters)` : value
  console.log(`${name}: ${shown}`)
}
section('Job summary')
console.log(run.summary.trim() || '(empty)')
section(`Exit code ${run.code}`)
process.exit(run.code ?? 1)
