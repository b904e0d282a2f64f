// Journey g: one dimension answered with the keyboard alone (Tab, arrows,
// Space, Enter; no clicks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import { open, radio, assertProgress, questionsOf, route, ANSWERS } from './app.mjs';

const suite = useSuite();

/** What has the keyboard focus: tag, type, name, accessible text. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), type: el.type ?? '', name: el.name ?? '', text: label.replace(/\s+/g, ' ').trim() };
  });

/** Presses Tab until `want(focus)` holds; fails after `max` presses. */
async function tabTo(page, want, what, max = 60) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('g: keyboard only: start, answer every People question, go on', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/');

  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Start the assessment', 'the start button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/q/people');

  const people = questionsOf('people');
  const chosen = {};
  for (const [i, q] of people.entries()) {
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'radio' && f.name === q.id, `a radio of ${q.id}`);
    // Space picks the focused radio (the first, "No"); each arrow moves the
    // choice one along. Question i gets answer i, so every one differs.
    await page.keyboard.press('Space');
    for (let k = 0; k < i; k += 1) await page.keyboard.press('ArrowDown');
    chosen[q.id] = ANSWERS[i];
  }
  await assertProgress(page, people.length);
  for (const q of people) {
    assert.ok(await radio(page, q.id, chosen[q.id]).isChecked(), `${q.id} is "${chosen[q.id]}"`);
  }

  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Next', 'the Next button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/q/creation');
  assert.equal(await route(page), '#/q/creation');
  await assertProgress(page, people.length);
  s.expectClean();
});

test('keyboard only: from the start page to a copied share link', async (t) => {
  const s = await openSession(t, suite);
  const { page, context } = s;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url('').replace(/\/$/, '') });
  await open(s, '#/');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Start the assessment', 'the start button');
  await page.keyboard.press('Enter');

  const dims = ['people', 'creation', 'release', 'integration', 'technology'];
  for (const [d, dim] of dims.entries()) {
    await page.waitForFunction((h) => location.hash === h, `#/q/${dim}`);
    for (const q of questionsOf(dim)) {
      await tabTo(page, (f) => f.tag === 'input' && f.type === 'radio' && f.name === q.id, `a radio of ${q.id}`);
      await page.keyboard.press('4'); // the number-key shortcut: "Fully"
    }
    const last = d === dims.length - 1;
    await tabTo(page, (f) => f.tag === 'button' && f.text === (last ? 'See results' : 'Next'), last ? 'See results' : 'Next');
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(() => location.hash === '#/results');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Copy link', 'the Copy link button', 200);
  await page.keyboard.press('Enter');
  await page.getByText('Link copied.', { exact: false }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.getByTestId('share-link').inputValue(), 'the clipboard holds the share link');
  assert.match(copied, /#\/r\/[A-Za-z0-9_-]{20,40}$/);
  // Everything was answered "Fully": level 4 overall.
  assert.equal((await page.getByTestId('overall-level').textContent()).trim(), 'Level 4');
  s.expectClean();
});
