export const id = 481;
export const ids = [481];
export const modules = {

/***/ 53358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ DescribeImageSigningStatusCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18323);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26062);


class DescribeImageSigningStatusCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DescribeImageSigningStatus", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImageSigningStatus$ */ .Ecv) {
}


/***/ }),

/***/ 73242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ ListImageReferrersCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18323);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26062);


class ListImageReferrersCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "ListImageReferrers", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .ListImageReferrers$ */ .sYB) {
}


/***/ })

};

//# sourceMappingURL=481.index.js.map