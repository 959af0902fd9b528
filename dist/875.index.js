export const id = 875;
export const ids = [875];
export const modules = {

/***/ 49875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ failedWith),
/* harmony export */   artifactRound: () => (/* binding */ artifactRound),
/* harmony export */   describeKinds: () => (/* reexport safe */ _kinds_js__WEBPACK_IMPORTED_MODULE_7__.HG),
/* harmony export */   hg: () => (/* binding */ sibling),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* unused harmony export checkArtifacts */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(73242);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(53358);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(98540);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61035);
/* harmony import */ var _ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23175);
/* harmony import */ var _ecr_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86796);
/* harmony import */ var _ecr_lookup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77784);
/* harmony import */ var _failure_codes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45329);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(30126);
/* harmony import */ var _inputs_artifacts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4586);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(34704);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17204);
// The require-artifacts stage, loaded only with that input: after each round's lookup, every found
// image must carry each kind asked for. In order, so every call is made only when needed:
//   1. ListImageReferrers of each found image's digest (ACTIVE ones), every page;
//   2. in one batched lookup per repository: BuildKit attestation manifests inside an index, and cosign
//      v2's `sha256-<hex>.sig` tag, for the images these could still help;
//   3. for an image still missing a kind: the listing again with status ANY (to say an archived one
//      exists), and, when a signature is missing, DescribeImageSigningStatus (managed signing in
//      progress, or failed).
// A found image missing a kind becomes an ArtifactMissing failure (waiting asks again), or
// SigningFailed; one that carries them all gains `artifacts`, the evidence that counted.












/** A server that keeps sending nextToken is not followed past this many pages (50 referrers each). */
const MAX_PAGES = 200;
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
/** cosign v2's signature tag for a digest: `sha256-<hex>.sig`. */
function signatureTag(digest) {
    return `${digest.replace(':', '-')}.sig`;
}
/**
 * A lookup round that checks the evidence of what it finds. With `signature` required, a reference
 * already pinned by digest has its cosign v2 `.sig` tag asked in the same first request.
 */
function artifactRound(lookup, options) {
    const signature = options.required.some((entry) => entry.kind === 'signature');
    return async (requests) => {
        const early = signature
            ? requests.flatMap((request) => request.id.digest !== undefined
                ? [
                    {
                        ...request,
                        requested: `${request.repositoryName}:${signatureTag(request.id.digest)}`,
                        id: { tag: signatureTag(request.id.digest) }
                    }
                ]
                : [])
            : [];
        const all = await lookup([...requests, ...early]);
        const knownTags = new Map(early.map((request, index) => [(0,_image_js__WEBPACK_IMPORTED_MODULE_5__/* .requestKey */ .lq)(request), all[requests.length + index]]));
        return checkArtifacts(all.slice(0, requests.length), { ...options, knownTags });
    };
}
/** The operation an error came from, for its sentence (describeCallError reads it). */
function fromOperation(error, operation) {
    if (typeof error === 'object' && error !== null)
        Object.assign(error, { operation });
    return error;
}
/**
 * Every referrer of `digest` (ACTIVE ones, or with `any` every status), following nextToken; without
 * `any`, a page stops the listing once `enough` says what was listed meets every requirement.
 */
async function listReferrers(found, digest, any, options, enough = () => false) {
    const { request } = found;
    const referrers = [];
    const tokens = new Set();
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const sent = options.clientFor(request.region).send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_8__/* .ListImageReferrersCommand */ .h({
            repositoryName: request.repositoryName,
            ...(request.registryId !== undefined && { registryId: request.registryId }),
            subjectId: { imageDigest: digest },
            maxResults: 50,
            ...(any && { filter: { artifactStatus: 'ANY' } }),
            ...(nextToken !== undefined && { nextToken })
        }), { abortSignal: options.signal });
        const response = await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .untilAborted */ .Eu)(sent, options.signal);
        for (const referrer of response.referrers ?? []) {
            if (!(0,_image_js__WEBPACK_IMPORTED_MODULE_5__/* .isDigest */ .Bc)(referrer.digest))
                throw new _ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnexpectedAnswerError */ .qx(`it lists a referrer whose digest '${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(String(referrer.digest)).slice(0, 100)}' is not a digest`);
            // Only ACTIVE ones count, also when a server ignores the status filter.
            if (any || referrer.artifactStatus === undefined || referrer.artifactStatus === 'ACTIVE')
                referrers.push(referrer);
        }
        nextToken = response.nextToken;
        if (nextToken === undefined || nextToken === '' || (!any && enough(referrers)))
            return referrers;
        if (tokens.has(nextToken))
            throw new _ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnexpectedAnswerError */ .qx('ListImageReferrers sent the same nextToken twice, so its listing would never end');
        tokens.add(nextToken);
    }
    throw new _ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnexpectedAnswerError */ .qx(`ListImageReferrers kept sending a nextToken after ${MAX_PAGES} pages (${MAX_PAGES * 50} referrers)`);
}
function referrerEvidence(referrer) {
    return {
        source: 'referrer',
        digest: referrer.digest ?? '',
        ...(referrer.artifactType !== undefined && { artifactType: referrer.artifactType }),
        ...(referrer.mediaType !== undefined && { mediaType: referrer.mediaType }),
        ...(referrer.annotations !== undefined && { annotations: referrer.annotations })
    };
}
/**
 * A BuildKit index's platform manifests (the platform's alone, with platform) and the attestation
 * manifests it holds for them; an attestation for a digest that is not one of them does not count.
 */
