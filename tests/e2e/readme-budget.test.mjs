// The README's budget table is the one tests/bench/baseline.json makes
// (tests/bench/readme.mjs): a baseline recorded without regenerating the
// README, or a README table edited by hand, fails here. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { budgetTable, withTable, BEGIN, END } from '../bench/readme.mjs';

test('the README budget table is made from the recorded baseline', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const baseline = JSON.parse(readFileSync(join(ROOT, 'tests', 'bench', 'baseline.json'), 'utf8'));
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  assert.ok(a >= 0 && b > a, 'README.md has the budget table markers');
  assert.equal(readme.slice(a, b + END.length), budgetTable(baseline),
    'README.md\'s budget table differs from tests/bench/baseline.json: run scripts/bench.sh --update-baseline');
});

test('the budget table says which goals are missed', () => {
  const baseline = {
    build: 'x',
    date: '2026-01-01',
    sizes: { entries: { 'start page (#/)': { beforeVisibleBr: 100 * 1024 }, 'a shared result link (#/r/…)': { beforeVisibleBr: 200 * 1024 } } },
    lighthouse: { entries: { 'start page': { scores: { performance: 99 }, metrics: { lcpMs: 900, tbtMs: 50, cls: 0 } } } },
    latency: { team: { 500: { median: 120, p90: 150, longestTask: 80 } }, answer: { median: 5, p90: 9 } },
  };
  const table = budgetTable(baseline);
  const line = (start) => table.split('\n').find((l) => l.startsWith(`| ${start}`));
  assert.match(line('start page'), /≤ 120\.0 KiB: met \| 99 \| 0\.90 s \| 50\.0 ms \| 0\.000 \| met/);
  assert.match(line('shared result'), /200\.0 KiB \| ≤ 140\.0 KiB: \*\*missed\*\* \| – .*not measured/);
  assert.match(line('team: 500 links'), /120 ms \| 150 ms \| 80\.0 ms \| ≤ 300 ms, no task over 50 ms: \*\*missed\*\*/);
  assert.match(line('answer click'), /< 16 ms median, < 25 ms p90: met/);
  assert.equal(withTable('no markers here', table), null);
  assert.equal(withTable(`a\n${BEGIN}\nold\n${END}\nb`, table), `a\n${table}\nb`);
});
