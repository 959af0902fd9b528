// A TCP forwarder on 127.0.0.1 that adds a round-trip time: every chunk waits rtt/2 in each direction,
// in order, as on a network path to a real region. In front of the fake ECR (HTTPS or not), it makes
// connection set-up (TCP, TLS) and each request cost what they cost against AWS. It counts connections.
import { createConnection, createServer } from 'node:net'

/**
 * @param {number} targetPort @param {number} rttMs
 * @returns {Promise<{ port: number, connections: () => number, stop: () => Promise<void> }>}
 */
export async function startLatencyProxy(targetPort, rttMs) {
  let connections = 0
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** Forwards `from` to `to`, each chunk delayed by half the round trip, order kept. @param {import('node:net').Socket} from @param {import('node:net').Socket} to */
  const pipeDelayed = (from, to) => {
    let chain = Promise.resolve()
    from.on('data', (chunk) => {
      const due = Date.now() + rttMs / 2
      chain = chain.then(
        () =>
          new Promise((resolve) => {
            setTimeout(
              () => {
                if (!to.destroyed) to.write(chunk)
                resolve(undefined)
              },
              Math.max(0, due - Date.now())
            )
          })
      )
    })
    from.on('end', () => void chain.then(() => to.end()))
    from.on('error', () => to.destroy())
  }
  const server = createServer((client) => {
    connections++
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    pipeDelayed(client, upstream)
    pipeDelayed(upstream, client)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port
  return {
    port,
    connections: () => connections,
    stop: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}
