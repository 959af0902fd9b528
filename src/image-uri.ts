// Pinned image references: <registry>.dkr.ecr.<region>.<dns suffix>/<repository>@<digest>.
import { partition } from '@aws-sdk/core/client'

/** The registry host for an account in a region, with the partition's DNS suffix (amazonaws.com.cn in China). */
export function registryHost(registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.${partition(region).dnsSuffix}`
}

export function pinnedImageUri(registryId: string, region: string, repositoryName: string, digest: string): string {
  return `${registryHost(registryId, region)}/${repositoryName}@${digest}`
}
