// run-action.js reads action.yml's inputs without a YAML package: it must read them as a real parser does.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { actionInputs } from '../../../testkit/run-action.js'

describe('actionInputs', () => {
  it('reads every input and default of action.yml as the yaml package does', () => {
    const text = readFileSync('action.yml', 'utf8')
    const real = (parse(text) as { inputs: Record<string, { default?: string }> }).inputs
    expect(actionInputs(text)).toEqual(Object.fromEntries(Object.entries(real).map(([name, spec]) => [name, { default: spec.default }])))
  })
})
