// Finds a Node 24 binary (the action's runtime) for running the bundle: this Node when it is 24,
// else NODE24_BIN, else the npm package node@24 through npx (downloaded from the npm registry once).
import { execFileSync } from 'node:child_process'

/** @returns {string} */
export function node24Binary() {
  if (process.versions.node.split('.')[0] === '24') return process.execPath
  if (process.env.NODE24_BIN) return process.env.NODE24_BIN
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  const path = execFileSync(npx, ['--yes', '--package', 'node@24', '--', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 300_000
  }).trim()
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) throw new Error(`node@24 from npx reports ${version}, not v24`)
  return path
}

/**
 * The Node binaries the end-to-end suite runs the bundle on: Node 24 only, the action's runtime
 * (`runs.using: node24`); runners dropped Node 20 in September 2026.
 */
export function nodeBinaries() {
  const node24 = node24Binary()
  const version = node24 === process.execPath ? process.version : execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()
  return [{ label: `node ${version.slice(1)}`, path: node24 }]
}
