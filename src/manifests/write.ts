// Writing many files all or nothing. Each new file is staged beside its original (a new temporary
// file, created exclusively, with the original's mode and owner), after checking the original still
// holds the bytes that were scanned; only when every one is staged, and no original changed since,
// are they renamed over their originals. A rename that fails puts back the files already renamed, so
// every file is as it was; a temporary file never stays. The runner's cancel (SIGINT, then SIGTERM)
// while staging removes what was staged and renames nothing; once renaming has started it finishes
// (it is quick) before the process ends, and so it does when the step's watchdog ends the process.
import { randomUUID } from 'node:crypto'
import { renameSync, rmSync } from 'node:fs'
import { type FileHandle, lstat, open, readFile, realpath, rename, rm } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { type CancelWatch, watchCancel } from '../cancel.js'
import { mapWithConcurrency } from '../concurrency.js'
import type { Deadline } from '../deadline.js'
import { describeFileError } from '../file-errors.js'
import { listNames, safeText } from '../text.js'

export interface FileWrite {
  /** Workspace-relative path, for messages. */
  file: string
  /** The file's resolved absolute path (inside the workspace). */
  path: string
  /** The bytes that were scanned: the file must still hold them. */
  original: Buffer
  /** The bytes to write. */
  content: Buffer
}

/** Files that could not be written: none was changed (or the message names those that could not be put back). */
export class WriteError extends Error {
  override name = 'WriteError'
}

export interface WriteOptions {
  log: (line: string) => void
  /** The run's cancel watch; without one, the writer watches for the time it writes. */
  cancel?: CancelWatch
  /** The step's deadline: its watchdog settles the writes (see above) before it ends the process. */
  deadline?: Deadline
}

/** Files staged at once: enough to keep the disk busy, few enough to stop at once on a cancel. */
const STAGING_CONCURRENCY = 8

interface Staged {
  write: FileWrite
  temporary: string
  stats: Stats
  renamed: boolean
}

/**
 * Whether the file at `path` is still the one that was staged against: the same inode, size and time,
 * reached through the same folders (no folder on the way became a link since the scan).
 */
async function unchanged(path: string, before: Stats): Promise<boolean> {
  const now = await lstat(path).catch(() => undefined)
  if (now === undefined || now.ino !== before.ino || now.size !== before.size || now.mtimeMs !== before.mtimeMs) return false
  return (await realpath(path).catch(() => undefined)) === path
}

function changedMessage(file: string): string {
  return `pin: ${safeText(file)} changed while the images were looked up, so no file was written; rerun the job to pin what is there now.`
}