function buildkitAttestations(found) {
    const none = { platforms: [], attestations: [] };
    if (!INDEX_TYPES.has(found.image.imageManifestMediaType ?? ''))
        return none;
    let index;
    try {
        index = JSON.parse(found.image.imageManifest ?? '');
    }
    catch {
        return none;
    }
    const entries = index.manifests ?? [];
    const isAttestation = (entry) => entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
    const all = entries.filter((entry) => !isAttestation(entry) && (0,_image_js__WEBPACK_IMPORTED_MODULE_5__/* .isDigest */ .Bc)(entry.digest)).map((entry) => entry.digest);
    const platforms = found.platformDigest !== undefined ? all.filter((digest) => digest === found.platformDigest) : all;
    const attestations = entries.flatMap((entry) => {
        const subject = entry.annotations?.['vnd.docker.reference.digest'];
        return isAttestation(entry) && (0,_image_js__WEBPACK_IMPORTED_MODULE_5__/* .isDigest */ .Bc)(entry.digest) && typeof subject === 'string' && platforms.includes(subject)
            ? [{ digest: entry.digest, subject }]
            : [];
    });
    return { platforms, attestations };
}
/** The predicate types an attestation manifest's layers are annotated with. */
function attestationEvidence(digest, subject, manifest) {
    try {
        const parsed = JSON.parse(manifest ?? '');
        return (parsed.layers ?? []).flatMap((layer) => {
            const predicateType = layer.annotations?.['in-toto.io/predicate-type'];
            return typeof predicateType === 'string'
                ? [{ source: 'buildkit-attestation', digest, subject, predicateType, mediaType: String(layer.mediaType ?? '') }]
                : [];
        });
    }
    catch {
        return [];
    }
}
/**
 * Whether the evidence meets a requirement: a referrer (or a .sig tag) of the image, or BuildKit
 * attestations for every platform manifest in scope (one platform without its attestation is not attested).
 */
