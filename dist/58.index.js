export const id = 58;
export const ids = [58];
export const modules = {

/***/ 55064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ extractReferences)
});

// EXTERNAL MODULE: ../src/manifests/reference.ts
var reference = __webpack_require__(11547);
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
        // Heredocs: the lines up to each delimiter are the instruction's body. One never closed is no
        // heredoc here: the lines after it are read as instructions, so no FROM goes unchecked.
        for (const { dash, delimiter } of heredocs(text)) {
            let end = index;
            while (end < lines.length && (dash ? content(end).replace(/^\t+/, '') : content(end)) !== delimiter)
                end++;
            if (end < lines.length)
                index = end + 1;
        }
    }
    return found;
}
/**
 * The heredocs an instruction opens, as BuildKit finds them: only in RUN, COPY and ADD (also after
 * ONBUILD), in words split on white space outside quotes, each word `[n]<<[-]DELIMITER`, the delimiter
 * possibly quoted.
 */
function heredocs(instruction) {
    const words = instruction.match(/(?:[^\s"'\\]+|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+/g) ?? [];
    const keyword = (words[0]?.toUpperCase() === 'ONBUILD' ? words[1] : words[0])?.toUpperCase() ?? '';
    if (!['RUN', 'COPY', 'ADD'].includes(keyword))
        return [];
    const found = [];
    for (const word of words) {
        const match = /^\d*<<(-?)([^<]*)$/.exec(word);
        // The delimiter as the shell lexes it: quotes and escapes removed (`<<"EOF"`, `<<\EOF`, `<<E"OF"`).
        const delimiter = match?.[2]?.replace(/\\(.)|["']/g, '$1') ?? '';
        if (match && delimiter !== '')
            found.push({ dash: match[1] === '-', delimiter });
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
                ...(whole ? { edit: (0,reference/* referenceEdit */.k)(source, offset, offset + image.length) } : { unpinnable: 'it is written across lines' })
            });
        }
        if (stage)
            stages.add(stage.toLowerCase());
    }
    return found;
}

// EXTERNAL MODULE: ../src/manifests/yaml-references.ts + 1 modules
var yaml_references = __webpack_require__(60189);
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
    return DOCKERFILE.test(file) && !YAML_OR_JSON.test(file) ? dockerfileReferences(file, source) : (0,yaml_references/* yamlReferences */.U)(file, source);
}


/***/ }),

/***/ 11547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ TEMPLATED),
/* harmony export */   k: () => (/* binding */ referenceEdit)
/* harmony export */ });
// A reference found in a file: where it is, what it reads, and how to pin it in place. What every
// format's reader returns (extract.ts chooses the reader).
/** `{{ .Values.x }}`, `${VAR}`, `$VAR`: a value a template or a shell fills in later. */
const TEMPLATED = /\{\{|\$\{|\$[A-Za-z_]/;
/** The edit that pins a reference written as the text [start, end): its `@digest` replaced, or one appended. */
function referenceEdit(source, start, end) {
    const at = source.slice(start, end).indexOf('@');
    return { start: at < 0 ? end : start + at, end, before: '@', after: '' };
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


/***/ }),

/***/ 60189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ chartAppVersion),
  U: () => (/* binding */ yamlReferences)
});

// EXTERNAL MODULE: ../node_modules/yaml/dist/index.js
var dist = __webpack_require__(6637);
// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/manifests/reference.ts
var reference = __webpack_require__(11547);
;// CONCATENATED MODULE: ../src/manifests/formats/yaml-nodes.ts
// The YAML machinery every YAML reader shares (Kubernetes, Helm, kustomize, CloudFormation, workflows):
// one document's anchors and aliases, merge keys as YAML 1.2 and Go's reader read them, where a
// scalar's exact text is written, and the edits that put a digest into a string or a map.


