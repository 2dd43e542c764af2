import { execFileSync } from 'node:child_process'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Keeps client-supplied names off plain objects (issue 8): `record[name]` with a `string` key on an object
 * with a string index finds inherited members (`toString`, `constructor`) and `record[name] = value` with
 * `__proto__` swaps the prototype. Every such access in the mocks must use a `Map`, `ownValue()`
 * (core/own.ts), sit under an `Object.hasOwn(record, name)` check, or be listed below with the reason its key
 * cannot come from a client. The type checker tells `string` keys from literal and `keyof` keys, so
 * `CONFIG_TYPES[type]` with a checked `type` passes and `keyspaces[keyspace]` does not.
 */
const REVIEWED: ReadonlyArray<{ file: string; access: string; why: string }> = [
  { file: 'mocks/core/body.ts', access: 'fields[key]', why: 'a prototype-less object, read after Object.hasOwn' },
  { file: 'mocks/core/router.ts', access: 'params[segment.param]', why: 'names from the operation table path templates' },
  { file: 'mocks/core/spec-schema.ts', access: 'spec.components?.schemas?.[name]', why: 'schema names from code' },
  { file: 'mocks/opmanager/params.ts', access: 'fields[name]', why: 'prototype-less field objects (paramsToFields, readBody)' },
  { file: 'mocks/opmanager/params.ts', access: 'this.#fields[name]', why: 'parameter names from code; fields prototype-less' },
  { file: 'mocks/opscenter/resources/users.ts', access: 'body[key]', why: 'keys checked against USER_FIELDS first' },
  { file: 'mocks/opscenter/store.ts', access: 'draft.permissions[id]', why: 'delete of an own key found with Object.hasOwn' },
  { file: 'mocks/server/config-file.ts', access: 'values[key]', why: 'keys checked against the option table first' },
  { file: 'mocks/server/config-file.ts', access: 'file[command]', why: 'command names from the command table' },
  { file: 'mocks/server/node-adapter.ts', access: 'req.headers[name]', why: 'header names from code' },
  { file: 'mocks/server/options.ts', access: 'env[envName]', why: 'variable names from the option table' },
]

interface Finding {
  file: string
  line: number
  access: string
}

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'mocks'], { encoding: 'utf8' })
  return listed
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.startsWith('mocks/generated/'))
}

export function findPlainObjectLookups(files: readonly string[], extra?: { file: string; text: string }): Finding[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: ['node'],
  }
  const host = ts.createCompilerHost(options)
  if (extra) {
    const read = host.getSourceFile.bind(host)
    host.getSourceFile = (name, language, ...rest) =>
      name.endsWith(extra.file) ? ts.createSourceFile(name, extra.text, language) : read(name, language, ...rest)
  }
  const roots = extra ? [...files, extra.file] : files
  const program = ts.createProgram(roots, options, host)
  const checker = program.getTypeChecker()
  const findings: Finding[] = []

  const isWideString = (type: ts.Type): boolean =>
    (type.flags & ts.TypeFlags.String) !== 0 || (type.isUnion() && type.types.some((part) => (part.flags & ts.TypeFlags.String) !== 0))
  const isPlainLookupTarget = (type: ts.Type): boolean => {
    const target = checker.getNonNullableType(type)
    if (checker.isArrayType(target) || checker.isTupleType(target)) return false
    const parts = target.isUnion() ? target.types : [target]
    return parts.some((part) => part.getStringIndexType() !== undefined)
  }
  const guarded = (node: ts.Node, object: string, key: string): boolean => {
    const guard = `Object.hasOwn(${object}, ${key})`
    for (let at: ts.Node | undefined = node.parent; at && !ts.isFunctionLike(at); at = at.parent) {
      const condition = ts.isConditionalExpression(at)
        ? at.condition
        : ts.isIfStatement(at)
          ? at.expression
          : ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
            ? at.left
            : undefined
      if (condition?.getText().includes(guard)) return true
    }
    return false
  }

  for (const file of roots) {
    const source = program.getSourceFile(file)
    if (!source) throw new Error(`cannot read ${file}`)
    const report = (node: ts.Node) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart())
      findings.push({ file, line: line + 1, access: node.getText() })
    }
    const visit = (node: ts.Node): void => {
      if (ts.isElementAccessExpression(node)) {
        const keyType = checker.getTypeAtLocation(node.argumentExpression)
        const objectType = checker.getTypeAtLocation(node.expression)
        if (
          isWideString(keyType) &&
          isPlainLookupTarget(objectType) &&
          !guarded(node, node.expression.getText(), node.argumentExpression.getText())
        )
          report(node)
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
        // `name in record` is true for `toString` on every plain object.
        if (isWideString(checker.getTypeAtLocation(node.left)) && isPlainLookupTarget(checker.getTypeAtLocation(node.right))) report(node)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return findings
}

describe('no client-supplied name is looked up on a plain object', { timeout: 60_000 }, () => {
  const files = sourceFiles()
  const findings = findPlainObjectLookups(files)
  const isReviewed = (finding: Finding) => REVIEWED.some((entry) => entry.file === finding.file && entry.access === finding.access)

  it('finds only reviewed string-keyed accesses in mocks/', () => {
    const unreviewed = findings.filter((finding) => !isReviewed(finding))
    expect(
      unreviewed.map((finding) => `${finding.file}:${finding.line} ${finding.access}`),
      'use a Map, ownValue() or Object.hasOwn for names a client can send; list it in REVIEWED only if no client can choose the key',
    ).toEqual([])
  })

  it('lists no reviewed access that no longer exists', () => {
    const stale = REVIEWED.filter((entry) => !findings.some((finding) => finding.file === entry.file && finding.access === entry.access))
    expect(stale).toEqual([])
  })

  it('flags a reintroduced keyspaces[name] lookup, and passes its ownValue and hasOwn forms', () => {
    const bodies = [
      'return keyspaces[name]',
      'keyspaces[name] = { name }',
      'return name in keyspaces',
      'return ownValue(keyspaces, name)',
      'return Object.hasOwn(keyspaces, name) ? keyspaces[name] : undefined',
      "return keyspaces['system']",
    ]
    const text = [
      "import { ownValue } from '../core/own'",
      ...bodies.map(
        (body, index) => `export function probe${index}(keyspaces: Record<string, { name: string }>, name: string) { ${body} }`,
      ),
    ].join('\n')
    const flagged = findPlainObjectLookups([], { file: 'mocks/opscenter/__lint-probe__.ts', text }).map((finding) => [
      finding.line - 2,
      finding.access,
    ])
    expect(flagged).toEqual([
      [0, 'keyspaces[name]'],
      [1, 'keyspaces[name]'],
      [2, 'name in keyspaces'],
    ])
  }, 60_000)
})
