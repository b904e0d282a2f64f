// Benchmarks of the release build in dist/, printed as Markdown. Not a test:
// it measures and flags, it does not fail on a budget (scripts/bench.sh).
//
//   node tests/bench/bench.mjs [--update-baseline] [--skip lighthouse,blocking,latency,models,twiggy]
//
// 1. Transfer size of the first load: every file the page fetches before it
//    is usable (found by loading it in Chromium with service workers off),
//    plus the manifest and icons it links; raw, gzip -9 and brotli q11.
//    Then the service worker's precache, and the wasm and JS on their own.
//    Compared with tests/bench/baseline.json: more than 5 % growth is flagged.
// 2. Lighthouse (mobile defaults) on the build served on loopback with
//    brotli and long-lived caching of hashed files, as a CDN would.
// 3. Main-thread blocking of each entry in a Chromium trace at 4x CPU
//    (median of 5 loads), beside Lighthouse's simulated TBT. Then
//    interaction latency under 4x CPU throttling: a click on an answer until
//    the progress text has changed, and a target change on the results
//    page until the chart has been redrawn; median of >= 20. And 10, 100
//    and 500 result links pasted into the team page until it shows them, a
//    history of 200 snapshots opened, and a compare opened.
// 4. The site built with the fixture models (dist-models/): what listing
//    them adds to the first load, and an answer click on the 500-question
//    model at 4x throttle.
// 5. `twiggy top` of the wasm, when twiggy is installed.

import { createServer } from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as Z, gzipSync } from 'node:zlib';
import { ROOT, CHROMIUM_ARGS, launchBrowser, startServer } from '../e2e/harness.mjs';
import { splitWorkDir, WASM_FEATURES } from '../../scripts/split.mjs';
import { distinctLinks } from '../e2e/links.mjs';
import { budgetTable, withTable, GOALS, KiB } from './readme.mjs';

const DIST = resolve(process.env.BENCH_DIST ?? process.env.E2E_DIST ?? join(ROOT, 'dist'));
const MODELS_DIST = resolve(process.env.BENCH_MODELS_DIST ?? join(ROOT, 'dist-models'));
/** The fixture model the models section measures (models/<id>.json). */
const LARGE = 'synthetic-500';
const BASELINE = join(ROOT, 'tests', 'bench', 'baseline.json');
const args = process.argv.slice(2);
const UPDATE = args.includes('--update-baseline');
const SKIP = new Set((args[args.indexOf('--skip') + 1] ?? '').split(',').filter((_) => args.includes('--skip')));

const BUDGET = {
  firstLoadBr: 150 * 1024,
  firstLoadBrAim: GOALS.startBr,
  latencyMs: GOALS.interactionMs,
  // The team page aggregating pasted links, up to 500, a history of up to
  // 200 snapshots, a compare.
  teamMs: GOALS.manyMs,
  growth: 0.05,
};
const THROTTLE = 4;
/** Team sizes the bench pastes, as a workshop of a large organisation might. */
const TEAM_SIZES = [10, 100, 500];
/** Snapshots in the histories the bench opens. */
const HISTORY_SIZES = [20, 100, 200];
const CLICKS = 31; // every question once: each click changes the progress count

const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) =>
  brotliCompressSync(b, {
    params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: b.length },
  }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const out = [];
const say = (line = '') => out.push(line);

async function listFiles(dir) {
  const files = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.push(relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));
  }
  return files.sort();
}

async function sizes(path, dir = DIST) {
  const bytes = await readFile(join(dir, path));
  return { path, raw: bytes.length, gzip: gz(bytes), br: br(bytes) };
}

/** The brotli bytes of `files` in `dir`, together. */
async function brotliOf(files, dir = DIST) {
  return (await Promise.all(files.map((f) => sizes(f, dir)))).reduce((t, r) => t + r.br, 0);
}

/** Entry pages measured besides the start page (the budget's page). */
const ENTRIES = [
  { name: 'start page (#/)', hash: '#/', ready: (page) => page.getByRole('button', { name: /^(Start the assessment|Resume)$/ }), visible: ['.start__actions button'] },
  { name: 'a questionnaire step (#/q/people)', hash: '#/q/people', ready: (page) => page.locator('fieldset').first(), visible: ['fieldset'] },
  // A mixed result with targets, questionnaire version 2 (engine/tests/link.rs
  // golden vector): what a colleague sends today.
  // Visible: the level, the profile table and the radar.
  { name: 'a shared result link (#/r/…)', hash: '#/r/BAQIBkauIkbRu0kjbSRNgpYBmPg', ready: (page) => page.getByTestId('scores-table'), visible: ['.results__title', '[data-testid="scores-table"]', '[data-testid="radar-chart"] svg'] },
];

/**
 * Notes, in the page, when every selector in `selectors` first matches
 * (`window.__visibleAt`, a performance.now() time): what the bench counts
 * as the entry's content being visible.
 */
