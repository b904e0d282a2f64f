// Journeys b, e and f: the draft survives a reload, the app still works when
// storage is blocked or full, and a corrupt draft is kept aside, not lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, screenshot } from './harness.mjs';
import {
  open, button, radio, answer, assertProgress, completeAssessment, knownAnswer, assertKnownResults,
  questionsOf, storageEntries, route, ANSWERS, DRAFT_KEY, BACKUP_PREFIX, NOT_SAVED_TEXT,
} from './app.mjs';

const suite = useSuite();

test('b: a reload mid-questionnaire restores every answer', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/');
  await button(page, 'Start the assessment').click();
  // Every answer state once or more across People and half of Model Creation.
  const given = new Map();
  const people = questionsOf('people');
  people.forEach((q, i) => given.set(q.id, ANSWERS[i % ANSWERS.length]));
  for (const q of people) await answer(page, q.id, given.get(q.id));
  await button(page, 'Next').click();
  const creation = questionsOf('creation').slice(0, 3);
  creation.forEach((q, i) => given.set(q.id, ANSWERS[(i + people.length) % ANSWERS.length]));
  for (const q of creation) await answer(page, q.id, given.get(q.id));
  await assertProgress(page, given.size);

  await page.reload();
  await page.locator('h1').first().waitFor();
  assert.equal(await route(page), '#/q/creation', 'the reload stays on the step');
  await assertProgress(page, given.size);
  for (const q of creation) {
    assert.ok(await radio(page, q.id, given.get(q.id)).isChecked(), `${q.id}: "${given.get(q.id)}" is still checked`);
  }
  for (const q of questionsOf('creation').slice(3)) {
    assert.equal(await page.getByTestId(`question-${q.id}`).locator('input:checked').count(), 0, `${q.id} stays unanswered`);
  }
  // The earlier step, loaded afresh, shows its answers too.
  await page.goto('about:blank');
  await open(s, '#/q/people');
  for (const q of people) {
    assert.ok(await radio(page, q.id, given.get(q.id)).isChecked(), `${q.id}: "${given.get(q.id)}" is still checked`);
  }

  // The start screen offers to resume; starting over really clears the draft.
  await open(s, '#/');
  await button(page, 'Resume').waitFor();
  await button(page, 'Start over').click();
  await button(page, 'Yes, start over').click();
  // The app goes straight to the first step with a blank draft.
  await page.waitForFunction(() => location.hash === '#/q/people');
  await assertProgress(page, 0);
  assert.equal(await page.locator('fieldset input:checked').count(), 0, 'no answer survives "Start over"');
  s.expectClean();
});

test('b: stepping Back shows the answers given on the earlier step', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/');
  await button(page, 'Start the assessment').click();
  const people = questionsOf('people');
  const given = new Map(people.map((q, i) => [q.id, ANSWERS[i % ANSWERS.length]]));
  for (const q of people) await answer(page, q.id, given.get(q.id));
  await button(page, 'Next').click();
  await page.waitForFunction(() => location.hash === '#/q/creation');
  await answer(page, questionsOf('creation')[0].id, 'Fully');
  await button(page, 'Back').click();
  await page.waitForFunction(() => location.hash === '#/q/people');
  const shown = {};
  for (const q of people) {
    const checked = await page.getByTestId(`question-${q.id}`).locator('input:checked').count();
    shown[q.id] = checked ? given.get(q.id) : '(nothing)';
    for (const label of ANSWERS) {
      if (await radio(page, q.id, label).isChecked()) shown[q.id] = label;
    }
  }
  assert.deepEqual(shown, Object.fromEntries(given), 'each People question shows the answer given');
  s.expectClean();
});

// Two ways a browser refuses storage: no access at all (privacy settings,
// sandboxed frames) and a full quota.
const BLOCKED = {
  'localStorage getter throws': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
  'setItem throws QuotaExceededError': () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};

for (const [variant, block] of Object.entries(BLOCKED)) {
  test(`e: storage blocked (${variant}): the journey completes and the user is told`, async (t) => {
    const s = await openSession(t, suite, { initScripts: [block] });
    const { page } = s;
    await open(s, '#/');
    // The init script really is in force.
    const probe = await page.evaluate(() => {
      try { localStorage.setItem('probe', '1'); return 'stored'; } catch (e) { return e.name; }
    });
    assert.notEqual(probe, 'stored');

    await completeAssessment(page, knownAnswer);
    await assertKnownResults(page);
    // The notice is shown once a save fails; look for it on the results and,
    // failing that, back on a step.
    const notice = page.getByTestId('notice-storage');
    if (!(await notice.isVisible())) {
      await page.goto(s.url('#/q/people'));
      await page.getByTestId('question-' + questionsOf('people')[0].id).waitFor();
    }
    await notice.waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `notice-storage-${variant.split(' ')[0].toLowerCase()}`);
    const text = await notice.textContent();
    assert.match(text, NOT_SAVED_TEXT, `notice-storage says the answers won't survive a reload: "${text}"`);
    s.expectClean();
  });
}

test('f: a corrupt draft is backed up, reported, and a fresh start works', async (t) => {
  const seed = ([key]) => {
    // First load of the app only: the app's own writes must win after that.
    // (about:blank has no storage to seed.)
    if (location.protocol.startsWith('http') && !sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem(key, '{not json');
      sessionStorage.setItem('e2e-seeded', '1');
    }
  };
  const s = await openSession(t, suite, { initScripts: [`(${seed})(${JSON.stringify([DRAFT_KEY])})`] });
  const { page } = s;
  await open(s, '#/');
  const notice = page.getByTestId('notice-draft-corrupt');
  await notice.waitFor();
  await screenshot(page, 'notice-draft-corrupt');
  assert.ok((await notice.textContent()).trim().length >= 15, 'the notice has a message');

  const backups = Object.entries(await storageEntries(page)).filter(([k]) => k.startsWith(BACKUP_PREFIX));
  assert.equal(backups.length, 1, `one backup key: ${backups.map(([k]) => k)}`);
  const [backupKey, raw] = backups[0];
  assert.equal(raw, '{not json', 'the backup holds the raw text');
  assert.match(backupKey.slice(BACKUP_PREFIX.length), /^\d{10,}$/, 'backup key ends in a timestamp (ms)');

  // A fresh start is possible and is saved normally.
  await button(page, 'Start the assessment').click();
  const first = questionsOf('people')[0];
  await answer(page, first.id, 'Fully');
  await assertProgress(page, 1);
  await page.reload();
  await page.locator('h1').first().waitFor();
  await assertProgress(page, 1);
  assert.ok(await radio(page, first.id, 'Fully').isChecked());
  assert.equal(await page.getByTestId('notice-draft-corrupt').count(), 0, 'no corrupt-draft notice once a good draft is saved');
  const entries = await storageEntries(page);
  assert.doesNotThrow(() => JSON.parse(entries[DRAFT_KEY]), 'the new draft is JSON');
  assert.equal(entries[backupKey], '{not json', 'the backup is kept');
  s.expectClean();
});