function isMet(entry, evidence, platforms) {
    if (evidence.some((piece) => piece.source !== 'buildkit-attestation' && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, piece)))
        return true;
    return (platforms.length > 0 &&
        platforms.every((platform) => evidence.some((piece) => piece.source === 'buildkit-attestation' && piece.subject === platform && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, piece))));
}
function missingOf(image, required) {
    return required.filter((entry) => !isMet(entry, image.evidence, image.platforms));
}
/** A found image's digest (an index's, for an index). */
function digestOf(found) {
    return found.image.imageId?.imageDigest ?? '';
}
/** A found image that fails after all: its id, a code and the reason. */
function failedWith(found, failureCode, failureReason) {
    return { request: found.request, status: 'failed', failure: { imageId: { ...found.image.imageId }, failureCode, failureReason } };
}
/** Managed signing's statuses, or why they could not be read (a role without the permission). */
async function signingStatuses(found, options) {
    const { request } = found;
    try {
        const sent = options.clientFor(request.region).send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_10__/* .DescribeImageSigningStatusCommand */ .f({
            repositoryName: request.repositoryName,
            ...(request.registryId !== undefined && { registryId: request.registryId }),
            imageId: { imageDigest: digestOf(found) }
        }), { abortSignal: options.signal });
        return (await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .untilAborted */ .Eu)(sent, options.signal)).signingStatuses ?? [];
    }
    catch (error) {
        if (options.signal.aborted)
            throw error;
        const name = (0,_ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error);
        return {
            unknown: name === 'AccessDeniedException'
                ? 'the role may not call ecr:DescribeImageSigningStatus, which would tell whether managed signing is in progress'
                : `whether managed signing is in progress could not be read (${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(name)})`
        };
    }
}
/** The failure of an image that misses kinds: ArtifactMissing (with what was found out), or SigningFailed. */
async function missingFailure(image, missing, options) {
    const { found } = image;
    const digest = digestOf(found);
    const notes = [];
    // An archived or activating one exists: it does not count, and the failure says so.
    const all = await listReferrers(found, digest, true, options);
    for (const entry of missing) {
        const inactive = all.filter((referrer) => referrer.artifactStatus !== 'ACTIVE' && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, referrerEvidence(referrer)));
        if (inactive.length > 0)
            notes.push(`the ${(0,_inputs_artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .requirementName */ .xV)(entry)} exists but is ${[...new Set(inactive.map((referrer) => String(referrer.artifactStatus).toLowerCase()))].join(' or ')} (${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(inactive[0]?.digest ?? '')}), which does not count: restore it`);
    }
    if (missing.some((entry) => entry.kind === 'signature')) {
        const statuses = await signingStatuses(found, options);
        if (!Array.isArray(statuses))
            notes.push(statuses.unknown);
        else {
            const failed = statuses.find((status) => status.status === 'FAILED');
            if (failed !== undefined)
                return failedWith(found, _failure_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .FailureCode */ .mY.SigningFailed, `ECR managed signing failed for ${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(failed.signingProfileArn ?? 'a signing profile')}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(failed.failureCode ?? 'no code')}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(failed.failureReason ?? 'no reason given')}`);
            const running = statuses.filter((status) => status.status === 'IN_PROGRESS');
            if (running.length > 0)
                notes.push(`signing in progress (ECR managed signing, ${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .listNames */ .Zv)(running.map((status) => (0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .safeText */ .Hk)(status.signingProfileArn ?? 'a profile')))})`);
        }
    }
    return failedWith(found, _failure_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .FailureCode */ .mY.ArtifactMissing, `${digest} has no active ${(0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .listNames */ .Zv)(missing.map(_inputs_artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .requirementName */ .xV))}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`);
}
/** At most this many pieces of evidence per kind in the images output (the rest are counted in `omitted`). */
const ARTIFACTS_PER_KIND = 10;
/** The longest annotation value the images output carries. */
const ANNOTATION_LIMIT = 200;
/**
 * A referrer as its own manifest says it is (read by its digest, and checked against it): its subject
 * must be the image, and its artifact type and annotations are the manifest's, whatever the listing said.
 */
