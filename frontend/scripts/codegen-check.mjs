// Fails when src/gql/ is not what `npm run codegen` would write from api/schema.graphql and
// the operations in src/ today: generates into a scratch folder and compares file by file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/gql';
const scratch = mkdtempSync(join(tmpdir(), 'sobivus-codegen-'));
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], {
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const list = (dir) => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  const names = new Set([...list(committed), ...list(scratch)]);
  const stale = [...names].filter((name) => {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    return read(committed) !== read(scratch);
  });
  if (stale.length > 0) {
    console.error(`codegen:check: ${stale.join(', ')} in ${committed}/ out of date; run \`npm run codegen\`.`);
    process.exit(1);
  }
  console.log(`codegen:check: ${committed}/ matches the schema and the operations.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
