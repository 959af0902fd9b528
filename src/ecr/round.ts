// One round of asking ECR, as main.ts and the wait loop use it: BatchGetImage for the requests (with
// the digest check when verify-digest is on), then, with the platform input, each index's platform
// manifest (fetched and checked the same way).
import type { ImageRequest } from '../image.js'
import type { Inputs } from '../inputs/inputs.js'
import type { EcrClients } from './client.js'
import { checkDigests } from './digest.js'
import { type LookupResult, lookupImages } from './lookup.js'

export type LookupRound = (requests: ImageRequest[]) => Promise<LookupResult[]>

type RoundInputs = Pick<Inputs, 'acceptedMediaTypes' | 'verifyDigest' | 'platform'>

/** A round for these inputs, through the run's clients. */
export async function createLookupRound(inputs: RoundInputs, clients: EcrClients): Promise<LookupRound> {
  const options = { acceptedMediaTypes: inputs.acceptedMediaTypes, ...clients }
  const fetch = async (requests: ImageRequest[]): Promise<LookupResult[]> => {
    const results = await lookupImages(requests, options)
    return inputs.verifyDigest ? checkDigests(results, inputs.acceptedMediaTypes) : results
  }
  const { platform } = inputs
  if (platform === undefined) return fetch
  // Loaded only with the platform input.
  const { resolvePlatforms } = await import('./platform.js')
  return async (requests) => resolvePlatforms(await fetch(requests), platform, fetch)
}
