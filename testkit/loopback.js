// Serving on 127.0.0.1 for the fakes: listen, and stop at once by closing every open socket (a client
// that keeps a connection alive, or a stalled request, must not hold a test up).

/**
 * Listens on 127.0.0.1, tracking sockets so close() ends them; resolves to the port.
 * @param {import('node:net').Server} server @param {number} [port]
 * @param {string} [event] the event that hands over a socket ('secureConnection' for TLS)
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function listenOnLoopback(server, port = 0, event = 'connection') {
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  server.on(event, (/** @type {import('node:net').Socket} */ socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(undefined))
  })
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago): connections to it are refused. */
export async function closedPort() {
  const { createServer } = await import('node:net')
  const server = createServer()
  const { port, close } = await listenOnLoopback(server)
  await close()
  return port
}
