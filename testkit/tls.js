// A TLS certificate made for one test run: a self-signed certificate for 127.0.0.1 and localhost,
// made with the openssl command line. Trusting it takes NODE_EXTRA_CA_CERTS pointing at its file, as
// it would for a private CA or a TLS-inspecting proxy.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @param {string} dir a folder to write the key and certificate into
 * @returns {{ key: string, cert: string, certFile: string }}
 */
export function createCertificate(dir) {
  const keyFile = join(dir, 'fake-ecr.key')
  const certFile = join(dir, 'fake-ecr.crt')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=fake-ecr.test',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile
    ],
    { stdio: 'ignore' }
  )
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
