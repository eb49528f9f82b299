/**
 * Tests of suppression directives: valid ones, missing rules or reasons, unknown rules with suggestions,
 * and directive-like text outside comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import { commentAt, parseSuppressions, type FileSuppressions } from '../../src/core/annotations/suppressions';
import type { Loc } from '../../src/core/model';

const FILE = '/w/src/s.ts';

function parse(lines: readonly string[], fileName = FILE): FileSuppressions {
  const sf = ts.createSourceFile(fileName, lines.join('\n'), ts.ScriptTarget.Latest, true);
  return parseSuppressions(sf);
}

function loc(line: number, column: number, endLine: number, endColumn: number): Loc {
  return { file: FILE, line, column, endLine, endColumn };
}

function problems(r: FileSuppressions): string[] {
  return r.problems.map((p) => {
    const l = p.location;
    const tail = p.suggestion === undefined ? '' : ` → ${p.suggestion}`;
    return `${p.code} ${p.kind} ${p.severity} ${l.line}:${l.column}-${l.endLine}:${l.endColumn} ${p.message}${tail}`;
  });
}

const NO_REASON = 'Suppression without a reason; add "-- <why this finding is acceptable>" after the rule ids';
const NO_RULE = 'Suppression names no rule; write "residency-guard-disable-next-line JPR001 -- reason"';

test('a valid line-comment directive', () => {
  const r = parse([
    'send(user);',
    '  // residency-guard-disable-next-line JPR001 -- consent record CR-2022-07 covers KR',
    '  send(user.phone);',
  ]);
  assert.deepEqual(problems(r), []);
  assert.deepEqual(r.suppressions, [{
    file: FILE,
    line: 2,
    targetLine: 3,
    rules: ['JPR001'],
    reason: 'consent record CR-2022-07 covers KR',
    loc: loc(2, 3, 2, 85),
  }]);
});

test('several rules, separated by commas and/or spaces; a block comment works too', () => {
  const r = parse([
    '/* residency-guard-disable-next-line JPR001, JPR005 JPR008 -- assessed in EA-2022-03 */',
    'upload(photo);',
    'x(); // residency-guard-disable-next-line JPR003,JPR003 -- trailing comments count',
  ]);
  assert.deepEqual(problems(r), []);
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.targetLine, s.rules, s.reason, s.loc]), [
    [1, 2, ['JPR001', 'JPR005', 'JPR008'], 'assessed in EA-2022-03', loc(1, 1, 1, 88)],
    [3, 4, ['JPR003'], 'trailing comments count', loc(3, 6, 3, 83)],
  ]);
});

test('a multi-line block comment suppresses the line after the comment', () => {
  const r = parse([
    '/*',
    ' * residency-guard-disable-next-line JPR009 -- the policy update',
    ' *   naming KR ships with this release',
    ' */',
    'store(photo);',
  ]);
  assert.deepEqual(problems(r), []);
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.targetLine, s.rules, s.reason, s.loc]), [
    [2, 5, ['JPR009'], 'the policy update naming KR ships with this release', loc(1, 1, 4, 4)],
  ]);
});

test('no reason, an empty reason, or no rule is an error at the directive', () => {
  const r = parse([
    '// residency-guard-disable-next-line JPR001',
    '// residency-guard-disable-next-line JPR002 --   ',
    '/* residency-guard-disable-next-line -- nobody said which */',
    '// residency-guard-disable-next-line',
  ]);
  assert.deepEqual(problems(r), [
    `RG005 suppression error 1:1-1:44 ${NO_REASON}`,
    `RG005 suppression error 2:1-2:50 ${NO_REASON}`,
    `RG005 suppression error 3:1-3:61 ${NO_RULE}`,
    `RG005 suppression error 4:1-4:37 ${NO_RULE}`,
    `RG005 suppression error 4:1-4:37 ${NO_REASON}`,
  ]);
  assert.deepEqual(r.suppressions, []);
});

