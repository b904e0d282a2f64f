// The harness's own tests, on a tiny fixture site: if these fail, a journey's
// failure says nothing about the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSuite, openSession, screenshot, startServer, VIEWPORTS } from './harness.mjs';

// An empty but valid WebAssembly module.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>fixture</title></head><body><h1>fixture</h1>
<script type="module">
  const { instance } = await WebAssembly.instantiateStreaming(fetch('/m.wasm'));
  document.body.dataset.wasm = 'ok';
  if (location.hash === '#/fail') console.error('deliberate failure');
  if (location.hash === '#/throw') setTimeout(() => { throw new Error('deliberate throw'); });
</script></body></html>`;

const fixture = await mkdtemp(join(tmpdir(), 'e2e-fixture-'));
await writeFile(join(fixture, 'index.html'), INDEX);
await writeFile(join(fixture, 'm.wasm'), EMPTY_WASM);
after(() => rm(fixture, { recursive: true, force: true }));

const suite = useSuite({ dir: fixture });

test('static server: MIME types, index, 404 and no escape from the root', async () => {
  const server = await startServer(fixture);
  try {
    const wasm = await fetch(`${server.url}/m.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const index = await fetch(`${server.url}/`);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
    assert.equal((await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status, 404);
  } finally {
    await server.close();
  }
});

test('browser boots a wasm page and a clean page passes the error guard', async (t) => {
  const s = await openSession(t, suite, { viewport: VIEWPORTS.mobile });
  await s.page.goto(s.url('#/'));
  await s.page.locator('body[data-wasm="ok"]').waitFor();
  s.expectClean();
  const path = await screenshot(s.page, 'harness-fixture');
  assert.match(path, /harness-fixture-390x844\.png$/);
  assert.ok((await stat(path)).size > 0);
});

test('the error guard sees console errors and uncaught exceptions', async (t) => {
  const s = await openSession(t, suite);
  await s.page.goto(s.url('#/fail'));
  await s.page.locator('body[data-wasm="ok"]').waitFor();
  await s.page.goto(s.url('#/throw'));
  await s.page.reload();
  await s.page.locator('body[data-wasm="ok"]').waitFor();
  await s.page.waitForTimeout(100);
  assert.ok(s.errors.some((e) => e.includes('deliberate failure')), s.errors.join('\n'));
  assert.ok(s.errors.some((e) => e.includes('deliberate throw')), s.errors.join('\n'));
  assert.throws(() => s.expectClean());
});

test('a test that forgets expectClean() still fails on a page error', async () => {
  const hooks = [];
  const fake = { after: (f) => hooks.push(f) };
  const s = await openSession(fake, suite);
  await s.page.goto(s.url('#/fail'));
  await s.page.locator('body[data-wasm="ok"]').waitFor();
  await s.page.waitForTimeout(100);
  await assert.rejects(hooks[0](), /deliberate failure/);
});