function manifestEvidence(result, subject) {
    try {
        const manifest = JSON.parse(result.image.imageManifest ?? '');
        if (manifest.subject?.digest !== subject)
            return undefined;
        const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
        const annotations = Object.fromEntries(Object.entries(manifest.annotations ?? {}).filter((entry) => typeof entry[1] === 'string'));
        return {
            source: 'referrer',
            digest: result.image.imageId?.imageDigest ?? '',
            ...(typeof artifactType === 'string' && { artifactType }),
            ...(result.image.imageManifestMediaType !== undefined && { mediaType: result.image.imageManifestMediaType }),
            ...(Object.keys(annotations).length > 0 && { annotations })
        };
    }
    catch {
        return undefined;
    }
}
/** The evidence that counted, at most ARTIFACTS_PER_KIND per kind, for the images output. */
function counted(image, required) {
    return required.flatMap((entry) => {
        const pieces = image.evidence.filter((evidence) => (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, evidence));
        const shown = pieces.slice(0, ARTIFACTS_PER_KIND).map((evidence) => {
            const annotations = evidence.annotations ?? (evidence.predicateType !== undefined ? { 'in-toto.io/predicate-type': evidence.predicateType } : undefined);
            return {
                kind: (0,_inputs_artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .requirementName */ .xV)(entry),
                ...(evidence.artifactType !== undefined && { artifactType: evidence.artifactType }),
                digest: evidence.digest,
                ...(evidence.mediaType !== undefined && { mediaType: evidence.mediaType }),
                ...(annotations !== undefined && {
                    annotations: Object.fromEntries(Object.entries(annotations)
                        .slice(0, 20)
                        .map(([key, value]) => [key.slice(0, ANNOTATION_LIMIT), String(value).slice(0, ANNOTATION_LIMIT)]))
                })
            };
        });
        const omitted = pieces.length - shown.length + image.unread.filter((piece) => (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, piece)).length;
        return omitted > 0 ? [...shown, { kind: (0,_inputs_artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .requirementName */ .xV)(entry), digest: '', omitted }] : shown;
    });
}
/** The request for another manifest or tag of a found image's repository. */
function sibling(found, id) {
    const { request } = found;
    return {
        requested: `${request.repositoryName}${id.tag !== undefined ? `:${id.tag}` : `@${id.digest ?? ''}`}`,
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        region: request.region,
        id
    };
}
/** Checks every found image of a round for the required kinds; other results pass through unchanged. */
async function checkArtifacts(results, options) {
    const found = results.filter((result) => result.status === 'found');
    if (found.length === 0)
        return [...results];
    const { required } = options;
    // 1. The referrers of each found image.
    const listed = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_11__/* .mapWithConcurrency */ .W)(found, _ecr_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_CONCURRENT_REQUESTS */ .eX, async (result) => {
        try {
            const { platforms } = buildkitAttestations(result);
            // Stop listing once what was listed meets every requirement (a crowded image costs one page, not 200).
            const enough = (listed) => required.every((entry) => listed.some((referrer) => (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, referrerEvidence(referrer))));
            const referrers = await listReferrers(result, digestOf(result), false, options, enough);
            return { found: result, evidence: referrers.map(referrerEvidence), platforms, unread: [] };
        }
        catch (error) {
            return { found: result, error: fromOperation(error, 'ListImageReferrers') };
        }
    });
    const images = listed.filter((image) => !('error' in image));
    // 2. In one batched lookup: the referrers that would count (their manifests are what counts, not the
    // listing), and BuildKit attestations and cosign v2 tags for the images they could still help.
    const extra = [];
    for (const image of images) {
        const missing = missingOf(image, required);
        // Up to ARTIFACTS_PER_KIND listed referrers per kind are read; the listing alone counts for nothing.
        const toRead = new Set();
        for (const entry of required) {
            const pieces = image.evidence.filter((piece) => (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .meets */ .D)(entry, piece));
            for (const piece of pieces.slice(0, ARTIFACTS_PER_KIND))
                toRead.add(piece);
            image.unread.push(...pieces.slice(ARTIFACTS_PER_KIND).filter((piece) => !image.unread.includes(piece)));
        }
        image.evidence = [];
        for (const piece of toRead)
            extra.push({ image, request: sibling(image.found, { digest: piece.digest }), kind: 'referrer' });
        if (missing.length === 0)
            continue;
        if (missing.some((entry) => entry.kind !== 'signature'))
            for (const { digest, subject } of buildkitAttestations(image.found).attestations)
                extra.push({ image, request: sibling(image.found, { digest }), kind: 'attestation', subject });
        if (missing.some((entry) => entry.kind === 'signature'))
            extra.push({ image, request: sibling(image.found, { tag: signatureTag(digestOf(image.found)) }), kind: 'tag' });
    }
    // A .sig tag the round already asked (a reference pinned by digest) is not asked again.
    // Checked again whatever verify-digest says: a .sig manifest must hash to its digest to count.
    const known = (request) => {
        const result = options.knownTags?.get((0,_image_js__WEBPACK_IMPORTED_MODULE_5__/* .requestKey */ .lq)(request));
        return result === undefined ? undefined : (0,_ecr_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .checkDigests */ .ic)([result], _image_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MEDIA_TYPES */ .Ly)[0];
    };
    const ask = extra.filter((entry) => known(entry.request) === undefined);
    // Every manifest read here must hash to its digest (whatever verify-digest says): evidence is not taken on trust.
    const asked = ask.length > 0
        ? (0,_ecr_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .checkDigests */ .ic)(await (0,_ecr_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .lookupImages */ .TD)(ask.map((entry) => entry.request), { ...options, acceptedMediaTypes: _image_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MEDIA_TYPES */ .Ly }), _image_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MEDIA_TYPES */ .Ly)
        : [];
    const failedLookup = new Map();
    extra.forEach((entry) => {
        const result = known(entry.request) ?? asked[ask.indexOf(entry)];
        // A call that failed is the image's error, never a missing kind.
        if (result?.status === 'error' && !failedLookup.has(entry.image))
            failedLookup.set(entry.image, result.error);
        if (result?.status !== 'found')
            return;
        const digest = result.image.imageId?.imageDigest ?? '';
        if (entry.kind === 'referrer') {
            const evidence = manifestEvidence(result, digestOf(entry.image.found));
            if (evidence !== undefined)
                entry.image.evidence.push(evidence);
        }
        else if (entry.kind === 'tag')
            entry.image.evidence.push({
                source: 'cosign-v2-tag',
                digest,
                ...(result.image.imageManifestMediaType !== undefined && { mediaType: result.image.imageManifestMediaType }),
                annotations: { tag: entry.request.id.tag ?? '' }
            });
        else
            entry.image.evidence.push(...attestationEvidence(digest, entry.subject ?? '', result.image.imageManifest));
    });
    // 3. What is still missing, and why.
    const checked = new Map();
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_11__/* .mapWithConcurrency */ .W)(listed, _ecr_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_CONCURRENT_REQUESTS */ .eX, async (image) => {
        if ('error' in image) {
            checked.set(image.found, { request: image.found.request, status: 'error', error: image.error });
            return;
        }
        const lookupError = failedLookup.get(image);
        if (lookupError !== undefined) {
            checked.set(image.found, { request: image.found.request, status: 'error', error: lookupError });
            return;
        }
        const missing = missingOf(image, required);
        try {
            checked.set(image.found, missing.length > 0 ? await missingFailure(image, missing, options) : { ...image.found, artifacts: counted(image, required) });
        }
        catch (error) {
            checked.set(image.found, { request: image.found.request, status: 'error', error: fromOperation(error, 'ListImageReferrers') });
        }
    });
    return results.map((result) => (result.status === 'found' ? (checked.get(result) ?? result) : result));
}


