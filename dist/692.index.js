export const id = 692;
export const ids = [692];
export const modules = {

/***/ 30692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote),
  promotionEcr: () => (/* binding */ promotionEcr)
});

// EXTERNAL MODULE: ../src/deadline.ts
var deadline = __webpack_require__(61035);
// EXTERNAL MODULE: ../src/failure-codes.ts + 1 modules
var failure_codes = __webpack_require__(45329);
// EXTERNAL MODULE: ../src/ecr/errors.ts
var errors = __webpack_require__(23175);
// EXTERNAL MODULE: ../src/ecr/lookup.ts + 1 modules
var lookup = __webpack_require__(77784);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecr/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(18323);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecr/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(26062);
;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-ecr/dist-es/commands/PutImageCommand.js


class PutImageCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PutImage", schemas_0/* PutImage$ */.Jcz) {
}

// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
;// CONCATENATED MODULE: ../src/ecr/put-image.ts
// Writing a tag with PutImage, for promotion: the manifest exactly as ECR returned it, with its media
// type and digest, so ECR stores the same bytes under one more tag; and each PutImage error in one
// sentence (transport errors, throttling and server errors are said as for lookups). Loaded only with
// promote-tags.





/** Names of the PutImage errors that mean "the tag exists": which one a server sends for what varies (emulators differ from AWS). */
const TAG_EXISTS_ERRORS = new Set(['ImageAlreadyExistsException', 'ImageTagAlreadyExistsException']);
/** PutImage of `target`; throws the SDK's error. */
async function putImage(target, clients) {
    const sent = clients.clientFor(target.region).send(new PutImageCommand({
        repositoryName: target.repositoryName,
        ...(target.registryId !== undefined && { registryId: target.registryId }),
        imageManifest: target.manifest,
        imageManifestMediaType: target.mediaType,
        imageTag: target.tag,
        imageDigest: target.digest
    }), { abortSignal: clients.signal });
    await (0,deadline/* untilAborted */.Eu)(sent, clients.signal);
}
/** One sentence for a PutImage that failed: what went wrong and what to do. */
function describePutError(error, target) {
    const repository = (0,src_image/* describeRepository */.MD)(target);
    const tag = (0,src_text/* safeText */.Hk)(target.tag);
    const said = (0,errors/* awsSaid */.pH)(error);
    switch ((0,errors/* errorName */.Is)(error)) {
        case 'AccessDeniedException':
            return `Access denied tagging ${tag} in ${repository}: the role needs the IAM permission ecr:PutImage on that repository (ecr:BatchGetImage alone looks images up but cannot tag them).${said}`;
        case 'LayersNotFoundException':
            return `ECR does not have the layers of ${target.digest} in ${repository}, so it cannot tag it there: promotion works inside the repository that holds the image; push or replicate the image there first.${said}`;
        case 'ReferencedImagesNotFoundException':
            return `${repository} does not hold the per-platform images the index ${target.digest} lists, so ECR cannot tag it there: promotion works inside the repository that holds the whole multi-platform image; push it there first.${said}`;
        case 'ImageDigestDoesNotMatchException':
            return `ECR computed another digest than ${target.digest} for the manifest sent to tag ${tag}: it changed on its way to ECR (something between the runner and ECR rewrote it), so nothing was tagged. Check any proxy or AWS_ENDPOINT_URL_ECR, and retry.${said}`;
        case 'InvalidParameterException':
            return `ECR rejected tagging ${tag} in ${repository} as invalid.${said}`;
        case 'LimitExceededException':
            return `ECR refused to tag ${tag} in ${repository}: a service limit was reached (LimitExceededException)${(0,errors/* attemptsText */.MV)(error)}, such as the images a repository may hold. Check the ECR service quotas, clean up or ask for an increase, then rerun.${said}`;
        case 'KmsException':
            return `ECR could not use the KMS key that encrypts ${repository} to tag ${tag} (KmsException): check that the key is enabled and its key policy allows ECR for this role, then rerun.${said}`;
        default: {
            // Only an answer says the write did not happen (ECR's own, or a refusal on the way that never
            // reached ECR); a timeout, a lost connection or a gateway's 5xx do not.
            const unknown = (0,errors/* answeredBy */.dd)(error) === 'unknown' ? ` ECR may or may not have written ${tag}.` : '';
            return `${(0,errors/* describeCallError */.iR)(error, target, 'PutImage')}${unknown}`;
        }
    }
}

