export const id = 549;
export const ids = [549];
export const modules = {

/***/ 7549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportCommitStatus: () => (/* binding */ reportCommitStatus)
/* harmony export */ });
/* unused harmony exports STATUS_ATTEMPTS, StatusError, postCommitStatus */
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61035);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34704);
// The commit status (commit-status): the gate's verdict (verdict/ending.ts says which) posted to a
// commit under a stable context, so branch protection can require it whatever workflow produced it.
// Through @actions/github, which reads GITHUB_API_URL (GitHub Enterprise Server) and the proxy settings
// when it loads: main.ts loads this module only when commit-status is set, and it loads @actions/github
// only after setting the proxy. A GitHub outage is retried; what GitHub refuses is said in one sentence
// naming the permission. The token is never logged.


/** Attempts at posting the status, for a GitHub outage or a stall. */
const STATUS_ATTEMPTS = 3;
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
    if (unreached(error) && /aborted due to timeout/i.test((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
        return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (no answer within each attempt's budget). The lookup's result above stands; retry the job to set the status.`;
    if (unreached(error))
        return `Could not set ${where}: GitHub's API at ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)(process.env.GITHUB_API_URL ?? 'https://api.github.com')} could not be reached in ${attempts} attempt(s) (${firstLine(error)}). Check GITHUB_API_URL, the proxy settings and the network; the lookup's result above stands, and rerunning the job sets the status.`;
    const cause = status !== undefined ? `HTTP ${status}` : firstLine(error);
    return `Could not set ${where}: GitHub did not take it after ${attempts} attempt(s) (${cause}). The lookup's result above stands; retry the job to set the status.`;
}
/**
 * Whether the request never got an answer: Octokit reports a network failure (a refused connection, a
 * name that does not resolve) as HTTP 500 with no response, though no server said 500.
 */
function unreached(error) {
    const failure = error;
    return failure.status === 500 && failure.response === undefined;
}
function firstLine(error) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .Hk)((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '').slice(0, 200);
}
/** Whether an attempt's failure is worth another attempt: a GitHub outage, throttling, a stall, the network. */
function retryable(error) {
    const status = error.status;
    return status === undefined || status >= 500 || status === 429;
}
/** Posts the status, retrying an outage; throws StatusError with one sentence when GitHub does not take it. */
async function postCommitStatus(settings, status, options) {
    // Loaded here, not above: @actions/github reads GITHUB_API_URL and the proxy when it loads.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 288).then(__webpack_require__.bind(__webpack_require__, 80288));
    const octokit = getOctokit(settings.token);
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
    return status !== undefined && !unreached(error) ? `HTTP ${status}` : firstLine(error).slice(0, 120);
}
/**
 * Posts the status with the action's proxy and budgets: each attempt gets what the deadline leaves, at
 * least its share of timeout; past the deadline, one attempt within the grace, so an error status still
 * gets out.
 */
async function reportCommitStatus(settings, status, context) {
    if (context.proxy) {
        // @actions/github takes its proxy from the environment: the action's own setting wins.
        process.env.HTTPS_PROXY = process.env.HTTP_PROXY = context.proxy.url.href;
        process.env.NO_PROXY = context.proxy.noProxy;
    }
    const expired = context.deadline.expired;
    const share = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptBudgetMs */ .Ps)(context.timeoutMs, STATUS_ATTEMPTS);
    await postCommitStatus(settings, status, {
        attempts: expired ? 1 : STATUS_ATTEMPTS,
        attemptBudgetMs: () => expired ? Math.min(share, context.graceMs) : Math.min(_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTEMPT_BUDGET_MS */ .D_, Math.max(context.deadline.remainingMs(), share)),
        sleep: (ms) => (0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(ms),
        log: context.log
    });
}


/***/ })

};

//# sourceMappingURL=549.index.js.map