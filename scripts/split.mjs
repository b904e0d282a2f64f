// Splits the app's wasm into a small main module and lazily loaded chunks
// (issue #4: the first load must stay under its size budget). Called by
// scripts/postbuild.mjs, first thing, on Trunk's staging directory.
//
// Trunk builds the crate with the `split` feature (index.html) and runs
// wasm-bindgen on it, but a split has to happen *before* wasm-bindgen, on the
// linker's output. So this step takes that output (target/wasm32-unknown-
// unknown/<profile>/mlops-maturity.wasm, linked with --emit-relocs, see
// .cargo/config.toml) and redoes the tail of Trunk's pipeline:
//
//   wasm-split-cli   main module + one chunk per split point (src/ui/lazy.rs)
//                    + shared chunks + a JS loader (__wasm_split.js)
//   wasm-bindgen     on the main module (--keep-lld-exports: the chunks link
//                    against its exports)
//   wasm-opt -Oz     on every module (release only; Trunk's own wasm-opt is
//                    off, data-wasm-opt="0")
//
// Then it replaces Trunk's JS and wasm in the staging directory with these
// files, all named `<stem>-<hash>.<ext>` (content hash, so hosts and the
// service worker may cache them forever), and rewrites index.html: Trunk's
// loader and preload links point at the new main files with fresh integrity
// hashes, and a modulepreload with integrity covers the chunk loader. The
// loader fetches each chunk with its integrity too.
//
// Tools: wasm-split-cli (cargo install wasm_split_cli_support, see
// scripts/setup.sh), wasm-bindgen and wasm-opt, found on PATH or in
// node_modules/.bin, as Trunk finds them.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The cargo binary Trunk builds (index.html, data-bin). */
const BIN = 'mlops-maturity';
/** The split runtime's import, as wasm-split-cli writes it. */
const LINK = '__wasm_split.js';
/** wasm features rustc's wasm32-unknown-unknown emits by default. */
const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

/** Appended to the chunk loader (see its use in splitBuild). */
const INSTANTIATE_CHUNK = `
async function __instantiateChunk(src, imports) {
    const res = await src;
    if (!res.ok) throw new Error(\`\${res.url}: HTTP \${res.status}\`);
    if ((res.headers.get('Content-Type') || '').startsWith('application/wasm')) {
        return WebAssembly.instantiateStreaming(res, imports);
    }
    return WebAssembly.instantiate(await res.arrayBuffer(), imports);
}
`;

const hex16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function run(tool, args) {
  try {
    execFileSync(tool, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
    });
  } catch (err) {
    if (err.code === 'ENOENT') {
      throw new Error(`${tool} not found: run scripts/setup.sh (it installs every build tool)`);
    }
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new Error(`${tool} ${args.join(' ')} failed:\n${out}`);
  }
}

