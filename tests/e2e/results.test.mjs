// Journeys a and c: a known answer set gives the levels the scoring rules
// predict, and its share link shows the same result to someone else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import {
  open, button, completeAssessment, knownAnswer, assertKnownResults, readScores, readOverall,
  TOTAL, SHARE_PREFIX, SHARED_HEADING, QUESTIONS, answer, radio, assertProgress,
} from './app.mjs';

const suite = useSuite();

test('a: answering everything with a known set shows the expected levels and scores', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  const answered = await completeAssessment(s.page, knownAnswer);
  assert.equal(answered, TOTAL);
  await assertKnownResults(s.page);
  assert.equal(await s.page.evaluate(() => location.hash), '#/results');
  // The chart and the roadmap are there for the user too.
  await s.page.getByTestId('radar-chart').locator('svg').first().waitFor();
  const steps = await s.page.getByTestId('roadmap').locator('li').count();
  assert.ok(steps > 0, 'the roadmap lists the unmet practices');
  s.expectClean();
});

test('c: the share link opened elsewhere shows the same result, read-only', async (t) => {
  const author = await openSession(t, suite);
  await open(author, '#/');
  await completeAssessment(author.page, knownAnswer);
  const mine = await assertKnownResults(author.page);
  const myOverall = await readOverall(author.page);
  await button(author.page, 'Copy link').waitFor();
  const shareInput = author.page.getByTestId('share-link');
  assert.equal(await shareInput.getAttribute('readonly') !== null, true, 'the share link is read-only');
  const link = await shareInput.inputValue();
  assert.ok(link.startsWith(author.url(SHARE_PREFIX)), `share link is a full link: ${link}`);

  // Someone else, with nothing stored, opens the link.
  const reader = await openSession(t, suite);
  await reader.page.goto(link);
  const theirs = await assertKnownResults(reader.page, { heading: SHARED_HEADING });
  assert.deepEqual(
    Object.fromEntries(Object.entries(theirs).map(([d, r]) => [d, [r.level, r.score]])),
    Object.fromEntries(Object.entries(mine).map(([d, r]) => [d, [r.level, r.score]])),
    'same levels and scores as the author saw',
  );
  assert.deepEqual(await readOverall(reader.page), myOverall);
  await reader.page.getByTestId('shared-banner').waitFor();
  await reader.page.getByTestId('radar-chart').locator('svg').first().waitFor();
  await button(reader.page, 'Edit a copy').waitFor();
  const stored = await reader.page.evaluate(() => localStorage.getItem('mlops-maturity:draft'));
  assert.equal(stored, null, 'viewing a shared result does not write a draft');

  // The author, now holding a different draft, takes a copy of the shared
  // result: the app asks first, then the copy replaces the draft.
  await open(author, '#/');
  await button(author.page, 'Start over').click();
  await button(author.page, 'Yes, start over').click();
  const first = QUESTIONS[0];
  await answer(author.page, first.id, 'No');
  await assertProgress(author.page, 1);
  await author.page.goto(link);
  await author.page.getByTestId('shared-banner').waitFor();
  await button(author.page, 'Edit a copy').click();
  await button(author.page, 'Replace my draft').click();
  await author.page.getByTestId('shared-banner').waitFor({ state: 'detached' });
  await author.page.waitForFunction(() => location.hash.startsWith('#/q/'));
  await assertProgress(author.page, TOTAL);
  await author.page.goto(author.url(`#/q/${first.dimension}`));
  assert.ok(await radio(author.page, first.id, knownAnswer(first)).isChecked(), 'the copy replaced the draft');

  author.expectClean();
  reader.expectClean();
});
