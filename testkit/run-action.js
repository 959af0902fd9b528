// Runs the action (dist/index.js, which loads the bundle dist/action.js) as a child process the way the GitHub runner does:
// inputs as INPUT_* variables (with action.yml's defaults for those not given), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, RUNNER_TEMP, and the exit code. Credentials and endpoint point at a fake ECR.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FAKE_CREDENTIALS } from './fake-ecr/index.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ACTION_ENTRY = join(ROOT, 'dist', 'index.js')

/**
 * The `inputs:` of action.yml, each with its default, read without a YAML package (so `npm run demo`
 * works with nothing installed). It reads the shapes action.yml uses: plain and quoted scalars, and
 * literal blocks (`|`); __tests__/unit/testkit/run-action.test.ts checks it against a real parser.
 * @param {string} [text] @returns {Record<string, { default?: string }>}
 */
export function actionInputs(text = readFileSync(join(ROOT, 'action.yml'), 'utf8')) {
  /** @type {Record<string, { default?: string }>} */
  const inputs = {}
  const lines = text.split(/\r?\n/)
  const start = lines.indexOf('inputs:')
  let current = ''
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (/^\S/.test(line)) break // the next top-level key
    const name = /^ {2}([\w-]+):\s*$/.exec(line)
    if (name) {
      current = name[1] ?? ''
      inputs[current] = {}
      continue
    }
    const value = /^ {4}default:\s?(.*)$/.exec(line)
    if (!value || current === '') continue
    const raw = (value[1] ?? '').trim()
    if (raw === '|') {
      const block = []
      for (index++; index < lines.length && (/^ {6}/.test(lines[index] ?? '') || lines[index] === ''); index++)
        block.push((lines[index] ?? '').slice(6))
      index--
      inputs[current] = { default: `${block.join('\n').replace(/\n+$/, '')}\n` }
    } else if (/^'.*'$/.test(raw)) inputs[current] = { default: raw.slice(1, -1).replace(/''/g, "'") }
    else if (/^".*"$/.test(raw)) inputs[current] = { default: JSON.parse(raw) }
    else inputs[current] = { default: raw }
  }
  return inputs
}

/** The runner's name for an input's variable: INPUT_ + name upper-cased, spaces to '_'. @param {string} name */
export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * An environment with the fake's credentials that ignores this machine's AWS settings (config files
 * under `home`, which do not exist) and never probes instance metadata off loopback.
 * @param {string} home @returns {Record<string, string | undefined>}
 */
export function fakeAwsEnvironment(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'eu-west-1'
  }
}

/**
 * The action's inputs as the runner passes them: INPUT_* for each, action.yml's default where not given.
 * @param {Record<string, string>} inputs @returns {Record<string, string>}
 */
export function inputEnvironment(inputs) {
  /** @type {Record<string, string>} */
  const env = {}
  for (const [name, spec] of Object.entries(actionInputs())) env[inputVariable(name)] = inputs[name] ?? spec.default ?? ''
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  return env
}

/**
 * A step's runner files under `temp` (GITHUB_OUTPUT and GITHUB_STEP_SUMMARY created empty, RUNNER_TEMP
 * a folder) and the environment the runner gives the action: the fake's credentials and endpoint, the
 * files, and the inputs as INPUT_* variables. The one way the harness, demo, bench and profile build it.
 * @param {{ temp: string, endpoint?: string, inputs: Record<string, string>, summary?: boolean }} options
 *   summary: false leaves GITHUB_STEP_SUMMARY unset
 * @returns {{ env: Record<string, string | undefined>, files: { output: string, summary: string, runnerTemp: string } }}
 */
export function runnerEnvironment({ temp, endpoint, inputs, summary = true }) {
  const files = { output: join(temp, 'github_output'), summary: join(temp, 'step_summary'), runnerTemp: join(temp, 'runner_temp') }
  mkdirSync(files.runnerTemp, { recursive: true })
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  /** @type {Record<string, string | undefined>} */
  const env = {
    ...fakeAwsEnvironment(temp),
    ...(endpoint !== undefined && { AWS_ENDPOINT_URL_ECR: endpoint }),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    ...(summary && { GITHUB_STEP_SUMMARY: files.summary }),
    RUNNER_TEMP: files.runnerTemp,
    ...inputEnvironment(inputs)
  }
  return { env, files }
}

/**
 * Parses a GITHUB_OUTPUT file (name<<DELIMITER ... DELIMITER blocks, or name=value lines).
 * @param {string} text @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value = []
      for (index++; index < lines.length && lines[index] !== delimiter; index++) value.push(lines[index])
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string,
 *   outputs: Record<string, string>, summary: string, errors: string[], warnings: string[], notices: string[],
 *   timedOut: boolean, runnerTemp: string, imagesFile?: string, failuresFile?: string }} ActionRun
 *   imagesFile, failuresFile: the content of the files the images-file and failures-file outputs name, read
 *   before the temporary folder goes
 */

/**
 * @param {{ inputs?: Record<string, string>, env?: Record<string, string | undefined>, endpoint?: string,
 *   node?: string, timeoutMs?: number, summary?: boolean, keepTemp?: boolean,
 *   signalOn?: { stdout: RegExp, signal: NodeJS.Signals } }} options
 *   env: extra variables; undefined removes one. summary: false leaves GITHUB_STEP_SUMMARY unset.
 *   signalOn: sends the signal, as the runner's cancel does, once stdout matches (once).
 * @returns {Promise<ActionRun>}
 */
export async function runAction(options) {
  const temp = mkdtempSync(join(tmpdir(), 'ecr-action-'))
  const { env, files } = runnerEnvironment({
    temp,
    endpoint: options.endpoint,
    inputs: options.inputs ?? {},
    summary: options.summary !== false
  })
  for (const [name, value] of Object.entries(options.env ?? {})) env[name] = value
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name]

  const child = spawn(options.node ?? process.execPath, [ACTION_ENTRY], {
    cwd: temp,
    env: /** @type {NodeJS.ProcessEnv} */ (env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let signalled = false
  child.stdout.setEncoding('utf8').on('data', (data) => {
    stdout += data
    if (options.signalOn && !signalled && options.signalOn.stdout.test(stdout)) {
      signalled = true
      child.kill(options.signalOn.signal)
    }
  })
  child.stderr.setEncoding('utf8').on('data', (data) => (stderr += data))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.timeoutMs ?? 60_000)
  /** @type {[number | null, NodeJS.Signals | null]} */
  const [code, signal] = await new Promise((resolve) => child.on('close', (c, s) => resolve([c, s])))
  clearTimeout(timer)

  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'))
  /** @param {string} name */
  const fileOutput = (name) =>
    outputs[name] && existsSync(outputs[name]) && statSync(outputs[name]).size < 256 * 1024 * 1024
      ? readFileSync(outputs[name], 'utf8')
      : undefined
  const imagesFile = fileOutput('images-file')
  const failuresFile = fileOutput('failures-file')
  const result = {
    code,
    signal,
    stdout,
    stderr,
    outputs,
    ...(imagesFile !== undefined && { imagesFile }),
    ...(failuresFile !== undefined && { failuresFile }),
    summary: readFileSync(files.summary, 'utf8'),
    errors: stdout.split(/\r?\n/).filter((line) => line.startsWith('::error')),
    warnings: stdout.split(/\r?\n/).filter((line) => line.startsWith('::warning')),
    notices: stdout.split(/\r?\n/).filter((line) => line.startsWith('::notice')),
    timedOut,
    runnerTemp: files.runnerTemp
  }
  if (!options.keepTemp) rmSync(temp, { recursive: true, force: true })
  return result
}
