import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoHorizontalScroll, launchBrowser, screenshot, watchErrors } from './browser';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = resolve(here, '../../data/seeds');
const seed = resolve(seeds, 'ametijuhend-nounik-klienditeenindus.txt');
const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const viewerToken = inject('viewerToken');

/** The API as another system uses it: a bearer token and a GraphQL POST. */
async function graphql(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data ?? {};
}

async function signIn(page: Page, token: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Juurdepääsuvõti').fill(token);
  await page.getByRole('button', { name: 'Logi sisse' }).click();
  await page.getByTestId('who').waitFor();
}

describe('a recruiter in the browser', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let openingPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with a token and sees the role, in Estonian by default', async () => {
    await page.goto(baseUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('et');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Juurdepääsuvõti').fill('sbv_not_a_real_token');
    await page.getByRole('button', { name: 'Logi sisse' }).click();
    await page.getByText('See võti ei kehti.').waitFor();
    // The browser logs the refused request (401); that one was meant to fail.
    errors.length = 0;
    await page.getByLabel('Juurdepääsuvõti').fill(adminToken);
    await page.getByRole('button', { name: 'Logi sisse' }).click();
    expect(await page.getByTestId('who').textContent()).toBe('e2e admin (administraator)');
    await page.waitForURL((url) => url.pathname === '/openings');
    await page.getByText('Ühtegi ametikohta veel pole').waitFor();
  });

  it('imports an ametijuhend: previews what was understood, then saves it as an opening', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Või vali fail').setInputFiles(seed);
    await expect.poll(() => page.getByLabel('Dokumendi tekst').inputValue()).toContain('AMETIJUHEND');
    await page.getByRole('button', { name: 'Eelvaade' }).click();
    const preview = page.getByRole('region', { name: 'Mida tekstist aru saadi' });
    await preview.waitFor();
    expect(await preview.locator('.preview-kind').textContent()).toBe('ametijuhend Nõunik');
    const previewText = (await preview.textContent()) ?? '';
    // Each requirement read from the job stands beside its sentence, ready to be corrected.
    expect(previewText).toContain('Paranda, mida tekstist loeti');
    expect(await preview.getByRole('group', { name: /eesti keel ≥ C1/ }).count()).toBe(1);
    expect(previewText).toContain('eesti keel ≥ C1');
    expect(previewText).toContain('Kliendikesksus');
    await screenshot(page, 'import-preview');

    await preview.getByRole('button', { name: 'Salvesta' }).click();
    const open = page.getByRole('link', { name: 'Ava ametikoht „Nõunik“' });
    await open.waitFor();
    await open.click();
    await page.getByRole('heading', { level: 1, name: 'Nõunik' }).waitFor();
    openingPath = new URL(page.url()).pathname;
    const hard = page.getByRole('region', { name: 'Kohustuslikud nõuded' });
    expect(await hard.textContent()).toContain('töökogemus ≥ 10 a');
    await page.getByText('Kandidaate pole.').waitFor();
  });

  it('adds a candidate in the form, with suggestions for a competence phrase', async () => {
    await page.getByRole('link', { name: 'Kandidaadid' }).click();
    await page.getByRole('link', { name: 'Lisa kandidaat' }).click();
    await page.getByLabel('Nimi').fill('Kadri Kask');
    await page.getByLabel('E-post').fill('kadri.kask@example.ee');
    await page.getByLabel('Kõrgeim haridus').selectOption({ label: 'magistrikraad' });

    const language1 = page.getByRole('group', { name: 'Keel 1' });
    await language1.getByLabel('Keel').fill('eesti');
    await language1.getByLabel('Tase').selectOption({ label: 'emakeel' });
    await page.getByRole('button', { name: 'Lisa keel' }).click();
    const language2 = page.getByRole('group', { name: 'Keel 2' });
    await language2.getByLabel('Keel').fill('inglise');
    await language2.getByLabel('Tase').selectOption('C1');

    for (const area of ['infotöötlus', 'kommunikatsioon', 'sisuloome', 'turvalisus', 'probleemilahendus']) {
      await page.getByLabel(area).selectOption({ label: 'vilunud' });
    }
    const experience = [
      ['12', 'kliendikesksete teenuste arendamine ja projektijuhtimine'],
      ['6', 'lean meetodid'],
      ['4', 'maatriksorganisatsioon'],
    ];
    for (const [i, [years, description]] of experience.entries()) {
      await page.getByRole('button', { name: 'Lisa töökogemus' }).click();
      const row = page.getByRole('group', { name: `Töökogemus ${i + 1}` });
      await row.getByLabel('Aastaid').fill(years!);
      await row.getByLabel('Valdkond / töö').fill(description!);
    }

    const phrase = page.getByRole('combobox', { name: 'Kompetents 1' });
    await phrase.fill('kliendikesksus');
    const option = page.getByRole('listbox', { name: 'Soovitused' }).getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toMatch(/sarnasus \d+%/);
    await screenshot(page, 'candidate-editor-suggestions');
    await phrase.press('Escape');
    await page.getByRole('button', { name: 'Lisa kompetents' }).click();
    await page.getByRole('combobox', { name: 'Kompetents 2' }).fill('koostöö');

    await page.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kadri Kask' }).waitFor();
    const profile = page.getByRole('region', { name: 'Profiil' });
    expect(await profile.textContent()).toContain('eesti emakeel, inglise C1');
    // Phrases the server tied to the job's competence groups are not called unmapped.
    await profile.getByText(/ametikoha kompetentsirühm „Kliendikesksus“/).waitFor();
    expect(await profile.textContent()).not.toContain('sidumata');
    const fits = page.getByRole('region', { name: 'Sobivus ametikohtadele' });
    await fits.getByRole('link', { name: 'Nõunik', exact: true }).waitFor();
    expect(await fits.textContent()).toContain('Vastab nõuetele');
  });

  it('keeps what was typed and shows the server’s error beside the field it names', async () => {
    await page.goto(`${baseUrl}/candidates/new`);
    await page.getByLabel('Nimi').fill('Vigane Keel');
    await page.getByRole('group', { name: 'Keel 1' }).getByLabel('Keel').fill('klingoni');
    await page.getByRole('group', { name: 'Keel 1' }).getByLabel('Tase').selectOption('B2');
    await page.getByRole('button', { name: 'Salvesta' }).click();
    const language = page.getByRole('group', { name: 'Keel 1' }).getByLabel('Keel');
    await page.locator('.field-error').first().waitFor();
    expect(await language.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('group', { name: 'Keel 1' }).locator('.field-error').textContent()).toContain('klingoni');
    expect(await page.getByLabel('Nimi').inputValue()).toBe('Vigane Keel');
    await screenshot(page, 'candidate-editor-error');
  });

  it('ranks the candidate on the opening and explains the match in a side panel', async () => {
    await page.goto(`${baseUrl}${openingPath}`);
    const rows = page.getByTestId('match-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const first = rows.first();
    expect(await first.getByRole('link', { name: 'Kadri Kask' }).count()).toBe(1);
    expect(await first.textContent()).toContain('Vastab nõuetele');
    expect(await first.textContent()).toContain('Suurimad puudujäägid');
    await page.getByRole('img', { name: /Sobivusskooride jaotus/ }).waitFor();

    await first.getByRole('button', { name: /Selgitus/ }).click();
    const panel = page.getByRole('complementary', { name: /Sobivuse selgitus/ });
    await panel.getByText('Nõuderühmad').waitFor();
    const explained = (await panel.textContent()) ?? '';
    expect(explained).toContain('magistrikraad ≥ kõrgharidus');
    expect(explained).toContain('6 a ≥ 5 a');
    expect(await panel.getByRole('meter', { name: 'Keeleoskus' }).getAttribute('aria-valuenow')).toBe('100');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${openingPath}/candidates/\\d+$`));
    await screenshot(page, 'opening-breakdown');
    // The breakdown has its own address: a reload (or a shared link) opens it again.
    await page.reload();
    const again = page.getByRole('complementary', { name: /Sobivuse selgitus/ });
    await again.getByText('Nõuderühmad').waitFor();
    expect(await again.textContent()).toContain('Kadri Kask');
    await again.getByRole('button', { name: 'Sulge' }).click();
    await page.waitForURL((url) => url.pathname === openingPath);
  });

  it('shows a candidate created through the API live, highlighted, without a reload', async () => {
    await page.getByTestId('live-status').getByText('Reaalajas').waitFor();
    const data = await graphql(
      adminToken,
      `mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`,
      {
        input: {
          name: 'Tõnis Tamm',
          education: 'keskharidus',
          languages: [{ language: 'eesti', level: 'B2' }],
          competences: ['kliendikesksus'],
        },
      },
    );
    expect(data.createCandidate).toBeTruthy();
    const strip = page.getByRole('region', { name: 'Uued pärast lehe avamist (1)' });
    await strip.waitFor();
    const arrival = strip.getByTestId('live-row');
    expect(await arrival.count()).toBe(1);
    expect(await arrival.getByRole('link').textContent()).toBe('Tõnis Tamm');
    expect(await arrival.getAttribute('class')).toContain('is-new');
    expect(await arrival.textContent()).toContain('Uus');
    expect(await arrival.textContent()).toContain('Ei vasta nõuetele');
    // The highlight is a background that fades: right after arriving it is not plain white.
    const background = await arrival.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain('Uus kandidaat: Tõnis Tamm');
    // No reload happened: the ranking below still has the one candidate it loaded with.
    expect(await page.getByTestId('match-row').count()).toBe(1);
    await screenshot(page, 'opening-live');
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'opening-live');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Switching the filter loads the ranking again; arrivals then take their place in it.
    await page.getByLabel('Ainult nõuetele vastavad').check();
    await strip.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=match-row]').length === 1);
    await page.getByLabel('Ainult nõuetele vastavad').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=match-row]').length === 2);
    // The ranking now holds the arrival in its place, still marked new.
    const rows = page.getByTestId('match-row');
    expect(await rows.nth(1).textContent()).toContain('Tõnis Tamm');
    expect(await rows.nth(1).textContent()).toContain('Uus');
    expect(await rows.nth(0).textContent()).not.toContain('Uus');
    await page.getByLabel('Ainult nõuetele vastavad').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=match-row]').length === 1);
  });

  it('switches the whole app to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { name: 'Ranked candidates' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('who').textContent()).toBe('e2e admin (administrator)');
    await page.getByLabel('Only qualified').uncheck();
    await page.getByRole('link', { name: 'Kadri Kask' }).waitFor();
    expect(await page.locator('.badge-qualified').first().textContent()).toBe('✓ Qualified');
    await page.getByRole('heading', { name: 'Hard requirements' }).waitFor();
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Openings' }).waitFor();
    await page.getByTestId('match-row').first().getByRole('button', { name: /Breakdown/ }).click();
    await page.getByRole('complementary', { name: /Match breakdown/ }).getByText('Requirement groups').waitFor();
    await screenshot(page, 'opening-breakdown-en');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import a document' }).waitFor();
    await page.getByRole('button', { name: 'Eesti keeles' }).click();
    await page.getByRole('heading', { name: 'Impordi dokument' }).waitFor();
  });

  it('an admin creates a webhook, sees it listed, and sees its deliveries with every attempt', async () => {
    // The other system: answers the first call with 503 and the next with 200.
    const received: { signature: string; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ signature: String(req.headers['x-sobivus-signature'] ?? ''), body });
        res.statusCode = received.length === 1 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const port = (receiver.address() as AddressInfo).port;
    try {
      await page.getByRole('navigation').getByRole('link', { name: 'Liidestused' }).click();
      await page.getByRole('heading', { level: 1, name: 'Liidestused' }).waitFor();
      await page.getByText('Veebikonkse veel pole.').waitFor();
      const url = page.getByLabel('URL');

      // The form's own check, beside the field, before any request.
      await url.fill('hr.example.ee');
      await page.getByRole('button', { name: 'Loo veebikonks' }).click();
      expect(await url.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.field-error').first().textContent()).toContain('See pole http- ega https-aadress.');
      // The server's refusal of a private address, beside the field too.
      await url.fill('http://10.1.2.3/hook');
      await page.getByRole('button', { name: 'Genereeri saladus' }).click();
      await page.getByRole('button', { name: 'Loo veebikonks' }).click();
      await page.locator('.field-error', { hasText: 'WEBHOOK_ALLOW_HOSTS' }).waitFor();
      expect(await url.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'integrations-error');

      const address = `http://127.0.0.1:${port}/sobivus`;
      await url.fill(address);
      await page.getByLabel('Ametikoht (valikuline)').selectOption({ label: 'Nõunik' });
      const secret = await page.getByLabel('Allkirjastamise saladus').inputValue();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{40}$/);
      await page.getByRole('button', { name: 'Loo veebikonks' }).click();
      const card = page.getByTestId('webhook');
      await card.waitFor();
      expect(await card.getByRole('heading').textContent()).toBe(address);
      expect(await card.getByRole('link', { name: 'Nõunik' }).count()).toBe(1);
      expect(await url.inputValue()).toBe('');

      // A new candidate is sent to it, signed with the secret; the first call fails, the retry lands.
      const created = await graphql(adminToken, `mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`, {
        input: { name: 'Liis Lepp', education: 'magistrikraad', languages: [{ language: 'eesti', level: 'C1' }] },
      });
      const candidateId = (created.createCandidate as { id: string }).id;
      await expect.poll(() => received.length, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(2);
      const last = received[1]!;
      expect(last.signature).toBe(`sha256=${createHmac('sha256', secret).update(last.body).digest('hex')}`);
      expect(JSON.parse(last.body)).toMatchObject({ type: 'candidateAdded', candidateId });

      await card.getByRole('button', { name: 'Näita saatmisi' }).click();
      const delivery = card.getByTestId('delivery').first();
      await delivery.waitFor();
      await expect
        .poll(
          async () => {
            if ((await delivery.textContent())?.includes('kohale toimetatud')) return true;
            await card.getByRole('button', { name: 'Uuenda' }).click();
            return false;
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe(true);
      expect(await delivery.textContent()).toContain('2 katset');
      const cells = await delivery.locator('tbody tr').evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll('td')[1]?.textContent),
      );
      expect(cells).toEqual(['HTTP 503', 'HTTP 200']);
      await screenshot(page, 'integrations');
    } finally {
      await new Promise((done) => receiver.close(done));
    }
  });

  let tokenSecret = '';
  let kadriId = '';

  it('an admin creates a token, sees its secret once, and revokes it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.getByRole('navigation').getByRole('link', { name: 'Võtmed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Juurdepääsuvõtmed' }).waitFor();
    // The tokens the test run made with the CLI are listed, without secrets.
    await page.getByTestId('token').filter({ hasText: 'e2e admin' }).waitFor();

    await page.getByLabel('Nimi').fill('e2e värbaja');
    await page.getByLabel('Roll').selectOption('RECRUITER');
    await page.getByLabel('Kehtib päevi (valikuline)').fill('30');
    await page.getByRole('button', { name: 'Loo võti' }).click();
    const shown = page.getByTestId('new-token');
    await shown.getByRole('heading', { name: 'Võti „e2e värbaja“ on loodud' }).waitFor();
    expect(await shown.textContent()).toContain('Seda ei näidata enam kunagi');
    tokenSecret = await shown.getByLabel('Võti').inputValue();
    expect(tokenSecret).toMatch(/^sbv_/);
    await shown.getByRole('button', { name: 'Kopeeri', exact: true }).click();
    await shown.getByText('Võti on lõikelauale kopeeritud.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tokenSecret);
    const card = page.getByTestId('token').filter({ hasText: 'e2e värbaja' });
    expect(await card.textContent()).toContain('värbaja');
    expect(await card.textContent()).toContain('kehtiv');
    expect(await card.textContent()).not.toContain(tokenSecret);
    await screenshot(page, 'tokens-secret');
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'tokens-secret');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The new token works: a recruiter signs in with it and reads a candidate's profile.
    const recruiter = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await signIn(recruiter, tokenSecret);
      expect(await recruiter.getByTestId('who').textContent()).toBe('e2e värbaja (värbaja)');
      expect(await recruiter.getByRole('navigation').getByRole('link', { name: 'Võtmed' }).count()).toBe(0);
      await recruiter.getByRole('link', { name: 'Kandidaadid' }).click();
      await recruiter.getByRole('link', { name: 'Kadri Kask' }).click();
      await recruiter.getByRole('heading', { level: 1, name: 'Kadri Kask' }).waitFor();
      kadriId = new URL(recruiter.url()).pathname.split('/').pop() ?? '';
      expect(kadriId).toMatch(/^\d+$/);
      await recruiter.goto(`${baseUrl}/tokens`);
      await recruiter.getByText('See leht on ainult administraatorile.').waitFor();

      // Once dismissed, the secret is nowhere on the page, nor after a reload.
      await shown.getByRole('button', { name: 'Olen võtme kopeerinud' }).click();
      await shown.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(tokenSecret);
      await page.reload();
      await card.waitFor();
      expect(await page.content()).not.toContain(tokenSecret);
      await expect.poll(async () => (await card.textContent()) ?? '').toContain('viimati kasutatud');

      await card.getByRole('button', { name: 'Tühista võti e2e värbaja' }).click();
      expect(await card.locator('.confirm').textContent()).toContain('logitakse kohe välja');
      await screenshot(page, 'tokens-confirm');
      await card.getByRole('button', { name: 'Jah, tühista' }).click();
      await card.locator('.badge-token', { hasText: 'tühistatud' }).waitFor();
      expect(await card.getByRole('button').count()).toBe(0);
      await page.getByText('Võti „e2e värbaja“ on tühistatud.', { exact: true }).first().waitFor();

      // The recruiter is signed out at once: the next request is refused.
      await recruiter.reload();
      await recruiter.getByText('Sessioon lõppes').waitFor();
      await recruiter.getByLabel('Juurdepääsuvõti').waitFor();
    } finally {
      await recruiter.close();
    }
    await screenshot(page, 'tokens');
  });

  it('the audit log shows the recruiter’s read of a candidate, and the admin’s export of them as JSON', async () => {
    expect(kadriId).toMatch(/^\d+$/);
    await page.goto(`${baseUrl}/candidates/${kadriId}`);
    await page.getByRole('heading', { level: 1, name: 'Kadri Kask' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ekspordi andmed (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`candidate-${kadriId}.json`);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.stringify(JSON.parse(exported))).toContain('kadri.kask@example.ee');
    await page.getByText(`Andmed laaditi alla failina candidate-${kadriId}.json.`).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Auditilogi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditilogi' }).waitFor();
    await page.getByTestId('audit-entry').first().waitFor();
    await page.getByLabel('Kandidaadi number').fill(kadriId);
    await page.getByRole('button', { name: 'Filtreeri' }).click();
    await page.waitForURL((url) => url.search === `?candidate=${kadriId}`);
    const entries = page.getByTestId('audit-entry');
    // The filtered list replaces the whole log when it arrives: wait for this candidate's
    // entry, not the first read of any candidate still on screen.
    const read = entries
      .filter({ hasText: 'e2e värbaja' })
      .filter({ hasText: 'luges' })
      .filter({ has: page.getByRole('link', { name: `Kandidaat nr ${kadriId}`, exact: true }) });
    await read.first().waitFor();
    expect(await read.first().textContent()).toContain('nimi');
    expect(await read.first().getByRole('link').textContent()).toBe(`Kandidaat nr ${kadriId}`);
    await entries.filter({ hasText: 'e2e admin' }).filter({ hasText: 'eksportis' }).first().waitFor();
    // Newest first.
    const times = await entries.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort().reverse()).toEqual(times);
    // Every entry is about this candidate (once the filtered page has replaced the log).
    await expect
      .poll(async () => new Set(await entries.getByRole('link').allTextContents()), { timeout: 10_000 })
      .toEqual(new Set([`Kandidaat nr ${kadriId}`]));
    await screenshot(page, 'audit');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const readEn = entries.filter({ hasText: 'e2e värbaja' }).filter({ has: page.locator('.badge', { hasText: /^read$/ }) });
    expect(await readEn.first().textContent()).toContain('Candidate no.');
    await page.getByRole('button', { name: 'Eesti keeles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditilogi' }).waitFor();
  });

  it('fits a 375 px wide phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseUrl}${openingPath}`);
    const href = await page.getByRole('link', { name: 'Kadri Kask' }).getAttribute('href');
    const candidateId = href?.split('/').pop();
    expect(candidateId).toMatch(/^\d+$/);
    for (const [path, name] of [
      [openingPath, 'opening'],
      [`${openingPath}/candidates/${candidateId}`, 'opening-breakdown'],
      ['/candidates/new', 'candidate-editor'],
      [`/candidates/${candidateId}`, 'candidate-profile'],
      ['/import', 'import'],
      ['/standards', 'standards'],
      ['/integrations', 'integrations'],
      ['/tokens', 'tokens'],
      [`/audit?candidate=${candidateId}`, 'audit'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('main h1:visible, main h2:visible').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page);
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/candidates/${candidateId}`);
    const profile = page.getByRole('region', { name: 'Profiil' });
    await profile.waitFor();
    await screenshot(page, 'candidate-profile');

    // Each phrase offers every distinct entry the server mapped it to, as the API lists them.
    const stored = await graphql(
      adminToken,
      `query($id: ID!) { candidate(id: $id) { competences { phrase mappings { label competence { id } } } } }`,
      { id: candidateId },
    );
    const phrases = (stored.candidate as { competences: { phrase: string; mappings: { label: string; competence: { id: string } | null }[] }[] })
      .competences;
    const distinct = phrases.map((p) => new Set(p.mappings.map((m) => `${m.competence?.id ?? 'group'}:${m.label}`)).size);
    const toggles = profile.getByRole('button', { name: /^Kõik seosed/ });
    expect(await toggles.allTextContents()).toEqual(distinct.filter((n) => n > 1).map((n) => `Kõik seosed (${n})`));
    const expandable = distinct.findIndex((n) => n > 1);
    if (expandable >= 0) {
      await toggles.first().click();
      const all = profile.getByRole('list', { name: `Fraasi „${phrases[expandable]!.phrase}“ kõik seosed, parim eespool` });
      expect(await all.getByRole('listitem').count()).toBe(distinct[expandable]);
      expect(await all.textContent()).toMatch(/sarnasus \d+%/);
      await screenshot(page, 'candidate-profile-mappings');
    }
  });

  it('imports a kutsestandard by pasting it, browses its competences and opens a post for one osakutse', async () => {
    await page.goto(`${baseUrl}/import`);
    await page.getByLabel('Dokumendi tekst').fill(readFileSync(resolve(seeds, 'kutsestandard-it-juht-tase-7.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Eelvaade' }).click();
    const preview = page.getByRole('region', { name: 'Mida tekstist aru saadi' });
    await preview.waitFor();
    expect(await preview.locator('.preview-kind').textContent()).toBe('kutsestandard IT-juht, tase 7');
    expect(await preview.textContent()).toMatch(/B\.3\.1 Infosüsteemi ja äristrateegia kooskõlastamine/);
    await preview.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('link', { name: 'Ava kutsestandard „IT-juht, tase 7“' }).click();

    await page.getByRole('heading', { level: 1, name: 'IT-juht, tase 7' }).waitFor();
    const competences = page.getByRole('region', { name: 'Kompetentsid' });
    await competences.getByText('Tegevusnäitajad (5)').first().click();
    await screenshot(page, 'standard');
    const partials = page.getByRole('region', { name: 'Osakutsed' });
    await partials.getByRole('link', { name: /^Loo ametikoht\s*:\s*Infoturbejuht, tase 7$/ }).click();

    expect(await page.getByLabel('Infoturbejuht, tase 7').isChecked()).toBe(true);
    expect(await page.getByLabel('Ametikoha nimetus').inputValue()).toBe('Infoturbejuht, tase 7');
    await page.getByRole('button', { name: 'Loo ametikoht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Infoturbejuht, tase 7' }).waitFor();
    expect(await page.locator('main .meta').first().textContent()).toContain('osakutse „Infoturbejuht, tase 7“');
    const requirements = page.getByRole('region', { name: 'Nõuded', exact: true });
    expect(await requirements.textContent()).toMatch(/B\.3\.14\s*Riskijuhtimine/);
    // Every candidate is ranked for a new opening at once (Kadri Kask, Tõnis Tamm, Liis Lepp).
    await page.getByTestId('match-row').first().waitFor();
    expect(await page.getByTestId('match-row').count()).toBe(3);
  });

  it('hides personal data and write actions from a viewer', async () => {
    const viewer = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(viewer, viewerToken);
    expect(await viewer.getByTestId('who').textContent()).toBe('e2e viewer (vaataja)');
    expect(await viewer.getByRole('navigation').getByRole('link', { name: 'Liidestused' }).count()).toBe(0);
    await viewer.goto(`${baseUrl}${openingPath}`);
    await viewer.getByText('Reaalajas uuendused pole sinu rollile saadaval', { exact: false }).waitFor();
    expect(await viewer.getByTestId('live-status').count()).toBe(0);
    await viewer.getByRole('link', { name: 'Kandidaadid' }).click();
    await viewer.getByText(/Kandidaat nr \d+/).first().waitFor();
    expect(await viewer.getByText('Kadri Kask').count()).toBe(0);
    expect(await viewer.getByRole('searchbox').count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'Lisa kandidaat' }).count()).toBe(0);
    await viewer.getByText(/Kandidaat nr \d+/).first().click();
    await viewer.getByRole('region', { name: 'Profiil' }).waitFor();
    expect(await viewer.getByText('E-post', { exact: true }).count()).toBe(0);
    await screenshot(viewer, 'viewer-profile');
    await viewer.close();
  });

  it('after the connection drops, shows the candidate added meanwhile once it reconnects (resuming after the last event)', async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    other.setDefaultTimeout(20_000);
    // The WebSocket runs through the test: it can be cut, and refused while "the network is down".
    let down = false;
    const sockets: WebSocketRoute[] = [];
    const subscribes: { after?: string | null }[] = [];
    let lastEventId: string | null = null;
    await other.routeWebSocket(/\/graphql$/, (ws) => {
      if (down) {
        void ws.close({ code: 1006, reason: 'network down' });
        return;
      }
      sockets.push(ws);
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { variables?: { after?: string | null } } };
        if (parsed.type === 'subscribe') subscribes.push({ after: parsed.payload?.variables?.after });
        server.send(message);
      });
      server.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as {
          type: string;
          payload?: { data?: { candidateAdded?: { eventId: string } } };
        };
        const id = parsed.payload?.data?.candidateAdded?.eventId;
        if (id) lastEventId = id;
        ws.send(message);
      });
    });
    const create = (name: string) =>
      graphql(adminToken, `mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`, {
        input: { name, education: 'kõrgharidus', languages: [{ language: 'eesti', level: 'C1' }] },
      });

    // Live subscriptions the server holds (/metrics): a "from now on" subscription sees what
    // is created once the server has attached it, not as soon as the browser has sent it.
    const attached = async () => {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      return Number(/^sobivus_subscribers (\d+)/m.exec(text)?.[1] ?? 0);
    };
    const before = await attached();
    await signIn(other, adminToken);
    await other.goto(`${baseUrl}${openingPath}`);
    await other.getByTestId('live-status').getByText('Reaalajas').waitFor();
    await expect.poll(() => subscribes).toEqual([{ after: null }]);
    await expect.poll(attached).toBeGreaterThan(before);
    await create('Mart Mets');
    await other.getByRole('region', { name: /Uued pärast lehe avamist/ }).getByRole('link', { name: 'Mart Mets' }).waitFor();
    const seen = lastEventId;
    expect(seen).toMatch(/^\d+$/);

    down = true;
    await sockets[0]!.close({ code: 1006, reason: 'network down' });
    await other.getByTestId('live-status').getByText(/ühendan uuesti/).waitFor();
    await screenshot(other, 'opening-reconnecting');
    await create('Anu Allik');
    down = false;

    const strip = other.getByRole('region', { name: /Uued pärast lehe avamist/ });
    await strip.getByRole('link', { name: 'Anu Allik' }).waitFor();
    await other.getByTestId('live-status').getByText('Reaalajas').waitFor();
    // It resubscribed after the last event it had, and the server replayed the missed one.
    expect(subscribes.at(-1)).toEqual({ after: seen });
    expect(await strip.getByTestId('live-row').count()).toBe(2);
    await other.close();
  });

  it('threw no error in the page along the way', () => {
    expect(errors).toEqual([]);
  });
});
