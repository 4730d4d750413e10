// Entry the extension host calls for the installed-.vsix suite (see test/runInstalled.ts).
import { runTestsIn } from '../integration/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
