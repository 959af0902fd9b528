export const id = 979;
export const ids = [979];
export const modules = {

/***/ 67979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUNDLES_PER_IMAGE: () => (/* binding */ BUNDLES_PER_IMAGE),
  BUNDLE_LIMIT: () => (/* binding */ BUNDLE_LIMIT),
  allowsPlainLoopback: () => (/* binding */ allowsPlainLoopback),
  refuseDownload: () => (/* binding */ refuseDownload),
  trustedRootFromFile: () => (/* reexport */ trustedRootFromFile),
  trustedRootsFromTuf: () => (/* reexport */ trustedRootsFromTuf),
  verifyRound: () => (/* binding */ verifyRound)
});

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecr/dist-es/commands/GetDownloadUrlForLayerCommand.js
var GetDownloadUrlForLayerCommand = __webpack_require__(88320);
// EXTERNAL MODULE: ../src/artifacts/kinds.ts
var kinds = __webpack_require__(17204);
// EXTERNAL MODULE: ../src/artifacts/check.ts
var check = __webpack_require__(49875);
// EXTERNAL MODULE: ../src/concurrency.ts
var concurrency = __webpack_require__(98540);
// EXTERNAL MODULE: ../src/deadline.ts
var deadline = __webpack_require__(61035);
// EXTERNAL MODULE: ../src/ecr/digest.ts
var ecr_digest = __webpack_require__(86796);
// EXTERNAL MODULE: ../src/ecr/errors.ts
var errors = __webpack_require__(23175);
// EXTERNAL MODULE: ../src/ecr/lookup.ts + 1 modules
var ecr_lookup = __webpack_require__(77784);
// EXTERNAL MODULE: ../src/failure-codes.ts + 1 modules
var failure_codes = __webpack_require__(45329);
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
;// CONCATENATED MODULE: ../src/http-get.ts


