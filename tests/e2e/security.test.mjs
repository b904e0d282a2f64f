// What the app promises about privacy and safety, checked in a browser:
// - a whole journey talks to no origin but its own and breaks no rule of its
//   Content-Security-Policy;
// - hostile input (crafted links, an oversized fragment, markup in a stored
//   draft) never runs, and the page stays usable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, requireBuild } from './harness.mjs';
import {
  DIMENSIONS, QUESTIONS, DRAFT_KEY, SHARE_PREFIX, MODEL,
  open, button, radio, knownAnswer, completeAssessment, assertKnownResults, answer,
} from './app.mjs';

/**
 * Runs before any page script: records CSP violations, and lays the trap
 * every hostile payload below tries to spring (window.__pwned).
 */
const WATCH = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  });
};

if (requireBuild('security: same-origin only, CSP, hostile input')) defineSecurityTests();

/** Fails if any payload ran or any CSP rule was broken in `page`. */
async function assertNothingRan(page, what) {
  const { pwned, csp } = await page.evaluate(() => ({ pwned: window.__pwned ?? null, csp: window.__csp ?? [] }));
  assert.equal(pwned, null, `${what}: injected code ran`);
  assert.deepEqual(csp, [], `${what}: CSP violations`);
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('main script, main img[onerror], main iframe, main object, [onerror], [onclick], a[href^="javascript:" i]')].map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(injected, [], `${what}: markup from the input became elements`);
}

/** The page still works: the start screen opens and the assessment starts. */
async function assertUsable(s, what) {
  await s.page.goto(s.url('#/'));
  await s.page.locator('h1').first().waitFor();
  const start = s.page.getByRole('button', { name: /^(Start the assessment|Resume)$/ });
  await start.click();
  await s.page.waitForFunction(() => location.hash.startsWith('#/q/'), null, { timeout: 5000 })
    .catch(() => assert.fail(`${what}: the start button no longer leads into the questionnaire`));
}

