// One requested image, wherever it lives: the unit the lookup, the policy and the outputs share.
import { type ImageId, imageIdKey } from './image-ids.js'

export interface ImageRequest {
  /** The reference or id exactly as the user wrote it. */
  requested: string
  repositoryName: string
  /** 12-digit account id; undefined means the caller's own registry. */
  registryId?: string
  region: string
  id: ImageId
}

/** Requests for the same repository share this key (one BatchGetImage call serves up to 100 ids). */
export function repositoryKey(request: ImageRequest): string {
  return `${request.region}|${request.registryId ?? ''}|${request.repositoryName}`
}

/** Equal for requests that ask for the same image in the same repository. */
export function requestKey(request: ImageRequest): string {
  return `${repositoryKey(request)}|${imageIdKey(request.id)}`
}

/** Where a request looks, for messages: `'team/api' in registry 0123… (eu-west-1)`. */
export function describeRepository(request: Pick<ImageRequest, 'repositoryName' | 'registryId' | 'region'>): string {
  const registry = request.registryId !== undefined ? `registry ${request.registryId}` : "the caller's registry"
  return `'${request.repositoryName}' in ${registry} (${request.region})`
}
