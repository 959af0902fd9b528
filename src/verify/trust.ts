// The trust a bundle is verified against, and the evidence each instance requires (never weaker):
// - Sigstore's public-good instance (public repositories): a transparency-log entry, a certificate
//   timestamp (SCT) and a verified time, as `gh attestation verify` requires;
// - GitHub's own instance (private and internal repositories): a signed RFC 3161 timestamp (its bundles
//   carry no log entry);
// - a trusted_root.json given as input: at least one verified time (a log entry or a signed timestamp),
//   and an SCT when it lists CT logs.
// The two default roots come through TUF (tuf-js, the engine of @sigstore/tuf; @sigstore/tuf's own
// client fetches with Node's global fetch and takes no agent, so it could not honour http-proxy, the
// attempt budgets or the deadline): Sigstore's seed is @sigstore/tuf's, GitHub's initial root is shipped
// here (github-tuf-root.json, as `gh` ships it). Both are cached under RUNNER_TEMP for the job's later steps.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { type TrustMaterial, type VerifierOptions, toTrustMaterial } from '@sigstore/verify'
import { BaseFetcher, Updater } from 'tuf-js'
import { DownloadHTTPError } from 'tuf-js/dist/error.js'
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' }
import githubRoot from './github-tuf-root.json' with { type: 'json' }
import { SentenceError } from '../ecr/errors.js'
import { HttpGetError, type HttpGetSettings, httpGet } from '../http-get.js'
import { InputError } from '../image.js'
import { errorMessage, safeText } from '../text.js'

export const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev'
export const GITHUB_TUF = 'https://tuf-repo.github.com'
/** TUF metadata and the trusted root are small; this only bounds a hostile answer. */
const TUF_FILE_LIMIT = 10 * 1024 * 1024

/** One instance's trust material and what its bundles must carry. */
export interface TrustRoot {
  name: string
  material: TrustMaterial
  thresholds: VerifierOptions
  /** GitHub's instance: the verified time must be a signed timestamp (a log's time does not count). */
  signedTimestamp: boolean
}

/** Where a bundle's trust comes from: one root given as input, or the instance its certificate names. */
export type TrustSource =
  { kind: 'file'; roots: TrustRoot[] } | { kind: 'tuf'; rootFor: (instance: 'public-good' | 'github') => Promise<TrustRoot> }

function materialOf(json: unknown, where: string): TrustMaterial {
  let material: TrustMaterial
  try {
    material = toTrustMaterial(TrustedRoot.fromJSON(json))
  } catch (error) {
    throw new InputError(`${where} is not a Sigstore trusted_root.json (${safeText(errorMessage(error)).slice(0, 200)}).`)
  }
  if (material.certificateAuthorities.length === 0)
    throw new InputError(`${where} lists no certificate authority, so no certificate could be trusted: give a complete trusted_root.json.`)
  return material
}

type Instance = 'public-good' | 'github'
const seed = (seeds as Record<string, { 'root.json': string; targets: Record<string, string> }>)[PUBLIC_GOOD_TUF]
/** Each default instance: its TUF repository, its initial root, and what its bundles must carry. */
const INSTANCES = {
  'public-good': {
    mirror: PUBLIC_GOOD_TUF,
    name: "Sigstore's public-good instance",
    seedRoot: Buffer.from(seed?.['root.json'] ?? '', 'base64').toString(),
    seedTargets: seed?.targets ?? {},
    thresholds: { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 },
    signedTimestamp: false
  },
  github: {
    mirror: GITHUB_TUF,
    name: "GitHub's Sigstore instance",
    seedRoot: JSON.stringify(githubRoot),
    seedTargets: {},
    thresholds: { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 },
    signedTimestamp: true
  }
} as const

/** A default instance's trust root from its trusted_root.json (as TUF delivers it), with the instance's thresholds. */
export function trustRootOf(instance: Instance, json: unknown): TrustRoot {
  const settings = INSTANCES[instance]
  return {
    name: settings.name,
    material: materialOf(json, `The trusted root from ${settings.mirror}`),
    thresholds: settings.thresholds,
    signedTimestamp: settings.signedTimestamp
  }
}

/** The trusted-root input: read and checked before any call (an input error when it cannot be used). */
export function trustedRootFromFile(path: string, workspace: string): TrustSource {
  const where = `trusted-root: ${safeText(path)}`
  let text: string
  try {
    text = readFileSync(resolve(workspace, path), 'utf8')
  } catch (error) {
    throw new InputError(
      `${where} cannot be read (${safeText((error as { code?: string }).code ?? errorMessage(error))}): give the path of a trusted_root.json, for example one written by \`gh attestation trusted-root\`.`
    )
  }
  // One trusted_root.json, or several, one per line (`gh attestation trusted-root` writes Sigstore's and GitHub's so).
  let documents: unknown[]
  try {
    documents = [JSON.parse(text)]
  } catch {
    try {
      documents = text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown)
    } catch {
      throw new InputError(`${where} is not JSON: give a Sigstore trusted_root.json (or several, one per line).`)
    }
  }
  if (documents.length === 0) throw new InputError(`${where} is empty: give a Sigstore trusted_root.json.`)
  const roots = documents.map((json, index): TrustRoot => {
    const material = materialOf(json, documents.length === 1 ? where : `${where} (line ${index + 1})`)
    const name = documents.length === 1 ? 'the trusted-root input' : `the trusted-root input's line ${index + 1}`
    // A copy of Sigstore's or GitHub's root (`gh attestation trusted-root` writes both) keeps that
    // instance's evidence, never less: told by its CAs' organization, as gh tells the instances apart.
    const organizations = (
      (json as { certificateAuthorities?: { subject?: { organization?: unknown } }[] }).certificateAuthorities ?? []
    ).map((authority) => authority?.subject?.organization)
    const instance = organizations.includes('GitHub, Inc.') ? 'github' : organizations.includes('sigstore.dev') ? 'public-good' : undefined
    if (instance !== undefined) return { ...trustRootOf(instance, json), name: `${name} (${INSTANCES[instance].name})` }
    return {
      name,
      material,
      thresholds: { tlogThreshold: 0, ctlogThreshold: material.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 },
      signedTimestamp: false
    }
  })
  return { kind: 'file', roots }
}

