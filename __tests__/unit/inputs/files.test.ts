// files.ts: the files, pin and if-no-files-found inputs' syntax.
import { describe, expect, it } from '@jest/globals'
import { parseFilePatterns, parseIfNoFilesFound } from '../../../src/inputs/files.js'

describe('parseFilePatterns', () => {
  it('takes one glob per line, leaving out blank lines and comments', () => {
    expect(parseFilePatterns('k8s/**/*.yaml\n\n# helm\n  helm/values.yaml \n!k8s/test/**')).toEqual([
      'k8s/**/*.yaml',
      'helm/values.yaml',
      '!k8s/test/**'
    ])
    expect(parseFilePatterns('')).toEqual([])
  })

  it.each([
    ['/etc/passwd', /is an absolute path/],
    ['C:\\\\k8s\\\\a.yaml', /is an absolute path/],
    ['../other/*.yaml', /leaves the workspace/],
    ['k8s/../../x', /leaves the workspace/],
    ['!', /excludes nothing/],
    ['!k8s/**', /every pattern excludes/],
    ['[z-a].yaml', /^files: '\[z-a\]\.yaml' is not a valid glob: a \[range\] in it runs backwards/],
    ['{a,{b,c}}.yaml', /^files: '\{a,\{b,c\}\}\.yaml' nests braces/]
  ])('rejects %j', (text, message) => {
    expect(() => parseFilePatterns(text)).toThrow(message)
  })
})

describe('parseIfNoFilesFound', () => {
  it.each([
    ['', 'error'],
    ['WARN', 'warn'],
    ['ignore', 'ignore']
  ])('%j is %s', (text, expected) => {
    expect(parseIfNoFilesFound(text)).toBe(expected)
  })

  it('rejects anything else', () => {
    expect(() => parseIfNoFilesFound('skip')).toThrow("if-no-files-found 'skip' must be error, warn or ignore.")
  })
})