/***/ }),

/***/ 17204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ meets),
/* harmony export */   HG: () => (/* binding */ describeKinds),
/* harmony export */   NR: () => (/* binding */ isSigstoreBundle)
/* harmony export */ });
/** Any v0.x Sigstore bundle (cosign v3, actions/attest-build-provenance). */
const SIGSTORE_BUNDLE = /^application\/vnd\.dev\.sigstore\.bundle\.v0\.\d+\+json$/;
const NOTATION_SIGNATURE = 'application/vnd.cncf.notary.signature';
const IN_TOTO = /^application\/vnd\.in-toto(?:\.[\w.-]+)?\+json$/;
const BUNDLE_CONTENT = 'dev.sigstore.bundle.content';
const BUNDLE_PREDICATE = 'dev.sigstore.bundle.predicateType';
/** The in-toto predicate `cosign sign` v3 signs with (a DSSE envelope, not a message signature). */
const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(?:0\.2|1)$/;
const SBOM_PREDICATE = /^https:\/\/(?:spdx\.dev\/Document|cyclonedx\.org\/bom)(?:\/v?[\d.]+)?$/;
const SBOM_TYPES = new Set(['application/spdx+json', 'application/vnd.cyclonedx+json']);
/** Whether a media type is a Sigstore bundle's (a referrer's artifact type, or its layer's). */
function isSigstoreBundle(type) {
    return SIGSTORE_BUNDLE.test(type) || /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=0\.\d+$/.test(type);
}
/** Whether a piece of evidence meets a requirement. */
function meets(required, evidence) {
    const type = evidence.artifactType ?? '';
    const bundle = isSigstoreBundle(type);
    const attestation = bundle || IN_TOTO.test(type) || evidence.source === 'buildkit-attestation';
    const predicate = evidence.predicateType ?? evidence.annotations?.[BUNDLE_PREDICATE];
    const content = evidence.annotations?.[BUNDLE_CONTENT];
    switch (required.kind) {
        case 'signature':
            return (evidence.source === 'cosign-v2-tag' ||
                type === NOTATION_SIGNATURE ||
                (bundle && (content === 'message-signature' || (content === 'dsse-envelope' && predicate === COSIGN_SIGN))));
        case 'provenance':
            return attestation && SLSA_PROVENANCE.test(predicate ?? '');
        case 'sbom':
            return SBOM_TYPES.has(type) || (attestation && SBOM_PREDICATE.test(predicate ?? ''));
        case 'artifact-type':
            return type.toLowerCase() === required.artifactType;
        case 'predicate-type':
            // Only an attestation has a predicate: an annotation on anything else says nothing.
            return attestation && predicate === required.predicateType;
    }
}
/** The kinds of words a status description uses: `signed`, `attested`, `with SBOMs`. */
function describeKinds(required) {
    const words = required.map((entry) => entry.kind === 'signature' ? 'signed' : entry.kind === 'provenance' ? 'attested' : entry.kind === 'sbom' ? 'with SBOMs' : undefined);
    const known = [...new Set(words.filter((word) => word !== undefined))];
    if (words.some((word) => word === undefined))
        known.push('with the artifacts required');
    return known.length <= 1 ? (known[0] ?? '') : `${known.slice(0, -1).join(', ')} and ${known.at(-1)}`;
}


/***/ })

};

//# sourceMappingURL=875.index.js.map