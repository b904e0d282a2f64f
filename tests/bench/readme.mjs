// The README's budget table, made from tests/bench/baseline.json: what
// `scripts/bench.sh --update-baseline` last recorded, beside each goal. The
// bench writes it into README.md between the markers below, and
// tests/e2e/readme-budget.test.mjs checks that the two agree.

export const BEGIN = '<!-- budget table: made by scripts/bench.sh --update-baseline from tests/bench/baseline.json -->';
export const END = '<!-- end of budget table -->';

export const KiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (Number.isFinite(n) ? `${n < 100 ? n.toFixed(1) : Math.round(n)} ms` : '–');
const mark = (ok) => (ok ? 'met' : '**missed**');

/** Goals, as the bench and the issue state them. */
export const GOALS = {
  startBr: 120 * 1024,
  visibleBr: 140 * 1024,
  performance: 98,
  lcpMs: 1200,
  tbtMs: 100,
  cls: 0.01,
  blockingMs: 100,
  taskMs: 50,
  interactionMs: 16,
  interactionP90Ms: 25,
  manyMs: 300,
};

/** The README block (markers included) for `baseline`. */
export function budgetTable(baseline) {
  const lines = [BEGIN, ''];
  const say = (l = '') => lines.push(l);
  say(`Recorded ${baseline.date ?? 'on an unknown date'} for build \`${baseline.build ?? '?'}\` on this 2-core machine.`);
  say();
  const entries = baseline.sizes?.entries ?? {};
  const lh = baseline.lighthouse?.entries ?? {};
  const blocking = baseline.blocking ?? {};
  // Bytes: brotli, asked for before the content is visible.
  say('| entry | brotli before visible | goal | Lighthouse perf | LCP | TBT | CLS | goals (≥ 98, ≤ 1.2 s, ≤ 100 ms, ≤ 0.01) | blocking in a trace | longest task |');
  say('|---|---:|---|---:|---:|---:|---:|---|---:|---:|');
  const rows = [
    ['start page', 'start page (#/)', 'start page', 'start page', GOALS.startBr],
    ['shared result', 'a shared result link (#/r/…)', 'shared result', 'shared result', GOALS.visibleBr],
    ['questionnaire step', 'a questionnaire step (#/q/people)', 'questionnaire step', 'questionnaire step', null],
    ['own results (no draft yet)', null, 'own results (no draft yet)', null, null],
    ['compare', null, 'compare', 'compare', null],
    ['team', null, 'team', null, null],
  ];
  for (const [name, sizeKey, lhKey, blockKey, byteGoal] of rows) {
    const s = sizeKey ? entries[sizeKey] : null;
    const l = lh[lhKey];
    const b = blockKey ? blocking[blockKey] : null;
    const bytes = s && Number.isFinite(s.beforeVisibleBr) ? KiB(s.beforeVisibleBr) : '–';
    const byteMark = s && byteGoal ? `≤ ${KiB(byteGoal)}: ${mark(s.beforeVisibleBr <= byteGoal)}` : '';
    const m = l?.metrics;
    const lhOk = l && l.scores.performance >= GOALS.performance && m.lcpMs <= GOALS.lcpMs && m.tbtMs <= GOALS.tbtMs && m.cls <= GOALS.cls;
    say(`| ${name} | ${bytes} | ${byteMark} | ${l ? l.scores.performance : '–'} | ${m ? `${(m.lcpMs / 1000).toFixed(2)} s` : '–'} | ` +
      `${m ? ms(m.tbtMs) : '–'} | ${m ? m.cls.toFixed(3) : '–'} | ${l ? mark(lhOk) : 'not measured'} | ` +
      `${b ? ms(b.blocking.median) : '–'} | ${b ? ms(b.longest.median) : '–'} |`);
  }
  say();
  const lat = baseline.latency ?? {};
  say('| at 4× CPU | median | p90 | longest task | goal |');
  say('|---|---:|---:|---:|---|');
  const row = (name, r, goal, tasks) => {
    if (!r || !Number.isFinite(r.median)) return;
    const fast = goal === GOALS.interactionMs ? r.median < goal && r.p90 < GOALS.interactionP90Ms : r.median <= goal;
    const responsive = !tasks || !(r.longestTask > GOALS.taskMs);
    const goalText = goal === GOALS.interactionMs ? `< ${goal} ms median, < ${GOALS.interactionP90Ms} ms p90` : `≤ ${goal} ms${tasks ? `, no task over ${GOALS.taskMs} ms` : ''}`;
    // The Long Tasks API reports only tasks over 50 ms: 0 means none.
    const longest = r.longestTask > 0 ? ms(r.longestTask) : `none over ${GOALS.taskMs} ms`;
    say(`| ${name} | ${ms(r.median)} | ${ms(r.p90)} | ${tasks ? longest : ''} | ${goalText}: ${mark(fast && responsive)} |`);
  };
  row('answer click → progress', lat.answer, GOALS.interactionMs);
  row('results: target level → page updated', lat.target, GOALS.interactionMs);
  for (const [n, r] of Object.entries(lat.team ?? {})) row(`team: ${n} links pasted → counted and drawn`, r, GOALS.manyMs, true);
  for (const [n, r] of Object.entries(lat.history ?? {})) row(`history: ${n} snapshots opened → all listed`, r, GOALS.manyMs, true);
  row('compare: two results opened → table shown', lat.compare, GOALS.manyMs, true);
  say();
  lines.push(END);
  return lines.join('\n');
}

/** `readme` with its budget block replaced by `block`; null without markers. */
export function withTable(readme, block) {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return null;
  return readme.slice(0, a) + block + readme.slice(b + END.length);
}
