// Questionnaire version 2 as a user meets it: the model's own levels
// reproduced by a team answering exactly what each level describes; the
// mixed team's headline and next steps; anchored answers and what counts;
// version 1 links, drafts and files still working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import {
  open, button, completeAssessment, MODEL, QUESTIONS, DRAFT_KEY, question, radio, answer,
  readOverall, waitForResults, SHARED_HEADING, storageEntries,
} from './app.mjs';
import { encodeLink } from './links.mjs';

const suite = useSuite();

const characteristic = new Map(MODEL.characteristics.map((c) => [c.id, c]));

/**
 * A team exactly at `level`: Fully where a statement the question cites
 * stands in the level's row of its dimension (the Technology column counts
 * levels 1 to `level`), No everywhere else. The engine's tests prove the
 * model's statements and levels are the seed's, verbatim.
 */
const exactlyAt = (level) => (q) => {
  const described = q.evidence.some((id) => {
    const c = characteristic.get(id);
    return c.dimension === 'technology' ? c.level >= 1 && c.level <= level : c.level === level;
  });
  return described ? 'Fully' : 'No';
};

const profile = async (page) => {
  const levels = {};
  for (const d of MODEL.dimensions) {
    const text = (await page.getByTestId(`profile-${d.id}`).textContent()).replace(/\s+/g, ' ').trim();
    levels[d.id] = Number(text.match(/(\d)$/)?.[1] ?? NaN);
  }
  return levels;
};

for (const level of [1, 2, 3, 4]) {
  test(`a team doing exactly what level ${level} describes is told level ${level}, in every dimension`, async (t) => {
    const s = await openSession(t, suite);
    await open(s, '#/');
    await completeAssessment(s.page, exactlyAt(level));
    await waitForResults(s.page);
    const overall = await readOverall(s.page);
    assert.match(overall.level, new RegExp(`^Level ${level}\\b`), `overall: ${overall.level}`);
    const levels = await profile(s.page);
    for (const [dim, shown] of Object.entries(levels)) {
      assert.equal(shown, level, `${dim} shows level ${shown}`);
    }
    // The name of the level fits such a team.
    const name = MODEL.levels[level].name;
    assert.ok(overall.level.includes(name) || (await s.page.locator('.overall__name').textContent()) === name);
    s.expectClean();
  });
}

/** The mixed team of docs/SCORING.md, worked example 6. */
const MIXED = {
  people: 'M P F N', creation: 'F F M F F N', release: 'N F F N F M',
  integration: 'F F F M F M', technology: 'F F F M P M N N',
};
const LETTER = { N: 'No', P: 'Partially', M: 'Mostly', F: 'Fully' };
const mixed = (q) => {
  const i = QUESTIONS.filter((x) => x.dimension === q.dimension).indexOf(q);
  return LETTER[MIXED[q.dimension].split(' ')[i]];
};

test('the mixed team sees its level, what limits it, the exact gaps and what to do first', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  await completeAssessment(s.page, mixed);
  await waitForResults(s.page);
  const page = s.page;
  assert.match((await readOverall(page)).level, /^Level 2\b/);
  assert.equal(
    (await page.getByTestId('overall-limit').textContent()).trim(),
    'Limited by People and Technology: 2 practices short of level 3:',
  );
  const gaps = (await page.getByTestId('overall-gaps').locator('li').allTextContents()).map((g) => g.replace(/\s+/g, ' '));
  const short = (id) => QUESTIONS.find((q) => q.id === id).short;
  assert.deepEqual(gaps, [`${short('people.io-contract')} · Partially`, `${short('technology.ab-testing')} · Partially`]);
  assert.deepEqual(await profile(page), { people: 2, creation: 2, release: 4, integration: 3, technology: 2 });
  // What to do next leads with the gaps, each with a check and a reason.
  const first = page.getByTestId('roadmap-first').locator('li');
  assert.equal(await first.count(), 3);
  const step = QUESTIONS.find((q) => q.id === 'people.io-contract');
  const one = (await first.nth(0).textContent()).replace(/\s+/g, ' ');
  assert.ok(one.includes(step.action) && one.includes(`Done when: ${step.done_when}`), one);
  // Why it matters is one tap away.
  const why = first.nth(0).locator('details.roadmap__why');
  assert.equal(await why.evaluate((d) => d.open), false);
  await why.locator('summary').click();
  assert.ok((await why.innerText()).includes(step.why), 'the reason opens under the step');
  // The rest of the roadmap is one tap away.
  const rest = page.getByTestId('roadmap-rest');
  assert.equal(await rest.evaluate((d) => d.open), false);
  await rest.locator(':scope > summary').click();
  assert.ok(await rest.locator('.roadmap__item').count() > 0);
  // Google's levels, derived from the same answers.
  assert.match(await page.getByTestId('crosswalk-level').textContent(), /^Level 0: Manual process/);
  // On a phone, a colleague opening the shared link sees the verdict, the
  // profile and the first three steps within two screens.
  const link = await page.getByTestId('share-link').inputValue();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(link);
  await page.getByTestId('shared-banner').waitFor();
  const bottom = await page.getByTestId('roadmap-first').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
  assert.ok(bottom <= 2 * 844, `the third step ends at y=${Math.round(bottom)}, past two screens (1688)`);
  s.expectClean();
});

