// Per-question notes: typed on a question, kept in the draft across a reload,
// exported in the CSV, never put in the share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSuite, openSession, screenshot } from './harness.mjs';
import { open, button, question, radio, answer, storageEntries, QUESTIONS, DRAFT_KEY, SHARE_PREFIX } from './app.mjs';

const suite = useSuite();
// Typed key by key: digits 1-6 are answer shortcuts on the radios and must
// reach the note as text.
const NOTE = '3 teams, 12 models: only for the fraud model, see <b>wiki</b>, "owner: Ana"';

test('notes: a note survives a reload, reaches the CSV and stays out of the link', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  const q0 = QUESTIONS[0];
  await open(s, '#/');
  await button(page, 'Start the assessment').click();
  await answer(page, q0.id, 'Fully');
  const card = question(page, q0.id);
  await card.getByRole('button', { name: 'Note', exact: true }).click();
  await card.getByLabel(/^Note/).click();
  await page.keyboard.type(NOTE);
  assert.equal(await card.getByLabel(/^Note/).inputValue(), NOTE, 'every typed key, digits too, lands in the note');
  assert.ok(await radio(page, q0.id, 'Fully').isChecked(), 'typing digits in the note leaves the answer alone');
  assert.equal(
    await page.evaluate(() => document.activeElement?.tagName),
    'TEXTAREA',
    'focus stays in the note while typing',
  );
  await screenshot(page, 'question-note');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'question-note');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.reload();
  const again = question(page, q0.id);
  // A card with a note opens with its note shown, and its toggle says so.
  await again.getByLabel(/^Note/).waitFor();
  assert.equal(await again.getByRole('button', { name: /^Note/ }).getAttribute('aria-expanded'), 'true');
  assert.match(await again.getByRole('button', { name: /^Note/ }).innerText(), /\u2713/);
  assert.equal(await again.getByLabel(/^Note/).inputValue(), NOTE, 'the note is restored, as text');
  assert.equal(await page.locator('b', { hasText: 'wiki' }).count(), 0, 'markup in a note is never rendered');
  const stored = JSON.parse((await storageEntries(page))[DRAFT_KEY]);
  assert.equal(stored.notes[q0.id], NOTE, 'the draft keeps the note under the question id');

  await open(s, '#/results');
  const link = await page.getByTestId('share-link').inputValue();
  assert.ok(link.includes(SHARE_PREFIX), 'a share link is shown');
  assert.ok(link.length < 200 && !link.includes('wiki'), 'the note is not in the share link');
  await page.getByTestId('export-more').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = (await readFile(await dl.path())).toString();
  const row = csv.split('\r\n').find((l) => l.includes(`,${q0.id},`));
  // The note, then the assessment's scope (none given here).
  assert.ok(row.endsWith(`,Fully,"${NOTE.replaceAll('"', '""')}",`), `the CSV row carries the note: ${row}`);

  // Clearing the note removes it from the draft.
  await open(s, '#/q/people');
  await question(page, q0.id).getByLabel(/^Note/).fill('');
  const cleared = JSON.parse((await storageEntries(page))[DRAFT_KEY]);
  assert.equal(cleared.notes?.[q0.id], undefined, 'an emptied note is removed');
  s.expectClean();
});
