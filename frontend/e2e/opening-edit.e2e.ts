import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoHorizontalScroll, launchBrowser, screenshot, watchErrors } from './browser';
import { createToken, sobivusBinary, startServer, webDir, type RunningServer } from './server';

/** A job ad in a layout of its own: requirements under a question, two languages in one line. */
const AD = `Projektijuht
Näidis Tarkvara OÜ

Mida sa teed?
- juhid tarkvaraarenduse projekte algusest lõpuni

Ootame sind, kui sul on:
- kõrgharidus
- eesti keele oskus C1 tasemel, inglise keele oskus vähemalt B2 tasemel
- varasem töökogemus projektijuhina vähemalt 2 aastat

Pakume:
- paindlikku tööaega
`;

/**
 * The recruiter corrects what the machine read: a level in the import preview before saving,
 * then a requirement of the saved opening; the ranking follows each time. This scenario runs
 * against a server of its own, so the other scenarios' data does not change what it sees.
 */
describe('a recruiter corrects the requirements read from a job ad', () => {
  let server: RunningServer;
  let dir: string;
  let token: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data ?? {};
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sobivus-e2e-edit-'));
    const binary = sobivusBinary();
    const databaseUrl = `sqlite://${dir}/edit.db?mode=rwc`;
    server = await startServer(binary, databaseUrl, webDir(), () => {});
    token = createToken(binary, databaseUrl, 'admin');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports an ad, corrects a level in the preview, saves, edits a requirement and sees the ranking change', async () => {
    await page.goto(server.url);
    await page.getByLabel('Juurdepääsuvõti').fill(token);
    await page.getByRole('button', { name: 'Logi sisse' }).click();
    await page.getByTestId('who').waitFor();

    // The preview shows each requirement beside its sentence; English is raised to C1.
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Dokumendi tekst').fill(AD);
    await page.getByRole('button', { name: 'Eelvaade' }).click();
    const preview = page.getByRole('region', { name: 'Mida tekstist aru saadi' });
    const english = preview.getByRole('group', { name: /inglise keel ≥ B2/ });
    await english.waitFor();
    expect(await english.textContent()).toContain('inglise keele oskus vähemalt B2 tasemel');
    expect(await preview.getByRole('group', { name: /töökogemus ≥ 2 a/ }).count()).toBe(1);
    await english.getByLabel('Tase', { exact: true }).selectOption('C1');
    await preview.getByText('Nõudeid on muudetud: salvestatakse sinu parandused.').waitFor();
    await screenshot(page, 'import-preview-corrected');
    await preview.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('link', { name: 'Ava ametikoht „Projektijuht“' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projektijuht' }).waitFor();
    const hard = page.getByRole('region', { name: 'Kohustuslikud nõuded' });
    expect(await hard.textContent()).toContain('inglise keel ≥ C1');

    // A candidate with English B2 does not meet the corrected C1.
    await graphql(`mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`, {
      input: {
        name: 'Pille Projekt',
        education: 'magistrikraad',
        languages: [
          { language: 'eesti', level: 'C2' },
          { language: 'inglise', level: 'B2' },
        ],
        experience: [{ years: 4, description: 'projektijuht tarkvaraarenduses' }],
      },
    });
    await page.reload();
    const row = page.getByTestId('match-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Ei vasta nõuetele');

    // The recruiter lowers English to B2 on the opening: the same candidate now qualifies.
    await page.getByRole('button', { name: 'Muuda' }).click();
    const editor = page.getByRole('form', { name: 'Muuda ametikohta' });
    const englishRow = editor.getByRole('group', { name: /inglise keel ≥ C1/ });
    await englishRow.getByLabel('Tase', { exact: true }).selectOption('B2');
    await screenshot(page, 'opening-edit');
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'opening-edit');
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByText('Muudatused salvestatud; pingerida arvestab neid kohe.').waitFor();
    await expect.poll(async () => (await hard.textContent()) ?? '').toContain('inglise keel ≥ B2');
    await expect
      .poll(async () => (await page.getByTestId('match-row').first().textContent()) ?? '')
      .toContain('Vastab nõuetele');
    await screenshot(page, 'opening-edited');

    // Closed, it says so; reopened, it does not.
    await page.getByRole('button', { name: 'Sulge ametikoht' }).click();
    await page.getByText(/^Suletud /).waitFor();
    await page.getByRole('button', { name: 'Ava uuesti' }).click();
    await page.getByRole('button', { name: 'Sulge ametikoht' }).waitFor();
    expect(errors).toEqual([]);
  });
});
