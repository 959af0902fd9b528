// A typed stand-in for @actions/core, for unit tests of modules that report through it.
import { jest } from '@jest/globals'
import type * as core from '@actions/core'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const notice = jest.fn<typeof core.notice>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const getInput = jest.fn<typeof core.getInput>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const ExitCode = { Success: 0, Failure: 1 } as const
export const summary = {
  addRaw: jest.fn().mockReturnThis(),
  write: jest.fn(async () => undefined)
}
