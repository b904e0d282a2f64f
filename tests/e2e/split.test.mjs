// The post-build's guards (scripts/split.mjs), in isolation: it finds the
// linker's wasm where cargo put it, refuses a stale one and one linked
// without relocations, and names the RUSTFLAGS that would cause that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm, utimes, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cargoTargetDir, rawWasmPath, depInfoInputs, assertFresh, customSections, rustflagsProblem, splitBuild,
} from '../../scripts/split.mjs';

/** A wasm module holding custom sections with these names (and no code). */
function wasmWithSections(...names) {
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  for (const name of names) {
    const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from([1, 2, 3])]);
    parts.push(Buffer.from([0, body.length]), body);
  }
  return Buffer.concat(parts);
}

async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'split-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test("the linker's wasm is looked for in cargo's target directory, CARGO_TARGET_DIR included", async (t) => {
  const json = JSON.stringify({ packages: [], target_directory: '/elsewhere/target', workspace_root: '/w' });
  assert.equal(cargoTargetDir(json), '/elsewhere/target');
  assert.equal(rawWasmPath('release', '/elsewhere/target'), '/elsewhere/target/wasm32-unknown-unknown/release/mlops-maturity.wasm');
  assert.throws(() => cargoTargetDir('{"packages":[]}'), /no target_directory/);

  // The real cargo, told another target directory by the environment.
  const dir = await tempDir(t);
  const before = process.env.CARGO_TARGET_DIR;
  process.env.CARGO_TARGET_DIR = dir;
  try {
    assert.equal(cargoTargetDir(), dir);
    assert.equal(rawWasmPath('debug'), join(dir, 'wasm32-unknown-unknown', 'debug', 'mlops-maturity.wasm'));
  } finally {
    if (before === undefined) delete process.env.CARGO_TARGET_DIR;
    else process.env.CARGO_TARGET_DIR = before;
  }
});

test("cargo's dep-info lists the wasm's inputs, spaces in paths included", () => {
  const text = '/t/release/mlops-maturity.wasm: /w/src/main.rs /w/src/my\\ file.rs \\\n /w/engine/src/lib.rs\n\n/w/src/main.rs:\n';
  assert.deepEqual(depInfoInputs(text), ['/w/src/main.rs', '/w/src/my file.rs', '/w/engine/src/lib.rs']);
});

test('a wasm older than one of its sources is refused as stale; a fresh one passes', async (t) => {
  const dir = await tempDir(t);
  const raw = join(dir, 'mlops-maturity.wasm');
  const source = join(dir, 'lib.rs');
  await writeFile(raw, wasmWithSections('reloc.CODE'));
  await writeFile(source, 'fn main() {}');
  await assert.rejects(assertFresh(raw), /mlops-maturity\.d not found/);
  await writeFile(join(dir, 'mlops-maturity.d'), `${raw}: ${source}\n`);

  const t0 = new Date('2026-01-01T00:00:00Z');
  const t1 = new Date('2026-01-01T00:01:00Z');
  await utimes(source, t0, t0);
  await utimes(raw, t1, t1);
  await assertFresh(raw); // linked after its source changed: this build's

  await utimes(source, t1, t1);
  await utimes(raw, t0, t0);
  await assert.rejects(assertFresh(raw), (err) => {
    assert.match(err.message, /is older than 1 of its sources/);
    assert.ok(err.message.includes(source), err.message);
    assert.match(err.message, /CARGO_TARGET_DIR/);
    return true;
  });
});

test("a wasm's custom sections are read; one linked without --emit-relocs is refused", async (t) => {
  assert.deepEqual(customSections(wasmWithSections('linking', 'reloc.CODE', 'name')), ['linking', 'reloc.CODE', 'name']);
  assert.throws(() => customSections(Buffer.from('not wasm')), /not a wasm module/);

  const dir = await tempDir(t);
  const raw = join(dir, 'mlops-maturity.wasm');
  await writeFile(raw, wasmWithSections('name', 'producers'));
  await writeFile(join(dir, 'mlops-maturity.d'), `${raw}:\n`);
  const out = join(dir, 'out');
  await mkdir(out);
  const env = { RUSTFLAGS: process.env.RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS: process.env.CARGO_ENCODED_RUSTFLAGS };
  delete process.env.RUSTFLAGS;
  delete process.env.CARGO_ENCODED_RUSTFLAGS;
  try {
    await assert.rejects(splitBuild(out, { raw }), /no relocation sections.*--emit-relocs/);
    process.env.RUSTFLAGS = '-Copt-level=z';
    await assert.rejects(splitBuild(out, { raw }), /no relocation sections.*RUSTFLAGS is set \("-Copt-level=z"\)/);
  } finally {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('a RUSTFLAGS or CARGO_ENCODED_RUSTFLAGS that drops the wasm flags is named, with what to add', () => {
  assert.equal(rustflagsProblem({}), null, 'no override: .cargo/config.toml applies');
  const plain = rustflagsProblem({ RUSTFLAGS: '-Copt-level=z' });
  assert.match(plain, /^RUSTFLAGS is set \("-Copt-level=z"\)/);
  assert.ok(plain.includes('RUSTFLAGS="-Copt-level=z --cfg erase_components -Clink-args=--emit-relocs"'), plain);
  // Set but empty still replaces the config's flags.
  assert.match(rustflagsProblem({ RUSTFLAGS: '' }), /lacks --cfg erase_components and -Clink-args=--emit-relocs/);
  assert.match(rustflagsProblem({ RUSTFLAGS: '--cfg erase_components' }), /lacks -Clink-args=--emit-relocs\./);
  assert.equal(rustflagsProblem({ RUSTFLAGS: '-C opt-level=z --cfg=erase_components -C link-args=--emit-relocs' }), null);
  assert.equal(rustflagsProblem({ RUSTFLAGS: '--cfg erase_components -Clink-arg=--emit-relocs' }), null);
  // cargo prefers the encoded form, whose separator is \x1f.
  assert.match(rustflagsProblem({ CARGO_ENCODED_RUSTFLAGS: '-Copt-level=z', RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs' }), /^CARGO_ENCODED_RUSTFLAGS is set/);
  assert.equal(rustflagsProblem({ CARGO_ENCODED_RUSTFLAGS: '--cfg\x1ferase_components\x1f-Clink-args=--emit-relocs' }), null);
});
