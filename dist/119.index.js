export const id = 119;
export const ids = [119];
export const modules = {

/***/ 77119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanFiles: () => (/* binding */ scanFiles)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../src/file-errors.ts
var file_errors = __webpack_require__(59825);
// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/inputs/references.ts
var references = __webpack_require__(73939);
// EXTERNAL MODULE: ../src/registry-host.ts
var registry_host = __webpack_require__(78791);
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
// EXTERNAL MODULE: ../src/manifests/extract.ts + 4 modules
var extract = __webpack_require__(72450);
// EXTERNAL MODULE: ../src/manifests/reference.ts
var manifests_reference = __webpack_require__(11547);
// EXTERNAL MODULE: ../src/manifests/yaml-references.ts + 2 modules
var yaml_references = __webpack_require__(9001);
// EXTERNAL MODULE: ../src/inputs/files.ts
var files = __webpack_require__(87894);
;// CONCATENATED MODULE: ../src/manifests/find.ts




const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
function compile(glob) {
    const regex = (0,files/* globToRegExp */.tL)(glob);
    const matches = (path) => regex.test(path);
    if (/\{[^}]*\/[^}]*\}/.test(glob))
        return { matches, start: [0], step: () => [0] };
    const segments = glob.split('/').map((part) => (part === '**' ? '**' : (0,files/* globToRegExp */.tL)(part)));
    const closure = (state) => {
        const all = new Set(state);
        for (const j of all)
            if (segments[j] === '**')
                all.add(j + 1);
        return [...all].sort((a, b) => a - b);
    };
    return {
        matches,
        start: closure([0]),
        step: (state, name) => {
            const next = [];
            for (const j of state) {
                const segment = segments[j];
                if (segment === '**')
                    next.push(j);
                else if (segment !== undefined && j < segments.length - 1 && segment.test(name))
                    next.push(j + 1);
            }
            return closure(next).filter((j) => j < segments.length);
        }
    };
}
/** Whether `target` (a resolved path) is `root` or below it. */
function inside(root, target) {
    const path = (0,external_node_path_.relative)(root, target);
    return path === '' || (!(0,external_node_path_.isAbsolute)(path) && path.split(external_node_path_.sep)[0] !== '..');
}
/** Workspace-relative path with `/` of a resolved path inside the workspace. */
function relativeTo(root, target) {
    return (0,external_node_path_.relative)(root, target).split(external_node_path_.sep).join('/');
}
/** The files the globs name, each resolved inside the workspace; links that lead out are skipped and named. */
async function findFiles(workspace, patterns) {
    const root = await (0,promises_.realpath)(workspace);
    const includes = patterns
        .filter((pattern) => !pattern.startsWith('!'))
        .map((pattern) => compile(pattern.replace(/\\/g, '/').replace(/^\.\//, '')));
    const excludes = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => compile(pattern.slice(1).replace(/^\.\//, '')));
    const excluded = (...paths) => excludes.some((exclude) => paths.some((path) => exclude.matches(path)));
    const namedAs = new Map();
    const skipped = new Set();
    const add = (file, name) => void namedAs.set(file, (namedAs.get(file) ?? new Set()).add(name));
    /** Walks the folder `path` (as the glob sees it) at `real`; `chain` holds the folders above, `visited` what was walked. */
    const walk = async (glob, path, real, state, chain, visited) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(real, { withFileTypes: true });
        }
        catch {
            return; // a folder that went away, or cannot be listed, holds nothing to scan
        }
        for (const entry of entries) {
            const name = path === '' ? entry.name : `${path}/${entry.name}`;
            const location = (0,external_node_path_.join)(real, entry.name);
            const inner = glob.step(state, entry.name);
            const wanted = glob.matches(name) || inner.length > 0;
            if (!wanted || SKIPPED_FOLDERS.has(entry.name))
                continue;
            // A name with a line break or another control character reads differently once escaped.
            if ((0,src_text/* safeText */.Hk)(entry.name) !== entry.name) {
                skipped.add(`files: ${(0,src_text/* safeText */.Hk)(name)} has a line break or control character in its name; it is not scanned.`);
                continue;
            }
            let target = location;
            if (entry.isSymbolicLink()) {
                // A link: resolved, then followed only inside the workspace, and never into .git or node_modules.
                if (excluded(name))
                    continue;
                try {
                    target = await (0,promises_.realpath)(location);
                }
                catch {
                    skipped.add(`files: ${(0,src_text/* safeText */.Hk)(name)} is a link that leads to nothing; it is not scanned.`);
                    continue;
                }
                if (!inside(root, target)) {
                    skipped.add(`files: ${(0,src_text/* safeText */.Hk)(name)} is a link that leads out of the workspace (${(0,src_text/* safeText */.Hk)(target)}); it is not scanned.`);
                    continue;
                }
                if (relativeTo(root, target)
                    .split('/')
                    .some((part) => SKIPPED_FOLDERS.has(part))) {
                    skipped.add(`files: ${(0,src_text/* safeText */.Hk)(name)} is a link into .git or node_modules; it is not scanned.`);
                    continue;
                }
            }
            const kind = entry.isSymbolicLink() ? await (0,promises_.stat)(target).catch(() => undefined) : entry;
            if (kind?.isDirectory()) {
                const key = `${target}\u0000${inner.join(',')}`;
                if (inner.length === 0 || chain.has(target) || visited.has(key))
                    continue;
                visited.add(key);
                await walk(glob, name, target, inner, new Set([...chain, target]), visited);
            }
            else if (kind?.isFile() && glob.matches(name)) {
                const own = relativeTo(root, target);
                if (!excluded(name, own))
                    add(own, name);
            }
        }
    };
    for (const glob of includes)
        await walk(glob, '', root, glob.start, new Set([root]), new Set());
    const files = [...namedAs.keys()].sort();
    return { files, namedAs: new Map(files.map((file) => [file, [...(namedAs.get(file) ?? [])].sort()])), skipped: [...skipped] };
}

// EXTERNAL MODULE: ../src/manifests/source.ts
var manifests_source = __webpack_require__(39521);
;// CONCATENATED MODULE: ../src/manifests/scan.ts
// The files stage: find the files the `files` globs name, read the image references in them, and turn
// those in ECR registries into requests that join the others (each with the file and line it is on).
// References in other registries are listed as skipped; templated ones, and Helm maps whose tag the
// chart decides, get a notice at their line. Each file's bytes are kept, so pin edits exactly what
// was scanned. Loaded by main.ts only when `files` is set.












/** The registry part of a reference, if it names one (`host.name/…`, `host:port/…`, `localhost/…`). */
function registryOf(text) {
    const slash = text.indexOf('/');
    const first = slash < 0 ? '' : text.slice(0, slash);
    return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}
function toRequest(reference, pin) {
    const where = `files: ${reference.file}:${reference.line}`;
    if (/\s/.test(reference.text))
        throw new src_image/* InputError */.dz(`${where}: '${(0,src_text/* safeText */.Hk)(reference.text)}' has white space in it, which no image reference has; remove it.`);
    let request;
    try {
        // No tag and no digest is the `latest` tag, as a pull reads it.
        const withTag = /[:@][^/]*$/.test(reference.text.slice(reference.text.indexOf('/'))) ? reference.text : `${reference.text}:latest`;
        request = { ...(0,references/* parseReference */.F2)(withTag, { region: () => '' }), requested: reference.text };
    }
    catch (error) {
        throw new src_image/* InputError */.dz(`${where}: ${error instanceof Error ? error.message.replace(/^images: /, '') : String(error)}`);
    }
    const source = { file: reference.file, line: reference.line };
    // With pin, a tag is asked alone: its current digest is what gets written, and a stale one shows.
    const id = pin && request.id.tag !== undefined ? { tag: request.id.tag } : request.id;
    return { ...request, id, source };
}
function nothingFound(settings, found, notScanned) {
    // The sentences of what was not scanned, in the message: as an error, it is the only line there is.
    const message = notScanned.length > 0
        ? `${found} Not scanned: ${(0,src_text/* listNames */.Zv)(notScanned.map((sentence) => sentence.replace(/^files: /, '')), 5)}`
        : found;
    if (settings.ifNoFilesFound === 'error')
        throw new src_image/* InputError */.dz(`${message} Fix the files globs, or set if-no-files-found: warn (or ignore) if that can happen.`);
    return { message };
}
/** The sentence of the files no reader could parse. */
function unparsableMessage(unparsable) {
    if (unparsable.length === 1)
        return unparsable[0]?.message ?? '';
    return `files: ${unparsable.length} files cannot be read, so what they reference was not checked: ${(0,src_text/* listNames */.Zv)(unparsable.map((entry) => entry.message.replace(/^files: /, '').replace(/; fix the file or leave it out of files\.$/, '')), 5)}; fix them or leave them out of files.`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A file's references; a file too deep to read (a chain of thousands of merges) fails naming it. */
function readReferences(file, text) {
    try {
        return (0,extract/* extractReferences */.Q)(file, text);
    }
    catch (error) {
        if (error instanceof src_image/* InputError */.dz)
            throw error;
        throw new src_image/* InputError */.dz(`files: ${(0,src_text/* safeText */.Hk)(file)} cannot be read: ${error instanceof RangeError ? 'its aliases or merge keys nest too deep' : (0,src_text/* safeText */.Hk)((0,src_text/* errorMessage */.gJ)(error))}; simplify it or leave it out of files.`);
    }
}
/** A Chart.yaml's appVersion by folder, read once each (only a Chart.yaml inside the workspace counts). */
function chartReader(root) {
    const charts = new Map();
    const read = async (folder) => {
        const path = await (0,promises_.realpath)((0,external_node_path_.join)(root, folder, 'Chart.yaml')).catch(() => undefined);
        if (path === undefined || !inside(root, path))
            return undefined;
        return (0,yaml_references/* chartAppVersion */.e)((0,manifests_source/* decodeSource */.E)(await (0,promises_.readFile)(path)).text);
    };
    return (folder) => {
        const known = charts.get(folder) ?? read(folder).catch(() => undefined);
        charts.set(folder, known);
        return known;
    };
}
/**
 * A Helm map without a tag, as Helm renders it: with the appVersion of the Chart.yaml beside the values
 * file, as the globs named it (a values file linked into a chart folder belongs to that chart).
 */
async function withAppVersion(reference, folders, chartOf) {
    const charts = (await Promise.all(folders.map(async (folder) => ({ folder, chart: await chartOf(folder) })))).filter((entry) => entry.chart !== undefined);
    const unreadable = charts.find((entry) => 'unreadable' in entry.chart);
    if (unreadable !== undefined && 'unreadable' in unreadable.chart)
        return {
            ...reference,
            unreadable: `it has no tag, and the chart's ${unreadable.folder || '.'}/Chart.yaml: ${unreadable.chart.unreadable}`
        };
    const versions = [...new Set(charts.map((entry) => ('appVersion' in entry.chart ? entry.chart.appVersion : '')))];
    if (versions.length > 1)
        return {
            ...reference,
            unreadable: `it has no tag, and the charts that use this values file disagree on appVersion (${versions.join(', ')})`
        };
    const [appVersion] = versions;
    if (appVersion === undefined)
        return reference;
    const withTag = {
        ...reference,
        text: `${(0,src_image/* withoutDigest */.nA)(reference.text)}:${appVersion}${reference.writtenDigest ? `@${reference.writtenDigest}` : ''}`
    };
    delete withTag.helmWithoutTag;
    return withTag;
}
async function scanFiles(settings) {
    const root = await (0,promises_.realpath)(settings.workspace);
    const { files, namedAs, skipped: notScanned } = await findFiles(root, settings.patterns);
    const result = {
        files,
        sources: new Map(),
        notScanned,
        references: [],
        requests: [],
        requestOf: new Map(),
        skipped: [],
        templated: [],
        chartDecides: [],
        tagElsewhere: [],
        unpinnable: [],
        unparsable: []
    };
    if (files.length === 0)
        return {
            ...result,
            nothingFound: nothingFound(settings, `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}.`, notScanned)
        };
    const chartOf = chartReader(root);
    const unreadable = [];
    for (const file of files) {
        const path = (0,external_node_path_.join)(root, file);
        let source;
        try {
            source = (0,manifests_source/* decodeSource */.E)(await (0,promises_.readFile)(path));
        }
        catch (error) {
            throw new src_image/* InputError */.dz(`files: could not read ${file}: ${(0,file_errors/* describeFileError */.S)(error)}.`);
        }
        if (source.encoding !== 'utf16le' && source.encoding !== 'utf16be' && source.bytes.includes(0)) {
            result.notScanned.push(`files: ${(0,src_text/* safeText */.Hk)(file)} holds NUL bytes (a binary file, or UTF-16 without a byte-order mark); it is not scanned.`);
            continue;
        }
        let read;
        try {
            read = readReferences(file, source.text);
        }
        catch (error) {
            if (!(error instanceof src_image/* InputError */.dz))
                throw error;
            // One file that cannot be parsed fails the step, after every other file is checked.
            const line = Number(new RegExp(`^files: ${escapeRegExp((0,src_text/* safeText */.Hk)(file))}:(\\d+)`).exec(error.message)?.[1] ?? 1);
            result.unparsable.push({ file, line, message: error.message });
            continue;
        }
        const references = [];
        result.sources.set(file, { path, source, read, references });
        // The folders the globs named the file in: a Helm map without a tag takes the Chart.yaml there.
        const folders = [...new Set((namedAs.get(file) ?? [file]).map((name) => (0,external_node_path_.dirname)(name).replace(/^\.$/, '')))];
        for (const found of read) {
            const reference = found.helmWithoutTag ? await withAppVersion(found, folders, chartOf) : found;
            references.push(reference);
            result.references.push(reference);
            if (reference.unreadable !== undefined) {
                // What cannot be read exactly is an input error when it may be in ECR: the gate cannot vouch for it.
                if (reference.text.startsWith('*') || (0,registry_host/* isEcrHost */.R5)(registryOf(reference.text) ?? ''))
                    unreadable.push(reference);
                else
                    result.skipped.push(reference);
            }
            else if (reference.templated !== undefined || manifests_reference/* TEMPLATED */.Jo.test(reference.text))
                result.templated.push(reference);
            else if (reference.helmWithoutTag && reference.writtenDigest === undefined)
                result.chartDecides.push(reference);
            else if (reference.tagElsewhere !== undefined && (0,registry_host/* isEcrHost */.R5)(registryOf(reference.text) ?? ''))
                result.tagElsewhere.push(reference);
            else if (!(0,registry_host/* isEcrHost */.R5)(registryOf(reference.text) ?? ''))
                result.skipped.push(reference);
            else {
                const request = toRequest(reference, settings.pin);
                result.requests.push(request);
                result.requestOf.set(reference, request);
                if (reference.edit === undefined)
                    result.unpinnable.push(reference);
            }
        }
    }
    result.files = files.filter((file) => result.sources.has(file));
    if (result.unparsable.length > 0 && result.requests.length === 0)
        throw new src_image/* InputError */.dz(unparsableMessage(result.unparsable));
    if (unreadable.length > 0)
        throw new src_image/* InputError */.dz(`files: ${unreadable.length} image reference(s) cannot be read exactly, so nothing was looked up: ${(0,src_text/* listNames */.Zv)(unreadable.map((reference) => `${(0,src_text/* safeText */.Hk)(reference.file)}:${reference.line}: ${(0,src_text/* safeText */.Hk)(reference.text)}: ${(0,src_text/* safeText */.Hk)(reference.unreadable ?? '')}`), 10)}.`);
    if (result.requests.length === 0) {
        const others = [
            `${result.skipped.length} in other registries`,
            `${result.templated.length} templated`,
            ...(result.chartDecides.length > 0 ? [`${result.chartDecides.length} whose tag the chart's appVersion decides`] : []),
            ...(result.tagElsewhere.length > 0 ? [`${result.tagElsewhere.length} whose tag the kustomize base decides`] : [])
        ];
        return {
            ...result,
            nothingFound: nothingFound(settings, `files: ${files.length} file(s) matched, but no image reference in them can be looked up in ECR (${result.references.length} reference(s): ${others.join(', ')}).`, result.notScanned)
        };
    }
    return result;
}


/***/ })

};

//# sourceMappingURL=119.index.js.map