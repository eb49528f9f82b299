// Shared helpers for the corpus scripts (prepare, annotate-*, run). Plain Node, no dependencies.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const corpus = JSON.parse(readFileSync(join(here, 'corpus.json'), 'utf8'));
export const workDir = corpus.workDir;

/** The projects named on the command line (all when none), failing on an unknown name. */
export function selectProjects(names) {
  if (names.length === 0) return corpus.projects;
  return names.map((n) => {
    const p = corpus.projects.find((q) => q.name === n);
    if (!p) throw new Error(`unknown project "${n}" (known: ${corpus.projects.map((q) => q.name).join(', ')})`);
    return p;
  });
}

export const projectDir = (p) => join(workDir, p.name);

/**
 * Anchored editing of one file of an extracted project. Every anchor is exact text that must occur
 * exactly once in the file (or once after `within`, itself unique), so an annotation script fails
 * loudly when the pinned commit moves and the code it annotates changed.
 */
export class Annotator {
  constructor(root, label) {
    this.root = root;
    this.label = label;
    this.log = [];
    this.marker = join(root, '.residency-corpus-annotated');
    if (existsSync(this.marker)) {
      throw new Error(`${root} was already annotated (${this.marker} exists): run prepare.mjs, which re-extracts it`);
    }
  }

  read(file) {
    const path = join(this.root, file);
    if (!existsSync(path)) throw new Error(`[${this.label}] ${file}: file not found (has the pinned commit moved?)`);
    return readFileSync(path, 'utf8');
  }

  /** Position of `anchor` in `text`, unique (after the unique `within` when given). */
  locate(file, text, anchor, within) {
    let from = 0;
    if (within !== undefined) {
      const w = text.indexOf(within);
      if (w < 0) throw new Error(`[${this.label}] ${file}: context anchor not found: ${JSON.stringify(within)}`);
      if (text.indexOf(within, w + 1) >= 0) throw new Error(`[${this.label}] ${file}: context anchor occurs more than once: ${JSON.stringify(within)}`);
      from = w;
    }
    const i = text.indexOf(anchor, from);
    if (i < 0) throw new Error(`[${this.label}] ${file}: anchor not found${within ? ' after ' + JSON.stringify(within) : ''}: ${JSON.stringify(anchor)}`);
    if (within === undefined && text.indexOf(anchor, i + 1) >= 0) {
      throw new Error(`[${this.label}] ${file}: anchor occurs more than once (give a context): ${JSON.stringify(anchor)}`);
    }
    return i;
  }

  /**
   * Inserts a doc comment on its own line before the line that contains `anchor`, with that line's
   * indentation. `tags` is the comment body, e.g. '@category contact'. For Prisma schemas pass
   * { style: '///' }.
   */
  tag(file, anchor, tags, { within, style = '/**' } = {}) {
    const text = this.read(file);
    const i = this.locate(file, text, anchor, within);
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))[0];
    const comment = style === '///' ? `${indent}/// ${tags}\n` : `${indent}/** ${tags} */\n`;
    writeFileSync(join(this.root, file), text.slice(0, lineStart) + comment + text.slice(lineStart));
    const line = text.slice(0, lineStart).split('\n').length;
    this.log.push(`${file}:${line}  ${style === "///" ? "///" : "/**"} ${tags}  → ${anchor.trim().split("\n").pop().slice(0, 60)}`);
  }

  /** Replaces the unique exact text `anchor` by `replacement` (for tags inside an existing comment). */
  replace(file, anchor, replacement, { within } = {}) {
    const text = this.read(file);
    const i = this.locate(file, text, anchor, within);
    writeFileSync(join(this.root, file), text.slice(0, i) + replacement + text.slice(i + anchor.length));
    this.log.push(`${file}:${text.slice(0, i).split('\n').length}  replaced ${JSON.stringify(anchor.slice(0, 50))}`);
  }

  /** Writes a new file (the project's residency.config.json); refuses to overwrite one the project has. */
  create(file, content) {
    const path = join(this.root, file);
    if (existsSync(path)) throw new Error(`[${this.label}] ${file} already exists in the project`);
    writeFileSync(path, content);
    this.log.push(`${file}  created`);
  }

  finish() {
    writeFileSync(this.marker, this.log.join('\n') + '\n');
    process.stdout.write(`[${this.label}] ${this.log.length} edits:\n  ${this.log.join('\n  ')}\n`);
  }
}

/** The project directory an annotation script is run on: argv[2], else <workDir>/<name>. */
export function annotationRoot(name) {
  return process.argv[2] ?? join(workDir, name);
}
