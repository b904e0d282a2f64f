// The last-resort notice (public/crash.js): an uncaught error anywhere on the
// page shows "Something went wrong" with Reload, and reloading keeps every
// answer. (A real wasm trap is tested in tests/crash_web.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, screenshot, VIEWPORTS } from './harness.mjs';
import { open, button, radio, answer, QUESTIONS } from './app.mjs';

const suite = useSuite();

test('crash: an uncaught error offers a reload, and the reload keeps the answers', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  const q0 = QUESTIONS[0];
  await open(s, '#/');
  await button(page, 'Start the assessment').click();
  await answer(page, q0.id, 'Fully');
  assert.equal(await page.getByTestId('notice-crash').count(), 0, 'no notice while all is well');

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('forced failure');
    }, 0);
  });
  const notice = page.getByTestId('notice-crash');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /Something went wrong\..*Your answers are saved in this browser/);
  const reload = notice.getByRole('button', { name: 'Reload', exact: true });
  assert.ok(await reload.evaluate((el) => el === document.activeElement), 'focus is on Reload');
  await screenshot(page, 'crash-notice');
  await page.setViewportSize(VIEWPORTS.mobile);
  await screenshot(page, 'crash-notice');

  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await radio(page, q0.id, 'Fully').waitFor();
  assert.ok(await radio(page, q0.id, 'Fully').isChecked(), 'the answer survived the reload');
  assert.equal(await page.getByTestId('notice-crash').count(), 0, 'the reloaded page is clean');

  assert.equal(s.errors.length, 1, `exactly the forced error: ${s.errors.join('\n')}`);
  assert.match(s.errors[0], /forced failure/);
  s.errors.length = 0;
  s.expectClean();
});
