// The action's entry: Node's compile cache in a job's later steps, then the bundle (see scripts/bundle.js).
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
