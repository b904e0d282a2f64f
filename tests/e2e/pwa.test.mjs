// The app as an installed, offline-capable web app: after one visit it opens,
// resumes the draft and opens shared links with the network off, under any
// base path; and a new deployment is offered ("A new version is available —
// Reload"), never forced on someone mid-answer.
//
// Needs a release build (dist/sw.js rendered by scripts/postbuild.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, useSuite, openSession, startServer, screenshot, requireBuild, axeReport } from './harness.mjs';
import { DIMENSIONS, QUESTIONS, open, button, radio, answer, assertProgress } from './app.mjs';
import { postbuild } from '../../scripts/postbuild.mjs';
import { rawWasmPath } from '../../scripts/split.mjs';

if (requireBuild('PWA: offline, base path and updates')) definePwaTests();

const FIRST = QUESTIONS[0];
const SECOND = QUESTIONS[1];

/** Waits until a service worker controls the page (precache done, activated). */
async function waitForController(page) {
  await page
    .waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 })
    .catch(async () => {
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker?.getRegistration();
        return JSON.stringify({
          supported: 'serviceWorker' in navigator,
          registered: !!reg,
          installing: reg?.installing?.state ?? null,
          waiting: reg?.waiting?.state ?? null,
          active: reg?.active?.state ?? null,
        });
      });
      assert.fail(`no service worker took control of the page within 30 s: ${state}`);
    });
}

const buildId = (page) => page.locator('meta[name="build-id"]').getAttribute('content');

/** From the start screen: answers the first question, returns to the start. */
async function answerFirstQuestion(page, label) {
  await button(page, 'Start the assessment').click();
  await page.waitForFunction((d) => location.hash === `#/q/${d}`, DIMENSIONS[0]);
  await answer(page, FIRST.id, label);
  await assertProgress(page, 1);
}

