/**
 * The config's `envFiles` as env bindings of the IaC model: each `NAME=value` line, located, is one
 * binding (each file one environment), so a sink named through `process.env.NAME` can be followed to a
 * literal resource name and on to the resource that has it. The files are read as text (dotenv syntax,
 * envFiles.ts), never executed; their problems are reported by the env reading itself.
 */
import { parseDotenv } from '../config/envFiles';
import { LineMap } from '../text/positions';
import type { EnvBinding } from './model';

export function envFileBindings(file: string, rel: string, text: string): EnvBinding[] {
  const lines = new LineMap(text);
  const out: EnvBinding[] = [];
  parseDotenv(text, (name, value, line) => {
    const start = offsetOfLine(text, line);
    const end = text.indexOf('\n', start);
    const loc = lines.loc(file, start, end < 0 ? text.length : end);
    out.push({ name, value: { kind: 'text', text: value }, at: { loc, note: `${name}=${value} (${rel}:${line})` } });
  }, () => undefined);
  return out;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
