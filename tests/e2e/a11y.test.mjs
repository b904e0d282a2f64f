// Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A and AA violation on any
// screen (start, a questionnaire step, results, a shared result, a bad link),
// in the light and in the dark colour scheme, colour contrast included.
//
// axe is injected with page.evaluate (the DevTools protocol), not
// page.addScriptTag: the app's CSP rightly refuses an inline <script>.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, useSuite, openSession, VIEWPORTS } from './harness.mjs';
import { DIMENSIONS, open, button, knownAnswer, completeAssessment, waitForResults, SHARE_PREFIX } from './app.mjs';

const require = createRequire(import.meta.url);

function notReady() {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return `${index} not found: build the app first (trunk build --release)`;
  return null;
}

const reason = notReady();
if (reason) {
  test('accessibility (axe): every screen, light and dark', (t) => t.skip(reason));
} else {
  defineA11yTests();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page; returns its violations. */
async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'color-contrast': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, TAGS);
}

/** A readable report of axe violations, for the failure message. */
function report(violations) {
  return violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}

/** axe's findings on the page as it is now, as a report; '' when none. */
async function audit(page, screen) {
  // Let transitions and the focus move after navigation settle.
  await page.waitForTimeout(250);
  const violations = await axe(page);
  return violations.length ? `axe on ${screen}: ${violations.length} violation(s)\n${report(violations)}` : '';
}

function defineA11yTests() {
  const suite = useSuite();

  for (const scheme of ['light', 'dark']) {
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      test(`no WCAG A/AA violations on any screen (${scheme}, ${vp})`, async (t) => {
        const s = await openSession(t, suite, { viewport });
        await s.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const { page } = s;
        const failures = [];
        const check = async (screen) => {
          const found = await audit(page, `${screen} (${scheme}, ${vp})`);
          if (found) failures.push(found);
        };

        await open(s, '#/');
        await check('start');

        await button(page, 'Start the assessment').click();
        await page.waitForFunction((d) => location.hash === `#/q/${d}`, DIMENSIONS[0]);
        // The questionnaire's code is loaded on demand: audit the page, not "Loading…".
        await page.locator('fieldset').first().waitFor();
        await check(`questionnaire step ${DIMENSIONS[0]}`);
        // A step with answers picked (checked radios have their own colours).
        await page.locator('input[type="radio"]').first().check();
        await check(`questionnaire step ${DIMENSIONS[0]}, one answer picked`);

        await page.goto(s.url('#/'));
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.locator('h1').first().waitFor();
        await completeAssessment(page, knownAnswer);
        await waitForResults(page);
        await check('results');
        const link = await page.getByTestId('share-link').inputValue();

        await page.goto(link);
        await page.getByTestId('shared-banner').waitFor();
        await check('shared result');

        await page.goto(s.url(`${SHARE_PREFIX}not-a-real-link`));
        await page.getByTestId('notice-bad-link').waitFor();
        await check('bad link');

        assert.ok(failures.length === 0, `\n${failures.join('\n\n')}`);
        s.expectClean();
      });
    }
  }
}
