// ECR registry hosts, from one source: the SDK's partition table (@aws-sdk/core), which knows every
// partition's DNS suffix (amazonaws.com, amazonaws.com.cn, amazonaws.eu, the ISO suffixes), so a
// partition the SDK adds is read and written without a change here. Vocabulary: the `images` input,
// the files stage and the outputs all read and write hosts through it.
//   standard  <account>.dkr.ecr.<region>.<dns suffix>
//   FIPS      <account>.dkr.ecr-fips.<region>.<dns suffix>
//   dual-stack <account>.dkr-ecr[-fips].<region>.<dual-stack suffix, "api." → "on.">  (on.aws, on.amazonwebservices.com.cn)
import { partition } from '@aws-sdk/core/client'

interface Suffixes {
  dnsSuffix: string
  dualStack: string
}
const suffixes = new Map<string, Suffixes>()

/** A region's partition suffixes, looked up once per region. */
function suffixesOf(region: string): Suffixes {
  let known = suffixes.get(region)
  if (known === undefined) {
    const { dnsSuffix, dualStackDnsSuffix } = partition(region)
    known = { dnsSuffix, dualStack: dualStackDnsSuffix.replace(/^api\./, 'on.') }
    suffixes.set(region, known)
  }
  return known
}

const HOST = /^(\d{12})\.(dkr\.ecr|dkr-ecr)(-fips)?\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/

export interface EcrHost {
  registryId: string
  region: string
}

/**
 * The registry and region of an ECR registry host, when it is one: the suffix must be the one the
 * region's partition uses (a dual-stack host, its dual-stack suffix); `expected` is that host when
 * only the suffix is wrong, for "did you mean".
 */
export function readEcrHost(host: string): { host: EcrHost } | { expected?: string } {
  // Host names are case-insensitive (DNS): 123456789012.DKR.ECR.… is the same registry.
  const match = HOST.exec(host.toLowerCase())
  if (match === null) return {}
  const [, registryId = '', kind, fips = '', region = '', suffix] = match
  const { dnsSuffix, dualStack } = suffixesOf(region)
  const expected = kind === 'dkr.ecr' ? dnsSuffix : dualStack
  if (suffix === expected) return { host: { registryId, region } }
  return { expected: `${registryId}.${kind}${fips}.${region}.${expected}` }
}

/** Whether a registry host is ECR's (standard, FIPS or dual-stack, in any partition). */
export function isEcrHost(host: string): boolean {
  return 'host' in readEcrHost(host)
}

/** The registry host for an account in a region. */
export function registryHost(registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.${suffixesOf(region).dnsSuffix}`
}

export function pinnedImageUri(registryId: string, region: string, repositoryName: string, digest: string): string {
  return `${registryHost(registryId, region)}/${repositoryName}@${digest}`
}