/** tuf-js's downloads, through the action's GET (proxy, budgets, attempts, deadline). */
class ActionFetcher extends BaseFetcher {
  constructor(
    private readonly http: HttpGetSettings,
    private readonly userAgent: string
  ) {
    super()
  }

  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    let body: Buffer
    try {
      body = await httpGet(url, TUF_FILE_LIMIT, this.http, this.userAgent)
    } catch (error) {
      // tuf-js reads a 403 or 404 for the next root's version as "this root is the newest": it must see its own error.
      if (error instanceof HttpGetError && error.status !== undefined) throw new DownloadHTTPError(error.message, error.status)
      throw error
    }
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(new Uint8Array(body))
        controller.close()
      }
    })
  }
}

/** A TUF repository's trusted_root.json (parsed), through the cache at `cache`, seeded with `seedRoot` when empty. */
export async function fetchTrustedRoot(
  mirror: string,
  seedRoot: string,
  seedTargets: Record<string, string>,
  cache: string,
  http: HttpGetSettings,
  userAgent: string
): Promise<unknown> {
  const targets = join(cache, 'targets')
  mkdirSync(targets, { recursive: true })
  if (!existsSync(join(cache, 'root.json'))) {
    writeFileSync(join(cache, 'root.json'), seedRoot)
    for (const [name, content] of Object.entries(seedTargets)) writeFileSync(join(targets, name), Buffer.from(content, 'base64'))
  }
  const updater = new Updater({
    metadataBaseUrl: mirror,
    targetBaseUrl: `${mirror}/targets`,
    metadataDir: cache,
    targetDir: targets,
    // A job's later steps use what an earlier one fetched while it has not expired. The first fetch runs
    // TUF's whole workflow (tuf-js's forceCache would skip the root's update when nothing is cached yet).
    forceCache: existsSync(join(cache, 'timestamp.json')),
    fetcher: new ActionFetcher(http, userAgent)
  })
  const info = await updater.getTargetInfo('trusted_root.json')
  if (info === undefined) throw new Error('the repository lists no trusted_root.json')
  const path = (await updater.findCachedTarget(info)) ?? (await updater.downloadTarget(info))
  return JSON.parse(readFileSync(path, 'utf8'))
}

/**
 * Sigstore's and GitHub's trusted roots through TUF, each fetched once (and only when a bundle needs it),
 * cached under RUNNER_TEMP. A repository that cannot be read is one sentence naming it and trusted-root.
 */
export function trustedRootsFromTuf(http: HttpGetSettings, userAgent: string, env: NodeJS.ProcessEnv): TrustSource {
  // Under RUNNER_TEMP (the job's own) a later step finds it; without it (a local run), a folder of this
  // run's own, so no one else's files become the trust anchor.
  const base = env.RUNNER_TEMP
    ? join(env.RUNNER_TEMP, 'ecr-image-lookup-sigstore')
    : mkdtempSync(join(tmpdir(), 'ecr-image-lookup-sigstore-'))
  const fetched = new Map<string, Promise<TrustRoot>>()
  const rootFor = (instance: Instance): Promise<TrustRoot> => {
    let root = fetched.get(instance)
    if (root === undefined) {
      const settings = INSTANCES[instance]
      root = (async () => {
        try {
          const json = await fetchTrustedRoot(
            settings.mirror,
            settings.seedRoot,
            settings.seedTargets,
            join(base, new URL(settings.mirror).host),
            http,
            userAgent
          )
          return {
            name: settings.name,
            material: materialOf(json, `The trusted root from ${settings.mirror}`),
            thresholds: settings.thresholds,
            signedTimestamp: settings.signedTimestamp
          }
        } catch (error) {
          if (http.signal.aborted) throw http.signal.reason
          throw new SentenceError(
            `The trusted root of ${settings.name} could not be read through TUF from ${settings.mirror}: ${safeText(errorMessage(error)).slice(0, 300)}. Let the runner reach ${new URL(settings.mirror).host} (through http-proxy if it needs one), or give trusted-root: a trusted_root.json (\`gh attestation trusted-root\` writes one).`
          )
        }
      })()
      fetched.set(instance, root)
    }
    return root
  }
  return { kind: 'tuf', rootFor }
}
