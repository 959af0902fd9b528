export const id = 330;
export const ids = [330];
export const modules = {

/***/ 95330:
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
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
;// CONCATENATED MODULE: ../src/manifests/reference.ts
// A reference found in a file: where it is, what it reads, and how to pin it in place. What every
// format's reader returns (extract.ts chooses the reader).
/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/;
/** The edit that pins a reference written as the text [start, end): its `@digest` replaced, or one appended. */
function referenceEdit(source, start, end) {
    const at = source.slice(start, end).indexOf('@');
    return { start: at < 0 ? end : start + at, end, before: '@', after: '' };
}

;// CONCATENATED MODULE: ../src/manifests/dockerfile-references.ts
// Dockerfile `FROM [--flag=…] image [AS name]` instructions, as BuildKit reads them: the escape
// character of a `# escape=` parser directive, instructions continued over lines, comment lines inside
// them, and heredoc bodies (`RUN <<EOF … EOF`), which hold no instructions. An image named by an
// earlier stage (`FROM … AS name`) is a stage, not an image; `scratch` is no image.

/** The instructions of a Dockerfile, each joined from its lines, with where each piece came from. */
function instructions(source) {
    const lines = source.split('\n');
    const offsets = [];
    let offset = 0;
    for (const line of lines) {
        offsets.push(offset);
        offset += line.length + 1;
    }
    const content = (index) => (lines[index] ?? '').replace(/\r$/, '');
    // Parser directives: `# name=value` lines at the very top.
    let escape = '\\';
    let index = 0;
    for (; index < lines.length; index++) {
        const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(content(index));
        if (!directive)
            break;
        if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
            escape = directive[2];
    }
    const continued = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`);
    const found = [];
    while (index < lines.length) {
        const first = content(index);
        if (first.trim() === '' || /^\s*#/.test(first)) {
            index++;
            continue;
        }
        const pieces = [];
        let text = '';
        for (; index < lines.length; index++) {
            const line = content(index);
            if (pieces.length > 0 && (/^\s*#/.test(line) || line.trim() === ''))
                continue; // comments and blank lines inside
            const cut = continued.exec(line);
            const piece = cut ? line.slice(0, cut.index) : line;
            pieces.push({ at: text.length, offset: offsets[index] ?? 0, text: piece, line: index + 1 });
            text += piece;
            if (!cut) {
                index++;
                break;
            }
        }
        found.push({ text, pieces });
        // Heredocs: the lines up to each delimiter are the instruction's body.
        for (const heredoc of text.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
            const [, dash, , delimiter] = heredoc;
            while (index < lines.length && (dash ? content(index).replace(/^\t+/, '') : content(index)) !== delimiter)
                index++;
            index++;
        }
    }
    return found;
}
function dockerfileReferences(file, source) {
    const found = [];
    const stages = new Set();
    for (const { text, pieces } of instructions(source)) {
        const match = /^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(text);
        if (!match)
            continue;
        const [, from = '', flags = '', image = '', stage] = match;
        if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch') {
            const start = from.length + flags.length;
            const piece = pieces.find((candidate) => candidate.at <= start && start < candidate.at + candidate.text.length);
            const whole = piece !== undefined && start + image.length <= piece.at + piece.text.length;
            const at = image.indexOf('@');
            const offset = (piece?.offset ?? 0) + start - (piece?.at ?? 0);
            found.push({
                file,
                line: piece?.line ?? pieces[0]?.line ?? 1,
                text: image,
                ...(at >= 0 && { writtenDigest: image.slice(at + 1) }),
                ...(whole ? { edit: referenceEdit(source, offset, offset + image.length) } : { unpinnable: 'it is written across lines' })
            });
        }
        if (stage)
            stages.add(stage.toLowerCase());
    }
    return found;
}

// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var dist = __webpack_require__(6637);
;// CONCATENATED MODULE: ../src/manifests/yaml-references.ts
// References in YAML and JSON: every `image:` (Kubernetes containers, initContainers and
// ephemeralContainers in any workload or template, image volumes' `image: {reference}`, docker
// compose services, ECS containerDefinitions), and Helm values' `image: {registry?, repository, tag?,
// digest?}` maps, block or flow; read with a real parser that keeps source ranges. Aliases and merge
// keys (`<<: *base`) resolve to what they name, and a reference is pinned where its text is written
// (the anchor). What cannot be read exactly (an alias to nothing, a tag Helm would render otherwise)
// is named at its line; what cannot be pinned in place says why.



/** A node with aliases followed to what they name (undefined for an alias to nothing). */
function resolved(node, context) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(context.document) : node;
}
/** The maps a map merges in with `<<` (an alias, a map, or a list of them), nearest first. */
function mergedMaps(map, context) {
    const maps = [];
    for (const item of map.items) {
        if (!(0,dist/* isScalar */.jn)(item.key) || item.key.value !== '<<')
            continue;
        const value = resolved(item.value, context);
        const sources = (0,dist/* isSeq */.oP)(value) ? value.items.map((entry) => resolved(entry, context)) : [value];
        for (const source of sources)
            if ((0,dist/* isMap */.jh)(source))
                maps.push(source);
    }
    return maps;
}
/** A map's own pair for `key`. */
function ownPair(map, key) {
    return map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
}
/** The value of `key` in a map, its own or merged in (`<<`), aliases followed. */
function yaml_references_valueOf(map, key, context, seen = new Set()) {
    seen.add(map);
    const pair = ownPair(map, key);
    if (pair !== undefined)
        return resolved(pair.value, context);
    for (const merged of mergedMaps(map, context)) {
        if (seen.has(merged))
            continue;
        const value = yaml_references_valueOf(merged, key, context, seen);
        if (value !== undefined)
            return value;
    }
    return undefined;
}
function scalarOf(map, key, context) {
    const value = yaml_references_valueOf(map, key, context);
    return (0,dist/* isScalar */.jn)(value) ? value : undefined;
}
const QUOTED = new Set(['QUOTE_DOUBLE', 'QUOTE_SINGLE']);
/** A scalar's value and where that very text is written in the source, if it is written literally. */
function locate(scalar, source) {
    const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
    const raw = typeof scalar.value === 'string' ? scalar.value : String(scalar.source ?? scalar.value ?? '');
    const value = block ? raw.replace(/\n+$/, '') : raw;
    const [start, end] = scalar.range ?? [];
    if (start === undefined || end === undefined)
        return { value, why: 'its place in the file is unknown' };
    const quoted = QUOTED.has(scalar.type ?? '');
    const inner = quoted ? { start: start + 1, end: end - 1 } : { start, end };
    const written = source.slice(inner.start, inner.end);
    if (!block) {
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
/**
 * How Helm (YAML 1.1, through Go) reads a plain tag or appVersion differently from its text: `1.10`
 * is the number 1.1, `010` is 8, `yes` is true. A plain decimal integer reads back as written.
 */
function readDifferently(scalar) {
    if (scalar.type !== 'PLAIN')
        return undefined;
    const text = String(scalar.source ?? scalar.value ?? '');
    if (/^(?:0|[1-9][0-9]*)$/.test(text))
        return undefined;
    if (/^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$/.test(text) && /[0-9]/.test(text))
        return 'a number';
    if (/^(?:0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$/.test(text))
        return 'a number';
    if (/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(text))
        return 'a boolean';
    return undefined;
}
/** The line ending of the line holding `offset`: `\r\n` or `\n` (or the file's, on a last line without one). */
function lineEndAt(source, offset) {
    const newline = source.indexOf('\n', offset);
    if (newline < 0)
        return { at: source.length, eol: source.includes('\r\n') ? '\r\n' : '\n' };
    return source[newline - 1] === '\r' ? { at: newline - 1, eol: '\r\n' } : { at: newline, eol: '\n' };
}
/**
 * The edit that gives an empty value (`digest:`, `digest: ~`, `digest: &d`, `digest:   # note`) its
 * digest: after the key's colon and any anchor or tag, replacing `~` or `null`, one space before it and
 * one before a comment that follows.
 */
function emptyValueEdit(source, keyEnd) {
    const colon = source.indexOf(':', keyEnd);
    if (colon < 0)
        return undefined;
    let at = colon + 1;
    for (;;) {
        while (source[at] === ' ' || source[at] === '\t')
            at++;
        if (source[at] !== '&' && source[at] !== '!')
            break;
        while (at < source.length && !/[\s,{}[\]]/.test(source[at] ?? ''))
            at++;
    }
    const written = /^(?:~|null|Null|NULL)(?=$|[\s,}\]#])/.exec(source.slice(at))?.[0] ?? '';
    const end = at + written.length;
    return {
        start: at,
        end,
        before: /[ \t]/.test(source[at - 1] ?? '') ? '' : ' ',
        after: source[end] === '#' ? ' ' : ''
    };
}
/**
 * Where a Helm map's digest goes: its own digest's value when it has one (an empty `digest:` gets one,
 * after a space); else a new key inside the map, after its tag's line (else another key's written on
 * one line with its value: never after the map's last key, which may hold a list, a map or a block
 * scalar), with the map's indentation and that line's ending; in a flow map, `, digest: …` after its
 * last value (`, "digest": "…"` in JSON).
 */
function helmDigestEdit(map, context) {
    const { source, lines } = context;
    const digestPair = ownPair(map, 'digest');
    if (digestPair !== undefined) {
        const digest = digestPair.value;
        if ((0,dist/* isAlias */.Vj)(digest))
            return { why: `its digest is the alias *${digest.source}: write the digest in the map itself` };
        if (!(0,dist/* isScalar */.jn)(digest))
            return { why: 'its digest key does not hold a single value' };
        const empty = digest.value === null || digest.value === '';
        if (empty && digest.type === 'PLAIN') {
            const edit = emptyValueEdit(source, digestPair.key?.range?.[1] ?? digest.range?.[0] ?? 0);
            return edit ? { edit } : { why: 'its empty digest cannot be located' };
        }
        const located = locate(digest, source);
        const [start, end] = digest.range ?? [];
        if (empty && QUOTED.has(digest.type ?? '') && start !== undefined && end !== undefined)
            return { edit: { start: start + 1, end: end - 1, before: '', after: '' } };
        if (located.range === undefined)
            return { why: `its digest ${located.why ?? 'cannot be located'}` };
        return { edit: { ...located.range, before: '', after: '' } };
    }
    if (map.flow) {
        const last = map.items.at(-1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
        if (lastEnd === undefined)
            return { why: 'it is an empty flow map' };
        const json = ownPair(map, 'repository')?.key?.type === 'QUOTE_DOUBLE';
        return {
            edit: json
                ? { start: lastEnd, end: lastEnd, before: ', "digest": "', after: '"' }
                : { start: lastEnd, end: lastEnd, before: ', digest: ', after: '' }
        };
    }
    // A key whose value is a one-line scalar or an alias (`<<: *base` too). A map that starts on a list
    // item's line (`- repository: x`) has its keys at that key's column too.
    for (const pair of [ownPair(map, 'tag'), ownPair(map, 'repository'), ...map.items]) {
        const key = pair?.key;
        const value = pair?.value;
        const oneLine = (0,dist/* isAlias */.Vj)(value) || ((0,dist/* isScalar */.jn)(value) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(value.type ?? ''));
        if (!(0,dist/* isScalar */.jn)(key) || !oneLine)
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
const lineOf = (node, context) => context.lines.linePos(node?.range?.[0] ?? 0).line;
/** A Helm values map: `{registry?, repository, tag?, digest?}`; `parts` collects the scalars it reads. */
function helmReference(map, context, parts) {
    const { file, source } = context;
    const repository = scalarOf(map, 'repository', context);
    if (repository === undefined || typeof repository.value !== 'string')
        return undefined;
    const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarOf(map, key, context));
    const line = lineOf(repository, context);
    for (const [key, part] of Object.entries({ repository, registry, tag, digest }))
        if (part !== undefined)
            parts.set(part, `the ${key} of the Helm map at line ${line}`);
    const text = (scalar) => (scalar === undefined || scalar.value === null ? '' : locate(scalar, source).value);
    const name = [text(registry) ? `${text(registry)}/` : '', text(repository)].join('').replace(/^\/+/, '');
    const digestText = text(digest);
    const written = digestText ? { writtenDigest: digestText } : {};
    const differently = tag !== undefined ? readDifferently(tag) : undefined;
    if (differently !== undefined)
        return {
            file,
            line: lineOf(tag, context),
            text: `${name}:${text(tag)}`,
            unreadable: `Helm reads the tag ${text(tag)} as ${differently}, not as the text written, so the image it renders is not ${text(tag)}; quote it ("${text(tag)}")`
        };
    const { edit, why } = helmDigestEdit(map, context);
    const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) };
    if (text(tag) === '')
        // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from the Chart.yaml beside the file.
        return { file, line, text: digestText ? `${name}@${digestText}` : name, ...written, ...pinning, helmWithoutTag: true };
    return { file, line, text: `${name}:${text(tag)}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning };
}
/** A reference written as one scalar (`image: repo:tag[@digest]`). */
function scalarReference(scalar, context) {
    if (typeof scalar.value !== 'string' || scalar.value.trim() === '')
        return undefined;
    const { value, range, why } = locate(scalar, context.source);
    const at = value.indexOf('@');
    return {
        file: context.file,
        line: context.lines.linePos(range?.start ?? scalar.range?.[0] ?? 0).line,
        text: value,
        ...(at >= 0 && { writtenDigest: value.slice(at + 1) }),
        ...(range ? { edit: referenceEdit(context.source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
    };
}
/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(node, context, parts) {
    if ((0,dist/* isScalar */.jn)(node))
        return scalarReference(node, context);
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    const volume = scalarOf(node, 'reference', context);
    if (volume !== undefined && yaml_references_valueOf(node, 'repository', context) === undefined)
        return scalarReference(volume, context);
    return helmReference(node, context, parts);
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
    const wholes = new Map();
    const parts = new Map();
    for (const document of list) {
        const context = { file, source, lines, document };
        (0,dist/* visit */.YR)(document, {
            Pair(_key, pair) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value !== 'image')
                    return;
                const node = resolved(pair.value, context);
                if (node === undefined) {
                    const name = (0,dist/* isAlias */.Vj)(pair.value) ? pair.value.source : '?';
                    found.push({ file, line: lineOf(pair.value, context), text: `*${name}`, unreadable: `its alias *${name} names no anchor` });
                    return;
                }
                if (seen.has(node))
                    return;
                seen.add(node);
                const reference = referenceOf(node, context, parts);
                if (reference === undefined)
                    return;
                found.push(reference);
                if ((0,dist/* isScalar */.jn)(node))
                    wholes.set(node, reference);
            }
        });
    }
    // A scalar that is a whole reference and also part of a Helm map (one anchor used both ways) cannot
    // take both edits: the Helm map is pinned, the whole reference is named.
    for (const [node, reference] of wholes) {
        const part = parts.get(node);
        if (part === undefined || reference.edit === undefined)
            continue;
        delete reference.edit;
        reference.unpinnable = `its text is also ${part} (one anchor used both ways)`;
    }
    return found;
}
/** A chart's `appVersion` as written, from the text of its Chart.yaml: undefined when it has none. */
function chartAppVersion(source) {
    const [document] = (0,dist/* parseAllDocuments */.hR)(source);
    if (document === undefined || document.errors.length > 0 || !(0,dist/* isMap */.jh)(document.contents))
        return undefined;
    const context = { file: 'Chart.yaml', source, lines: new dist/* LineCounter */.HN(), document };
    const value = scalarOf(document.contents, 'appVersion', context);
    if (value === undefined || value.value === null)
        return undefined;
    const text = locate(value, source).value.trim();
    const differently = readDifferently(value);
    if (differently !== undefined)
        return { unreadable: `Helm reads its appVersion ${text} as ${differently}, not as the text written; quote it ("${text}")` };
    return text === '' ? undefined : { appVersion: text };
}

;// CONCATENATED MODULE: ../src/manifests/extract.ts
// Image references in the files users write, with the line each is on and how to pin it in place.
// One reader per format, chosen by the file's name: Dockerfiles (dockerfile-references.ts), and YAML
// or JSON for everything else (yaml-references.ts). Offsets are into the decoded text (source.ts); a
// reference that cannot be read, or cannot be pinned in place, says why.


/** `Dockerfile`, `Dockerfile.prod`, `api.dockerfile`, `Containerfile`; not `Dockerfile.yaml` (YAML) or `…json`. */
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;
/** Every image reference in a file's text, in file order. Throws InputError for YAML or JSON that does not parse. */
function extractReferences(file, source) {
    return DOCKERFILE.test(file) && !YAML_OR_JSON.test(file) ? dockerfileReferences(file, source) : yamlReferences(file, source);
}

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
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
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
            if (CONTROL.test(entry.name)) {
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
function nothingFound(settings, message) {
    if (settings.ifNoFilesFound === 'error')
        throw new src_image/* InputError */.dz(`${message} Fix the files globs, or set if-no-files-found: warn (or ignore) if that can happen.`);
    return { message };
}
/** A Chart.yaml's appVersion by folder, read once each (only a Chart.yaml inside the workspace counts). */
function chartReader(root) {
    const charts = new Map();
    const read = async (folder) => {
        const path = await (0,promises_.realpath)((0,external_node_path_.join)(root, folder, 'Chart.yaml')).catch(() => undefined);
        if (path === undefined || !inside(root, path))
            return undefined;
        return chartAppVersion((0,manifests_source/* decodeSource */.E)(await (0,promises_.readFile)(path)).text);
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
    const { files, namedAs, skipped: skippedLinks } = await findFiles(root, settings.patterns);
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
        unreadable: [],
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
            const folders = (namedAs.get(file) ?? [file]).map((name) => (0,external_node_path_.dirname)(name).replace(/^\.$/, ''));
            const reference = found.helmWithoutTag ? await withAppVersion(found, [...new Set(folders)], chartOf) : found;
            result.references.push(reference);
            if (reference.unreadable !== undefined)
                result.unreadable.push(reference);
            else if (TEMPLATED.test(reference.text))
                result.templated.push(reference);
            else if (reference.helmWithoutTag && reference.writtenDigest === undefined)
                result.chartDecides.push(reference);
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
            ...(result.chartDecides.length > 0 ? [`${result.chartDecides.length} whose tag the chart's appVersion decides`] : []),
            ...(result.unreadable.length > 0 ? [`${result.unreadable.length} that cannot be read`] : [])
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
/** UTF-16 with the other byte order. */
function swapped(bytes) {
    const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    return copy.swap16();
}
function decodeSource(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return { bytes, text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le', mark: 2 };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return { bytes, text: swapped(bytes.subarray(2)).toString('utf16le'), encoding: 'utf16be', mark: 2 };
    const mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(mark);
    try {
        return { bytes, text: UTF8.decode(body), encoding: 'utf8', mark };
    }
    catch {
        return { bytes, text: body.toString('latin1'), encoding: 'latin1', mark };
    }
}
/** Text as bytes in the file's encoding. */
function encode(text, encoding) {
    if (encoding === 'utf16be')
        return Buffer.from(text, 'utf16le').swap16();
    return Buffer.from(text, encoding);
}
/** The source's bytes with each splice applied; the rest byte for byte. Splices must not overlap or share a place. */
function applySplices(source, splices) {
    const sorted = [...splices].sort((a, b) => a.start - b.start);
    const parts = [];
    let charAt = 0;
    let byteAt = source.mark;
    const byteOffset = (char) => {
        // Offsets grow, so each stretch of text is measured once.
        const stretch = source.text.slice(charAt, char);
        byteAt +=
            source.encoding === 'utf8' ? Buffer.byteLength(stretch, 'utf8') : source.encoding === 'latin1' ? stretch.length : stretch.length * 2;
        charAt = char;
        return byteAt;
    };
    let copied = 0;
    let previous;
    for (const splice of sorted) {
        if (previous !== undefined && (splice.start < previous.end || splice.start === previous.start))
            throw new Error(`two edits at the same place (offsets ${previous.start} and ${splice.start})`);
        const start = byteOffset(splice.start);
        parts.push(source.bytes.subarray(copied, start), encode(splice.text, source.encoding));
        copied = byteOffset(splice.end);
        previous = splice;
    }
    parts.push(source.bytes.subarray(copied));
    return Buffer.concat(parts);
}


/***/ })

};

//# sourceMappingURL=330.index.js.map