// A site built with more than the built-in model:
// `MODELS=models/example-small.json,models/synthetic-500.json trunk build --release
// --dist dist-models`
// (scripts/test.sh's build-models stage). The start page offers both models,
// each keeps its own draft, a link opens on the model it was made with (in a
// fresh browser, and from a page already running the other one), a link of a
// model the site lacks names its code, and the chosen model works offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildProblem, useSuite, openSession, axeReport } from './harness.mjs';
import { open, answer, MODEL, DIMENSIONS, questionsOf, storageEntries, DRAFT_KEY } from './app.mjs';
import { encodeLink } from './links.mjs';

const DIST = process.env.E2E_MODELS_DIST ?? join(ROOT, 'dist-models');
const SMALL = JSON.parse(readFileSync(join(ROOT, 'models', 'example-small.json'), 'utf8'));
const SMALL_DRAFT_KEY = `${DRAFT_KEY}@${SMALL.id}`;
const BUILTIN_FIRST = questionsOf(DIMENSIONS[0])[0];
const SMALL_FIRST = SMALL.questions.find((q) => q.dimension === SMALL.dimensions[0].id);

const problem = buildProblem(DIST);
if (problem) {
  test('a site with two models', () => assert.fail(`${problem} (built by scripts/test.sh build-models)`));
} else {
  defineTests();
}

/** The start page's list of questionnaires: each item's text. */
const choices = (page) => page.locator('.models__item').allTextContents();

async function switchTo(page, title, heading = title) {
  await page.getByRole('button', { name: `Switch to ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

function defineTests() {
  const suite = useSuite({ dir: DIST });

  test('the start page offers both models, and each keeps its own draft', async (t) => {
    const s = await openSession(t, suite);
    const { page } = s;
    await open(s, '#/');
    await page.getByRole('heading', { name: 'Questionnaires on this site' }).waitFor();
    let items = await choices(page);
    assert.equal(items.length, 3);
    assert.match(items[0], new RegExp(`^${MODEL.title}5 areas · 30 questions · levels 0–4In use$`));
    assert.match(items[1], new RegExp(`^${SMALL.title.replace(/[()]/g, '\\$&')}3 areas · 12 questions · levels 0–3Switch$`));
    assert.match(items[2], /^Synthetic model \(500 questions\)5 areas · 500 questions · levels 0–4Switch$/);
    assert.equal(await axeReport(page), '', 'the start page with its choice of models');

    // One answer to the built-in questionnaire.
    await open(s, `#/q/${DIMENSIONS[0]}`);
    await answer(page, BUILTIN_FIRST.id, 'Fully');
    await open(s, '#/');

    await switchTo(page, SMALL.title);
    await page.getByRole('heading', { name: 'The four levels at a glance' }).waitFor();
    items = await choices(page);
    assert.match(items[0], /Draft saved in this browser/);
    assert.match(items[1], /In use$/);
    assert.match(await page.locator('.start__facts').textContent(), /12 questions in 3 areas, about 4 minutes\./);

    await open(s, `#/q/${SMALL.dimensions[0].id}`);
    await answer(page, SMALL_FIRST.id, 'Partially');

    // The choice is kept: a reload opens the same questionnaire and its draft.
    await page.goto(s.url('#/'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SMALL.title }).waitFor();
    assert.match(await page.locator('.start__draft').textContent(), /1 of 12 answered/);

    await switchTo(page, MODEL.title, 'MLOps maturity self-assessment');
    assert.match(await page.locator('.start__draft').textContent(), /1 of 30 answered/);
    const stored = await storageEntries(page);
    assert.equal(JSON.parse(stored[DRAFT_KEY]).answers[BUILTIN_FIRST.id], 'fully');
    assert.equal(JSON.parse(stored[SMALL_DRAFT_KEY]).answers[SMALL_FIRST.id], 'partially');
    assert.equal(stored['mlops-maturity:model'], undefined, 'the built-in model is the default, not a stored choice');
    s.expectClean();
  });

  test('a link opens on the model it was made with; a model the site lacks is named by its code', async (t) => {
    // Every question of the small model Fully: level 3 in each dimension.
    const fully = encodeLink(SMALL.questions.map(() => 4), { code: SMALL.code, version: SMALL.version });

    const fresh = await openSession(t, suite);
    await fresh.page.goto(fresh.url(`#/r/${fully}`));
    const chart = fresh.page.locator('[data-testid="radar-chart"] svg');
    await chart.waitFor();
    assert.equal(await chart.getAttribute('aria-label'), 'Radar chart of scores from 0 to 3: Data 3.0, Release 3.0, Oversight 3.0.');
    // Its own results link carries no "needs": this site has the model.
    await open(fresh, '#/');
    await fresh.page.getByRole('heading', { level: 1, name: SMALL.title }).waitFor();
    fresh.expectClean();

    // A page running the built-in model, given the link, starts again on the small one.
    const other = await openSession(t, suite);
    await open(other, '#/');
    await other.page.getByRole('heading', { level: 1, name: 'MLOps maturity self-assessment' }).waitFor();
    await other.page.evaluate((hash) => { location.hash = hash; }, `#/r/${fully}`);
    await other.page.locator('[data-testid="radar-chart"] svg').waitFor();
    assert.match(await other.page.locator('[data-testid="radar-chart"] svg').getAttribute('aria-label'), /from 0 to 3: Data 3\.0/);

    // A link made with a model this site does not have.
    const unknown = encodeLink(SMALL.questions.map(() => 4), { code: 77, version: 1 });
    await other.page.goto(other.url(`#/r/${unknown}`));
    const notice = other.page.getByTestId('notice-bad-link');
    await notice.waitFor();
    assert.match(await notice.textContent(), /model code 77/);
    other.expectClean();
  });

  test('the chosen model opens offline after one visit', async (t) => {
    const noise = [/Failed to update a ServiceWorker|An unknown error occurred when fetching the script|ERR_INTERNET_DISCONNECTED/];
    const s = await openSession(t, suite, { allowConsole: noise });
    const { page, context } = s;
    await open(s, '#/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    await switchTo(page, SMALL.title);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SMALL.title }).waitFor();
    await open(s, `#/q/${SMALL.dimensions[0].id}`);
    await answer(page, SMALL_FIRST.id, 'Mostly');
    s.expectClean();
  });
}
