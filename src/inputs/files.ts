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
    checkGlob(pattern, path)
  }
  if (patterns.length > 0 && patterns.every((pattern) => pattern.startsWith('!')))
    throw new InputError('files: every pattern excludes: give at least one glob of files to scan, like k8s/**/*.yaml.')
  return patterns
}

/** A glob as a regular expression over `/`-separated workspace-relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] ?? ''
    if (char === '*') {
      if (glob[index + 1] === '*') {
        // `**/` matches any folders (none included); a trailing `**` matches everything below.
        const slash = glob[index + 2] === '/'
        source += slash ? '(?:[^/]*/)*' : '.*'
        index += slash ? 2 : 1
      } else source += '[^/]*'
    } else if (char === '?') source += '[^/]'
    else if (char === '[') {
      const end = glob.indexOf(']', index + 1)
      if (end < 0) source += '\\['
      else {
        const body = glob.slice(index + 1, end).replace(/\\/g, '\\\\')
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`
        index = end
      }
    } else if (char === '{') {
      const end = glob.indexOf('}', index + 1)
      if (end < 0) source += '\\{'
      else {
        source += `(?:${glob
          .slice(index + 1, end)
          .split(',')
          .map((part) => globToRegExp(part).source.slice(1, -1))
          .join('|')})`
        index = end
      }
    } else source += char.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/** A glob this action reads exactly: braces not nested, ranges that run forwards. */
function checkGlob(pattern: string, path: string): void {
  if (/\{[^}]*\{/.test(path))
    throw new InputError(`files: '${pattern}' nests braces ({a,{b,c}}), which is not supported: write {a,b,c}, or one glob per line.`)
  try {
    globToRegExp(path.replace(/\\/g, '/'))
  } catch {
    throw new InputError(
      `files: '${pattern}' is not a valid glob: a [range] in it runs backwards or holds something no file name has (write [a-z], not [z-a]).`
    )
  }
}

/** The workspace: GITHUB_WORKSPACE, else the working folder. */
export function workspaceOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd())
}
