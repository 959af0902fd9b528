// The runner contract (inputs, outputs, log commands, job summary), built from @actions/core's own
// modules: the same escaping, file commands and summary writer as `import * as core from
// '@actions/core'`. Its entry module also loads an OIDC client (@actions/http-client and undici,
// about 1 MB) and @actions/exec for platform details, which this action never uses and which made
// up nearly half of the bundle's start-up; importing the parts keeps them out. The package exports
// only its entry, hence the paths. __tests__/unit/actions-core.test.ts checks this module behaves
// byte for byte like @actions/core.
import { EOL } from 'node:os'
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js'
import type { AnnotationProperties } from '../node_modules/@actions/core/lib/core.js'

export { summary }

export const ExitCode = { Success: 0, Failure: 1 } as const

/** The input's value (INPUT_<NAME>), trimmed; empty when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Writes a step output to GITHUB_OUTPUT (or the deprecated set-output command without it). */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = ExitCode.Failure
  error(message)
}
