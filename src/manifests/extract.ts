// Image references in the files users write, with the line each is on and how to pin it in place.
// One reader per format, chosen by the file's name: Dockerfiles (dockerfile-references.ts), Terraform
// (formats/terraform.ts), YAML and JSON (yaml-references.ts, which tells Kubernetes, Helm, kustomize,
// Argo CD, CloudFormation and SAM, GitHub workflows and Copilot apart by content; JSON with comments,
// such as devcontainer.json, through formats/jsonc.ts), and any other text (formats/text.ts). Offsets
// are into the decoded text (source.ts); a reference that cannot be read, or cannot be pinned in
// place, says why.
import { dockerfileReferences } from './dockerfile-references.js'
import { blankJsonComments } from './formats/jsonc.js'
import { terraformReferences } from './formats/terraform.js'
import { textReferences } from './formats/text.js'
import type { FileReference } from './reference.js'
import { yamlReferences } from './yaml-references.js'

/** `Dockerfile`, `Dockerfile.prod`, `api.dockerfile`, `Containerfile`; not `Dockerfile.yaml` (YAML) or `…json`. */
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i
const YAML = /\.ya?ml$/i
/** JSON, and JSON with comments (`.jsonc`, `devcontainer.json`, `.devcontainer.json`). */
const JSON_FILE = /\.jsonc?$/i
const TERRAFORM = /\.(?:tf|tfvars)$/i
/** kustomize's other accepted file name, without an extension. */
const KUSTOMIZATION = /(?:^|\/)Kustomization$/

type FileFormat = 'dockerfile' | 'terraform' | 'json' | 'yaml' | 'text'

/** Which reader a file takes, by its name. */
function formatOf(file: string): FileFormat {
  if (YAML.test(file) || KUSTOMIZATION.test(file)) return 'yaml'
  if (JSON_FILE.test(file)) return 'json'
  if (DOCKERFILE.test(file)) return 'dockerfile'
  if (TERRAFORM.test(file)) return 'terraform'
  return 'text'
}

/** Every image reference in a file's text, in file order. Throws InputError for a file its reader cannot parse. */
export function extractReferences(file: string, source: string): FileReference[] {
  switch (formatOf(file)) {
    case 'dockerfile':
      return dockerfileReferences(file, source)
    case 'terraform':
      return terraformReferences(file, source)
    case 'json':
      // Comments and trailing commas become spaces: every offset and line stays where it is.
      return yamlReferences(file, blankJsonComments(source))
    case 'yaml':
      return yamlReferences(file, source)
    case 'text':
      return textReferences(file, source)
  }
}
