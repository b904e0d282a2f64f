// The app as a user sees it: its routes, the selector contract and the
// actions a user takes. Journeys import from here so a selector changes in one
// place.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { ROOT } from './harness.mjs';

/** The model the app embeds: dimensions and questions in model order. */
export const MODEL = JSON.parse(readFileSync(join(ROOT, 'engine', 'data', 'mlops-maturity-model.json'), 'utf8'));
export const DIMENSIONS = MODEL.dimensions.map((d) => d.id);
export const QUESTIONS = MODEL.questions;
export const TOTAL = QUESTIONS.length;
export const questionsOf = (dim) => QUESTIONS.filter((q) => q.dimension === dim);

/** The answer labels, in the order the radios appear. */
export const ANSWERS = ['No', 'Partially', 'Mostly', 'Fully', "Don't know", 'Not applicable'];

/** The share-link route prefix. */
export const SHARE_PREFIX = '#/r/';

export const DRAFT_KEY = 'mlops-maturity:draft';
export const BACKUP_PREFIX = 'mlops-maturity:draft-backup:';

/** "won't survive a reload", with a straight or typographic apostrophe. */
export const NOT_SAVED_TEXT = /won['’]t survive a reload/;

/** Text of an element, whitespace squeezed. */
export const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();

/** Cells of a table row, whitespace squeezed. */
export const cells = async (row) => (await row.locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());

/** Clicks and returns the download's name and bytes. */
export async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** Loads a route and waits for the app to have rendered its heading. */
export async function open(session, hash = '#/') {
  await session.page.goto(session.url(hash));
  await session.page.locator('h1').first().waitFor();
}

export const question = (page, id) => page.getByTestId(`question-${id}`);
export const radio = (page, id, answer) => question(page, id).getByRole('radio', { name: answer, exact: true });
export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const progress = (page) => page.getByTestId('progress');

/** Picks an answer the way a user does: a click on the radio (or its label). */
export async function answer(page, id, label) {
  await radio(page, id, label).check();
}

/**
 * "Next" on a step, skipping what is unanswered there: Next asks first
 * ("N unanswered — answer now or skip"), and "Skip to …" moves on.
 */
export async function nextStep(page) {
  await button(page, 'Next').click();
  const skip = page.getByTestId('unanswered-notice').getByRole('button', { name: /^Skip to / });
  const moved = page.waitForFunction((h) => location.hash !== h, await page.evaluate(() => location.hash));
  await Promise.race([moved, skip.waitFor().then(() => skip.click())]);
  await moved;
}

/** The route the page shows, e.g. "#/q/people". */
export const route = (page) => page.evaluate(() => location.hash);

/**
 * From the start screen, answers every question with `pick(question)` (an
 * answer label, or null to leave it), stepping with "Next", and ends on the
 * results by "See results". Asserts the progress count after each step.
 */
export async function completeAssessment(page, pick) {
  await button(page, 'Start the assessment').click();
  let answered = 0;
  for (const [i, dim] of DIMENSIONS.entries()) {
    await page.waitForFunction((d) => location.hash === `#/q/${d}`, dim);
    for (const q of questionsOf(dim)) {
      const label = pick(q);
      if (label == null) continue;
      await answer(page, q.id, label);
      answered += 1;
    }
    await assertProgress(page, answered);
    const last = i === DIMENSIONS.length - 1;
    await button(page, last ? 'See results' : 'Next').click();
  }
  return answered;
}

export async function assertProgress(page, n) {
  await page.waitForFunction(
    ([n, total]) => document.querySelector('[data-testid="progress"]')?.textContent.includes(`${n} of ${total} answered`),
    [n, TOTAL],
  ).catch(async () => {
    assert.fail(`progress should say "${n} of ${TOTAL} answered", it says "${await progress(page).textContent().catch(() => '(none)')}"`);
  });
}

/**
 * Waits for the results screen. Your own results are headed "Your ...";
 * a shared one is headed as shared (the app says "A shared MLOps maturity
 * result"): pass `heading` for that.
 */
/**
 * Waits until the team page has drawn the aggregate of `n` results (it
 * follows the count a paint later), every disagreement included.
 */
export async function waitForTeam(page, n) {
  await page.waitForFunction((n) => {
    const caption = document.querySelector('[data-testid="team-spread"] caption')?.textContent ?? '';
    const busy = document.querySelector('[data-testid="team-disagreements"] [aria-busy="true"]');
    return caption.endsWith(`across ${n} result${n === 1 ? '' : 's'}`) && !busy;
  }, n);
}

export async function waitForResults(page, { heading = /^Your/ } = {}) {
  await page.getByTestId('scores-table').waitFor();
  const h1 = (await page.locator('h1').first().textContent()).trim();
  assert.match(h1, heading, `results heading: "${h1}"`);
}

/** The heading of a result opened from a share link. */
export const SHARED_HEADING = /^A shared MLOps maturity result/;

/**
 * What the scores table shows, per dimension: the level (a cell holding just
 * the level number, optionally "Level N") and the score (a cell holding a
 * one-decimal number), plus the row's whole text.
 */
export async function readScores(page) {
  const rows = {};
  for (const dim of DIMENSIONS) {
    const row = page.getByTestId(`score-${dim}`);
    const cells = (await row.locator('td, th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const level = cells.map((c) => c.match(/^(?:Level\s*)?([0-4])$/i)).find(Boolean)?.[1];
    const score = cells.map((c) => c.match(/^([0-4]\.\d)\b/)).find(Boolean)?.[1];
    rows[dim] = { level: level == null ? null : Number(level), score: score ?? null, text: cells.join(' | ') };
  }
  return rows;
}

export async function readOverall(page) {
  return {
    level: (await page.getByTestId('overall-level').textContent()).replace(/\s+/g, ' ').trim(),
    score: (await page.getByTestId('overall-score').textContent()).replace(/\s+/g, ' ').trim(),
  };
}

/** The stored form of each answer label (engine/src/answer.rs). */
const ANSWER_KEYS = { No: 'no', Partially: 'partially', Mostly: 'mostly', Fully: 'fully', "Don't know": 'dont-know', 'Not applicable': 'not-applicable' };

/**
 * A stored draft (format 1) answering each question of `model` (the built-in
 * one unless given) with `pick(q)` (a label, or null).
 */
export function draftJson(pick, targets = {}, model = MODEL) {
  const answers = {};
  for (const q of model.questions) {
    const label = pick(q);
    if (label != null) answers[q.id] = ANSWER_KEYS[label];
  }
  const now = Date.now();
  return JSON.stringify({
    format: 1, model: { id: model.id, version: model.version },
    answers, notes: {}, targets, created_ms: now, updated_ms: now,
  });
}

/** Puts a draft (see draftJson) in storage and opens its results. */
export async function seedDraft(session, pick, targets = {}) {
  await open(session, '#/');
  await session.page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, draftJson(pick, targets)]);
  await session.page.goto(session.url('#/results'));
  await session.page.reload();
  await waitForResults(session.page);
}

/** The known answer set of the brief, and what the scoring rules make of it. */
export function knownAnswer(q) {
  switch (q.dimension) {
    case 'people':
    case 'creation':
      return 'Fully';
    case 'release':
      return q.level <= 2 ? 'Fully' : 'No';
    case 'integration':
      return 'No';
    case 'technology':
      return 'Mostly';
    default:
      throw new Error(`unknown dimension ${q.dimension}`);
  }
}

// Worked by hand from engine/src/scoring.rs (not from the app):
//  people, creation: every question met -> 4, score 4.0.
//  release: levels 1-2 met, level 3 unmet -> 2; next level 3, its questions
//    earn 0 credit -> 2 + 1 * 0 = 2.0.
//  integration: a level-1 question unmet -> 0; next level 1, credit 0 -> 0.0.
//  technology: "Mostly" is met -> 4, score 4.0.
//  overall level = weakest = 0; overall score = mean = 14 / 5 = 2.8.
export const KNOWN_EXPECTED = {
  dims: {
    people: { level: 4, score: '4.0' },
    creation: { level: 4, score: '4.0' },
    release: { level: 2, score: '2.0' },
    integration: { level: 0, score: '0.0' },
    technology: { level: 4, score: '4.0' },
  },
  overallLevel: 'Level 0',
  overallScore: '2.8',
};

/** Asserts the results screen shows KNOWN_EXPECTED. Returns the table read. */
export async function assertKnownResults(page, options) {
  await waitForResults(page, options);
  const rows = await readScores(page);
  for (const [dim, want] of Object.entries(KNOWN_EXPECTED.dims)) {
    assert.equal(rows[dim].level, want.level, `${dim} level; row: ${rows[dim].text}`);
    assert.equal(rows[dim].score, want.score, `${dim} score; row: ${rows[dim].text}`);
  }
  const overall = await readOverall(page);
  assert.match(overall.level, new RegExp(`\\b${KNOWN_EXPECTED.overallLevel}\\b`), `overall level: ${overall.level}`);
  assert.ok(overall.score.includes(KNOWN_EXPECTED.overallScore), `overall score: ${overall.score}`);
  return rows;
}

/** Reads every key of localStorage (in the page's origin). */
export const storageEntries = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** No sideways scrolling: the page fits the viewport's width. */
export async function assertFitsWidth(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(scroll <= inner, `${what}: page is ${scroll}px wide in a ${inner}px viewport (sideways scroll)`);
}