const watchVisible = (selectors) => `(() => {
  const sels = ${JSON.stringify(selectors)};
  window.__visibleAt = null;
  const check = () => {
    if (window.__visibleAt == null && sels.every((s) => document.querySelector(s))) window.__visibleAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

/**
 * The dist/ files the page fetches until it is usable, service workers off.
 * With `out`, `out.beforeVisible` gets those it asked for before the
 * entry's content was visible (`entry.visible`).
 */
async function firstLoadFiles(entry = ENTRIES[0], dir = DIST, init = null, out = null) {
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    if (init) await context.addInitScript(init);
    if (out && entry.visible) await context.addInitScript(watchVisible(entry.visible));
    const page = await context.newPage();
    const seen = new Set();
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin !== server.url) return;
      let path = decodeURIComponent(url.pathname).replace(/^\//, '');
      if (path === '' || path.endsWith('/')) path += 'index.html';
      seen.add(path);
    });
    await page.goto(`${server.url}/${entry.hash}`, { waitUntil: 'networkidle' });
    await entry.ready(page).waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    // What the head links but a headless tab may not fetch: manifest, icons.
    const linked = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="manifest"], link[rel~="icon"]')].map((l) => l.getAttribute('href')));
    if (out && entry.visible) {
      const early = await page.evaluate(() => [location.pathname, ...performance.getEntriesByType('resource')
        .filter((e) => window.__visibleAt != null && e.startTime <= window.__visibleAt)
        .map((e) => new URL(e.name).pathname)]);
      out.beforeVisible = [...new Set(early.map((p) => decodeURIComponent(p).replace(/^\//, '') || 'index.html'))]
        .filter((p) => existsSync(join(dir, p))).sort();
    }
    for (const href of linked) seen.add(new URL(href, `${server.url}/`).pathname.replace(/^\//, ''));
    const manifestHref = linked.find((h) => h.endsWith('.webmanifest'));
    if (manifestHref) {
      const manifest = JSON.parse(await readFile(join(dir, manifestHref), 'utf8'));
      // Chromium fetches the icon it shows for the app (the 192 px one).
      const icon = manifest.icons?.find((i) => i.sizes === '192x192');
      if (icon) seen.add(new URL(icon.src, `${server.url}/${manifestHref}`).pathname.replace(/^\//, ''));
    }
    await context.close();
    return [...seen].filter((p) => existsSync(join(dir, p))).sort();
  } finally {
    await browser.close();
    await server.close();
  }
}

function compare(name, now, base) {
  if (base == null) return '';
  const growth = (now - base) / base;
  const sign = growth >= 0 ? '+' : '';
  const flag = growth > BUDGET.growth ? ` **⚠ grew ${sign}${(growth * 100).toFixed(1)} % (> 5 %)**` : ` (${sign}${(growth * 100).toFixed(1)} %)`;
  return flag;
}

async function sizeSection(baseline) {
  const all = await listFiles(DIST);
  const first = await firstLoadFiles();
  const rows = await Promise.all(first.map((p) => sizes(p)));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), { raw: 0, gzip: 0, br: 0 });

  say('## Transfer size');
  say();
  say('First load: every file the page fetches until it is usable, plus the manifest and icons it links (KiB = 1024 bytes).');
  say();
  say('| file | raw | gzip -9 | brotli 11 |');
  say('|---|---:|---:|---:|');
  for (const r of rows) say(`| ${r.path} | ${KiB(r.raw)} | ${KiB(r.gzip)} | ${KiB(r.br)} |`);
  say(`| **first load** | **${KiB(total.raw)}** | **${KiB(total.gzip)}** | **${KiB(total.br)}** |`);
  say();
  const ok = total.br <= BUDGET.firstLoadBr;
  const aim = total.br <= BUDGET.firstLoadBrAim;
  say(`Budget: first load, brotli ${KiB(total.br)} ≤ ${KiB(BUDGET.firstLoadBr)} (aim ${KiB(BUDGET.firstLoadBrAim)}): ` +
    `**${ok ? (aim ? 'PASS (within aim)' : 'PASS (above aim)') : 'FAIL'}**`);

  // The main module (wasm-bindgen's `_bg.wasm`), its JS glue, and the
  // lazily loaded chunks (scripts/split.mjs), which the first load skips.
  const wasm = all.find((p) => p.endsWith('_bg.wasm'));
  const js = all.find((p) => /^mlops-maturity-[^/]*\.js$/.test(p)) ?? all.find((p) => p.endsWith('.js') && p !== 'sw.js');
  const chunks = all.filter((p) => p.endsWith('.wasm') && p !== wasm);
  const parts = {};
  say();
  say('| part | raw | gzip -9 | brotli 11 | vs baseline (brotli) |');
  say('|---|---:|---:|---:|---|');
  for (const [name, path] of [['wasm', wasm], ['JS glue', js], ['sw.js', 'sw.js']]) {
    if (!path || !existsSync(join(DIST, path))) continue;
    const s = await sizes(path);
    parts[name] = s;
    say(`| ${name} (${path}) | ${KiB(s.raw)} | ${KiB(s.gzip)} | ${KiB(s.br)} | ${compare(name, s.br, baseline?.sizes?.[name]?.br).trim()} |`);
  }
  if (chunks.length) {
    const c = (await Promise.all(chunks.map((p) => sizes(p)))).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), { raw: 0, gzip: 0, br: 0 });
    parts['lazy wasm chunks'] = c;
    say(`| lazy wasm chunks (${chunks.length} files, not in the first load) | ${KiB(c.raw)} | ${KiB(c.gzip)} | ${KiB(c.br)} | ` +
      `${compare('lazy wasm chunks', c.br, baseline?.sizes?.['lazy wasm chunks']?.br).trim()} |`);
  }
  say(`| first load | ${KiB(total.raw)} | ${KiB(total.gzip)} | ${KiB(total.br)} | ${compare('first load', total.br, baseline?.sizes?.firstLoad?.br).trim()} |`);

  // Other ways in: a reload mid-questionnaire, a shared link.
  say();
  say('First load by entry page (brotli; the budget is the start page\'s):');
  say();
  say('"Before visible" counts the files the page asked for before its content was on screen (the start page\'s buttons, the step\'s questions; for a shared result the level, the profile table and the radar; goal ≤ 140 KiB brotli). "Until quiet" counts every file fetched until the network is idle, including what the page loads once the content is shown.');
  say();
  say('| entry page | files before visible | brotli before visible | files until quiet | wasm files | brotli until quiet |');
  say('|---|---:|---:|---:|---:|---:|');
  const entries = {};
  for (const entry of ENTRIES) {
    const out = {};
    const files = await firstLoadFiles(entry, DIST, null, out);
    const br = await brotliOf(files);
    const early = out.beforeVisible ? await brotliOf(out.beforeVisible) : NaN;
    entries[entry.name] = { br, beforeVisibleBr: early, files: files.length, beforeVisibleFiles: out.beforeVisible?.length };
    say(`| ${entry.name} | ${out.beforeVisible?.length ?? '–'} | ${Number.isFinite(early) ? KiB(early) : '–'} | ${files.length} | ${files.filter((f) => f.endsWith('.wasm')).length} | ${KiB(br)} |`);
  }

  // What the service worker downloads on top, once the page is up.
  if (existsSync(join(DIST, 'sw.js'))) {
    const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
    const listed = [...sw.matchAll(/\{"path":"([^"]+)"/g)].map((m) => (m[1] === './' ? 'index.html' : m[1]));
    if (listed.length) {
      const extra = (await Promise.all(listed.filter((p) => !first.includes(p)).map((p) => sizes(p))));
      const extraBr = extra.reduce((t, r) => t + r.br, 0);
      say();
      say(`Service worker precache: ${listed.length} files; beyond the first load it fetches ${extra.length} more ` +
        `(${extra.map((r) => r.path).join(', ') || 'none'}), ${KiB(extraBr)} brotli, after the page is usable ` +
        '(the rest is revalidated against the HTTP cache).');
    }
  }
  const growth = [];
  const check = (name, now, base) => { if (base != null && (now - base) / base > BUDGET.growth) growth.push(name); };
  check('first load (brotli)', total.br, baseline?.sizes?.firstLoad?.br);
  for (const [name, s] of Object.entries(parts)) check(`${name} (brotli)`, s.br, baseline?.sizes?.[name]?.br);
  say();
  say(baseline
    ? (growth.length ? `**⚠ Growth over 5 % against tests/bench/baseline.json: ${growth.join(', ')}.**` : 'No size grew more than 5 % against tests/bench/baseline.json.')
    : 'No tests/bench/baseline.json yet: run with --update-baseline to record one.');
  say();
  return {
    firstLoad: total,
    files: Object.fromEntries(rows.map((r) => [r.path.replace(/-[0-9a-f]{8,16}(?=[._])/, '-<hash>'), { raw: r.raw, gzip: r.gzip, br: r.br }])),
    ...Object.fromEntries(Object.entries(parts).map(([k, s]) => [k, { raw: s.raw, gzip: s.gzip, br: s.br }])),
    entries,
  };
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json',
};

/** dist/ as a CDN would serve it: brotli, immutable hashed files, no-cache for the rest. */
async function startCdnServer() {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(DIST, path));
      if (!file.startsWith(DIST + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if (!cache.has(file)) {
        const raw = await readFile(file);
        cache.set(file, { raw, br: brotliCompressSync(raw, { params: { [Z.BROTLI_PARAM_QUALITY]: 11 } }) });
      }
      const { raw, br: brBody } = cache.get(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const compress = /text|javascript|wasm|json|svg/.test(type) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': type,
        'cache-control': /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(compress ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
      });
      res.end(compress ? brBody : raw);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

/** Runs a command to completion without blocking this process's servers. */
function run(cmd, argv, env = {}) {
  return new Promise((ok) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => ok({ code, stdout, stderr }));
    child.on('error', (err) => ok({ code: -1, stdout, stderr: String(err) }));
  });
}

/** The entries Lighthouse measures: every page a user can land on. */
const LH_ENTRIES = [
  { name: 'start page', hash: '#/' },
  { name: 'shared result', hash: ENTRIES[2].hash },
  { name: 'questionnaire step', hash: '#/q/people' },
  { name: 'own results (no draft yet)', hash: '#/results' },
  { name: 'compare', hash: `#/compare/${ENTRIES[2].hash.slice(4)}/${ENTRIES[2].hash.slice(4)}` },
  { name: 'team', hash: '#/team' },
];

