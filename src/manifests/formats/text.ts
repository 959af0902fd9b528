// Any other text file a glob names (scripts, Makefiles, CDK code, docs): every complete ECR reference
// in its text, `<account>.dkr.ecr.<region>.<suffix>/<repository>:<tag>` or `@<digest>`, whatever the
// partition (registry-host.ts). A reference whose tag is a variable (`…/app:${TAG}`, `$TAG`, `$(TAG)`,
// `{{ .Tag }}`, `{tag}`, `%s`) is templated: a notice. Pin appends or replaces `@digest` in place.
import { isEcrHost } from '../../registry-host.js'
import { type FileReference, referenceEdit } from '../reference.js'

const SEGMENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
/** A registry host, a repository, then a tag and/or a digest, or a variable where the tag goes. */
const REFERENCE = new RegExp(
  `(?:(?<=docker://|oci://)|(?<![A-Za-z0-9_./-]))(\\d{12}\\.dkr(?:\\.ecr|-ecr)(?:-fips)?\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+)/(${SEGMENT}(?:/${SEGMENT})*)` +
    `(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}|\\$\\{[^}\\n]{1,100}\\}|\\$[A-Za-z_]\\w*|\\$\\([^)\\n]{1,100}\\)|\\{\\{[^}\\n]{1,100}\\}\\}|\\{[A-Za-z_][\\w.]{0,100}\\}|%[sdv]))?(?:@(sha256:[a-f0-9]{64}(?![a-f0-9])|sha512:[a-f0-9]{128}))?`,
  'g'
)
/** What may not follow a reference: more of a tag, a path or a URL (`+build`, `/x`, `:latest`, a tag over 128 characters). */
const CONTINUES = /^[A-Za-z0-9_.+:/-]/
/** A variable or template right after it (`:v1-${ARCH}`, `@${DIGEST}`): the reference is templated. */
const TEMPLATE_FOLLOWS = /^@?(?:\$|\{\{|%)/

const TEMPLATED_HINT = 'Pin the value its variable is given, or write the reference itself with its digest'

export function textReferences(file: string, source: string): FileReference[] {
  const found: FileReference[] = []
  let line = 1
  let counted = 0
  for (const match of source.matchAll(REFERENCE)) {
    const [, host = '', , rawTag, digest] = match
    if (!isEcrHost(host.toLowerCase())) continue
    // A sentence's full stop is not part of a tag.
    const tag = digest === undefined ? rawTag?.replace(/\.+$/, '') : rawTag
    if (tag === undefined && digest === undefined) continue
    const start = match.index ?? 0
    const text = match[0].slice(0, match[0].length - ((rawTag?.length ?? 0) - (tag?.length ?? 0)))
    const after = source.slice(start + match[0].length, start + match[0].length + 3)
    const templatedAfter = TEMPLATE_FOLLOWS.test(after)
    // A full stop after it ends a sentence; anything else that continues the token makes it no reference.
    const fullStop = /^\.(?:\s|$)/.test(after)
    if (!templatedAfter && !fullStop && CONTINUES.test(after)) continue
    for (let at = source.indexOf('\n', counted); at >= 0 && at < start; at = source.indexOf('\n', at + 1)) line++
    counted = start
    if (!templatedAfter && after.startsWith('@')) {
      // `@` and then no digest it can read (sha384, uppercase hexadecimal, cut short): never a second digest after it.
      found.push({
        file,
        line,
        text: `${text}${after}…`,
        unreadable: 'what follows its @ is not a digest (sha256: and 64, or sha512: and 128, lowercase hexadecimal characters)'
      })
      continue
    }
    if (templatedAfter || (tag !== undefined && /^[${%]/.test(tag))) {
      found.push({ file, line, text, templated: TEMPLATED_HINT })
      continue
    }
    found.push({
      file,
      line,
      text,
      ...(digest !== undefined && { writtenDigest: digest }),
      edit: referenceEdit(source, start, start + text.length)
    })
  }
  return found
}
