// Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A and AA violation on any
// page, each with data on it: start, a questionnaire step (blank and with an
// answer), results (then with targets and saved snapshots), a shared result,
// compare (the form, and two real links compared), team (three links and a
// broken line), history (two snapshots, one being renamed) and a bad link;
// in the light and the dark colour scheme, at a phone and a laptop width,
// colour contrast included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, requireBuild, axeReport, VIEWPORTS } from './harness.mjs';
import {
  DIMENSIONS, SHARE_PREFIX, open, button, knownAnswer, completeAssessment, waitForResults, seedDraft,
} from './app.mjs';

if (requireBuild('accessibility (axe): every page, light and dark')) defineA11yTests();

/** Answer sets that give the compare and team pages differences to show. */
const LATER = (q) => (q.dimension === 'release' ? 'Fully' : knownAnswer(q));
const MIXED = (q) => (q.dimension === 'integration' ? 'Fully' : q.dimension === 'people' ? 'Partially' : knownAnswer(q));

const payloadOf = (link) => link.slice(link.indexOf(SHARE_PREFIX) + SHARE_PREFIX.length);

function defineA11yTests() {
  const suite = useSuite();

  for (const scheme of ['light', 'dark']) {
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      test(`no WCAG A/AA violations on any page (${scheme}, ${vp})`, async (t) => {
        const s = await openSession(t, suite, { viewport });
        await s.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const { page } = s;
        const failures = [];
        const check = async (screen) => {
          // Let transitions and the focus move after navigation settle.
          await page.waitForTimeout(250);
          const found = await axeReport(page);
          if (found) failures.push(`axe on ${screen} (${scheme}, ${vp}):\n${found}`);
        };
        const shareLink = () => page.getByTestId('share-link').inputValue();

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
        const known = await shareLink();

        // Two more results to compare and aggregate, made the quick way.
        await seedDraft(s, LATER);
        const later = await shareLink();
        await seedDraft(s, MIXED);
        const mixed = await shareLink();

        // Results with targets set and two snapshots saved.
        await seedDraft(s, knownAnswer, { release: 3, integration: 1 });
        await page.getByLabel('Label (optional)').fill('Q3 baseline');
        await button(page, 'Save snapshot').click();
        await page.getByText('Saved “Q3 baseline”.').waitFor();
        await page.getByLabel('Label (optional)').fill('Q4');
        await button(page, 'Save snapshot').click();
        await page.getByText('Saved “Q4”.').waitFor();
        await page.getByTestId('targets').scrollIntoViewIfNeeded();
        await check('results with targets and saved snapshots');

        await page.goto(known);
        await page.getByTestId('shared-banner').waitFor();
        await check('shared result');

        await open(s, '#/compare');
        await page.getByLabel('Pick a saved result').first().waitFor();
        await check('compare form, with saved snapshots to pick');
        await open(s, `#/compare/${payloadOf(known)}/${payloadOf(later)}`);
        await page.getByTestId('compare-table').waitFor();
        await check('compare of two links');

        await open(s, '#/team');
        await page.getByLabel('Result links, one per line').fill([known, later, 'https://example.org/#/r/broken', mixed].join('\n'));
        await page.getByTestId('team-spread').waitFor();
        await page.getByTestId('team-disagreements').waitFor();
        await check('team of three links and a broken one');

        await open(s, '#/history');
        await page.getByTestId('history-list').waitFor();
        assert.equal(await page.locator('[data-testid="history-list"] li.snapshot-item').count(), 2, 'two snapshots listed');
        await check('history with two snapshots');
        await button(page, 'Rename Q3 baseline').click();
        await check('history, renaming a snapshot');

        await page.goto(s.url(`${SHARE_PREFIX}not-a-real-link`));
        await page.getByTestId('notice-bad-link').waitFor();
        await check('bad link');

        assert.ok(failures.length === 0, `\n${failures.join('\n\n')}`);
        s.expectClean();
      });
    }
  }
}
