// The action's entry point: everything happens in run(). Then the process ends, with the exit code
// run() set, once the log has reached the runner (at most 5 s more): a retry pause the SDK still has
// scheduled after the deadline must not keep it alive, and a log still in the pipe must not be cut short.
import { run } from './main.js'

const FLUSH_LIMIT_MS = 5_000

await run()
const flushed = Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, FLUSH_LIMIT_MS).unref())])
process.exit()
