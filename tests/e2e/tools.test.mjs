// Tools that say what they mean: focus that looks like keyboard focus only
// when it is; compare asking for input instead of calling it damaged, and
// naming the user's own answers as such; pages that fit a 320 px screen with
// many long snapshot names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import { open, button, seedDraft, knownAnswer, assertFitsWidth, waitForResults, waitForTeam, questionsOf, QUESTIONS, DIMENSIONS, MODEL } from './app.mjs';
import { distinctLinks } from './links.mjs';

const suite = useSuite();

const HISTORY_KEY = 'mlops-maturity:history';

test('a page title focused for screen readers shows no focus ring; keyboard focus does', async (t) => {
  const s = await openSession(t, suite);
  await seedDraft(s, knownAnswer);
  const { page } = s;
  // Opened directly (a reload), then by a click in the nav.
  await page.goto(s.url('#/history'));
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const how of ['reload', 'click']) {
    if (how === 'click') {
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Team' }).click();
      await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    }
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const ring = await page.evaluate(() => {
      const h1 = document.activeElement;
      return { visible: h1.matches(':focus-visible'), outline: getComputedStyle(h1).outlineStyle };
    });
    assert.deepEqual(ring, { visible: false, outline: 'none' }, `${how}: the title is focused without a ring`);
  }
  // Tab moves keyboard focus on, and that shows.
  await page.keyboard.press('Tab');
  const tabbed = await page.evaluate(() => ({
    visible: document.activeElement.matches(':focus-visible'),
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  assert.deepEqual(tabbed, { visible: true, outline: 'solid' });
  s.expectClean();
});

test('compare asks for links when they are missing, and names your own answers as yours', async (t) => {
  const s = await openSession(t, suite);
  await seedDraft(s, knownAnswer);
  const { page } = s;
  // A snapshot holding the same answers as the draft.
  await page.getByLabel('Label (optional)').fill('Same as now');
  await button(page, 'Save snapshot').click();
  await page.getByText('Saved “Same as now”.').waitFor();
  await open(s, '#/compare');
  await button(page, 'Compare').click();
  const asks = await page.locator('.field__error').allTextContents();
  const said = asks.join(' ');
  assert.equal((said.match(/Paste a result link here, or pick one of your results above\./g) ?? []).length, 2, said);
  assert.doesNotMatch(said, /no assessment|damaged|Ask for the link again/);
  // "My current answers" against the snapshot: each is named for what it is.
  await page.locator('#compare-before-pick').selectOption({ label: 'Same as now, saved just now' });
  await page.locator('#compare-after-pick').selectOption({ label: 'My current answers' });
  await button(page, 'Compare').click();
  await page.getByTestId('compare-table').waitFor();
  const sides = (await page.locator('.compare__sides').textContent()).replace(/\s+/g, ' ');
  // Both hold the same answers: each says it is the draft, and which snapshot matches.
  assert.match(sides, /Then: your current answers \(also saved as “Same as now, saved just now”\)/);
  assert.match(sides, /Now: your current answers \(also saved as “Same as now, saved just now”\)/);
  s.expectClean();
});

test('no page scrolls sideways at 320 px with ten long snapshot names, a team of 20 and a compare', async (t) => {
  const s = await openSession(t, suite);
  await seedDraft(s, knownAnswer);
  const { page } = s;
  const link = (await page.getByTestId('share-link').inputValue()).split('#/r/')[1];
  const long = (i) => `Quarterly review ${i} of the payments platform team's fraud, credit-risk and churn models (all regions)`;
  const history = {
    format: 1,
    snapshots: Array.from({ length: 10 }, (_, i) => ({ id: `s${1_700_000_000_000 + i}`, label: long(i + 1), saved_ms: 1_700_000_000_000 + i, link })),
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [HISTORY_KEY, JSON.stringify(history)]);
  // A team of 20 different people, kept as a team link.
  const team = distinctLinks(20, QUESTIONS.length, { code: MODEL.code, version: MODEL.version });
  await page.setViewportSize({ width: 320, height: 700 });
  for (const hash of ['#/results', '#/history', '#/compare', `#/compare/${link}/${link}`, `#/team/${team.join('.')}`]) {
    await page.goto(s.url(hash));
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (hash === '#/results') {
      await waitForResults(page);
      await page.getByLabel('Measure progress since').waitFor();
    }
    if (hash.startsWith('#/team/')) {
      await page.getByTestId('team-count').filter({ hasText: /^20 results\.$/ }).waitFor();
      await waitForTeam(page, 20);
      // The spread table is wider than a 320 px phone: it says it scrolls.
      const hint = page.locator('.table-hint').first();
      assert.ok(await hint.isVisible(), 'a wide table says it scrolls sideways');
      assert.match(await hint.textContent(), /Scroll sideways for more columns/);
    }
    await assertFitsWidth(page, `${hash.slice(0, 40)} at 320 px`);
  }
  s.expectClean();
});

test('every page in the nav is titled with the nav\'s words, and the results are in the nav', async (t) => {
  const s = await openSession(t, suite);
  await seedDraft(s, knownAnswer);
  const { page } = s;
  const nav = page.getByRole('navigation', { name: 'Pages' });
  const names = (await nav.getByRole('link').allTextContents()).map((n) => n.trim());
  assert.deepEqual(names, ['Your results', 'Saved results', 'Compare', 'Team']);
  for (const name of names) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('main h1')?.textContent.trim() === n, name);
    assert.equal(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current'), 'page');
  }
  s.expectClean();
});

test('results with nothing answered offer a way in, not a Level 0 report; a finished draft offers results or a review', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/results');
  const empty = page.getByTestId('results-empty');
  await empty.waitFor();
  assert.match(await empty.textContent(), /No answers yet/);
  assert.equal(await page.getByTestId('overall-level').count(), 0, 'no level is reported');
  await button(page, 'Start the assessment').click();
  await page.waitForFunction(() => location.hash.startsWith('#/q/'));

  await seedDraft(s, knownAnswer);
  await open(s, '#/');
  assert.equal(await button(page, 'Resume').count(), 0);
  await button(page, 'Review answers').click();
  await page.waitForFunction(() => location.hash.startsWith('#/q/'));
  await open(s, '#/');
  await button(page, 'See results').click();
  await waitForResults(page);
  s.expectClean();
});