/** Lighthouse runs per entry, and the entries to run (by name; all when empty). */
const LH_RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3) || 3);
const LH_ONLY = (process.env.BENCH_LH_ONLY ?? '').split(',').filter(Boolean);

/** The goals every entry is held to (Lighthouse mobile defaults). */
const LH_GOAL = { performance: GOALS.performance, lcpMs: GOALS.lcpMs, tbtMs: GOALS.tbtMs, cls: GOALS.cls };

/** One Lighthouse run of `url`: the report, or the reason it failed. */
async function lighthouseRun(bin, url, dir) {
  const path = join(dir, 'report.json');
  await rm(path, { force: true });
  const r = await run(bin, [
    url,
    '--quiet', '--output=json', `--output-path=${path}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
  ], { CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  if (r.code !== 0 || !existsSync(path)) {
    return { error: `lighthouse failed (exit ${r.code}):\n${r.stderr.trim().split('\n').slice(-15).join('\n')}` };
  }
  return { lhr: JSON.parse(await readFile(path, 'utf8')) };
}

async function lighthouseSection(baseline) {
  say('## Lighthouse');
  say();
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) { say('lighthouse is not installed (npm ci): skipped.'); say(); return null; }
  const server = await startCdnServer();
  const dir = await mkdtemp(join(tmpdir(), 'lh-'));
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  const results = {};
  let version = null;
  try {
    for (const entry of LH_ENTRIES.filter((e) => !LH_ONLY.length || LH_ONLY.some((o) => e.name.includes(o)))) {
      // Several runs: the one with the median performance score is
      // reported in full, beside every run's spread.
      const runs = [];
      let error = null;
      for (let i = 0; i < LH_RUNS; i += 1) {
        const r = await lighthouseRun(bin, `${server.url}/${entry.hash}`, dir);
        if (r.error) { error = r.error; break; }
        runs.push(r.lhr);
      }
      if (error) {
        say(`${entry.name}: ${error}`);
        say();
        continue;
      }
      const perfOf = (l) => l.categories.performance?.score ?? 0;
      const tbtOf = (l) => l.audits['total-blocking-time']?.numericValue ?? NaN;
      const lcpOf = (l) => l.audits['largest-contentful-paint']?.numericValue ?? NaN;
      const lhr = [...runs].sort((a, b) => perfOf(a) - perfOf(b))[runs.length >> 1];
      const range = (f, fmt) => `${fmt(Math.min(...runs.map(f)))}–${fmt(Math.max(...runs.map(f)))}`;
      const spread = {
        runs: runs.length,
        performance: range((l) => Math.round(perfOf(l) * 100), String),
        lcp: range(lcpOf, (v) => (v / 1000).toFixed(2)),
        tbt: range(tbtOf, (v) => String(Math.round(v))),
      };
      version = `${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}`;
      const audit = (id) => lhr.audits[id];
      const scores = Object.fromEntries(cats.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const metrics = {
        lcpMs: audit('largest-contentful-paint')?.numericValue,
        tbtMs: audit('total-blocking-time')?.numericValue,
        cls: audit('cumulative-layout-shift')?.numericValue,
        fcpMs: audit('first-contentful-paint')?.numericValue,
      };
      // The audits that cost points, and what shifts, so whoever owns them can act.
      const lost = [];
      for (const c of cats) {
        for (const ref of lhr.categories[c].auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative') {
            lost.push(`${c}: ${a.id} (${a.title}) score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}`);
          }
        }
      }
      const lcpItem = audit('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node;
      if (lcpItem) lost.push(`LCP element: ${(lcpItem.selector ?? lcpItem.snippet ?? '?').slice(0, 90)}`);
      const phases = audit('largest-contentful-paint-element')?.details?.items?.[1]?.items;
      if (phases) lost.push(`LCP phases: ${phases.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(', ')}`);
      const shifts = (audit('layout-shifts')?.details?.items ?? audit('layout-shift-elements')?.details?.items ?? [])
        .map((i) => `${(i.node?.selector ?? i.node?.snippet ?? '?').slice(0, 80)} (${(i.score ?? i.weightedScore ?? 0).toFixed(3)})`);
      results[entry.name] = { hash: entry.hash, scores, metrics, spread, lost, shifts };
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const mark = (ok) => (ok ? 'PASS' : '**MISS**');
  say(`Lighthouse ${version ?? '?'} defaults (simulated slow 4G, 4x CPU), served on loopback with brotli and ` +
    'immutable caching of hashed files. Goals: performance ≥ 98, LCP ≤ 1.2 s, TBT ≤ 100 ms, CLS ≤ 0.01. ' +
    `Each entry is run ${LH_RUNS} times (BENCH_LH_RUNS): the row is the run with the median performance score, ` +
    'and the last columns give the range over all runs.');
  say();
  say('| entry | perf | a11y | best | SEO | FCP | LCP | TBT | CLS | goals | perf range | LCP range (s) | TBT range (ms) |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
  for (const [name, r] of Object.entries(results)) {
    const m = r.metrics;
    const ok = r.scores.performance >= LH_GOAL.performance && m.lcpMs <= LH_GOAL.lcpMs && m.tbtMs <= LH_GOAL.tbtMs && m.cls <= LH_GOAL.cls;
    say(`| ${name} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ` +
      `${(m.fcpMs / 1000).toFixed(2)} s | ${(m.lcpMs / 1000).toFixed(2)} s | ${Math.round(m.tbtMs)} ms | ${m.cls.toFixed(3)} | ${mark(ok)} | ` +
      `${r.spread.performance} | ${r.spread.lcp} | ${r.spread.tbt} |`);
  }
  say();
  for (const [name, r] of Object.entries(results)) {
    if (!r.lost.length && !r.shifts.length) continue;
    say(`${name}:`);
    for (const l of r.lost) say(`- ${l}`);
    for (const sh of r.shifts) say(`- layout shift: ${sh}`);
  }
  say();
  const start = results['start page'];
  // The start page's figures stay where earlier baselines kept them.
  return start ? { scores: start.scores, metrics: start.metrics, entries: results } : { entries: results };
}

/**
 * Main-thread blocking measured in a Chromium trace at 4x CPU (not
 * Lighthouse's simulation, whose spread here is wider than most changes):
 * from navigation until 2 s after the entry's content is shown, the sum
 * over tasks of their time past 50 ms, and the longest task. Median of
 * BLOCKING_RUNS fresh contexts, with the range.
 */
const BLOCKING_RUNS = 5;
const BLOCKING_ENTRIES = [
  { name: 'start page', hash: '#/', ready: '.start__actions' },
  { name: 'shared result', hash: ENTRIES[2].hash, ready: '[data-testid="scores-table"]' },
  { name: 'questionnaire step', hash: '#/q/people', ready: 'fieldset' },
  { name: 'compare', hash: `#/compare/${ENTRIES[2].hash.slice(4)}/${ENTRIES[2].hash.slice(4)}`, ready: '[data-testid="compare-table"]' },
];

async function blockingSection() {
  say(`## Main-thread blocking (Chromium trace, CPU throttled ${THROTTLE}x)`);
  say();
  const server = await startServer(DIST);
  const browser = await launchBrowser();
  const results = {};
  try {
    for (const entry of BLOCKING_ENTRIES) {
      const runs = [];
      for (let i = 0; i < BLOCKING_RUNS; i += 1) {
        const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
        await page.goto(`${server.url}/${entry.hash}`);
        await page.locator(entry.ready).first().waitFor({ timeout: 30_000 });
        const shown = await page.evaluate(() => performance.now());
        await page.waitForTimeout(2000);
        const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
        const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
        const tasks = traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main && e.pid === main.pid && e.tid === main.tid);
        runs.push({
          blocking: tasks.reduce((t, e) => t + Math.max(0, e.dur / 1000 - 50), 0),
          longest: Math.max(0, ...tasks.map((e) => e.dur / 1000)),
          shown,
        });
        await context.close();
      }
      const stat = (k) => ({ median: median(runs.map((r) => r[k])), min: Math.min(...runs.map((r) => r[k])), max: Math.max(...runs.map((r) => r[k])) });
      results[entry.name] = { blocking: stat('blocking'), longest: stat('longest'), shown: stat('shown') };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  say(`Median of ${BLOCKING_RUNS} fresh loads, range in brackets. Blocking: the sum over main-thread tasks of their time past 50 ms, ` +
    'from navigation until 2 s after the content is shown (what TBT counts, measured rather than simulated). Goal: blocking ≤ 100 ms, no task over 50 ms.');
  say();
  say('| entry | content shown | blocking | longest task |');
  say('|---|---:|---:|---:|');
  const ms = (s) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
  for (const [name, r] of Object.entries(results)) say(`| ${name} | ${ms(r.shown)} | ${ms(r.blocking)} | ${ms(r.longest)} |`);
  say();
  return results;
}

/**
 * In the page: runs `act`, then resolves with the time until `changed()` is
 * true (checked on every DOM mutation) and until the next frame after it.
 */
const MEASURE = `
window.__measure = (act, changed) => new Promise((resolve) => {
  let tChange = null;
  const done = () => requestAnimationFrame(() => resolve({ update: tChange - t0, frame: performance.now() - t0 }));
  const mo = new MutationObserver(() => {
    if (tChange === null && changed()) { tChange = performance.now(); mo.disconnect(); done(); }
  });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const t0 = performance.now();
  act();
  if (tChange === null && changed()) { tChange = performance.now(); mo.disconnect(); done(); }
  setTimeout(() => { if (tChange === null) { mo.disconnect(); resolve({ update: NaN, frame: NaN }); } }, 10000);
});
// The same, with the longest task while it works (settled 50 ms after).
window.__measureTasks = (act, changed) => {
  const tasks = [];
  const watch = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
  watch.observe({ type: 'longtask' });
  return window.__measure(act, changed).then((m) => new Promise((done) => setTimeout(() => {
    watch.disconnect();
    done({ ...m, longest: Math.max(0, ...tasks) });
  }, 50)));
};`;

/**
 * Clicks the third answer of each question in turn (at most `limit`), each
 * until the progress count changes: the samples of __measure.
 */
async function clickAnswers(page, questions, limit) {
  const samples = [];
  for (const q of questions.slice(0, limit)) {
    const sel = `[data-testid="question-${q.id}"] input[type="radio"]`;
    await page.locator(sel).nth(2).waitFor({ state: 'attached' });
    samples.push(await page.evaluate((sel) => {
      const progress = () => document.querySelector('[data-testid="progress"]')?.textContent ?? '';
      const before = progress();
      const input = document.querySelectorAll(sel)[2];
      return window.__measure(() => input.click(), () => progress() !== before);
    }, sel));
  }
  return samples;
}

async function latencySection(baseline) {
  say(`## Interaction latency (Chromium, CPU throttled ${THROTTLE}x)`);
  say();
  const server = await startServer(DIST);
  const browser = await launchBrowser();
  const results = {};
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(MEASURE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}/#/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Start the assessment', exact: true }).waitFor({ timeout: 20_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

    // 1. A click on an answer, until the progress count changes.
    const answers = [];
    const dims = JSON.parse(await readFile(join(ROOT, 'engine', 'data', 'mlops-maturity-model.json'), 'utf8'));
    for (const dim of dims.dimensions.map((d) => d.id)) {
      await page.goto(`${server.url}/#/q/${dim}`);
      await page.getByTestId('progress').waitFor();
      answers.push(...await clickAnswers(page, dims.questions.filter((x) => x.dimension === dim), CLICKS - answers.length));
    }
    results.answer = summarise(answers);

    // 2. On the results page, a change of target level until the page shows
    //    it (the radar draws scores only; targets change the text and roadmap).
    await page.goto(`${server.url}/#/results`);
    await page.locator('select[id^="target-"]').first().waitFor({ timeout: 10_000 }).catch(() => {});
    const selects = await page.locator('select[id^="target-"]').count();
    if (selects > 0) {
      const targets = [];
      for (let i = 0; i < 24; i += 1) {
        const r = await page.evaluate(([i, n]) => {
          const select = document.querySelectorAll('select[id^="target-"]')[i % n];
          const chart = () => document.querySelector('main')?.innerHTML ?? '';
          const before = chart();
          const next = String((Number(select.value || 0) % 4) + 1);
          return window.__measure(() => {
            select.value = next;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }, () => chart() !== before);
        }, [i, selects]);
        targets.push(r);
      }
      results.target = summarise(targets);
    }

    // 3. The team page: 10, 100 and 500 different results pasted at once
    //    (n and n - 1 in turn, so each paste changes the count), until it
    //    reports them all aggregated. (The same link twice would count once.)
    //    The longest task while it works is recorded too (goal: none > 50 ms).
    const share = await page.getByTestId('share-link').inputValue().catch(() => null);
    if (share) {
      const base = share.slice(0, share.indexOf('#/r/') + 4);
      const all = distinctLinks(500, dims.questions.length, { code: dims.code, version: dims.version }).map((p) => base + p);
      await page.goto(`${server.url}/#/team`);
      await page.getByLabel('Result links, one per line').waitFor({ timeout: 10_000 });
      results.team = {};
      for (const size of TEAM_SIZES) {
        const pastes = [];
        let longest = 0;
        for (let i = 0; i < 4; i += 1) {
          const n = i % 2 ? size - 1 : size;
          const r = await page.evaluate(([text, n]) => {
            const area = document.querySelector('textarea');
            const count = () => document.querySelector('[data-testid="team-count"]')?.textContent ?? '';
            // Drawn: the count, the spread table of n results, and every
            // disagreement (the list fills in per task).
            const drawn = () => (document.querySelector('[data-testid="team-spread"] caption')?.textContent ?? '').endsWith(`across ${n} results`)
              && !document.querySelector('[data-testid="team-disagreements"] [aria-busy="true"]');
            return window.__measureTasks(() => {
              area.value = text;
              area.dispatchEvent(new Event('input', { bubbles: true }));
            }, () => count().includes(`${n} results`) && drawn());
          }, [all.slice(0, n).join('\n'), n]);
          longest = Math.max(longest, r.longest ?? 0);
          pastes.push(r);
        }
        results.team[size] = { ...summarise(pastes), longestTask: longest };
      }
    }
    // 4. Histories of HISTORY_SIZES snapshots (distinct results), opened
    //    from the results page: the route change until every snapshot is
    //    listed (the list fills in per task), with the longest task. And a
    //    compare of two of them.
    if (share) {
      const links = distinctLinks(Math.max(...HISTORY_SIZES), dims.questions.length, { code: dims.code, version: dims.version });
      const now = Date.now();
      const open = async (hash, done) => page.evaluate(([hash, done]) => window.__measureTasks(
        () => { location.hash = hash; },
        () => document.querySelectorAll(done.selector).length >= done.count,
      ), [hash, done]);
      const backToResults = async () => {
        await page.goto(`${server.url}/#/results`);
        await page.getByTestId('scores-table').waitFor({ timeout: 10_000 });
      };
      results.history = {};
      const compares = [];
      for (const size of HISTORY_SIZES) {
        const wire = JSON.stringify({
          format: 1,
          snapshots: links.slice(0, size).map((link, i) => ({ id: `s${now - i * 60_000}`, label: i % 3 ? '' : `Sprint ${i}`, saved_ms: now - i * 60_000, link })),
        });
        await page.evaluate((w) => localStorage.setItem('mlops-maturity:history', w), wire);
        // A reload, so that the app reads the history it now holds.
        await page.goto(`${server.url}/#/results`);
        await page.reload();
        await page.getByTestId('scores-table').waitFor({ timeout: 10_000 });
        const history = [];
        for (let i = 0; i < 4; i += 1) {
          history.push(await open('#/history', { selector: '[data-testid="history-list"] li.snapshot-item', count: size }));
          await backToResults();
          if (size === Math.max(...HISTORY_SIZES)) {
            compares.push(await open(`#/compare/${links[i]}/${links[i + 1]}`, { selector: '[data-testid="compare-table"]', count: 1 }));
            await backToResults();
          }
        }
        results.history[size] = { ...summarise(history), longestTask: Math.max(...history.map((r) => r.longest ?? 0)) };
      }
      results.compare = { ...summarise(compares), longestTask: Math.max(...compares.map((r) => r.longest ?? 0)) };
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  say(`Time from dispatching the event until the DOM shows the change ("update"), and until the next animation frame after it ("frame"). Budget: median update < ${BUDGET.latencyMs} ms; the team page's links, up to 500, < ${BUDGET.teamMs} ms.`);
  say();
  say('| interaction | n | median update | p90 update | max update | median frame | budget |');
  say('|---|---:|---:|---:|---:|---:|---|');
  const row = (name, r, budget = BUDGET.latencyMs) => {
    if (!r) return;
    const ok = r.median < budget;
    say(`| ${name} | ${r.n}${r.missed ? ` (${r.missed} never changed)` : ''} | ${r.median.toFixed(1)} ms | ${r.p90.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.frameMedian.toFixed(1)} ms | ${ok ? 'PASS' : '**FAIL**'} |`);
  };
  row('answer click → progress', results.answer);
  row('results: target level → page updated', results.target);
  if (!results.target) say('| results: target level → page updated | – | no target selects on the results page | | | | |');
  for (const size of TEAM_SIZES) {
    row(`team: ${size} links pasted → counted and drawn`, results.team?.[size], BUDGET.teamMs);
  }
  if (!results.team) say('| team: links pasted | – | no share link on the results page | | | | |');
  for (const size of HISTORY_SIZES) {
    row(`history: ${size} snapshots opened → all listed`, results.history?.[size], BUDGET.teamMs);
  }
  row('compare: two results opened → table shown', results.compare, BUDGET.teamMs);
  if (results.team) {
    say();
    // The Long Tasks API reports only tasks over 50 ms: 0 means none.
    const task = (v) => (v > 0 ? `${Math.round(v)} ms` : 'none over 50 ms');
    say(`Team page, longest task while it works (goal: none over 50 ms): ${TEAM_SIZES.map((n) => `${n} links ${task(results.team[n].longestTask)}`).join(', ')}.`);
    const perAdded = (r, sizes) => {
      const [a, b] = [sizes[0], sizes[sizes.length - 1]];
      return ((r[b].median - r[a].median) / (b - a)).toFixed(2);
    };
    say(`Cost per added link (median, ${TEAM_SIZES[0]} → ${TEAM_SIZES[TEAM_SIZES.length - 1]}): ${perAdded(results.team, TEAM_SIZES)} ms.`);
    if (results.history) {
      say(`History, longest task while it fills in (goal: none over 50 ms): ${HISTORY_SIZES.map((n) => `${n} snapshots ${task(results.history[n].longestTask)}`).join(', ')}; ` +
        `cost per added snapshot ${perAdded(results.history, HISTORY_SIZES)} ms. Opening a compare: longest task ${task(results.compare.longestTask)}.`);
    }
  }
  say();
  return results;
}

function summarise(samples) {
  const ok = samples.filter((s) => Number.isFinite(s.update));
  const updates = ok.map((s) => s.update);
  return {
    n: ok.length,
    missed: samples.length - ok.length,
    median: updates.length ? median(updates) : NaN,
    p90: updates.length ? pct(updates, 90) : NaN,
    max: updates.length ? Math.max(...updates) : NaN,
    frameMedian: ok.length ? median(ok.map((s) => s.frame)) : NaN,
  };
}

/**
 * A site built with the fixture models beside the built-in one
 * (BENCH_MODELS_DIST, default dist-models/, made by scripts/test.sh
 * build-models): what listing them adds to the start page's first load, the
 * first load of the 500-question model when chosen, and an answer click on
 * its first step at 4x throttle.
 */
async function modelsSection() {
  say('## A site with the fixture models');
  say();
  if (!existsSync(join(MODELS_DIST, 'models', `${LARGE}.json`))) {
    say(`Not measured: ${relative(ROOT, MODELS_DIST) || MODELS_DIST} has no models/${LARGE}.json. Build it with ` +
      '`MODELS=models/example-small.json,models/synthetic-500.json trunk build --release --dist dist-models`.');
    say();
    return null;
  }
  const startReady = ENTRIES[0];
  const plain = await brotliOf(await firstLoadFiles(startReady), DIST);
  const listed = await brotliOf(await firstLoadFiles(startReady, MODELS_DIST), MODELS_DIST);
  const choose = `localStorage.setItem('mlops-maturity:model', ${JSON.stringify(LARGE)});`;
  const large = await firstLoadFiles({ ...startReady, hash: '#/' }, MODELS_DIST, choose);
  const largeBr = await brotliOf(large, MODELS_DIST);
  say('| first load (brotli 11) | files | brotli | goal |');
  say('|---|---:|---:|---|');
  say(`| start page, built-in model only (MODELS unset, ${relative(ROOT, DIST) || DIST}) | | ${KiB(plain)} | ≤ ${KiB(BUDGET.firstLoadBrAim)} |`);
  say(`| start page, the built-in model in use, two more listed | | ${KiB(listed)} | listing adds ${KiB(listed - plain)} |`);
  say(`| start page, the 500-question model chosen | ${large.length} | ${KiB(largeBr)} | fetched only when chosen |`);
  say();

  const server = await startServer(MODELS_DIST);
  const browser = await launchBrowser();
  const clicks = [];
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(MEASURE);
    await context.addInitScript(choose);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const model = JSON.parse(await readFile(join(ROOT, 'models', `${LARGE}.json`), 'utf8'));
    const dim = model.dimensions[0].id;
    await page.goto(`${server.url}/#/q/${dim}`);
    await page.getByTestId('progress').waitFor({ timeout: 30_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    clicks.push(...await clickAnswers(page, model.questions.filter((x) => x.dimension === dim), 40));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const r = summarise(clicks);
  say(`Answer click on the 500-question model's first step (100 questions on the page), Chromium, CPU throttled ${THROTTLE}x, until the progress count changes:`);
  say();
  say('| interaction | n | median update | p90 update | max update | median frame | budget |');
  say('|---|---:|---:|---:|---:|---:|---|');
  say(`| answer click → progress (500 questions) | ${r.n}${r.missed ? ` (${r.missed} never changed)` : ''} | ${r.median.toFixed(1)} ms | ${r.p90.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.frameMedian.toFixed(1)} ms | ${r.median < BUDGET.latencyMs ? 'PASS' : '**FAIL**'} |`);
  say();
  return { firstLoad: { plain, listed, large: largeBr }, answer: r };
}

/** The crate an item of `twiggy top` belongs to, from its (demangled) name. */
function crateOf(item) {
  if (/^data segment|^"?function names|^custom section|^elem|^table|^type|^import|^export|^global|^memory|^wasm magic|^code\[/.test(item)) {
    return item.startsWith('data segment') ? '(data segments)' : '(wasm structure)';
  }
  const crate = (path) => path.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1] ?? null;
  // `<Self as Trait>::f`: Self's crate, or the trait's for a bare generic `T`.
  const qualified = item.match(/^<+(?:&(?:mut )?)?(?:dyn )?(\S+?)(?:<.*?)? as (\S+?)[<>]/);
  if (qualified) return crate(qualified[1]) ?? crate(qualified[2]) ?? '(other)';
  return crate(item.replace(/^<+/, '')) ?? '(other)';
}

async function twiggySection() {
  say('## Heaviest wasm items (twiggy)');
  say();
  if (spawnSync('sh', ['-c', 'command -v twiggy'], { encoding: 'utf8' }).status !== 0) {
    say('twiggy is not installed (`cargo install twiggy --locked`): skipped.');
    say();
    return;
  }
  // The shipped main module has lost its names to wasm-opt. Redo the last
  // step of scripts/split.mjs on its wasm-bindgen output with -g (keep
  // names): the code is the same as the shipped file's; only the "function
  // names" section is extra.
  const splitDir = join(splitWorkDir(), 'bindgen');
  const mainWasm = existsSync(splitDir) ? (await readdir(splitDir)).find((f) => f.endsWith('_bg.wasm')) : undefined;
  if (!mainWasm) { say(`${relative(ROOT, splitDir)} has no main module (build with trunk first): skipped.`); say(); return; }
  const bindgen = join(splitDir, mainWasm);
  const dir = await mkdtemp(join(tmpdir(), 'twiggy-'));
  try {
    const named = join(dir, 'named.wasm');
    // The wasm-opt trunk uses (npm binaryen, pinned in Trunk.toml), not any other.
    const local = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
    const opt = await run(existsSync(local) ? local : 'wasm-opt', ['-Oz', '-g', ...WASM_FEATURES, bindgen, '-o', named]);
    if (opt.code !== 0) { say(`wasm-opt failed: ${opt.stderr.trim()}`); say(); return; }
    const top = spawnSync('twiggy', ['top', '-n', '11', named], { encoding: 'utf8' });
    say(`\`twiggy top\` of the main module (the first load's wasm) rebuilt with names (\`wasm-opt -Oz -g\`, ${KiB((await stat(named)).size)}; ` +
      'the "function names" row is not shipped):');
    say();
    say('```');
    say((top.stdout || top.stderr).trim());
    say('```');
    say();
    const csv = spawnSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', named], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const byCrate = new Map();
    for (const line of csv.stdout.split('\n').slice(1)) {
      const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
      if (!m) continue;
      const item = (m[1] ?? m[2]).replace(/""/g, '"');
      if (/function names/.test(item)) continue;
      const crate = crateOf(item);
      byCrate.set(crate, (byCrate.get(crate) ?? 0) + Number(m[3]));
    }
    const shipped = [...byCrate.values()].reduce((a, b) => a + b, 0);
    say('Shipped bytes by crate (code attributed by function name; generic code counts for the crate that defines it):');
    say();
    say('| crate | size | share |');
    say('|---|---:|---:|');
    for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      say(`| ${crate} | ${KiB(bytes)} | ${((100 * bytes) / shipped).toFixed(1)} % |`);
    }
    say();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`bench: ${DIST}/index.html not found: build first (trunk build --release)`);
    process.exit(1);
  }
  const baseline = existsSync(BASELINE) ? JSON.parse(await readFile(BASELINE, 'utf8')) : null;
  const build = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/name="build-id" content="([^"]+)"/)?.[1] ?? 'unknown';
  say(`# Benchmark of ${relative(ROOT, DIST) || DIST} (build ${build}), ${new Date().toISOString().slice(0, 10)}`);
  say();
  const current = { build, date: new Date().toISOString().slice(0, 10), sizes: await sizeSection(baseline) };
  if (!SKIP.has('lighthouse')) current.lighthouse = await lighthouseSection(baseline);
  if (!SKIP.has('blocking')) current.blocking = await blockingSection();
  if (!SKIP.has('latency')) current.latency = await latencySection(baseline);
  if (!SKIP.has('models')) current.models = await modelsSection();
  if (!SKIP.has('twiggy')) await twiggySection();
  console.log(out.join('\n'));
  if (UPDATE) {
    await writeFile(BASELINE, `${JSON.stringify(current, null, 2)}\n`);
    console.log(`\nbench: baseline written to ${relative(ROOT, BASELINE)}`);
    const readmePath = join(ROOT, 'README.md');
    const readme = withTable(await readFile(readmePath, 'utf8'), budgetTable(current));
    if (readme) {
      await writeFile(readmePath, readme);
      console.log('bench: README.md budget table regenerated from it');
    } else {
      console.log('bench: README.md has no budget table markers: not regenerated');
    }
  }
}

main().catch((err) => {
  console.log(out.join('\n'));
  console.error(`bench: ${err.stack ?? err}`);
  process.exit(1);
});
