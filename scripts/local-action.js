// npm run local-action [-- name=value ...]: runs src/main.ts (the source, not the bundle) under
// @github/local-action against the fake ECR, with the demo's inputs. local-action stubs @actions/core,
// which the source imports by name, and prints the outputs it saw. It runs from the action's root,
// with the inputs and the fake's endpoint and credentials in a temporary .env file.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeEcr } from '../testkit/fake-ecr/index.js'
import { demoInputs, seedDemo } from '../testkit/demo-data.js'
import { ROOT, runnerEnvironment } from '../testkit/run-action.js'

const inputs = demoInputs(process.argv.slice(2), 'local-action')
const fake = new FakeEcr()
seedDemo(fake)
const endpoint = await fake.start()
const temp = mkdtempSync(join(tmpdir(), 'local-action-'))
const { env } = runnerEnvironment({ temp, endpoint, inputs })
// local-action writes outputs and the summary itself: only the inputs, AWS settings and RUNNER_TEMP go in the .env.
const lines = Object.entries(env)
  .filter(([name, value]) => value !== undefined && (name.startsWith('INPUT_') || name.startsWith('AWS_') || name === 'RUNNER_TEMP'))
  .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
const envFile = join(temp, '.env')
writeFileSync(envFile, `${lines.join('\n')}\nAWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true\n`)

// Asynchronously: the fake answers from this process while the child runs.
const child = spawn('npx', ['--no-install', 'local-action', 'run', '.', 'src/main.ts', envFile], { cwd: ROOT, stdio: 'inherit' })
const code = await new Promise((resolve) => child.on('close', resolve))
await fake.stop()
rmSync(temp, { recursive: true, force: true })
process.exit(typeof code === 'number' ? code : 1)
