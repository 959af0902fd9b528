export const id = 371;
export const ids = [371];
export const modules = {

/***/ 22371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolvePlatforms: () => (/* binding */ resolvePlatforms)
/* harmony export */ });
/* unused harmony export selectPlatform */
/* harmony import */ var _failure_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45329);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30126);
/* harmony import */ var _inputs_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77266);
// The platform input at work: pick a platform's manifest out of an OCI index or Docker manifest list,
// and prove that manifest exists by fetching it by digest.



function describePlatform(descriptor) {
    const platform = descriptor.platform ?? {};
    return [platform.os, platform.architecture, platform.variant].filter((part) => typeof part === 'string').join('/') || 'unknown';
}
/**
 * The child manifest for `platform` in an index's text: the digest, or the platforms it does have.
 * Without a variant in `platform`, any variant matches (linux/arm64 matches linux/arm64/v8).
 */
function selectPlatform(indexText, platform) {
    let manifests = [];
    try {
        const parsed = JSON.parse(indexText);
        if (Array.isArray(parsed.manifests))
            manifests = parsed.manifests;
    }
    catch {
        return { available: [] };
    }
    const match = manifests.find((descriptor) => 
    // An attestation manifest is never the platform's image, whatever platform it names.
    descriptor.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        descriptor.platform?.os === platform.os &&
        descriptor.platform?.architecture === platform.architecture &&
        (platform.variant === undefined || descriptor.platform?.variant === platform.variant) &&
        typeof descriptor.digest === 'string');
    if (match)
        return { digest: match.digest };
    // Attestation manifests (platform unknown/unknown) are not platforms a user can ask for.
    return { available: manifests.map(describePlatform).filter((name) => name !== 'unknown/unknown') };
}
function platformNotFound(result, reason) {
    return {
        request: result.request,
        status: 'failed',
        failure: { imageId: result.image.imageId, failureCode: _failure_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .FailureCode */ .mY.PlatformNotFound, failureReason: reason }
    };
}
/**
 * For each found image: a plain manifest is its own platform digest; an index gets the digest of
 * its manifest for `platform`, after that manifest is fetched by digest (with `fetch`, which also
 * checks digests when verify-digest is on) to prove it exists. An index without the platform, or
 * whose platform manifest is missing, becomes a PlatformNotFound failure; a platform manifest that
 * fails the digest check makes the image a DigestMismatch.
 */
async function resolvePlatforms(results, platform, fetch) {
    const wanted = (0,_inputs_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlatform */ .B)(platform);
    const children = new Map();
    const resolved = results.map((result, index) => {
        if (result.status !== 'found')
            return result;
        const mediaType = result.image.imageManifestMediaType ?? '';
        const digest = result.image.imageId?.imageDigest;
        // A single-platform manifest does not say its platform (that is in its config blob): it stands for itself.
        if (!_image_js__WEBPACK_IMPORTED_MODULE_1__/* .INDEX_MEDIA_TYPES */ .kA.has(mediaType))
            return digest ? { ...result, platformDigest: digest, unchecked: [...(result.unchecked ?? []), 'platform-single-manifest'] } : result;
        const choice = selectPlatform(result.image.imageManifest ?? '', platform);
        if ('available' in choice)
            return platformNotFound(result, `the image index has no ${wanted} manifest (it has ${choice.available.join(', ') || 'no platforms'})`);
        children.set(index, { ...result.request, requested: `${result.request.requested} (${wanted})`, id: { digest: choice.digest } });
        return result;
    });
    if (children.size === 0)
        return resolved;
    const fetched = await fetch([...children.values()]);
    let next = 0;
    for (const [index, child] of children) {
        const answer = fetched[next++];
        const parent = resolved[index];
        const digest = child.id.digest;
        if (answer?.status === 'error')
            resolved[index] = { request: parent.request, status: 'error', error: answer.error };
        else if (answer?.status === 'failed' && answer.failure.failureCode === _failure_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .FailureCode */ .mY.DigestMismatch)
            resolved[index] = {
                request: parent.request,
                status: 'failed',
                failure: { ...answer.failure, imageId: parent.image.imageId, failureReason: `${wanted}: ${answer.failure.failureReason}` }
            };
        else if (answer?.status !== 'found')
            resolved[index] = platformNotFound(parent, `the image index lists ${wanted} as ${digest}, but ECR has no such manifest (${answer?.failure.failureCode ?? 'no answer'})`);
        else
            resolved[index] = { ...parent, platformDigest: digest };
    }
    return resolved;
}


/***/ })

};

//# sourceMappingURL=371.index.js.map