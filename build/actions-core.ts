// What the bundle gets for `import * as core from '@actions/core'` (build/tsconfig.json maps the name
// here; source, type checks, unit tests and @github/local-action use the package itself). It is the
// package's own modules for everything the action uses, with the same escaping, file commands and
// summary writer, but not the package's entry, which also loads an OIDC client (@actions/http-client
// and undici, about 1 MB) and @actions/exec: nearly half of the bundle's start-up once. The paths
// reach into the package's lib/ at build time only; __tests__/unit/build/actions-core.test.ts checks
// that this module exports everything src/ uses and behaves byte for byte like @actions/core.
import { EOL } from 'node:os'
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js'
import type { AnnotationProperties } from '../node_modules/@actions/core/lib/core.js'

export { summary }

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

/** Masks a value in the log from now on (the add-mask command). */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
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

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
