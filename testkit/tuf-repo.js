// A TUF repository on 127.0.0.1 for tests of the TUF client path: one ed25519 key for every role, plain
// (not consistent) snapshots, metadata as the TUF specification writes it and signed over its canonical
// JSON, targets served from /targets/. The initial root (rootJson) is what a client ships as its seed.
import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { createServer } from 'node:http'
import canonicalJson from '@tufjs/canonical-json'
import { listenOnLoopback } from './loopback.js'

const { canonicalize } = canonicalJson

/**
 * Serves `targets` (name → content) as a TUF repository; `expires` for every role (default in a year).
 * `requests` lists every path asked; `files` may be changed to serve other bytes.
 * @param {Record<string, string | Buffer>} targets @param {{ expires?: Date }} [options]
 */
export async function startTufRepository(targets, options = {}) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex')
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } }
  const keyid = createHash('sha256').update(canonicalize(key)).digest('hex')
  const expires = (options.expires ?? new Date(Date.now() + 365 * 24 * 3600_000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const common = { spec_version: '1.0.31', version: 1, expires }
  /** @param {object} signed */
  const signed = (signed) =>
    JSON.stringify({ signed, signatures: [{ keyid, sig: sign(null, Buffer.from(canonicalize(signed)), privateKey).toString('hex') }] })
  const role = { keyids: [keyid], threshold: 1 }
  const rootJson = signed({
    _type: 'root',
    ...common,
    consistent_snapshot: false,
    keys: { [keyid]: key },
    roles: { root: role, targets: role, snapshot: role, timestamp: role }
  })
  /** @type {Record<string, Buffer>} */
  const files = {}
  for (const [name, content] of Object.entries(targets)) files[`targets/${name}`] = Buffer.from(content)
  const targetsJson = signed({
    _type: 'targets',
    ...common,
    targets: Object.fromEntries(
      Object.entries(targets).map(([name, content]) => [
        name,
        { length: Buffer.byteLength(content), hashes: { sha256: createHash('sha256').update(content).digest('hex') } }
      ])
    )
  })
  const snapshotJson = signed({ _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } })
  const timestampJson = signed({ _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } })
  Object.assign(files, {
    '1.root.json': Buffer.from(rootJson),
    'timestamp.json': Buffer.from(timestampJson),
    'snapshot.json': Buffer.from(snapshotJson),
    'targets.json': Buffer.from(targetsJson)
  })
  /** @type {string[]} */
  const requests = []
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').replace(/^\//, '')
    requests.push(path)
    const content = files[path]
    if (content === undefined) return void response.writeHead(404).end('not found')
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': content.length }).end(content)
  })
  const { port, close } = await listenOnLoopback(server)
  return { url: `http://127.0.0.1:${port}`, rootJson, requests, files, close }
}
