// Splits the app's wasm into a small main module and lazily loaded chunks,
// so that the first load stays within its size budget. Called by
// scripts/postbuild.mjs, first thing, on Trunk's staging directory.
//
// Trunk builds the crate with the `split` feature (index.html) and runs
// wasm-bindgen on it, but a split has to happen *before* wasm-bindgen, on the
// linker's output. So this step takes that output (<target>/wasm32-unknown-
// unknown/<profile>/mlops-maturity.wasm, <target> being cargo's target
// directory as `cargo metadata` reports it; linked with --emit-relocs, see
// .cargo/config.toml), refuses it if it is stale or has no relocations, and
// redoes the tail of Trunk's pipeline:
//
//   wasm-split-cli   main module + one chunk per split point (src/ui/lazy.rs)
//                    + shared chunks + a JS loader (__wasm_split.js)
//   wasm-bindgen     on the main module (--keep-lld-exports: the chunks link
//                    against its exports)
//   wasm-opt -Oz     on every module (release only; Trunk's own wasm-opt is
//                    off, data-wasm-opt="0")
//   terser           on the JS glue and the chunk loader (release only)
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
// node_modules/.bin, as Trunk finds them; terser from node_modules.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The cargo binary Trunk builds (index.html, data-bin). */
const BIN = 'mlops-maturity';
/** The split runtime's import, as wasm-split-cli writes it. */
const LINK = '__wasm_split.js';
/** wasm features rustc's wasm32-unknown-unknown emits by default. */
export const WASM_FEATURES = [
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

/**
 * Minifies JavaScript with terser (npm): wasm-bindgen's glue is written to
 * be read, and minifying it takes 1.7 KiB of brotli off the first load.
 * In an ES module (the default) exported names are kept (the loader imports
 * `initSync`, Trunk's loader `default`); `{ module: false }` is for a
 * classic script.
 */
export async function minifyJs(code, name, { module = true } = {}) {
  const { minify } = await import('terser');
  const out = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`split: terser produced nothing for ${name}`);
  return out.code;
}

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

/**
 * cargo's target directory as `cargo metadata` reports it: CARGO_TARGET_DIR,
 * `build.target-dir` of any .cargo/config.toml, or `target/`, whichever
 * cargo (and so Trunk) builds into. `metadataJson` is for tests.
 */
export function cargoTargetDir(metadataJson) {
  let json = metadataJson;
  if (json === undefined) {
    try {
      json = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 << 20,
      });
    } catch (err) {
      throw new Error(`split: cargo metadata failed, so the linker's output cannot be found:\n${`${err.stderr ?? err.message}`.trim()}`);
    }
  }
  const dir = JSON.parse(json).target_directory;
  if (typeof dir !== 'string' || dir === '') throw new Error('split: cargo metadata reports no target_directory');
  return dir;
}

/** The linker's output for `profile`, where cargo (and so Trunk) put it. */
export function rawWasmPath(profile, targetDir = cargoTargetDir()) {
  return join(targetDir, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
}

/**
 * The files cargo's dep-info (`<name>.d` beside the linker's output, make
 * syntax) lists as the inputs of `raw`.
 */
export function depInfoInputs(text) {
  const inputs = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    // "target: input input ...", spaces in paths escaped as "\ ".
    const colon = line.search(/:(\s|$)/);
    if (colon < 0) continue;
    const rest = line.slice(colon + 1).replace(/\\ /g, '\0');
    for (const word of rest.split(/\s+/)) if (word) inputs.push(word.replace(/\0/g, ' '));
  }
  return [...new Set(inputs)];
}

/**
 * Refuses a stale linker output: one older than a source it is built from
 * (cargo would have relinked it). That is the wasm of an earlier build, e.g.
 * one in another target directory than this build's; splitting it would
 * ship old code under the new build's name. A no-change rebuild, where
 * cargo leaves the file alone, passes: its sources are older still.
 */
export async function assertFresh(raw) {
  const depInfo = raw.replace(/\.wasm$/, '.d');
  let text;
  try {
    text = await readFile(depInfo, 'utf8');
  } catch {
    throw new Error(`split: ${depInfo} not found: cannot tell whether ${raw} is this build's; rebuild with trunk`);
  }
  const built = (await stat(raw)).mtimeMs;
  const newer = [];
  for (const input of depInfoInputs(text)) {
    const s = await stat(input).catch(() => null);
    if (s && s.mtimeMs > built) newer.push(input);
  }
  if (newer.length) {
    throw new Error(
      `split: ${raw} is older than ${newer.length} of its sources (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}): ` +
        "it is not this build's wasm. Is CARGO_TARGET_DIR the same as during the build? Rebuild with trunk.",
    );
  }
}