test('a reason that is still a placeholder is an error and suppresses nothing', () => {
  const r = parse([
    '// residency-guard-disable-next-line JPR001 -- <why this transfer is acceptable>',
    '// residency-guard-disable-next-line JPR001 -- why this transfer is acceptable',
    '// residency-guard-disable-next-line JPR001 -- この移転が許される理由',
    '// residency-guard-disable-next-line JPR001 -- TODO',
    '// residency-guard-disable-next-line JPR001 -- <ref> covers KR',
  ]);
  assert.deepEqual(problems(r).map((p) => p.split(' ').slice(0, 4).join(' ')), [
    'RG005 suppression error 1:1-1:81', 'RG005 suppression error 2:1-2:79', 'RG005 suppression error 3:1-3:59', 'RG005 suppression error 4:1-4:52',
  ]);
  assert.match(problems(r)[0], /"<why this transfer is acceptable>" is still a placeholder/);
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.reason]), [[5, '<ref> covers KR']]);
});

test('unknown rules are errors at the token with a suggestion; the valid rules are kept', () => {
  const r = parse([
    '// residency-guard-disable-next-line JPR01, jpr005 JPR002 FOO -- reviewed',
    '// residency-guard-disable-next-line RG001 -- not a rule',
  ]);
  assert.deepEqual(problems(r), [
    'RG006 suppression error 1:38-1:43 Unknown rule "JPR01" in suppression; did you mean "JPR001"? → JPR001',
    'RG006 suppression error 1:45-1:51 Unknown rule "jpr005" in suppression; did you mean "JPR005"? → JPR005',
    'RG006 suppression error 1:59-1:62 Unknown rule "FOO" in suppression; rules are JPR001–JPR012',
    'RG006 suppression error 2:38-2:43 Unknown rule "RG001" in suppression; rules are JPR001–JPR012',
  ]);
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.rules, s.reason]), [[1, ['JPR002'], 'reviewed']]);
});

test('directive text outside comments is not a suppression', () => {
  const r = parse([
    'const a = "// residency-guard-disable-next-line JPR001 -- in a string";',
    'const b = `// residency-guard-disable-next-line JPR001 -- no-substitution template`;',
    'const c = `${a} // residency-guard-disable-next-line JPR01 ${b} /* residency-guard-disable-next-line */`;',
    'const d = `',
    '// residency-guard-disable-next-line JPR001 -- template line',
    '`;',
    'const e = /[//] residency-guard-disable-next-line JPR001 -- regex/;',
    '// see residency-guard-disable-next-line for how to suppress',
    'const f = "residency-guard-disable-next-line"; // residency-guard-disable-next-line JPR004 -- real one',
  ]);
  assert.deepEqual(problems(r), []);
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.rules, s.reason]), [[9, ['JPR004'], 'real one']]);
});

test('JSX text is not a comment; a JSX expression comment is', () => {
  const r = parse([
    'const x = <div>',
    '  // residency-guard-disable-next-line JPR001 -- jsx text',
    '  {/* residency-guard-disable-next-line JPR002 -- jsx comment */}',
    '</div>;',
  ], '/w/src/s.tsx');
  assert.deepEqual(r.suppressions.map((s) => [s.line, s.targetLine, s.rules, s.reason]), [[3, 4, ['JPR002'], 'jsx comment']]);
});

test('commentAt finds comments before punctuation and ignores code and literals', () => {
  const text = 'function f() { g("/* x */"); /* end */ }\n// last';
  const sf = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
  const at = (offset: number): object | undefined => {
    const r = commentAt(sf, offset);
    return r && { pos: r.pos, end: r.end, kind: r.kind };
  };
  assert.deepEqual(at(text.indexOf('end')), {
    pos: text.indexOf('/* end'),
    end: text.indexOf(' }'),
    kind: ts.SyntaxKind.MultiLineCommentTrivia,
  });
  assert.equal(at(text.indexOf('x */')), undefined);
  assert.equal(at(text.indexOf('g(')), undefined);
  assert.equal(at(text.indexOf('{')), undefined);
  assert.deepEqual(at(text.indexOf('last')), {
    pos: text.indexOf('// last'),
    end: text.length,
    kind: ts.SyntaxKind.SingleLineCommentTrivia,
  });
});
