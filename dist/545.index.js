export const id = 545;
export const ids = [545];
export const modules = {

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
// EXTERNAL MODULE: ../src/manifests/extract.ts + 4 modules
var extract = __webpack_require__(72450);
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
/**
 * Whether the file at `path` is still the one that was staged against: the same inode, size and time,
 * reached through the same folders (no folder on the way became a link since the scan).
 */
async function unchanged(path, before) {
    const now = await (0,promises_.lstat)(path).catch(() => undefined);
    if (now === undefined || now.ino !== before.ino || now.size !== before.size || now.mtimeMs !== before.mtimeMs)
        return false;
    return (await (0,promises_.realpath)(path).catch(() => undefined)) === path;
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
            for (const entry of staged) {
                if (entry.renamed)
                    continue;
                try {
                    (0,external_node_fs_.renameSync)(entry.temporary, entry.write.path);
                }
                catch {
                    // A rename in flight has already moved it (ENOENT); any other failure leaves this one as it was.
                }
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
                    const stats = await (0,promises_.lstat)(write.path).catch((error) => {
                        // A file deleted since the scan has changed too.
                        if (error.code === 'ENOENT')
                            throw new WriteError(changedMessage(write.file));
                        throw error;
                    });
                    const moved = (await (0,promises_.realpath)(write.path)) !== write.path;
                    if (moved || !stats.isFile() || !(await (0,promises_.readFile)(write.path)).equals(write.original))
                        throw new WriteError(changedMessage(write.file));
                    const temporary = await stage(write.path, write.content, stats, (created) => temporaries.add(created));
                    return { write, temporary, stats, renamed: false };
                }
                catch (error) {
                    failedFile ??= write.file;
                    throw error;
                }
            }, () => watch.signal !== undefined);
            staged.push(...entries.filter((entry) => entry !== undefined));
            // The last look before renaming: an original that changed meanwhile stops every write, and so
            // does a cancel that came while staging.
            const same = await Promise.all(staged.map((entry) => unchanged(entry.write.path, entry.stats)));
            const cancelled = watch.signal;
            if (cancelled)
                throw new WriteError(`pin: the run was cancelled (${cancelled}) while the files were being staged: every staged file was removed and no file was changed.`);
            const changed = staged.find((_, index) => !same[index]);
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
    if (scan.requestOf.size === 0)
        return { changes: [], left: [], files: [], notWritten: 'there is no reference to pin.' };
    const left = [];
    for (const [reference, request] of scan.requestOf) {
        const digest = digestOf(request);
        if (digest === undefined)
            left.push({ file: reference.file, line: reference.line, text: reference.text });
        if (digest === undefined || reference.edit === undefined || (reference.writtenDigest === digest && reference.rewrite !== true))
            continue;
        if (!(0,src_image/* isDigest */.Bc)(digest))
            throw new PinError(`pin: ECR answered '${(0,src_text/* safeText */.Hk)(digest)}' for ${(0,src_text/* safeText */.Hk)(reference.text)}, which is not a digest; no file was written.`);
        const edits = byFile.get(reference.file) ?? [];
        edits.push({ reference, digest });
        byFile.set(reference.file, edits);
    }
    const changes = [];
    const writes = [];
    for (const [file, edits] of byFile) {
        // Reading back takes time on large files: a cancel is heard between them, before anything is staged.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.cancel?.signal !== undefined)
            throw new PinError(`pin: the run was cancelled (${options.cancel.signal}) while the pinned files were prepared: nothing was staged and no file was changed.`);
        const scanned = scan.sources.get(file);
        if (scanned === undefined)
            throw new PinError(`pin: ${(0,src_text/* safeText */.Hk)(file)} was not scanned; no file was written.`);
        const splices = edits.map(({ reference, digest }) => {
            const edit = reference.edit;
            // What the file will read: the text with the edit applied (a Lambda URI loses its tag).
            const start = edit.end - reference.text.length;
            const source = scanned.source.text;
            const to = start >= 0 && source.slice(start, edit.end) === reference.text && edit.start >= start
                ? `${source.slice(start, edit.start)}${edit.before}${digest}${edit.after}`
                : `${(0,src_image/* withoutDigest */.nA)(reference.text)}@${digest}`;
            changes.push({ file, line: reference.line, from: reference.text, to });
            return { ...edit, text: `${edit.before}${digest}${edit.after}` };
        });
        let content;
        try {
            content = (0,source/* applySplices */.U)(scanned.source, splices);
        }
        catch (error) {
            throw new PinError(`pin: ${(0,src_text/* safeText */.Hk)(file)} would take ${(0,src_text/* errorMessage */.gJ)(error)}, so no file was written; write each reference once.`);
        }
        const unread = readsBack(file, scanned, content, edits);
        if (unread !== undefined)
            throw new PinError(`pin: the pinned ${(0,src_text/* safeText */.Hk)(file)} would not read back as pinned (${unread}), so no file was written; please report this with the file's shape.`);
        writes.push({ file, path: scanned.path, original: scanned.source.bytes, content });
    }
    try {
        await writeAllOrNothing(writes, options);
    }
    catch (error) {
        throw error instanceof WriteError ? new PinError(error.message) : error;
    }
    return { changes, left, files: [...byFile.keys()] };
}
/**
 * Why the pinned bytes would not read back as intended, if they would not: the file is read again as
 * the scan read it (`read`), and every reference must be there, in the same order, each edited one
 * (found at its place in the scan's `references`) with its new digest and every other one exactly as
 * it was (a digest added to an anchored map must not reach a map that merges it); a file that was JSON
 * must still be JSON. The last check before anything is written.
 */
function readsBack(file, before, content, edits) {
    const after = (0,source/* decodeSource */.E)(content);
    let references;
    try {
        references = (0,extract/* extractReferences */.Q)(file, after.text);
    }
    catch (error) {
        return (0,src_text/* errorMessage */.gJ)(error).replace(/^files: /, '');
    }
    if (references.length !== before.read.length)
        return `${before.read.length} reference(s) would become ${references.length}`;
    const pinned = new Map(edits.map(({ reference, digest }) => [before.references.indexOf(reference), digest]));
    for (const [index, was] of before.read.entries()) {
        const now = references[index];
        const digest = pinned.get(index);
        const same = digest !== undefined ? now?.writtenDigest === digest : now?.text === was.text && now?.writtenDigest === was.writtenDigest;
        if (!same)
            return `the reference at line ${was.line} would read ${(0,src_text/* safeText */.Hk)(now?.text ?? 'nothing')}`;
    }
    if (isJson(before.source.text) && !isJson(after.text))
        return 'it would no longer be JSON';
    return undefined;
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
/** Pins what the report found: each file reference gets the digest ECR returned for it. */
function pinFound(scan, report, options) {
    // By what was asked, not by request: the report keeps one of references written alike on one line.
    const digests = new Map(report.found.map((verdict) => [(0,src_image/* requestKey */.lq)(verdict.request), verdict.image.imageId?.imageDigest]));
    return pinFiles(scan, (request) => digests.get((0,src_image/* requestKey */.lq)(request)), options);
}


/***/ })

};

//# sourceMappingURL=545.index.js.map