export const id = 549;
export const ids = [549];
export const modules = {

/***/ 7549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DESCRIPTION_LIMIT: () => (/* binding */ DESCRIPTION_LIMIT),
/* harmony export */   STATUS_ATTEMPTS: () => (/* binding */ STATUS_ATTEMPTS),
/* harmony export */   StatusError: () => (/* binding */ StatusError),
/* harmony export */   commitStatusOf: () => (/* binding */ commitStatusOf),
/* harmony export */   postCommitStatus: () => (/* binding */ postCommitStatus)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80288);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34704);
// The commit status (commit-status): the gate's verdict posted to a commit under a stable context, so
// branch protection can require it whatever workflow produced it. Through @actions/github, which reads
// GITHUB_API_URL (GitHub Enterprise Server) and the proxy settings when it loads: main.ts loads this
// module only when commit-status is set, after the proxy is settled. A GitHub outage is retried; what
// GitHub refuses is said in one sentence naming the permission. The token is never logged.


/** GitHub's limit on a status's description. */
const DESCRIPTION_LIMIT = 140;
/** Attempts at posting the status, for a GitHub outage or a stall. */
const STATUS_ATTEMPTS = 3;
/** The state and description the gate's ending gives: failure for images, error for a lookup that failed. */
function commitStatusOf(report, ending) {
    const total = report.verdicts.length;
    const absent = report.verdicts.filter((verdict) => verdict.status === 'absent').length;
    let state;
    let description;
    if (ending.kind === 'call-error' || ending.kind === 'timed-out') {
        state = 'error';
        description = `The lookup failed: ${ending.message}`;
    }
    else if (ending.kind === 'failing-images' || ending.kind === 'gave-up') {
        state = 'failure';
        description = `${report.failing.length} of ${total} images failed the gate${ending.kind === 'gave-up' ? ' (gave up waiting)' : ''}`;
    }
    else {
        state = 'success';
        description = absent > 0 ? `${absent} of ${total} images absent, as expected` : `${report.found.length} of ${total} images found`;
    }
    const text = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)(description);
    return { state, description: text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT - 1)}…` : text };
}
/** A status GitHub did not take: the step fails with this message. */
class StatusError extends Error {
    name = 'StatusError';
}
function githubSaid(error) {
    const said = error.response?.data?.message;
    return typeof said === 'string' ? ` (GitHub said: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)(said).slice(0, 200)})` : '';
}
function describeStatusError(error, settings, attempts) {
    const where = `the commit status ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)(settings.context)} on ${settings.sha.slice(0, 12)} in ${settings.owner}/${settings.repo}`;
    const status = error.status;
    if (status === 401)
        return `Could not set ${where}: GitHub rejected the token (HTTP 401)${githubSaid(error)}. Check github-token.`;
    if (status === 403)
        return `Could not set ${where}: the token may not write statuses (HTTP 403)${githubSaid(error)}. Give the job \`permissions: statuses: write\`; a pull request from a fork gets a read-only token, so set the status from a workflow_run workflow instead.`;
    if (status === 404)
        return `Could not set ${where}: GitHub answered HTTP 404${githubSaid(error)}: the token cannot see that repository, or lacks statuses: write. Check github-token and the job's permissions.`;
    if (status === 422)
        return `GitHub refused ${where} (HTTP 422)${githubSaid(error)}: check commit-sha.`;
    const cause = status !== undefined ? `HTTP ${status}` : (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '').slice(0, 200);
    return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (${cause}). The lookup's result above stands; retry the job to set the status.`;
}
/** Whether an attempt's failure is worth another attempt: a GitHub outage, throttling, a stall, the network. */
function retryable(error) {
    const status = error.status;
    return status === undefined || status >= 500 || status === 429;
}
/** Posts the status, retrying an outage; throws StatusError with one sentence when GitHub does not take it. */
async function postCommitStatus(settings, status, options) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token);
    let lastError;
    let attempt = 0;
    while (++attempt <= options.attempts) {
        try {
            await octokit.rest.repos.createCommitStatus({
                owner: settings.owner,
                repo: settings.repo,
                sha: settings.sha,
                state: status.state,
                context: settings.context,
                description: status.description,
                ...(settings.targetUrl !== undefined && { target_url: settings.targetUrl }),
                request: { signal: AbortSignal.timeout(Math.max(1, options.attemptBudgetMs())), retries: 0 }
            });
            options.log(`Set the commit status ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)(settings.context)} on ${settings.sha}: ${status.state} (${status.description}).`);
            return;
        }
        catch (error) {
            lastError = error;
            if (!retryable(error) || attempt === options.attempts)
                break;
            options.log(`GitHub did not take the commit status (${describeAttempt(error)}); trying again.`);
            await options.sleep(500 * 2 ** (attempt - 1));
        }
    }
    throw new StatusError(describeStatusError(lastError, settings, Math.min(attempt, options.attempts)));
}
function describeAttempt(error) {
    const status = error.status;
    return status !== undefined ? `HTTP ${status}` : (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '').slice(0, 120);
}


/***/ })

};

//# sourceMappingURL=549.index.js.map