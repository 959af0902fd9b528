// Files the step writes: images-file and failures-file (always, under RUNNER_TEMP) and manifest-file
// (when asked).
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describeFileError } from '../file-errors.js'
import { InputError } from '../image.js'
import { safeText } from '../text.js'

/**
 * Writes the full `images` array's JSON (manifests included), or the `failures` array's, to a new file
 * under RUNNER_TEMP; returns its path.
 */
export async function writeResultFile(kind: 'images' | 'failures', json: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const directory = env.RUNNER_TEMP || tmpdir()
  const path = join(directory, `ecr-image-lookup-${kind === 'images' ? '' : 'failures-'}${randomUUID()}.json`)
  await mkdir(directory, { recursive: true })
  await writeFile(path, json)
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
