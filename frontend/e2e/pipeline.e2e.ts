import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoHorizontalScroll, launchBrowser, screenshot, watchErrors } from './browser';
import { createToken, sobivusBinary, startServer, webDir, type RunningServer } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const seed = resolve(here, '../../data/seeds/ametijuhend-nounik-klienditeenindus.txt');

/** A candidate who meets every hard requirement of the Nõunik job description. */
const strong = (name: string) => ({
  name,
  education: 'magistrikraad',
  languages: [
    { language: 'eesti', level: 'C2' },
    { language: 'inglise', level: 'C1' },
  ],
  digital: ['INFORMATION', 'COMMUNICATION', 'CONTENT_CREATION', 'SAFETY', 'PROBLEM_SOLVING'].map((area) => ({
    area,
    level: 'PROFICIENT',
  })),
  experience: [
    { years: 12, description: 'kliendikesksete teenuste arendamine ja projektijuhtimine' },
    { years: 6, description: 'lean meetodid' },
    { years: 4, description: 'maatriksorganisatsioon' },
  ],
  competences: ['kliendikesksus', 'koostöö'],
});

/**
 * The recruitment pipeline in the browser: a recruiter shortlists from the ranking, moves a
 * candidate on the board by keyboard, is told in words when a move breaks the order, writes
 * a note, and rejects another candidate by dragging the card, giving the reason. A viewer
 * reads the board; an HR tool's token with the right moves cards; an administrator forces what
 * the order refused. On a server of its own, so the other scenarios' candidates are not in its
 * ranking.
 */
