// Journey d: a damaged share link gets a plain notice, never a broken page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession } from './harness.mjs';
import { open, completeAssessment, knownAnswer, waitForResults, SHARE_PREFIX } from './app.mjs';

const suite = useSuite();

// A real payload to damage, taken from the app's own share link (made once,
// by the first test that needs it).
let payloadPromise;
function realPayload() {
  payloadPromise ??= (async () => {
    const s = await openSession({ after: () => {} }, suite);
    try {
      await open(s, '#/');
      await completeAssessment(s.page, knownAnswer);
      await waitForResults(s.page);
      const link = await s.page.getByTestId('share-link').inputValue();
      const payload = link.slice(link.indexOf(SHARE_PREFIX) + SHARE_PREFIX.length);
      assert.match(payload, /^[A-Za-z0-9_-]{8,}$/, `payload: ${payload}`);
      s.expectClean();
      return payload;
    } finally {
      await s.context.close();
    }
  })();
  return payloadPromise;
}

// One base64url character swapped for another at the middle of the payload.
const mistype = (p) => {
  const i = Math.floor(p.length / 2);
  return p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
};

// Each kind of damage, and what the notice must tell the user about it
// (null: any clear message will do).
const BAD = {
  truncated: [(payload) => payload.slice(0, Math.floor(payload.length / 2)), /incomplete/i],
  'one mistyped character': [(payload) => mistype(payload), /damaged|changed/i],
  garbage: [() => 'this is *not* a link!', null],
  'oversize (5000 characters)': [() => 'A'.repeat(5000), /too long/i],
  empty: [() => '', /no assessment/i],
};

for (const [kind, [make, says]] of Object.entries(BAD)) {
  test(`d: bad link, ${kind}: a notice explains it and nothing breaks`, async (t) => {
    const s = await openSession(t, suite);
    const payload = await realPayload();
    const bad = make(payload);
    assert.notEqual(bad, payload);
    await open(s, SHARE_PREFIX + bad);
    const notice = s.page.getByTestId('notice-bad-link');
    await notice.waitFor();
    const text = (await notice.textContent()).trim();
    assert.ok(text.length >= 15, `the notice has a message: "${text}"`);
    if (says) assert.match(text, says, 'the notice names what is wrong with the link');
    assert.equal(await s.page.getByTestId('shared-banner').count(), 0, 'no shared result is shown');
    s.expectClean();
  });
}

test('d: the undamaged payload still opens (the damage is what the notice is about)', async (t) => {
  const s = await openSession(t, suite);
  await open(s, SHARE_PREFIX + (await realPayload()));
  await s.page.getByTestId('shared-banner').waitFor();
  assert.equal(await s.page.getByTestId('notice-bad-link').count(), 0);
  s.expectClean();
});