/** A new file beside `path`, created exclusively (never through a link), with `content`, the mode and owner of `like`. */
async function stage(path: string, content: Buffer, like: Stats, onCreated: (temporary: string) => void): Promise<string> {
  const temporary = `${path}.ecr-pin-${randomUUID()}.tmp`
  let handle: FileHandle | undefined
  try {
    handle = await open(temporary, 'wx', 0o600)
    onCreated(temporary)
    await handle.writeFile(content)
    await handle.chown(like.uid, like.gid).catch(() => undefined) // only root may give a file away
    await handle.chmod(like.mode & 0o7777)
    await handle.close()
  } catch (error) {
    await handle?.close().catch(() => undefined)
    if (handle !== undefined) await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  return temporary
}

/** Writes every file or none (see above). Throws WriteError, after removing every temporary file. */
export async function writeAllOrNothing(writes: readonly FileWrite[], options: WriteOptions): Promise<void> {
  if (writes.length === 0) return
  const watch = options.cancel ?? watchCancel()
  let phase: 'staging' | 'renaming' | 'done' = 'staging'
  const staged: Staged[] = []
  const temporaries = new Set<string>()
  // The watchdog ends the process at once: a staged file is removed; renaming is finished.
  const settleNow = (): void => {
    if (phase === 'staging') for (const temporary of temporaries) rmSync(temporary, { force: true })
    else if (phase === 'renaming')
      for (const entry of staged) {
        if (entry.renamed) continue
        try {
          renameSync(entry.temporary, entry.write.path)
        } catch {
          // A rename in flight has already moved it (ENOENT); any other failure leaves this one as it was.
        }
        entry.renamed = true
      }
  }
  const releaseWatchdog = options.deadline?.beforeWatchdogExit(settleNow)
  const removeTemporaries = async (): Promise<void> => {
    await Promise.all([...temporaries].map((temporary) => rm(temporary, { force: true }).catch(() => undefined)))
    temporaries.clear()
  }
  try {
    options.log(`pin: staging ${writes.length} file(s) beside their originals…`)
    let failedFile: string | undefined
    try {
      const entries = await mapWithConcurrency(
        writes,
        STAGING_CONCURRENCY,
        async (write): Promise<Staged> => {
          try {
            const stats = await lstat(write.path).catch((error: unknown) => {
              // A file deleted since the scan has changed too.
              if ((error as { code?: string }).code === 'ENOENT') throw new WriteError(changedMessage(write.file))
              throw error
            })
            const moved = (await realpath(write.path)) !== write.path
            if (moved || !stats.isFile() || !(await readFile(write.path)).equals(write.original))
              throw new WriteError(changedMessage(write.file))
            const temporary = await stage(write.path, write.content, stats, (created) => temporaries.add(created))
            return { write, temporary, stats, renamed: false }
          } catch (error) {
            failedFile ??= write.file
            throw error
          }
        },
        () => watch.signal !== undefined
      )
      staged.push(...entries.filter((entry) => entry !== undefined))
      // The last look before renaming: an original that changed meanwhile stops every write, and so
      // does a cancel that came while staging.
      const same = await Promise.all(staged.map((entry) => unchanged(entry.write.path, entry.stats)))
      const cancelled = watch.signal
      if (cancelled)
        throw new WriteError(
          `pin: the run was cancelled (${cancelled}) while the files were being staged: every staged file was removed and no file was changed.`
        )
      const changed = staged.find((_, index) => !same[index])
      if (changed) throw new WriteError(changedMessage(changed.write.file))
    } catch (error) {
      await removeTemporaries()
      if (error instanceof WriteError) throw error
      throw new WriteError(`pin: could not write ${safeText(failedFile ?? 'a file')}: ${describeFileError(error)}. No file was changed.`)
    }

    phase = 'renaming'
    options.log(`pin: replacing ${staged.length} file(s)…`)
    for (const entry of staged) {
      if (entry.renamed) continue
      try {
        await rename(entry.temporary, entry.write.path)
        entry.renamed = true
        temporaries.delete(entry.temporary)
      } catch (error) {
        const notRestored = await putBack(staged.filter((other) => other.renamed))
        await removeTemporaries()
        throw new WriteError(
          `pin: could not replace ${safeText(entry.write.file)}: ${describeFileError(error)}. ${
            notRestored.length === 0
              ? 'Every file is as it was.'
              : `The files already replaced were put back, except ${listNames(notRestored.map(safeText))}: restore them from git.`
          }`
        )
      }
    }
    if (watch.signal) options.log(`pin: the run was cancelled (${watch.signal}) while the files were renamed; the renaming finished first.`)
  } finally {
    phase = 'done'
    releaseWatchdog?.()
    if (options.cancel === undefined) watch.stop()
  }
}

/** Puts the scanned bytes back into files already replaced; returns the files it could not put back. */
async function putBack(renamed: readonly Staged[]): Promise<string[]> {
  const failed: string[] = []
  for (const entry of renamed)
    try {
      const temporary = await stage(entry.write.path, entry.write.original, entry.stats, () => undefined)
      await rename(temporary, entry.write.path).catch(async (error: unknown) => {
        await rm(temporary, { force: true }).catch(() => undefined)
        throw error
      })
    } catch {
      failed.push(entry.write.file)
    }
  return failed
}
