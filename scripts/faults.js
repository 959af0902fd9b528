// npm run faults [-- input=value ...]: runs the bundle once against each fault of the fake ECR, on
// Node 24 with default inputs (or the inputs given, for example timeout=6s to see the budgets shrink),
// and prints a table: the fault, the wall time, the exit code and the ::error line the user sees. The
// slow rows (a server that never answers, or drips) take up to a minute each on default inputs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeEcr } from '../testkit/fake-ecr/index.js'
import { seedDemo } from '../testkit/demo-data.js'
import { node24Binary } from '../testkit/node24.js'
import { runAction } from '../testkit/run-action.js'
import { createCertificate } from '../testkit/tls.js'

/** @type {Record<string, string>} */
const inputs = { images: 'app:v1' }
for (const arg of process.argv.slice(2)) {
  const eq = arg.indexOf('=')
  if (eq < 1) throw new Error(`faults: '${arg}' is not input=value`)
  inputs[arg.slice(0, eq)] = arg.slice(eq + 1)
}
const temp = mkdtempSync(join(tmpdir(), 'faults-'))
const certificate = createCertificate(temp)
const node = node24Binary()

/** @type {[string, (fake: FakeEcr) => void, { tls?: boolean, env?: Record<string, string> }?][]} */
const faults = [
  ['A server that accepts the connection and never answers', (fake) => fake.stall(Infinity)],
  ['A body sent one byte a second', (fake) => fake.drip(Infinity, 1000)],
  ['Headers, half the body, then nothing', (fake) => fake.halfAnswer(Infinity, 'stall')],
  ['A body cut short (connection closed)', (fake) => fake.halfAnswer(Infinity, 'close')],
  ['A slow first attempt, then a good one', (fake) => fake.stall(1)],
  [
    "A proxy's HTTP 503 HTML page",
    (fake) => fake.answerRaw(Infinity, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>')
  ],
  ["A proxy's HTTP 403 HTML page", (fake) => fake.answerRaw(Infinity, 403, 'text/html', '<html><body>Blocked by policy</body></html>')],
  ['HTTP 200 that is not JSON', (fake) => fake.garbage(Infinity, '<html>captive portal</html>')],
  ['HTTP 200 JSON of the wrong shape', (fake) => fake.garbage(Infinity, '{"images":"none"}')],
  ['Connections reset', (fake) => fake.dropConnection(Infinity)],
  ['ServerException every time', (fake) => fake.failWith(Infinity, 500, 'ServerException', 'Internal failure')],
  ['ThrottlingException every time', (fake) => fake.failWith(Infinity, 400, 'ThrottlingException', 'Rate exceeded')],
  ['An untrusted TLS certificate', () => undefined, { tls: true }],
  [
    'The same certificate, trusted through NODE_EXTRA_CA_CERTS',
    () => undefined,
    { tls: true, env: { NODE_EXTRA_CA_CERTS: certificate.certFile } }
  ]
]

const rows = ['| Fault | Wall time | Exit code | `::error` line |', '|---|---:|---:|---|']
for (const [label, arrange, options = {}] of faults) {
  const fake = new FakeEcr(options.tls ? { tls: certificate } : {})
  seedDemo(fake)
  const endpoint = await fake.start()
  arrange(fake)
  const started = Date.now()
  const run = await runAction({ inputs, endpoint, node, env: options.env ?? {}, timeoutMs: 15 * 60_000 })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  await fake.stop()
  const error = run.errors[0]?.replace(/\|/g, '\\|') ?? '(none)'
  rows.push(`| ${label} | ${seconds} s | ${run.code} | ${error.length > 400 ? `${error.slice(0, 400)}…` : error} |`)
  console.error(`${label}: ${seconds} s, exit ${run.code}`)
}
rmSync(temp, { recursive: true, force: true })
console.log(`Inputs: ${JSON.stringify(inputs)}, Node ${node}\n`)
console.log(rows.join('\n'))
