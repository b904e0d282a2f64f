// Journey h: every screen at a phone and a laptop width, saved as screenshots
// (tests/e2e/artifacts/<screen>-<w>x<h>.png) and checked for sideways scroll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, screenshot, VIEWPORTS } from './harness.mjs';
import {
  open, button, completeAssessment, knownAnswer, waitForResults, assertFitsWidth, DIMENSIONS, SHARE_PREFIX,
} from './app.mjs';

const suite = useSuite();

async function shoot(page, name) {
  await assertFitsWidth(page, name);
  await screenshot(page, name);
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`h: questionnaire screens on ${device} (${size})`, async (t) => {
    const s = await openSession(t, suite, { viewport });
    const { page } = s;
    await open(s, '#/');
    await shoot(page, 'start');
    await button(page, 'Start the assessment').click();
    await page.locator('#step-title').waitFor();
    for (const [i, dim] of DIMENSIONS.entries()) {
      await page.waitForFunction((d) => location.hash === `#/q/${d}`, dim);
      await shoot(page, `step-${dim}`);
      if (i === DIMENSIONS.length - 1) {
        await button(page, 'See results').click();
        break;
      }
      await button(page, 'Next').click();
      // Next names what is left unanswered here, and offers to skip it.
      const asks = page.getByTestId('unanswered-notice');
      await asks.waitFor();
      if (i === 0) {
        await asks.scrollIntoViewIfNeeded();
        await shoot(page, 'step-unanswered');
      }
      await asks.getByRole('button', { name: /^Skip to / }).click();
    }
    const notice = page.getByTestId('unanswered-notice');
    await notice.waitFor();
    await notice.scrollIntoViewIfNeeded();
    await shoot(page, 'unanswered-notice');
    await button(page, 'Show results anyway').click();
    // Nothing answered: the results page says so and offers a way in.
    await page.getByTestId('results-empty').waitFor();
    await shoot(page, 'results-unanswered');
    s.expectClean();
  });

  test(`h: results, shared and bad-link screens on ${device} (${size})`, async (t) => {
    const s = await openSession(t, suite, { viewport });
    const { page } = s;
    await open(s, '#/');
    await completeAssessment(page, knownAnswer);
    await waitForResults(page);
    await page.getByTestId('radar-chart').locator('svg').first().waitFor();
    await shoot(page, 'results');
    const link = await page.getByTestId('share-link').inputValue();

    await open(s, '#/');
    await button(page, 'See results').waitFor();
    await shoot(page, 'start-with-draft');

    const reader = await openSession(t, suite, { viewport });
    await reader.page.goto(link);
    await reader.page.getByTestId('shared-banner').waitFor();
    await shoot(reader.page, 'shared');

    await reader.page.goto('about:blank');
    await open(reader, `${SHARE_PREFIX}not-a-real-link`);
    await reader.page.getByTestId('notice-bad-link').waitFor();
    await shoot(reader.page, 'bad-link');

    assert.ok(link.includes(SHARE_PREFIX));
    s.expectClean();
    reader.expectClean();
  });
}
