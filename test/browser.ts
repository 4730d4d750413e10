// The headless Chromium that drives the VS Code workbench, from the npm registry: the package
// @sparticuz/chromium carries a Linux x64 headless Chromium inside its tarball (brotli-packed
// binary, plus the NSS/expat libraries and fonts it needs), so no download from elsewhere, no
// Debian package and no root. Its own JavaScript (which extracts only on AWS Lambda) is not
// used: the files are unpacked here with node:zlib and `tar`. The unpacked binary needs
// nothing from the system but glibc and libgcc_s.
//
// Fallback: CLAIMBOOK_CHROMIUM=/usr/bin/chromium (e.g. Debian's `chromium`) uses that browser
// and skips this step.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { cleanEnv } from './harness';

export const CHROMIUM_PACKAGE = '@sparticuz/chromium';
/** Pinned: the tarball's layout (bin/*.br) is what unpack() reads. Chromium 153. */
export const CHROMIUM_PACKAGE_VERSION = '153.0.0';

export interface BrowserLaunch {
  executablePath: string;
  /** Environment of the browser process (library and font paths of the unpacked build). */
  env: NodeJS.ProcessEnv;
  /** Where it comes from, for the log. */
  source: string;
}

type Log = (line: string) => void;

const MARKER = '.claimbook-complete.json';

function layout(dir: string): { binary: string; libs: string; swiftshader: string; fonts: string } {
  const unpacked = path.join(dir, 'unpacked');
  return {
    binary: path.join(unpacked, 'chromium'),
    libs: path.join(unpacked, 'al2023', 'lib'),
    swiftshader: path.join(unpacked, 'swiftshader'),
    fonts: path.join(unpacked, 'fonts'),
  };
}

/** The browser the harness launches: CLAIMBOOK_CHROMIUM when set, else the unpacked npm build. */
export function browserLaunch(dir: string, env: NodeJS.ProcessEnv = process.env): BrowserLaunch {
  const chosen = env.CLAIMBOOK_CHROMIUM;
  if (chosen) return { executablePath: chosen, env: cleanEnv(), source: `CLAIMBOOK_CHROMIUM=${chosen}` };
  const files = layout(dir);
  const libraryPath = [files.libs, files.swiftshader, env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
  return {
    executablePath: files.binary,
    env: cleanEnv({ LD_LIBRARY_PATH: libraryPath, FONTCONFIG_PATH: files.fonts, FONTCONFIG_FILE: path.join(files.fonts, 'fonts.conf') }),
    source: `${CHROMIUM_PACKAGE}@${CHROMIUM_PACKAGE_VERSION}`,
  };
}

export function browserReady(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CLAIMBOOK_CHROMIUM) return true;
  return fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(layout(dir).binary);
}

/** Unpacks `<name>.br` of the package: a plain file, or (name ending .tar) a folder. */
function unpack(binDir: string, name: string, destination: string): void {
  const data = zlib.brotliDecompressSync(fs.readFileSync(path.join(binDir, `${name}.br`)));
  if (!name.endsWith('.tar')) {
    fs.writeFileSync(destination, data, { mode: 0o755 });
    return;
  }
  fs.mkdirSync(destination, { recursive: true });
  const result = spawnSync('tar', ['-x', '-f', '-', '-C', destination], { input: data, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not unpack ${name}: ${result.stderr || result.error?.message || ''}`);
}

/**
 * Base libraries every Linux has (glibc's and libgcc_s). The unpacked browser may take only
 * these from the system: anything else would be a package the fresh machine lacks.
 */
const BASE_LIBRARY = /^(linux-vdso|ld-linux[-\w]*|libc|libm|libdl|libpthread|librt|libgcc_s)\.so/;

/** Libraries `ldd` resolves outside the unpacked folder; throws on one that is not a base library or is missing. */
function systemLibraries(launch: BrowserLaunch): string[] {
  const ldd = spawnSync('ldd', [launch.executablePath], { env: launch.env, encoding: 'utf8' });
  if (ldd.status !== 0) throw new Error(`ldd ${launch.executablePath} failed: ${ldd.stderr || ldd.error?.message || ''}`);
  const own = path.dirname(launch.executablePath);
  const system: string[] = [];
  for (const line of ldd.stdout.split('\n')) {
    const match = /^\s*(\S+)(?:\s+=>\s+(\S+))?/.exec(line);
    if (!match?.[1]) continue;
    const [, name, resolved] = match;
    if (resolved === 'not') throw new Error(`the unpacked Chromium needs ${name}, which this machine lacks`);
    if (resolved?.startsWith(own)) continue;
    if (!BASE_LIBRARY.test(path.basename(name))) throw new Error(`the unpacked Chromium takes ${name} from the system (${resolved ?? '?'}): a fresh machine may lack it`);
    system.push(name);
  }
  return system;
}

/** Installs and unpacks the npm Chromium into `dir` unless it is there and verified. */
export function installBrowser(dir: string, log: Log, runNpm: (cwd: string, args: string[]) => Promise<void>): Promise<void> {
  if (browserReady(dir)) return Promise.resolve();
  return (async () => {
    log(`installing ${CHROMIUM_PACKAGE}@${CHROMIUM_PACKAGE_VERSION} (headless Chromium inside the npm tarball, ~65 MB) into ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'claimbook-chromium', private: true }, null, 2)}\n`);
    // Its scripts and JavaScript are not needed (nor its Node >= 22 engines field): only bin/.
    await runNpm(dir, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--engine-strict=false', `${CHROMIUM_PACKAGE}@${CHROMIUM_PACKAGE_VERSION}`]);
    const binDir = path.join(dir, 'node_modules', ...CHROMIUM_PACKAGE.split('/'), 'bin');
    const files = layout(dir);
    fs.mkdirSync(path.dirname(files.binary), { recursive: true });
    unpack(binDir, 'chromium', files.binary);
    unpack(binDir, 'al2023.tar', path.dirname(files.libs));
    unpack(binDir, 'swiftshader.tar', files.swiftshader);
    unpack(binDir, 'fonts.tar', files.fonts);
    // The package's fonts.conf names Lambda's folders; ours names the unpacked fonts (and the
    // system's, when there are any, for wider coverage in screenshots).
    const fontsConf = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${path.join(files.fonts, 'fonts')}</dir>`,
      '  <dir>/usr/share/fonts</dir>',
      `  <cachedir>${path.join(files.fonts, 'cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(files.fonts, 'fonts.conf'), fontsConf);
    const launch = browserLaunch(dir, {});
    const probe = spawnSync(launch.executablePath, ['--version'], { env: launch.env, encoding: 'utf8' });
    const version = probe.stdout?.trim() ?? '';
    if (probe.status !== 0 || !/Chromium \d+/.test(version)) {
      throw new Error(`the unpacked Chromium does not run (${files.binary}): ${probe.stderr || probe.error?.message || version}`);
    }
    const system = systemLibraries(launch);
    log(`libraries the unpacked Chromium takes from the system: ${system.join(', ')}`);
    fs.writeFileSync(path.join(dir, MARKER), `${JSON.stringify({ chromium: version, installedAt: new Date().toISOString() }, null, 2)}\n`);
    log(`${version} ready`);
  })();
}