test('the questionnaire on a phone: at most 8 screens, the first choices on the first screen, progress always in view, 44 px targets, Next names what is left', async (t) => {
  const PHONE = { width: 390, height: 844 };
  const s = await openSession(t, suite, { viewport: PHONE, touch: true });
  const { page } = s;
  // The whole questionnaire's scroll height, step by step.
  const heights = {};
  for (const dim of DIMENSIONS) {
    await open(s, `#/q/${dim}`);
    await page.getByTestId(`question-${questionsOf(dim)[0].id}`).waitFor();
    heights[dim] = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  const total = Object.values(heights).reduce((a, b) => a + b, 0);
  t.diagnostic(`step heights at 390x844: ${JSON.stringify(heights)}; total ${total} px = ${(total / PHONE.height).toFixed(1)} screens`);
  assert.ok(total <= 8 * PHONE.height, `the questionnaire is ${total} px tall: more than 8 screens of ${PHONE.height}`);

  // The first screen holds the first question and all its choices.
  await open(s, `#/q/${DIMENSIONS[0]}`);
  const first = page.getByTestId(`question-${QUESTIONS[0].id}`);
  await first.waitFor();
  const below = await first.evaluate((c, h) => [...c.querySelectorAll('label.choice')]
    .filter((l) => l.getBoundingClientRect().bottom > h)
    .map((l) => l.textContent.trim()), PHONE.height);
  assert.deepEqual(below, [], 'choices of the first question below the first screen');

  // Progress stays in view while the questions scroll.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const bar = await page.getByTestId('progress').evaluate((p) => p.getBoundingClientRect().toJSON());
  assert.ok(bar.top >= 0 && bar.bottom <= PHONE.height, `progress out of view at the bottom: ${JSON.stringify(bar)}`);
  await page.evaluate(() => window.scrollTo(0, 0));

  // Every control on the page is at least 44 × 44 px (links inside running
  // text excepted, as WCAG 2.5.8 does).
  const small = await page.evaluate(() => [...document.querySelectorAll('a, button, label.choice, select, textarea, input:not([type=radio])')]
    .filter((e) => e.getClientRects().length > 0 && !e.closest('p, li:not(.steps__item)'))
    .map((e) => ({ text: (e.textContent || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 24), ...e.getBoundingClientRect().toJSON() }))
    .filter((r) => r.height < 44 || r.width < 44)
    .map((r) => `${r.text} ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, [], 'tap targets under 44 px');

  // A tap on an answer brings the next unanswered question into view...
  const cards = page.locator('fieldset.question');
  const count = await cards.count();
  const inView = (i) => page.evaluate((i) => {
    const r = document.querySelectorAll('fieldset.question')[i].getBoundingClientRect();
    return r.top >= document.querySelector('.stepbar').getBoundingClientRect().bottom - 1 && r.bottom <= window.innerHeight + 1;
  }, i);
  const k = count - 2;
  // Card k at the bottom of the screen, the next one below it.
  await cards.nth(k).evaluate((c) => window.scrollTo(0, c.getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 8));
  assert.equal(await inView(k), true, 'the card answered is in view');
  assert.equal(await inView(k + 1), false, 'the next card starts below the screen');
  await cards.nth(k).locator('label.choice').nth(3).click(); // Fully
  await page.waitForFunction((i) => {
    const r = document.querySelectorAll('fieldset.question')[i].getBoundingClientRect();
    return r.top >= document.querySelector('.stepbar').getBoundingClientRect().bottom - 1 && r.bottom <= window.innerHeight + 1;
  }, k + 1);
  // ... but not while the user reads what they opened.
  await cards.nth(k + 1).getByRole('button', { name: 'Help', exact: true }).click();
  const y = await page.evaluate(() => window.scrollY);
  await cards.nth(k + 1).locator('label.choice').nth(1).click(); // Partially
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.scrollY), y, 'no scroll with the help open');

  // Next names what is still unanswered here, and offers both ways on.
  await button(page, 'Next').click();
  const asks = page.getByTestId('unanswered-notice');
  await asks.waitFor();
  const left = questionsOf(DIMENSIONS[0]).length - 2;
  assert.match(await asks.textContent(), new RegExp(`^${left} unanswered — answer now or skip\\.`));
  assert.equal(await page.evaluate(() => location.hash), `#/q/${DIMENSIONS[0]}`, 'Next waits for an answer');
  await asks.getByRole('button', { name: 'Answer now' }).click();
  await page.waitForFunction((id) => document.activeElement?.closest('fieldset')?.dataset.testid === `question-${id}`, QUESTIONS[0].id);
  await button(page, 'Next').click();
  await asks.getByRole('button', { name: `Skip to ${MODEL.dimensions[1].name}` }).click();
  await page.waitForFunction((d) => location.hash === `#/q/${d}`, DIMENSIONS[1]);
  s.expectClean();
});

test('on a phone, answering moves nothing under the finger, and a card\'s controls are full-size tap targets', async (t) => {
  const s = await openSession(t, suite, { viewport: { width: 390, height: 844 } });
  const { page } = s;
  await open(s, '#/q/release');
  const card = page.locator('fieldset.question').nth(1);
  await card.waitFor();
  const boxes = () => card.evaluate((c) => [c, ...c.querySelectorAll('label.choice, button, textarea')]
    .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height].map(Math.round).join(','); }));
  const before = await boxes();
  await card.locator('label.choice').nth(2).click(); // Mostly
  await page.waitForFunction((c) => c.classList.contains('question--answered'), await card.elementHandle());
  const after = await boxes();
  assert.deepEqual(after, before, 'the card and its controls keep their place and size');
  // Every control of the card is at least 44 px tall and wide.
  const small = await card.evaluate((c) => [...c.querySelectorAll('label.choice, button')]
    .map((e) => ({ text: e.textContent.trim().slice(0, 20), ...e.getBoundingClientRect().toJSON() }))
    .filter((r) => r.height < 44 || r.width < 44)
    .map((r) => `${r.text} ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, [], 'tap targets under 44 px');
  s.expectClean();
});

test('a shared result speaks to its recipient and offers their own assessment first', async (t) => {
  const author = await openSession(t, suite);
  await seedDraft(author, knownAnswer);
  const link = await author.page.getByTestId('share-link').inputValue();
  const s = await openSession(t, suite);
  const { page } = s;
  await page.goto(link);
  const banner = page.getByTestId('shared-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /^A result someone shared with you, read-only\./);
  const buttons = (await banner.getByRole('button').allTextContents()).map((b) => b.trim());
  assert.deepEqual(buttons, ['Take the assessment yourself', 'Edit a copy']);
  // Nothing on the page calls the team's answers the reader's own.
  assert.doesNotMatch(await page.locator('main').textContent(), /\b(You answered|Your weakest)\b/);
  await banner.getByRole('button', { name: 'Take the assessment yourself' }).click();
  await button(page, 'Start the assessment').waitFor();
  s.expectClean();
});
