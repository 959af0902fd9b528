// The proxy at work: the SDK ignores HTTP(S)_PROXY, so ECR requests go through one agent that routes
// each host direct (NO_PROXY) or through the proxy. main.ts loads this module only when a proxy is set.
import type { Agent as HttpAgent } from 'node:http'
import { isIP } from 'node:net'
import type { ProxySettings } from '../inputs/proxy.js'

/** `host:port`, `[v6]:port`, or a bare IPv6 address (no port). */
function splitHostPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]]
  if ((entry.match(/:/g) ?? []).length > 1) return [entry, undefined]
  const match = /^(.*?)(?::(\d+))?$/.exec(entry)
  return [match?.[1] ?? '', match?.[2]]
}

/**
 * Whether a request to host:port goes direct under a NO_PROXY list: `*` matches everything; an
 * entry matches the host itself and its subdomains (`example.com`, `.example.com` and
 * `*.example.com` alike); `host:port` matches only that port. IP addresses match exactly (CIDR
 * ranges are not supported).
 */
export function bypassesProxy(host: string, port: number, noProxy: string): boolean {
  const hostname = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase()
      if (entry === '*') return true
      const [entryHost, entryPort] = splitHostPort(entry)
      if (entryPort !== undefined && Number(entryPort) !== port) return false
      const name = entryHost.replace(/^\*?\./, '').replace(/\.$/, '')
      if (isIP(hostname) !== 0) return hostname === name // no suffix (or CIDR) matching for addresses
      return name !== '' && (hostname === name || hostname.endsWith(`.${name}`))
    })
}

/**
 * One agent for every ECR request: direct for hosts NO_PROXY matches, else through the proxy
 * (CONNECT for https endpoints, absolute-URI requests for http ones).
 */
export async function createProxyAgent(settings: ProxySettings): Promise<HttpAgent> {
  const [{ Agent }, { HttpsProxyAgent }, { HttpProxyAgent }, http, https] = await Promise.all([
    import('agent-base'),
    import('https-proxy-agent'),
    import('http-proxy-agent'),
    import('node:http'),
    import('node:https')
  ])
  const direct = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }
  const proxied = {
    http: new HttpProxyAgent(settings.url, { keepAlive: true }),
    https: new HttpsProxyAgent(settings.url, { keepAlive: true })
  }
  class ProxyRouter extends Agent {
    connect(_request: unknown, options: { secureEndpoint: boolean; host?: string | null; port?: number }): HttpAgent {
      const scheme = options.secureEndpoint ? 'https' : 'http'
      const port = options.port ?? (options.secureEndpoint ? 443 : 80)
      return bypassesProxy(options.host ?? 'localhost', port, settings.noProxy) ? direct[scheme] : proxied[scheme]
    }
  }
  return new ProxyRouter({ keepAlive: true })
}
