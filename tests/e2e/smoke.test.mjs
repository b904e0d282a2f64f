// Smoke: the release build boots in a real browser and shows the start screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import { open, button } from './app.mjs';

const suite = useSuite();

test('the start screen loads with its heading and a way in, without errors', async (t) => {
  const s = await openSession(t, suite);
  await open(s, '#/');
  const h1 = await s.page.locator('h1').first().textContent();
  assert.match(h1, /MLOps maturity/);
  await button(s.page, 'Start the assessment').waitFor();
  assert.match(await s.page.title(), /\S/, 'the page has a title');
  s.expectClean();
});
