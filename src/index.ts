// The action's entry point: everything happens in run(). Then the process ends, with the exit code
// run() set: a retry pause the SDK still has scheduled after the deadline must not keep it alive.
import { run } from './main.js'

await run()
process.exit()
