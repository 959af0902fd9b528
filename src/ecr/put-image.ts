// Writing a tag with PutImage, for promotion: the manifest exactly as ECR returned it, with its media
// type and digest, so ECR stores the same bytes under one more tag; and each PutImage error in one
// sentence (transport errors, throttling and server errors are said as for lookups). Loaded only with
// promote-tags.
import { PutImageCommand } from '@aws-sdk/client-ecr'
import { untilAborted } from '../deadline.js'
import { describeRepository } from '../image.js'
import { safeText } from '../text.js'
import type { EcrClients } from './client.js'
import { answeredBy, attemptsText, awsSaid, describeCallError, errorName } from './errors.js'

/** One tag to put on one image. */
export interface PutTarget {
  repositoryName: string
  /** undefined: the caller's registry. */
  registryId?: string
  region: string
  tag: string
  digest: string
  /** The manifest exactly as BatchGetImage returned it: never parsed and serialised again. */
  manifest: string
  mediaType: string
}

/** Names of the PutImage errors that mean "the tag exists": which one a server sends for what varies (emulators differ from AWS). */
export const TAG_EXISTS_ERRORS: ReadonlySet<string> = new Set(['ImageAlreadyExistsException', 'ImageTagAlreadyExistsException'])

/** PutImage of `target`; throws the SDK's error. */
export async function putImage(target: PutTarget, clients: EcrClients): Promise<void> {
  const sent = clients.clientFor(target.region).send(
    new PutImageCommand({
      repositoryName: target.repositoryName,
      ...(target.registryId !== undefined && { registryId: target.registryId }),
      imageManifest: target.manifest,
      imageManifestMediaType: target.mediaType,
      imageTag: target.tag,
      imageDigest: target.digest
    }),
    { abortSignal: clients.signal }
  )
  await untilAborted(sent, clients.signal)
}

/** One sentence for a PutImage that failed: what went wrong and what to do. */
export function describePutError(error: unknown, target: PutTarget): string {
  const repository = describeRepository(target)
  const tag = safeText(target.tag)
  const said = awsSaid(error)
  switch (errorName(error)) {
    case 'AccessDeniedException':
      return `Access denied tagging ${tag} in ${repository}: the role needs the IAM permission ecr:PutImage on that repository (ecr:BatchGetImage alone looks images up but cannot tag them).${said}`
    case 'LayersNotFoundException':
      return `ECR does not have the layers of ${target.digest} in ${repository}, so it cannot tag it there: promotion works inside the repository that holds the image; push or replicate the image there first.${said}`
    case 'ReferencedImagesNotFoundException':
      return `${repository} does not hold the per-platform images the index ${target.digest} lists, so ECR cannot tag it there: promotion works inside the repository that holds the whole multi-platform image; push it there first.${said}`
    case 'ImageDigestDoesNotMatchException':
      return `ECR computed another digest than ${target.digest} for the manifest sent to tag ${tag}: it changed on its way to ECR (something between the runner and ECR rewrote it), so nothing was tagged. Check any proxy or AWS_ENDPOINT_URL_ECR, and retry.${said}`
    case 'InvalidParameterException':
      return `ECR rejected tagging ${tag} in ${repository} as invalid.${said}`
    case 'LimitExceededException':
      return `ECR refused to tag ${tag} in ${repository}: a service limit was reached (LimitExceededException)${attemptsText(error)}, such as the images a repository may hold. Check the ECR service quotas, clean up or ask for an increase, then rerun.${said}`
    case 'KmsException':
      return `ECR could not use the KMS key that encrypts ${repository} to tag ${tag} (KmsException): check that the key is enabled and its key policy allows ECR for this role, then rerun.${said}`
    default: {
      // Only an answer says the write did not happen (ECR's own, or a refusal on the way that never
      // reached ECR); a timeout, a lost connection or a gateway's 5xx do not.
      const unknown = answeredBy(error) === 'unknown' ? ` ECR may or may not have written ${tag}.` : ''
      return `${describeCallError(error, target, 'PutImage')}${unknown}`
    }
  }
}
