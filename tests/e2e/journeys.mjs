// The core journeys, written once and run in every browser: Chromium through
// Playwright (journeys.test.mjs here) and Firefox ESR through Puppeteer over
// WebDriver BiDi (tests/e2e-firefox/). The routes, answer sets and expected
// scores come from app.mjs, so both browsers check what the Chromium suite
// checks.
//
// A journey talks to the page through a thin driver, which each browser's
// harness provides:
//
//   driver.url(hash)                     absolute URL of an app route
//   driver.goto(url), driver.reload()    navigate; resolve once loaded
//   driver.evaluate(fn, arg)             run fn(arg) in the page
//   driver.waitForFunction(fn, arg, ms)  poll fn(arg) until truthy; its value as a handle
//   driver.click(handle)                 a real mouse click on an element handle
//   driver.expectClean()                 fail if the page logged an error
//
// and `start(t, options)` opens a fresh session (its own profile: storage,
// service workers, caches) and returns its driver. options: initScripts
// (script source run before any page script), allowConsole (regexps of
// expected console errors), server (a startServer() to use instead of the
// suite's). Elements are found by what the user sees (a button's text, an
// answer's label) or by the data-testid contract of app.mjs.

import assert from 'node:assert/strict';
import {
  DIMENSIONS, QUESTIONS, TOTAL, ANSWERS, SHARE_PREFIX, SHARED_HEADING, DRAFT_KEY, BACKUP_PREFIX,
  KNOWN_EXPECTED, knownAnswer, questionsOf,
} from './app.mjs';

const testid = (id) => `[data-testid="${id}"]`;

// Runs in the page: the first visible element matching `css` (inside `scope`,
// a selector, when given) whose trimmed text is `text` (any text when null).
function findVisible({ css, text, scope }) {
  const root = scope ? document.querySelector(scope) : document;
  if (!root) return null;
  return [...root.querySelectorAll(css)].find(
    (el) => el.getClientRects().length > 0 && (text == null || el.textContent.trim() === text),
  ) ?? null;
}

/** Waits for a visible element (see findVisible) and returns its handle. */
async function find(d, css, { text = null, scope = null, timeout = 10_000, what } = {}) {
  try {
    return await d.waitForFunction(findVisible, { css, text, scope }, timeout);
  } catch (err) {
    throw new Error(`${what ?? `${css}${text == null ? '' : ` "${text}"`}`} did not appear within ${timeout} ms: ${err.message}`);
  }
}

export const waitForTestId = (d, id, options) => find(d, testid(id), { ...options, what: `data-testid=${id}` });
export const clickButton = async (d, name) => d.click(await find(d, 'button', { text: name, what: `button "${name}"` }));

/** Picks an answer the way a user does: a tap on the answer's segment (the
 * label around its radio, named by the answer). */
