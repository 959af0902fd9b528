// The AWS JSON 1.1 wire format as ECR answers: JSON bodies, and errors with their code in the
// x-amzn-ErrorType header and the {"__type","message"} body.
import { randomUUID } from 'node:crypto'

/** An error answer in the AWS JSON 1.1 shape. */
export class AwsError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

/**
 * Sends an error the way ECR does: status, x-amzn-ErrorType header and {"__type","message"} body.
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} code @param {string} message
 */
export function sendAwsError(res, status, code, message) {
  sendJson(res, status, { __type: code, message }, { 'x-amzn-ErrorType': code })
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers
  })
  res.end(text)
}

/** The parsed JSON body, or undefined when it is not JSON. @param {string} text */
export function safeParse(text) {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
