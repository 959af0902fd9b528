// npm run bundle: builds dist/ with @vercel/ncc's API, for settings its CLI does not offer:
// - mainFields ['module', 'main']: packages' ES module builds, in which the AWS SDK loads credential
//   providers (SSO, profiles, credential processes, web identity, container and instance metadata)
//   with import(): each becomes a chunk of its own, loaded only when the credential chain reaches it;
// - the bundling tsconfig in build/ (see the comment there): ES module builds of @smithy/core and
//   @aws-sdk/core, so what ECR's protocol never uses is left out;
// - a source map and licenses.txt beside the bundle, without registering source-map-support at
//   start-up (it costs time on every run, and users never see stack traces);
// - no build cache, so the same source always gives the same dist/ (CI checks that it is fresh).
// Types are checked by `tsc --noEmit` in npm test; here TypeScript is only transpiled.
// dist/ is emptied first, so chunks that are no longer built do not linger.
import ncc from '@vercel/ncc'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

process.chdir(join(root, 'build'))
/** @type {import('@vercel/ncc').NccResult} */
let built
try {
  built = await ncc(join(root, 'build', 'entry.ts'), {
    cache: false,
    filterAssetBase: root,
    transpileOnly: true,
    mainFields: ['module', 'main'],
    sourceMap: true,
    sourceMapRegister: false,
    // ncc runs in build/: paths relative to it are the same relative to dist/.
    sourceMapBasePrefix: '',
    license: 'licenses.txt',
    quiet: true
  })
} catch (error) {
  // The message alone: an uncaught error would also print a line of ncc's minified source.
  console.error(`bundle: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const { code, map, assets } = built

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
// dist/index.js, what action.yml runs, is a small loader, then it imports the bundle, dist/action.js. In a
// job that runs the action in more than one step, it turns on Node's compile cache (Node 22.1 and later)
// under RUNNER_TEMP from the second step on: the first step only makes the folder, so a job that runs
// the action once pays nothing for a cache it would never read (writing it costs about 5 %); the second
// writes it; every later one skips compiling the bundle (about 14 % faster; docs/benchmarks.md).
const loader = `// The action's entry: Node's compile cache in a job's later steps, then the bundle (see scripts/bundle.js).
import { existsSync, mkdirSync } from 'node:fs'
import * as nodeModule from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const cache = join(process.env.RUNNER_TEMP || tmpdir(), 'ecr-image-lookup-compile-cache')
try {
  if (existsSync(cache)) nodeModule.enableCompileCache?.(cache)
  else mkdirSync(cache, { recursive: true })
} catch {
  // No cache: the bundle is compiled as usual.
}
await import('./action.js')
`
/** @type {[string, string | Buffer][]} */
const files = [
  ['index.js', loader],
  ['action.js', code.replace(/\/\/# sourceMappingURL=index\.js\.map\s*$/, '//# sourceMappingURL=action.js.map\n')],
  ['action.js.map', map ?? ''],
  ...Object.entries(assets ?? {})
    .filter(([name]) => name !== 'index.js' && name !== 'index.js.map')
    .map(([name, asset]) => /** @type {[string, string | Buffer]} */ ([name, asset.source]))
]
for (const [name, content] of files) {
  mkdirSync(dirname(join(dist, name)), { recursive: true })
  writeFileSync(join(dist, name), content)
}
const total = files.filter(([name]) => name.endsWith('.js')).reduce((sum, [, content]) => sum + Buffer.byteLength(content), 0)
console.log(
  `dist/action.js ${Math.round(Buffer.byteLength(code) / 1024)} KiB, ${files.filter(([n]) => /^\d+\.index\.js$/.test(n)).length} lazy chunks, ${Math.round(total / 1024)} KiB of JavaScript in all`
)
