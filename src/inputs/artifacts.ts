// The require-artifacts input: the evidence every found image must carry, as kinds (signature,
// provenance, sbom), exact artifact types (`application/…`) or in-toto predicate types (`https://…`).
// Read before any call; an unknown kind is an input error naming the nearest.
import { InputError } from '../image.js'
import { nearest, splitList } from '../text.js'

export const ARTIFACT_KINDS = ['signature', 'provenance', 'sbom'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

/** One requirement: a kind, an exact artifact type, or an exact in-toto predicate type. */
export type RequiredArtifact =
  { kind: ArtifactKind } | { kind: 'artifact-type'; artifactType: string } | { kind: 'predicate-type'; predicateType: string }

/** A media type as an artifact type is written: type/subtype. */
const MEDIA_TYPE = /^[a-z0-9][\w!#$&^.+-]{0,126}\/[a-z0-9][\w!#$&^.+-]{0,126}$/i

/** The words a requirement is named by in messages: `signature`, `application/spdx+json`. */
export function requirementName(required: RequiredArtifact): string {
  return required.kind === 'artifact-type'
    ? required.artifactType
    : required.kind === 'predicate-type'
      ? required.predicateType
      : required.kind
}

export function parseRequireArtifacts(value: string): RequiredArtifact[] {
  const required: RequiredArtifact[] = []
  for (const entry of [...new Set(splitList(value))]) {
    const lower = entry.toLowerCase()
    if ((ARTIFACT_KINDS as readonly string[]).includes(lower)) required.push({ kind: lower as ArtifactKind })
    else if (/^https:\/\/[^\s]+$/.test(entry)) required.push({ kind: 'predicate-type', predicateType: entry })
    // Media types are case-insensitive: compared in lowercase, as ECR's listing writes them.
    else if (MEDIA_TYPE.test(entry)) required.push({ kind: 'artifact-type', artifactType: lower })
    else
      throw new InputError(
        `require-artifacts: '${entry}' is not a kind; did you mean ${nearest(lower, ARTIFACT_KINDS)}? Give signature, provenance, sbom, an artifact type (application/…) or an in-toto predicate type (https://…).`
      )
  }
  // Each once, however often or in whichever case it was written.
  return required.filter((entry, index) => required.findIndex((other) => requirementName(other) === requirementName(entry)) === index)
}
