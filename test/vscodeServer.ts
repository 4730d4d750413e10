// Starts and stops VS Code's own server (code-server's bundled `server-main.js`, not the
// code-server wrapper, which rejects --enable-smoke-test-driver). The server spawns helpers
// of its own (file watcher, agent host, a Copilot runtime), so it leads its own process
// group and is always stopped by ending the whole group.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { cleanEnv } from './harness';

const READY_LINE = 'Extension host agent started.';

export interface ServerInstall {
  /** Node 24 binary the server's native modules were built for. */
  node: string;
  serverMain: string;
}

export interface StartOptions {
  dataDir: string;
  extensionsDir: string;
  logFile: string;
  /** TMPDIR for the server: it leaves IPC sockets there when killed, so use a folder we delete. */
  tmpDir: string;
  readyTimeoutMs?: number;
  /** Each line the server prints (it is always written to logFile too). */
  onLine?: (line: string) => void;
}

export interface RunningServer {
  port: number;
  pid: number;
  /** Resolves with the leader's exit code once it exits (null when killed by a signal). */
  exited: Promise<number | null>;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Asks the kernel for an unused loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export async function startVsCodeServer(install: ServerInstall, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  fs.mkdirSync(options.tmpDir, { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  const args = [
    install.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--enable-smoke-test-driver',
    '--server-data-dir', options.dataDir,
    '--extensions-dir', options.extensionsDir,
  ];
  const child = spawn(install.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv({ TMPDIR: options.tmpDir }),
  });
  let spawnError = '';
  child.once('error', (error) => (spawnError = error.message));
  const pid = child.pid;
  if (pid === undefined) {
    fs.closeSync(log);
    throw new Error(`could not start ${install.node} ${install.serverMain} ${spawnError}`);
  }

  const recent: string[] = [];
  let ready = false;
  let onReady: () => void = () => {};
  const readySeen = new Promise<void>((resolve) => (onReady = resolve));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      fs.writeSync(log, chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        recent.push(line);
        if (recent.length > 200) recent.shift();
        options.onLine?.(line);
        if (!ready && line.includes(READY_LINE)) {
          ready = true;
          onReady();
        }
      }
    });
  }

  const logTail = (count = 40): string => recent.slice(-count).join('\n');
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      killGroup(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)));
      await Promise.race([exited, grace]);
      clearTimeout(timer);
      // Helpers may outlive the leader; whatever is left of the group goes now.
      killGroup(pid, 'SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      fs.closeSync(log);
    })();
    return stopped;
  };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    readySeen.then(() => 'ready' as const),
    exited.then((code) => `exited with code ${String(code)}` as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stop();
    const why = outcome === 'timeout' ? `did not print "${READY_LINE}" within ${timeoutMs / 1000} s` : outcome;
    throw new Error(`VS Code server ${why}. Last output:\n${logTail()}`);
  }
  return { port, pid, exited, logTail, stop };
}
