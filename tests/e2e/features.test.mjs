// Journeys of the tools: then vs now, the team view, targets, history, exports
// and import, the QR code; every new screen at a phone and a laptop width
// (screenshots in tests/e2e/artifacts/), checked for sideways scroll in the
// light and dark colour schemes (axe audits the same screens: a11y.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openSession, screenshot, VIEWPORTS } from './harness.mjs';
import {
  QUESTIONS, DIMENSIONS, TOTAL, DRAFT_KEY, SHARE_PREFIX, questionsOf, draftJson, seedDraft,
  open, button, knownAnswer, waitForResults, assertKnownResults, readScores, assertFitsWidth, KNOWN_EXPECTED,
  MODEL, text, cells, download, waitForTeam,
} from './app.mjs';
import { distinctLinks } from './links.mjs';

const suite = useSuite();
const HISTORY_KEY = 'mlops-maturity:history';
/** The share link of the draft on screen. */
const shareLink = (page) => page.getByTestId('share-link').inputValue();
const payloadOf = (link) => link.slice(link.indexOf(SHARE_PREFIX) + SHARE_PREFIX.length);

/** A result's share link, made by seeding a throwaway session. */
async function linkFor(t, pick, targets = {}) {
  const s = await openSession(t, suite);
  await seedDraft(s, pick, targets);
  const link = await shareLink(s.page);
  s.expectClean();
  await s.context.close();
  return link;
}

const DATED = (ext) => new RegExp(`^mlops-maturity(-[a-z-]+)?-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);

// A "now" that differs from the known set: Model Release fully in place, and
// one People practice fallen back from Fully to Partially.
const REGRESSED = questionsOf('people').at(-1);
const laterAnswer = (q) => {
  if (q.id === REGRESSED.id) return 'Partially';
  if (q.dimension === 'release') return 'Fully';
  return knownAnswer(q);
};

test('compare: two links show levels then and now, and the regression first', async (t) => {
  const before = await linkFor(t, knownAnswer);
  const after = await linkFor(t, laterAnswer);
  const s = await openSession(t, suite);
  const { page } = s;

  // The form: paste both links, compare.
  await open(s, '#/compare');
  await page.getByLabel('Result link').first().fill(before);
  await page.getByLabel('Result link').nth(1).fill(after);
  await button(page, 'Compare').click();
  await page.getByTestId('compare-table').waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/compare/${payloadOf(before)}/${payloadOf(after)}`, 'the comparison is a shareable URL');

  const release = await cells(page.getByTestId('compare-release'));
  assert.deepEqual(release.slice(0, 5), ['Model Release', '2', '4', '2.0', '4.0'], `release row: ${release}`);
  assert.match(release[5], /\+2\.0/);
  const people = await cells(page.getByTestId('compare-people'));
  assert.equal(people[1], '4', 'people level then');
  assert.ok(Number(people[2]) < 4, `people level now drops: ${people}`);
  assert.match(people[5], /−/, 'a fall shows a minus sign');
  const integration = await cells(page.getByTestId('compare-integration'));
  assert.equal(integration[5], 'No change');

  // Question by question: the regression is listed, first in its dimension.
  const changes = page.getByTestId('compare-questions');
  const peopleItems = changes.getByTestId('changes-people').locator('.change-group__list').first().locator('li');
  const first = await text(peopleItems.first());
  assert.match(first, /^Regressed/, `first People change: ${first}`);
  assert.ok(first.includes(REGRESSED.text), 'the regressed question is named');
  assert.ok(first.includes('Fully → Partially'), first);
  const counts = await text(page.getByTestId('compare-counts'));
  const improved = questionsOf('release').filter((q) => knownAnswer(q) !== 'Fully').length;
  assert.equal(counts, `${improved} improved, 1 regressed, 0 changed otherwise, ${TOTAL - improved - 1} unchanged.`);
  // The chart has both series, told apart by dash and marker as well as colour.
  const svg = page.getByTestId('compare-chart').locator('svg[role="img"]');
  assert.match(await svg.getAttribute('aria-label'), /Then: People 4\.0.*Now: People/);
  // (plotters draws a dashed line as one polyline per dash.)
  assert.ok(await svg.locator('polyline[stroke="#A04A00"][stroke-width="3"]').count() > 1, 'then is dashed');
  assert.equal(await svg.locator('polyline[stroke="#0B5CAD"][stroke-width="3"]').count(), 1, 'now is solid');
  assert.equal(await page.getByTestId('compare-chart').locator('.legend li').count(), 2);

  // The URL alone reproduces it (a fresh context, nothing stored).
  const other = await openSession(t, suite);
  await open(other, `#/compare/${payloadOf(before)}/${payloadOf(after)}`);
  assert.deepEqual((await cells(other.page.getByTestId('compare-release'))).slice(0, 3), ['Model Release', '2', '4']);

  // A damaged payload is explained, not a blank page.
  await open(other, `#/compare/${payloadOf(before)}/garbage`);
  const alert = other.page.getByTestId('notice-compare');
  await alert.waitFor();
  assert.match(await text(alert), /^Now \(the second link\): This link/);
  s.expectClean();
  other.expectClean();
});

