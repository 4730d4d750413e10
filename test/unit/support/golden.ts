/** Golden files under test/golden: compared byte for byte; UPDATE_GOLDEN=1 (or a missing file) writes them. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const GOLDEN = path.resolve(__dirname, '../../../../test/golden');

export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`);
}
