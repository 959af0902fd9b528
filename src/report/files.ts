// Files the step writes: images-file and failures-file (always, under RUNNER_TEMP) and manifest-file
// (when asked).
import { randomUUID } from 'node:crypto'
import { mkdir, open, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describeFileError } from '../file-errors.js'
import { InputError } from '../image.js'
import { safeText } from '../text.js'

/**
 * Writes the full `images` array (manifests included), or the `failures` array, as JSON to a new file
 * under RUNNER_TEMP, one element at a time (a huge array is never one string); returns its path.
 */
export async function writeResultFile(
  kind: 'images' | 'failures',
  elements: readonly unknown[],
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  const directory = env.RUNNER_TEMP || tmpdir()
  const path = join(directory, `ecr-image-lookup-${kind === 'images' ? '' : 'failures-'}${randomUUID()}.json`)
  await mkdir(directory, { recursive: true })
  const file = await open(path, 'w')
  try {
    let chunk = '['
    for (const [index, element] of elements.entries()) {
      chunk += `${index > 0 ? ',' : ''}${JSON.stringify(element)}`
      if (chunk.length >= 1 << 20) {
        await file.write(chunk)
        chunk = ''
      }
    }
    await file.write(`${chunk}]`)
  } finally {
    await file.close()
  }
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
