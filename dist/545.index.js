export const id = 545;
export const ids = [545];
export const modules = {

/***/ 74511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ TEMPLATED),
/* harmony export */   QD: () => (/* binding */ extractReferences),
/* harmony export */   et: () => (/* binding */ chartAppVersion),
/* harmony export */   nA: () => (/* binding */ withoutDigest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6637);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30126);
// Image references in the files users write, with the line each is on and how to pin it in place:
// every `image:` in YAML and JSON (Kubernetes containers, initContainers and ephemeralContainers in
// any workload or template, image volumes' `image: {reference}`, docker compose services, ECS
// containerDefinitions) read with a real parser that keeps source ranges, aliases resolved to their
// anchors; Helm values' `image: {registry?, repository, tag?, digest?}` maps, block or flow; and
// Dockerfile `FROM` lines (a stage named by an earlier `FROM … AS name` is not an image).
// Offsets are into the decoded text (see source.ts); a reference that cannot be pinned in place says why.


/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/;
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i;
/** The reference without its `@digest`. */
function withoutDigest(text) {
    const at = text.indexOf('@');
    return at < 0 ? text : text.slice(0, at);
}
/** The edit that pins a reference written as the text [start, end): its `@digest` replaced, or one appended. */
function referenceEdit(source, start, end) {
    const at = source.slice(start, end).indexOf('@');
    return { start: at < 0 ? end : start + at, end, before: '@', after: '' };
}
/** A scalar's value and where that very text is written in the source, if it is written literally. */
function locate(scalar, source) {
    const value = typeof scalar.value === 'string' ? scalar.value.trim() : String(scalar.source ?? scalar.value ?? '');
    const [start, end] = scalar.range ?? [];
    if (start === undefined || end === undefined)
        return { value, why: 'its place in the file is unknown' };
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const inner = quoted ? { start: start + 1, end: end - 1 } : { start, end };
    const written = source.slice(inner.start, inner.end);
    if (scalar.type === 'PLAIN' || quoted) {
        if (written === value)
            return { value, range: inner };
        return { value, why: quoted ? 'it is written with escapes or across lines' : 'it is written across lines' };
    }
    // A block scalar (`|` or `>`): its one line of content is the reference.
    const lines = written
        .split(/\r?\n/)
        .slice(1)
        .filter((line) => line.trim() !== '');
    if (lines.length === 1 && lines[0]?.trim() === value) {
        const offset = written.indexOf(value, written.indexOf('\n'));
        return { value, range: { start: inner.start + offset, end: inner.start + offset + value.length } };
    }
    return { value, why: 'it is a block scalar written across lines' };
}
function pairOf(map, key) {
    return map.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && item.key.value === key);
}
/** The scalar value of a map's key (a tag of 1.10 stays 1.10, not 1.1). */
function scalarOf(map, key) {
    const value = pairOf(map, key)?.value;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) ? value : undefined;
}
/** The line ending of the line holding `offset`: `\r\n` or `\n` (or the file's, on a last line without one). */
function lineEndAt(source, offset) {
    const newline = source.indexOf('\n', offset);
    if (newline < 0)
        return { at: source.length, eol: source.includes('\r\n') ? '\r\n' : '\n' };
    return source[newline - 1] === '\r' ? { at: newline - 1, eol: '\r\n' } : { at: newline, eol: '\n' };
}
/**
 * Where a Helm map's digest goes: its digest's value when it has one (an empty `digest:` gets a space
 * before the value); else a new key inside the map, after a one-line key of it (never after the map's
 * last key, which may hold a list, a map or a block scalar), with the map's indentation and that
 * line's ending; in a flow map, `, digest: …` after its last value.
 */