/** A GET that did not give the body: why, in words that follow "<host> …", and whether another attempt may help. */
class HttpGetError extends Error {
    retryable;
    status;
    tooLarge;
    name = 'HttpGetError';
    constructor(message, retryable, status, 
    /** The body is larger than the limit (said by its content-length, or as it arrived). */
    tooLarge = false) {
        super(message);
        this.retryable = retryable;
        this.status = status;
        this.tooLarge = tooLarge;
    }
}
function hostOf(url) {
    return url.host;
}
async function attempt(url, maxBytes, budgetMs, settings, userAgent) {
    const { request } = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23));
    return new Promise((resolve, reject) => {
        const controller = new AbortController();
        const onAbort = () => controller.abort(settings.signal.reason);
        settings.signal.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => controller.abort(new HttpGetError(`did not answer in full within the attempt's budget of ${(0,src_text/* formatDuration */.a3)(budgetMs)}`, true)), budgetMs);
        let settled = false;
        const finish = (error, body) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            settings.signal.removeEventListener('abort', onAbort);
            if (body !== undefined)
                resolve(body);
            else
                reject(error);
        };
        // An abort (the budget, the deadline) ends the attempt at once: a request still waiting for a socket
        // (a proxy that never answers CONNECT) emits no error of its own.
        controller.signal.addEventListener('abort', () => {
            finish(controller.signal.reason);
            sent.destroy();
        }, { once: true });
        const sent = request(url, { method: 'GET', headers: { 'user-agent': userAgent }, signal: controller.signal, ...(settings.agent && { agent: settings.agent }) }, (response) => {
            const status = response.statusCode ?? 0;
            if (status !== 200) {
                response.resume();
                const redirect = status >= 300 && status < 400;
                return finish(new HttpGetError(`answered HTTP ${status}${redirect ? `, a redirect to ${(0,src_text/* safeText */.Hk)(String(response.headers.location ?? 'nowhere').replace(/[?#].*$/s, '')).slice(0, 200)}, which is not followed` : ''}`, status === 429 || status >= 500, status));
            }
            const length = Number(response.headers['content-length'] ?? NaN);
            if (Number.isFinite(length) && length > maxBytes) {
                response.destroy();
                return finish(new HttpGetError(`sent ${(0,src_text/* formatBytes */.z3)(length)}, more than the limit of ${(0,src_text/* formatBytes */.z3)(maxBytes)}`, false, undefined, true));
            }
            const chunks = [];
            let received = 0;
            response.on('data', (chunk) => {
                received += chunk.length;
                if (received > maxBytes) {
                    response.destroy();
                    finish(new HttpGetError(`sent more than the limit of ${(0,src_text/* formatBytes */.z3)(maxBytes)}`, false, undefined, true));
                }
                else
                    chunks.push(chunk);
            });
            response.on('end', () => {
                if (Number.isFinite(length) && received !== length)
                    finish(new HttpGetError(`ended the body after ${received} of ${length} bytes`, true));
                else
                    finish(undefined, Buffer.concat(chunks));
            });
            response.on('error', (error) => finish(controller.signal.aborted ? controller.signal.reason : error));
        });
        sent.on('error', (error) => finish(controller.signal.aborted ? controller.signal.reason : error));
        sent.end();
    });
}
/** What went wrong with an attempt, after "<host> …". */
function describe(error) {
    if (error instanceof HttpGetError)
        return { message: error.message, retryable: error.retryable };
    const code = error.code;
    const message = (0,src_text/* safeText */.Hk)(error instanceof Error ? error.message : String(error));
    return { message: `could not be reached (${code ?? message})`, retryable: true };
}
/**
 * The body of `url` (at most `maxBytes`), after at most maxAttempts attempts. Throws an HttpGetError
 * whose message follows the host ("tuf-repo-cdn.sigstore.dev answered HTTP 404"), or the deadline's reason.
 */
async function httpGet(url, maxBytes, settings, userAgent) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        throw new HttpGetError(`is not an http(s) URL (${(0,src_text/* safeText */.Hk)(parsed.protocol)})`, false);
    for (let number = 1;; number++) {
        if (settings.signal.aborted)
            throw settings.signal.reason;
        const budget = Math.max(1, Math.round(settings.attemptBudgetMs()));
        try {
            return await attempt(parsed, maxBytes, budget, settings, userAgent);
        }
        catch (error) {
            if (settings.signal.aborted)
                throw settings.signal.reason;
            const { message, retryable } = describe(error);
            const last = !retryable || number >= settings.maxAttempts;
            settings.log(`GET ${hostOf(parsed)} failed (attempt ${number} of ${settings.maxAttempts}): ${message}`);
            if (last)
                throw new HttpGetError(`${hostOf(parsed)} ${message}${retryable && number > 1 ? ` (${number} attempts)` : ''}`, retryable, error instanceof HttpGetError ? error.status : undefined, error instanceof HttpGetError && error.tooLarge);
            await (0,deadline/* sleep */.yy)(Math.min(100 * 2 ** (number - 1), 2_000) * (0.5 + Math.random() / 2), settings.signal);
        }
    }
}

// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/inputs/artifacts.ts
var artifacts = __webpack_require__(4586);
// EXTERNAL MODULE: ../src/inputs/verify.ts
var verify = __webpack_require__(90068);
// EXTERNAL MODULE: ../node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(83178);
// EXTERNAL MODULE: ../node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(42987);
// EXTERNAL MODULE: ../node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(43665);
;// CONCATENATED MODULE: ../src/verify/bundle.ts
// One Sigstore bundle against one image: what the Sigstore project's verifier checks (the certificate
// chains to a trusted CA and was valid at a verified time, the evidence the instance requires, the
// signature), and what it leaves to the caller: that the signed content is about this image (a message
// signature over the manifest's bytes, whose sha256 is the digest; an in-toto statement whose subject
// is the digest), and that the certificate's SAN and issuer are exactly the ones asked for. The checks
// run in a fixed order; a bundle that fails says the first check it failed, and how far it got.








const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';
/** How far a failed bundle got: the higher, the closer it came to passing. */
const STEPS = ['read', 'digest', 'trust', 'signer', 'issuer', 'repository'];
/** Fulcio's Source Repository URI (https://github.com/owner/repo), and the legacy GitHub Workflow Repository (owner/repo). */
const SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
const LEGACY_WORKFLOW_REPOSITORY = '1.3.6.1.4.1.57264.1.5';
/** The repository whose run the certificate was issued to, as `owner/repo` (or as the certificate writes it). */
function sourceRepositoryOf(leaf) {
    const uri = leaf.extension(SOURCE_REPOSITORY_URI)?.valueObj.subs?.[0]?.value.toString('utf8');
    if (uri !== undefined)
        return uri.startsWith('https://github.com/') ? uri.slice('https://github.com/'.length) : uri;
    return leaf.extension(LEGACY_WORKFLOW_REPOSITORY)?.value.toString('utf8');
}
/** A bundle's failure at a step. */
const fail = (step, reason) => ({ ok: false, step, reason });
/** The most log entries, timestamps or certificates a bundle may carry (genuine ones carry one or two). */
const MAX_EVIDENCE = 8;
/** The largest certificate or signed timestamp a bundle may carry (Fulcio's are 1 to 3 KiB). */
const MAX_OBJECT_BYTES = 32 * 1024;
/** The longest checkpoint an inclusion proof may carry (a log's are a few hundred characters). */
const MAX_CHECKPOINT = 16 * 1024;
/** The leaf certificate, or undefined for a bundle signed with a bare key. */
function leafOf(bundle) {
    const content = bundle.verificationMaterial.content;
    const raw = content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : content.$case === 'certificate'
            ? content.certificate.rawBytes
            : undefined;
    return raw === undefined ? undefined : core_dist.X509Certificate.parse(Buffer.from(raw));
}
/** What the verifier's error means, in the words of the failure's reason. */
function trustReason(error, rootName) {
    const code = error.code ?? '';
    const detail = (0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 200);
    if (code === 'CERTIFICATE_ERROR' && /SCT/.test(detail))
        return `its certificate has no valid certificate timestamp (SCT) from a CT log of ${rootName} (${detail})`;
    if (code === 'CERTIFICATE_ERROR')
        return `its certificate is not from a CA ${rootName} trusts, or was not valid when it signed (${detail})`;
    if (code === 'TIMESTAMP_ERROR')
        return `it has no valid log entry or signed timestamp that ${rootName} trusts (${detail})`;
    if (code.startsWith('TLOG'))
        return `it has no valid transparency-log entry of ${rootName} (${detail})`;
    if (code === 'SIGNATURE_ERROR')
        return 'its signature does not match what it signs: the bundle was tampered with';
    if (code === 'PUBLIC_KEY_ERROR')
        return 'it is signed with a bare key, not a certificate, so it names no signer';
    return `it could not be verified (${detail})`;
}
/** The earliest verified time in a bundle that passed: a signed timestamp's, else a log entry's. */
function signedAt(bundle) {
    const times = (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).map((stamp) => core_dist.RFC3161Timestamp.parse(Buffer.from(stamp.signedTimestamp)).signingTime.getTime());
    if (times.length === 0)
        for (const entry of bundle.verificationMaterial.tlogEntries)
            if (entry.inclusionPromise !== undefined)
                times.push(Number(entry.integratedTime) * 1000);
    return times.length > 0 ? new Date(Math.min(...times)).toISOString() : '';
}
/** The statement's predicate type when its subject is the image; a reason when it is not. */
function statementAbout(payload, digest) {
    let statement;
    try {
        statement = JSON.parse(payload.toString('utf8'));
    }
    catch {
        return { reason: 'its in-toto statement is not JSON' };
    }
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement))
        return { reason: 'its in-toto statement is not an object' };
    const hex = digest.replace(/^sha256:/, '');
    const subjects = Array.isArray(statement.subject) ? statement.subject : [];
    if (!subjects.some((subject) => subject?.digest?.sha256 === hex)) {
        const other = subjects.map((subject) => subject?.digest?.sha256).find((value) => typeof value === 'string');
        return {
            reason: `its statement is about ${other !== undefined ? `sha256:${(0,src_text/* safeText */.Hk)(String(other)).slice(0, 64)}` : 'no sha256 digest'}, another image`
        };
    }
    return { predicateType: typeof statement.predicateType === 'string' ? statement.predicateType : '' };
}
/**
 * The Sigstore verifier against each root in turn (one that verifies is enough): the signature (over
 * `artifact` for a message signature), the certificate's chain and validity, and the root's evidence.
 */
function verifyTrust(bundle, roots, artifact) {
    const reasons = [];
    for (const root of roots) {
        if (root.signedTimestamp && (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).length === 0) {
            reasons.push(`it has no signed timestamp, which ${root.name} requires`);
            continue;
        }
        try {
            return { identity: new verify_dist/* Verifier */.BL(root.material, root.thresholds).verify((0,verify_dist/* toSignedEntity */.DC)(bundle, artifact)).identity ?? {} };
        }
        catch (error) {
            reasons.push(trustReason(error, root.name));
        }
    }
    // The reason of a root whose CA issued the certificate says more than "not from a CA this root trusts".
    return {
        reason: reasons.find((reason) => !reason.startsWith('its certificate is not from')) ?? reasons[0] ?? 'no trusted root was given'
    };
}
/**
 * Verifies a bundle's JSON against an image: the first check that failed, or what passed. Whatever the
 * bundle holds, it is this bundle's failure, never the run's (a hostile bundle must not end the step).
 */