test('team: one bad link among three good ones is listed; the rest aggregate, the summary before the disagreements', async (t) => {
  const a = await linkFor(t, knownAnswer);
  const b = await linkFor(t, (q) => (q.dimension === 'integration' ? 'Fully' : knownAnswer(q)));
  // A third person, not the same as the first: People mostly rather than fully in place.
  const c = await linkFor(t, (q) => (q.dimension === 'people' ? 'Mostly' : knownAnswer(q)));
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  const bad = `${a.slice(0, -6)}AAAAAA`;
  await page.getByLabel('Result links, one per line').fill([a, b, bad, '', c].join('\n'));

  const errors = page.getByTestId('team-errors');
  await errors.waitFor();
  const items = await errors.locator('li').allTextContents();
  assert.equal(items.length, 1, `one bad entry: ${items}`);
  assert.match(items[0], /^Line 3: This link is damaged/);
  assert.equal(await text(page.getByTestId('team-count')), '3 results; 1 entry left out.');
  await waitForTeam(page, 3);

  const spread = await cells(page.getByTestId('spread-integration'));
  // b's Application Integration matches level 4, which the model describes
  // alike with 3: it is shown at 3 while its team is at level 2.
  assert.deepEqual(spread, ['Application Integration', '0', '0.0', '0.0', '3.0', '3']);
  const peopleSpread = await cells(page.getByTestId('spread-people'));
  assert.deepEqual(peopleSpread, ['People', '4', '4.0', '4.0', '4.0', '3']);

  // Every integration question is a 3-step disagreement: No twice, Fully once.
  const list = page.getByTestId('team-disagreements');
  const known = questionsOf('integration')[0];
  const item = list.getByTestId(`disagreement-${known.id}`);
  const said = await text(item);
  assert.ok(said.includes(known.text), said);
  assert.ok(said.includes('Answers range from No to Fully (3 steps apart):'), said);
  assert.equal(await item.locator('.dist').getAttribute('aria-label'), 'Answers from 3 people: No 2 · Partially 0 · Mostly 0 · Fully 1');
  const rows = (await item.locator('.dist__row').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
  assert.deepEqual(rows, ['No2', 'Partially0', 'Mostly0', 'Fully1']);
  assert.equal(await list.locator('.disagreement').count(), questionsOf('integration').length);
  // The summary comes first, then the disagreements it leads to.
  const order = await page.evaluate(() => {
    const d = document.querySelector('[data-testid="team-disagreements"]');
    const t = document.querySelector('[data-testid="team-spread"]');
    return t.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the spread table is above the disagreements');
  // Bars are shares of the team: 2 of 3 is two thirds of the width.
  const widths = await item.locator('.dist__bar rect').evaluateAll((r) => r.map((e) => e.getAttribute('width')));
  assert.deepEqual(widths, ['66.7', '0.0', '0.0', '33.3']);
  const band = page.getByTestId('team-chart').locator('svg[role="img"] polygon[opacity="0.2"]');
  assert.equal(await band.count(), 1, 'the range is drawn as a band');

  // The same link pasted twice is one person, and the repeat is named.
  await page.getByLabel('Result links, one per line').fill([a, b, a].join('\n'));
  await page.getByTestId('team-count').filter({ hasText: '2 results; 1 entry left out.' }).waitFor();
  const repeat = await errors.locator('li').allTextContents();
  assert.equal(repeat.length, 1);
  assert.match(repeat[0], /^Line 3: The same result as line 1, so it is counted once\./);

  // The view can be kept: a link that lists the results counted.
  await page.getByLabel('Result links, one per line').fill([a, b, c].join('\n'));
  await page.getByTestId('team-count').filter({ hasText: /^3 results\.$/ }).waitFor();
  await waitForTeam(page, 3);
  const teamLink = await page.getByTestId('team-link').inputValue();
  assert.match(teamLink, /#\/team\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, teamLink);
  const before = await Promise.all(DIMENSIONS.map((d) => cells(page.getByTestId(`spread-${d}`))));
  const later = await openSession(t, suite);
  await later.page.goto(teamLink);
  await later.page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  assert.match(await text(later.page.getByTestId('team-from-link')), /^Opened from a team link with 3 results/);
  await later.page.getByTestId('team-count').filter({ hasText: /^3 results\.$/ }).waitFor();
  await waitForTeam(later.page, 3);
  const after = await Promise.all(DIMENSIONS.map((d) => cells(later.page.getByTestId(`spread-${d}`))));
  assert.deepEqual(after, before, 'the kept view shows the same spread');
  assert.equal(await later.page.getByTestId('team-disagreements').locator('.disagreement').count(), questionsOf('integration').length);
  assert.equal(await later.page.getByTestId('team-link').inputValue(), teamLink, 'the kept view offers the same link');
  later.expectClean();

  // 50 different results aggregate at once (how fast: scripts/bench.sh).
  const base = a.slice(0, a.indexOf('#/r/') + 4);
  const many = distinctLinks(50, QUESTIONS.length, { code: MODEL.code, version: MODEL.version }).map((p) => base + p);
  await page.getByLabel('Result links, one per line').fill(many.join('\n'));
  await page.waitForFunction(() => document.querySelector('[data-testid="team-count"]')?.textContent.includes('50 results'));
  await waitForTeam(page, 50);
  await assert.rejects(errors.waitFor({ state: 'visible', timeout: 300 }), 'no errors left');
  // 50 results still fit one team link; 200 do not, and the page says to keep the files.
  assert.ok((await page.getByTestId('team-link').inputValue()).length <= 4000);
  const more = distinctLinks(200, QUESTIONS.length, { code: MODEL.code, version: MODEL.version }).map((p) => base + p);
  await page.getByLabel('Result links, one per line').fill(more.join('\n'));
  await page.getByTestId('team-link-too-long').waitFor();
  assert.match(await text(page.getByTestId('team-link-too-long')), /^With 200 results the link would be \d+ characters long, more than 4000.*Keep the result files instead/);
  s.expectClean();
});

test('team: result files are read alongside links; a wrong file is reported by name', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const { bytes } = await download(page, 'export-json');
  await open(s, '#/team');
  await page.getByLabel('Or choose result files (.json)').setInputFiles([
    { name: 'alice.json', mimeType: 'application/json', buffer: bytes },
    { name: 'bob.json', mimeType: 'application/json', buffer: Buffer.from(bytes.toString().replace(/"fully"/g, '"no"')) },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"shopping-list"}') },
  ]);
  await page.waitForFunction(() => document.querySelector('[data-testid="team-count"]')?.textContent.startsWith('2 results'));
  await waitForTeam(page, 2);
  const errors = await page.getByTestId('team-errors').locator('li').allTextContents();
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^File notes\.json: This file is a "shopping-list" file/);
  assert.equal((await cells(page.getByTestId('spread-people')))[5], '2');
  s.expectClean();
});

test('targets: set, shared in the link, percent to target shown; the roadmap stops at them', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const panel = page.getByTestId('targets');
  assert.match(await text(page.getByTestId('percent-to-target')), /measured against its next level/);
  // A target is a level to reach: the default is the next level, and
  // there is no "Level 0".
  const options = await panel.getByLabel('Target for Model Release').locator('option').allTextContents();
  assert.deepEqual(options, ['Next level', 'Level 1', 'Level 2', 'Level 3', 'Level 4']);
  // Integration (level 0) against its next level: its level-1 practices, all No.
  const toLevel = (dim, level) => QUESTIONS.filter((q) => q.dimension === dim && q.level <= level
    && level <= (q.until ?? 4) && !['Mostly', 'Fully'].includes(knownAnswer(q))).length;
  const practices = (n) => (n === 1 ? '1 practice' : `${n} practices`);
  assert.equal((await cells(page.getByTestId('target-integration')))[3], practices(toLevel('integration', 1)));
  assert.equal((await cells(page.getByTestId('target-people')))[3], 'At the top');
  await panel.getByLabel('Target for Model Release').selectOption({ label: 'Level 3' });
  await panel.getByLabel('Target for Application Integration').selectOption({ label: 'Level 1' });
  // release 2.0 → 3: gap 1; integration 0.0 → 1: gap 1; 1 − 2/4 = 50 %.
  await page.waitForFunction(() => document.querySelector('[data-testid="percent-to-target"]')?.textContent.includes('50%'));
  assert.equal((await cells(page.getByTestId('target-release')))[3], practices(toLevel('release', 3)));
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
  assert.deepEqual(stored.targets, { release: 3, integration: 1 }, 'targets are saved in the draft');

  // Roadmap: integration level 1 and release level 3 only (technology,
  // people and creation are met; nothing above a target is listed).
  const expectedSteps = QUESTIONS.filter((q) =>
    (q.dimension === 'integration' && q.level <= 1) || (q.dimension === 'release' && q.level === 3)).length;
  const roadmapCheck = async (p) => {
    const ids = await p.getByTestId('roadmap').locator('.roadmap__item').evaluateAll(
      (items) => items.map((i) => i.dataset.testid.replace(/^step-/, '')),
    );
    const levels = ids.map((id) => QUESTIONS.find((q) => q.id === id).level);
    assert.deepEqual(levels, [1, 1, 1, 3], `roadmap: ${ids}`);
    assert.equal(ids.length, expectedSteps);
    // The first steps lead; the rest, by level, are one tap away.
    assert.equal(await p.getByTestId('roadmap-first').locator('.roadmap__item').count(), 3);
    const groups = await p.getByTestId('roadmap-rest').locator('.roadmap__level').allTextContents();
    assert.deepEqual(groups.map((g) => g.match(/level (\d)/)[1]), ['3'], `roadmap groups: ${groups}`);
  };
  await roadmapCheck(page);

  const link = await shareLink(page);
  const reader = await openSession(t, suite);
  await reader.page.goto(link);
  await reader.page.getByTestId('shared-banner').waitFor();
  const theirs = reader.page.getByTestId('targets');
  await theirs.waitFor();
  assert.deepEqual((await cells(reader.page.getByTestId('target-release'))).slice(2), ['Level 3', practices(toLevel('release', 3))]);
  assert.deepEqual((await cells(reader.page.getByTestId('target-people'))).slice(2), ['Next level', 'At the top']);
  assert.match(await text(reader.page.getByTestId('percent-to-target')), /^50% of the way/);
  await roadmapCheck(reader.page);

  // Progress since a baseline: the pasted link of an earlier, weaker result.
  const earlier = await linkFor(t, (q) => (q.dimension === 'release' && q.level === 2 ? 'No' : knownAnswer(q)));
  await panel.getByLabel('Measure progress since').selectOption({ label: 'A result link…' });
  await panel.getByLabel('Baseline result link').fill(earlier);
  await button(page, 'Use this link').click();
  const progress = await text(page.getByTestId('progress-to-date'));
  assert.match(progress, /^Since the pasted result: \d+% of the way/);
  s.expectClean();
  reader.expectClean();
});

