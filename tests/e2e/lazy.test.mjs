// Lazily loaded pages (src/ui/lazy.rs, scripts/split.mjs): the start page
// downloads only the main module; each page's code arrives when the page is
// first opened; and a chunk that cannot be downloaded gives a message and a
// way out, never a dead app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSuite, openSession, DIST } from './harness.mjs';
import { open, button, answer, radio, waitForResults, nextStep, QUESTIONS, DIMENSIONS, MODEL } from './app.mjs';

const suite = useSuite();

/** The wasm files a page fetched, by kind: main, or the chunk's stem. */
function watchWasm(page) {
  const seen = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(/\/([\w-]+?)(?:-[0-9a-f]{16})?(_bg)?\.wasm$/);
    if (m) seen.push(m[2] ? 'main' : m[1]);
  });
  return seen;
}

const splits = (seen) => seen.filter((n) => n.startsWith('split_'));

test('opened on a shared link, the results chunks download beside the main module, once each, and the rest after the result', async (t) => {
  const s = await openSession(t, suite, { serviceWorkers: 'block' });
  const seen = watchWasm(s.page);
  // All "Fully" (engine/tests/link.rs golden vector).
  await open(s, '#/r/BAQEAkkkkkkkkkkkkkkkgiGA');
  await waitForResults(s.page, { heading: /^A shared/ });
  await s.page.waitForLoadState('networkidle');
  const wasm = await s.page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm'))
    .map((e) => ({ file: new URL(e.name).pathname.split('/').pop(), by: e.initiatorType, start: e.startTime, end: e.responseEnd })));
  const main = wasm.find((w) => /_bg\.wasm$/.test(w.file));
  const results = wasm.find((w) => w.file.startsWith('split_results-'));
  const tools = wasm.find((w) => w.file.startsWith('split_tools-'));
  assert.ok(main && results && tools, `main, results and tools chunks fetched: ${JSON.stringify(wasm)}`);
  assert.equal(results.by, 'link', 'the results chunk is preloaded by index.html');
  assert.ok(results.start < main.end, `the results chunk starts before the main module has arrived (${results.start} vs ${main.end})`);
  // The lower parts of the page (share, QR, export) come with the tools'
  // chunk, asked for only once the result is drawn.
  assert.notEqual(tools.by, 'link', 'the tools chunk is not preloaded');
  assert.ok(tools.start > results.end, `the tools chunk is asked for after the results chunk arrived (${tools.start} vs ${results.end})`);
  await s.page.getByTestId('share-link').waitFor();
  // Each file once: the loader's fetch takes the preloaded response.
  const counts = seen.reduce((c, n) => ({ ...c, [n]: (c[n] ?? 0) + 1 }), {});
  for (const [name, n] of Object.entries(counts)) assert.equal(n, 1, `${name} fetched ${n} times`);
  assert.deepEqual(splits(seen), ['split_results', 'split_tools']);
  s.expectClean();
});

test('the start page preloads nothing of the other pages', async (t) => {
  const s = await openSession(t, suite, { serviceWorkers: 'block' });
  await open(s, '#/');
  await button(s.page, 'Start the assessment').waitFor();
  assert.equal(await s.page.locator('link[rel="preload"][href*="split_"], link[rel="preload"][href*="chunk_"], link[rel="preload"][as="style"]').count(), 0);
  s.expectClean();
});

