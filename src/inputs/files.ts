// The `files`, `pin` and `if-no-files-found` inputs' syntax: globs relative to GITHUB_WORKSPACE, one
// per line, `!` to exclude; none may leave the workspace. (src/manifests/ finds and reads the files.)
import { isAbsolute, resolve } from 'node:path'
import { InputError } from '../image.js'

export type IfNoFilesFound = 'error' | 'warn' | 'ignore'

export interface FilesSettings {
  /** The globs as written, in order; `!` ones exclude. */
  patterns: string[]
  ifNoFilesFound: IfNoFilesFound
  /** Rewrite each found reference to its pinned form. */
  pin: boolean
  /** GITHUB_WORKSPACE (or the working folder): every path is inside it. */
  workspace: string
}

export function parseIfNoFilesFound(value: string): IfNoFilesFound {
  const text = value.trim().toLowerCase()
  if (text === '' || text === 'error') return 'error'
  if (text === 'warn' || text === 'ignore') return text
  throw new InputError(`if-no-files-found '${value}' must be error, warn or ignore.`)
}

/** The globs of the `files` input: one per line; blank lines and `#` comments are left out. */
export function parseFilePatterns(value: string): string[] {
  const patterns = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  for (const pattern of patterns) {
    const path = pattern.replace(/^!/, '')
    if (path === '') throw new InputError(`files: '${pattern}' excludes nothing: write !PATTERN.`)
    if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path))
      throw new InputError(
        `files: '${pattern}' is an absolute path: give globs relative to the workspace (GITHUB_WORKSPACE), like k8s/**/*.yaml.`
      )
    if (path.split(/[\\/]/).includes('..')) throw new InputError(`files: '${pattern}' leaves the workspace ('..' is not allowed).`)
  }
  if (patterns.length > 0 && patterns.every((pattern) => pattern.startsWith('!')))
    throw new InputError('files: every pattern excludes: give at least one glob of files to scan, like k8s/**/*.yaml.')
  return patterns
}

/** The workspace: GITHUB_WORKSPACE, else the working folder. */
export function workspaceOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd())
}
