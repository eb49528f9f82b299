/**
 * Robustness regressions (issue 7): bugs the robustness tests found in the engine, kept as tests now
 * that they are fixed — config region suggestions that pointed at themselves, and a quadratic import scan.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/loadConfig';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { makeTempDir, removeDir, writeFiles } from '../support/cli';
import { FLOW_FILES, assertFlowFound, check } from '../support/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

test('an unknown region value is not "corrected" to an invalid or to its own region name', () => {
  const regions = createRegionCatalog();
  const empty = loadConfig('{"regions": {"": "", "store": "!"}}', '/w/residency.config.json', regions).problems;
  assert.deepEqual(empty.filter((p) => p.suggestion === ''), [], 'an empty suggestion');
  const self = loadConfig('{"regions": {"x": "y"}}', '/w/residency.config.json', regions).problems;
  assert.deepEqual(self.filter((p) => p.suggestion === 'x'), [], '"x" is suggested as the region of "x" itself');
});

test('the import scan is linear: a script whose only `require(` is at its end is checked about as fast as without it', () => {
  const script = (kb: number): string => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < kb * 1024; i++) {
      const line = `var v${i} = [${i}, ${i + 1}, ${i + 2}, "x${i}"];`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\n');
  };
  const body = script(600);
  const time = (text: string): number => {
    const dir = makeTempDir('rg-bugs-');
    dirs.push(dir);
    writeFiles(dir, { ...FLOW_FILES, 'vendor/bundle.js': text });
    const started = Date.now();
    assertFlowFound(check(dir));
    return Date.now() - started;
  };
  time(body); // warm up
  const without = time(body);
  const withRequire = time(`${body}\nvar fs = require("fs");\n`);
  console.log(`# 600 KB script: ${without} ms without require(, ${withRequire} ms with one at the end`);
  assert.ok(withRequire < 3 * without + 2000, `${withRequire} ms with a require( at the end vs ${without} ms without`);
});
