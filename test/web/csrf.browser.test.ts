/**
 * A form posted from another origin is refused (issue #15): a page on another port of the same host — the same
 * "site", so the SameSite=Lax cookie does go along — posts to Kaderwijzer while the user is signed in. Without the
 * token, and even with a leaked valid token, the Origin check refuses it and nothing changes.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWeb, Web } from './support/browser';

jest.setTimeout(60_000);

let web: Web;
let attacker: Server;
let attackerHtml = '';
beforeAll(async () => {
  web = await startWeb({ javaScript: false });
  attacker = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(attackerHtml));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
  await web?.close();
});

const dossierCount = () => web.h.db.read(async (tx) => Number((await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM dossier'))!.n));

it('refuses a form from another origin, with or without a (leaked) CSRF token; the same form from our own page works', async () => {
  const { page } = await web.signIn(web.h.users.bm);
  await page.goto('/dossiers/nieuw');
  const token = await page.locator('input[name="_csrf"]').first().inputValue();
  const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  const before = await dossierCount();

  for (const csrf of ['', token]) {
    attackerHtml = `<!DOCTYPE html><html lang="en"><body><form method="post" action="${web.base}/dossiers/nieuw">
      <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="title" value="Untergeschoben">
      <input type="hidden" name="strategisch" value="nee"><input type="hidden" name="besluitvormer" value="GS">
      <button type="submit">Win a prize</button></form></body></html>`;
    await page.goto(attackerUrl);
    await page.getByRole('button', { name: 'Win a prize' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.base}/dossiers/nieuw`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Formulier geweigerd');
  }
  expect(await dossierCount()).toBe(before);

  // Sign-out from another origin is refused too: the session survives.
  attackerHtml = `<!DOCTYPE html><html lang="en"><body><form method="post" action="${web.base}/uitloggen"><input type="hidden" name="_csrf" value="${token}"><button type="submit">Log out</button></form></body></html>`;
  await page.goto(attackerUrl);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Formulier geweigerd');

  // The real form still works in the same session.
  await page.goto('/dossiers/nieuw');
  await page.getByLabel('Titel').fill('Eigen dossier');
  await page.getByLabel('Strategisch onderwerp?').selectOption('nee');
  await page.getByLabel('Besluitvormer').selectOption('GS');
  await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Eigen dossier');
  expect(await dossierCount()).toBe(before + 1);
});
