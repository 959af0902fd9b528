// Image references in the files users write, with the line each is on and how to pin it in place.
// One reader per format, chosen by the file's name: Dockerfiles (dockerfile-references.ts), and YAML
// or JSON for everything else (yaml-references.ts). Offsets are into the decoded text (source.ts); a
// reference that cannot be read, or cannot be pinned in place, says why.
import { dockerfileReferences } from './dockerfile-references.js'
import type { FileReference } from './reference.js'
import { yamlReferences } from './yaml-references.js'

/** `Dockerfile`, `Dockerfile.prod`, `api.dockerfile`, `Containerfile`; not `Dockerfile.yaml` (YAML) or `…json`. */
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i

/** Every image reference in a file's text, in file order. Throws InputError for YAML or JSON that does not parse. */
export function extractReferences(file: string, source: string): FileReference[] {
  return DOCKERFILE.test(file) && !YAML_OR_JSON.test(file) ? dockerfileReferences(file, source) : yamlReferences(file, source)
}