test('one Partially holds the level but is shown as one gap, never as "No MLOps"', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  // Exactly level 4, except training data gathered by a pipeline for only some models.
  await completeAssessment(s.page, (q) => (q.id === 'creation.data-pipeline' ? 'Partially' : exactlyAt(4)(q)));
  await waitForResults(s.page);
  const overall = await s.page.getByTestId('overall-level').locator('..').textContent();
  assert.match(overall, /Level 0/);
  assert.doesNotMatch(overall, /No MLOps/);
  assert.equal(
    (await s.page.getByTestId('overall-limit').textContent()).trim(),
    'Limited by Model Creation: 1 practice short of level 1:',
  );
  s.expectClean();
});

test('each answer is defined beside its choice, and each question says what counts', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/q/release');
  const q = QUESTIONS.find((x) => x.id === 'release.pipeline');
  const card = question(s.page, q.id);
  // The radio is named by its answer; its definition is its description.
  const mostly = radio(s.page, q.id, 'Mostly');
  const described = await mostly.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
  assert.equal(described, 'Half or more, not all');
  // What counts is one tap away, behind the card's Help.
  await card.getByRole('button', { name: 'Help', exact: true }).click();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  for (const part of [q.counts, q.not_counts, 'What counts', "What doesn't", 'Evidence you could show']) {
    assert.ok(text.includes(part), `the card shows ${part}`);
  }
  s.expectClean();
});

test('the scope is asked on the start page, kept with the draft and shown on the results, never in a link', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  await s.page.getByLabel('What does this assessment cover? (optional)').fill('Payments team: fraud model');
  await button(s.page, 'Start the assessment').click();
  await answer(s.page, QUESTIONS[0].id, 'Fully');
  const stored = JSON.parse((await storageEntries(s.page))[DRAFT_KEY]);
  assert.equal(stored.scope, 'Payments team: fraud model');
  await s.page.goto(s.url('#/results'));
  assert.match(await s.page.getByTestId('results-scope').textContent(), /Payments team: fraud model/);
  const link = await s.page.getByTestId('share-link').inputValue();
  assert.ok(!decodeURIComponent(link).includes('Payments'), link);
  s.expectClean();
});

/** A link the released version 1 app made, and what it showed then. */
const V1_LINK = 'BAQEAagEjhMekkjQkbVQIpb0';

test('a version 1 link opens as it was scored then, and can be answered in the new version', async (t) => {
  const s = await openSession(t, suite);
  await open(s, `#/r/${V1_LINK}`);
  const page = s.page;
  await waitForResults(page, { heading: SHARED_HEADING });
  const notice = page.getByTestId('notice-earlier-version');
  assert.match(await notice.textContent(), /questionnaire version 1/);
  const overall = await readOverall(page);
  assert.match(overall.level, /^Level 0\b/);
  assert.ok(overall.score.includes('2.0'), overall.score);
  const people = (await page.getByTestId('score-people').textContent()).replace(/\s+/g, ' ');
  assert.match(people, /2\s*2\.7\s*3\/5/);
  // Answer the new version: unchanged answers carry over, changed ones wait for review.
  await notice.getByRole('button', { name: 'Answer the new version' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/q/'));
  const stored = JSON.parse((await storageEntries(page))[DRAFT_KEY]);
  assert.equal(stored.model.version, 2);
  assert.equal(stored.answers['people.ds-with-de'], 'mostly', 'an unchanged practice keeps its answer');
  assert.equal(stored.answers['release.pipeline'], undefined, 'a merged practice is not guessed');
  assert.equal(stored.earlier.answers['release.cicd'], 'fully', 'the old answer is kept');
  await page.goto(s.url('#/q/release'));
  // It asks what two version-1 questions asked: both earlier answers are shown.
  const review = page.getByTestId('review-release.pipeline');
  const said = (await review.textContent()).replace(/\s+/g, ' ');
  assert.match(said, /^Changed since version 1\./);
  assert.equal((said.match(/“Fully”/g) ?? []).length, 2, said);
  await answer(page, 'release.pipeline', 'Fully');
  await review.waitFor({ state: 'detached' });
  s.expectClean();
});

test('a version 1 draft in this browser is carried over on first load, losing nothing', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  const v1 = {
    format: 1, model: { id: MODEL.id, version: 1 },
    answers: { 'people.ds-with-de': 'fully', 'release.cicd': 'mostly', 'creation.versioned': 'partially' },
    notes: { 'release.cicd': 'Jenkins for two models', 'creation.versioned': 'Models live in S3' },
    targets: { release: 3 }, created_ms: 1_700_000_000_000, updated_ms: 1_700_000_360_000,
  };
  await s.page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify(v1)]);
  await s.page.reload();
  await s.page.locator('h1').first().waitFor();
  const notice = s.page.getByTestId('notice-carried-over');
  assert.match(await notice.textContent(), /made with questionnaire version 1\..*nothing was lost\. 3 changed questions show your earlier answer for review\./s);
  // The app saves the carried-over draft at its next change; answer one.
  await s.page.goto(s.url('#/q/people'));
  await answer(s.page, 'people.io-contract', 'No');
  const stored = JSON.parse((await storageEntries(s.page))[DRAFT_KEY]);
  assert.equal(stored.format, 2);
  assert.equal(stored.answers['people.ds-with-de'], 'fully');
  assert.deepEqual(stored.earlier.answers, v1.answers);
  assert.deepEqual(stored.earlier.notes, v1.notes);
  assert.equal(stored.notes['release.pipeline'], 'Jenkins for two models');
  assert.equal(stored.notes['creation.code-versioned'], 'Models live in S3');
  assert.equal(stored.notes['creation.models-versioned'], 'Models live in S3');
  assert.equal(stored.targets.release, 3);
  s.expectClean();
});

