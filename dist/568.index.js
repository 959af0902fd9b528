export const id = 568;
export const ids = [568];
export const modules = {

/***/ 92568:
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
// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../src/manifests/extract.ts
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
    return map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
}
/** The scalar value of a map's key (a tag of 1.10 stays 1.10, not 1.1). */
function scalarOf(map, key) {
    const value = pairOf(map, key)?.value;
    return (0,dist/* isScalar */.jn)(value) ? value : undefined;
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
        if (!(0,dist/* isScalar */.jn)(digest))
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
        if (!(0,dist/* isScalar */.jn)(key) || !(0,dist/* isScalar */.jn)(value) || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(value.type ?? ''))
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
    if ((0,dist/* isScalar */.jn)(node))
        return scalarReference(file, node, source, lines);
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    const volume = scalarOf(node, 'reference');
    if (volume !== undefined && pairOf(node, 'repository') === undefined)
        return scalarReference(file, volume, source, lines);
    return helmReference(file, node, source, lines);
}
function yamlReferences(file, source) {
    const lines = new dist/* LineCounter */.HN();
    const documents = (0,dist/* parseAllDocuments */.hR)(source, { lineCounter: lines, uniqueKeys: false });
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
        const error = document.errors[0];
        if (error) {
            const line = error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line;
            throw new src_image/* InputError */.dz(`files: ${file}:${line} is not valid YAML or JSON (${error.message.split('\n')[0]}); fix the file or leave it out of files.`);
        }
    }
    const found = [];
    // Each node is read once: an alias of an anchored reference is that reference (pin edits the anchor).
    const seen = new Set();
    for (const document of list)
        (0,dist/* visit */.YR)(document, {
            Pair(_key, pair) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value !== 'image')
                    return;
                const node = (0,dist/* isAlias */.Vj)(pair.value) ? pair.value.resolve(document) : pair.value;
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
    const [document] = (0,dist/* parseAllDocuments */.hR)(source);
    if (document === undefined || document.errors.length > 0 || !(0,dist/* isMap */.jh)(document.contents))
        return undefined;
    const value = scalarOf(document.contents, 'appVersion');
    if (value === undefined || value.value === null)
        return undefined;
    const text = String(typeof value.value === 'string' ? value.value : (value.source ?? value.value)).trim();
    return text === '' ? undefined : text;
}

;// CONCATENATED MODULE: ../src/manifests/find.ts


