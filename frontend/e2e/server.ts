import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = resolve(frontend, '..');

/**
 * The `sobivus` binary: `SOBIVUS_BIN` when given, else the debug binary of this workspace in
 * cargo's own target dir (`CARGO_TARGET_DIR`, or `target/`), so that after the README's
 * `cargo test --workspace` the build here has nothing left to do.
 */
export function sobivusBinary(): string {
  const given = process.env.SOBIVUS_BIN;
  if (given) {
    if (!existsSync(given)) throw new Error(`SOBIVUS_BIN=${given} does not exist`);
    return given;
  }
  const target = process.env.CARGO_TARGET_DIR ?? join(workspace, 'target');
  console.log(`e2e: cargo build --bin sobivus (CARGO_TARGET_DIR=${target})`);
  const build = spawnSync('cargo', ['build', '--locked', '--bin', 'sobivus'], {
    cwd: workspace,
    env: { ...process.env, CARGO_TARGET_DIR: target },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`cargo build failed with status ${build.status}`);
  return join(target, 'debug', 'sobivus');
}

/** The built app the server serves; built here when missing so `npm run e2e` works alone. */
export function webDir(): string {
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('e2e: no dist/index.html, running npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: frontend, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  return dist;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts `sobivus serve --port 0` and waits for the line that names the chosen port. */
export async function startServer(
  binary: string,
  databaseUrl: string,
  web: string,
  log: (line: string) => void,
  env: Record<string, string> = {},
) {
  const child = spawn(binary, ['serve', '--port', '0', '--database-url', databaseUrl, '--web-dir', web], {
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stderr! }).on('line', log);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not say where it listens within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log(line);
      const match = /Sobivus is listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1].replace(/\/$/, ''));
      }
    });
  });
  // The server listens at once and is ready when its match index is built: wait for /readyz,
  // as a load balancer does.
  for (const started = Date.now(); ; ) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() - started > 60_000) throw new Error('the server was not ready within 60 s');
    await new Promise((wait) => setTimeout(wait, 50));
  }
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { url, process: child, stop } satisfies RunningServer;
}

/** `sobivus token create`: the token is the last line it prints. */
export function createToken(binary: string, databaseUrl: string, role: string): string {
  for (let attempt = 1; ; attempt += 1) {
    const run = spawnSync(binary, ['token', 'create', '--role', role, '--name', `e2e ${role}`, '--database-url', databaseUrl], {
      encoding: 'utf8',
    });
    const token = run.stdout.trim().split('\n').pop()?.trim() ?? '';
    if (run.status === 0 && token.startsWith('sbv_')) return token;
    if (attempt >= 3) throw new Error(`token create failed (${run.status}): ${run.stderr}`);
  }
}
