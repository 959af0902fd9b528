// Pinned image references: <registry>.dkr.ecr.<region>.<dns suffix>/<repository>@<digest>.
import { partition } from '@aws-sdk/core/client'

const dnsSuffixes = new Map<string, string>()

/** The partition's DNS suffix for a region (amazonaws.com.cn in China), looked up once per region. */
function dnsSuffix(region: string): string {
  let suffix = dnsSuffixes.get(region)
  if (suffix === undefined) {
    suffix = partition(region).dnsSuffix
    dnsSuffixes.set(region, suffix)
  }
  return suffix
}

/** The registry host for an account in a region. */
export function registryHost(registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.${dnsSuffix(region)}`
}

export function pinnedImageUri(registryId: string, region: string, repositoryName: string, digest: string): string {
  return `${registryHost(registryId, region)}/${repositoryName}@${digest}`
}