test('compare and team keep versions apart and say so', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  await completeAssessment(s.page, exactlyAt(3));
  await waitForResults(s.page);
  const now = await s.page.getByTestId('share-link').inputValue();
  const then = s.url(`#/r/${V1_LINK}`);
  // Compare: each result scored by its own version, levels side by side.
  await s.page.goto(s.url('#/compare'));
  await s.page.getByLabel('Result link').first().fill(then);
  await s.page.getByLabel('Result link').nth(1).fill(now);
  await button(s.page, 'Compare').click();
  const notice = s.page.getByTestId('notice-compare-versions');
  assert.match(await notice.textContent(), /different questionnaire versions \(1 and 2\)/);
  const overall = await s.page.getByTestId('compare-versions-table').locator('tbody tr').last().locator('th, td').allTextContents();
  assert.deepEqual(overall, ['Overall', '0', '3']);
  // Team: the version 1 result is left out, with the reason.
  await s.page.goto(s.url('#/team'));
  await s.page.getByLabel('Result links, one per line').fill([now, then].join('\n'));
  await s.page.getByTestId('team-count').filter({ hasText: '1 result; 1 entry left out.' }).waitFor();
  assert.match(await s.page.getByTestId('team-errors').textContent(), /Line 2.*questionnaire version 1/s);
  s.expectClean();
});

test('Not applicable answers are listed with their reasons, and a mostly Not applicable dimension is flagged', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  const na = new Set(['integration.releases-automated', 'integration.basic-model-tests', 'integration.app-unit-tests', 'integration.less-reliant']);
  const answers = Object.fromEntries(QUESTIONS.map((q) => [q.id, na.has(q.id) ? 'not-applicable' : 'fully']));
  const draft = {
    format: 2, model: { id: MODEL.id, version: MODEL.version }, answers,
    notes: { 'integration.less-reliant': 'Only one person maintains the serving code.' },
    targets: {}, created_ms: Date.now(), updated_ms: Date.now(),
  };
  await s.page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify(draft)]);
  await s.page.goto(s.url('#/results'));
  await s.page.reload();
  await waitForResults(s.page);
  const list = s.page.getByTestId('not-applicable');
  assert.match(await list.locator('h2').textContent(), /Marked not applicable \(4\)/);
  const items = (await list.locator('li').allTextContents()).map((i) => i.replace(/\s+/g, ' '));
  assert.equal(items.length, 4);
  assert.ok(items.some((i) => i.includes('Why: Only one person maintains the serving code.')), items.join('\n'));
  assert.equal(items.filter((i) => i.includes('No reason given.')).length, 3);
  assert.match(await s.page.getByTestId('profile-integration').textContent(), /4 of 6 not applicable/);
  assert.match(await s.page.getByTestId('mostly-na-integration').textContent(), /Mostly not applicable: 4 of 6 questions/);
  s.expectClean();
});

test('a snapshot saved with version 1 is listed with its version and opens as made', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  const history = { format: 1, snapshots: [{ id: 's1700000000000', label: 'Q1 baseline', saved_ms: 1_700_000_000_000, link: V1_LINK }] };
  await s.page.evaluate((h) => localStorage.setItem('mlops-maturity:history', h), JSON.stringify(history));
  await s.page.goto(s.url('#/history'));
  await s.page.reload();
  const item = s.page.getByTestId('snapshot-s1700000000000');
  await item.waitFor();
  assert.match((await item.textContent()).replace(/\s+/g, ' '), /Level 0 · score 2\.0 · questionnaire version 1/);
  await item.getByRole('link', { name: /Open/ }).first().click();
  await s.page.getByTestId('notice-earlier-version').waitFor();
  s.expectClean();
});

test('the test suite\'s own link writer agrees with the engine\'s frozen vectors', () => {
  // engine/tests/link.rs: golden vectors of questionnaire versions 1 and 2.
  assert.equal(encodeLink(Array(31).fill(0), { version: 1 }), 'BAQEAAAAAAAAAAAAAAAAAF7M');
  assert.equal(encodeLink(Array(30).fill(0)), 'BAQIAAAAAAAAAAAAAAAAAmhA');
  assert.equal(encodeLink(Array(30).fill(4)), 'BAQIAkkkkkkkkkkkkkkkAIaE');
});