async function verifyBundle(json, subject, check) {
    try {
        return await checkBundle(json, subject, check);
    }
    catch (error) {
        // The step's deadline (while a trusted root was being fetched) is the run's, never a bundle's failure.
        if (error instanceof deadline/* DeadlineError */.j3 || error.name === 'AbortError')
            throw error;
        if (error instanceof errors/* SentenceError */.W5)
            return { ok: false, step: 'trust', reason: error.message, unreachable: error };
        return fail('read', `it could not be read (${(0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 200)})`);
    }
}
async function checkBundle(json, subject, check) {
    let bundle;
    try {
        bundle = (0,dist/* bundleFromJSON */.vw)(json);
    }
    catch (error) {
        return fail('read', `it is not a Sigstore bundle (${(0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 200)})`);
    }
    // What no genuine bundle has (it carries one or two of each) is refused before the verifier, whose
    // checks of duplicates grow with the square of the count (20,000 log entries held the step for minutes).
    const material = bundle.verificationMaterial;
    const counts = [
        [material.tlogEntries.length, 'transparency-log entries', MAX_EVIDENCE],
        [material.timestampVerificationData?.rfc3161Timestamps.length ?? 0, 'signed timestamps', MAX_EVIDENCE],
        [
            material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates.length : 1,
            'certificates',
            MAX_EVIDENCE
        ],
        [bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope.signatures.length : 1, 'signatures', 1]
    ];
    for (const [count, what, limit] of counts)
        if (count > limit)
            return fail('read', `it has ${count} ${what}, more than the ${limit} a bundle may carry here`);
    // Nor are certificates, timestamps or signatures larger than any a Sigstore instance makes: the
    // verifier re-encodes certificates in time that grows with the square of their size.
    const certificates = material.content.$case === 'x509CertificateChain'
        ? material.content.x509CertificateChain.certificates.map((certificate) => certificate.rawBytes)
        : material.content.$case === 'certificate'
            ? [material.content.certificate.rawBytes]
            : [];
    const sizes = [
        ...certificates.map((raw) => [raw.length, 'a certificate', MAX_OBJECT_BYTES]),
        ...(material.timestampVerificationData?.rfc3161Timestamps ?? []).map((stamp) => [
            stamp.signedTimestamp.length,
            'a signed timestamp',
            MAX_OBJECT_BYTES
        ]),
        ...(bundle.content.$case === 'dsseEnvelope'
            ? bundle.content.dsseEnvelope.signatures.map((signature) => [signature.sig.length, 'a signature', 1024])
            : [[bundle.content.messageSignature.signature.length, 'a signature', 1024]])
    ];
    for (const [bytes, what, limit] of sizes)
        if (bytes > limit)
            return fail('read', `it holds ${what} of ${(0,src_text/* formatBytes */.z3)(bytes)}, more than the ${(0,src_text/* formatBytes */.z3)(limit)} any Sigstore instance makes`);
    // A log entry's proof is small (a checkpoint of a few lines, a hash per level of the tree); the
    // verifier tries every signature line of a checkpoint, so a swollen one would hold the step.
    for (const entry of material.tlogEntries) {
        const checkpoint = entry.inclusionProof?.checkpoint?.envelope ?? '';
        if (checkpoint.length > MAX_CHECKPOINT || (entry.inclusionProof?.hashes.length ?? 0) > 64)
            return fail('read', `its transparency-log entry's inclusion proof is larger than any log's (a checkpoint of ${checkpoint.length} characters)`);
    }
    // 1. The signed content binds this image's digest.
    let predicateType;
    if (bundle.content.$case === 'messageSignature') {
        if ((0,ecr_digest/* sha256 */.sc)(subject.manifest) !== subject.digest)
            return fail('digest', "the manifest ECR returned does not hash to the image's digest");
        const signed = `sha256:${Buffer.from(bundle.content.messageSignature.messageDigest?.digest ?? []).toString('hex')}`;
        if (signed !== subject.digest)
            return fail('digest', `it signs ${signed.slice(0, 71)}, another image's manifest`);
    }
    else {
        const envelope = bundle.content.dsseEnvelope;
        if (envelope.payloadType !== IN_TOTO_PAYLOAD)
            return fail('digest', `its DSSE payload is ${(0,src_text/* safeText */.Hk)(envelope.payloadType).slice(0, 100)}, not an in-toto statement about the image`);
        const about = statementAbout(Buffer.from(envelope.payload), subject.digest);
        if ('reason' in about)
            return fail('digest', about.reason);
        predicateType = about.predicateType;
    }
    // 2. The verifier: certificate, evidence, signature, against the root of the instance that issued it
    // (with a trusted-root input of several roots, each in turn: one that verifies is enough).
    let leaf;
    try {
        leaf = leafOf(bundle);
    }
    catch (error) {
        return fail('read', `its certificate cannot be read (${(0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 200)})`);
    }
    if (leaf === undefined)
        return fail('trust', 'it is signed with a bare key, not a certificate, so it names no signer');
    const roots = check.trust.kind === 'file'
        ? check.trust.roots
        : [await check.trust.rootFor(leaf.issuer.includes(Buffer.from('GitHub, Inc.')) ? 'github' : 'public-good')];
    const trusted = verifyTrust(bundle, roots, bundle.content.$case === 'messageSignature' ? subject.manifest : undefined);
    if ('reason' in trusted)
        return fail('trust', trusted.reason);
    const { identity } = trusted;
    // 3. Who signed, exactly.
    const san = identity?.subjectAlternativeName;
    if (!(0,verify/* matchesSigner */.op)(check.signer, san))
        return fail('signer', `it was signed by ${san !== undefined ? (0,src_text/* safeText */.Hk)(san).slice(0, 300) : 'a certificate without a SAN'}, not ${(0,src_text/* safeText */.Hk)((0,verify/* describeSigner */.cg)(check.signer))}`);
    const issuer = identity?.extensions?.issuer;
    if (issuer !== check.issuer)
        return fail('issuer', `its certificate's issuer is ${issuer !== undefined ? (0,src_text/* safeText */.Hk)(issuer).slice(0, 200) : 'not named'}, not ${(0,src_text/* safeText */.Hk)(check.issuer)}`);
    // 4. Whose run: a reusable workflow called from another repository signs with the workflow's SAN, and
    // the caller's repository in this extension.
    if (check.sourceRepository !== undefined) {
        const source = sourceRepositoryOf(leaf);
        if (source !== check.sourceRepository)
            return fail('repository', source === undefined
                ? `its certificate does not say which repository's run signed it, and verify-source-repository is ${check.sourceRepository}`
                : `it was signed in a run of ${(0,src_text/* safeText */.Hk)(source).slice(0, 200)}, not ${check.sourceRepository} (a reusable workflow called from another repository): verify-source-repository names the repositories whose runs may sign`);
    }
    return {
        ok: true,
        verified: {
            signer: san ?? '',
            issuer,
            ...(predicateType !== undefined && { predicateType }),
            signedAt: signedAt(bundle),
            content: bundle.content.$case === 'messageSignature' ? 'message-signature' : 'dsse-envelope'
        }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(56736);
// EXTERNAL MODULE: ../node_modules/tuf-js/dist/index.js
var tuf_js_dist = __webpack_require__(69712);
// EXTERNAL MODULE: ../node_modules/tuf-js/dist/error.js
var dist_error = __webpack_require__(41346);
// EXTERNAL MODULE: ../node_modules/@sigstore/tuf/seeds.json
var seeds = __webpack_require__(52196);
;// CONCATENATED MODULE: ../src/verify/github-tuf-root.json
const github_tuf_root_namespaceObject = /*#__PURE__*/JSON.parse('{"signatures":[{"keyid":"4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228","sig":""},{"keyid":"eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62","sig":""},{"keyid":"539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a","sig":""},{"keyid":"a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf","sig":"3046022100ca341d3ba2ef7657d69c2825729959681f55aec497b612e81a547e2abb616b49022100cd605b412a3d991f92e0818e07e60383bbd23904723eec221d6e39fdfeae3104"},{"keyid":"5e01c9a0b2641a8965a4a74e7df0bc7b2d8278a2c3ca0cf7a3f2f783d3c69800","sig":"3046022100d0f70effe60d6a18319e2890088cd01d45c654ee6d2ce1d5c3cdcf2dc7f637570221008f947a2d7334d948f1c4794b0a465f1dfb99a578dd8d1f4563cee0581f457db2"},{"keyid":"54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44","sig":"304502201ae931db1c48020fb37af54d446ac856306f619dfc3f93ddcff70d2880e443dc022100992b70451aa74805adef24e85ec352e598812267f623979bd4ce719b66b62d22"},{"keyid":"88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3","sig":"3045022023bba8e14c177609f43873aa0087ef983ddd2bad9a0a832c0cf279e1be8798f2022100facfaecc1d7ee793042eaaa6970fb9ca700c3bdbf4ee43ed0f8d0fc3aef96563"},{"keyid":"d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c","sig":"3046022100d2f6cceb05d135ce6a6ce7fe1dc76c24508154ad71c433028e64ca95ba716ffb022100f0592d60eb67508dd5f9cc593a4cca33bbaf94882c3d74a560fda845a456c6cc"},{"keyid":"8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12","sig":"30450221009af2f0c534ed92de909a3b727f7101319c18e10623de8f48a0eba980d3d54d830220095842b16c58567c71f9dfa0b54e79daca1b2fecf3cb2ea4ee6d8393bdf93294"}],"signed":{"_type":"root","consistent_snapshot":true,"expires":"2025-04-11T14:36:57Z","keys":{"4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENki7aZVips5SgRzCd/Om0CGzQKY/\\nnv84giqVDmdwb2ys82Z6soFLasvYYEEQcwqaC170n9gr93wHUgPc796uJA==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@ashtom"},"539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElD0o2sOZN9n3RKQ7PtMLAoXj+2Ai\\nn4PKT/pfnzDlNLrD3VTQwCc4sR4t+OLu4KQ+qk+kXkR9YuBsu3bdJZ1OWw==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@nerdneha"},"54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEimKcdST+ORD+g0aGEFDOVZDAaIYg\\nIgesNKiIe2L7MUsYx5UHhzQ08quvew13eYSCNJnfwooFZu7cdTu8AwqFjQ==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@alexiswales"},"88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBagkskNOpOTbetTX5CdnvMy+LiWn\\nonRrNrqAHL4WgiebH7Uig7GLhC3bkeA/qgb926/vr9qhOPG9Buj2HatrPw==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@gregose"},"8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IEoVNwrprchXGhT5sAhSax7SOd3\\n8duuISghCzfmHdKJWSbV2wJRamRiUVRtmA83K/qm5cT20WXMCT5QeM/D3A==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@trevrosen"},"a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEC2wJ3xscyXxBLybJ9FVjwkyQMe53\\nRHUz77AjMO8MzVaT8xw6ZvJqdNZiytYtigWULlINxw6frNsWJKb/f7lC8A==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@kommendorkapten"},"d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDdORwcruW3gqAgaLjH/nNdGMB4kQ\\nAvA+wD6DyO4P/wR8ee2ce83NZHq1ZADKhve0rlYKaKy3CqyQ5SmlZ36Zhw==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@krukow"},"eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENynVdQnM9h7xU71G7PiJpQaDemub\\nkbjsjYwLlPJTQVuxQO8WeIpJf8MEh5rf01t2dDIuCsZ5gRx+QvDv0UzfsA==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-keyowner":"@mph4"},"eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f":{"keytype":"ecdsa","keyval":{"public":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENKNcNcX+d73lS1TRFb9Vnp8JvOoh\\nzYQ+in43iGenbG8RGo9L/6FJ2hoRbVU6xskvyuErcdPbCdI4GxrQ5i8hkw==\\n-----END PUBLIC KEY-----\\n"},"scheme":"ecdsa-sha2-nistp256","x-tuf-on-ci-online-uri":"azurekms://production-tuf-root.vault.azure.net/keys/Online-Key/aaf375fd8ed24acb949a5cc173700b05"}},"roles":{"root":{"keyids":["a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf","4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228","88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3","d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c","eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62","8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12","539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a","54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44"],"threshold":3},"snapshot":{"keyids":["eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f"],"threshold":1,"x-tuf-on-ci-expiry-period":21,"x-tuf-on-ci-signing-period":7},"targets":{"keyids":["a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf","4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228","88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3","d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c","eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62","8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12","539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a","54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44"],"threshold":3},"timestamp":{"keyids":["eb9799b483affac9da87ef4c9ea467928415c961349e607e5e6e485679b07f8f"],"threshold":1,"x-tuf-on-ci-expiry-period":7,"x-tuf-on-ci-signing-period":6}},"spec_version":"1.0.31","version":3,"x-tuf-on-ci-expiry-period":240,"x-tuf-on-ci-signing-period":60}}');
;// CONCATENATED MODULE: ../src/verify/trust.ts
// The trust a bundle is verified against, and the evidence each instance requires (never weaker):
// - Sigstore's public-good instance (public repositories): a transparency-log entry, a certificate
//   timestamp (SCT) and a verified time, as `gh attestation verify` requires;
// - GitHub's own instance (private and internal repositories): a signed RFC 3161 timestamp (its bundles
//   carry no log entry);
// - a trusted_root.json given as input: at least one verified time (a log entry or a signed timestamp),
//   and an SCT when it lists CT logs.
// The two default roots come through TUF (tuf-js, the engine of @sigstore/tuf; @sigstore/tuf's own
// client fetches with Node's global fetch and takes no agent, so it could not honour http-proxy, the
// attempt budgets or the deadline): Sigstore's seed is @sigstore/tuf's, GitHub's initial root is shipped
// here (github-tuf-root.json, as `gh` ships it). Both are cached under RUNNER_TEMP for the job's later steps.













const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';
const GITHUB_TUF = 'https://tuf-repo.github.com';
/** TUF metadata and the trusted root are small; this only bounds a hostile answer. */
const TUF_FILE_LIMIT = 10 * 1024 * 1024;
function materialOf(json, where) {
    let material;
    try {
        material = (0,verify_dist/* toTrustMaterial */.jO)(protobuf_specs_dist.TrustedRoot.fromJSON(json));
    }
    catch (error) {
        throw new src_image/* InputError */.dz(`${where} is not a Sigstore trusted_root.json (${(0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 200)}).`);
    }
    if (material.certificateAuthorities.length === 0)
        throw new src_image/* InputError */.dz(`${where} lists no certificate authority, so no certificate could be trusted: give a complete trusted_root.json.`);
    return material;
}
const seed = seeds[PUBLIC_GOOD_TUF];
/** Each default instance: its TUF repository, its initial root, and what its bundles must carry. */
const INSTANCES = {
    'public-good': {
        mirror: PUBLIC_GOOD_TUF,
        name: "Sigstore's public-good instance",
        seedRoot: Buffer.from(seed?.['root.json'] ?? '', 'base64').toString(),
        seedTargets: seed?.targets ?? {},
        thresholds: { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 },
        signedTimestamp: false
    },
    github: {
        mirror: GITHUB_TUF,
        name: "GitHub's Sigstore instance",
        seedRoot: JSON.stringify(github_tuf_root_namespaceObject),
        seedTargets: {},
        thresholds: { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 },
        signedTimestamp: true
    }
};
/** A default instance's trust root from its trusted_root.json (as TUF delivers it), with the instance's thresholds. */
function trustRootOf(instance, json) {
    const settings = INSTANCES[instance];
    return {
        name: settings.name,
        material: materialOf(json, `The trusted root from ${settings.mirror}`),
        thresholds: settings.thresholds,
        signedTimestamp: settings.signedTimestamp
    };
}
/** The trusted-root input: read and checked before any call (an input error when it cannot be used). */
function trustedRootFromFile(path, workspace) {
    const where = `trusted-root: ${(0,src_text/* safeText */.Hk)(path)}`;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(workspace, path), 'utf8');
    }
    catch (error) {
        throw new src_image/* InputError */.dz(`${where} cannot be read (${(0,src_text/* safeText */.Hk)(error.code ?? (0,src_text/* errorMessage */.gJ)(error))}): give the path of a trusted_root.json, for example one written by \`gh attestation trusted-root\`.`);
    }
    // One trusted_root.json, or several, one per line (`gh attestation trusted-root` writes Sigstore's and GitHub's so).
    let documents;
    try {
        documents = [JSON.parse(text)];
    }
    catch {
        try {
            documents = text
                .split('\n')
                .filter((line) => line.trim() !== '')
                .map((line) => JSON.parse(line));
        }
        catch {
            throw new src_image/* InputError */.dz(`${where} is not JSON: give a Sigstore trusted_root.json (or several, one per line).`);
        }
    }
    if (documents.length === 0)
        throw new src_image/* InputError */.dz(`${where} is empty: give a Sigstore trusted_root.json.`);
    const roots = documents.map((json, index) => {
        const material = materialOf(json, documents.length === 1 ? where : `${where} (line ${index + 1})`);
        const name = documents.length === 1 ? 'the trusted-root input' : `the trusted-root input's line ${index + 1}`;
        // A copy of Sigstore's or GitHub's root (`gh attestation trusted-root` writes both) keeps that
        // instance's evidence, never less: told by its CAs' organization, as gh tells the instances apart.
        const organizations = (json.certificateAuthorities ?? []).map((authority) => authority?.subject?.organization);
        const instance = organizations.includes('GitHub, Inc.') ? 'github' : organizations.includes('sigstore.dev') ? 'public-good' : undefined;
        if (instance !== undefined)
            return { ...trustRootOf(instance, json), name: `${name} (${INSTANCES[instance].name})` };
        return {
            name,
            material,
            thresholds: { tlogThreshold: 0, ctlogThreshold: material.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 },
            signedTimestamp: false
        };
    });
    return { kind: 'file', roots };
}
/** tuf-js's downloads, through the action's GET (proxy, budgets, attempts, deadline). */
class ActionFetcher extends tuf_js_dist/* BaseFetcher */.xv {
    http;
    userAgent;
    constructor(http, userAgent) {
        super();
        this.http = http;
        this.userAgent = userAgent;
    }
    async fetch(url) {
        let body;
        try {
            body = await httpGet(url, TUF_FILE_LIMIT, this.http, this.userAgent);
        }
        catch (error) {
            // tuf-js reads a 403 or 404 for the next root's version as "this root is the newest": it must see its own error.
            if (error instanceof HttpGetError && error.status !== undefined)
                throw new dist_error.DownloadHTTPError(error.message, error.status);
            throw error;
        }
        return new ReadableStream({
            start(controller) {
                controller.enqueue(new Uint8Array(body));
                controller.close();
            }
        });
    }
}
/** A TUF repository's trusted_root.json (parsed), through the cache at `cache`, seeded with `seedRoot` when empty. */
async function fetchTrustedRoot(mirror, seedRoot, seedTargets, cache, http, userAgent) {
    const targets = (0,external_node_path_.join)(cache, 'targets');
    (0,external_node_fs_.mkdirSync)(targets, { recursive: true });
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cache, 'root.json'))) {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(cache, 'root.json'), seedRoot);
        for (const [name, content] of Object.entries(seedTargets))
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(targets, name), Buffer.from(content, 'base64'));
    }
    const updater = new tuf_js_dist/* Updater */.Sx({
        metadataBaseUrl: mirror,
        targetBaseUrl: `${mirror}/targets`,
        metadataDir: cache,
        targetDir: targets,
        // A job's later steps use what an earlier one fetched while it has not expired. The first fetch runs
        // TUF's whole workflow (tuf-js's forceCache would skip the root's update when nothing is cached yet).
        forceCache: (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cache, 'timestamp.json')),
        fetcher: new ActionFetcher(http, userAgent)
    });
    const info = await updater.getTargetInfo('trusted_root.json');
    if (info === undefined)
        throw new Error('the repository lists no trusted_root.json');
    const path = (await updater.findCachedTarget(info)) ?? (await updater.downloadTarget(info));
    return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
}
/**
 * Sigstore's and GitHub's trusted roots through TUF, each fetched once (and only when a bundle needs it),
 * cached under RUNNER_TEMP. A repository that cannot be read is one sentence naming it and trusted-root.
 */