/** The anchors of a document, read once (resolving each alias by walking the document took quadratic time). */
function anchorsOf(document) {
    const anchors = new Map();
    (0,dist/* visit */.YR)(document, (_key, node) => {
        const anchored = node;
        if (anchored && typeof anchored.anchor === 'string' && anchored.range) {
            const list = anchors.get(anchored.anchor) ?? [];
            list.push({ at: anchored.range[0], node: anchored });
            anchors.set(anchored.anchor, list);
        }
    });
    for (const list of anchors.values())
        list.sort((a, b) => a.at - b.at);
    return anchors;
}
/** A node with aliases followed to what they name (undefined for an alias to nothing). */
function resolved(node, context) {
    if (!(0,dist/* isAlias */.Vj)(node))
        return node;
    const at = node.range?.[0] ?? Infinity;
    const list = context.anchors.get(node.source) ?? [];
    // The last anchor before the alias (binary search: a name may be anchored again and again).
    let low = 0;
    let high = list.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if ((list[middle]?.at ?? Infinity) < at)
            low = middle + 1;
        else
            high = middle;
    }
    return list[low - 1]?.node;
}
/** `<<`, as YAML 1.2 reads it (a string) and as YAML 1.1 does (a merge key). */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'));
}
/** The maps a map merges in with `<<` (an alias, a map, or a list of them), nearest first. */
function mergedMaps(map, context) {
    const maps = [];
    for (const item of map.items) {
        if (!isMergeKey(item.key))
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
function yaml_nodes_valueOf(map, key, context, seen = new Set()) {
    return remembered(`spec\u0000${key}`, map, context, () => {
        seen.add(map);
        const pair = ownPair(map, key);
        if (pair !== undefined)
            return resolved(pair.value, context);
        for (const merged of mergedMaps(map, context)) {
            if (seen.has(merged))
                continue;
            const value = yaml_nodes_valueOf(merged, key, context, seen);
            if (value !== undefined)
                return value;
        }
        return undefined;
    });
}
/**
 * The value of `key` as Go's YAML reader (yaml.v2, which Helm uses) reads it: the map's items in
 * order, the last one that sets the key winning, a merge setting what its maps hold (the first map of
 * a merge list winning among them).
 */
function goValueOf(map, key, context, seen = new Set()) {
    return remembered(`go\u0000${key}`, map, context, () => {
        seen.add(map);
        let value;
        for (const item of map.items) {
            if (isMergeKey(item.key)) {
                const merged = resolved(item.value, context);
                const sources = (0,dist/* isSeq */.oP)(merged) ? merged.items.map((entry) => resolved(entry, context)) : [merged];
                for (const source of sources.reverse())
                    if ((0,dist/* isMap */.jh)(source) && !seen.has(source)) {
                        const set = goValueOf(source, key, context, seen);
                        if (set !== undefined)
                            value = set;
                    }
            }
            else if ((0,dist/* isScalar */.jn)(item.key) && item.key.value === key)
                value = resolved(item.value, context);
        }
        return value;
    });
}
function remembered(reader, map, context, read) {
    const known = context.values.get(reader) ?? new Map();
    context.values.set(reader, known);
    if (known.has(map))
        return known.get(map);
    const value = read();
    known.set(map, value);
    return value;
}
function scalarOf(map, key, context) {
    const value = yaml_nodes_valueOf(map, key, context);
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
function emptyValueEdit(source, keyEnd, quote) {
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
        before: `${/[ \t]/.test(source[at - 1] ?? '') ? '' : ' '}${quote}`,
        after: `${quote}${source[end] === '#' ? ' ' : ''}`
    };
}
/**
 * Where a map's digest goes (a Helm map's, a kustomize entry's): its own digest's value when it has one
 * (an empty `digest:` gets one, after a space); else a new key inside the map, after the line of the
 * first of `after` it has (else another key's written on one line with its value: never after the
 * map's last key, which may hold a list, a map or a block scalar), with the map's indentation and that
 * line's ending; in a flow map, `, digest: …` after its last value (`, "digest": "…"` in JSON, told by
 * how its `named` key is written).
 */
function digestKeyEdit(map, context, keys) {
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
            if (digest.tag !== undefined && digest.tag !== 'tag:yaml.org,2002:str')
                return { why: `its empty digest is tagged ${digest.tag.replace('tag:yaml.org,2002:', '!!')}: write digest: "" instead` };
            // In JSON (a quoted key), the value is quoted too: `"digest": null` becomes `"digest": "sha256:…"`.
            const quote = digestPair.key?.type === 'QUOTE_DOUBLE' ? '"' : '';
            const edit = emptyValueEdit(source, digestPair.key?.range?.[1] ?? digest.range?.[0] ?? 0, quote);
            return edit ? { edit } : { why: 'its empty digest cannot be located' };
        }
        const located = locate(digest, source);
        const [start, end] = digest.range ?? [];
        if (empty && QUOTED.has(digest.type ?? '') && start !== undefined && end !== undefined)
            return { edit: { start: start + 1, end: end - 1, before: '', after: '' } };
        if (located.range === undefined)
            return { why: `its digest cannot be edited in place (${located.why ?? 'its place is unknown'})` };
        return { edit: { ...located.range, before: '', after: '' } };
    }
    if (map.flow) {
        const last = map.items.at(-1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
        if (lastEnd === undefined)
            return { why: 'it is an empty flow map' };
        const json = ownPair(map, keys.named)?.key?.type === 'QUOTE_DOUBLE';
        return {
            edit: json
                ? { start: lastEnd, end: lastEnd, before: ', "digest": "', after: '"' }
                : { start: lastEnd, end: lastEnd, before: ', digest: ', after: '' }
        };
    }
    // After a key written on one line with its value (a scalar, an alias, `<<: [*a, *b]`), indented where
    // that key's line starts it (before any anchor or tag of the key; a map that starts on a list item's
    // line, `- repository: x`, has its keys at that key's column).
    for (const pair of [...keys.after.map((key) => ownPair(map, key)), ...map.items]) {
        const key = pair?.key;
        const value = pair?.value;
        if (!(0,dist/* isScalar */.jn)(key) || value === undefined || ((0,dist/* isScalar */.jn)(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')))
            continue;
        const [keyStart] = key.range ?? [];
        const [, valueEnd] = value.range ?? [];
        if (keyStart === undefined || valueEnd === undefined)
            continue;
        const { line, col } = lines.linePos(keyStart);
        if (line !== lines.linePos(valueEnd).line)
            continue;
        const lineStart = keyStart - (col - 1);
        const indent = source.slice(lineStart, keyStart).replace(/(?:[&!][^\s]*[ \t]+)+$/, '');
        if (!/^[ \t]*(?:-[ \t]+)*$/.test(indent))
            continue;
        const { at, eol } = lineEndAt(source, valueEnd);
        return { edit: { start: at, end: at, before: `${eol}${' '.repeat(indent.length)}digest: `, after: '' } };
    }
    return { why: 'none of its keys is written on one line with its value, to put a digest key after' };
}
const lineOf = (node, context) => context.lines.linePos(node?.range?.[0] ?? 0).line;
/** A reference written as one scalar (`image: repo:tag[@digest]`); `skip` characters before it are not part of it (`docker://`). */
function scalarReference(scalar, context, skip = 0) {
    if (typeof scalar.value !== 'string' || scalar.value.trim() === '')
        return undefined;
    const located = locate(scalar, context.source);
    const value = located.value.slice(skip);
    const range = located.range && { start: located.range.start + skip, end: located.range.end };
    const why = located.why;
    const at = value.indexOf('@');
    return {
        file: context.file,
        line: context.lines.linePos(range?.start ?? scalar.range?.[0] ?? 0).line,
        text: value,
        ...(at >= 0 && { writtenDigest: value.slice(at + 1) }),
        ...(range ? { edit: (0,reference/* referenceEdit */.k)(context.source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
    };
}

;// CONCATENATED MODULE: ../src/manifests/yaml-references.ts
// References in YAML and JSON: every `image:` (Kubernetes containers, initContainers and
// ephemeralContainers in any workload or template, image volumes' `image: {reference}`, docker
// compose services, ECS containerDefinitions), and Helm values' `image: {registry?, repository, tag?,
// digest?}` maps, block or flow; read with a real parser that keeps source ranges. Aliases and merge
// keys (`<<: *base`) resolve to what they name, and a reference is pinned where its text is written
// (the anchor). What cannot be read exactly (an alias to nothing, a tag Helm would render otherwise)
// is named at its line; what cannot be pinned in place says why.




/** A float64 as Go's `%v` and `strconv.FormatFloat(f, 'g', -1, 64)` write it: `1.1`, `1e+06`, `1.234567e+06`. */
function goFloat(value) {
    if (!Number.isFinite(value))
        return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
    if (value === 0)
        return Object.is(value, -0) ? '-0' : '0';
    const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
    const exponent = Number(exponentText);
    if (exponent < -4 || exponent >= 6)
        return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return String(value);
}
/**
 * The text Helm renders for a plain scalar Go's YAML reader (yaml.v2, YAML 1.1) reads as a number or a
 * boolean, when that is not the text written: in values, numbers become float64 (`1.10` renders `1.1`,
 * `010` renders `8`, 1234567 renders `1.234567e+06`); in Chart.yaml's string fields, an integer keeps its
 * digits. `yes` renders `true`. Undefined when Helm renders the text as written (or it is `!!str`).
 */
function helmRenders(scalar, where) {
    if (scalar.type !== 'PLAIN' || scalar.tag === 'tag:yaml.org,2002:str')
        return undefined;
    const text = String(scalar.source ?? scalar.value ?? '');
    let rendered;
    if (/^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$/.test(text))
        rendered = 'true';
    else if (/^(?:n|N|no|No|NO|off|Off|OFF|false|False|FALSE)$/.test(text))
        rendered = 'false';
    else {
        const plain = text.replace(/_/g, '');
        const integer = /^([-+]?)(?:0b([01]+)|0x([0-9a-fA-F]+)|0([0-7]+)|([0-9]+))$/.exec(plain);
        if (integer) {
            const [, sign, binary, hex, octal, decimal] = integer;
            const magnitude = binary ? parseInt(binary, 2) : hex ? parseInt(hex, 16) : octal ? parseInt(octal, 8) : Number(decimal);
            const value = sign === '-' ? -magnitude : magnitude;
            rendered = where === 'chart' ? String(value) : goFloat(value);
        }
        else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain))
            rendered = goFloat(Number(plain));
        else if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(plain))
            rendered = 'a number JSON cannot hold';
    }
    return rendered !== undefined && rendered !== text ? rendered : undefined;
}
/** A Helm values map: `{registry?, repository, tag?, digest?}`; `parts` collects the scalars it reads. */
function helmReference(map, context, parts) {
    const { file, source } = context;
    // An alias to no anchor among the keys that make the reference (Go's YAML reader, Helm's, refuses it).
    for (const pair of map.items) {
        const key = isMergeKey(pair.key) ? '<<' : (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (!['repository', 'registry', 'tag', 'digest', '<<'].includes(key))
            continue;
        const values = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
        const dangling = values.find((value) => (0,dist/* isAlias */.Vj)(value) && resolved(value, context) === undefined);
        if ((0,dist/* isAlias */.Vj)(dangling))
            return {
                file,
                line: lineOf(dangling, context),
                text: `*${dangling.source}`,
                unreadable: `its ${key} is the alias *${dangling.source}, which names no anchor`
            };
    }
    const repository = scalarOf(map, 'repository', context);
    if (repository === undefined || typeof repository.value !== 'string')
        return undefined;
    // A key written twice, or a merge after the map's own keys: Go's reader takes the last one.
    const disputed = ['repository', 'registry', 'tag', 'digest'].find((key) => yaml_nodes_valueOf(map, key, context) !== goValueOf(map, key, context));
    if (disputed !== undefined)
        return {
            file,
            line: lineOf(map, context),
            text: locate(repository, source).value,
            unreadable: `its ${disputed} is set twice (a key written again, or a merge key after the map's own keys), and Go's YAML reader, which Helm uses, takes the last: write each key once, and merge keys first`
        };
    const [registry, tag, digest] = ['registry', 'tag', 'digest'].map((key) => scalarOf(map, key, context));
    // The repository's line, or the map's own when the repository comes from elsewhere (`<<: *base`).
    const line = ownPair(map, 'repository') !== undefined ? lineOf(repository, context) : lineOf(map, context);
    for (const [key, part] of Object.entries({ repository, registry, tag, digest }))
        if (part !== undefined)
            parts.set(part, `the ${key} of the Helm map at line ${line}`);
    const text = (scalar) => (scalar === undefined || scalar.value === null ? '' : locate(scalar, source).value);
    const name = [text(registry) ? `${text(registry)}/` : '', text(repository)].join('').replace(/^\/+/, '');
    const digestText = text(digest);
    const written = digestText ? { writtenDigest: digestText } : {};
    const rendered = tag !== undefined ? helmRenders(tag, 'values') : undefined;
    if (rendered !== undefined)
        return {
            file,
            line: lineOf(tag, context),
            text: `${name}:${text(tag)}`,
            unreadable: `Helm reads the tag ${text(tag)} as a number or boolean and renders ${rendered}, so the image it deploys is not ${text(tag)}; quote it ("${text(tag)}")`
        };
    if (text(tag).includes('@')) {
        // `tag: v1@sha256:…`: the digest is written in the tag, and pinned there.
        if (digestText !== '')
            return { file, line, text: `${name}:${text(tag)}`, unreadable: 'both its tag and its digest key hold a digest: keep one' };
        const located = locate(tag, source);
        return {
            file,
            line,
            text: `${name}:${text(tag)}`,
            writtenDigest: text(tag).slice(text(tag).indexOf('@') + 1),
            ...(located.range
                ? { edit: (0,reference/* referenceEdit */.k)(source, located.range.start, located.range.end) }
                : { unpinnable: `its tag cannot be edited in place (${located.why ?? 'its place is unknown'})` })
        };
    }
    const { edit, why } = digestKeyEdit(map, context, { after: ['tag', 'repository'], named: 'repository' });
    const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) };
    if (text(tag) === '')
        // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from the Chart.yaml beside the file.
        return { file, line, text: digestText ? `${name}@${digestText}` : name, ...written, ...pinning, helmWithoutTag: true };
    return { file, line, text: `${name}:${text(tag)}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning };
}
/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(node, context, parts) {
    if ((0,dist/* isScalar */.jn)(node))
        return scalarReference(node, context);
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    const volume = scalarOf(node, 'reference', context);
    if (volume !== undefined && yaml_nodes_valueOf(node, 'repository', context) === undefined)
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
        const context = { file, source, lines, anchors: anchorsOf(document), values: new Map() };
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
    const context = { file: 'Chart.yaml', source, lines: new dist/* LineCounter */.HN(), anchors: anchorsOf(document), values: new Map() };
    const value = scalarOf(document.contents, 'appVersion', context);
    if (value === undefined || value.value === null)
        return undefined;
    const text = locate(value, source).value.trim();
    const rendered = helmRenders(value, 'chart');
    if (rendered !== undefined)
        return { unreadable: `Helm reads its appVersion ${text} as ${rendered}; quote it ("${text}")` };
    return text === '' ? undefined : { appVersion: text };
}


/***/ })

};

//# sourceMappingURL=58.index.js.map