// The files the `files` globs name, inside the workspace: `*` (within a folder), `**` (any folders),
// `?`, `[abc]` and `{a,b}`; `!` globs exclude. Folders named .git and node_modules are not entered,
// symbolic links to folders are not followed, and a file link that leads out of the workspace is an
// error.
import { lstat, readdir, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { InputError } from '../image.js'

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

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

/** The part of a glob before its first wildcard: the folder to start walking from. */
function staticBase(glob: string): string {
  const parts = glob.split('/')
  const fixed: string[] = []
  for (const part of parts.slice(0, -1)) {
    if (/[*?[{]/.test(part)) break
    fixed.push(part)
  }
  return fixed.join('/')
}

async function walk(workspace: string, folder: string, found: string[]): Promise<void> {
  let entries
  try {
    entries = await readdir(join(workspace, folder), { withFileTypes: true })
  } catch {
    return // a static base that does not exist matches nothing
  }
  for (const entry of entries) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(workspace, path, found)
    } else if (entry.isFile() || entry.isSymbolicLink()) found.push(path)
  }
}

/** A symbolic link must lead to a file inside the workspace. */
async function checkInside(workspace: string, path: string): Promise<boolean> {
  const absolute = join(workspace, path)
  const stats = await lstat(absolute)
  if (!stats.isSymbolicLink()) return true
  let target: string
  try {
    target = await realpath(absolute)
  } catch {
    return false // a dangling link is not a file to scan
  }
  const root = await realpath(workspace)
  const inside = relative(root, target)
  if (inside.startsWith('..') || inside.split(sep)[0] === '..' || inside === target)
    throw new InputError(`files: ${path} is a link that leads out of the workspace (${target}); it is not scanned.`)
  return (await lstat(target)).isFile()
}

/** Workspace-relative paths (with `/`) of the files the globs name, sorted, each once. */
export async function findFiles(workspace: string, patterns: readonly string[]): Promise<string[]> {
  const includes = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.replace(/\\/g, '/').replace(/^\.\//, ''))
  const excludes = patterns
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) => globToRegExp(pattern.slice(1).replace(/^\.\//, '')))
  const matched = new Set<string>()
  for (const include of includes) {
    const candidates: string[] = []
    await walk(workspace, staticBase(include), candidates)
    const regex = globToRegExp(include)
    for (const path of candidates) if (regex.test(path) && !excludes.some((exclude) => exclude.test(path))) matched.add(path)
  }
  const files: string[] = []
  for (const path of [...matched].sort()) if (await checkInside(workspace, path)) files.push(path)
  return files
}
