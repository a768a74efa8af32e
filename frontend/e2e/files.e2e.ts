import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchErrors } from './browser';
import { docx, pdf } from './file-builders';
import { createToken, sobivusBinary, startServer, webDir, type RunningServer } from './server';

const seeds = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/seeds');
const seedText = (name: string) => readFileSync(resolve(seeds, name), 'utf8');

/** Drops `bytes` as the file `name` on the element, the way a browser delivers a dragged file. */
async function dropFile(page: Page, testId: string, name: string, type: string, bytes: Buffer) {
  const transfer = await page.evaluateHandle(
    ({ data, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { data: [...bytes], name, type },
  );
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Recruiters hold standards as PDF files and job descriptions as Word files: dropped on the
 * import page, each is read by the server and previewed like a pasted text, then saved.
 * Against a server of its own, so the other scenarios' data does not change what it sees.
 */
describe('a recruiter drops files on the import page', () => {
  let server: RunningServer;
  let dir: string;
  let token: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sobivus-e2e-files-'));
    const binary = sobivusBinary();
    const databaseUrl = `sqlite://${dir}/files.db?mode=rwc`;
    server = await startServer(binary, databaseUrl, webDir(), () => {});
    token = createToken(binary, databaseUrl, 'admin');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('previews a PDF standard and a DOCX job description dropped on the page, and saves them', async () => {
    await page.goto(server.url);
    await page.getByLabel('Juurdepääsuvõti').fill(token);
    await page.getByRole('button', { name: 'Logi sisse' }).click();
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: 'Import' }).click();

    const standard = pdf(seedText('kutsestandard-kvaliteedijuht-tase-7.txt'));
    await dropFile(page, 'import-dropzone', 'kvaliteedijuht.pdf', 'application/pdf', standard);
    const preview = page.getByRole('region', { name: 'Mida tekstist aru saadi' });
    await preview.waitFor();
    await page.getByRole('status').filter({ hasText: 'Loetud failist „kvaliteedijuht.pdf“ (PDF' }).waitFor();
    expect(await preview.textContent()).toContain('Kvaliteedijuht');
    expect(await page.getByLabel('Dokumendi tekst').inputValue()).toContain('Kvaliteedijuht');
    await screenshot(page, 'import-file-pdf');
    await preview.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('link', { name: /Ava kutsestandard „Kvaliteedijuht/ }).waitFor();

    const job = docx(seedText('ametijuhend-nounik-klienditeenindus.txt'));
    const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await dropFile(page, 'import-dropzone', 'nounik.docx', wordType, job);
    await page.getByRole('status').filter({ hasText: 'Loetud failist „nounik.docx“ (Word)' }).waitFor();
    expect(await preview.locator('.preview-kind').textContent()).toBe('ametijuhend Nõunik');
    expect(await preview.getByRole('group', { name: /eesti keel ≥ C1/ }).count()).toBe(1);
    await screenshot(page, 'import-file-docx');
    await preview.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('link', { name: 'Ava ametikoht „Nõunik“' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('fills a new candidate from a PDF CV, and saves it once checked', async () => {
    const cv = [
      'Kadri Kask',
      'kadri.kask@example.ee',
      'Telefon: +372 5123 4567',
      '',
      'Töökogemus',
      '01.2018 – praegu Klienditeeninduse juht, AS Näidis',
      '',
      'Haridus',
      'Tartu Ülikool, magistrikraad',
      '',
      'Keeleoskus',
      'eesti – emakeel',
      'inglise keel: C1',
      '',
      'Oskused',
      'klienditeeninduse korraldamine; meeskonna juhtimine',
    ].join('\n');
    await page.getByRole('link', { name: 'Kandidaadid' }).click();
    await page.getByRole('link', { name: 'Lisa kandidaat' }).click();
    await page.getByLabel(/Täida CV failist/).setInputFiles({
      name: 'kadri-cv.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(cv),
    });
    await page.getByRole('status').filter({ hasText: 'Andmed on loetud failist „kadri-cv.pdf“' }).waitFor();
    expect(await page.getByLabel('Nimi').inputValue()).toBe('Kadri Kask');
    expect(await page.getByLabel('E-post').inputValue()).toBe('kadri.kask@example.ee');
    expect(await page.getByLabel('Telefon').inputValue()).toBe('+372 5123 4567');
    await expect
      .poll(() => page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
      .toContain('Klienditeeninduse juht, AS Näidis');
    await screenshot(page, 'candidate-from-cv');
    await page.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kadri Kask' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('fills a new candidate from a Europass XML, keeps the file with them, and offers it for download', async () => {
    const europass = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:hr="http://www.hr-xml.org/3" xmlns:oa="http://www.openapplications.org/oagis/9" xmlns:eures="http://www.europass_eures.eu/1.0">
  <CandidatePerson>
    <PersonName><oa:GivenName>Tõnis</oa:GivenName><hr:FamilyName>Ülesoo</hr:FamilyName></PersonName>
    <Communication><ChannelCode>Email</ChannelCode><oa:URI>tonis.ulesoo@example.ee</oa:URI></Communication>
    <Communication><ChannelCode>Telephone</ChannelCode><UseCode>mobile</UseCode><CountryDialing>372</CountryDialing><oa:DialNumber>5234 5678</oa:DialNumber></Communication>
    <PrimaryLanguageCode name="NORMAL">est</PrimaryLanguageCode>
  </CandidatePerson>
  <CandidateProfile languageCode="et">
    <EmploymentHistory><EmployerHistory><hr:OrganizationName>OÜ Kõnekeskus</hr:OrganizationName>
      <PositionHistory><PositionTitle typeCode="FREETEXT">Klienditeenindaja</PositionTitle>
        <eures:EmploymentPeriod><eures:StartDate><hr:FormattedDateTime>2021-02</hr:FormattedDateTime></eures:StartDate><hr:CurrentIndicator>true</hr:CurrentIndicator></eures:EmploymentPeriod>
      </PositionHistory></EmployerHistory></EmploymentHistory>
    <PersonQualifications><PersonCompetency><CompetencyID schemeName="NORMAL">eng</CompetencyID><hr:TaxonomyID>language</hr:TaxonomyID>
      <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Understanding-Listening</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>C1</hr:ScoreText></eures:Score></eures:CompetencyDimension>
      <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Writing-Production</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>B2</hr:ScoreText></eures:Score></eures:CompetencyDimension>
    </PersonCompetency></PersonQualifications>
  </CandidateProfile>
</Candidate>`;
    await page.getByRole('link', { name: 'Kandidaadid' }).first().click();
    await page.getByRole('link', { name: 'Lisa kandidaat' }).click();
    await page.getByLabel(/Täida CV failist/).setInputFiles({
      name: 'tonis-europass.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(europass, 'utf8'),
    });
    await page.getByRole('status').filter({ hasText: 'Andmed on loetud failist „tonis-europass.xml“' }).waitFor();
    expect(await page.getByLabel('Nimi').inputValue()).toBe('Tõnis Ülesoo');
    expect(await page.getByLabel('Telefon').inputValue()).toBe('+372 5234 5678');
    await expect
      .poll(() => page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
      .toContain('Klienditeenindaja, OÜ Kõnekeskus');
    // Nothing read from the XML is unsure.
    expect(await page.getByRole('status').textContent()).not.toContain('Ebakindlalt');
    await page.getByLabel(/Säilita „tonis-europass.xml“ kandidaadi juures/).check();
    await screenshot(page, 'candidate-from-europass');
    await page.getByRole('button', { name: 'Salvesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tõnis Ülesoo' }).waitFor();
    const profile = page.getByRole('region', { name: 'Profiil' });
    expect(await profile.textContent()).toContain('inglise');
    const download = page.waitForEvent('download');
    await profile.getByRole('button', { name: 'tonis-europass.xml' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('tonis-europass.xml');
    await screenshot(page, 'candidate-kept-cv-file');
    expect(errors).toEqual([]);
  });

  it('says beside the file picker why a file without text cannot be read', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await dropFile(page, 'import-dropzone', 'pilt.png', 'image/png', Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'));
    await page.getByText(/pilt\.png/).waitFor();
    expect(await page.getByRole('region', { name: 'Mida tekstist aru saadi' }).count()).toBe(0);
    await screenshot(page, 'import-file-refused');
    // The refused upload is logged by the browser as nothing: GraphQL answers 200 with errors.
    expect(errors).toEqual([]);
  });
});
