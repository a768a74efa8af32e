import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createToken, sobivusBinary, startServer, webDir } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
    viewerToken: string;
  }
}

/** One real server with a fresh SQLite file for the whole run; stopped and removed after. */
export default async function setup(project: TestProject) {
  const binary = sobivusBinary();
  const web = webDir();
  const dir = mkdtempSync(join(tmpdir(), 'sobivus-e2e-'));
  const databaseUrl = `sqlite://${dir}/e2e.db?mode=rwc`;
  const logDir = resolve(dirname(fileURLToPath(import.meta.url)), '.tmp');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'server.log');
  writeFileSync(logFile, '');
  // Webhooks may call the test's own receiver on 127.0.0.1, and retry a failed call quickly.
  const server = await startServer(binary, databaseUrl, web, (line) => appendFileSync(logFile, `${line}\n`), {
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_MS: '500',
  });
  console.log(`e2e: server at ${server.url} (log: e2e/.tmp/server.log)`);
  project.provide('baseUrl', server.url);
  project.provide('adminToken', createToken(binary, databaseUrl, 'admin'));
  project.provide('viewerToken', createToken(binary, databaseUrl, 'viewer'));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
