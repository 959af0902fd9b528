// npm run profile [-- --thousand | --verify]: runs the bundle once under `node --cpu-prof` (Node 24) against
// the fake ECR, the way the benchmark does, and prints where the time went: self time by area
// (Node's own start-up and built-in modules, compiling the bundle, the AWS SDK, the action's code,
// garbage collection) and the files with the most self time, mapped through dist/action.js.map.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { node24Binary } from '../testkit/node24.js'
import { ACTION_ENTRY, ROOT, runnerEnvironment } from '../testkit/run-action.js'
import { BENCH_SIGNER, startFakeProcess, THOUSAND_REFERENCES } from '../testkit/serve-fake.js'

const fake = await startFakeProcess()
const temp = mkdtempSync(join(tmpdir(), 'ecr-profile-'))
const thousand = process.argv.includes('--thousand')
const verify = process.argv.includes('--verify')
/** @type {Record<string, string>} */
const inputs = verify
  ? {
      images: Array.from({ length: 20 }, (_, index) => `bench/signed:s${index}`).join(' '),
      'verify-signer': BENCH_SIGNER,
      'trusted-root': fake.trustedRoot
    }
  : { images: thousand ? THOUSAND_REFERENCES : 'app:v1' }
const { env } = runnerEnvironment({ temp, endpoint: fake.endpoint, inputs })

const child = spawn(node24Binary(), ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', temp, ACTION_ENTRY], {
  env: /** @type {NodeJS.ProcessEnv} */ (env),
  stdio: 'ignore'
})
await new Promise((resolve) => child.on('close', resolve))
fake.stop()

const file = readdirSync(temp).find((name) => name.endsWith('.cpuprofile'))
if (!file) throw new Error('no profile was written')
/** @type {{ nodes: { id: number, callFrame: { url: string, functionName: string, lineNumber: number, columnNumber: number } }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(join(temp, file), 'utf8'))
rmSync(temp, { recursive: true, force: true })
/** @type {Map<string, SourceMap>} */
const chunkMaps = new Map()
const sourceMap = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist', 'action.js.map'), 'utf8')))

/**
 * @param {{ url: string, functionName: string, lineNumber: number, columnNumber: number }} frame
 * @returns {[string, string]} the area and the place within it
 */
function classify(frame) {
  if (frame.url.endsWith('/dist/action.js')) {
    const entry = /** @type {{ originalSource?: string }} */ (sourceMap.findEntry(frame.lineNumber, frame.columnNumber))
    const source = entry.originalSource ?? ''
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1]
    if (pkg?.startsWith('@aws-sdk/') || pkg?.startsWith('@smithy/') || pkg?.startsWith('@aws/')) return ['the AWS SDK', pkg]
    if (pkg) return [`other packages`, pkg]
    return ["the action's code", source.replace(/^.*\/src\//, 'src/')]
  }
  if (/\/dist\/\d+\.index\.js$/.test(frame.url)) {
    const chunk = frame.url.replace(/.*\/dist\//, '')
    let map = chunkMaps.get(chunk)
    if (map === undefined) chunkMaps.set(chunk, (map = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist', `${chunk}.map`), 'utf8')))))
    const entry = /** @type {{ originalSource?: string }} */ (map.findEntry(frame.lineNumber, frame.columnNumber))
    const source = entry.originalSource ?? ''
    return ['lazy chunks', /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? source.replace(/^.*\/src\//, 'src/')]
  }
  if (frame.functionName === 'compileSourceTextModule') return ['compiling the bundle', 'compileSourceTextModule']
  if (frame.url.startsWith('node:internal/bootstrap') || frame.url.startsWith('node:internal/modules'))
    return ["Node's start-up and module loading", frame.url]
  if (frame.url.startsWith('node:')) return ["Node's built-in modules (http, crypto, streams)", frame.url]
  if (frame.functionName === '(garbage collector)') return ['garbage collection', frame.functionName]
  if (frame.functionName === '(idle)') return ['idle (waiting for the fake ECR)', frame.functionName]
  return ['native code (V8, libuv, I/O)', frame.functionName || '(native)']
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
/** @type {Map<string, number>} */
const areas = new Map()
/** @type {Map<string, number>} */
const details = new Map()
let total = 0
profile.samples.forEach((id, index) => {
  const micros = profile.timeDeltas[index] ?? 0
  const node = byId.get(id)
  if (!node) return
  total += micros
  const [area, detail] = classify(node.callFrame)
  areas.set(area, (areas.get(area) ?? 0) + micros)
  details.set(`${area}: ${detail}`, (details.get(`${area}: ${detail}`) ?? 0) + micros)
})
const ms = (/** @type {number} */ micros) => (micros / 1000).toFixed(1).padStart(6)
console.log(
  `CPU profile of one run (${verify ? 'verify-signer, 20 images' : thousand ? '1,000 ids over 10 repositories' : 'one lookup'}), ${ms(total).trim()} ms sampled, self time:`
)
for (const [area, micros] of [...areas].sort((a, b) => b[1] - a[1])) console.log(`${ms(micros)} ms  ${area}`)
console.log('\nLargest single places:')
for (const [detail, micros] of [...details].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 12)))
  console.log(`${ms(micros)} ms  ${detail}`)