test('the start page loads only the main module; each page brings its code when first opened', async (t) => {
  // No service worker: it would precache every chunk in the background.
  const s = await openSession(t, suite, { serviceWorkers: 'block' });
  const seen = watchWasm(s.page);
  const styles = [];
  s.page.on('request', (req) => { if (req.url().endsWith('.css')) styles.push(new URL(req.url()).pathname); });
  await open(s, '#/');
  await button(s.page, 'Start the assessment').waitFor();
  await s.page.waitForLoadState('networkidle');
  assert.deepEqual(seen, ['main'], 'the start page fetches the main module and nothing else');
  assert.equal(styles.length, 1, `one stylesheet for the start page: ${styles.join(', ')}`);
  assert.match(styles[0], /\/main-[0-9a-f]+\.css$/);

  await button(s.page, 'Start the assessment').click();
  const first = QUESTIONS.find((q) => q.dimension === DIMENSIONS[0]);
  await answer(s.page, first.id, 'Fully');
  assert.deepEqual(splits(seen), ['split_questionnaire'], 'the questionnaire brought its own code');
  const chunksForQuestions = seen.filter((n) => n.startsWith('chunk_')).length;
  assert.ok(chunksForQuestions >= 1, 'and the code it shares with other pages');

  // Moving between steps reuses what is loaded.
  await nextStep(s.page);
  await s.page.waitForFunction((d) => location.hash === `#/q/${d}`, DIMENSIONS[1]);
  await s.page.locator('fieldset').first().waitFor();
  await button(s.page, 'Back').click();
  assert.equal(await radio(s.page, first.id, 'Fully').isChecked(), true);
  assert.deepEqual(splits(seen), ['split_questionnaire'], 'no second download for the next step');

  assert.equal(styles.length, 2, 'the pages\' stylesheet came with the questionnaire');
  assert.match(styles[1], /\/pages-[0-9a-f]+\.css$/);
  // It applies: the step list is laid out as a grid.
  assert.equal(await s.page.locator('.steps__list').evaluate((el) => getComputedStyle(el).display), 'grid');

  await s.page.goto(s.url('#/results'));
  await waitForResults(s.page);
  // The page's lower parts (share, export, snapshots) are in the tools' chunk.
  await s.page.getByTestId('share-link').waitFor();
  assert.deepEqual(splits(seen), ['split_questionnaire', 'split_results', 'split_tools']);
  assert.equal(styles.length, 2, 'and was not fetched again');
  assert.equal(new Set(seen).size, seen.length, `no file fetched twice: ${seen.join(', ')}`);
  s.expectClean();
});

