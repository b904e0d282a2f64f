// A model author's preview: a broken model file is explained problem by
// problem with its JSON path; a valid one (models/example-small.json: 3
// dimensions, levels 0 to 3, 12 questions) runs the questionnaire and the
// results, radar included, and its links name the model file they need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSuite, openSession } from './harness.mjs';
import { open, answer, button } from './app.mjs';

const suite = useSuite();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SMALL = readFileSync(join(ROOT, 'models', 'example-small.json'), 'utf8');
const model = JSON.parse(SMALL);

async function choose(page, name, text) {
  await page.getByTestId('author-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a broken model file lists each problem with its path; a valid one runs the whole app', async (t) => {
  const s = await openSession(t, suite);
  const { page } = s;
  await open(s, '#/author');
  await page.getByRole('heading', { level: 1, name: 'Preview your own model' }).waitFor();

  const broken = structuredClone(model);
  broken.questions[1].id = broken.questions[0].id;
  broken.questions[4].dimension = 'nowhere';
  await choose(page, 'broken.json', JSON.stringify(broken));
  const problems = page.getByTestId('author-problems');
  await problems.waitFor();
  const said = await problems.textContent();
  assert.match(said, /broken\.json: 2 problems found\./);
  assert.match(said, /questions\[1\]\.id: two questions share the id "data\.described" \(questions\[0\] and questions\[1\]\)/);
  assert.match(said, /questions\[4\]\.dimension: "release\.checklist" names the dimension "nowhere"/);

  await choose(page, 'example-small.json', SMALL);
  const valid = page.getByTestId('author-valid');
  await valid.waitFor();
  assert.match(await valid.textContent(), /3 dimensions, 12 questions, levels 0 Ad hoc, 1 Repeatable, 2 Managed, 3 Governed/);
  await page.getByTestId('author-preview').click();
  await page.getByTestId('preview-banner').waitFor();
  assert.match(await page.getByTestId('preview-banner').textContent(), /Previewing ML governance maturity \(example\) from example-small\.json/);
  await page.getByRole('heading', { name: 'The four levels at a glance' }).waitFor();

  // Every question Fully: level 3 everywhere.
  for (const d of model.dimensions) {
    await open(s, `#/q/${d.id}`);
    for (const q of model.questions.filter((q) => q.dimension === d.id)) {
      await page.getByTestId(`question-${q.id}`).waitFor();
      await answer(page, q.id, 'Fully');
    }
  }
  await open(s, '#/results');
  const chart = page.locator('[data-testid="radar-chart"] svg');
  await chart.waitFor();
  const label = await chart.getAttribute('aria-label');
  assert.equal(label, 'Radar chart of scores from 0 to 3: Data 3.0, Release 3.0, Oversight 3.0.');
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#\/r\/[A-Za-z0-9_-]+\/needs\/example-ml-governance$/);
  s.expectClean();

  // Elsewhere (a fresh profile, no preview), the link says what it needs.
  const other = await openSession(t, suite);
  await other.page.goto(link.replace(/^.*#/, other.url('#')));
  const notice = other.page.getByTestId('notice-bad-link');
  await notice.waitFor();
  assert.match(await notice.textContent(), /made with the model file “example-ml-governance”/);
  other.expectClean();
});