export async function answer(d, id, label) {
  // A tap brings the next question into view (smoothly); like a person, wait
  // for the page to stop moving before the next tap.
  await d.evaluate(() => new Promise((done) => {
    let last = NaN;
    let still = 0;
    const look = () => {
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      if (still >= 3) done();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }));
  const css = `label.choice:has(> input[aria-label="${label}"])`;
  await d.click(await find(d, css, { scope: testid(`question-${id}`), what: `answer "${label}" of ${id}` }));
}

/** The answer checked in a question (its name), or null. */
export const checkedAnswer = (d, id) =>
  d.evaluate(
    (sel) => document.querySelector(`${sel} input:checked`)?.closest('label')?.querySelector('.choice__label')?.textContent.trim() ?? null,
    testid(`question-${id}`),
  );

export const route = (d) => d.evaluate(() => location.hash);

/** Loads a route and waits for the app to have rendered its heading. */
export async function open(d, hash = '#/') {
  await d.goto(d.url(hash));
  await find(d, 'h1');
}

export async function assertProgress(d, n) {
  const want = `${n} of ${TOTAL} answered`;
  await d.waitForFunction(
    ([sel, text]) => document.querySelector(sel)?.textContent.includes(text), [testid('progress'), want], 10_000,
  ).catch(async () => {
    const shown = await d.evaluate((sel) => document.querySelector(sel)?.textContent ?? '(none)', testid('progress'));
    assert.fail(`progress should say "${want}", it says "${shown}"`);
  });
}

const waitForRoute = (d, hash) => d.waitForFunction((h) => location.hash === h, hash, 10_000);

/**
 * From the start screen, answers every question with `pick(question)`,
 * stepping with "Next", and ends on the results by "See results". Asserts the
 * progress count after each step.
 */
export async function completeAssessment(d, pick) {
  await clickButton(d, 'Start the assessment');
  let answered = 0;
  for (const [i, dim] of DIMENSIONS.entries()) {
    await waitForRoute(d, `#/q/${dim}`);
    for (const q of questionsOf(dim)) {
      const label = pick(q);
      if (label == null) continue;
      await answer(d, q.id, label);
      answered += 1;
    }
    await assertProgress(d, answered);
    await clickButton(d, i === DIMENSIONS.length - 1 ? 'See results' : 'Next');
  }
  return answered;
}

/** The scores table as app.mjs's readScores reads it: level, score and text per dimension. */
async function readScores(d) {
  const cells = await d.evaluate((dims) => Object.fromEntries(dims.map((dim) => [
    dim,
    [...(document.querySelector(`[data-testid="score-${dim}"]`)?.querySelectorAll('td, th') ?? [])]
      .map((c) => c.textContent.replace(/\s+/g, ' ').trim()),
  ])), DIMENSIONS);
  return Object.fromEntries(Object.entries(cells).map(([dim, row]) => {
    const level = row.map((c) => c.match(/^(?:Level\s*)?([0-4])$/i)).find(Boolean)?.[1];
    const score = row.map((c) => c.match(/^([0-4]\.\d)\b/)).find(Boolean)?.[1];
    return [dim, { level: level == null ? null : Number(level), score: score ?? null, text: row.join(' | ') }];
  }));
}

const readOverall = (d) => d.evaluate((ids) => Object.fromEntries(ids.map((id) => [
  id, document.querySelector(`[data-testid="${id}"]`)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
])), ['overall-level', 'overall-score']);

/** Asserts the results screen shows app.mjs's KNOWN_EXPECTED. Returns { rows, overall }. */
export async function assertKnownResults(d, { heading = /^Your/ } = {}) {
  await waitForTestId(d, 'scores-table');
  const h1 = await d.evaluate(() => document.querySelector('h1')?.textContent.trim());
  assert.match(h1, heading, `results heading: "${h1}"`);
  const rows = await readScores(d);
  for (const [dim, want] of Object.entries(KNOWN_EXPECTED.dims)) {
    assert.equal(rows[dim].level, want.level, `${dim} level; row: ${rows[dim].text}`);
    assert.equal(rows[dim].score, want.score, `${dim} score; row: ${rows[dim].text}`);
  }
  const overall = await readOverall(d);
  assert.match(overall['overall-level'], new RegExp(`\\b${KNOWN_EXPECTED.overallLevel}\\b`), `overall level: ${overall['overall-level']}`);
  assert.ok(overall['overall-score'].includes(KNOWN_EXPECTED.overallScore), `overall score: ${overall['overall-score']}`);
  return { rows, overall };
}

/** Every key of localStorage in the page's origin. */
const storageEntries = (d) =>
  d.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

const drawn = (d, id) => d.evaluate((sel) => document.querySelectorAll(`${sel} svg *`).length, testid(id));

/**
 * The journeys, each `async (t, start)`. Names say what a user would notice
 * if it broke.
 */
export const JOURNEYS = {
  async 'smoke: answering every question shows the expected levels, chart and roadmap'(t, start) {
    const d = await start(t);
    await open(d, '#/');
    const h1 = await d.evaluate(() => document.querySelector('h1').textContent);
    assert.match(h1, /MLOps maturity/);
    assert.equal(await completeAssessment(d, knownAnswer), TOTAL);
    await assertKnownResults(d);
    assert.equal(await route(d), '#/results');
    await waitForTestId(d, 'radar-chart');
    assert.ok(await drawn(d, 'radar-chart') > 0, 'the radar chart draws shapes');
    const steps = await d.evaluate((sel) => document.querySelectorAll(`${sel} li`).length, testid('roadmap'));
    assert.ok(steps > 0, 'the roadmap lists the unmet practices');
    d.expectClean();
  },

  async 'share link: opened in a fresh profile it shows the same result, read-only'(t, start) {
    const author = await start(t);
    await open(author, '#/');
    await completeAssessment(author, knownAnswer);
    const mine = await assertKnownResults(author);
    await waitForTestId(author, 'share-link');
    const { link, readonly } = await author.evaluate((sel) => {
      const input = document.querySelector(sel);
      return { link: input.value, readonly: input.readOnly };
    }, testid('share-link'));
    assert.ok(readonly, 'the share link is read-only');
    assert.ok(link.startsWith(author.url(SHARE_PREFIX)), `share link is a full link: ${link}`);

    const reader = await start(t);
    await reader.goto(link);
    const theirs = await assertKnownResults(reader, { heading: SHARED_HEADING });
    const levels = (r) => Object.fromEntries(Object.entries(r.rows).map(([dim, row]) => [dim, [row.level, row.score]]));
    assert.deepEqual(levels(theirs), levels(mine), 'same levels and scores as the author saw');
    assert.deepEqual(theirs.overall, mine.overall);
    await waitForTestId(reader, 'shared-banner');
    assert.ok(await drawn(reader, 'radar-chart') > 0, 'the shared result draws its chart');
    await find(reader, 'button', { text: 'Edit a copy' });
    assert.equal(await reader.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null, 'viewing a shared result does not write a draft');
    author.expectClean();
    reader.expectClean();
  },

  async 'reload mid-questionnaire keeps every answer and the step'(t, start) {
    const d = await start(t);
    await open(d, '#/');
    await clickButton(d, 'Start the assessment');
    await waitForRoute(d, '#/q/people');
    // Every answer state at least once, across People and part of Model Creation.
    const people = questionsOf('people');
    const creation = questionsOf('creation');
    const given = new Map(people.map((q, i) => [q.id, ANSWERS[i % ANSWERS.length]]));
    for (const q of people) await answer(d, q.id, given.get(q.id));
    await clickButton(d, 'Next');
    await waitForRoute(d, '#/q/creation');
    const some = creation.slice(0, 3);
    some.forEach((q, i) => given.set(q.id, ANSWERS[(i + people.length) % ANSWERS.length]));
    for (const q of some) await answer(d, q.id, given.get(q.id));
    await assertProgress(d, given.size);

    await d.reload();
    await find(d, 'h1');
    assert.equal(await route(d), '#/q/creation', 'the reload stays on the step');
    await assertProgress(d, given.size);
    for (const q of creation) {
      assert.equal(await checkedAnswer(d, q.id), given.get(q.id) ?? null, `${q.id} after the reload`);
    }
    await open(d, '#/q/people');
    await waitForTestId(d, `question-${people[0].id}`);
    await d.reload();
    await waitForTestId(d, `question-${people[0].id}`);
    for (const q of people) assert.equal(await checkedAnswer(d, q.id), given.get(q.id), `${q.id} after the reload`);
    await open(d, '#/');
    await find(d, 'button', { text: 'Resume' });
    d.expectClean();
  },

  async 'corrupt storage: an unreadable draft is backed up and the user told'(t, start) {
    // First load of the app only: the app's own writes must win after that.
    const seed = ([key]) => {
      if (location.protocol.startsWith('http') && !sessionStorage.getItem('e2e-seeded')) {
        localStorage.setItem(key, '{not json');
        sessionStorage.setItem('e2e-seeded', '1');
      }
    };
    const d = await start(t, { initScripts: [`(${seed})(${JSON.stringify([DRAFT_KEY])})`] });
    await open(d, '#/');
    await waitForTestId(d, 'notice-draft-corrupt');
    const message = await d.evaluate((sel) => document.querySelector(sel).textContent.trim(), testid('notice-draft-corrupt'));
    assert.ok(message.length >= 15, `the notice has a message: "${message}"`);

    const backups = Object.entries(await storageEntries(d)).filter(([k]) => k.startsWith(BACKUP_PREFIX));
    assert.equal(backups.length, 1, `one backup key: ${backups.map(([k]) => k)}`);
    const [backupKey, raw] = backups[0];
    assert.equal(raw, '{not json', 'the backup holds the raw text');
    assert.match(backupKey.slice(BACKUP_PREFIX.length), /^\d{10,}$/, 'backup key ends in a timestamp (ms)');

    // A fresh start is saved normally and survives a reload.
    await clickButton(d, 'Start the assessment');
    const first = QUESTIONS[0];
    await answer(d, first.id, 'Fully');
    await assertProgress(d, 1);
    await d.reload();
    await find(d, 'h1');
    await assertProgress(d, 1);
    assert.equal(await checkedAnswer(d, first.id), 'Fully');
    assert.equal(await d.evaluate((sel) => document.querySelectorAll(sel).length, testid('notice-draft-corrupt')), 0,
      'no corrupt-draft notice once a good draft is saved');
    const entries = await storageEntries(d);
    assert.doesNotThrow(() => JSON.parse(entries[DRAFT_KEY]), 'the new draft is JSON');
    assert.equal(entries[backupKey], '{not json', 'the backup is kept');
    d.expectClean();
  },

  // Offline: the session gets a server of its own, which is stopped after the
  // first visit. Nothing then answers on that origin, so a page that boots
  // came from the service worker's cache (the server sends no-store, so the
  // HTTP cache holds nothing).
  async 'offline after one visit: a reload boots the app from the service worker, with its draft'(t, start, { startServer, dir }) {
    const server = await startServer(dir);
    t.after(() => server.close());
    const d = await start(t, { server });
    await open(d, '#/');
    await d.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, 30_000)
      .catch(() => assert.fail('no service worker took control of the page within 30 s'));
    await clickButton(d, 'Start the assessment');
    const first = QUESTIONS[0];
    await answer(d, first.id, 'Mostly');
    await assertProgress(d, 1);

    await server.close();
    const down = await fetch(server.url).then(() => 'answered', (err) => err.cause?.code ?? err.message);
    assert.notEqual(down, 'answered', 'the server is really gone');

    await d.goto(d.url('#/'));
    await d.reload();
    await find(d, 'button', { text: 'Resume' });
    // Each reload waits for the page's code to be in: a reload that aborts a
    // chunk download makes Firefox log it (ARCHITECTURE.md, Build and tests).
    await d.goto(d.url(`#/q/${first.dimension}`));
    await waitForTestId(d, `question-${first.id}`);
    await d.reload();
    await waitForTestId(d, `question-${first.id}`);
    assert.equal(await checkedAnswer(d, first.id), 'Mostly', 'the draft answer is restored offline');
    await assertProgress(d, 1);
    // A page whose code was never loaded online comes from the precache.
    await d.goto(d.url('#/results'));
    await waitForTestId(d, 'scores-table');
    d.expectClean();
  },
};