function helmDigestEdit(map, source, lines) {
    const digestPair = pairOf(map, 'digest');
    if (digestPair !== undefined) {
        const digest = digestPair.value;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(digest))
            return { why: 'its digest key does not hold a single value' };
        const empty = digest.value === null || digest.value === '';
        const [start, end] = digest.range ?? [];
        if (start === undefined || end === undefined)
            return { why: 'its digest key is written where its place is unknown' };
        if (empty && digest.type === 'PLAIN') {
            // `digest:`, `digest: ~` or `digest: null`: the value replaces what is written, after one space.
            const keyEnd = digestPair.key?.range?.[1] ?? start;
            const colon = source.indexOf(':', keyEnd);
            const from = colon >= 0 && colon < start + 1 ? colon + 1 : start;
            const written = source.slice(from, end);
            const to = from + written.length - written.trimStart().length;
            return { edit: { start: from, end: to + written.trim().length, before: ' ', after: '' } };
        }
        const located = locate(digest, source);
        if (located.range === undefined && !(empty && (digest.type === 'QUOTE_DOUBLE' || digest.type === 'QUOTE_SINGLE')))
            return { why: `its digest ${located.why ?? 'cannot be located'}` };
        const range = located.range ?? { start: start + 1, end: end - 1 };
        return { edit: { ...range, before: '', after: '' } };
    }
    if (map.flow) {
        const last = map.items.at(-1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
        if (lastEnd === undefined)
            return { why: 'it is an empty flow map' };
        const json = pairOf(map, 'repository')?.key?.type === 'QUOTE_DOUBLE';
        return {
            edit: json
                ? { start: lastEnd, end: lastEnd, before: ', "digest": "', after: '"' }
                : { start: lastEnd, end: lastEnd, before: ', digest: ', after: '' }
        };
    }
    // After the tag's line (else the repository's, else another key's written on one line with its
    // value), indented like the map's keys; a map that starts on a list item's line (`- repository: x`)
    // has its keys at that key's column too.
    const byPreference = [pairOf(map, 'tag'), pairOf(map, 'repository'), ...map.items];
    for (const pair of byPreference) {
        if (pair === undefined)
            continue;
        const key = pair.key;
        const value = pair.value;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(value.type ?? ''))
            continue;
        const [keyStart] = key.range ?? [];
        const [, valueEnd] = value.range ?? [];
        if (keyStart === undefined || valueEnd === undefined)
            continue;
        const { line, col } = lines.linePos(keyStart);
        if (line !== lines.linePos(valueEnd).line)
            continue;
        const { at, eol } = lineEndAt(source, valueEnd);
        return { edit: { start: at, end: at, before: `${eol}${' '.repeat(col - 1)}digest: `, after: '' } };
    }
    return { why: 'none of its keys is written on one line with its value, to put a digest key after' };
}
/** A Helm values map: `{registry?, repository, tag?, digest?}`. */
function helmReference(file, map, source, lines) {
    const repository = scalarOf(map, 'repository');
    if (repository === undefined || typeof repository.value !== 'string')
        return undefined;
    const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarOf(map, key));
    const registryText = registry !== undefined && registry.value !== null ? locate(registry, source).value : '';
    const tagText = tag !== undefined && tag.value !== null ? locate(tag, source).value : '';
    const digestText = digest !== undefined && digest.value !== null ? locate(digest, source).value : '';
    const name = [registryText ? `${registryText}/` : '', locate(repository, source).value].join('').replace(/^\/+/, '');
    const line = lines.linePos(repository.range?.[0] ?? 0).line;
    const { edit, why } = helmDigestEdit(map, source, lines);
    const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) };
    const written = digestText ? { writtenDigest: digestText } : {};
    if (tagText === '')
        // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from Chart.yaml beside the file.
        return {
            file,
            line,
            text: digestText ? `${name}@${digestText}` : name,
            ...written,
            ...pinning,
            helmWithoutTag: { ...(edit && { edit }) }
        };
    return { file, line, text: `${name}:${tagText}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning };
}
/** A reference written as one scalar (`image: repo:tag[@digest]`). */
function scalarReference(file, scalar, source, lines) {
    if (typeof scalar.value !== 'string' || scalar.value.trim() === '')
        return undefined;
    const { value, range, why } = locate(scalar, source);
    const at = value.indexOf('@');
    return {
        file,
        line: lines.linePos(range?.start ?? scalar.range?.[0] ?? 0).line,
        text: value,
        ...(at >= 0 && { writtenDigest: value.slice(at + 1) }),
        ...(range ? { edit: referenceEdit(source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
    };
}
/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(file, node, source, lines) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return scalarReference(file, node, source, lines);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    const volume = scalarOf(node, 'reference');
    if (volume !== undefined && pairOf(node, 'repository') === undefined)
        return scalarReference(file, volume, source, lines);
    return helmReference(file, node, source, lines);
}
function yamlReferences(file, source) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const documents = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(source, { lineCounter: lines, uniqueKeys: false });
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
        const error = document.errors[0];
        if (error) {
            const line = error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line;
            throw new _image_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`files: ${file}:${line} is not valid YAML or JSON (${error.message.split('\n')[0]}); fix the file or leave it out of files.`);
        }
    }
    const found = [];
    // Each node is read once: an alias of an anchored reference is that reference (pin edits the anchor).
    const seen = new Set();
    for (const document of list)
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(document, {
            Pair(_key, pair) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) || pair.key.value !== 'image')
                    return;
                const node = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.value) ? pair.value.resolve(document) : pair.value;
                if (node === undefined || seen.has(node))
                    return;
                seen.add(node);
                const reference = referenceOf(file, node, source, lines);
                if (reference)
                    found.push(reference);
            }
        });
    return found;
}
/** `FROM [--platform=…] image [AS name]`; images named by an earlier stage are stages, not images. */
function dockerfileReferences(file, source) {
    const found = [];
    const stages = new Set();
    let offset = 0;
    source.split('\n').forEach((line, index) => {
        const match = /^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
        if (match) {
            const [, from = '', flags = '', image = '', stage] = match;
            if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch') {
                const start = offset + from.length + flags.length;
                const at = image.indexOf('@');
                found.push({
                    file,
                    line: index + 1,
                    text: image,
                    ...(at >= 0 && { writtenDigest: image.slice(at + 1) }),
                    edit: referenceEdit(source, start, start + image.length)
                });
            }
            if (stage)
                stages.add(stage.toLowerCase());
        }
        offset += line.length + 1;
    });
    return found;
}
/** Every image reference in a file's text, in file order. Throws InputError for YAML or JSON that does not parse. */
function extractReferences(file, source) {
    return DOCKERFILE.test(file) ? dockerfileReferences(file, source) : yamlReferences(file, source);
}
/** A chart's `appVersion` as written (1.10 stays 1.10), from the text of its Chart.yaml; undefined when it has none. */
function chartAppVersion(source) {
    const [document] = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(source);
    if (document === undefined || document.errors.length > 0 || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(document.contents))
        return undefined;
    const value = scalarOf(document.contents, 'appVersion');
    if (value === undefined || value.value === null)
        return undefined;
    const text = String(typeof value.value === 'string' ? value.value : (value.source ?? value.value)).trim();
    return text === '' ? undefined : text;
}


/***/ }),

/***/ 6545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pinFound: () => (/* binding */ pinFound)
});

// UNUSED EXPORTS: PinError, pinFiles

// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
// EXTERNAL MODULE: ../src/manifests/extract.ts
var extract = __webpack_require__(74511);
// EXTERNAL MODULE: ../src/manifests/source.ts
var source = __webpack_require__(39521);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ../src/cancel.ts
var cancel = __webpack_require__(19969);
// EXTERNAL MODULE: ../src/concurrency.ts
var concurrency = __webpack_require__(98540);
// EXTERNAL MODULE: ../src/file-errors.ts
var file_errors = __webpack_require__(59825);
;// CONCATENATED MODULE: ../src/manifests/write.ts
// Writing many files all or nothing. Each new file is staged beside its original (a new temporary
// file, created exclusively, with the original's mode and owner), after checking the original still
// holds the bytes that were scanned; only when every one is staged, and no original changed since,
// are they renamed over their originals. A rename that fails puts back the files already renamed, so
// every file is as it was; a temporary file never stays. The runner's cancel (SIGINT, then SIGTERM)
// while staging removes what was staged and renames nothing; once renaming has started it finishes
// (it is quick) before the process ends, and so it does when the step's watchdog ends the process.







/** Files that could not be written: none was changed (or the message names those that could not be put back). */
class WriteError extends Error {
    name = 'WriteError';
}
/** Files staged at once: enough to keep the disk busy, few enough to stop at once on a cancel. */
const STAGING_CONCURRENCY = 8;
/** Whether the file at `path` is still the one that was staged against (same inode, size and time). */
async function unchanged(path, before) {
    const now = await (0,promises_.lstat)(path).catch(() => undefined);
    return now !== undefined && now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs;
}
function changedMessage(file) {
    return `pin: ${(0,src_text/* safeText */.Hk)(file)} changed while the images were looked up, so no file was written; rerun the job to pin what is there now.`;
}
/** A new file beside `path`, created exclusively (never through a link), with `content`, the mode and owner of `like`. */
async function stage(path, content, like, onCreated) {
    const temporary = `${path}.ecr-pin-${(0,external_node_crypto_.randomUUID)()}.tmp`;
    let handle;
    try {
        handle = await (0,promises_.open)(temporary, 'wx', 0o600);
        onCreated(temporary);
        await handle.writeFile(content);
        await handle.chown(like.uid, like.gid).catch(() => undefined); // only root may give a file away
        await handle.chmod(like.mode & 0o7777);
        await handle.close();
    }
    catch (error) {
        await handle?.close().catch(() => undefined);
        if (handle !== undefined)
            await (0,promises_.rm)(temporary, { force: true }).catch(() => undefined);
        throw error;
    }
    return temporary;
}
/** Writes every file or none (see above). Throws WriteError, after removing every temporary file. */
async function writeAllOrNothing(writes, options) {
    if (writes.length === 0)
        return;
    const watch = options.cancel ?? (0,cancel/* watchCancel */.U)();
    let phase = 'staging';
    const staged = [];
    const temporaries = new Set();
    // The watchdog ends the process at once: a staged file is removed; renaming is finished.
    const settleNow = () => {
        if (phase === 'staging')
            for (const temporary of temporaries)
                (0,external_node_fs_.rmSync)(temporary, { force: true });
        else if (phase === 'renaming')
            for (const entry of staged)
                if (!entry.renamed) {
                    (0,external_node_fs_.renameSync)(entry.temporary, entry.write.path);
                    entry.renamed = true;
                }
    };
    const releaseWatchdog = options.deadline?.beforeWatchdogExit(settleNow);
    const removeTemporaries = async () => {
        await Promise.all([...temporaries].map((temporary) => (0,promises_.rm)(temporary, { force: true }).catch(() => undefined)));
        temporaries.clear();
    };
    try {
        options.log(`pin: staging ${writes.length} file(s) beside their originals…`);
        let failedFile;
        try {
            const entries = await (0,concurrency/* mapWithConcurrency */.W)(writes, STAGING_CONCURRENCY, async (write) => {
                try {
                    const stats = await (0,promises_.lstat)(write.path);
                    if (!stats.isFile() || !(await (0,promises_.readFile)(write.path)).equals(write.original))
                        throw new WriteError(changedMessage(write.file));
                    const temporary = await stage(write.path, write.content, stats, (created) => temporaries.add(created));
                    return { write, temporary, stats, renamed: false };
                }
                catch (error) {
                    failedFile ??= write.file;
                    throw error;
                }
            }, () => watch.signal !== undefined);
            const cancelled = watch.signal;
            if (cancelled)
                throw new WriteError(`pin: the run was cancelled (${cancelled}) while the files were being staged: every staged file was removed and no file was changed.`);
            staged.push(...entries);
            // The last look before renaming: an original that changed meanwhile stops every write.
            const moved = await Promise.all(staged.map((entry) => unchanged(entry.write.path, entry.stats)));
            const changed = staged.find((_, index) => !moved[index]);
            if (changed)
                throw new WriteError(changedMessage(changed.write.file));
        }
        catch (error) {
            await removeTemporaries();
            if (error instanceof WriteError)
                throw error;
            throw new WriteError(`pin: could not write ${(0,src_text/* safeText */.Hk)(failedFile ?? 'a file')}: ${(0,file_errors/* describeFileError */.S)(error)}. No file was changed.`);
        }
        phase = 'renaming';
        options.log(`pin: replacing ${staged.length} file(s)…`);
        for (const entry of staged) {
            if (entry.renamed)
                continue;
            try {
                await (0,promises_.rename)(entry.temporary, entry.write.path);
                entry.renamed = true;
                temporaries.delete(entry.temporary);
            }
            catch (error) {
                const notRestored = await putBack(staged.filter((other) => other.renamed));
                await removeTemporaries();
                throw new WriteError(`pin: could not replace ${(0,src_text/* safeText */.Hk)(entry.write.file)}: ${(0,file_errors/* describeFileError */.S)(error)}. ${notRestored.length === 0
                    ? 'Every file is as it was.'
                    : `The files already replaced were put back, except ${(0,src_text/* listNames */.Zv)(notRestored.map(src_text/* safeText */.Hk))}: restore them from git.`}`);
            }
        }
        if (watch.signal)
            options.log(`pin: the run was cancelled (${watch.signal}) while the files were renamed; the renaming finished first.`);
    }
    finally {
        phase = 'done';
        releaseWatchdog?.();
        if (options.cancel === undefined)
            watch.stop();
    }
}
/** Puts the scanned bytes back into files already replaced; returns the files it could not put back. */
async function putBack(renamed) {
    const failed = [];
    for (const entry of renamed)
        try {
            const temporary = await stage(entry.write.path, entry.write.original, entry.stats, () => undefined);
            await (0,promises_.rename)(temporary, entry.write.path).catch(async (error) => {
                await (0,promises_.rm)(temporary, { force: true }).catch(() => undefined);
                throw error;
            });
        }
        catch {
            failed.push(entry.write.file);
        }
    return failed;
}

;// CONCATENATED MODULE: ../src/manifests/pin.ts
// pin: true: each found reference in the scanned files becomes its pinned form (`…:tag@sha256:…`, the
// tag kept for readers; a Helm map gains or updates its `digest` key), edited in the bytes that were
// scanned, so everything else in the file stays byte for byte (any encoding, BOM, line endings, mode).
// Every digest is checked against the digest grammar before it is written; write.ts writes all the
// files or none, and none whose text changed since it was scanned.





/** A file that could not be pinned: the step fails with this message; no file was changed. */
class PinError extends Error {
    name = 'PinError';
}
/**
 * Rewrites the references whose found digest differs from the one written (or that have none).
 * `digestOf` gives the digest ECR returned for a request, when it was found.
 */
async function pinFiles(scan, digestOf, options = { log: () => undefined }) {
    const byFile = new Map();
    for (const [reference, request] of scan.requestOf) {
        const digest = digestOf(request);
        if (digest === undefined || reference.edit === undefined || reference.writtenDigest === digest)
            continue;
        if (!(0,src_image/* isDigest */.Bc)(digest))
            throw new PinError(`pin: ECR answered '${(0,src_text/* safeText */.Hk)(digest)}' for ${(0,src_text/* safeText */.Hk)(reference.text)}, which is not a digest; no file was written.`);
        byFile.set(reference.file, [...(byFile.get(reference.file) ?? []), { reference, digest }]);
    }
    const changes = [];
    const writes = [];
    for (const [file, edits] of byFile) {
        const scanned = scan.sources.get(file);
        if (scanned === undefined)
            throw new PinError(`pin: ${(0,src_text/* safeText */.Hk)(file)} was not scanned; no file was written.`);
        const splices = edits.map(({ reference, digest }) => {
            const edit = reference.edit;
            changes.push({ file, line: reference.line, from: reference.text, to: `${(0,extract/* withoutDigest */.nA)(reference.text)}@${digest}` });
            return { ...edit, text: `${edit.before}${digest}${edit.after}` };
        });
        writes.push({ file, path: scanned.path, original: scanned.source.bytes, content: (0,source/* applySplices */.U)(scanned.source, splices) });
    }
    try {
        await writeAllOrNothing(writes, options);
    }
    catch (error) {
        throw error instanceof WriteError ? new PinError(error.message) : error;
    }
    return { changes, files: [...byFile.keys()] };
}
/** Pins what the report found: each file reference gets the digest ECR returned for it. */
function pinFound(scan, report, options) {
    const digests = new Map(report.found.map((verdict) => [verdict.request, verdict.image.imageId?.imageDigest]));
    return pinFiles(scan, (request) => digests.get(request), options);
}


/***/ }),

/***/ 39521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ decodeSource),
/* harmony export */   U: () => (/* binding */ applySplices)
/* harmony export */ });
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeSource(bytes) {
    try {
        return { bytes, text: UTF8.decode(bytes), encoding: 'utf8' };
    }
    catch {
        return { bytes, text: bytes.toString('latin1'), encoding: 'latin1' };
    }
}
/** The source's bytes with each splice applied (splices must not overlap); the rest byte for byte. */
function applySplices(source, splices) {
    const sorted = [...splices].sort((a, b) => a.start - b.start);
    const parts = [];
    let charAt = 0;
    let byteAt = 0;
    const byteOffset = (char) => {
        // Offsets grow, so each stretch of text is measured once.
        byteAt += source.encoding === 'utf8' ? Buffer.byteLength(source.text.slice(charAt, char), 'utf8') : char - charAt;
        charAt = char;
        return byteAt;
    };
    let copied = 0;
    for (const splice of sorted) {
        if (splice.start < charAt)
            throw new Error(`overlapping edits at ${splice.start}`);
        const start = byteOffset(splice.start);
        parts.push(source.bytes.subarray(copied, start), Buffer.from(splice.text, 'latin1'));
        copied = byteOffset(splice.end);
    }
    parts.push(source.bytes.subarray(copied));
    return Buffer.concat(parts);
}


/***/ })

};

//# sourceMappingURL=545.index.js.map