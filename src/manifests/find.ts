// The files the `files` globs name, inside the workspace: `*` (within a folder), `**` (any folders),
// `?`, `[abc]` and `{a,b}`; `!` globs exclude. Folders named .git and node_modules are not entered.
// Every path is resolved before it is read: a link (to a file or a folder, at any depth, the glob's
// fixed part included) is followed only when it leads inside the workspace, and a file is named by
// its own path there, once, however many links lead to it. A link that leads out, or to nothing, is
// skipped and named.
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { globToRegExp } from '../inputs/files.js'
import { safeText } from '../text.js'

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

/**
 * One glob, compiled: the whole path's pattern, and the folders worth entering, followed folder by
 * folder as the set of the glob's parts still to match (so a folder reached twice in the same state,
 * through links, is walked once). A `{…}` holding a `/` cannot be split by folder: then every folder is
 * entered and the whole path decides.
 */
interface Glob {
  matches: (path: string) => boolean
  start: number[]
  /** The state inside the folder `name` entered from `state`: empty when nothing below can match. */
  step: (state: readonly number[], name: string) => number[]
}

function compile(glob: string): Glob {
  const regex = globToRegExp(glob)
  const matches = (path: string): boolean => regex.test(path)
  if (/\{[^}]*\/[^}]*\}/.test(glob)) return { matches, start: [0], step: () => [0] }
  const segments = glob.split('/').map((part) => (part === '**' ? ('**' as const) : globToRegExp(part)))
  const closure = (state: Iterable<number>): number[] => {
    const all = new Set(state)
    for (const j of all) if (segments[j] === '**') all.add(j + 1)
    return [...all].sort((a, b) => a - b)
  }
  return {
    matches,
    start: closure([0]),
    step: (state, name) => {
      const next: number[] = []
      for (const j of state) {
        const segment = segments[j]
        if (segment === '**') next.push(j)
        else if (segment !== undefined && j < segments.length - 1 && segment.test(name)) next.push(j + 1)
      }
      return closure(next).filter((j) => j < segments.length)
    }
  }
}

export interface FoundFiles {
  /** Workspace-relative paths (with `/`) of the files themselves, sorted, each once. */
  files: string[]
  /** For each file, the paths the globs named it by (itself, or links that lead to it). */
  namedAs: Map<string, string[]>
  /** What was skipped and why, one sentence each: links that lead out of the workspace or to nothing, odd names. */
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
  const excluded = (...paths: string[]): boolean => excludes.some((exclude) => paths.some((path) => exclude.matches(path)))
  const namedAs = new Map<string, Set<string>>()
  const skipped = new Set<string>()
  const add = (file: string, name: string): void => void namedAs.set(file, (namedAs.get(file) ?? new Set()).add(name))

  /** Walks the folder `path` (as the glob sees it) at `real`; `chain` holds the folders above, `visited` what was walked. */
  const walk = async (
    glob: Glob,
    path: string,
    real: string,
    state: readonly number[],
    chain: ReadonlySet<string>,
    visited: Set<string>
  ): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(real, { withFileTypes: true })
    } catch {
      return // a folder that went away, or cannot be listed, holds nothing to scan
    }
    for (const entry of entries) {
      const name = path === '' ? entry.name : `${path}/${entry.name}`
      const location = join(real, entry.name)
      const inner = glob.step(state, entry.name)
      const wanted = glob.matches(name) || inner.length > 0
      if (!wanted || SKIPPED_FOLDERS.has(entry.name)) continue
      // A name with a line break or another control character reads differently once escaped.
      if (safeText(entry.name) !== entry.name) {
        skipped.add(`files: ${safeText(name)} has a line break or control character in its name; it is not scanned.`)
        continue
      }
      let target = location
      if (entry.isSymbolicLink()) {
        // A link: resolved, then followed only inside the workspace, and never into .git or node_modules.
        if (excluded(name)) continue
        try {
          target = await realpath(location)
        } catch {
          skipped.add(`files: ${safeText(name)} is a link that leads to nothing; it is not scanned.`)
          continue
        }
        if (!inside(root, target)) {
          skipped.add(`files: ${safeText(name)} is a link that leads out of the workspace (${safeText(target)}); it is not scanned.`)
          continue
        }
        if (
          relativeTo(root, target)
            .split('/')
            .some((part) => SKIPPED_FOLDERS.has(part))
        ) {
          skipped.add(`files: ${safeText(name)} is a link into .git or node_modules; it is not scanned.`)
          continue
        }
      }
      const kind = entry.isSymbolicLink() ? await stat(target).catch(() => undefined) : entry
      if (kind?.isDirectory()) {
        const key = `${target}\u0000${inner.join(',')}`
        if (inner.length === 0 || chain.has(target) || visited.has(key)) continue
        visited.add(key)
        await walk(glob, name, target, inner, new Set([...chain, target]), visited)
      } else if (kind?.isFile() && glob.matches(name)) {
        const own = relativeTo(root, target)
        if (!excluded(name, own)) add(own, name)
      }
    }
  }
  for (const glob of includes) await walk(glob, '', root, glob.start, new Set([root]), new Set())
  const files = [...namedAs.keys()].sort()
  return { files, namedAs: new Map(files.map((file) => [file, [...(namedAs.get(file) ?? [])].sort()])), skipped: [...skipped] }
}