/** The names of the custom sections of a wasm module. */
export function customSections(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('split: not a wasm module');
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new Error('split: truncated wasm module');
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return value;
    }
  };
  const names = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (end > bytes.length) throw new Error('split: truncated wasm module');
    if (id === 0) {
      const len = leb();
      names.push(bytes.toString('utf8', at, at + len));
    }
    at = end;
  }
  return names;
}

/** The flags .cargo/config.toml gives wasm builds, which splitting needs. */
export const WASM_RUSTFLAGS = ['--cfg', 'erase_components', '-Clink-args=--emit-relocs'];

/**
 * Why the rustflags in `env` would break a split build, or null. cargo lets
 * CARGO_ENCODED_RUSTFLAGS or RUSTFLAGS (set at all, even empty) replace the
 * `rustflags` of .cargo/config.toml, so the wasm would lose `--emit-relocs`
 * (without which it cannot be split) and `--cfg erase_components`.
 */
export function rustflagsProblem(env = process.env) {
  let name;
  let flags;
  if (env.CARGO_ENCODED_RUSTFLAGS !== undefined) {
    name = 'CARGO_ENCODED_RUSTFLAGS';
    flags = env.CARGO_ENCODED_RUSTFLAGS.split('\x1f').filter(Boolean);
  } else if (env.RUSTFLAGS !== undefined) {
    name = 'RUSTFLAGS';
    flags = env.RUSTFLAGS.split(' ').filter(Boolean);
  } else {
    return null;
  }
  // Normalise "-C x" / "--cfg=x" forms to compare flags as cargo passes them.
  const words = flags.join(' ').replace(/(^| )-C +/g, '$1-C').replace(/(^| )--cfg=/g, '$1--cfg ');
  const missing = [];
  if (!/(^| )--cfg erase_components( |$)/.test(words)) missing.push('--cfg erase_components');
  if (!/(^| )-Clink-args?=(\S*,)?--emit-relocs(,| |$)/.test(words)) missing.push('-Clink-args=--emit-relocs');
  if (!missing.length) return null;
  const sep = name === 'RUSTFLAGS' ? ' ' : '\\x1f';
  return (
    `${name} is set (${JSON.stringify(env[name])}) and replaces the rustflags of .cargo/config.toml's ` +
    `[target.wasm32-unknown-unknown], which the split build needs: it lacks ${missing.join(' and ')}. ` +
    `Unset it, or add them: ${name}="${[env[name], ...missing.flatMap((m) => m.split(' '))].filter(Boolean).join(sep)}"`
  );
}

/**
 * Where the split of `raw` is made. Its `bindgen/` keeps the main module
 * before wasm-opt, with names (scripts/bench.sh reads it for twiggy).
 */
export function splitWorkDir(raw = rawWasmPath('release')) {
  return join(dirname(raw), 'wasm-split');
}

/**
 * Which chunk files each split point loads, from wasm-split-cli's loader
 * (unminified, with the chunks' final names): `{ results: ['split_results-….wasm',
 * 'chunk_4-….wasm', …], … }`, the split's own file first.
 */
export function splitNeeds(loader) {
  const file = {};
  for (const [, name, path] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    file[name] = path;
  }
  const needs = {};
  const splits = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
  for (const [, split, own, deps] of loader.matchAll(splits)) {
    const shared = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      if (!(d in file)) throw new Error(`split: the loader's ${split} needs ${d}, which it does not define`);
      return file[d];
    });
    needs[split] = [own, ...shared];
  }
  if (Object.keys(needs).length === 0) throw new Error(`split: no split point found in ${LINK}: wasm-split-cli changed?`);
  return needs;
}

/**
 * The routes that open on a lazily loaded page, by fragment prefix, and the
 * split point each needs (src/ui/lazy.rs: the questionnaire, the results,
 * the tools).
 */
export const ROUTE_SPLITS = [
  ['#/q/', 'questionnaire'],
  ['#/results', 'results'],
  ['#/r/', 'results'],
  ['#/compare', 'tools'],
  ['#/team', 'tools'],
  ['#/history', 'tools'],
  ['#/author', 'author'],
];

/**
 * An inline script for index.html that, on a route whose page is lazily
 * loaded, starts fetching that page's chunks (and its stylesheet) at once,
 * beside the main module, instead of after it has started and asked. The
 * preloads carry the same integrity and mode as the loader's fetches, so
 * the browser uses them rather than fetching twice.
 */