test('history: save, reopen, compare, rename, delete', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  await page.getByLabel('Label (optional)').fill('Q3 baseline');
  await button(page, 'Save snapshot').click();
  await page.getByText('Saved “Q3 baseline”.').waitFor();
  const first = await shareLink(page);
  // A second snapshot of a later result, unlabelled.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, draftJson(laterAnswer)]);
  await page.reload();
  await waitForResults(page);
  await button(page, 'Save snapshot').click();
  await page.getByText('Saved “Untitled snapshot”.').waitFor();

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Saved results' }).click();
  const list = page.getByTestId('history-list');
  await list.waitFor();
  const nav = page.getByRole('navigation', { name: 'Pages' });
  assert.equal(await nav.getByRole('link', { name: 'Saved results' }).getAttribute('aria-current'), 'page');
  assert.equal(await nav.getByRole('link', { name: 'Team' }).getAttribute('aria-current'), null);
  const titles = await list.locator('.snapshot-item__title').allTextContents();
  assert.deepEqual(titles, ['Untitled snapshot', 'Q3 baseline'], 'newest first');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), HISTORY_KEY));
  assert.equal(stored.snapshots.length, 2);
  const baseline = stored.snapshots.find((x) => x.label === 'Q3 baseline');
  assert.equal(baseline.link, payloadOf(first), 'a snapshot stores the link payload');
  const item = page.getByTestId(`snapshot-${baseline.id}`);
  assert.match(await text(item), /Level 0 · score 2\.8/);

  // Open → that result, read-only, under its own name.
  await item.getByRole('link', { name: 'Open Q3 baseline' }).click();
  await page.getByTestId('shared-banner').waitFor();
  assert.equal(await text(page.locator('h1').first()), 'Q3 baseline');
  assert.match(await text(page.getByTestId('shared-banner')), /^A result you saved in this browser just now, read-only\./);
  const rows = await readScores(page);
  assert.equal(rows.release.level, KNOWN_EXPECTED.dims.release.level);
  await page.goBack();
  await list.waitFor();

  // Compare the two picked → then vs now.
  await page.getByLabel('Compare Q3 baseline').check();
  await page.getByLabel('Compare Untitled snapshot').check();
  await button(page, 'Compare picked').click();
  await page.getByTestId('compare-table').waitFor();
  assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/compare/${payloadOf(first)}/`));
  assert.match(await text(page.locator('.compare__sides')), /Then: Q3 baseline, saved just now/);
  await page.goBack();
  await list.waitFor();

  // Rename.
  await button(page, 'Rename Q3 baseline').click();
  const field = page.getByLabel('New label');
  assert.equal(await field.inputValue(), 'Q3 baseline', 'renaming starts from the current name');
  await field.fill('Baseline (Sept)');
  await button(page, 'Save label').click();
  await page.getByText('Renamed to “Baseline (Sept)”.').waitFor();
  assert.equal(await text(item.locator('.snapshot-item__title')), 'Baseline (Sept)');

  // Delete, with confirmation; cancelling keeps it.
  await button(page, 'Delete Baseline (Sept)').click();
  await button(page, 'Keep it').click();
  assert.equal(await list.locator('li.snapshot-item').count(), 2);
  await button(page, 'Delete Baseline (Sept)').click();
  await button(page, 'Delete snapshot').click();
  await page.getByText('Snapshot deleted.').waitFor();
  assert.equal(await list.locator('li.snapshot-item').count(), 1);
  const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), HISTORY_KEY));
  assert.deepEqual(after.snapshots.map((x) => x.label), ['']);
  // An untitled snapshot's rename starts from the name it is shown under.
  await button(page, 'Rename Untitled snapshot').click();
  assert.equal(await page.getByLabel('New label').inputValue(), 'Untitled snapshot');
  s.expectClean();
});

test('history: with storage full, saving a snapshot says so and loses nothing', async (t) => {
  const s = await openSession(t, suite, {
    initScripts: [() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'mlops-maturity:history') throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    }],
  });
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const draftBefore = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
  await button(page, 'Save snapshot').click();
  const alert = page.getByTestId('notice-snapshot');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await text(alert), /storage for the page is full.*Nothing else was changed/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), draftBefore, 'the draft is untouched');
  await assertKnownResults(page);
  s.expectClean();
});

test('export: JSON, CSV, Markdown, SVG and PNG downloads hold the result; JSON re-imports elsewhere', async (t) => {
  const s = await openSession(t, suite, {
    initScripts: [() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }],
  });
  const { page } = s;
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url('').replace(/\/$/, '') });
  await seedDraft(s, knownAnswer, { release: 3 });

  const json = await download(page, 'export-json');
  assert.match(json.name, DATED('json'));
  const result = JSON.parse(json.bytes.toString());
  assert.equal(result.kind, 'mlops-maturity-result');
  assert.deepEqual(result.targets, { release: 3 });
  const levels = Object.fromEntries(result.summary.dimensions.map((d) => [d.id, d.level]));
  assert.deepEqual(levels, Object.fromEntries(Object.entries(KNOWN_EXPECTED.dims).map(([d, v]) => [d, v.level])));

  // The result file leads; the other formats are one tap away.
  const more = page.getByTestId('export-more');
  assert.equal(await more.evaluate((d) => d.open), false, 'More formats starts closed');
  assert.equal(await page.getByTestId('export-csv').isVisible(), false);
  await more.locator('summary').click();
  const csv = await download(page, 'export-csv');
  assert.match(csv.name, DATED('csv'));
  const lines = csv.bytes.toString().trim().split('\r\n');
  assert.equal(lines[0], 'dimension,level,question_id,question,answer,note,scope');
  assert.equal(lines.length, TOTAL + 1);
  const q0 = QUESTIONS[0];
  assert.ok(lines.some((l) => l.includes(`,${q0.id},`) && l.endsWith(',Fully,,')), 'a row per question with its answer (no note, no scope)');

  const md = await download(page, 'export-md');
  assert.match(md.name, DATED('md'));
  const mdText = md.bytes.toString();
  assert.ok(mdText.startsWith('# MLOps maturity: next steps'));
  assert.ok(mdText.includes('- Model Release: level 2 (2.0), target 3'));
  assert.ok(mdText.includes('- [ ] **Application Integration**'));
  assert.ok(!mdText.includes('## Toward level 4'), 'the checklist stops at the targets');
  await button(page, 'Copy checklist').click();
  await page.getByText('Checklist copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), mdText);

  const svg = await download(page, 'export-svg');
  assert.match(svg.name, DATED('svg'));
  const svgText = svg.bytes.toString();
  assert.match(svgText, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svgText.includes('aria-label="Radar chart of scores from 0 to 4: People 4.0, Model Creation 4.0, Model Release 2.0, Application Integration 0.0, Technology 4.0."'));
  assert.ok(svgText.trim().endsWith('</svg>'));

  const png = await download(page, 'export-png');
  assert.match(png.name, DATED('png'));
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.bytes.readUInt32BE(16), 450 * 3, 'PNG width: the chart frame (450) at 3x');
  assert.ok(png.bytes.length > 5000, `a real picture (${png.bytes.length} bytes)`);

  await button(page, 'Print report').click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'Print report opens the print dialog');

  // The JSON file, imported in a fresh browser (whose results page offers
  // it, having nothing to report yet), gives the same levels.
  const other = await openSession(t, suite);
  await open(other, '#/results');
  await other.page.getByTestId('results-empty').waitFor();
  await other.page.getByTestId('import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await assertKnownResults(other.page);
  assert.equal(await other.page.getByTestId('targets').getByLabel('Target for Model Release').inputValue(), '3');
  s.expectClean();
  other.expectClean();
});

test('print: the results fit on at most two A4 pages with no controls', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer, { release: 3, integration: 2 });
  // Every part is on the page (some are drawn after the first paint), so
  // that hiding them is what the print styles do.
  for (const part of ['.share', '.export', '.qr', '.snapshot']) await page.locator(part).first().waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.share', '.export', '.qr', '.snapshot']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  assert.ok(await page.getByTestId('radar-chart').isVisible(), 'the chart is printed');
  assert.ok(await page.getByTestId('roadmap').isVisible(), 'the next steps are printed');
  // The report says what it is and when it is from.
  assert.equal(await text(page.locator('h1').first()), 'Your results');
  assert.match(await text(page.getByTestId('results-printed')), /^Answers as of .+\. Printed .+\.$/);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.getByTestId('results-printed').isVisible(), false, 'shown on paper only');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} pages`);
  s.expectClean();
});

