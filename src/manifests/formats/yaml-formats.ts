// What each kind of YAML or JSON document holds besides `image:` (yaml-references.ts reads those in
// every document): kustomize's `images:` entries and Argo CD's kustomize image strings,
// CloudFormation and SAM image properties (intrinsic functions kept as data, and named as templated),
// and GitHub workflows' `container:`/`services:` strings and `uses: docker://` steps. The kind is told
// by the file's name and its content.
import { type Document, type Node, type Pair, type Scalar, type YAMLMap, isMap, isPair, isScalar, isSeq } from 'yaml'
import { type FileReference, digestOnlyEdit } from '../reference.js'
import { type Context, digestKeyEdit, lineOf, locate, ownPair, scalarOf, scalarReference, tagWithDigest } from './yaml-nodes.js'

export type DocumentKind = 'kustomization' | 'cloudformation' | 'workflow' | 'other'

/** What a kind of document holds, told by the file's name and the document's top-level keys. */
export function documentKind(document: Document.Parsed, file: string): DocumentKind {
  const top = document.contents
  if (!isMap(top)) return 'other'
  const name = file.slice(file.lastIndexOf('/') + 1)
  const text = (key: string): string | undefined => {
    const value = ownPair(top, key)?.value
    return isScalar(value) && typeof value.value === 'string' ? value.value : undefined
  }
  if (/^(?:kustomization\.ya?ml|Kustomization)$/.test(name) || text('kind') === 'Kustomization') return 'kustomization'
  const resources = ownPair(top, 'Resources')?.value
  const awsTypes =
    isMap(resources) &&
    resources.items.some(
      (item) => isMap(item.value) && /^(?:AWS|Alexa)::/.test(String((ownPair(item.value, 'Type')?.value as Scalar | undefined)?.value))
    )
  // A Transform (AWS::Serverless, AWS::LanguageExtensions), alone or in a list, is CloudFormation's.
  const transform = ownPair(top, 'Transform')?.value
  const transforms = isSeq(transform) ? transform.items : [transform]
  const awsTransform = transforms.some((item) => isScalar(item) && /^AWS::/.test(String(item.value)))
  if (ownPair(top, 'AWSTemplateFormatVersion') !== undefined || awsTransform || awsTypes) return 'cloudformation'
  const on = top.items.some((item) => isScalar(item.key) && (item.key.value === 'on' || item.key.value === true))
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(file) || (on && isMap(ownPair(top, 'jobs')?.value))) return 'workflow'
  return 'other'
}

/** CloudFormation's and SAM's keys that hold an image URI: Lambda and SAM, ECS and Batch (and SageMaker), App Runner. */
const CLOUDFORMATION_KEYS = new Set(['ImageUri', 'Image', 'ImageIdentifier'])

const CLOUDFORMATION_TEMPLATED =
  "Check the value it is given where it is set (the deploy command's --parameter-overrides), or write the image URI itself with its digest"
const WORKFLOW_TEMPLATED = "Pin it where the expression's value is set, or write the reference itself with its digest"

/** A value written as something other than one plain string (`!Ref X`, `{"Fn::Sub": …}`): its text, on one line, for the notice. */
function templatedReference(node: Node, context: Context, hint: string): FileReference {
  const [start = 0, end = start] = node.range ?? []
  const written = context.source.slice(start, end).replace(/\s+/g, ' ').trim()
  const tag = (node as { tag?: string }).tag
  const text = tag !== undefined && !written.startsWith(tag) ? `${tag} ${written}` : written
  return { file: context.file, line: lineOf(node, context), text: text.length > 200 ? `${text.slice(0, 199)}…` : text, templated: hint }
}

/** An intrinsic function in JSON or YAML map form: `{"Ref": …}`, `{"Fn::Sub": …}`. */
function isIntrinsic(map: YAMLMap): boolean {
  return map.items.length === 1 && isScalar(map.items[0]?.key) && /^(?:Ref|Condition|Fn::\w+)$/.test(String(map.items[0]?.key.value))
}