function defineSecurityTests() {
  const suite = useSuite();

  test('a whole journey talks only to its own origin and breaks no CSP rule', async (t) => {
    const s = await openSession(t, suite, { initScripts: [WATCH] });
    const origin = new URL(suite.server.url).origin;
    const foreign = [];
    s.context.on('request', (req) => {
      const url = req.url();
      if (/^(data|blob|about):/.test(url)) return;
      if (new URL(url).origin !== origin) foreign.push(`${req.method()} ${url}`);
    });

    await open(s, '#/');
    await completeAssessment(s.page, knownAnswer);
    await assertKnownResults(s.page);
    const link = await s.page.getByTestId('share-link').inputValue();
    await assertNothingRan(s.page, 'results');

    const other = await s.context.newPage();
    await other.goto(link);
    await other.getByTestId('shared-banner').waitFor();
    await other.getByTestId('scores-table').waitFor();
    await assertNothingRan(other, 'shared view');
    await other.close();

    assert.deepEqual(foreign, [], 'requests to other origins');
    s.expectClean();
  });

  const HOSTILE_LINKS = {
    'a <script> in the payload': `${SHARE_PREFIX}<script>window.__pwned=1</script>`,
    'an <img onerror> in the payload (encoded)': `${SHARE_PREFIX}${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`,
    'an <svg onload> route': `#/q/${encodeURIComponent('<svg onload=window.__pwned=1>')}`,
    'a javascript: payload': `${SHARE_PREFIX}javascript:window.__pwned=1`,
    'a javascript: route': '#javascript:window.__pwned=1',
    'a quote-breaking payload': `${SHARE_PREFIX}%22%3E%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E`,
    'a 100 KB payload': `${SHARE_PREFIX}${'A'.repeat(100 * 1024)}`,
  };

  for (const [name, hash] of Object.entries(HOSTILE_LINKS)) {
    test(`a crafted link (${name}) runs nothing and leaves the page usable`, async (t) => {
      const s = await openSession(t, suite, { initScripts: [WATCH] });
      await s.page.goto(s.url(hash));
      await s.page.locator('h1').first().waitFor();
      if (hash.startsWith(SHARE_PREFIX)) {
        await s.page.getByTestId('notice-bad-link').waitFor();
      }
      // Give any deferred handler (an image error, a timer) a chance to fire.
      await s.page.waitForTimeout(300);
      await assertNothingRan(s.page, name);
      await assertUsable(s, name);
      await assertNothingRan(s.page, `${name}, after navigating on`);
      s.expectClean();
    });
  }

  test('markup stored in a draft (notes, answers) is shown as text, never run', async (t) => {
    const payloads = {
      script: '<script>window.__pwned=1</script>',
      img: '<img src=x onerror="window.__pwned=1">',
      link: '<a href="javascript:window.__pwned=1">click</a>',
      breakout: '"></textarea><img src=x onerror=window.__pwned=1>',
    };
    const [q0, q1, q2, q3] = QUESTIONS;
    const draft = {
      format: 1,
      model: { id: MODEL.id, version: MODEL.version },
      answers: { [q0.id]: 'fully' },
      notes: { [q0.id]: payloads.script, [q1.id]: payloads.img, [q2.id]: payloads.link, [q3.id]: payloads.breakout },
      targets: {},
      created_ms: 1700000000000,
      updated_ms: 1700000000000,
    };
    const s = await openSession(t, suite, { initScripts: [WATCH] });
    await open(s, '#/');
    await s.page.evaluate(([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, JSON.stringify(draft)]);
    await s.page.goto(s.url(`#/q/${DIMENSIONS[0]}`));
    await s.page.reload();
    await s.page.locator('h1').first().waitFor();
    await s.page.waitForTimeout(300);
    await assertNothingRan(s.page, 'draft with markup');
    assert.equal(await s.page.getByTestId('notice-draft-corrupt').count(), 0, 'a draft with markup notes is a valid draft');
    assert.equal(await radio(s.page, q0.id, 'Fully').isChecked(), true, 'its answer is restored');
    // Where the page shows notes, it shows the text that was typed.
    const fields = await s.page.evaluate(() => [...document.querySelectorAll('textarea')].map((e) => e.value));
    if (fields.length) {
      for (const q of [q0, q1, q2, q3].filter((q) => q.dimension === DIMENSIONS[0])) {
        assert.ok(fields.includes(draft.notes[q.id]), `note shown verbatim: ${draft.notes[q.id]}`);
      }
    }
    // Saving again keeps the notes byte for byte.
    await answer(s.page, q1.id, 'No');
    await s.page.waitForFunction((key) => localStorage.getItem(key)?.includes('"no"'), DRAFT_KEY);
    const saved = JSON.parse(await s.page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY));
    assert.deepEqual(saved.notes, draft.notes, 'notes after saving');
    await assertNothingRan(s.page, 'draft with markup, after saving');
    // A draft whose *answer* holds markup is not a draft this app wrote: it is
    // set aside with a notice, and nothing runs.
    await s.page.evaluate(([key, text]) => localStorage.setItem(key, text),
      [DRAFT_KEY, JSON.stringify({ ...draft, answers: { [q0.id]: payloads.img } })]);
    await s.page.reload();
    await s.page.locator('h1').first().waitFor();
    await s.page.getByTestId('notice-draft-corrupt').waitFor();
    await s.page.waitForTimeout(300);
    await assertNothingRan(s.page, 'draft with markup in an answer');
    await assertUsable(s, 'draft with markup in an answer');
    s.expectClean();
  });

  test('a completed journey with markup notes shares a link that carries no note text', async (t) => {
    const s = await openSession(t, suite, { initScripts: [WATCH] });
    await open(s, '#/');
    await button(s.page, 'Start the assessment').click();
    await s.page.waitForFunction(() => location.hash.startsWith('#/q/'));
    await s.page.getByRole('button', { name: 'Note', exact: true }).first().click();
    const note = s.page.locator('textarea').first();
    await note.fill('<img src=x onerror="window.__pwned=1"> secret');
    // One answer: a result to share.
    await s.page.locator('input[type="radio"]').first().check();
    // The note is kept in the draft (and would be exported), but not shared.
    await s.page.waitForFunction(() => (localStorage.getItem('mlops-maturity:draft') ?? '').includes('secret'));
    await s.page.goto(s.url('#/results'));
    const link = await s.page.getByTestId('share-link').inputValue();
    assert.ok(!/secret|onerror|%3C/i.test(link), `the share link leaks the note: ${link}`);
    await assertNothingRan(s.page, 'results after a markup note');
    s.expectClean();
  });
}