test('import: a corrupt file gives an alert and keeps the draft; a good one asks before replacing', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const draftBefore = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
  const input = page.getByTestId('import-file');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":1,"answers":') });
  const alert = page.getByTestId('notice-import');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await text(alert), /^broken\.json: This file can't be imported: .+ Your answers are unchanged\.$/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), draftBefore, 'draft intact');
  await assertKnownResults(page);

  // A valid file of another result: confirmation first; "Keep" keeps.
  const other = Buffer.from(draftJson(() => 'Fully'));
  await input.setInputFiles({ name: 'all-fully.json', mimeType: 'application/json', buffer: other });
  await button(page, 'Keep my answers').click();
  await assertKnownResults(page);
  await input.setInputFiles({ name: 'all-fully.json', mimeType: 'application/json', buffer: other });
  await assert.rejects(alert.waitFor({ state: 'visible', timeout: 300 }), 'the old alert is gone');
  await button(page, 'Replace my answers').click();
  await page.getByText(`Imported all-fully.json: ${TOTAL} answers.`).waitFor();
  const rows = await readScores(page);
  for (const dim of DIMENSIONS) assert.equal(rows[dim].level, 4, dim);
  s.expectClean();
});

test('qr: the share link as a QR code with a text alternative and a large view', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const qr = page.getByTestId('qr-code');
  assert.equal(await qr.getAttribute('role'), 'img');
  assert.match(await qr.getAttribute('aria-label'), /QR code/);
  const d = await qr.locator('path').getAttribute('d');
  assert.match(d, /^M4,4h7v1h-7z/, 'finder pattern in the corner');
  const small = (await qr.locator('svg').boundingBox()).width;
  await button(page, 'Show large (for a projector)').click();
  const code = await qr.locator('svg').boundingBox();
  assert.ok(code.width > small * 1.5, `large ${code.width} vs ${small}`);
  assert.equal(await button(page, 'Show smaller').getAttribute('aria-pressed'), 'true');
  // The large code pushes what follows down instead of covering it, on a
  // desktop and on a phone.
  const apart = (a, b) => a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;
  for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    const svg = await qr.locator('svg').boundingBox();
    const wrapper = await qr.boundingBox();
    assert.ok(Math.abs(wrapper.height - svg.height) < 2, `${size.width}: the code's box holds the code (${wrapper.height} vs ${svg.height})`);
    for (const below of [page.locator('.qr__caption'), button(page, 'Show smaller')]) {
      assert.ok(apart(svg, await below.boundingBox()), `${size.width}: the code overlaps what follows it`);
    }
  }
  s.expectClean();
});