function cloudFormationReference(key: string, value: unknown, context: Context): FileReference | undefined {
  if (isScalar(value)) {
    // `!Sub 'literal'` (and `!!str`) is its text; any other tag (`!Ref`, `!GetAtt`, `!ImportValue`) names something else.
    if (value.tag === undefined || value.tag === '!Sub' || value.tag === 'tag:yaml.org,2002:str') {
      const reference = scalarReference(value, context)
      if (reference === undefined) return undefined
      if (/\$\{/.test(reference.text)) return { ...reference, templated: CLOUDFORMATION_TEMPLATED }
      // Lambda's ImageUri takes a tag or a digest, never both: pin replaces the tag.
      return key === 'ImageUri' ? lambdaReference(reference, context) : reference
    }
    return templatedReference(value, context, CLOUDFORMATION_TEMPLATED)
  }
  if ((isMap(value) && isIntrinsic(value)) || (isSeq(value) && (value as { tag?: string }).tag !== undefined))
    return templatedReference(value as Node, context, CLOUDFORMATION_TEMPLATED)
  return undefined
}

/** The edit of a Lambda image URI: `<repository>@<digest>`, its tag replaced (see digestOnlyEdit). */
function lambdaEdit(reference: FileReference, context: Context): FileReference['edit'] {
  const edit = reference.edit
  if (edit === undefined) return undefined
  // The reference's own text ends where its edit does (an appended or replaced digest).
  const start = edit.end - reference.text.length
  return context.source.slice(start, edit.end) === reference.text ? digestOnlyEdit(context.source, start, edit.end) : edit
}

/** A Lambda reference: pinned without its tag, and rewritten even when its digest is current if a tag is still written. */
function lambdaReference(reference: FileReference, context: Context): FileReference {
  if (reference.edit === undefined) return reference
  const name = reference.text.split('@')[0] ?? ''
  const tagged = name.lastIndexOf(':') > name.lastIndexOf('/')
  return { ...reference, edit: lambdaEdit(reference, context), ...(tagged && { rewrite: true as const }) }
}

/**
 * Where a CloudFormation key sits: under a resource's Properties (not a custom resource's or Image
 * Builder's, whose `Image` is something else), or SAM's Globals; never Mappings, Parameters or Outputs.
 */
function inResource(path: readonly unknown[]): boolean {
  const pairs = path.filter(isPair)
  const [section, resource] = pairs
  const top = isScalar(section?.key) ? section.key.value : undefined
  if (top === 'Globals') return true
  if (top !== 'Resources') return false
  // Fn::ForEach::Name: [Identifier, [values], {template}]: its template's resources are resources.
  if (isScalar(resource?.key) && String(resource.key.value).startsWith('Fn::ForEach::')) return true
  if (!isMap(resource?.value)) return false
  const type = String((ownPair(resource.value, 'Type')?.value as Scalar | undefined)?.value ?? '')
  return !/^(?:Custom::|AWS::CloudFormation::CustomResource|AWS::ImageBuilder::)/.test(type)
}

/** A workflow's reference: `container: <ref>`, `services: {name: <ref>}`, `uses: docker://<ref>` (not a step's `with:` inputs). */
/** Whether a pair sits in a workflow step's `with:` inputs (a `with` key inside `steps`). */
export function underStepInputs(path: readonly unknown[]): boolean {
  const keys = path.flatMap((node) => (isPair(node) && isScalar(node.key) ? [node.key.value] : []))
  const steps = keys.indexOf('steps')
  return steps >= 0 && keys.indexOf('with', steps) > steps
}

function workflowReferences(pair: Pair, path: readonly unknown[], context: Context): FileReference[] {
  if (underStepInputs(path)) return []
  const key = isScalar(pair.key) ? pair.key.value : undefined
  const withHint = (reference: FileReference | undefined): FileReference[] =>
    reference === undefined ? [] : [/\$\{\{/.test(reference.text) ? { ...reference, templated: WORKFLOW_TEMPLATED } : reference]
  if (key === 'container' && isScalar(pair.value)) return withHint(scalarReference(pair.value, context))
  if (key === 'services' && isMap(pair.value))
    return pair.value.items.flatMap((service) => (isScalar(service.value) ? withHint(scalarReference(service.value, context)) : []))
  if (key === 'uses' && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.startsWith('docker://'))
    return withHint(scalarReference(pair.value, context, 'docker://'.length))
  return []
}

/**
 * A kustomize `images:` entry: `{name, newName?, newTag?, digest?}`. kustomize uses digest over newTag
 * and keeps both; pin gives the entry a digest (after newTag) or updates it. Without newTag or digest the
 * tag is the base manifest's: a notice, never `:latest`.
 */
function kustomizeReference(
  map: YAMLMap,
  context: Context,
  helmRenders: (scalar: Scalar) => string | undefined
): FileReference | undefined {
  const [name, newName, newTag, digest] = ['name', 'newName', 'newTag', 'digest'].map((key) => scalarOf(map, key, context))
  const repository = newName ?? name
  if (repository === undefined || typeof repository.value !== 'string') return undefined
  const text = (scalar: Scalar | undefined): string =>
    scalar === undefined || scalar.value === null ? '' : locate(scalar, context.source).value
  const file = context.file
  const line = lineOf(name ?? repository, context)
  const repo = text(repository)
  const digestText = text(digest)
  const tagText = text(newTag)
  const rendered = newTag !== undefined ? helmRenders(newTag) : undefined
  if (rendered !== undefined)
    return {
      file,
      line: lineOf(newTag, context),
      text: `${repo}:${tagText}`,
      unreadable: `kustomize reads the newTag ${tagText} as a number or boolean and writes ${rendered}; quote it ("${tagText}")`
    }
  if (tagText.includes('@')) return tagWithDigest({ file, line, text: `${repo}:${tagText}` }, newTag as Scalar, digestText, context)
  if (tagText === '' && digestText === '')
    return {
      file,
      line,
      text: repo,
      tagElsewhere: `kustomize keeps the tag the base manifests give ${repo}: give the entry a newTag (pin then adds its digest) to check it here`
    }
  const { edit, why } = digestKeyEdit(map, context, { after: ['newTag', 'newName', 'name'], named: 'name' })
  return {
    file,
    line,
    text: `${repo}${tagText !== '' ? `:${tagText}` : ''}${digestText !== '' ? `@${digestText}` : ''}`,
    ...(digestText !== '' && { writtenDigest: digestText }),
    ...(edit ? { edit } : { unpinnable: why ?? 'its digest cannot be placed' })
  }
}

/**
 * The references a pair holds for this kind of document, besides `image:`. `parentKey` is the key of
 * the map that holds the pair (`kustomize` for Argo CD's image strings).
 */
export function formatReferences(
  kind: DocumentKind,
  pair: Pair,
  path: readonly unknown[],
  context: Context,
  helmRenders: (scalar: Scalar) => string | undefined
): FileReference[] {
  const holder = path.at(-2)
  const parentKey = isPair(holder) && isScalar(holder.key) ? holder.key.value : undefined
  const key = isScalar(pair.key) ? pair.key.value : undefined
  if (key === 'images' && isSeq(pair.value)) {
    // Argo CD: `kustomize: {images: ['name=newName:tag', 'repo:tag@sha256:…']}` (an Application, or .argocd-source-<app>.yaml).
    if (parentKey === 'kustomize')
      return pair.value.items.flatMap((item) => {
        if (!isScalar(item) || typeof item.value !== 'string') return []
        const reference = scalarReference(item, context, item.value.indexOf('=') + 1)
        if (reference === undefined) return []
        // `name=newName` without a tag or digest keeps the base manifests' tag, as a kustomize entry does.
        if (!/[:@][^/]*$/.test(reference.text.slice(reference.text.lastIndexOf('/') + 1)))
          return [
            {
              file: reference.file,
              line: reference.line,
              text: reference.text,
              tagElsewhere: `Argo CD keeps the tag the base manifests give ${reference.text}: write it with a tag (pin then adds its digest) to check it here`
            }
          ]
        return [reference]
      })
    // kustomize's own list: the kustomization's top-level `images` (not a Helm chart's inline values).
    if (kind === 'kustomization' && parentKey === undefined)
      return pair.value.items.flatMap((item) => {
        const reference = isMap(item) ? kustomizeReference(item, context, helmRenders) : undefined
        return reference ? [reference] : []
      })
  }
  if (kind === 'cloudformation' && typeof key === 'string' && CLOUDFORMATION_KEYS.has(key) && inResource(path)) {
    const reference = cloudFormationReference(key, pair.value, context)
    return reference ? [reference] : []
  }
  if (kind === 'workflow') return workflowReferences(pair, path, context)
  return []
}