/** The linker's output for `profile`, where cargo (and so Trunk) put it. */
export function rawWasmPath(profile) {
  const target = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  return join(target, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
}

/**
 * Replaces Trunk's wasm-bindgen output in `dir` with the split build of
 * `raw`. Returns { main, loader, chunks } (file names) or { skipped } when
 * `dir` already holds the split build of `raw` (running twice is harmless).
 */
export async function splitBuild(dir, { release = true, raw = rawWasmPath(release ? 'release' : 'debug') } = {}) {
  if (!existsSync(raw)) throw new Error(`split: ${raw} not found: build with trunk first`);
  const input = await readFile(raw);
  if (!input.includes(Buffer.from('__wasm_split_unstable'))) {
    throw new Error(`split: ${raw} has no split points: build it with the "split" feature (index.html sets it)`);
  }
  const id = hex16(input);
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');

  // Trunk's names for the main JS and wasm: `mlops-maturity-<hash>.js`, `..._bg.wasm`.
  const trunkJs = html.match(new RegExp(`\\./(${escapeRe(BIN)}-[0-9a-f]{1,16})\\.js\\b`));
  if (!trunkJs) throw new Error(`split: index.html does not load ${BIN}-<hash>.js: is this a Trunk build?`);
  const oldStem = trunkJs[1];
  const stem = `${BIN}-${id}`;
  if (oldStem === stem) return { skipped: true };

  const work = join(dirname(raw), 'wasm-split');
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'bindgen'), { recursive: true });

  run('wasm-split-cli', [raw, work, '--out-name', stem, '--target', 'web']);
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    ...(release ? [] : ['--keep-debug']),
    '--out-dir', join(work, 'bindgen'), '--out-name', stem, join(work, `${stem}.wasm`),
  ]);

  const optimise = (from, to) => {
    if (release) run('wasm-opt', ['-Oz', ...WASM_FEATURES, from, '-o', to]);
    return release ? to : from;
  };

  // Files of an earlier split of this directory (a re-run after a rebuild).
  const STALE = /^((split|chunk)_\w+-[0-9a-f]{16}\.wasm|__wasm_split-[0-9a-f]{16}\.js)$/;
  for (const name of (await readdir(dir)).filter((n) => STALE.test(n))) await rm(join(dir, name));
  html = html.replace(/<link\b[^>]*__wasm_split-[0-9a-f]{16}\.js[^>]*>/g, '');

  // Chunks: optimise, name by content, and point the loader at the new names.
  let loader = await readFile(join(work, LINK), 'utf8');
  const chunks = [];
  for (const name of (await readdir(work)).filter((n) => /^(split|chunk)_\w+\.wasm$/.test(n)).sort()) {
    const bytes = await readFile(optimise(join(work, name), join(work, `${name}.opt`)));
    const file = `${basename(name, '.wasm')}-${hex16(bytes)}.wasm`;
    await writeFile(join(dir, file), bytes);
    chunks.push({ file, size: bytes.length });
    const fetchOld = new RegExp(`fetch\\(new URL\\((["'])\\./${escapeRe(name)}\\1, import\\.meta\\.url\\)\\)`, 'g');
    const before = loader;
    loader = loader.replace(fetchOld, () => `fetch(new URL("./${file}", import.meta.url), { integrity: "${sri384(bytes)}" })`);
    if (loader === before) throw new Error(`split: ${LINK} does not fetch ./${name} as expected: wasm-split-cli changed?`);
  }
  // wasm-split-cli compiles chunks with instantiateStreaming only, which
  // rejects a response not served as application/wasm; wasm-bindgen's own
  // loader falls back to bytes then. Do the same, so a host with a wrong MIME
  // type gets working pages (slower), not "couldn't be loaded".
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!loader.includes(streaming)) throw new Error(`split: ${LINK} does not instantiate chunks as expected: wasm-split-cli changed?`);
  loader = loader.replaceAll(streaming, '__instantiateChunk(src, imports)') + INSTANTIATE_CHUNK;
  const importMain = new RegExp(`(from\\s*)(["'])\\./${escapeRe(stem)}\\.js\\2`, 'g');
  if (!importMain.test(loader)) throw new Error(`split: ${LINK} does not import ./${stem}.js`);
  const loaderFile = `__wasm_split-${hex16(loader)}.js`;
  await writeFile(join(dir, loaderFile), loader);

  // Main module: optimise, and make its JS import the renamed loader.
  const mainWasm = await readFile(optimise(join(work, 'bindgen', `${stem}_bg.wasm`), join(work, 'main.opt.wasm')));
  let mainJs = await readFile(join(work, 'bindgen', `${stem}.js`), 'utf8');
  const importLink = new RegExp(`(from\\s*)(["'])\\./${escapeRe(LINK)}\\2`, 'g');
  if (!importLink.test(mainJs)) throw new Error(`split: the wasm-bindgen JS does not import ./${LINK}`);
  mainJs = mainJs.replace(importLink, `$1$2./${loaderFile}$2`);
  await writeFile(join(dir, `${stem}.js`), mainJs);
  await writeFile(join(dir, `${stem}_bg.wasm`), mainWasm);
  if (existsSync(join(work, 'bindgen', 'snippets'))) {
    throw new Error('split: wasm-bindgen wrote snippets/: copy them here before using inline JS');
  }

  // index.html: new names, fresh integrity, and a modulepreload for the loader.
  const integrity = { [`${stem}.js`]: sri384(mainJs), [`${stem}_bg.wasm`]: sri384(mainWasm) };
  html = html.replaceAll(`./${oldStem}.js`, `./${stem}.js`).replaceAll(`./${oldStem}_bg.wasm`, `./${stem}_bg.wasm`);
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref=(["']?)\.\/([^"'\s>]+)\1/);
    if (!href || !(href[2] in integrity)) return tag;
    return tag.replace(/\bintegrity=(["']?)[^"'\s>]+\1/, `integrity="${integrity[href[2]]}"`);
  });
  const preload = `<link rel="modulepreload" href="./${loaderFile}" integrity="${sri384(loader)}" crossorigin>`;
  html = html.replace(/<\/head>/i, `${preload}</head>`);
  await writeFile(indexPath, html);
  for (const old of [`${oldStem}.js`, `${oldStem}_bg.wasm`]) await rm(join(dir, old), { force: true });

  return { main: `${stem}_bg.wasm`, js: `${stem}.js`, loader: loaderFile, chunks };
}
