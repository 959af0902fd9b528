// The images the demo (and some tests) seed into the fake ECR.
import { attestationManifest, buildkitIndex, dockerManifest, imageIndex, ociManifest, referrerManifest } from './manifests.js'
import { actionInputs } from './run-action.js'

/**
 * Seeds: `app` with a Docker v2 image (v1, latest), an OCI image (v2-oci) and a multi-arch OCI index
 * (v3-multi) over linux/amd64 and linux/arm64 manifests; and the namespaced repository `team/api` (v1.4.2).
 * @param {import('./fake-ecr/index.js').FakeEcr} fake
 */
export function seedDemo(fake) {
  const amd64 = ociManifest('app-v3-amd64')
  const arm64 = ociManifest('app-v3-arm64')
  const digests = {
    v1: fake.putImage({ repository: 'app', tags: ['v1', 'latest'], manifest: dockerManifest('app-v1') }),
    v2: fake.putImage({ repository: 'app', tags: ['v2-oci'], manifest: ociManifest('app-v2') }),
    amd64: fake.putImage({ repository: 'app', manifest: amd64 }),
    arm64: fake.putImage({ repository: 'app', manifest: arm64 }),
    v3: fake.putImage({
      repository: 'app',
      tags: ['v3-multi'],
      manifest: imageIndex([
        { manifest: amd64, platform: { os: 'linux', architecture: 'amd64' } },
        { manifest: arm64, platform: { os: 'linux', architecture: 'arm64' } }
      ])
    }),
    api: fake.putImage({ repository: 'team/api', tags: ['v1.4.2'], manifest: dockerManifest('team-api-v1.4.2') })
  }
  return digests
}

/** What tools attach to images, as they attach it. */
export const EVIDENCE = Object.freeze({
  bundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  notation: 'application/vnd.cncf.notary.signature',
  spdx: 'application/spdx+json',
  cosignSign: 'https://sigstore.dev/cosign/sign/v1',
  slsaV1: 'https://slsa.dev/provenance/v1',
  slsaV02: 'https://slsa.dev/provenance/v0.2',
  spdxPredicate: 'https://spdx.dev/Document'
})

/**
 * Seeds the evidence that travels with images, in the repository `signed`:
 * - `signed:v1`: a cosign v3 signature (a Sigstore bundle, DSSE, predicate cosign/sign/v1), GitHub's
 *   provenance bundle (actions/attest-build-provenance, SLSA v1), a Notation signature (ECR managed
 *   signing), and an SPDX SBOM that is archived;
 * - `signed:unsigned`: nothing;
 * - `signed:buildkit`: a BuildKit index over linux/amd64 and linux/arm64 with an attestation manifest for
 *   each (SLSA v0.2 provenance and an SPDX SBOM);
 * - `signed:cosign2`: cosign v2's signature tag `sha256-<hex>.sig`.
 * @param {import('./fake-ecr/index.js').FakeEcr} fake
 */
export function seedEvidence(fake) {
  const repository = 'signed'
  const v1 = fake.putImage({ repository, tags: ['v1'], manifest: ociManifest('signed-v1') })
  const attach = (/** @type {string} */ subject, /** @type {Parameters<typeof referrerManifest>[0]} */ options) =>
    fake.putImage({ repository, manifest: referrerManifest({ ...options, subject }) })
  const referrers = {
    cosign: attach(v1, {
      subject: v1,
      artifactType: EVIDENCE.bundle,
      annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': EVIDENCE.cosignSign }
    }),
    provenance: attach(v1, {
      subject: v1,
      artifactType: EVIDENCE.bundle,
      annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': EVIDENCE.slsaV1 }
    }),
    notation: attach(v1, { subject: v1, artifactType: EVIDENCE.notation }),
    sbom: attach(v1, { subject: v1, artifactType: EVIDENCE.spdx })
  }
  fake.setArtifactStatus(repository, referrers.sbom, 'ARCHIVED')
  const unsigned = fake.putImage({ repository, tags: ['unsigned'], manifest: ociManifest('signed-unsigned') })
  const amd64 = ociManifest('signed-bk-amd64')
  const arm64 = ociManifest('signed-bk-arm64')
  const attestations = [amd64, arm64].map((manifest, index) =>
    attestationManifest(`signed-bk-${index}`, [EVIDENCE.slsaV02, EVIDENCE.spdxPredicate])
  )
  for (const manifest of [amd64, arm64, ...attestations]) fake.putImage({ repository, manifest })
  const buildkit = fake.putImage({
    repository,
    tags: ['buildkit'],
    manifest: buildkitIndex(
      [
        { manifest: amd64, platform: { os: 'linux', architecture: 'amd64' } },
        { manifest: arm64, platform: { os: 'linux', architecture: 'arm64' } }
      ],
      attestations
    )
  })
  const cosign2 = fake.putImage({ repository, tags: ['cosign2'], manifest: ociManifest('signed-cosign2') })
  fake.putImage({ repository, tags: [`${cosign2.replace(':', '-')}.sig`], manifest: ociManifest('signed-cosign2-sig') })
  return { v1, unsigned, buildkit, cosign2, referrers }
}

/**
 * The inputs for `npm run demo` and `npm run local-action`: `app` with v1 and v3-multi, changed by
 * `name=value` arguments (an `images` argument replaces the default repository and ids). Exits with
 * code 2, naming the known inputs, on an argument that is not a known input.
 * @param {string[]} args @param {string} command @returns {Record<string, string>}
 */
export function demoInputs(args, command) {
  /** @type {Record<string, string>} */
  const inputs = { 'repository-name': 'app', 'image-ids': 'v1 v3-multi' }
  const known = Object.keys(actionInputs())
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const name = arg.slice(0, eq)
    if (eq < 1 || !known.includes(name)) {
      console.error(`${command}: '${arg}' is not input=value with a known input (${known.join(', ')}).`)
      process.exit(2)
    }
    inputs[name] = arg.slice(eq + 1)
  }
  // images and repository-name/image-ids are alternatives: the defaults give way to images.
  if (('images' in inputs || 'files' in inputs) && !args.some((arg) => /^(repository-name|image-ids)=/.test(arg))) {
    delete inputs['repository-name']
    delete inputs['image-ids']
  }
  return inputs
}