// EXTERNAL MODULE: ../src/ecr/digest.ts
var ecr_digest = __webpack_require__(86796);
;// CONCATENATED MODULE: ../src/promote/plan.ts
// The promotion's plan, pure: which found images may be promoted (the exact bytes ECR stores under
// their digest, never a conversion), every image-and-tag target, each target's state from one read of
// the tags (absent, already on the image, on another image), and the order of the writes: new tags for
// all images first, then moved ones. Also the promotion's vocabulary, which the report shares.



/** The codes of failures that are this action's own (PutImage's failures keep ECR's exception names). */
const PromoteError = {
    /** The tag is on another image, and promote-overwrite is never. */
    TagOnAnotherImage: 'TagOnAnotherImage',
    /** The tag is on another image and ECR will not move it. */
    TagImmutable: 'TagImmutable',
    /** The image's manifest is not the bytes stored under its digest (or may not be). */
    NotPromotable: 'NotPromotable',
    /** The tag could not be read before writing. */
    TagNotRead: 'TagNotRead',
    /** The step's timeout passed while this tag was being written: it may or may not be written. */
    TimedOut: 'TimedOut',
    /** Something on the way (a proxy, a firewall, a redirect) answered PutImage instead of ECR: not written. */
    NotEcrAnswer: 'NotEcrAnswer',
    /** PutImage got no answer (a lost connection, a stall, a gateway's 5xx page): it may or may not be written. */
    NoAnswer: 'NoAnswer'
};
const CONVERSION_TEXT = {
    'digest-schema1': 'is a schema 1 manifest, which ECR only ever makes by converting: tagging it would store another image',
    'digest-converted': 'was looked up by tag with accepted-media-types narrowed, so ECR may have converted its manifest: tagging that would store another image. Leave accepted-media-types at its default'
};
/** The media types a read of the tags accepts: every stored type, so ECR converts nothing. */
const READ_MEDIA_TYPES = [...src_image/* DEFAULT_MEDIA_TYPES */.Ly, ...src_image/* SCHEMA1_MEDIA_TYPES */.uM];
/**
 * The found images that may be promoted, each once (two requests for one image in one repository are
 * one source), and those that may not: no manifest or media type, a manifest ECR may have converted,
 * or one whose sha256 is not its digest.
 */
