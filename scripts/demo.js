// npm run demo [-- name=value ...]: runs the bundled action against a fake ECR on 127.0.0.1, exactly
// as the runner would, and prints its log, outputs and job summary. Exits with the action's exit code.
//
//   npm run demo
//   npm run demo -- image-ids="v1 nope" fail-on=none
//   npm run demo -- repository-name=team/api image-ids=v1.4.2
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeEcr } from '../testkit/fake-ecr/index.js'
import { demoInputs, seedDemo } from '../testkit/demo-data.js'
import { ACTION_ENTRY, ROOT, actionInputs, runAction } from '../testkit/run-action.js'

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

// With files, the workspace is a copy of this repository's examples/, so pin rewrites the copy.
const workspace = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })

// DEMO_NODE picks the Node binary (the runner uses Node 24). The SDK's notice that Node 20 support ends is
// silenced here only, to keep the demo's output about the action.
const run = await runAction({
  inputs,
  endpoint,
  node: process.env.DEMO_NODE || process.execPath,
  env: { AWS_MAX_ATTEMPTS: '2', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', GITHUB_WORKSPACE: workspace }
})
await fake.stop()
const pinned = (run.outputs['pinned-files'] ?? '').split('\n').filter(Boolean)

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
if (pinned.length > 0) {
  section('Pinned files (the copy in a temporary workspace)')
  for (const file of pinned) {
    const before = readFileSync(join(ROOT, file), 'utf8').split('\n')
    const after = readFileSync(join(workspace, file), 'utf8').split('\n')
    console.log(file)
    after.forEach((line, index) => {
      if (line !== before[index])
        console.log(`  ${index + 1}: ${before[index] === undefined || after.length !== before.length ? '+' : '~'} ${line.trim()}`)
    })
  }
}
rmSync(workspace, { recursive: true, force: true })
section('Job summary')
console.log(run.summary.trim() || '(empty)')
section(`Exit code ${run.code}`)
process.exit(run.code ?? 1)
