// Files the step writes: images-file (always, under RUNNER_TEMP) and manifest-file (when asked); and
// how a file that cannot be written reads in a message.
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { InputError } from '../image.js'
import { errorMessage, safeText } from '../text.js'

const FILE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'the file or its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder',
  EEXIST: 'a file is in the way',
  ENAMETOOLONG: 'a file name is too long'
}

/** `no space is left on the device (ENOSPC)`: why a file could not be written. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code
  if (code !== undefined && FILE_ERRORS[code] !== undefined) return `${FILE_ERRORS[code]} (${code})`
  // @actions/core checks that the runner's file exists before it appends.
  if (/^Missing file at path/.test(errorMessage(error))) return 'the file does not exist'
  return safeText(errorMessage(error).split('\n')[0] ?? 'unknown error').slice(0, 200)
}

/** Writes the full `images` array's JSON (manifests included) to a new file; returns its path. */
export async function writeImagesFile(imagesJson: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const directory = env.RUNNER_TEMP || tmpdir()
  const path = join(directory, `ecr-image-lookup-${randomUUID()}.json`)
  await mkdir(directory, { recursive: true })
  await writeFile(path, imagesJson)
  return path
}

/** Writes a manifest byte for byte (its UTF-8 text, as ECR returned it). */
export async function writeManifestFile(path: string, manifest: string): Promise<string> {
  const target = resolve(path)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, manifest, 'utf8')
  } catch (error) {
    throw new InputError(`manifest-file: could not write ${safeText(target)}: ${describeFileError(error)}.`)
  }
  return target
}