/** The share link shown on the results screen. */
async function shareLink(page, url) {
  await page.goto(url('#/results'));
  const input = page.getByTestId('share-link');
  await input.waitFor();
  const link = await input.inputValue();
  assert.match(link, /#\/r\/\S+$/, `share link: ${link}`);
  return link;
}

// An update check that fails for lack of network is reported by Chromium on
// the console; it is expected while offline.
const OFFLINE_NOISE = [/Failed to update a ServiceWorker|An unknown error occurred when fetching the script|ERR_INTERNET_DISCONNECTED/];

function definePwaTests() {
  const suite = useSuite();

  test('after one visit the app opens offline, with its draft, and opens a shared link', async (t) => {
    const s = await openSession(t, suite, { allowConsole: OFFLINE_NOISE });
    const { page, context } = s;
    await open(s, '#/');
    await waitForController(page);
    await answerFirstQuestion(page, 'Mostly');
    const link = await shareLink(page, s.url);

    await context.setOffline(true);
    // Nothing may come from the network from here on.
    const network = [];
    page.on('requestfinished', (req) => {
      req.response().then((res) => { if (res && !res.fromServiceWorker()) network.push(req.url()); }, () => {});
    });

    await page.goto(s.url('#/'));
    await page.reload();
    await page.locator('h1').first().waitFor();
    await button(page, 'Resume').waitFor();

    await page.goto(s.url(`#/q/${FIRST.dimension}`));
    await radio(page, FIRST.id, 'Mostly').waitFor({ state: 'attached' });
    assert.equal(await radio(page, FIRST.id, 'Mostly').isChecked(), true, 'the draft answer is restored offline');
    await assertProgress(page, 1);
    // Answering offline still works and is kept.
    await answer(page, SECOND.id, 'No');
    await assertProgress(page, 2);

    // A shared link, opened in a new tab with the network still off.
    const other = await context.newPage();
    await other.goto(link);
    await other.getByTestId('shared-banner').waitFor();
    // The comparison, team and history pages run from the same cached build.
    const payload = link.slice(link.indexOf('#/r/') + 4);
    await other.goto(s.url(`#/compare/${payload}/${payload}`));
    await other.getByTestId('compare-table').waitFor();
    await other.goto(s.url('#/team'));
    await other.locator('textarea').first().fill(`${link}\n${link}`);
    await other.getByTestId('team-spread').waitFor();
    await other.goto(s.url('#/history'));
    await other.locator('h1').first().waitFor();
    await other.close();

    assert.deepEqual(network, [], 'requests that reached the network while offline');
    s.expectClean();
  });

  test('a first visit installs silently: no "new version" prompt', async (t) => {
    const s = await openSession(t, suite);
    await open(s, '#/');
    await waitForController(s.page);
    await s.page.waitForTimeout(500);
    assert.equal(await s.page.getByTestId('update-prompt').count(), 0, 'update prompt on a first visit');
    const reg = await s.page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r.scope, script: r.active.scriptURL };
    });
    assert.equal(reg.scope, `${suite.server.url}/`);
    assert.equal(reg.script, `${suite.server.url}/sw.js`);
    s.expectClean();
  });

  test('the same build works, and works offline, under a sub-path', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'mlops-subpath-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    await cp(DIST, join(root, 'mlops-maturity'), { recursive: true });
    const server = await startServer(root);
    t.after(() => server.close());
    const sub = { ...suite, server: { ...server, url: `${server.url}/mlops-maturity` } };

    const s = await openSession(t, sub, { allowConsole: OFFLINE_NOISE });
    await open(s, '#/');
    await waitForController(s.page);
    const scope = await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, `${server.url}/mlops-maturity/`);
    await answerFirstQuestion(s.page, 'Fully');

    await s.context.setOffline(true);
    await s.page.goto(s.url(`#/q/${FIRST.dimension}`));
    await s.page.reload();
    await radio(s.page, FIRST.id, 'Fully').waitFor({ state: 'attached' });
    assert.equal(await radio(s.page, FIRST.id, 'Fully').isChecked(), true, 'draft restored under the sub-path, offline');
    s.expectClean();
  });

  test('a build with an absolute base path (trunk --public-url /mlops-maturity/) splits and runs', async (t) => {
    // Trunk's output for --public-url /mlops-maturity/: asset URLs start with
    // the base instead of "./". The post-build (code splitting included) is
    // run again on it, as Trunk would, from the linker's output in target/.
    assert.ok(existsSync(rawWasmPath('release')), `${rawWasmPath('release')} not found: build with trunk (the build stage of scripts/test.sh) first`);
    const root = await mkdtemp(join(tmpdir(), 'mlops-base-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const dir = join(root, 'mlops-maturity');
    await cp(DIST, dir, { recursive: true });
    const index = join(dir, 'index.html');
    const relative = await readFile(index, 'utf8');
    const absolute = relative.replace(/(["'=])\.\/(?=[\w-]+-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css)\b)/g, '$1/mlops-maturity/');
    assert.notEqual(absolute, relative);
    await writeFile(index, absolute);
    const result = await postbuild(dir);
    assert.ok(!result.split.skipped && result.split.chunks.length > 0, 'the wasm was split again');
    const html = await readFile(index, 'utf8');
    assert.ok(html.includes(`/mlops-maturity/${result.split.js}`), 'the loader points at the new main module, under the base');
    assert.ok(!/["'=]\.\/mlops-maturity-/.test(html), 'no relative main-module URL is left');

    const server = await startServer(root);
    t.after(() => server.close());
    const s = await openSession(t, { ...suite, server: { ...server, url: `${server.url}/mlops-maturity` } }, { allowConsole: OFFLINE_NOISE });
    await open(s, '#/');
    await answerFirstQuestion(s.page, 'Fully');
    await s.page.goto(s.url('#/results'));
    await s.page.getByTestId('scores-table').waitFor();
    s.expectClean();
  });

  test('a new deployment is offered, not forced; "Reload" switches to it', async (t) => {
    // Two builds that differ by one byte of index.html, hence in build id and sw.js.
    const root = await mkdtemp(join(tmpdir(), 'mlops-update-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const [a, b, live] = ['a', 'b', 'live'].map((n) => join(root, n));
    await cp(DIST, a, { recursive: true });
    await cp(DIST, b, { recursive: true });
    const indexB = join(b, 'index.html');
    await writeFile(indexB, (await readFile(indexB, 'utf8')).replace('</body>', '<!-- second build -->\n</body>'));
    const second = await postbuild(b, { split: false });
    const first = await postbuild(a, { split: false });
    assert.notEqual(first.id, second.id, 'the two builds have different ids');

    // The server's root is a symlink, switched from one build to the other.
    await symlink(a, live);
    const server = await startServer(live);
    t.after(() => server.close());
    const s = await openSession(t, { ...suite, server });
    const { page } = s;

    await open(s, '#/');
    await waitForController(page);
    assert.equal(await buildId(page), first.id);
    // The user is mid-answer when the new version lands.
    await answerFirstQuestion(page, 'Partially');
    const hashBefore = await page.evaluate(() => location.hash);

    await unlink(live);
    await symlink(b, live);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    assert.match(await prompt.textContent(), /A new version is available/);
    await screenshot(page, 'update-prompt');
    assert.equal(await axeReport(page, '.pwa-update'), '', 'axe (WCAG A/AA) on the update prompt');
    // Nothing was swapped: same build, same screen, same answers.
    await page.waitForTimeout(1000);
    assert.equal(await buildId(page), first.id, 'the page switched build by itself');
    assert.equal(await page.evaluate(() => location.hash), hashBefore);
    await assertProgress(page, 1);

    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), prompt.getByRole('button', { name: 'Reload', exact: true }).click()]);
    await page.locator('h1').first().waitFor();
    assert.equal(await buildId(page), second.id, 'after Reload the new build runs');
    await waitForController(page);
    const cacheNames = await page.evaluate(() => caches.keys());
    assert.deepEqual(cacheNames, [`mlops-maturity-${second.id}`], 'the old build\'s cache is deleted');
    await assertProgress(page, 1);
    assert.equal(await page.getByTestId('update-prompt').count(), 0, 'no prompt after updating');
    s.expectClean();
  });

  test('the manifest makes the app installable from any base path', async (t) => {
    const s = await openSession(t, suite);
    await open(s, '#/');
    const href = await s.page.locator('link[rel="manifest"]').getAttribute('href');
    assert.ok(href && !href.startsWith('/') && !/^[a-z]+:/i.test(href), `manifest link is relative: ${href}`);
    const manifest = await (await s.page.request.get(new URL(href, s.url()).href)).json();
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
      assert.ok(icon, `an icon ${size} ${purpose}`);
      const res = await s.page.request.get(new URL(icon.src, new URL(href, s.url())).href);
      assert.equal(res.status(), 200, `${icon.src} is served`);
    }
    assert.ok(await s.page.locator('meta[name="theme-color"]').count(), 'a theme-color meta');
    // Reporting what Chromium makes of it: installability errors, if any.
    const cdp = await s.context.newCDPSession(s.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito-like, where nothing is installable.
    const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    assert.deepEqual(errors, [], 'Chromium: the app is installable');
    s.expectClean();
  });
}
