/**
 * The core journeys of the web application in a real browser (issue #15), run twice: with JavaScript on (each page
 * scanned with axe-core, the main pages photographed at 1280 and 390 px) and with JavaScript off.
 * A beleidsmedewerker takes a strategic dossier from creation through a refused ADVANCE, evidence and explanations to
 * the next phase and asks for a waiver; a teamleider approves it; the griffie finds the dossier and downloads the CSV;
 * an auditor reads the history and verifies the chain.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshots, startWeb, Web } from './browser';

export function journeys(javaScript: boolean): void {
  let web: Web;
  let dossierUrl = '';
  beforeAll(async () => {
    web = await startWeb({ javaScript });
  });
  afterAll(() => web?.close());

  /** Open one of the evidence forms from the dossier page (the list is folded away once a dossier has records). */
  async function openForm(page: Page, name: string) {
    const link = page.getByRole('link', { name, exact: true });
    if (!(await link.isVisible())) await page.getByText('Iets vastleggen').click();
    await link.click();
  }

  /** With JavaScript on: axe-core on the page, and screenshots of the main pages. (axe needs script to run.) */
  async function check(page: Page, shot?: string) {
    if (!javaScript) return;
    await expectAccessible(page);
    if (shot) await screenshots(page, shot);
  }

  it('the sign-in page: a field labelled Token, Dutch, accessible; a wrong token gives a Dutch error beside the field', async () => {
    const context = await web.browser.newContext({ baseURL: web.base, bypassCSP: javaScript, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expect(page.title()).resolves.toBe('Inloggen — Kaderwijzer');
    await check(page, 'inloggen');
    await page.getByLabel('Token').fill('kw_0000000000000000.verkeerd');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('#veld-token-fout').textContent()).resolves.toContain('onjuist, verlopen of ingetrokken');
    await check(page);
    await context.close();
  });

  it('a beleidsmedewerker creates a strategic dossier, is refused, records evidence, explains, and advances', async () => {
    const { page } = await web.signIn(web.h.users.bm);
    expect(new URL(page.url()).pathname).toBe('/dossiers');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mijn dossiers');
    await check(page);

    await page.getByRole('link', { name: 'Nieuw dossier' }).click();
    await check(page);
    // Submitting without a title: the error at the top and beside the field.
    await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
    await expect(page.locator('.kw-error-summary').textContent()).resolves.toContain('Titel');
    await expect(page.locator('#veld-title-fout').isVisible()).resolves.toBe(true);
    await check(page);
    await page.getByLabel('Titel').fill('Regionale Energiestrategie 2.0');
    await page.getByLabel('Strategisch onderwerp?').selectOption('ja');
    await page.getByLabel('Besluitvormer').selectOption('PS');
    await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
    dossierUrl = new URL(page.url()).pathname;
    expect(dossierUrl).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Regionale Energiestrategie 2.0');
    await expect(page.locator('.kw-stepper [aria-current="step"]').textContent()).resolves.toContain('Voorfase/Agendasetting');
    const table = await page.locator('table').first().textContent();
    expect(table).toContain('G1-01');
    expect(table).toContain('niet voldaan');
    await check(page);

    // ADVANCE now: refused, with what is missing.
    await page.getByRole('button', { name: /^Naar Voorbereiding beleid/ }).click();
    await expect(page.locator('main [role="alert"]', { hasText: 'geweigerd' }).count()).resolves.toBe(1);
    await expect(page.locator('.kw-stepper [aria-current="step"]').textContent()).resolves.toContain('Voorfase/Agendasetting');
    await check(page, 'dossier-geweigerd');

    // Evidence: complete the classification (G1-01, G1-03, G1-04).
    await openForm(page, 'Classificatie wijzigen');
    await page.getByLabel('Datum waarop het gebeurde').fill('2026-03-02');
    await page.getByLabel('Motivatie (strategisch)').fill('Raakt alle Drentse gemeenten');
    await page.getByLabel('Soort besluit').selectOption('verordening');
    await page.getByLabel('Omgevingswetinstrument').selectOption('none');
    await page.getByLabel(/^Herkomst/).selectOption('gs-initiatief');
    await page.getByLabel('Reden van de wijziging').fill('Intake afgerond');
    await check(page, 'vastleggen-classificatie');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    expect(new URL(page.url()).pathname).toBe(dossierUrl);
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('opgeslagen');

    // Comply or explain: one explanation per advisory requirement still open, then advance.
    const boxes = page.locator('textarea[name^="uitleg-"]');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) await boxes.nth(i).fill('Bewust afgewogen: in deze fase niet nodig.');
    await check(page, 'dossier');
    await page.getByRole('button', { name: /^Naar Voorbereiding beleid/ }).click();
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('volgende fase');
    await expect(page.locator('.kw-stepper [aria-current="step"]').textContent()).resolves.toContain('Voorbereiding beleid');

    // The startnotitie form: a bad row in the participatieparagraaf is shown beside that field.
    await openForm(page, 'Startnotitie met participatieparagraaf');
    await page.getByLabel('Datum waarop het gebeurde').fill('2026-03-02');
    await page.getByLabel('Titel').fill('Startnotitie RES 2.0');
    await page.getByLabel('Niveau per doelgroep en fase').fill('inwoners; ontwikkeling-voorstel; heel-veel');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(page.locator('.kw-error-summary').textContent()).resolves.toContain('Niveau per doelgroep en fase');
    await expect(page.locator('#veld-data-participatieparagraaf-niveaus-fout').textContent()).resolves.toContain('regel 1');
    await check(page, 'vastleggen-startnotitie-fout');
    await page.getByLabel('Niveau per doelgroep en fase').fill('inwoners; ontwikkeling-voorstel; consulteren');
    await page.getByLabel('Participatieparagraaf: doel van de participatie').fill('Draagvlak en lokale kennis');
    await page.getByLabel('Doelgroepen').fill('inwoners\nbedrijven');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    expect(new URL(page.url()).pathname).toBe(dossierUrl);

    // Correct it (supersede): the form starts from what was recorded.
    await page.getByRole('link', { name: /^Corrigeren: startnotitie/ }).click();
    await expect(page.getByLabel('Titel').inputValue()).resolves.toBe('Startnotitie RES 2.0');
    await page.getByLabel('Titel').fill('Startnotitie RES 2.0 (herzien)');
    await page.getByRole('button', { name: 'Correctie vastleggen' }).click();
    await expect(page.locator('table').nth(1).textContent()).resolves.toContain('vervangen door een correctie');

    // A waiver for an open hard, waivable requirement.
    const option = await page.locator('select[name="requirementId"] option').nth(1).getAttribute('value');
    await page.getByLabel('Eis', { exact: true }).selectOption(option);
    await page.getByLabel('Reden van de ontheffing').selectOption('spoed');
    await page.getByLabel('Motivering van de aanvraag').fill('Provinciale Staten willen dit voor de zomer besluiten.');
    await page.getByRole('button', { name: 'Ontheffing aanvragen' }).click();
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('aangevraagd');
    await expect(page.getByRole('table', { name: 'Ontheffingen van dit dossier' }).textContent()).resolves.toContain('aangevraagd');

    await page.getByRole('link', { name: 'Dit dossier in de werkstroom' }).click();
    await expect(page.locator('svg text', { hasText: 'huidige fase' }).count()).resolves.toBe(1);
    await check(page, 'werkstroom-dossier');
  });

  it('a teamleider approves the waiver with a motivation', async () => {
    const { page } = await web.signIn(web.h.users.tl);
    expect(new URL(page.url()).pathname).toBe('/teamleider');
    await check(page, 'teamleider');
    await page.getByRole('button', { name: 'Goedkeuren' }).first().click();
    await expect(page.locator('.kw-error-summary').textContent()).resolves.toContain('Motivering');
    await page.getByLabel('Motivering van uw besluit').first().fill('Akkoord: de spoed is aangetoond.');
    await page.getByRole('button', { name: 'Goedkeuren' }).first().click();
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('goedgekeurd');
    await check(page);
  });

  it('the griffie finds the dossier in the overview, opens its matrix and downloads the CSV', async () => {
    const { page } = await web.signIn(web.h.users.griffie);
    expect(new URL(page.url()).pathname).toBe('/griffie');
    await page.getByLabel('Strategisch').selectOption('true');
    await page.getByRole('button', { name: 'Filteren' }).click();
    expect(page.url()).toContain('strategisch=true');
    await expect(page.getByRole('link', { name: 'Regionale Energiestrategie 2.0' }).count()).resolves.toBe(1);
    await check(page, 'griffie');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Download CSV/ }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Regionale Energiestrategie 2.0');
    for (const view of ['Ontheffingen', 'Termijnen', 'Startnotities', 'Participatie: gepland en gerealiseerd', 'Rapportage voor PS']) {
      await page.getByRole('navigation', { name: 'Nalevingsoverzichten' }).getByRole('link', { name: view }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(view);
      await check(page);
    }
    await page.goto('/griffie');
    await page.getByRole('link', { name: 'Regionale Energiestrategie 2.0' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Eisenmatrix');
    await check(page);
  });

  it('an auditor reads the history (refused attempt, explanations, waiver), the dossier on a date, and verifies the chain', async () => {
    const { page } = await web.signIn(web.h.users.auditor);
    await page.goto(`${dossierUrl}/geschiedenis`);
    const timeline = await page.locator('.kw-timeline').textContent();
    expect(timeline).toContain('geweigerd');
    expect(timeline).toContain('Bewust afgewogen');
    await page.getByLabel('Datum', { exact: true }).fill('2026-03-02');
    await page.getByRole('button', { name: 'Toon het dossier op deze datum' }).click();
    await expect(page.locator('.kw-card').nth(1).textContent()).resolves.toContain('Voorbereiding beleid');
    await check(page, 'geschiedenis');
    await page.getByRole('button', { name: 'Controleer de auditketen' }).click();
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('De auditketen is intact');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'JSON Lines (controleerbaar)' }).click();
    const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    await check(page);
  });

  it('everyone sees the workflow drawn from the live definition', async () => {
    const { page } = await web.signIn(web.h.users.beheerder);
    expect(new URL(page.url()).pathname).toBe('/werkstroom');
    const svg = page.locator('svg[role="img"]');
    await expect(svg.locator('text', { hasText: 'Voorfase/Agendasetting' }).count()).resolves.toBe(1);
    await expect(svg.locator('title').textContent()).resolves.toContain('Statechart');
    await expect(page.locator('table').textContent()).resolves.toContain('G1-01');
    await check(page, 'werkstroom');
  });
}