const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
/** A glob as a regular expression over `/`-separated workspace-relative paths. */
function globToRegExp(glob) {
    let source = '';
    for (let index = 0; index < glob.length; index++) {
        const char = glob[index] ?? '';
        if (char === '*') {
            if (glob[index + 1] === '*') {
                // `**/` matches any folders (none included); a trailing `**` matches everything below.
                const slash = glob[index + 2] === '/';
                source += slash ? '(?:[^/]*/)*' : '.*';
                index += slash ? 2 : 1;
            }
            else
                source += '[^/]*';
        }
        else if (char === '?')
            source += '[^/]';
        else if (char === '[') {
            const end = glob.indexOf(']', index + 1);
            if (end < 0)
                source += '\\[';
            else {
                const body = glob.slice(index + 1, end).replace(/\\/g, '\\\\');
                source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
                index = end;
            }
        }
        else if (char === '{') {
            const end = glob.indexOf('}', index + 1);
            if (end < 0)
                source += '\\{';
            else {
                source += `(?:${glob
                    .slice(index + 1, end)
                    .split(',')
                    .map((part) => globToRegExp(part).source.slice(1, -1))
                    .join('|')})`;
                index = end;
            }
        }
        else
            source += char.replace(/[.+^$()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/** Whether a folder at `parts` could hold a file the glob's `segments` match. */
function couldHold(segments, parts, i = 0, j = 0) {
    if (i === parts.length)
        return j < segments.length;
    const segment = segments[j];
    if (segment === undefined)
        return false;
    if (segment === '**')
        return couldHold(segments, parts, i, j + 1) || couldHold(segments, parts, i + 1, j);
    return segment.test(parts[i] ?? '') && couldHold(segments, parts, i + 1, j + 1);
}
function compile(glob) {
    const regex = globToRegExp(glob);
    // A `{…}` holding a `/` cannot be split by folder: every folder is entered and the whole path decides.
    const segments = /\{[^}]*\/[^}]*\}/.test(glob)
        ? undefined
        : glob.split('/').map((part) => (part === '**' ? '**' : globToRegExp(part)));
    return {
        matches: (path) => regex.test(path),
        enters: (folder) => segments === undefined || couldHold(segments, folder.split('/'))
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
    const excluded = (path) => excludes.some((exclude) => exclude.matches(path));
    const files = new Set();
    const skipped = new Set();
    /** Walks the folder `path` (as the glob sees it) whose resolved location is `real`; `chain` holds the folders above, against loops. */
    const walk = async (glob, path, real, chain) => {
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
            if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name) && glob.enters(name))
                    await walk(glob, name, location, new Set([...chain, location]));
                continue;
            }
            if (!entry.isSymbolicLink()) {
                const own = relativeTo(root, location);
                if (entry.isFile() && glob.matches(name) && !excluded(name) && !excluded(own))
                    files.add(own);
                continue;
            }
            // A link: resolved, then followed only inside the workspace.
            const wanted = glob.matches(name) || glob.enters(name);
            if (!wanted || excluded(name))
                continue;
            let target;
            try {
                target = await (0,promises_.realpath)(location);
            }
            catch {
                skipped.add(`files: ${name} is a link that leads to nothing; it is not scanned.`);
                continue;
            }
            if (!inside(root, target)) {
                skipped.add(`files: ${name} is a link that leads out of the workspace (${target}); it is not scanned.`);
                continue;
            }
            const kind = await (0,promises_.stat)(target).catch(() => undefined);
            if (kind?.isDirectory()) {
                if (glob.enters(name) && !chain.has(target) && !SKIPPED_FOLDERS.has(entry.name))
                    await walk(glob, name, target, new Set([...chain, target]));
            }
            else if (kind?.isFile() && glob.matches(name) && !excluded(relativeTo(root, target)))
                files.add(relativeTo(root, target));
        }
    };
    for (const glob of includes)
        await walk(glob, '', root, new Set([root]));
    return { files: [...files].sort(), skipped: [...skipped] };
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
function nothingFound(settings, message) {
    if (settings.ifNoFilesFound === 'error')
        throw new src_image/* InputError */.dz(`${message} Fix the files globs, or set if-no-files-found: warn (or ignore) if that can happen.`);
    return { message };
}
/** A Chart.yaml's appVersion by folder, read once each (only a Chart.yaml inside the workspace counts). */
function chartReader(root) {
    const charts = new Map();
    const read = async (folder) => {
        const path = await (0,promises_.realpath)((0,external_node_path_.join)(folder, 'Chart.yaml')).catch(() => undefined);
        if (path === undefined || !inside(root, path))
            return undefined;
        const appVersion = chartAppVersion((0,manifests_source/* decodeSource */.E)(await (0,promises_.readFile)(path)).text);
        return appVersion === undefined ? undefined : { appVersion, chart: path };
    };
    return (folder) => {
        const known = charts.get(folder) ?? read(folder).catch(() => undefined);
        charts.set(folder, known);
        return known;
    };
}
async function scanFiles(settings) {
    const root = await (0,promises_.realpath)(settings.workspace);
    const { files, skipped: skippedLinks } = await findFiles(root, settings.patterns);
    const result = {
        files,
        sources: new Map(),
        skippedLinks,
        references: [],
        requests: [],
        requestOf: new Map(),
        skipped: [],
        templated: [],
        chartDecides: [],
        unpinnable: []
    };
    if (files.length === 0)
        return {
            ...result,
            nothingFound: nothingFound(settings, `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}${skippedLinks.length > 0 ? ` (${skippedLinks.length} link(s) skipped, see the warnings)` : ''}.`)
        };
    const chartOf = chartReader(root);
    for (const file of files) {
        const path = (0,external_node_path_.join)(root, file);
        let source;
        try {
            source = (0,manifests_source/* decodeSource */.E)(await (0,promises_.readFile)(path));
        }
        catch (error) {
            throw new src_image/* InputError */.dz(`files: could not read ${file}: ${(0,file_errors/* describeFileError */.S)(error)}.`);
        }
        result.sources.set(file, { path, source });
        for (const found of extractReferences(file, source.text)) {
            let reference = found;
            if (found.helmWithoutTag) {
                // Helm renders an empty tag as the chart's appVersion: the Chart.yaml beside the values file says it.
                const chart = await chartOf((0,external_node_path_.dirname)(path));
                if (chart !== undefined)
                    reference = {
                        ...found,
                        text: `${(0,src_image/* withoutDigest */.nA)(found.text)}:${chart.appVersion}${found.writtenDigest ? `@${found.writtenDigest}` : ''}`
                    };
                else if (found.writtenDigest === undefined) {
                    result.references.push(found);
                    result.chartDecides.push(found);
                    continue;
                }
            }
            result.references.push(reference);
            if (TEMPLATED.test(reference.text))
                result.templated.push(reference);
            else if (!(0,references/* isEcrHost */.R5)(registryOf(reference.text) ?? ''))
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
    if (result.requests.length === 0) {
        const others = [
            `${result.skipped.length} in other registries`,
            `${result.templated.length} templated`,
            ...(result.chartDecides.length > 0 ? [`${result.chartDecides.length} whose tag the chart's appVersion decides`] : [])
        ];
        return {
            ...result,
            nothingFound: nothingFound(settings, `files: ${files.length} file(s) matched, but no image reference in them can be looked up in ECR (${result.references.length} reference(s): ${others.join(', ')}).`)
        };
    }
    return result;
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

//# sourceMappingURL=568.index.js.map