export function routePreload(needs, chunks, base) {
  const sizes = Object.fromEntries(chunks.map((c) => [c.file, c.integrity]));
  const table = {};
  for (const [split, files] of Object.entries(needs)) {
    table[split] = files.map((f) => {
      if (!(f in sizes)) throw new Error(`split: ${f} is not a chunk of this build`);
      return [f, sizes[f]];
    });
  }
  const routes = ROUTE_SPLITS.filter(([, split]) => split in table);
  const code = `(()=>{const h=location.hash,r=${JSON.stringify(routes)},t=${JSON.stringify(table)},m=r.find(([p])=>h.startsWith(p));if(!m)return;for(const[f,i]of t[m[1]]){const l=document.createElement("link");l.rel="preload";l.as="fetch";l.href=${JSON.stringify(base)}+f;l.integrity=i;l.crossOrigin="anonymous";document.head.append(l)}const c=document.querySelector("link[data-lazy-styles]");if(c){const l=document.createElement("link");l.rel="preload";l.as="style";l.href=c.getAttribute("href");if(c.integrity)l.integrity=c.integrity;document.head.append(l)}})()`;
  return `<script data-route-preload>${code}</script>`;
}

/**
 * Replaces Trunk's wasm-bindgen output in `dir` with the split build of
 * `raw`. Returns { main, js, loader, chunks } (file names). Running it again
 * on its own output redoes the split and gives the same files.
 */