test('keyboard: save, pick, delete and compare without a mouse', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const link = await shareLink(page);
  await page.getByLabel('Label (optional)').focus();
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('Enter');
  await page.getByText('Saved “Keyboard”.').waitFor();

  await open(s, '#/history');
  await page.getByLabel('Compare Keyboard').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByLabel('Compare Keyboard').isChecked(), 'Space picks a snapshot');
  await button(page, 'Delete Keyboard').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('confirm'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Delete snapshot');
  await page.keyboard.press('Enter');
  await page.getByTestId('history-empty').waitFor();

  await open(s, '#/compare');
  await page.getByLabel('Pick a saved result').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type(link);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(link);
  await page.keyboard.press('Enter');
  await page.getByTestId('compare-table').waitFor();
  assert.match(await text(page.getByTestId('compare-counts')), new RegExp(`^0 improved, 0 regressed, 0 changed otherwise, ${TOTAL} unchanged`));
  s.expectClean();
});

// Screens, at both sizes, light and dark (axe audits them: a11y.test.mjs).
for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`screens: compare, team, history, results tools on ${device} (${size})`, async (t) => {
    const before = await linkFor(t, knownAnswer);
    const after = await linkFor(t, laterAnswer);
    const mixed = await linkFor(t, (q) => (q.dimension === 'integration' ? 'Fully' : q.dimension === 'people' ? 'Partially' : knownAnswer(q)));
    for (const scheme of ['light', 'dark']) {
      const s = await openSession(t, suite, { viewport });
      const { page } = s;
      await page.emulateMedia({ colorScheme: scheme });
      const shoot = async (name) => {
        await assertFitsWidth(page, `${name} (${scheme})`);
        if (scheme === 'light') await screenshot(page, name);
      };
      await seedDraft(s, knownAnswer, { release: 3, integration: 1 });
      await page.getByLabel('Label (optional)').fill('Q3 baseline');
      await button(page, 'Save snapshot').click();
      await page.getByTestId('targets').scrollIntoViewIfNeeded();
      await shoot('results-features');

      await open(s, '#/compare');
      await shoot('compare-form');
      await open(s, `#/compare/${payloadOf(before)}/${payloadOf(after)}`);
      await page.getByTestId('compare-table').waitFor();
      await shoot('compare');

      await open(s, '#/team');
      await page.getByLabel('Result links, one per line').fill([before, after, 'https://example.org/#/r/broken', mixed].join('\n'));
      await page.getByTestId('team-spread').waitFor();
      await shoot('team');

      await open(s, '#/history');
      await page.getByTestId('history-list').waitFor();
      await button(page, 'Rename Q3 baseline').click();
      await shoot('history');
      s.expectClean();
    }
  });
}

test('snapshots are app state: a new one is offered at once as a baseline, and reaches another tab', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await seedDraft(s, knownAnswer);
  const other = await s.context.newPage();
  await other.goto(s.url('#/history'));
  await other.getByTestId('history-empty').waitFor();

  const baseline = page.getByLabel('Measure progress since');
  assert.deepEqual(await baseline.locator('option').allTextContents(), ['No baseline', 'A result link…']);
  await page.getByLabel('Label (optional)').fill('Before the platform');
  await button(page, 'Save snapshot').click();
  await page.getByText('Saved “Before the platform”.').waitFor();
  // Offered on the same page, without leaving it.
  const offered = await baseline.locator('option').allTextContents();
  assert.equal(offered.length, 3, `${offered}`);
  assert.match(offered[1], /^Before the platform, saved /);
  await baseline.selectOption({ index: 1 });
  assert.match(await page.getByTestId('progress-to-date').textContent(), /Before the platform/);

  // The other tab's history page lists it without a reload.
  await other.getByTestId('history-list').waitFor();
  assert.deepEqual(await other.locator('.snapshot-item__title').allTextContents(), ['Before the platform']);
  s.expectClean();
});
