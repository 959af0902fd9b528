// How a file that cannot be read or written reads in a message: vocabulary the files stage, the
// writer and the report share.
import { errorMessage, safeText } from './text.js'

const FILE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted (the file may be immutable or locked)',
  EROFS: 'the file system is read-only',
  ENOENT: 'the file or its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder',
  EEXIST: 'a file is in the way',
  ENAMETOOLONG: 'a file name is too long',
  EBUSY: 'the file is busy (in use by another process)',
  EXDEV: 'the file is on another device',
  ELOOP: 'a link leads to itself',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error'
}

/** `no space is left on the device (ENOSPC)`: why a file could not be read or written. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code
  if (code !== undefined && FILE_ERRORS[code] !== undefined) return `${FILE_ERRORS[code]} (${code})`
  // @actions/core checks that the runner's file exists before it appends.
  if (/^Missing file at path/.test(errorMessage(error))) return 'the file does not exist'
  return safeText(errorMessage(error).split('\n')[0] ?? 'unknown error').slice(0, 200)
}