test('a page whose code cannot be downloaded says so, and works once the network is back', async (t) => {
  const s = await openSession(t, suite, {
    serviceWorkers: 'block',
    // The failed fetch, as Chromium and the chunk loader report it.
    allowConsole: [/net::ERR_FAILED/, /Failed to fetch/, /TypeError/],
  });
  const blocked = [];
  await s.context.route(/split_results-[0-9a-f]{16}\.wasm$/, (route) => {
    blocked.push(route.request().url());
    return route.abort('failed');
  });
  await open(s, '#/');
  await s.page.goto(s.url('#/results'));
  const notice = s.page.getByTestId('notice-load-failed');
  await notice.waitFor();
  assert.ok(blocked.length >= 1, 'the results chunk was requested and failed');
  assert.match(await notice.textContent(), /Reload the page to try again/);
  assert.match(await s.page.locator('h1').first().textContent(), /couldn't be loaded/);
  await button(s.page, 'Reload').waitFor();

  // The rest of the app still works.
  await button(s.page, 'Back to the start page').click();
  await button(s.page, 'Start the assessment').waitFor();

  // The network comes back: the next visit to the page loads it, no reload
  // needed (nothing is answered: the page asks for answers).
  await s.context.unroute(/split_results-[0-9a-f]{16}\.wasm$/);
  await s.page.goto(s.url('#/results'));
  await s.page.getByTestId('results-empty').waitFor();
  assert.equal(await notice.count(), 0, 'the failure notice is gone');
  assert.deepEqual(s.errors, [], 'no page error');
});

test('a result whose lower parts cannot be downloaded is still shown whole, and says what is missing', async (t) => {
  const s = await openSession(t, suite, {
    serviceWorkers: 'block',
    allowConsole: [/net::ERR_FAILED/, /Failed to fetch/, /TypeError/],
  });
  const tools = /split_tools-[0-9a-f]{16}\.wasm$/;
  let blocked = 0;
  await s.context.route(tools, (route) => {
    blocked += 1;
    return route.abort('failed');
  });
  await open(s, '#/r/BAQEAkkkkkkkkkkkkkkkgiGA');
  await waitForResults(s.page, { heading: /^A shared/ });
  const notice = s.page.getByTestId('notice-lower-failed');
  await notice.waitFor();
  assert.ok(blocked >= 1, 'the tools chunk was requested and failed');
  assert.match(await notice.textContent(), /The result above is complete\. Reload the page to try again\./);
  // The result itself is all there.
  assert.equal((await s.page.getByTestId('overall-level').textContent()).trim(), 'Level 4');
  assert.equal(await s.page.locator('[data-testid="radar-chart"] svg').count(), 1);
  assert.equal(await s.page.getByTestId('share-link').count(), 0, 'no share panel without its code');

  // The network is back: Reload brings the rest.
  await s.context.unroute(tools);
  await button(s.page, 'Reload').click();
  await s.page.getByTestId('share-link').waitFor();
  assert.equal(await notice.count(), 0, 'the notice is gone');
  assert.deepEqual(s.errors, [], 'no page error');
});

test('a result left while its lower parts are still downloading leaves no error', async (t) => {
  const s = await openSession(t, suite, { serviceWorkers: 'block' });
  // The tools chunk arrives late, after the reader has moved on.
  await s.context.route(/split_tools-[0-9a-f]{16}\.wasm$/, async (route) => {
    await new Promise((done) => setTimeout(done, 400));
    await route.continue();
  });
  await open(s, '#/r/BAQEAkkkkkkkkkkkkkkkgiGA');
  await waitForResults(s.page, { heading: /^A shared/ });
  await s.page.evaluate(() => { location.hash = '#/'; });
  await button(s.page, 'Start the assessment').waitFor();
  // The chunk arrives, and the parts of the page that is gone are not built.
  await s.page.waitForLoadState('networkidle');
  await s.page.waitForTimeout(300);
  assert.equal(await s.page.getByTestId('share-link').count(), 0);
  s.expectClean();
});

test('pages still load from a host that serves wasm with the wrong MIME type', async (t) => {
  const s = await openSession(t, suite, { serviceWorkers: 'block' });
  let relabelled = 0;
  await s.context.route(/\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/, async (route) => {
    const response = await route.fetch();
    relabelled += 1;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await open(s, '#/');
  await s.page.goto(s.url('#/results'));
  await s.page.getByTestId('results-empty').waitFor();
  assert.ok(relabelled >= 2, `the results chunks were served as octet-stream (${relabelled})`);
  s.expectClean();
});

test('each page is built afresh: no element of the previous page is reused', async (t) => {
  const s = await openSession(t, suite);
  await open(s, `#/q/${DIMENSIONS[0]}`);
  await s.page.locator('fieldset').first().waitFor();
  const mark = () => s.page.evaluate(() => {
    for (const el of document.querySelectorAll('main *')) el.dataset.previousPage = '';
  });
  const reused = () => s.page.locator('main [data-previous-page]').count();

  await mark();
  await nextStep(s.page);
  await s.page.waitForFunction((d) => location.hash === `#/q/${d}`, DIMENSIONS[1]);
  await s.page.getByTestId(`question-${QUESTIONS.find((q) => q.dimension === DIMENSIONS[1]).id}`).waitFor();
  assert.equal(await reused(), 0, 'step to step');

  await mark();
  await s.page.goto(s.url('#/results'));
  await s.page.getByTestId('results-empty').waitFor();
  assert.equal(await reused(), 0, 'step to results');
  s.expectClean();
});

test('a stylesheet that cannot be downloaded gives the same notice, and a later visit retries', async (t) => {
  const s = await openSession(t, suite, {
    serviceWorkers: 'block',
    allowConsole: [/net::ERR_FAILED/],
  });
  let attempts = 0;
  await s.context.route(/\/pages-[0-9a-f]+\.css$/, (route) => {
    attempts += 1;
    return attempts === 1 ? route.abort('failed') : route.continue();
  });
  await open(s, '#/');
  await s.page.goto(s.url('#/history'));
  await s.page.getByTestId('notice-load-failed').waitFor();
  await button(s.page, 'Back to the start page').click();
  await button(s.page, 'Start the assessment').waitFor();
  await s.page.goto(s.url('#/history'));
  await s.page.locator('h1', { hasText: 'Saved results' }).waitFor();
  assert.equal(attempts, 2, 'the stylesheet was fetched again');
  assert.equal(await s.page.getByTestId('notice-load-failed').count(), 0);
  assert.deepEqual(s.errors, [], 'no page error');
});

test('the first download holds the model without its texts; the texts come with the pages that show them', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  const main = wasm.filter((f) => f.endsWith('_bg.wasm'));
  assert.equal(main.length, 1);
  const has = (file, text) => readFileSync(join(DIST, file)).includes(Buffer.from(text));
  // Question words, next steps and the seed's statements: in a chunk, never the main module.
  const texts = [QUESTIONS[0].text, QUESTIONS[5].done_when, MODEL.characteristics[0].text];
  for (const text of texts) {
    assert.ok(!has(main[0], text), `the main module holds "${text}"`);
    assert.ok(wasm.some((f) => f !== main[0] && has(f, text)), `no chunk holds "${text}"`);
  }
  // What the start page shows is in the main module.
  assert.ok(has(main[0], MODEL.dimensions[0].summary));
});