function promotionSources(found, acceptedMediaTypes) {
    const sources = [];
    const refused = [];
    const seen = new Set();
    for (const verdict of found) {
        const { image, request } = verdict;
        const digest = image.imageId?.imageDigest ?? '';
        const registryId = image.registryId ?? request.registryId;
        const where = { request, ...(registryId !== undefined && { registryId }), digest };
        const key = `${(0,src_image/* repositoryKey */.Kq)(request)}|${digest}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const manifest = image.imageManifest;
        const mediaType = image.imageManifestMediaType;
        if (digest === '' || manifest === undefined || mediaType === undefined) {
            refused.push({ ...where, why: 'was returned by ECR without its digest, manifest or media type' });
            continue;
        }
        const risk = (0,ecr_digest/* conversionRisk */.i5)({ ...verdict, status: 'found' }, acceptedMediaTypes);
        const actual = (0,ecr_digest/* sha256 */.sc)(manifest);
        const why = risk !== undefined
            ? CONVERSION_TEXT[risk]
            : actual !== digest
                ? `has a manifest that hashes to ${actual}, not to its digest ${digest}: ECR did not return the bytes it stores`
                : undefined;
        if (why !== undefined) {
            refused.push({ ...where, why });
            continue;
        }
        sources.push({ ...where, manifest, mediaType });
    }
    return { sources, refused };
}
/** Every image with every tag, in input order. */
function promotionTargets(sources, tags) {
    return sources.flatMap((source) => tags.map((tag) => ({ source, tag })));
}
/** The read of a target's tag, as a lookup request in the image's own repository. */
function tagRequest(target) {
    const { request } = target.source;
    return {
        requested: `${request.repositoryName}:${target.tag}`,
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        region: request.region,
        id: { tag: target.tag }
    };
}
/** A read's result as a tag state: ImageNotFound is an absent tag; any other failure, or an error, is unreadable. */
function tagStateOf(result) {
    if (result.status === 'found')
        return { kind: 'on', digest: result.image.imageId?.imageDigest ?? '' };
    if (result.status === 'failed') {
        if (result.failure.failureCode === failure_codes/* FailureCode */.mY.ImageNotFound)
            return { kind: 'absent' };
        return {
            kind: 'unreadable',
            why: `${result.failure.failureCode ?? 'no code'}: ${result.failure.failureReason ?? ''}`,
            ...(result.failure.failureCode !== undefined && { code: result.failure.failureCode })
        };
    }
    return { kind: 'unreadable', why: 'the request failed' };
}
/** Each target's action from its tag's state (never unreadable here) and promote-overwrite. */
function classify(target, state, overwrite) {
    if (state.kind === 'absent')
        return { target, action: 'create' };
    if (state.digest === target.source.digest)
        return { target, action: 'unchanged' };
    return { target, action: overwrite === 'always' ? 'move' : 'conflict', previousDigest: state.digest };
}
/** The writes, in order: every new tag (input order), then every moved one (input order). */
function writeOrder(planned) {
    return [...planned.filter((tag) => tag.action === 'create'), ...planned.filter((tag) => tag.action === 'move')];
}
/** An entry of the promoted output: one tag on one image (a source, or a refused one). */
function promotedTag(target, result, previousDigest, error) {
    return {
        repository: target.source.request.repositoryName,
        registryId: target.source.registryId ?? null,
        tag: target.tag,
        digest: target.source.digest,
        previousDigest: previousDigest ?? null,
        result,
        ...(error !== undefined && { error })
    };
}
/**
 * The promotion's result from its tags and whether it stopped on a failure: every tag on its image,
 * some written before a failure, or none.
 */
function promoteResultOf(tags, dryRun, stoppedOnFailure = false) {
    const failed = stoppedOnFailure || tags.some((tag) => tag.result === 'failed');
    if (dryRun)
        return failed ? 'failed' : 'dry-run';
    if (!failed)
        return 'success';
    return tags.some((tag) => tag.result === 'created' || tag.result === 'moved') ? 'partial' : 'failed';
}

;// CONCATENATED MODULE: ../src/promote/promote.ts
// Promotion, once the gate passed: refuse images whose bytes may not be what ECR stores, read every
// target tag in one batched lookup, stop before any write on a conflict (or, in a dry run, stop
// there), then write the new tags and the moved ones in order with PutImage, stopping at the first
// failure. "The tag exists" answers are judged by reading the tag again, never by the error's code.
// Loaded only with promote-tags.







/** The real thing, through the run's clients. */
function promotionEcr(clients) {
    return {
        readTags: (requests) => (0,lookup/* lookupImages */.TD)(requests, { acceptedMediaTypes: READ_MEDIA_TYPES, ...clients }),
        put: (target) => putImage(target, clients)
    };
}
/** `team/api:v1.4.0`. */
function promote_name(target) {
    return (0,src_text/* safeText */.Hk)(`${target.source.request.repositoryName}:${target.tag}`);
}
function putTarget(target) {
    const { request, digest, manifest, mediaType } = target.source;
    return {
        repositoryName: request.repositoryName,
        ...(request.registryId !== undefined && { registryId: request.registryId }),
        region: request.region,
        tag: target.tag,
        digest,
        manifest,
        mediaType
    };
}
/** The promotion as it stands (done or stopped): every target not decided is skipped; `failure` fails the step. */
function promotionOf(targets, decided, failure, dryRun) {
    const tags = targets.map((target) => decided.get(target) ?? promotedTag(target, 'skipped'));
    return { result: promoteResultOf(tags, dryRun, failure !== undefined), tags, ...(failure !== undefined && { failure }) };
}
/** Puts every tag on every found image, as planned; see the file's comment. */
async function promote(found, settings, ecr, context) {
    const { sources, refused } = promotionSources(found, context.acceptedMediaTypes);
    if (refused.length > 0) {
        const [first] = refused;
        const tags = refused.flatMap((refusal) => settings.tags.map((tag) => promotedTag({ source: refusal, tag }, 'failed', undefined, PromoteError.NotPromotable)));
        const all = [...tags, ...promotionTargets(sources, settings.tags).map((target) => promotedTag(target, 'skipped'))];
        return {
            result: 'failed',
            tags: all,
            failure: `Not promoted: ${(0,src_text/* safeText */.Hk)(first?.request.requested ?? '')} ${first?.why ?? ''}; no tag was written.${refused.length > 1 ? ` (${refused.length - 1} more image(s) cannot be promoted either.)` : ''}`
        };
    }
    // The plan: one batched read of every target tag.
    const targets = promotionTargets(sources, settings.tags);
    const reads = await ecr.readTags(targets.map(tagRequest));
    const decided = new Map();
    if (context.deadline.expired)
        return promotionOf(targets, decided, `Timed out: the step's timeout of ${(0,src_text/* formatDuration */.a3)(context.deadline.timeoutMs)} passed while the promote-tags were read, so no tag was written; raise timeout, or rerun the job.`, settings.dryRun);
    const planned = [];
    for (const [index, target] of targets.entries()) {
        const read = reads[index];
        const state = tagStateOf(read);
        if (state.kind === 'unreadable') {
            decided.set(target, promotedTag(target, 'failed', undefined, PromoteError.TagNotRead));
            const why = read.status === 'error'
                ? (0,errors/* describeCallError */.iR)(read.error, target.source.request)
                : (0,failure_codes/* describeFailureCode */.Ps)(state.code).origin === 'action'
                    ? `Reading ${promote_name(target)} failed: ${(0,src_text/* safeText */.Hk)(state.why)}.`
                    : `ECR answered ${(0,src_text/* safeText */.Hk)(state.why)} for ${promote_name(target)}.`;
            return promotionOf(targets, decided, `No tag was written: reading the promote-tags first failed. ${why}`, settings.dryRun);
        }
        planned.push(classify(target, state, settings.overwrite));
    }
    for (const tag of planned)
        if (tag.action === 'unchanged')
            decided.set(tag.target, promotedTag(tag.target, 'unchanged'));
    const conflicts = planned.filter((tag) => tag.action === 'conflict');
    for (const tag of conflicts)
        decided.set(tag.target, promotedTag(tag.target, 'failed', tag.previousDigest, PromoteError.TagOnAnotherImage));
    if (conflicts.length > 0)
        return promotionOf(targets, decided, `Not promoted: ${(0,src_text/* listNames */.Zv)(conflicts.map((tag) => `${promote_name(tag.target)} (on ${(0,src_text/* safeText */.Hk)(tag.previousDigest ?? '')}, not ${tag.target.source.digest})`))} ${conflicts.length === 1 ? 'is' : 'are'} already on another image and promote-overwrite is never, so no tag ${settings.dryRun ? 'would be' : 'was'} written. Set promote-overwrite: always to move ${conflicts.length === 1 ? 'it' : 'them'}, or choose other tags.`, settings.dryRun);
    const writes = writeOrder(planned);
    context.log(`Promotion plan: ${writes.filter((tag) => tag.action === 'create').length} tag(s) to create, ${writes.filter((tag) => tag.action === 'move').length} to move, ${decided.size} already on their image${settings.dryRun ? ' (dry run: nothing is written)' : ''}.`);
    if (settings.dryRun) {
        for (const tag of writes)
            decided.set(tag.target, promotedTag(tag.target, 'planned', tag.previousDigest));
        return promotionOf(targets, decided, undefined, true);
    }
    /** What was written so far and what is left, for the sentence a stop ends with. */
    const progress = (index, attempted) => {
        const written = [...decided.values()].filter((entry) => entry.result === 'created' || entry.result === 'moved').length;
        const left = writes.length - index - (attempted ? 1 : 0);
        return `${written > 0 ? `${written} tag(s) were written before it` : 'No tag was written before it'}${left > 0 ? `, ${left} not attempted` : ''} (see the promoted output)`;
    };
    for (const [index, tag] of writes.entries()) {
        if (context.deadline.expired)
            return promotionOf(targets, decided, `Timed out: the step's timeout of ${(0,src_text/* formatDuration */.a3)(context.deadline.timeoutMs)} passed before ${promote_name(tag.target)} could be written. ${progress(index, false)}; rerun the job: tags already on their image are left as they are.`, false);
        const outcome = await write(tag, ecr, context);
        decided.set(tag.target, outcome.tag);
        if (outcome.failure !== undefined)
            return promotionOf(targets, decided, `Promotion stopped at ${promote_name(tag.target)}: ${outcome.failure} ${progress(index, true)}; rerun once it is fixed: tags already on their image are left as they are.`, false);
    }
    return promotionOf(targets, decided, undefined, false);
}
/** One PutImage and what it means for the tag. */
async function write({ target: tag, action, previousDigest }, ecr, context) {
    const result = action === 'move' ? 'moved' : 'created';
    const target = putTarget(tag);
    try {
        await ecr.put(target);
        return { tag: promotedTag(tag, result, previousDigest) };
    }
    catch (error) {
        // An error code is ECR's exception name, or one of the action's own when ECR did not answer.
        const answered = (0,errors/* answeredBy */.dd)(error);
        const code = answered === 'ecr' ? (0,errors/* errorName */.Is)(error) : answered === 'refused' ? PromoteError.NotEcrAnswer : PromoteError.NoAnswer;
        if (error instanceof deadline/* DeadlineError */.j3 || context.deadline.expired)
            return {
                tag: promotedTag(tag, 'failed', previousDigest, PromoteError.TimedOut),
                failure: `the step's timeout of ${(0,src_text/* formatDuration */.a3)(context.deadline.timeoutMs)} passed while it was being written, so ECR may or may not have written it.`
            };
        if (!TAG_EXISTS_ERRORS.has(code))
            return { tag: promotedTag(tag, 'failed', previousDigest, code), failure: describePutError(error, target) };
        // "Already exists": which image is the tag on now? Servers differ in the code they send for what.
        const [read] = await ecr.readTags([tagRequest(tag)]);
        const state = read !== undefined ? tagStateOf(read) : { kind: 'unreadable', why: 'no answer' };
        if (state.kind === 'on' && state.digest === tag.source.digest)
            return { tag: promotedTag(tag, 'unchanged') };
        if (state.kind === 'on')
            return {
                tag: promotedTag(tag, 'failed', state.digest, PromoteError.TagImmutable),
                failure: `it is on ${(0,src_text/* safeText */.Hk)(state.digest)} and cannot be moved: the tag is immutable in '${(0,src_text/* safeText */.Hk)(target.repositoryName)}' (${(0,src_text/* safeText */.Hk)(code)}). Choose another tag, or exclude it from the repository's tag immutability (an exclusion filter).`
            };
        return {
            tag: promotedTag(tag, 'failed', previousDigest, code),
            failure: `ECR answered ${(0,src_text/* safeText */.Hk)(code)} (the tag exists), but ${state.kind === 'absent' ? 'reading the tag back found no image' : `the tag could not be read back (${(0,src_text/* safeText */.Hk)(state.why)})`}; rerun the job.`
        };
    }
}


/***/ })

};

//# sourceMappingURL=692.index.js.map