// The images the demo (and some tests) seed into the fake ECR.
import { dockerManifest, imageIndex, ociManifest } from './manifests.js'
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
