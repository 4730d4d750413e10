/** Loads rule fixtures: a fixture folder laid over `_base` (its codebook, and its article unless the fixture brings articles). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryHost } from './memoryHost';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

export function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), r) : [r];
  });
}

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES).filter((n) => !n.startsWith('_')).sort();
}

export function fixtureFiles(name: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const own = listFiles(path.join(FIXTURES, name));
  const ownArticles = own.some((f) => /\.(txt|md)$/.test(f));
  for (const f of listFiles(path.join(FIXTURES, '_base'))) {
    if (/\.(txt|md)$/.test(f) && ownArticles) continue;
    files.set(f, fs.readFileSync(path.join(FIXTURES, '_base', f)));
  }
  for (const f of own) files.set(f, fs.readFileSync(path.join(FIXTURES, name, f)));
  return files;
}

export function fixtureHost(name: string): MemoryHost {
  return new MemoryHost(fixtureFiles(name));
}

export interface Expectation {
  file: string;
  line: number;
  rule: string;
}

/**
 * `# expect: rule-a, rule-b` markers, read byte-wise so they work in non-UTF-8 and binary files
 * too; `# expect-next-line: rule` marks the following line, for lines that must stay bare.
 */
export function expectations(files: Map<string, Uint8Array>): Expectation[] {
  const out: Expectation[] = [];
  for (const [file, bytes] of files) {
    const lines = Buffer.from(bytes).toString('latin1').split(/\r\n|\r|\n/);
    lines.forEach((text, i) => {
      const m = /#\s*expect(-next-line)?:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(text);
      if (m) for (const rule of (m[2] as string).split(',')) out.push({ file, line: i + (m[1] ? 2 : 1), rule: rule.trim() });
    });
  }
  return out;
}
