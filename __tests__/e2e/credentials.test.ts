// End to end: the SDK's credential chain still works from the bundle, where its providers are lazy
// chunks loaded only when the chain reaches them (see scripts/bundle.js). Each test removes the
// environment keys so that the chain has to find credentials elsewhere.
import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAKE_CREDENTIALS } from '../../testkit/fake-ecr/index.js'
import { NODES, useHarness } from './harness.js'

const NO_ENV_KEYS = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }

function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'credentials-'))
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

describe.each(NODES)('the credential chain on $label', ({ path }) => {
  const h = useHarness(path)
  const inputs = { images: 'app:v1' }

  it('reads a profile from the shared credentials file', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'credentials')
      writeFileSync(
        file,
        `[ci]\naws_access_key_id = ${FAKE_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${FAKE_CREDENTIALS.secretAccessKey}\n`
      )
      const run = await h.run(inputs, { ...NO_ENV_KEYS, AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'ci' })
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
      expect(h.fake.requestsFor()[0]?.accessKeyId).toBe(FAKE_CREDENTIALS.accessKeyId)
    }))

  it('runs a credential_process from the config file', () =>
    withTempDir(async (dir) => {
      const script = join(dir, 'credentials.js')
      writeFileSync(
        script,
        `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(FAKE_CREDENTIALS.accessKeyId)}, SecretAccessKey: ${JSON.stringify(FAKE_CREDENTIALS.secretAccessKey)} }))\n`
      )
      chmodSync(script, 0o755)
      const config = join(dir, 'config')
      writeFileSync(config, `[profile tool]\ncredential_process = ${process.execPath} ${script}\n`)
      const run = await h.run(inputs, { ...NO_ENV_KEYS, AWS_CONFIG_FILE: config, AWS_PROFILE: 'tool' })
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
    }))

  it('assumes a role with a web identity token file (as GitHub OIDC does) through STS', () =>
    withTempDir(async (dir) => {
      const token = join(dir, 'token')
      writeFileSync(token, h.fake.webIdentityToken)
      const run = await h.run(inputs, {
        ...NO_ENV_KEYS,
        AWS_WEB_IDENTITY_TOKEN_FILE: token,
        AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci',
        AWS_ROLE_SESSION_NAME: 'ci',
        AWS_ENDPOINT_URL_STS: h.fake.url
      })
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
      const [assume] = h.fake.requests.filter((request) => request.operation === 'AssumeRoleWithWebIdentity')
      expect(assume?.body).toMatchObject({ RoleArn: 'arn:aws:iam::123456789012:role/ci', WebIdentityToken: h.fake.webIdentityToken })
      expect(h.fake.requestsFor()[0]?.accessKeyId).toMatch(/^ASIA/)
    }))

  it('fetches container credentials from AWS_CONTAINER_CREDENTIALS_FULL_URI', async () => {
    const run = await h.run(inputs, { ...NO_ENV_KEYS, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${h.fake.url}/__fake/container-credentials` })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(h.fake.requests.map((request) => request.operation)).toEqual(['ContainerCredentials', 'BatchGetImage'])
    expect(h.fake.requestsFor()[0]?.accessKeyId).toMatch(/^ASIA/)
  })

  it('fetches instance metadata credentials (IMDSv2), as self-hosted runners on EC2 do', async () => {
    const run = await h.run(inputs, { ...NO_ENV_KEYS, AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: h.fake.url })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(h.fake.requests.map((request) => request.operation)).toContain('IMDS PUT /latest/api/token')
    expect(h.fake.requestsFor()[0]?.accessKeyId).toMatch(/^ASIA/)
  })

  it('still says clearly when no source has credentials', async () => {
    const run = await h.run(inputs, NO_ENV_KEYS)
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^::error::No AWS credentials found/)])
  })

  it('explains access denied with the permission the role needs', async () => {
    h.fake.denied.add('secret')
    try {
      const run = await h.run({ 'repository-name': 'secret', 'image-ids': 'v1' })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringContaining('the role needs the IAM permission ecr:BatchGetImage')])
    } finally {
      h.fake.denied.delete('secret')
    }
  })

  it('explains missing credentials', async () => {
    const run = await h.run(
      { 'repository-name': 'app', 'image-ids': 'v1' },
      { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }
    )
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('No AWS credentials found')])
    expect(run.errors[0]).toContain('aws-actions/configure-aws-credentials')
    expect(h.fake.requestsFor()).toHaveLength(0)
  })

  it('explains credentials that ECR does not accept', async () => {
    const run = await h.run({ 'repository-name': 'app', 'image-ids': 'v1' }, { AWS_SECRET_ACCESS_KEY: 'wrong-secret' })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('AWS rejected the credentials (InvalidSignatureException)')])
    expect(run.stdout).not.toContain('wrong-secret')
  })
})
