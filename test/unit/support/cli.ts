/** Runs the CLI in-process and builds throw-away datasets on disk for it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/run';
import { fixtureFiles } from './fixtures';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd: string): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A fresh temp folder holding the fixture `_base` (codebook, summit.txt) and `files` over it. */
export function dataset(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-h-'));
  const all = new Map<string, string | Uint8Array>(fixtureFiles('clean'));
  for (const [rel, text] of Object.entries(files)) all.set(rel, text);
  for (const [rel, bytes] of all) {
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  return dir;
}

/** A one-claim sidecar for `summit.txt` with the given actor text (a YAML scalar as written). */
export function sidecarWithActor(actorYaml: string): string {
  return [
    'article: summit.txt',
    'claims:',
    '  - id: c-abc123',
    `    actor: ${actorYaml}`,
    '    commitment: troop-deployment',
    '    stance: refusal',
    '    quote:',
    '      exact: "Germany refused to send German troops to Ukrainian soil"',
    '',
  ].join('\n');
}