function trustedRootsFromTuf(http, userAgent, env) {
    // Under RUNNER_TEMP (the job's own) a later step finds it; without it (a local run), a folder of this
    // run's own, so no one else's files become the trust anchor.
    const base = env.RUNNER_TEMP
        ? (0,external_node_path_.join)(env.RUNNER_TEMP, 'ecr-image-lookup-sigstore')
        : (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ecr-image-lookup-sigstore-'));
    const fetched = new Map();
    const rootFor = (instance) => {
        let root = fetched.get(instance);
        if (root === undefined) {
            const settings = INSTANCES[instance];
            root = (async () => {
                try {
                    const json = await fetchTrustedRoot(settings.mirror, settings.seedRoot, settings.seedTargets, (0,external_node_path_.join)(base, new URL(settings.mirror).host), http, userAgent);
                    return {
                        name: settings.name,
                        material: materialOf(json, `The trusted root from ${settings.mirror}`),
                        thresholds: settings.thresholds,
                        signedTimestamp: settings.signedTimestamp
                    };
                }
                catch (error) {
                    if (http.signal.aborted)
                        throw http.signal.reason;
                    throw new errors/* SentenceError */.W5(`The trusted root of ${settings.name} could not be read through TUF from ${settings.mirror}: ${(0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error)).slice(0, 300)}. Let the runner reach ${new URL(settings.mirror).host} (through http-proxy if it needs one), or give trusted-root: a trusted_root.json (\`gh attestation trusted-root\` writes one).`);
                }
            })();
            fetched.set(instance, root);
        }
        return root;
    };
    return { kind: 'tuf', rootFor };
}

;// CONCATENATED MODULE: ../src/verify/check.ts
// The verify-signer stage, loaded only with that input: after each round (and after require-artifacts'
// check), every found image needs a Sigstore bundle that verifies for the signer asked (with
// require-artifacts, one per kind asked). For each bundle referrer, in order:
//   1. its manifest, by digest (BatchGetImage; it must hash to its digest and name the image as subject);
//   2. its one bundle layer: GetDownloadUrlForLayer, then a GET of the URL exactly as ECR gave it
//      (through the proxy, with the same budgets and attempts), at most 10 MiB, and its sha256 must be
//      the layer's digest before it is parsed;
//   3. bundle.ts: the Sigstore verifier, the image's digest, the signer and the issuer.
// An image with bundles of which none verifies is a SignatureNotVerified failure naming the first check
// the closest one failed; one with no bundle at all is ArtifactMissing (waiting asks again).
















/** A bundle larger than this is not downloaded. */
const BUNDLE_LIMIT = 10 * 1024 * 1024;
/** At most this many bundle referrers per image are read (without require-artifacts; with it, its 10 per kind). */
const BUNDLES_PER_IMAGE = 20;
/** A verified bundle as evidence, so require-artifacts' kinds are judged by what was signed, not by annotations. */
function verifiedEvidence(candidate, verified) {
    return {
        source: 'referrer',
        digest: candidate.digest,
        ...(candidate.artifactType !== undefined && { artifactType: candidate.artifactType }),
        annotations: {
            'dev.sigstore.bundle.content': verified.content,
            ...(verified.predicateType !== undefined && { 'dev.sigstore.bundle.predicateType': verified.predicateType })
        }
    };
}
/** The name of what a verified bundle is, for the images output: signature, provenance, sbom, or attestation. */
function kindOf(candidate, verified) {
    const evidence = verifiedEvidence(candidate, verified);
    return artifacts/* ARTIFACT_KINDS */.hz.find((kind) => (0,kinds/* meets */.D)({ kind }, evidence)) ?? 'attestation';
}
/** What the images output says of a bundle that verified (signer and issuer are the inputs' own; a predicate type is clipped). */
function publicVerified(verified) {
    return {
        signer: verified.signer,
        issuer: verified.issuer,
        ...(verified.predicateType !== undefined && { predicateType: verified.predicateType.slice(0, 200) }),
        signedAt: verified.signedAt
    };
}
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;
/**
 * Whether ECR's endpoint, as the SDK reads it from the environment (AWS_ENDPOINT_URL_ECR, else
 * AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), is a plain-http emulator on loopback.
 * An endpoint set in a config file is not read here: its download URLs must be https.
 */
function allowsPlainLoopback(env) {
    if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true')
        return false;
    try {
        const endpoint = new URL(env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL || '');
        return endpoint.protocol === 'http:' && endpoint.username === '' && endpoint.password === '' && LOOPBACK.test(endpoint.hostname);
    }
    catch {
        return false;
    }
}
/**
 * Why a GetDownloadUrlForLayer answer is not fetched, or undefined: another layer's digest, a URL that is
 * not https (plain http to loopback only when ECR's own endpoint is a plain-http emulator on loopback),
 * or one that carries credentials (ECR's presigned URLs never do; Node would send them as a header).
 */
function refuseDownload(answered, downloadUrl, layerDigest, plainLoopback) {
    if (answered !== layerDigest)
        return `GetDownloadUrlForLayer answered for the layer ${(0,src_text/* safeText */.Hk)(String(answered)).slice(0, 80)}, not ${layerDigest}`;
    let url;
    try {
        url = new URL(String(downloadUrl));
    }
    catch {
        return 'GetDownloadUrlForLayer gave no download URL';
    }
    if (url.username !== '' || url.password !== '')
        return "its download URL carries credentials, which ECR's presigned URLs never do";
    const loopback = LOOPBACK.test(url.hostname);
    if (url.protocol !== 'https:' && !(plainLoopback && url.protocol === 'http:' && loopback))
        return `its download URL is not https (${(0,src_text/* safeText */.Hk)(url.protocol)}//${(0,src_text/* safeText */.Hk)(url.host).slice(0, 100)})`;
    return undefined;
}
/** Reads one bundle referrer's blob and verifies it; an ECR or download error is the image's error. */
async function checkCandidate(found, manifest, options) {
    const { request } = found;
    let layers;
    try {
        const parsed = JSON.parse(manifest ?? '');
        if (parsed.subject?.digest !== (0,check/* digestOf */.ol)(found))
            return fail('read', 'its manifest does not name this image as its subject');
        layers = Array.isArray(parsed.layers) ? parsed.layers : [];
    }
    catch {
        return fail('read', 'its manifest is not JSON');
    }
    const bundles = layers.filter((layer) => typeof layer?.mediaType === 'string' && (0,kinds/* isSigstoreBundle */.NR)(layer.mediaType));
    const layer = bundles[0];
    if (bundles.length !== 1 || layer === undefined || !(0,src_image/* isDigest */.Bc)(layer.digest) || !String(layer.digest).startsWith('sha256:'))
        return fail('read', `its manifest has ${bundles.length === 0 ? 'no' : bundles.length} Sigstore bundle layer${bundles.length === 1 ? ' with a sha256 digest' : 's'}, not one`);
    const layerDigest = String(layer.digest);
    if (typeof layer.size === 'number' && layer.size > BUNDLE_LIMIT)
        return fail('read', `its bundle is ${(0,src_text/* formatBytes */.z3)(layer.size)}, more than the limit of ${(0,src_text/* formatBytes */.z3)(BUNDLE_LIMIT)}`);
    let url;
    try {
        const sent = options.clientFor(request.region).send(new GetDownloadUrlForLayerCommand/* GetDownloadUrlForLayerCommand */.p({
            repositoryName: request.repositoryName,
            ...(request.registryId !== undefined && { registryId: request.registryId }),
            layerDigest
        }), { abortSignal: options.signal });
        const answer = await (0,deadline/* untilAborted */.Eu)(sent, options.signal);
        const refused = refuseDownload(answer.layerDigest, answer.downloadUrl, layerDigest, options.plainLoopback);
        if (refused !== undefined)
            return fail('read', refused);
        url = String(answer.downloadUrl);
    }
    catch (error) {
        if (options.signal.aborted)
            throw error;
        if ((0,errors/* errorName */.Is)(error) === 'AccessDeniedException')
            throw new errors/* SentenceError */.W5(`Access denied reading a Sigstore bundle in ${(0,src_text/* safeText */.Hk)(request.repositoryName)}: verify-signer needs the IAM permission ecr:GetDownloadUrlForLayer on that repository (beside ecr:BatchGetImage).`);
        if ((0,errors/* errorName */.Is)(error) === 'LayersNotFoundException' || (0,errors/* errorName */.Is)(error) === 'LayerInaccessibleException')
            return fail('read', `its bundle layer ${layerDigest} cannot be read from the repository (${(0,errors/* errorName */.Is)(error)})`);
        if (typeof error === 'object' && error !== null)
            Object.assign(error, { operation: 'GetDownloadUrlForLayer' });
        throw error;
    }
    let blob;
    try {
        blob = await httpGet(url, BUNDLE_LIMIT, options.http, options.userAgent);
    }
    catch (error) {
        if (options.signal.aborted)
            throw error;
        // A blob larger than its limit, a redirect or a refusal is this bundle's failure (a hostile one), not
        // the run's; what keeps every download from working (no connection, a server error) is the run's.
        if (error instanceof HttpGetError && error.tooLarge)
            return fail('read', `its bundle is larger than the limit of ${(0,src_text/* formatBytes */.z3)(BUNDLE_LIMIT)} (${(0,src_text/* safeText */.Hk)(error.message)})`);
        if (error instanceof HttpGetError && error.status !== undefined && error.status < 500 && error.status !== 429)
            return fail('read', `its download could not be read: ${(0,src_text/* safeText */.Hk)(error.message)}`);
        throw new errors/* SentenceError */.W5(`The Sigstore bundle ${layerDigest} of ${(0,src_text/* safeText */.Hk)(request.requested)} could not be downloaded from the URL ECR gave: ${(0,src_text/* safeText */.Hk)(error instanceof Error ? error.message : String(error))}. The runner must reach ECR's layer storage (S3) too: let it through http-proxy, or add the host to NO_PROXY if it should not go through the proxy.`);
    }
    const hash = (0,ecr_digest/* sha256 */.sc)(blob);
    if (hash !== layerDigest)
        return fail('read', `the bundle downloaded for layer ${layerDigest} hashes to ${hash}: it was changed in storage or on the way (tampered)`);
    let json;
    try {
        json = JSON.parse(blob.toString('utf8'));
    }
    catch {
        return fail('read', 'its bundle is not JSON');
    }
    // Verifying is CPU work: between bundles, stop once the deadline has passed (read from the clock: its
    // timer may not have had its turn while other bundles were verified).
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal.aborted)
        throw options.signal.reason;
    if (options.deadline.expired)
        throw new deadline/* DeadlineError */.j3(options.deadline.timeoutMs);
    return verifyBundle(json, { digest: (0,check/* digestOf */.ol)(found), manifest: Buffer.from(found.image.imageManifest ?? '', 'utf8') }, {
        signer: options.verify.signer,
        issuer: options.verify.issuer,
        ...(options.verify.sourceRepository !== undefined && { sourceRepository: options.verify.sourceRepository }),
        trust: options.trust
    });
}
/** The error of the first bundle that could not be checked (its instance's trusted root could not be read). */
function unreachableOf(candidates) {
    for (const { outcome } of candidates)
        if (outcome?.ok === false && outcome.unreachable !== undefined)
            return outcome.unreachable;
    return undefined;
}
/** The failure that names the closest bundle's first failed check. */
function closest(candidates) {
    const failed = candidates.flatMap((candidate) => (candidate.outcome?.ok === false ? [{ candidate, outcome: candidate.outcome }] : []));
    failed.sort((a, b) => STEPS.indexOf(b.outcome.step) - STEPS.indexOf(a.outcome.step));
    const best = failed[0];
    return {
        reason: best === undefined ? 'none was checked' : `${best.candidate.digest}: ${best.outcome.reason}`,
        checked: candidates.length
    };
}
/** A found image's bundle referrers: require-artifacts' counted ones that are bundles, or every one listed. */
async function candidatesOf(found, options) {
    if (options.required !== undefined) {
        const seen = new Map();
        for (const artifact of found.artifacts ?? [])
            if (artifact.digest !== '' && (0,kinds/* isSigstoreBundle */.NR)(artifact.artifactType ?? '') && !seen.has(artifact.digest))
                seen.set(artifact.digest, {
                    digest: artifact.digest,
                    ...(artifact.artifactType !== undefined && { artifactType: artifact.artifactType })
                });
        return { found, candidates: [...seen.values()], unread: 0 };
    }
    let referrers;
    try {
        referrers = await (0,check/* listReferrers */.xt)(found, (0,check/* digestOf */.ol)(found), false, options);
    }
    catch (error) {
        if (typeof error === 'object' && error !== null)
            Object.assign(error, { operation: 'ListImageReferrers' });
        throw error;
    }
    const bundles = referrers.filter((referrer) => (0,kinds/* isSigstoreBundle */.NR)(referrer.artifactType ?? ''));
    const candidates = bundles.slice(0, BUNDLES_PER_IMAGE).map((referrer) => ({
        digest: referrer.digest ?? '',
        ...(referrer.artifactType !== undefined && { artifactType: referrer.artifactType })
    }));
    return { found, candidates, unread: bundles.length - candidates.length };
}
/** Checks one found image's bundles (their manifests already read); the image as it ends (found with `verified`, or failed). */
async function verifyImage({ found, candidates, unread }, options) {
    const digest = (0,check/* digestOf */.ol)(found);
    const signer = (0,src_text/* safeText */.Hk)((0,verify/* describeSigner */.cg)(options.verify.signer));
    if (candidates.length === 0 && options.required === undefined)
        return (0,check/* failedWith */.Mf)(found, failure_codes/* FailureCode */.mY.ArtifactMissing, `${digest} has no active Sigstore bundle (a signature or attestation) to verify for ${signer}`);
    // What a signature of the digest vouches for is the manifest that hashes to it: one that does not (a
    // conversion, verify-digest off, a server that lies) cannot be tied to its signature, nor can the
    // platform manifest picked out of it.
    const manifestDigest = (0,ecr_digest/* sha256 */.sc)(found.image.imageManifest ?? '');
    if (manifestDigest !== digest)
        return (0,check/* failedWith */.Mf)(found, failure_codes/* FailureCode */.mY.SignatureNotVerified, `the manifest ECR returned for ${digest} hashes to ${manifestDigest}, so no signature of the digest vouches for it (or for a platform it names): with verify-signer, leave verify-digest on and accepted-media-types at its default, so that ECR returns the manifest as it was pushed`);
    for (const candidate of candidates)
        if (candidate.manifest?.status === 'error')
            throw candidate.manifest.error;
    await (0,concurrency/* mapWithConcurrency */.W)(candidates, ecr_lookup/* MAX_CONCURRENT_REQUESTS */.eX, async (candidate) => {
        const manifest = candidate.manifest;
        candidate.outcome =
            manifest?.status === 'found'
                ? await checkCandidate(found, manifest.image.imageManifest, options)
                : fail('read', 'its manifest cannot be read by its digest');
    });
    const passed = (candidate) => (candidate.outcome?.ok === true ? candidate.outcome.verified : undefined);
    // A bundle that could not be checked (its instance's trusted root could not be read) keeps the image
    // from failing on the others' reasons: unless one verifies, the image could not be checked.
    const unreachable = unreachableOf(candidates);
    if (unreachable !== undefined && !candidates.some((candidate) => passed(candidate) !== undefined))
        throw unreachable;
    const notVerified = (reason) => (0,check/* failedWith */.Mf)(found, failure_codes/* FailureCode */.mY.SignatureNotVerified, reason);
    const checkedText = (count, more = unread, limit = `at most ${BUNDLES_PER_IMAGE} per image`) => `${count} bundle${count === 1 ? '' : 's'} checked${more > 0 ? `, ${more} more not read (${limit})` : ''}`;
    if (options.required === undefined) {
        const verified = candidates.filter((candidate) => passed(candidate) !== undefined);
        if (verified.length === 0) {
            const { reason, checked } = closest(candidates);
            return notVerified(`no Sigstore bundle of ${digest} verifies for ${signer} (${checkedText(checked)}); the closest, ${reason}`);
        }
        return {
            ...found,
            artifacts: verified.slice(0, 10).map((candidate) => {
                const result = passed(candidate);
                return {
                    kind: kindOf(candidate, result),
                    ...(candidate.artifactType !== undefined && { artifactType: candidate.artifactType }),
                    digest: candidate.digest,
                    verified: publicVerified(result)
                };
            })
        };
    }
    // With require-artifacts: each kind needs a bundle that verifies, and that is, by what it signs, of that kind.
    const byDigest = new Map(candidates.map((candidate) => [candidate.digest, candidate]));
    const countsFor = (entry, candidate) => {
        const verified = passed(candidate);
        return verified !== undefined && (0,kinds/* meets */.D)(entry, verifiedEvidence(candidate, verified));
    };
    for (const entry of options.required) {
        const name = (0,artifacts/* requirementName */.xV)(entry);
        const ofKind = (found.artifacts ?? []).filter((artifact) => artifact.kind === name && artifact.digest !== '');
        const bundles = ofKind.flatMap((artifact) => {
            const candidate = byDigest.get(artifact.digest);
            return candidate === undefined ? [] : [candidate];
        });
        if (bundles.some((candidate) => countsFor(entry, candidate)))
            continue;
        // A bundle of this kind that could not be checked (its trusted root unreachable): not checked, not failed.
        const notChecked = unreachableOf(bundles);
        if (notChecked !== undefined)
            throw notChecked;
        // Only evidence that carries no Sigstore signature: a bundle may still come (waiting asks again).
        if (bundles.length === 0)
            return (0,check/* failedWith */.Mf)(found, failure_codes/* FailureCode */.mY.ArtifactMissing, `${digest} has no Sigstore bundle for its ${name} (only ${(0,src_text/* listNames */.Zv)([...new Set(ofKind.map((artifact) => (0,src_text/* safeText */.Hk)(artifact.artifactType ?? (artifact.annotations?.tag !== undefined ? "cosign v2's .sig tag" : 'a BuildKit attestation'))))])}, which carries no Sigstore signature), so who signed it cannot be verified for ${signer}`);
        // One that verifies but signs something else (an SBOM annotated as provenance) does not count.
        const verifiedOther = bundles.find((candidate) => passed(candidate) !== undefined);
        if (verifiedOther !== undefined)
            return notVerified(`no ${name} bundle of ${digest} verifies as one: ${verifiedOther.digest} verifies for ${signer}, but what it signs is ${(0,src_text/* safeText */.Hk)(passed(verifiedOther)?.predicateType || 'a message signature')}`);
        const { reason, checked } = closest(bundles);
        const omitted = (found.artifacts ?? []).find((artifact) => artifact.kind === name && artifact.omitted !== undefined)?.omitted ?? 0;
        return notVerified(`no ${name} bundle of ${digest} verifies for ${signer} (${checkedText(checked, omitted, 'require-artifacts reads at most 10 per kind')}); the closest, ${reason}`);
    }
    return {
        ...found,
        artifacts: (found.artifacts ?? []).map((artifact) => {
            const candidate = byDigest.get(artifact.digest);
            const verified = candidate !== undefined ? passed(candidate) : undefined;
            const entry = options.required?.find((required) => (0,artifacts/* requirementName */.xV)(required) === artifact.kind);
            return verified !== undefined && candidate !== undefined && entry !== undefined && countsFor(entry, candidate)
                ? { ...artifact, verified: publicVerified(verified) }
                : artifact;
        })
    };
}
/** A lookup round whose found images must carry a bundle that verifies for the signer. */
function verifyRound(lookup, options) {
    return async (requests) => {
        const results = await lookup(requests);
        const found = results.filter((result) => result.status === 'found');
        // 1. Each image's bundle referrers.
        const gathered = await (0,concurrency/* mapWithConcurrency */.W)(found, ecr_lookup/* MAX_CONCURRENT_REQUESTS */.eX, async (result) => {
            // An error (the deadline too) is the image's, as a lookup's is: the ending says what it was, with the outputs.
            try {
                return await candidatesOf(result, options);
            }
            catch (error) {
                return { found: result, error };
            }
        });
        // 2. Every candidate's manifest, in one batched lookup for the round (a call per repository, not per image).
        const images = gathered.filter((image) => !('error' in image));
        const all = images.flatMap((image) => image.candidates.map((candidate) => ({ image, candidate })));
        if (all.length > 0) {
            const manifests = (0,ecr_digest/* checkDigests */.ic)(await (0,ecr_lookup/* lookupImages */.TD)(all.map(({ image, candidate }) => (0,check/* sibling */.hg)(image.found, { digest: candidate.digest })), { ...options, acceptedMediaTypes: src_image/* DEFAULT_MEDIA_TYPES */.Ly }), src_image/* DEFAULT_MEDIA_TYPES */.Ly);
            all.forEach(({ candidate }, index) => {
                const manifest = manifests[index];
                if (manifest !== undefined)
                    candidate.manifest = manifest;
            });
        }
        // 3. Each image's bundles downloaded and verified.
        const checked = new Map();
        await (0,concurrency/* mapWithConcurrency */.W)(gathered, ecr_lookup/* MAX_CONCURRENT_REQUESTS */.eX, async (image) => {
            if ('error' in image)
                return void checked.set(image.found, { request: image.found.request, status: 'error', error: image.error });
            try {
                const result = await verifyImage(image, options);
                checked.set(image.found, result);
                // Bundles that did not verify beside one that did are said, never silently ignored (someone pushed them).
                const rejected = image.candidates.filter((candidate) => candidate.outcome?.ok === false);
                if (result.status === 'found' && rejected.length > 0)
                    options.warn(`${(0,src_text/* safeText */.Hk)(image.found.request.requested)}: ${rejected.length} of ${image.candidates.length} Sigstore bundles of ${(0,check/* digestOf */.ol)(image.found)} did not verify for ${(0,src_text/* safeText */.Hk)((0,verify/* describeSigner */.cg)(options.verify.signer))} (the image passes on the others); the closest, ${closest(rejected).reason}`);
            }
            catch (error) {
                checked.set(image.found, { request: image.found.request, status: 'error', error });
            }
        });
        return results.map((result) => (result.status === 'found' ? (checked.get(result) ?? result) : result));
    };
}


/***/ })

};

//# sourceMappingURL=979.index.js.map