export async function splitBuild(dir, { release = true, raw = rawWasmPath(release ? 'release' : 'debug') } = {}) {
  if (!existsSync(raw)) throw new Error(`split: ${raw} not found: build with trunk first`);
  await assertFresh(raw);
  const input = await readFile(raw);
  if (!customSections(input).some((n) => n.startsWith('reloc.'))) {
    const env = rustflagsProblem();
    throw new Error(
      `split: ${raw} has no relocation sections: it was linked without -Clink-args=--emit-relocs, which wasm-split-cli needs. ` +
        (env ?? `Are the rustflags of .cargo/config.toml's [target.wasm32-unknown-unknown] (${WASM_RUSTFLAGS.join(' ')}) replaced or removed?`),
    );
  }
  if (!input.includes(Buffer.from('__wasm_split_unstable'))) {
    throw new Error(`split: ${raw} has no split points: build it with the "split" feature (index.html sets it)`);
  }
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');

  // The main JS and wasm index.html loads: Trunk's `mlops-maturity-<hash>.js`
  // and `..._bg.wasm` (or this step's own, on a re-run), after the public URL
  // (`./` by default, `/base/` with `trunk build --public-url /base/`).
  const loaded = html.match(new RegExp(`(["'=])([^"'\\s=>]*?)(${escapeRe(BIN)}-[0-9a-f]{1,16})\\.js\\b`));
  if (!loaded) throw new Error(`split: index.html does not load ${BIN}-<hash>.js: is this a Trunk build?`);
  const [, , base, oldStem] = loaded;

  // The main JS, the loader and the main wasm name one another, so none can
  // be named by its own hash. They are built under placeholder names of the
  // final length, then all three are named by one hash of their contents
  // (which include every chunk's hash): any change renames them all.
  const PLACEHOLDER = '0'.repeat(16);
  const tempStem = `${BIN}-${PLACEHOLDER}`;
  const tempLoader = `__wasm_split-${PLACEHOLDER}.js`;

  const work = splitWorkDir(raw);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'bindgen'), { recursive: true });

  run('wasm-split-cli', [raw, work, '--out-name', tempStem, '--target', 'web']);
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    ...(release ? [] : ['--keep-debug']),
    '--out-dir', join(work, 'bindgen'), '--out-name', tempStem, join(work, `${tempStem}.wasm`),
  ]);
  if (existsSync(join(work, 'bindgen', 'snippets'))) {
    throw new Error('split: wasm-bindgen wrote snippets/: copy them here before using inline JS');
  }

  const optimise = (from, to) => {
    if (release) run('wasm-opt', ['-Oz', ...WASM_FEATURES, from, '-o', to]);
    return release ? to : from;
  };

  // Files of an earlier split of this directory (a re-run).
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
    chunks.push({ file, size: bytes.length, integrity: sri384(bytes) });
    const fetchOld = new RegExp(`fetch\\(new URL\\((["'])\\./${escapeRe(name)}\\1, import\\.meta\\.url\\)\\)`, 'g');
    const before = loader;
    loader = loader.replace(fetchOld, () => `fetch(new URL("./${file}", import.meta.url), { integrity: "${sri384(bytes)}" })`);
    if (loader === before) throw new Error(`split: ${LINK} does not fetch ./${name} as expected: wasm-split-cli changed?`);
  }
  // What each split point fetches (its own chunk first, then the shared
  // ones), read from the loader before it is minified.
  const needs = splitNeeds(loader);
  // wasm-split-cli compiles chunks with instantiateStreaming only, which
  // rejects a response not served as application/wasm; wasm-bindgen's own
  // loader falls back to bytes then. Do the same, so a host with a wrong MIME
  // type gets working pages (slower), not "couldn't be loaded".
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!loader.includes(streaming)) throw new Error(`split: ${LINK} does not instantiate chunks as expected: wasm-split-cli changed?`);
  loader = loader.replaceAll(streaming, '__instantiateChunk(src, imports)') + INSTANTIATE_CHUNK;
  if (!new RegExp(`from\\s*(["'])\\./${escapeRe(tempStem)}\\.js\\1`).test(loader)) {
    throw new Error(`split: ${LINK} does not import ./${tempStem}.js`);
  }
  if (release) loader = await minifyJs(loader, LINK);

  // Main module: optimise; its JS imports the loader under its final name.
  const mainWasm = await readFile(optimise(join(work, 'bindgen', `${tempStem}_bg.wasm`), join(work, 'main.opt.wasm')));
  let mainJs = await readFile(join(work, 'bindgen', `${tempStem}.js`), 'utf8');
  const importLink = new RegExp(`(from\\s*)(["'])\\./${escapeRe(LINK)}\\2`, 'g');
  if (!importLink.test(mainJs)) throw new Error(`split: the wasm-bindgen JS does not import ./${LINK}`);
  mainJs = mainJs.replace(importLink, `$1$2./${tempLoader}$2`);
  if (release) mainJs = await minifyJs(mainJs, `${tempStem}.js`);

  // This script is hashed too: it renames after hashing.
  const id = createHash('sha256')
    .update(await readFile(fileURLToPath(import.meta.url)))
    .update(mainJs)
    .update('\0')
    .update(loader)
    .update('\0')
    .update(mainWasm)
    .digest('hex')
    .slice(0, 16);
  const stem = `${BIN}-${id}`;
  const loaderFile = `__wasm_split-${id}.js`;
  // File names only: `./<tempStem>_bg.js` also appears, as the module name
  // of the wasm's imports, which is inside the wasm and must stay as it is.
  const rename = (text) =>
    text
      .replaceAll(`${tempStem}.js`, `${stem}.js`)
      .replaceAll(`${tempStem}_bg.wasm`, `${stem}_bg.wasm`)
      .replaceAll(tempLoader, loaderFile);
  loader = rename(loader);
  mainJs = rename(mainJs);
  const survivor = [loader, mainJs.replaceAll(`./${tempStem}_bg.js`, '')].some((t) => t.includes(PLACEHOLDER));
  if (survivor) throw new Error('split: a placeholder file name survived');

  if (oldStem !== stem) for (const old of [`${oldStem}.js`, `${oldStem}_bg.wasm`]) await rm(join(dir, old), { force: true });
  await writeFile(join(dir, loaderFile), loader);
  await writeFile(join(dir, `${stem}.js`), mainJs);
  await writeFile(join(dir, `${stem}_bg.wasm`), mainWasm);

  // index.html: new names, fresh integrity, and a modulepreload for the loader.
  const integrity = { [`${stem}.js`]: sri384(mainJs), [`${stem}_bg.wasm`]: sri384(mainWasm) };
  html = html
    .replaceAll(`${base}${oldStem}.js`, `${base}${stem}.js`)
    .replaceAll(`${base}${oldStem}_bg.wasm`, `${base}${stem}_bg.wasm`);
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref=(["']?)([^"'\s>]+)\1/);
    const file = href && href[2].startsWith(base) ? href[2].slice(base.length) : null;
    if (!(file in integrity)) return tag;
    return tag.replace(/\bintegrity=(["']?)[^"'\s>]+\1/, `integrity="${integrity[file]}"`);
  });
  const preload = `<link rel="modulepreload" href="${base}${loaderFile}" integrity="${sri384(loader)}" crossorigin>`;
  html = html.replace(/<script\b[^>]*\bdata-route-preload\b[^>]*>[\s\S]*?<\/script>\n?/g, '');
  html = html.replace(/<\/head>/i, `${preload}</head>`);
  // Before the stylesheets: a script after one waits for it to load.
  const early = routePreload(needs, chunks, base);
  const firstSheet = html.search(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/i);
  html = firstSheet < 0 ? html.replace(/<\/head>/i, `${early}</head>`) : html.slice(0, firstSheet) + early + html.slice(firstSheet);
  await writeFile(indexPath, html);

  return { main: `${stem}_bg.wasm`, js: `${stem}.js`, loader: loaderFile, chunks };
}

// `node scripts/split.mjs --check-rustflags`: Trunk's pre_build hook
// (Trunk.toml), so a RUSTFLAGS that would drop the flags splitting needs
// fails the build before cargo spends minutes on it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--check-rustflags') {
    console.error('usage: node scripts/split.mjs --check-rustflags (the split itself runs from scripts/postbuild.mjs)');
    process.exit(2);
  }
  const problem = rustflagsProblem();
  if (problem) {
    console.error(`split: ${problem}`);
    process.exit(1);
  }
}
