export const id = 277;
export const ids = [277];
export const modules = {

/***/ 55277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PinError: () => (/* binding */ PinError),
/* harmony export */   pinFiles: () => (/* binding */ pinFiles),
/* harmony export */   pinFound: () => (/* binding */ pinFound)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _report_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37457);
// pin: true: each found reference in the scanned files becomes its pinned form (`…:tag@sha256:…`, the
// tag kept for readers; a Helm map gains or updates its `digest` key), and everything else in the file
// stays byte for byte. All the new files are written beside their originals first and renamed over
// them only when every one was written, so a file that cannot be written leaves every file unchanged.




/** A file that could not be pinned: the step fails with this message; no file was changed. */
class PinError extends Error {
    name = 'PinError';
}
/** The new text of one reference's edit. */
function replacement(reference, source, digest, eol) {
    const edit = reference.edit;
    if (edit === undefined)
        throw new Error('no edit');
    if (edit.kind === 'reference') {
        const written = source.slice(edit.start, edit.end);
        const to = `${written.replace(/@[^@]*$/, '')}@${digest}`;
        return { start: edit.start, end: edit.end, text: to, to };
    }
    const to = `${reference.text.replace(/@[^@]*$/, '')}@${digest}`;
    if (edit.kind === 'digest')
        return { start: edit.start, end: edit.end, text: digest, to };
    return { start: edit.at, end: edit.at, text: `${eol}${edit.indent}digest: ${digest}`, to };
}
/**
 * Rewrites the references whose found digest differs from the one written (or that have none).
 * `digestOf` gives the digest ECR returned for a request, when it was found.
 */
async function pinFiles(workspace, scan, digestOf) {
    const byFile = new Map();
    for (const [reference, request] of scan.requestOf) {
        const digest = digestOf(request);
        if (digest === undefined || reference.edit === undefined || reference.writtenDigest === digest)
            continue;
        byFile.set(reference.file, [...(byFile.get(reference.file) ?? []), { reference, digest }]);
    }
    const changes = [];
    const staged = [];
    let current = '';
    try {
        for (const [file, edits] of byFile) {
            current = file;
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workspace, file);
            const source = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
            const eol = source.includes('\r\n') ? '\r\n' : '\n';
            const replacements = edits
                .map(({ reference, digest }) => ({ reference, ...replacement(reference, source, digest, eol) }))
                .sort((a, b) => b.start - a.start);
            let text = source;
            for (const change of replacements)
                text = `${text.slice(0, change.start)}${change.text}${text.slice(change.end)}`;
            for (const change of [...replacements].reverse())
                changes.push({ file, line: change.reference.line, from: change.reference.text, to: change.to });
            const temporary = `${path}.ecr-pin-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.tmp`;
            staged.push({ path, temporary });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, text, 'utf8');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(temporary, (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).mode);
        }
    }
    catch (error) {
        await Promise.all(staged.map(({ temporary }) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true }).catch(() => undefined)));
        throw new PinError(`pin: could not write ${current}: ${(0,_report_files_js__WEBPACK_IMPORTED_MODULE_3__/* .describeFileError */ .SQ)(error)}. No file was changed.`);
    }
    for (const { path, temporary } of staged)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
    return { changes, files: [...byFile.keys()] };
}
/** Pins what the report found: each file reference gets the digest ECR returned for it. */
function pinFound(workspace, scan, report) {
    const digests = new Map(report.found.map((verdict) => [verdict.request, verdict.image.imageId?.imageDigest]));
    return pinFiles(workspace, scan, (request) => digests.get(request));
}


/***/ })

};

//# sourceMappingURL=277.index.js.map