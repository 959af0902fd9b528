// The proxy settings' syntax: the http-proxy input, else HTTPS_PROXY/https_proxy, else
// HTTP_PROXY/http_proxy; NO_PROXY/no_proxy lists hosts that bypass it. (ecr/proxy-agent.ts routes.)
import { InputError } from '../image.js'

export interface ProxySettings {
  /** The proxy URL, credentials included. */
  url: URL
  /** The NO_PROXY list as given. */
  noProxy: string
}

/** The proxy URL with any password replaced, for logs. */
export function redactProxy(url: URL): string {
  const copy = new URL(url.href)
  if (copy.password) copy.password = '***'
  if (copy.username) copy.username = '***'
  return copy.href.replace(/\/$/, '')
}

export function parseProxy(input: string, env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const sources: [string, string | undefined][] = [
    ['http-proxy', input],
    ['HTTPS_PROXY', env.HTTPS_PROXY],
    ['https_proxy', env.https_proxy],
    ['HTTP_PROXY', env.HTTP_PROXY],
    ['http_proxy', env.http_proxy]
  ]
  const found = sources.find(([, value]) => value !== undefined && value.trim() !== '')
  if (found === undefined) return undefined
  const [source, raw = ''] = found
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`)
  } catch {
    throw new InputError(`${source} is not a proxy URL like http://proxy.example.com:3128.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(`${source} uses ${url.protocol.slice(0, -1)}: only http:// and https:// proxies are supported.`)
  return { url, noProxy: env.NO_PROXY ?? env.no_proxy ?? '' }
}
