export const id = 292;
export const ids = [292];
export const modules = {

/***/ 72450:
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
                ...(whole ? { edit: (0,reference/* referenceEdit */.k8)(source, offset, offset + image.length) } : { unpinnable: 'it is written across lines' })
            });
        }
        if (stage)
            stages.add(stage.toLowerCase());
    }
    return found;
}

;// CONCATENATED MODULE: ../src/manifests/formats/jsonc.ts
// JSON with comments and trailing commas (devcontainer.json, VS Code's JSONC): the comments and the
// trailing commas become spaces, so the text keeps every offset and line, and the YAML reader (YAML is
// a superset of JSON) reads it with source positions. Pin edits the original text at those offsets.
/** The text with `//` and `/* … *\/` comments and trailing commas blanked (line breaks kept); strings untouched. */
function blankJsonComments(text) {
    const out = text.split('');
    let lastComma = -1;
    const blank = (from, to) => {
        for (let index = from; index < to; index++)
            if (out[index] !== '\n' && out[index] !== '\r')
                out[index] = ' ';
    };
    let index = 0;
    while (index < text.length) {
        const char = text[index];
        if (char === '"') {
            // A string, escapes included: a comment marker or a comma inside it is text.
            index++;
            while (index < text.length && text[index] !== '"' && text[index] !== '\n')
                index += text[index] === '\\' ? 2 : 1;
            index++;
            lastComma = -1;
        }
        else if (char === '/' && text[index + 1] === '/') {
            const end = text.indexOf('\n', index);
            blank(index, end < 0 ? text.length : end);
            index = end < 0 ? text.length : end;
        }
        else if (char === '/' && text[index + 1] === '*') {
            const end = text.indexOf('*/', index + 2);
            blank(index, end < 0 ? text.length : end + 2);
            index = end < 0 ? text.length : end + 2;
        }
        else if (char === ',') {
            // Two commas in a row are not a trailing comma: left for the parser to refuse.
            lastComma = lastComma === -1 ? index : -2;
            index++;
        }
        else if (char === '}' || char === ']') {
            if (lastComma >= 0)
                out[lastComma] = ' ';
            lastComma = -1;
            index++;
        }
        else {
            if (char !== undefined && !/\s/.test(char))
                lastComma = -1;
            index++;
        }
    }
    return out.join('');
}

// EXTERNAL MODULE: ../src/image.ts
var src_image = __webpack_require__(30126);
// EXTERNAL MODULE: ../src/text.ts
var src_text = __webpack_require__(34704);
;// CONCATENATED MODULE: ../src/manifests/formats/terraform.ts
// Terraform (`.tf`, HCL): image references in `image_uri` (aws_lambda_function), `image_identifier`
// (App Runner) and `image` (container definitions written as `jsonencode({...})`, or as a JSON heredoc,
// and anywhere else). Read with a tokenizer that knows HCL exactly where it matters: strings with
// escapes and `${…}`/`%{…}` templates (nested strings and braces included; `$${` is a literal), heredocs
// (`<<EOF`, `<<-EOF`), and `#`, `//` and `/* */` comments, so a reference in a comment or a string's
// interpolation is never taken for one. No HCL parser for JavaScript keeps source positions, and what
// pin needs is each string's exact place: a tokenizer gives exactly that. A value with interpolation
// (`${var.tag}`) is templated: a notice, as everywhere.



