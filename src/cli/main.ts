import { run } from './run';

/**
 * The reader went away (`claimbook check | head -1`): stop at once and quietly, with the status
 * a tool killed by SIGPIPE has (128 + 13), rather than a stack trace for an EPIPE nobody awaits.
 */
const EXIT_PIPE_CLOSED = 141;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_PIPE_CLOSED);
    throw error;
  });
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`claimbook: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
