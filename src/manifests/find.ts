// The files the `files` globs name, inside the workspace: `*` (within a folder), `**` (any folders),
// `?`, `[abc]` and `{a,b}`; `!` globs exclude. Folders named .git and node_modules are not entered.
// Every path is resolved before it is read: a link (to a file or a folder, at any depth, the glob's
// fixed part included) is followed only when it leads inside the workspace, and a file is named by
// its own path there, once, however many links lead to it. A link that leads out, or to nothing, is
// skipped and named.
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'

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

/** Whether a folder at `parts` could hold a file the glob's `segments` match. */
function couldHold(segments: readonly (RegExp | '**')[], parts: readonly string[], i = 0, j = 0): boolean {
  if (i === parts.length) return j < segments.length
  const segment = segments[j]
  if (segment === undefined) return false
  if (segment === '**') return couldHold(segments, parts, i, j + 1) || couldHold(segments, parts, i + 1, j)
  return segment.test(parts[i] ?? '') && couldHold(segments, parts, i + 1, j + 1)
}

/** One glob, compiled: the whole path's pattern, and a test for folders worth entering. */
interface Glob {
  matches: (path: string) => boolean
  enters: (folder: string) => boolean
}

function compile(glob: string): Glob {
  const regex = globToRegExp(glob)
  // A `{…}` holding a `/` cannot be split by folder: every folder is entered and the whole path decides.
  const segments = /\{[^}]*\/[^}]*\}/.test(glob)
    ? undefined
    : glob.split('/').map((part) => (part === '**' ? ('**' as const) : globToRegExp(part)))
  return {
    matches: (path) => regex.test(path),
    enters: (folder) => segments === undefined || couldHold(segments, folder.split('/'))
  }
}

export interface FoundFiles {
  /** Workspace-relative paths (with `/`) of the files themselves, sorted, each once. */
  files: string[]
  /** What was skipped and why, one sentence each: links that lead out of the workspace or to nothing. */
  skipped: string[]
}

/** Whether `target` (a resolved path) is `root` or below it. */
export function inside(root: string, target: string): boolean {
  const path = relative(root, target)
  return path === '' || (!isAbsolute(path) && path.split(sep)[0] !== '..')
}

/** Workspace-relative path with `/` of a resolved path inside the workspace. */
function relativeTo(root: string, target: string): string {
  return relative(root, target).split(sep).join('/')
}

/** The files the globs name, each resolved inside the workspace; links that lead out are skipped and named. */
export async function findFiles(workspace: string, patterns: readonly string[]): Promise<FoundFiles> {
  const root = await realpath(workspace)
  const includes = patterns
    .filter((pattern) => !pattern.startsWith('!'))
    .map((pattern) => compile(pattern.replace(/\\/g, '/').replace(/^\.\//, '')))
  const excludes = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => compile(pattern.slice(1).replace(/^\.\//, '')))
  const excluded = (path: string): boolean => excludes.some((exclude) => exclude.matches(path))
  const files = new Set<string>()
  const skipped = new Set<string>()

  /** Walks the folder `path` (as the glob sees it) whose resolved location is `real`; `chain` holds the folders above, against loops. */
  const walk = async (glob: Glob, path: string, real: string, chain: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(real, { withFileTypes: true })
    } catch {
      return // a folder that went away, or cannot be listed, holds nothing to scan
    }
    for (const entry of entries) {
      const name = path === '' ? entry.name : `${path}/${entry.name}`
      const location = join(real, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && glob.enters(name)) await walk(glob, name, location, new Set([...chain, location]))
        continue
      }
      if (!entry.isSymbolicLink()) {
        const own = relativeTo(root, location)
        if (entry.isFile() && glob.matches(name) && !excluded(name) && !excluded(own)) files.add(own)
        continue
      }
      // A link: resolved, then followed only inside the workspace.
      const wanted = glob.matches(name) || glob.enters(name)
      if (!wanted || excluded(name)) continue
      let target: string
      try {
        target = await realpath(location)
      } catch {
        skipped.add(`files: ${name} is a link that leads to nothing; it is not scanned.`)
        continue
      }
      if (!inside(root, target)) {
        skipped.add(`files: ${name} is a link that leads out of the workspace (${target}); it is not scanned.`)
        continue
      }
      const kind = await stat(target).catch(() => undefined)
      if (kind?.isDirectory()) {
        if (glob.enters(name) && !chain.has(target) && !SKIPPED_FOLDERS.has(entry.name))
          await walk(glob, name, target, new Set([...chain, target]))
      } else if (kind?.isFile() && glob.matches(name) && !excluded(relativeTo(root, target))) files.add(relativeTo(root, target))
    }
  }
  for (const glob of includes) await walk(glob, '', root, new Set([root]))
  return { files: [...files].sort(), skipped: [...skipped] }
}