/** The attribute names that hold an image reference. */
const IMAGE_KEYS = new Set(['image_uri', 'image_identifier', 'image']);
const TEMPLATED_HINT = 'Check the value Terraform gives it where it is set, or write the reference itself with its digest';
class HclError extends Error {
    at;
    constructor(at, message) {
        super(message);
        this.at = at;
    }
}
/** Tokens of an HCL file: names, strings (their content's range), heredoc bodies and punctuation; comments skipped. */
function tokenize(source) {
    const tokens = [];
    let index = 0;
    /** Skips a `${…}` or `%{…}` template from its `{`: nested braces and strings; returns the index after its `}`. */
    const skipTemplate = (open) => {
        let depth = 0;
        let at = open;
        while (at < source.length) {
            const char = source[at];
            if (char === '{')
                depth++;
            else if (char === '}') {
                depth--;
                if (depth === 0)
                    return at + 1;
            }
            else if (char === '"') {
                at = readString(at).end + 1;
                continue;
            }
            else if (char === '#' || (char === '/' && (source[at + 1] === '/' || source[at + 1] === '*'))) {
                at = skipComment(at);
                continue;
            }
            at++;
        }
        throw new HclError(open, 'a template ${…} is never closed');
    };
    /** A string from its opening quote: its content's range, and whether it has templates or escapes. */
    const readString = (quote) => {
        let at = quote + 1;
        let templated = false;
        let escaped = false;
        while (at < source.length) {
            const char = source[at];
            if (char === '"')
                return { start: quote + 1, end: at, templated, escaped };
            if (char === '\n')
                break;
            if (char === '\\') {
                escaped = true;
                at += 2;
            }
            else if ((char === '$' || char === '%') && source[at + 1] === char && source[at + 2] === '{') {
                escaped = true; // `$${` and `%%{` are a literal `${` and `%{`
                at += 3;
            }
            else if ((char === '$' || char === '%') && source[at + 1] === '{') {
                templated = true;
                at = skipTemplate(at + 1);
            }
            else
                at++;
        }
        throw new HclError(quote, 'a string is never closed on its line');
    };
    /** Skips a comment from its first character; returns the index after it. */
    const skipComment = (at) => {
        if (source[at] === '/' && source[at + 1] === '*') {
            const end = source.indexOf('*/', at + 2);
            if (end < 0)
                throw new HclError(at, 'a /* comment is never closed');
            return end + 2;
        }
        const end = source.indexOf('\n', at);
        return end < 0 ? source.length : end;
    };
    while (index < source.length) {
        const char = source[index] ?? '';
        if (/\s/.test(char))
            index++;
        else if (char === '#' || (char === '/' && (source[index + 1] === '/' || source[index + 1] === '*')))
            index = skipComment(index);
        else if (char === '"') {
            const string = readString(index);
            tokens.push({ kind: 'string', ...string });
            index = string.end + 1;
        }
        else if (char === '<' && source[index + 1] === '<' && /^<<-?[A-Za-z_][\w-]*[ \t]*\r?\n/.test(source.slice(index, index + 200))) {
            const header = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(source.slice(index));
            const start = index + header[0].length;
            const marker = new RegExp(`^[ \\t]*${header[2]}[ \\t]*\\r?$`, 'm');
            const rest = source.slice(start);
            const close = marker.exec(rest);
            if (close === null)
                throw new HclError(index, `the heredoc <<${header[1]}${header[2]} is never closed`);
            tokens.push({ kind: 'heredoc', start, end: start + close.index });
            index = start + close.index + close[0].length;
        }
        else if (/[A-Za-z_]/.test(char)) {
            const name = /^[A-Za-z_][\w-]*/.exec(source.slice(index, index + 256))?.[0] ?? char;
            tokens.push({ kind: 'name', text: name, start: index });
            index += name.length;
        }
        else {
            tokens.push({ kind: 'punct', text: char, start: index });
            index++;
        }
    }
    return tokens;
}
/** The 1-based line of an offset, by binary search over the file's line starts (counted once per file). */
function lineCounter(source) {
    const starts = [0];
    for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1))
        starts.push(index + 1);
    return (offset) => {
        let low = 0;
        let high = starts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if ((starts[middle] ?? 0) <= offset)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
}
/** A reference written as a string's content [start, end); `lambda`: a Lambda image URI, pinned without its tag. */
function stringReference(reading, string, lambda = false) {
    const { file, source } = reading;
    const text = source.slice(string.start, string.end);
    const line = reading.lineAt(string.start);
    if (string.templated)
        return { file, line, text, templated: TEMPLATED_HINT };
    const at = text.indexOf('@');
    const name = at >= 0 ? text.slice(0, at) : text;
    return {
        file,
        line,
        text,
        ...(at >= 0 && { writtenDigest: text.slice(at + 1) }),
        // A Lambda URI still written with its tag is rewritten even when its digest is current.
        ...(lambda && name.lastIndexOf(':') > name.lastIndexOf('/') && { rewrite: true }),
        ...(string.escaped
            ? { unpinnable: 'it is written with escapes' }
            : { edit: (lambda ? reference/* digestOnlyEdit */.Bv : reference/* referenceEdit */.k8)(source, string.start, string.end) })
    };
}
/** `"image": "…"` inside a heredoc of JSON (container_definitions = <<EOF … EOF); a heredoc of anything else (a script) is not read. */
function heredocReferences(reading, start, end) {
    const found = [];
    const body = reading.source.slice(start, end);
    if (!/^\s*[[{]/.test(body))
        return found;
    for (const match of body.matchAll(/"(image|image_uri|imageUri)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g)) {
        const valueStart = start + (match.index ?? 0) + match[0].length - 1 - (match[2]?.length ?? 0);
        const value = match[2] ?? '';
        found.push(stringReference(reading, {
            start: valueStart,
            end: valueStart + value.length,
            templated: /(?<![$%])[$%]\{/.test(value),
            escaped: value.includes('\\')
        }));
    }
    return found;
}
/** Every image reference in a Terraform file, in file order. Throws InputError naming the line when it is not HCL. */
function terraformReferences(file, source) {
    const reading = { file, source, lineAt: lineCounter(source) };
    let tokens;
    try {
        tokens = tokenize(source);
    }
    catch (error) {
        if (!(error instanceof HclError))
            throw error;
        throw new src_image/* InputError */.dz(`files: ${(0,src_text/* safeText */.Hk)(file)}:${reading.lineAt(error.at)} is not valid HCL (${error.message}); fix the file or leave it out of files.`);
    }
    const found = [];
    tokens.forEach((token, index) => {
        if (token.kind === 'heredoc') {
            found.push(...heredocReferences(reading, token.start, token.end));
            return;
        }
        const key = token.kind === 'name' ? token.text : token.kind === 'string' ? source.slice(token.start, token.end) : undefined;
        if (key === undefined || !IMAGE_KEYS.has(key))
            return;
        const operator = tokens[index + 1];
        const value = tokens[index + 2];
        if (operator?.kind !== 'punct' || (operator.text !== '=' && operator.text !== ':'))
            return;
        // Lambda's image_uri takes a tag or a digest, never both: pin replaces the tag.
        if (value?.kind === 'string')
            found.push(stringReference(reading, value, key === 'image_uri'));
        else if (value?.kind === 'name') {
            // A conditional (`var.prod ? "a" : "b"`): each string it can give, on the key's line, is a reference.
            const line = reading.lineAt(token.start);
            const strings = [];
            let conditional = false;
            for (let next = index + 2; next < tokens.length; next++) {
                const candidate = tokens[next];
                if (reading.lineAt(candidate.start) !== line)
                    break;
                if (candidate.kind === 'string')
                    strings.push(candidate);
                if (candidate.kind === 'punct' && candidate.text === '?')
                    conditional = true;
            }
            if (conditional && strings.length > 0)
                for (const string of strings)
                    found.push(stringReference(reading, string, key === 'image_uri'));
            else if (/^(?:var|local|module|data)$/.test(value.text)) {
                // `image_uri = var.image`: what the variable holds is known elsewhere.
                const lineEnd = source.indexOf('\n', value.start);
                const text = source
                    .slice(value.start, lineEnd < 0 ? source.length : lineEnd)
                    .replace(/\s*(?:#|\/\/).*$/, '')
                    .trim();
                found.push({ file, line: reading.lineAt(value.start), text, templated: TEMPLATED_HINT });
            }
        }
    });
    return found;
}

// EXTERNAL MODULE: ../src/registry-host.ts
var registry_host = __webpack_require__(78791);
;// CONCATENATED MODULE: ../src/manifests/formats/text.ts
// Any other text file a glob names (scripts, Makefiles, CDK code, docs): every complete ECR reference
// in its text, `<account>.dkr.ecr.<region>.<suffix>/<repository>:<tag>` or `@<digest>`, whatever the
// partition (registry-host.ts). A reference whose tag is a variable (`…/app:${TAG}`, `$TAG`, `$(TAG)`,
// `{{ .Tag }}`, `{tag}`, `%s`) is templated: a notice. Pin appends or replaces `@digest` in place.


const SEGMENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
/** A registry host, a repository, then a tag and/or a digest, or a variable where the tag goes. */
const REFERENCE = new RegExp(`(?:(?<=docker://|oci://)|(?<![A-Za-z0-9_./-]))(\\d{12}\\.dkr(?:\\.ecr|-ecr)(?:-fips)?\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+)/(${SEGMENT}(?:/${SEGMENT})*)` +
    `(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}|\\$\\{[^}\\n]{1,100}\\}|\\$[A-Za-z_]\\w*|\\$\\([^)\\n]{1,100}\\)|\\{\\{[^}\\n]{1,100}\\}\\}|\\{[A-Za-z_][\\w.]{0,100}\\}|%[sdv]))?(?:@(sha256:[a-f0-9]{64}(?![a-f0-9])|sha512:[a-f0-9]{128}))?`, 'g');
/** What may not follow a reference: more of a tag, a path or a URL (`+build`, `/x`, `:latest`, a tag over 128 characters). */
const CONTINUES = /^[A-Za-z0-9_.+:/-]/;
/** A variable or template right after it (`:v1-${ARCH}`, `@${DIGEST}`): the reference is templated. */
const TEMPLATE_FOLLOWS = /^@?(?:\$|\{\{|%)/;
const text_TEMPLATED_HINT = 'Pin the value its variable is given, or write the reference itself with its digest';
function textReferences(file, source) {
    const found = [];
    let line = 1;
    let counted = 0;
    for (const match of source.matchAll(REFERENCE)) {
        const [, host = '', , rawTag, digest] = match;
        if (!(0,registry_host/* isEcrHost */.R5)(host.toLowerCase()))
            continue;
        // A sentence's full stop is not part of a tag.
        const tag = digest === undefined ? rawTag?.replace(/\.+$/, '') : rawTag;
        if (tag === undefined && digest === undefined)
            continue;
        const start = match.index ?? 0;
        const text = match[0].slice(0, match[0].length - ((rawTag?.length ?? 0) - (tag?.length ?? 0)));
        const after = source.slice(start + match[0].length, start + match[0].length + 3);
        const templatedAfter = TEMPLATE_FOLLOWS.test(after);
        // A full stop after it ends a sentence; anything else that continues the token makes it no reference.
        const fullStop = /^\.(?:\s|$)/.test(after);
        if (!templatedAfter && !fullStop && CONTINUES.test(after))
            continue;
        for (let at = source.indexOf('\n', counted); at >= 0 && at < start; at = source.indexOf('\n', at + 1))
            line++;
        counted = start;
        if (!templatedAfter && after.startsWith('@')) {
            // `@` and then no digest it can read (sha384, uppercase hexadecimal, cut short): never a second digest after it.
            found.push({
                file,
                line,
                text: `${text}${after}…`,
                unreadable: 'what follows its @ is not a digest (sha256: and 64, or sha512: and 128, lowercase hexadecimal characters)'
            });
            continue;
        }
        if (templatedAfter || (tag !== undefined && /^[${%]/.test(tag))) {
            found.push({ file, line, text, templated: text_TEMPLATED_HINT });
            continue;
        }
        found.push({
            file,
            line,
            text,
            ...(digest !== undefined && { writtenDigest: digest }),
            edit: (0,reference/* referenceEdit */.k8)(source, start, start + text.length)
        });
    }
    return found;
}

// EXTERNAL MODULE: ../src/manifests/yaml-references.ts + 2 modules
var yaml_references = __webpack_require__(9001);
;// CONCATENATED MODULE: ../src/manifests/extract.ts
// Image references in the files users write, with the line each is on and how to pin it in place.
// One reader per format, chosen by the file's name: Dockerfiles (dockerfile-references.ts), Terraform
// (formats/terraform.ts), YAML and JSON (yaml-references.ts, which tells Kubernetes, Helm, kustomize,
// Argo CD, CloudFormation and SAM, GitHub workflows and Copilot apart by content; JSON with comments,
// such as devcontainer.json, through formats/jsonc.ts), and any other text (formats/text.ts). Offsets
// are into the decoded text (source.ts); a reference that cannot be read, or cannot be pinned in
// place, says why.





/** `Dockerfile`, `Dockerfile.prod`, `api.dockerfile`, `Containerfile`; not `Dockerfile.yaml` (YAML) or `…json`. */
const DOCKERFILE = /(?:^|[/.])(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:dockerfile|containerfile)$/i;
const YAML = /\.ya?ml$/i;
/** JSON, and JSON with comments (`.jsonc`, `devcontainer.json`, `.devcontainer.json`). */
const JSON_FILE = /\.jsonc?$/i;
const TERRAFORM = /\.(?:tf|tfvars)$/i;
/** kustomize's other accepted file name, without an extension. */
const KUSTOMIZATION = /(?:^|\/)Kustomization$/;
/** Which reader a file takes, by its name. */
function formatOf(file) {
    if (YAML.test(file) || KUSTOMIZATION.test(file))
        return 'yaml';
    if (JSON_FILE.test(file))
        return 'json';
    if (DOCKERFILE.test(file))
        return 'dockerfile';
    if (TERRAFORM.test(file))
        return 'terraform';
    return 'text';
}
/** Every image reference in a file's text, in file order. Throws InputError for a file its reader cannot parse. */
function extractReferences(file, source) {
    switch (formatOf(file)) {
        case 'dockerfile':
            return dockerfileReferences(file, source);
        case 'terraform':
            return terraformReferences(file, source);
        case 'json':
            // Comments and trailing commas become spaces: every offset and line stays where it is.
            return (0,yaml_references/* yamlReferences */.U)(file, blankJsonComments(source));
        case 'yaml':
            return (0,yaml_references/* yamlReferences */.U)(file, source);
        case 'text':
            return textReferences(file, source);
    }
}


/***/ }),

/***/ 11547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ digestOnlyEdit),
/* harmony export */   Jo: () => (/* binding */ TEMPLATED),
/* harmony export */   k8: () => (/* binding */ referenceEdit)
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
/**
 * The edit that pins a reference to `<repository>@<digest>`, its tag replaced: for AWS Lambda's image
 * URI, which refuses a tag and a digest together ("Source image … is not valid").
 */
function digestOnlyEdit(source, start, end) {
    const text = source.slice(start, end);
    const at = text.indexOf('@');
    const name = at < 0 ? text : text.slice(0, at);
    const colon = name.lastIndexOf(':');
    const cut = colon > name.lastIndexOf('/') ? colon : name.length;
    return { start: start + cut, end, before: '@', after: '' };
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

/***/ 9001:
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
var manifests_reference = __webpack_require__(11547);
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
        ...(range ? { edit: (0,manifests_reference/* referenceEdit */.k8)(context.source, range.start, range.end) } : { unpinnable: why ?? 'it cannot be located' })
    };
}
/**
 * A map whose tag key holds a digest (Helm's `tag: v1@sha256:…`, kustomize's `newTag: v1@sha256:…`):
 * the reference reads the digest there, and pin updates it there. Both a digest in the tag and a digest
 * key is one digest too many.
 */
function tagWithDigest(where, tag, digestKey, context) {
    const tagText = locate(tag, context.source).value;
    if (digestKey !== '')
        return { ...where, unreadable: 'both its tag and its digest key hold a digest: keep one' };
    const located = locate(tag, context.source);
    return {
        ...where,
        writtenDigest: tagText.slice(tagText.indexOf('@') + 1),
        ...(located.range
            ? { edit: (0,manifests_reference/* referenceEdit */.k8)(context.source, located.range.start, located.range.end) }
            : { unpinnable: `its tag cannot be edited in place (${located.why ?? 'its place is unknown'})` })
    };
}

;// CONCATENATED MODULE: ../src/manifests/formats/yaml-formats.ts
// What each kind of YAML or JSON document holds besides `image:` (yaml-references.ts reads those in
// every document): kustomize's `images:` entries and Argo CD's kustomize image strings,
// CloudFormation and SAM image properties (intrinsic functions kept as data, and named as templated),
// and GitHub workflows' `container:`/`services:` strings and `uses: docker://` steps. The kind is told
// by the file's name and its content.



/** What a kind of document holds, told by the file's name and the document's top-level keys. */
function documentKind(document, file) {
    const top = document.contents;
    if (!(0,dist/* isMap */.jh)(top))
        return 'other';
    const name = file.slice(file.lastIndexOf('/') + 1);
    const text = (key) => {
        const value = ownPair(top, key)?.value;
        return (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
    };
    if (/^(?:kustomization\.ya?ml|Kustomization)$/.test(name) || text('kind') === 'Kustomization')
        return 'kustomization';
    const resources = ownPair(top, 'Resources')?.value;
    const awsTypes = (0,dist/* isMap */.jh)(resources) &&
        resources.items.some((item) => (0,dist/* isMap */.jh)(item.value) && /^(?:AWS|Alexa)::/.test(String(ownPair(item.value, 'Type')?.value?.value)));
    // A Transform (AWS::Serverless, AWS::LanguageExtensions), alone or in a list, is CloudFormation's.
    const transform = ownPair(top, 'Transform')?.value;
    const transforms = (0,dist/* isSeq */.oP)(transform) ? transform.items : [transform];
    const awsTransform = transforms.some((item) => (0,dist/* isScalar */.jn)(item) && /^AWS::/.test(String(item.value)));
    if (ownPair(top, 'AWSTemplateFormatVersion') !== undefined || awsTransform || awsTypes)
        return 'cloudformation';
    const on = top.items.some((item) => (0,dist/* isScalar */.jn)(item.key) && (item.key.value === 'on' || item.key.value === true));
    if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(file) || (on && (0,dist/* isMap */.jh)(ownPair(top, 'jobs')?.value)))
        return 'workflow';
    return 'other';
}
/** CloudFormation's and SAM's keys that hold an image URI: Lambda and SAM, ECS and Batch (and SageMaker), App Runner. */
const CLOUDFORMATION_KEYS = new Set(['ImageUri', 'Image', 'ImageIdentifier']);
const CLOUDFORMATION_TEMPLATED = "Check the value it is given where it is set (the deploy command's --parameter-overrides), or write the image URI itself with its digest";
const WORKFLOW_TEMPLATED = "Pin it where the expression's value is set, or write the reference itself with its digest";
/** A value written as something other than one plain string (`!Ref X`, `{"Fn::Sub": …}`): its text, on one line, for the notice. */
function templatedReference(node, context, hint) {
    const [start = 0, end = start] = node.range ?? [];
    const written = context.source.slice(start, end).replace(/\s+/g, ' ').trim();
    const tag = node.tag;
    const text = tag !== undefined && !written.startsWith(tag) ? `${tag} ${written}` : written;
    return { file: context.file, line: lineOf(node, context), text: text.length > 200 ? `${text.slice(0, 199)}…` : text, templated: hint };
}
/** An intrinsic function in JSON or YAML map form: `{"Ref": …}`, `{"Fn::Sub": …}`. */
function isIntrinsic(map) {
    return map.items.length === 1 && (0,dist/* isScalar */.jn)(map.items[0]?.key) && /^(?:Ref|Condition|Fn::\w+)$/.test(String(map.items[0]?.key.value));
}
function cloudFormationReference(key, value, context) {
    if ((0,dist/* isScalar */.jn)(value)) {
        // `!Sub 'literal'` (and `!!str`) is its text; any other tag (`!Ref`, `!GetAtt`, `!ImportValue`) names something else.
        if (value.tag === undefined || value.tag === '!Sub' || value.tag === 'tag:yaml.org,2002:str') {
            const reference = scalarReference(value, context);
            if (reference === undefined)
                return undefined;
            if (/\$\{/.test(reference.text))
                return { ...reference, templated: CLOUDFORMATION_TEMPLATED };
            // Lambda's ImageUri takes a tag or a digest, never both: pin replaces the tag.
            return key === 'ImageUri' ? lambdaReference(reference, context) : reference;
        }
        return templatedReference(value, context, CLOUDFORMATION_TEMPLATED);
    }
    if (((0,dist/* isMap */.jh)(value) && isIntrinsic(value)) || ((0,dist/* isSeq */.oP)(value) && value.tag !== undefined))
        return templatedReference(value, context, CLOUDFORMATION_TEMPLATED);
    return undefined;
}
/** The edit of a Lambda image URI: `<repository>@<digest>`, its tag replaced (see digestOnlyEdit). */
function lambdaEdit(reference, context) {
    const edit = reference.edit;
    if (edit === undefined)
        return undefined;
    // The reference's own text ends where its edit does (an appended or replaced digest).
    const start = edit.end - reference.text.length;
    return context.source.slice(start, edit.end) === reference.text ? (0,manifests_reference/* digestOnlyEdit */.Bv)(context.source, start, edit.end) : edit;
}
/** A Lambda reference: pinned without its tag, and rewritten even when its digest is current if a tag is still written. */
function lambdaReference(reference, context) {
    if (reference.edit === undefined)
        return reference;
    const name = reference.text.split('@')[0] ?? '';
    const tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
    return { ...reference, edit: lambdaEdit(reference, context), ...(tagged && { rewrite: true }) };
}
/**
 * Where a CloudFormation key sits: under a resource's Properties (not a custom resource's or Image
 * Builder's, whose `Image` is something else), or SAM's Globals; never Mappings, Parameters or Outputs.
 */
function inResource(path) {
    const pairs = path.filter(dist/* isPair */.tO);
    const [section, resource] = pairs;
    const top = (0,dist/* isScalar */.jn)(section?.key) ? section.key.value : undefined;
    if (top === 'Globals')
        return true;
    if (top !== 'Resources')
        return false;
    // Fn::ForEach::Name: [Identifier, [values], {template}]: its template's resources are resources.
    if ((0,dist/* isScalar */.jn)(resource?.key) && String(resource.key.value).startsWith('Fn::ForEach::'))
        return true;
    if (!(0,dist/* isMap */.jh)(resource?.value))
        return false;
    const type = String(ownPair(resource.value, 'Type')?.value?.value ?? '');
    return !/^(?:Custom::|AWS::CloudFormation::CustomResource|AWS::ImageBuilder::)/.test(type);
}
/** A workflow's reference: `container: <ref>`, `services: {name: <ref>}`, `uses: docker://<ref>` (not a step's `with:` inputs). */
/** Whether a pair sits in a workflow step's `with:` inputs (a `with` key inside `steps`). */
function underStepInputs(path) {
    const keys = path.flatMap((node) => ((0,dist/* isPair */.tO)(node) && (0,dist/* isScalar */.jn)(node.key) ? [node.key.value] : []));
    const steps = keys.indexOf('steps');
    return steps >= 0 && keys.indexOf('with', steps) > steps;
}
function workflowReferences(pair, path, context) {
    if (underStepInputs(path))
        return [];
    const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
    const withHint = (reference) => reference === undefined ? [] : [/\$\{\{/.test(reference.text) ? { ...reference, templated: WORKFLOW_TEMPLATED } : reference];
    if (key === 'container' && (0,dist/* isScalar */.jn)(pair.value))
        return withHint(scalarReference(pair.value, context));
    if (key === 'services' && (0,dist/* isMap */.jh)(pair.value))
        return pair.value.items.flatMap((service) => ((0,dist/* isScalar */.jn)(service.value) ? withHint(scalarReference(service.value, context)) : []));
    if (key === 'uses' && (0,dist/* isScalar */.jn)(pair.value) && typeof pair.value.value === 'string' && pair.value.value.startsWith('docker://'))
        return withHint(scalarReference(pair.value, context, 'docker://'.length));
    return [];
}
/**
 * A kustomize `images:` entry: `{name, newName?, newTag?, digest?}`. kustomize uses digest over newTag
 * and keeps both; pin gives the entry a digest (after newTag) or updates it. Without newTag or digest the
 * tag is the base manifest's: a notice, never `:latest`.
 */
function kustomizeReference(map, context, helmRenders) {
    const [name, newName, newTag, digest] = ['name', 'newName', 'newTag', 'digest'].map((key) => scalarOf(map, key, context));
    const repository = newName ?? name;
    if (repository === undefined || typeof repository.value !== 'string')
        return undefined;
    const text = (scalar) => scalar === undefined || scalar.value === null ? '' : locate(scalar, context.source).value;
    const file = context.file;
    const line = lineOf(name ?? repository, context);
    const repo = text(repository);
    const digestText = text(digest);
    const tagText = text(newTag);
    const rendered = newTag !== undefined ? helmRenders(newTag) : undefined;
    if (rendered !== undefined)
        return {
            file,
            line: lineOf(newTag, context),
            text: `${repo}:${tagText}`,
            unreadable: `kustomize reads the newTag ${tagText} as a number or boolean and writes ${rendered}; quote it ("${tagText}")`
        };
    if (tagText.includes('@'))
        return tagWithDigest({ file, line, text: `${repo}:${tagText}` }, newTag, digestText, context);
    if (tagText === '' && digestText === '')
        return {
            file,
            line,
            text: repo,
            tagElsewhere: `kustomize keeps the tag the base manifests give ${repo}: give the entry a newTag (pin then adds its digest) to check it here`
        };
    const { edit, why } = digestKeyEdit(map, context, { after: ['newTag', 'newName', 'name'], named: 'name' });
    return {
        file,
        line,
        text: `${repo}${tagText !== '' ? `:${tagText}` : ''}${digestText !== '' ? `@${digestText}` : ''}`,
        ...(digestText !== '' && { writtenDigest: digestText }),
        ...(edit ? { edit } : { unpinnable: why ?? 'its digest cannot be placed' })
    };
}
/**
 * The references a pair holds for this kind of document, besides `image:`. `parentKey` is the key of
 * the map that holds the pair (`kustomize` for Argo CD's image strings).
 */
function formatReferences(kind, pair, path, context, helmRenders) {
    const holder = path.at(-2);
    const parentKey = (0,dist/* isPair */.tO)(holder) && (0,dist/* isScalar */.jn)(holder.key) ? holder.key.value : undefined;
    const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
    if (key === 'images' && (0,dist/* isSeq */.oP)(pair.value)) {
        // Argo CD: `kustomize: {images: ['name=newName:tag', 'repo:tag@sha256:…']}` (an Application, or .argocd-source-<app>.yaml).
        if (parentKey === 'kustomize')
            return pair.value.items.flatMap((item) => {
                if (!(0,dist/* isScalar */.jn)(item) || typeof item.value !== 'string')
                    return [];
                const reference = scalarReference(item, context, item.value.indexOf('=') + 1);
                if (reference === undefined)
                    return [];
                // `name=newName` without a tag or digest keeps the base manifests' tag, as a kustomize entry does.
                if (!/[:@][^/]*$/.test(reference.text.slice(reference.text.lastIndexOf('/') + 1)))
                    return [
                        {
                            file: reference.file,
                            line: reference.line,
                            text: reference.text,
                            tagElsewhere: `Argo CD keeps the tag the base manifests give ${reference.text}: write it with a tag (pin then adds its digest) to check it here`
                        }
                    ];
                return [reference];
            });
        // kustomize's own list: the kustomization's top-level `images` (not a Helm chart's inline values).
        if (kind === 'kustomization' && parentKey === undefined)
            return pair.value.items.flatMap((item) => {
                const reference = (0,dist/* isMap */.jh)(item) ? kustomizeReference(item, context, helmRenders) : undefined;
                return reference ? [reference] : [];
            });
    }
    if (kind === 'cloudformation' && typeof key === 'string' && CLOUDFORMATION_KEYS.has(key) && inResource(path)) {
        const reference = cloudFormationReference(key, pair.value, context);
        return reference ? [reference] : [];
    }
    if (kind === 'workflow')
        return workflowReferences(pair, path, context);
    return [];
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
    // `tag: v1@sha256:…`: the digest is written in the tag, and pinned there.
    if (text(tag).includes('@'))
        return tagWithDigest({ file, line, text: `${name}:${text(tag)}` }, tag, digestText, context);
    const { edit, why } = digestKeyEdit(map, context, { after: ['tag', 'repository'], named: 'repository' });
    const pinning = { ...(edit && { edit }), ...(why !== undefined && { unpinnable: why }) };
    if (text(tag) === '')
        // Helm fills an empty tag from the chart's appVersion: scan.ts reads it from the Chart.yaml beside the file.
        return { file, line, text: digestText ? `${name}@${digestText}` : name, ...written, ...pinning, helmWithoutTag: true };
    return { file, line, text: `${name}:${text(tag)}${digestText ? `@${digestText}` : ''}`, ...written, ...pinning };
}
/** The reference an `image:` value holds: a string, a Helm map, or an image volume's `{reference}`. */
function referenceOf(node, context, parts) {
    // `image: docker://<ref>` (an action's runs.image) is the reference after the scheme.
    if ((0,dist/* isScalar */.jn)(node))
        return scalarReference(node, context, typeof node.value === 'string' && node.value.startsWith('docker://') ? 9 : 0);
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    // An image volume's `{reference}`, an AWS Copilot manifest's `{location}`.
    const whole = scalarOf(node, 'reference', context) ?? scalarOf(node, 'location', context);
    if (whole !== undefined && yaml_nodes_valueOf(node, 'repository', context) === undefined)
        return scalarReference(whole, context);
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
        const kind = documentKind(document, file);
        (0,dist/* visit */.YR)(document, {
            Pair(_key, pair, path) {
                found.push(...formatReferences(kind, pair, path, context, (scalar) => helmRenders(scalar, 'values')));
                if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value !== 'image')
                    return;
                // A workflow step's `with:` inputs are an action's inputs, not the job's images.
                if (kind === 'workflow' && underStepInputs(path))
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
    // One text read twice (an anchored reference a workflow's `container:` and a service's `image: *a`
    // both name) is one reference: pin edits it once.
    const places = new Set();
    // Only the same reference twice: two that share a written place but read otherwise (a tag anchored
    // in two Helm maps of different repositories) both stay, and pin refuses to write the place twice.
    const once = found.filter(({ edit, text, writtenDigest }) => {
        if (edit === undefined)
            return true;
        const place = `${edit.start}:${edit.end}:${text}:${writtenDigest ?? ''}`;
        return !places.has(place) && places.add(place) !== undefined;
    });
    found.splice(0, found.length, ...once);
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

//# sourceMappingURL=292.index.js.map