// The harness's own tests, on a tiny fixture site: if these fail, a journey's
// failure says nothing about the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSuite, openSession, screenshot, startServer, buildProblem, axeReport, VIEWPORTS } from './harness.mjs';

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

test('a build without its CSP <meta> or its offline worker is reported, not accepted', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-build-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  assert.match(buildProblem(dir), /index\.html not found/);
  const csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">';
  await writeFile(join(dir, 'index.html'), '<!doctype html><head><title>x</title></head>');
  await writeFile(join(dir, 'sw.js'), 'const BUILD = {\n  id: "x",\n};');
  assert.match(buildProblem(dir), /has no CSP <meta>/);
  await writeFile(join(dir, 'index.html'), `<!doctype html><head>${csp}<title>x</title></head>`);
  assert.equal(buildProblem(dir), null, 'a complete build passes');
  await writeFile(join(dir, 'sw.js'), "self.addEventListener('install', () => self.skipWaiting());");
  assert.match(buildProblem(dir), /debug pass-through worker/);
  await unlink(join(dir, 'sw.js'));
  assert.match(buildProblem(dir), /sw\.js not found/);
});

test('axeReport finds a WCAG violation and reports none on a clean page', async (t) => {
  const s = await openSession(t, suite);
  await s.page.goto(s.url('#/'));
  await s.page.locator('body[data-wasm="ok"]').waitFor();
  assert.equal(await axeReport(s.page), '');
  // An image with no text alternative, inside and outside the audited part.
  await s.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="part"><img src="data:,"></div>'));
  assert.match(await axeReport(s.page), /image-alt/);
  assert.match(await axeReport(s.page, '#part'), /image-alt/);
  assert.equal(await axeReport(s.page, 'h1'), '');
  s.expectClean();
});
