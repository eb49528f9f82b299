// Deterministic generator of annotated TypeScript apps for measurements: models with residency tags,
// services that move personal data across modules through helpers, destinations (tagged queues, AWS SDK
// clients, fetch calls), and ordinary unannotated code. Same arguments, same output, byte for byte.
//   node bench/generate.mjs --lines 100000 --out /tmp/app100k
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '7' } } });
if (!values.out) throw new Error('--out DIR is required');
const target = Number(values.lines);
let state = Number(values.seed) >>> 0;
const rnd = (n) => { state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0; return state % n; };

const CATEGORIES = ['contact', 'identifier', 'payment', 'location', 'profile', 'message-content', 'media'];
const RESIDENCY = ['jp-only', 'jp-with-basis', 'jp-or-equivalent'];
const DESTS = ['toKrGroup', 'toCnOps', 'toJpVendor', 'storeInSeoul', 'storeInTokyo'];

function model(i) {
  const fields = Array.from({ length: 6 }, (_, f) => `  /** @category ${CATEGORIES[(i + f) % CATEGORIES.length]} */ field${f}: string;`);
  return `/** Entity ${i}. @residency ${RESIDENCY[i % RESIDENCY.length]} */\nexport interface Entity${i} {\n${fields.join('\n')}\n  /** @residency unrestricted */ label: string;\n  count: number;\n}\n`;
}

function filler(name, n) {
  const out = [];
  for (let k = 0; k < n; k++) {
    out.push(`export function ${name}_${k}(values: number[], factor: number): number {
  let total = 0;
  for (const v of values) {
    if (v % 2 === 0) total += v * factor;
    else total -= Math.floor(v / (factor || 1));
  }
  const mapped = values.map((v) => v + ${k}).filter((v) => v > ${rnd(50)});
  return mapped.length > 0 ? total + mapped[0] : total;
}
`);
  }
  return out.join('\n');
}

function service(i, models) {
  const m = rnd(models);
  const helper = `format${i}`;
  const dest = DESTS[rnd(DESTS.length)];
  return `import type { Entity${m} } from '../models/entity${m}';
import { ${dest}, toSelf } from '../dest';
import { relay${(i + 1) % 50} } from './relay${(i + 1) % 50}';

function ${helper}(prefix: string, value: string): string {
  return prefix + ':' + value.trim();
}

export class Service${i} {
  private cache: string[] = [];

  remember(e: Entity${m}): void {
    this.cache.push(${helper}('f', e.field${rnd(6)}));
  }

  flush(): void {
    ${dest}(this.cache.join(','));
  }

  publish(e: Entity${m}): void {
    const { label, count } = e;
    toSelf({ label, count, id: e.field${rnd(6)} });
    relay${(i + 1) % 50}(${helper}('x', e.field${rnd(6)}));
  }
}

${filler(`calc${i}`, 3)}`;
}

function relay(i) {
  const dest = DESTS[i % DESTS.length];
  return `import { ${dest} } from '../dest';

export function relay${i}(value: string): void {
  const wrapped = { value, at: Date.now() };
  ${dest}(wrapped);
}
`;
}

const DEST = `/** @recipient kr-group */ export declare function toKrGroup(v: unknown): void;
/** @recipient cn-ops */ export declare function toCnOps(v: unknown): void;
/** @recipient jp-vendor */ export declare function toJpVendor(v: unknown): void;
/** @recipient self */ export declare function toSelf(v: unknown): void;
/** @region aws:ap-northeast-2 */ export declare function storeInSeoul(v: unknown): void;
/** @region aws:ap-northeast-1 */ export declare function storeInTokyo(v: unknown): void;
`;
const CONFIG = {
  parties: {
    'kr-group': { name: 'Korean group company', access: 'group-company-overseas', country: 'KR' },
    'cn-ops': { name: 'Chinese ops contractor', access: 'contractor-overseas', country: 'CN' },
    'jp-vendor': { name: 'Tokyo vendor', access: 'contractor-domestic', country: 'JP' },
  },
  assessments: { KR: 'EA-1' },
};
const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] };

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return text.split('\n').length;
}

const out = path.resolve(values.out);
fs.rmSync(out, { recursive: true, force: true });
let lines = 0;
lines += write(path.join(out, 'residency.config.json'), JSON.stringify(CONFIG, null, 2));
lines += write(path.join(out, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
lines += write(path.join(out, 'src/dest.ts'), DEST);
const models = Math.max(5, Math.round(target / 4000));
for (let i = 0; i < models; i++) lines += write(path.join(out, `src/models/entity${i}.ts`), model(i));
for (let i = 0; i < 50; i++) lines += write(path.join(out, `src/services/relay${i}.ts`), relay(i));
let i = 0;
while (lines < target) lines += write(path.join(out, `src/services/service${i}.ts`), service(i++, models));
process.stdout.write(`${out}: ${lines} lines in ${models + 51 + i} files\n`);
