export const id = 334;
export const ids = [334];
export const modules = {

/***/ 87334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bypassesProxy: () => (/* binding */ bypassesProxy),
/* harmony export */   createProxyAgent: () => (/* binding */ createProxyAgent)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/** `host:port`, `[v6]:port`, or a bare IPv6 address (no port). */
function splitHostPort(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return [bracketed[1] ?? '', bracketed[2]];
    if ((entry.match(/:/g) ?? []).length > 1)
        return [entry, undefined];
    const match = /^(.*?)(?::(\d+))?$/.exec(entry);
    return [match?.[1] ?? '', match?.[2]];
}
/**
 * Whether a request to host:port goes direct under a NO_PROXY list: `*` matches everything; an
 * entry matches the host itself and its subdomains (`example.com`, `.example.com` and
 * `*.example.com` alike); `host:port` matches only that port. IP addresses match exactly (CIDR
 * ranges are not supported).
 */
function bypassesProxy(host, port, noProxy) {
    const hostname = host
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1')
        .replace(/\.$/, '');
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .some((raw) => {
        const entry = raw.toLowerCase();
        if (entry === '*')
            return true;
        const [entryHost, entryPort] = splitHostPort(entry);
        if (entryPort !== undefined && Number(entryPort) !== port)
            return false;
        const name = entryHost.replace(/^\*?\./, '').replace(/\.$/, '');
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(hostname) !== 0)
            return hostname === name; // no suffix (or CIDR) matching for addresses
        return name !== '' && (hostname === name || hostname.endsWith(`.${name}`));
    });
}
/**
 * One agent for every ECR request: direct for hosts NO_PROXY matches, else through the proxy
 * (CONNECT for https endpoints, absolute-URI requests for http ones).
 */
async function createProxyAgent(settings) {
    const [{ Agent }, { HttpsProxyAgent }, { HttpProxyAgent }, http, https] = await Promise.all([
        __webpack_require__.e(/* import() */ 893).then(__webpack_require__.bind(__webpack_require__, 15893)),
        Promise.all(/* import() */[__webpack_require__.e(640), __webpack_require__.e(852)]).then(__webpack_require__.bind(__webpack_require__, 85852)),
        Promise.all(/* import() */[__webpack_require__.e(640), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 21329)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23))
    ]);
    const direct = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    const proxied = {
        http: new HttpProxyAgent(settings.url, { keepAlive: true }),
        https: new HttpsProxyAgent(settings.url, { keepAlive: true })
    };
    class ProxyRouter extends Agent {
        connect(_request, options) {
            const scheme = options.secureEndpoint ? 'https' : 'http';
            const port = options.port ?? (options.secureEndpoint ? 443 : 80);
            return bypassesProxy(options.host ?? 'localhost', port, settings.noProxy) ? direct[scheme] : proxied[scheme];
        }
    }
    return new ProxyRouter({ keepAlive: true });
}


/***/ })

};

//# sourceMappingURL=334.index.js.map