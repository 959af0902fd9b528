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
// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/inputs/references.ts
var references = __webpack_require__(73939);
// EXTERNAL MODULE: ../src/report/files.ts
var report_files = __webpack_require__(37457);
// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../src/manifests/extract.ts
// Image references in the files users write, with the line each is on and how to pin it in place:
// every `image:` in YAML and JSON (Kubernetes containers, initContainers and ephemeralContainers in
// any workload or template, docker compose services, ECS containerDefinitions) read with a real
// parser that keeps source ranges; Helm values' `image: {registry?, repository, tag, digest?}` maps;
// and Dockerfile `FROM` lines (a stage named by an earlier `FROM … AS name` is not an image).


/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/;
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i;
/** The text range of a scalar's value, inside its quotes; undefined for block scalars. */
function innerRange(scalar) {
    const [start, end] = scalar.range ?? [];
    if (start === undefined || end === undefined)
        return undefined;
    if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE')
        return { start: start + 1, end: end - 1 };
    if (scalar.type === 'PLAIN')
        return { start, end };
    return undefined;
}
/** The scalar text of a map's key, as written (a tag of 1.10 stays 1.10, not 1.1). */
function scalarText(map, key) {
    const pair = map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
    return (0,dist/* isScalar */.jn)(pair?.value) ? pair.value : undefined;
}
function sourceOf(scalar, source) {
    const range = innerRange(scalar);
    return range ? source.slice(range.start, range.end) : String(scalar.value ?? '');
}
/** A Helm values map: `{registry?, repository, tag?, digest?}`. */
function helmReference(file, map, source, lines) {
    const repository = scalarText(map, 'repository');
    if (repository === undefined)
        return undefined;
    const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarText(map, key));
    const text = [registry ? `${sourceOf(registry, source)}/` : '', sourceOf(repository, source), tag ? `:${sourceOf(tag, source)}` : '']
        .join('')
        .replace(/^\/+/, '');
    const digestText = digest ? sourceOf(digest, source) : undefined;
    const line = lines.linePos(repository.range?.[0] ?? 0).line;
    let edit;
    const digestRange = digest ? innerRange(digest) : undefined;
    if (digestRange)
        edit = { kind: 'digest', ...digestRange };
    else if (!digest && !map.flow) {
        // After the map's last key line, with that key's indentation.
        const last = map.items.at(-1);
        const keyStart = last?.key?.range?.[0];
        const valueEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
        if (keyStart !== undefined && valueEnd !== undefined) {
            const column = lines.linePos(keyStart).col;
            const lineEnd = source.indexOf('\n', valueEnd);
            const at = lineEnd < 0 ? source.length : source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
            edit = { kind: 'insert-digest', at, indent: ' '.repeat(column - 1) };
        }
    }
    return {
        file,
        line,
        text: digestText ? `${text}@${digestText}` : text,
        ...(digestText && { writtenDigest: digestText }),
        ...(edit && { edit })
    };
}
function scalarReference(file, scalar, source, lines) {
    if (typeof scalar.value !== 'string' || scalar.value.trim() === '')
        return undefined;
    const range = innerRange(scalar);
    const text = range ? source.slice(range.start, range.end) : scalar.value;
    const at = text.indexOf('@');
    return {
        file,
        line: lines.linePos(scalar.range?.[0] ?? 0).line,
        text,
        ...(at >= 0 && { writtenDigest: text.slice(at + 1) }),
        ...(range && { edit: { kind: 'reference', ...range } })
    };
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
    for (const document of list)
        (0,dist/* visit */.YR)(document, {
            Pair(_key, pair) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value !== 'image')
                    return;
                const reference = (0,dist/* isScalar */.jn)(pair.value)
                    ? scalarReference(file, pair.value, source, lines)
                    : (0,dist/* isMap */.jh)(pair.value)
                        ? helmReference(file, pair.value, source, lines)
                        : undefined;
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
                    edit: { kind: 'reference', start, end: start + image.length }
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

;// CONCATENATED MODULE: ../src/manifests/find.ts
// The files the `files` globs name, inside the workspace: `*` (within a folder), `**` (any folders),
// `?`, `[abc]` and `{a,b}`; `!` globs exclude. Folders named .git and node_modules are not entered,
// symbolic links to folders are not followed, and a file link that leads out of the workspace is an
// error.



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
/** The part of a glob before its first wildcard: the folder to start walking from. */
function staticBase(glob) {
    const parts = glob.split('/');
    const fixed = [];
    for (const part of parts.slice(0, -1)) {
        if (/[*?[{]/.test(part))
            break;
        fixed.push(part);
    }
    return fixed.join('/');
}
async function walk(workspace, folder, found) {
    let entries;
    try {
        entries = await (0,promises_.readdir)((0,external_node_path_.join)(workspace, folder), { withFileTypes: true });
    }
    catch {
        return; // a static base that does not exist matches nothing
    }
    for (const entry of entries) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name))
                await walk(workspace, path, found);
        }
        else if (entry.isFile() || entry.isSymbolicLink())
            found.push(path);
    }
}
/** A symbolic link must lead to a file inside the workspace. */
async function checkInside(workspace, path) {
    const absolute = (0,external_node_path_.join)(workspace, path);
    const stats = await (0,promises_.lstat)(absolute);
    if (!stats.isSymbolicLink())
        return true;
    let target;
    try {
        target = await (0,promises_.realpath)(absolute);
    }
    catch {
        return false; // a dangling link is not a file to scan
    }
    const root = await (0,promises_.realpath)(workspace);
    const inside = (0,external_node_path_.relative)(root, target);
    if (inside.startsWith('..') || inside.split(external_node_path_.sep)[0] === '..' || inside === target)
        throw new src_image/* InputError */.dz(`files: ${path} is a link that leads out of the workspace (${target}); it is not scanned.`);
    return (await (0,promises_.lstat)(target)).isFile();
}
/** Workspace-relative paths (with `/`) of the files the globs name, sorted, each once. */
async function findFiles(workspace, patterns) {
    const includes = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.replace(/\\/g, '/').replace(/^\.\//, ''));
    const excludes = patterns
        .filter((pattern) => pattern.startsWith('!'))
        .map((pattern) => globToRegExp(pattern.slice(1).replace(/^\.\//, '')));
    const matched = new Set();
    for (const include of includes) {
        const candidates = [];
        await walk(workspace, staticBase(include), candidates);
        const regex = globToRegExp(include);
        for (const path of candidates)
            if (regex.test(path) && !excludes.some((exclude) => exclude.test(path)))
                matched.add(path);
    }
    const files = [];
    for (const path of [...matched].sort())
        if (await checkInside(workspace, path))
            files.push(path);
    return files;
}

;// CONCATENATED MODULE: ../src/manifests/scan.ts
// The files stage: find the files the `files` globs name, read the image references in them, and turn
// those in ECR registries into requests that join the others (each with the file and line it is on).
// References in other registries are listed as skipped; templated ones get a notice at their line.
// Loaded by main.ts only when `files` is set.







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
async function scanFiles(settings) {
    const files = await findFiles(settings.workspace, settings.patterns);
    if (files.length === 0)
        return {
            files,
            references: [],
            requests: [],
            requestOf: new Map(),
            skipped: [],
            templated: [],
            nothingFound: nothingFound(settings, `files: no file in the workspace (${settings.workspace}) matches ${settings.patterns.join(', ')}.`)
        };
    const result = { files, references: [], requests: [], requestOf: new Map(), skipped: [], templated: [] };
    for (const file of files) {
        let text;
        try {
            text = await (0,promises_.readFile)((0,external_node_path_.join)(settings.workspace, file), 'utf8');
        }
        catch (error) {
            throw new src_image/* InputError */.dz(`files: could not read ${file}: ${(0,report_files/* describeFileError */.SQ)(error)}.`);
        }
        for (const reference of extractReferences(file, text)) {
            result.references.push(reference);
            if (TEMPLATED.test(reference.text))
                result.templated.push(reference);
            else if (!(0,references/* isEcrHost */.R5)(registryOf(reference.text) ?? ''))
                result.skipped.push(reference);
            else {
                const request = toRequest(reference, settings.pin);
                result.requests.push(request);
                result.requestOf.set(reference, request);
            }
        }
    }
    if (result.requests.length === 0 && result.templated.length === 0)
        return {
            ...result,
            nothingFound: nothingFound(settings, `files: ${files.length} file(s) matched, but none references an image in ECR (${result.skipped.length} reference(s) in other registries).`)
        };
    return result;
}


/***/ })

};

//# sourceMappingURL=568.index.js.map