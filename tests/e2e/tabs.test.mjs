// Two tabs share one draft without overwriting each other, and answering
// never adds browser-history entries (Back leaves the page, not the answer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import { open, button, radio, answer, storageEntries, questionsOf, DRAFT_KEY } from './app.mjs';

const suite = useSuite();

test('tabs: an answer given in one tab appears in the other, and neither overwrites the other', async (t) => {
  const s = await openSession(t, suite);
  const a = s.page;
  await open(s, '#/');
  await button(a, 'Start the assessment').click();
  const b = await s.context.newPage();
  await b.goto(s.url('#/q/people'));
  await b.locator('h1').first().waitFor();

  const [q0, q1] = questionsOf('people');
  await answer(a, q0.id, 'Fully');
  await b.getByText('Updated from another tab').waitFor();
  await radio(b, q0.id, 'Fully').waitFor({ state: 'attached' });
  assert.ok(await radio(b, q0.id, 'Fully').isChecked(), 'tab B shows the answer given in tab A');

  await answer(b, q1.id, 'Partially');
  await a.waitForFunction((id) => document.querySelector(`input[name="${id}"][value="partially"]`)?.checked, q1.id);
  assert.ok(await radio(a, q0.id, 'Fully').isChecked(), "tab A kept its own answer");

  const stored = JSON.parse((await storageEntries(a))[DRAFT_KEY]);
  assert.equal(stored.answers[q0.id], 'fully');
  assert.equal(stored.answers[q1.id], 'partially');
  s.expectClean();
});

test('history: answering adds no history entries; only moving between pages does', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/');
  await button(page, 'Start the assessment').click();
  await page.waitForFunction(() => location.hash === '#/q/people');
  const before = await page.evaluate(() => history.length);
  for (const q of questionsOf('people')) await answer(page, q.id, 'Mostly');
  for (const q of questionsOf('people')) await answer(page, q.id, 'Fully');
  assert.equal(await page.evaluate(() => history.length), before, 'ten answer clicks, no new history entry');
  await button(page, 'Next').click();
  await page.waitForFunction(() => location.hash === '#/q/creation');
  assert.equal(await page.evaluate(() => history.length), before + 1, 'a new page is one entry');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/q/people');
  for (const q of questionsOf('people')) {
    assert.ok(await radio(page, q.id, 'Fully').isChecked(), `Back shows ${q.id} as answered last`);
  }
  s.expectClean();
});