describe('a recruiter works an opening’s pipeline', () => {
  let server: RunningServer;
  let dir: string;
  let admin: string;
  let recruiter: string;
  let viewer: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let openingId = '';

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data ?? {};
  }

  async function signIn(token: string) {
    await page.goto(server.url);
    await page.getByLabel('Juurdepääsuvõti').fill(token);
    await page.getByRole('button', { name: 'Logi sisse' }).click();
    await page.getByTestId('who').waitFor();
  }

  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}:`) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sobivus-e2e-pipeline-'));
    const binary = sobivusBinary();
    const databaseUrl = `sqlite://${dir}/pipeline.db?mode=rwc`;
    server = await startServer(binary, databaseUrl, webDir(), () => {});
    admin = createToken(binary, databaseUrl, 'admin');
    recruiter = createToken(binary, databaseUrl, 'recruiter');
    viewer = createToken(binary, databaseUrl, 'viewer');
    const imported = await graphql(`mutation($text: String!) { importDocument(text: $text) { opening { id } } }`, {
      text: readFileSync(seed, 'utf8'),
    });
    openingId = (imported.importDocument as { opening: { id: string } }).opening.id;
    const weak = {
      name: 'Tõnis Tamm',
      education: 'keskharidus',
      languages: [{ language: 'eesti', level: 'B2' }],
      competences: ['kliendikesksus'],
    };
    for (const input of [strong('Kadri Kask'), weak]) {
      await graphql(`mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`, { input });
    }
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

  it('shortlists two candidates from the ranked list; each row then shows the stage instead of the button', async () => {
    await signIn(recruiter);
    await page.goto(`${server.url}/openings/${openingId}`);
    await page.getByRole('heading', { level: 1, name: 'Nõunik' }).waitFor();
    await page.getByRole('link', { name: 'Värbamise töölaud (0)' }).waitFor();
    const rows = page.getByTestId('match-row');
    await rows.nth(1).waitFor();
    await screenshot(page, 'pipeline-ranking');
    for (const name of ['Kadri Kask', 'Tõnis Tamm']) {
      const row = rows.filter({ hasText: name });
      await row.getByRole('button', { name: new RegExp(`Lisa lühinimekirja.*${name}`) }).click();
      const stage = row.getByRole('link', { name: `Töölaual: Lühinimekirjas (${name})` });
      await stage.waitFor();
      expect(await stage.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await row.getByRole('button', { name: /Lisa lühinimekirja/ }).count()).toBe(0);
    }
    await page.getByRole('link', { name: 'Värbamise töölaud (2)' }).waitFor();
    await screenshot(page, 'pipeline-shortlisted');
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pipeline-shortlisted');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('moves a candidate to the interview by keyboard, and is told why a hire needs an offer first', async () => {
    await page.getByRole('link', { name: 'Värbamise töölaud (2)' }).click();
    await page.getByRole('heading', { level: 1, name: /Värbamise töölaud/ }).waitFor();
    await page.getByTestId('live-status').getByText('Reaalajas').waitFor();
    expect(await column('Lühinimekirjas').getByTestId('pipeline-card').count()).toBe(2);
    expect(await column('Lühinimekirjas').getByRole('heading').getAttribute('aria-label')).toBe('Lühinimekirjas: 2 kandidaati');

    const select = page.getByLabel('Vii etappi: Kadri Kask');
    await select.focus();
    await select.selectOption({ label: 'Intervjuu' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await column('Intervjuu').getByRole('link', { name: 'Kadri Kask', exact: true }).waitFor();
    expect(await column('Lühinimekirjas').getByTestId('pipeline-card').count()).toBe(1);
    // The focus went with the card, to its stage choice in the new column.
    await expect.poll(() => page.getByLabel('Vii etappi: Kadri Kask').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('[aria-live="polite"]').allTextContents()).toContain('Kadri Kask on nüüd etapis „Intervjuu“.');
    expect(await column('Intervjuu').getByTestId('pipeline-card').textContent()).toContain('Vastab nõuetele');

    // HIRED only from OFFER: the server refuses, the card says why, a recruiter gets no force.
    await page.getByLabel('Vii etappi: Kadri Kask').selectOption({ label: 'Tööle võetud' });
    await page.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' }).click();
    const card = column('Intervjuu').getByTestId('pipeline-card');
    await card.getByRole('alert').getByText('Tööle saab võtta ainult pakkumise etapist.').waitFor();
    expect(await card.getByRole('button', { name: /siiski/ }).count()).toBe(0);
    await screenshot(page, 'pipeline-refused');
    await card.getByRole('button', { name: 'Peida' }).click();
  });

  it('writes a note in the candidate’s details and sees it with its author, and the history of moves', async () => {
    await page.getByRole('link', { name: 'Üksikasjad: Kadri Kask' }).click();
    const panel = page.getByRole('complementary', { name: /Kandidaadi käik/ });
    await panel.getByText('Märkusi pole.').waitFor();
    const moves = panel.getByTestId('move');
    expect(await moves.count()).toBe(2);
    expect(await moves.nth(0).textContent()).toContain('Lisatud etappi „Lühinimekirjas“');
    expect(await moves.nth(1).textContent()).toContain('Lühinimekirjas → Intervjuu');
    expect(await moves.nth(1).textContent()).toContain('e2e recruiter');
    await panel.getByLabel('Uus märkus').fill('Tugev suhtleja; intervjuu neljapäeval kell 10.');
    await panel.getByRole('button', { name: 'Lisa märkus' }).click();
    const note = panel.getByTestId('note');
    await note.waitFor();
    expect(await note.textContent()).toContain('Tugev suhtleja; intervjuu neljapäeval kell 10.');
    expect(await note.textContent()).toContain('e2e recruiter');
    expect(await panel.getByLabel('Uus märkus').inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/openings/${openingId}/pipeline/\\d+$`));
    await screenshot(page, 'pipeline-details');
    // On a phone the details are a sheet over the board.
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pipeline-details');
    await page.setViewportSize({ width: 1440, height: 900 });
    await panel.getByRole('button', { name: 'Sulge' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('rejects the other candidate by dragging the card, giving “other” with the text it needs', async () => {
    const card = column('Lühinimekirjas').getByTestId('pipeline-card').filter({ hasText: 'Tõnis Tamm' });
    // Picked up by the card itself (its corner), not by the stage choice or a link on it.
    await card.dragTo(column('Tagasi lükatud'), { sourcePosition: { x: 4, y: 4 } });
    const dialog = page.getByRole('dialog', { name: 'Lükka tagasi: Tõnis Tamm' });
    await dialog.waitFor();
    await dialog.getByLabel('Muu põhjus').check();
    await dialog.getByRole('button', { name: 'Lükka tagasi' }).click();
    const text = dialog.getByLabel(/Selgitus/);
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Kirjuta, mis on põhjus.').waitFor();
    await screenshot(page, 'pipeline-reject-dialog');
    await text.fill('Valis teise tööpakkumise.');
    await dialog.getByRole('button', { name: 'Lükka tagasi' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rejected = column('Tagasi lükatud').getByTestId('pipeline-card');
    await rejected.getByRole('link', { name: 'Tõnis Tamm', exact: true }).waitFor();
    expect(await rejected.textContent()).toContain('Muu põhjus');
    expect(await column('Lühinimekirjas').getByTestId('pipeline-card').count()).toBe(0);
    await screenshot(page, 'pipeline-board');

    // The server holds what the board shows.
    const data = await graphql(
      `query($id: ID!) { pipeline(openingId: $id) { counts { stage count } edges { node { stage rejectionKind rejectionText notes { text } } } } }`,
      { id: openingId },
    );
    const pipeline = data.pipeline as {
      counts: { stage: string; count: number }[];
      edges: { node: { stage: string; rejectionKind: string | null; rejectionText: string | null; notes: { text: string }[] } }[];
    };
    expect(pipeline.counts.filter((c) => c.count > 0)).toEqual([
      { stage: 'INTERVIEW', count: 1 },
      { stage: 'REJECTED', count: 1 },
    ]);
    expect(pipeline.edges.map((e) => e.node)).toEqual([
      { stage: 'INTERVIEW', rejectionKind: null, rejectionText: null, notes: [{ text: 'Tugev suhtleja; intervjuu neljapäeval kell 10.' }] },
      { stage: 'REJECTED', rejectionKind: 'OTHER', rejectionText: 'Valis teise tööpakkumise.', notes: [] },
    ]);
  });

  it('shows a move made elsewhere (an HR tool, another recruiter) without a reload', async () => {
    const data = await graphql(`query($id: ID!) { pipeline(openingId: $id, stage: INTERVIEW) { edges { node { id } } } }`, {
      id: openingId,
    });
    const [edge] = (data.pipeline as { edges: { node: { id: string } }[] }).edges;
    await graphql(`mutation($id: ID!) { moveApplication(id: $id, stage: OFFER) { stage } }`, { id: edge!.node.id });
    await column('Pakkumine').getByRole('link', { name: 'Kadri Kask', exact: true }).waitFor();
    expect(await column('Intervjuu').getByTestId('pipeline-card').count()).toBe(0);
  });

  it('stays usable at 375 px, in English too, and the candidate page names the pipeline', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pipeline-board');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: /Recruitment board/ }).waitFor();
    await column('Offer').getByRole('link', { name: 'Kadri Kask', exact: true }).waitFor();
    expect(await column('Rejected').textContent()).toContain('Other reason');
    await screenshot(page, 'pipeline-board-en');
    await page.getByRole('button', { name: 'Eesti keeles' }).click();
    await page.getByRole('heading', { level: 1, name: /Värbamise töölaud/ }).waitFor();

    await column('Pakkumine').getByRole('link', { name: 'Kadri Kask', exact: true }).click();
    const pipelines = page.getByRole('region', { name: 'Värbamisprotsessid' });
    const item = pipelines.getByTestId('application');
    await item.waitFor();
    expect(await item.textContent()).toContain('Pakkumine');
    await pipelines.getByRole('link', { name: 'Nõunik: ava töölaud' }).click();
    await page.getByRole('complementary', { name: /Kandidaadi käik/ }).getByText('Tugev suhtleja').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a viewer the board read-only, with candidates by number and no notes', async () => {
    await page.getByRole('button', { name: 'Logi välja' }).click();
    await signIn(viewer);
    await page.goto(`${server.url}/openings/${openingId}/pipeline`);
    const card = column('Pakkumine').getByTestId('pipeline-card');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Kandidaat nr \d+/);
    expect(await card.getByRole('combobox').count()).toBe(0);
    expect(await card.getAttribute('draggable')).toBe('false');
    await page.getByText('Sinu roll näeb töölauda ainult vaadates.').waitFor();
    await card.getByRole('link', { name: /Üksikasjad/ }).click();
    const panel = page.getByRole('complementary', { name: /Kandidaadi käik/ });
    await panel.getByText('Märkusi näevad ainult isikuandmete õigusega rollid.').waitFor();
    expect(await panel.getByLabel('Uus märkus').count()).toBe(0);
    // Who added and moved the candidate is a staff name: not for a viewer.
    await panel.getByText(/^Lisatud pingereast, /).waitFor();
    expect(await panel.getByTestId('move').count()).toBe(3);
    expect(await panel.textContent()).not.toMatch(/e2e|null/);
    await screenshot(page, 'pipeline-viewer');
    expect(errors).toEqual([]);
  });

  it('lets an HR tool’s token with the right to move candidates hire one, but not reopen a closed one', async () => {
    const created = await graphql(
      `mutation { createToken(name: "e2e HR tool", role: INTEGRATION, movesApplications: true) { secret } }`,
    );
    await page.getByRole('button', { name: 'Logi välja' }).click();
    await signIn((created.createToken as { secret: string }).secret);
    await page.goto(`${server.url}/openings/${openingId}/pipeline`);
    await page.getByText(/^Vii kandidaat järgmisse etappi/).waitFor();

    const closed = column('Tagasi lükatud').getByTestId('pipeline-card');
    await closed.getByRole('combobox').selectOption({ label: 'Uus' });
    await closed.getByRole('button', { name: /^Vii .+ valitud etappi$/ }).click();
    await closed.getByRole('alert').getByText('Kandidaadi käik on lõppenud: uuesti avada saab ainult administraator.').waitFor();
    expect(await closed.getByRole('button', { name: /siiski/ }).count()).toBe(0);
    await screenshot(page, 'pipeline-integration');

    const offer = column('Pakkumine').getByTestId('pipeline-card');
    await offer.getByRole('combobox').selectOption({ label: 'Tööle võetud' });
    await offer.getByRole('button', { name: /^Vii .+ valitud etappi$/ }).click();
    await column('Tööle võetud').getByTestId('pipeline-card').waitFor();
    expect(await column('Pakkumine').getByTestId('pipeline-card').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets an administrator force the reopening the server refused, said in English too', async () => {
    await page.getByRole('button', { name: 'Logi välja' }).click();
    await signIn(admin);
    await page.goto(`${server.url}/openings/${openingId}/pipeline`);
    await page.getByRole('button', { name: 'In English' }).click();
    const rejected = column('Rejected').getByTestId('pipeline-card');
    await rejected.getByLabel('Move to stage: Tõnis Tamm').selectOption({ label: 'New' });
    await rejected.getByRole('button', { name: 'Move Tõnis Tamm to the chosen stage' }).click();
    await rejected.getByRole('alert').getByText('This candidate’s application is closed: only an administrator may reopen it.').waitFor();
    await rejected.getByRole('button', { name: 'Move Tõnis Tamm to “New” anyway' }).waitFor();
    await screenshot(page, 'pipeline-force-en');
    // The refusal on the card follows the language switch.
    await page.getByRole('button', { name: 'Eesti keeles' }).click();
    const card = column('Tagasi lükatud').getByTestId('pipeline-card');
    await card.getByRole('alert').getByText('Kandidaadi käik on lõppenud: uuesti avada saab ainult administraator.').waitFor();
    await screenshot(page, 'pipeline-force');
    await card.getByRole('button', { name: 'Vii Tõnis Tamm siiski etappi „Uus“' }).click();
    await column('Uus').getByRole('link', { name: 'Tõnis Tamm', exact: true }).waitFor();

    await column('Uus').getByRole('link', { name: 'Üksikasjad: Tõnis Tamm' }).click();
    const moves = page.getByRole('complementary', { name: /Kandidaadi käik/ }).getByTestId('move');
    await moves.nth(2).waitFor();
    expect(await moves.nth(2).textContent()).toMatch(/Tagasi lükatud → Uus.*administraatori erand.*e2e admin/);
    // The HR tool's hire is named with its token for those who see staff names.
    await page.getByRole('link', { name: 'Üksikasjad: Kadri Kask' }).click();
    await page.getByRole('complementary', { name: /Kandidaadi käik/ }).getByText(/Pakkumine → Tööle võetud/).waitFor();
    expect(await page.getByTestId('move').last().textContent()).toContain('e2e HR tool');
    expect(errors).toEqual([]);
  });
});
