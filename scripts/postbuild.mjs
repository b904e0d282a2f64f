// Build step run by Trunk after every build (Trunk.toml, [[hooks]] stage =
// "post_build"), on the staging directory Trunk is about to publish as dist/.
// It can also be run on a finished build: `node scripts/postbuild.mjs dist`.
//
// It makes the build small, installable, offline-capable and locked down, in
// this order:
// - splits the wasm into a main module and lazily loaded chunks
//   (scripts/split.mjs), replacing Trunk's wasm-bindgen output;
// - marks the stylesheet of the lazily loaded pages `disabled` (it is
//   downloaded with the first of them, see src/ui/lazy.rs);
// - copies the web app manifest, the icons and crash.js (minified) from
//   public/, and the model files listed in MODELS as models/<id>.json
//   (compacted), and links the manifest and icons
//   from index.html (unless it links its own);
// - writes a Content-Security-Policy <meta> into index.html whose script-src
//   allows Trunk's inline loader by its SHA-256 (computed here from the
//   bytes Trunk wrote, never by hand), and no 'unsafe-inline'/'unsafe-eval';
// - derives a build id from the SHA-256 of every file and writes it into
//   index.html (<meta name="build-id">);
// - renders public/sw.js into sw.js with the list of files to precache, each
//   with its integrity, and a cache name made from the build id.
//
// Running it twice on the same directory gives the same bytes: what it injects
// into index.html carries `data-postbuild` and is replaced on each run.
//
// Debug builds (TRUNK_PROFILE=debug, i.e. `trunk serve`) get a pass-through
// service worker instead, one whose bytes never change: it caches nothing and
// removes the caches of earlier release builds, so a developer always sees
// the code just built and is never offered "a new version" on every save.
// Their CSP allows inline scripts, for trunk's live-reload script.

import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyJs, splitBuild } from './split.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC = join(ROOT, 'public');

/** Files of public/ that ship, as paths relative to public/ and to the build. */
export const STATIC_FILES = [
  'manifest.webmanifest',
  'icons/icon.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
  'icons/apple-touch-icon.png',
];

/**
 * Never precached: the worker itself, files no page loads (the model
 * schema is for editors), and the PNG icons,
 * which only installing the app uses (it is online then, and the system keeps
 * its own copy): 35 KiB a first visit need not download twice.
 */
const NOT_PRECACHED = (path) => path === 'sw.js' || path === 'model.schema.json' || /\.(map|d\.ts)$/.test(path) || /^icons\/.*\.png$/.test(path);

/** Trunk's content-hashed names (`name-<hex hash>.ext`) never change content. */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

const sha256 = (bytes) => createHash('sha256').update(bytes);
const sri = (bytes) => `sha256-${sha256(bytes).digest('base64')}`;

/** Every file under `dir`, as sorted '/'-separated relative paths. */
async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    out.push(relative(dir, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Browser-chrome colours (manifest.webmanifest has the light one). */
const THEME = { light: '#0b5cad', dark: '#0f1b2d' };

const INJECTED = /[ \t]*<(?:meta|link)\b[^>]*\bdata-postbuild\b[^>]*>\n?/g;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The Content-Security-Policy for `html`: 'self' for everything the app loads,
 * plus the hash of each inline script. Returns { policy, warnings }.
 */
export function contentSecurityPolicy(html, { release = true } = {}) {
  const warnings = [];
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/.test(attrs)) continue;
    // Data blocks never run, so they need no hash; an importmap does.
    if (/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    hashes.push(`'${sri(body)}'`);
  }
  if (/<style\b/i.test(html)) warnings.push("index.html has a <style> element: style-src 'self' blocks it; move it to a stylesheet");
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) warnings.push("index.html has a style=\"\" attribute: style-src 'self' blocks it");
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) warnings.push('index.html has an inline event handler (on...=): the CSP blocks it');
  // Trunk writes <base href> only when index.html asks for it
  // (<base data-trunk-public-url>); base-uri 'none' would then void it.
  const hasBase = /<base\b/i.test(html);
  const policy = [
    "default-src 'self'",
    // `trunk serve` fills its address into the live-reload script while
    // serving, after this step hashed it: debug builds allow inline scripts
    // instead. Release builds never do.
    ["script-src 'self' 'wasm-unsafe-eval'", ...(release ? hashes : ["'unsafe-inline'"])].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    `base-uri ${hasBase ? "'self'" : "'none'"}`,
    "form-action 'none'",
  ].join('; ');
  return { policy, warnings, inlineScripts: hashes.length };
}

/**
 * Trunk links style/pages.css as an ordinary stylesheet. Marking it
 * `disabled` keeps browsers from downloading it with the start page;
 * src/ui/lazy.rs enables it (by `data-lazy-styles`) when the first page that
 * needs it opens. Its integrity attribute still applies then.
 */
export function deferPageStyles(html) {
  const tag = /<link\b[^>]*\bhref=["']?[^"'\s>]*\bpages-[0-9a-f]{1,16}\.css\b[^>]*>/;
  if (!tag.test(html)) throw new Error('postbuild: index.html does not link pages-<hash>.css (style/pages.css)');
  return html.replace(tag, (t) => (/\bdata-lazy-styles\b/.test(t) ? t : t.replace(/\s*\/?>$/, ' disabled data-lazy-styles>')));
}

/** Inserts `tags` at the start of <head>, right after <meta charset> if it leads. */
function injectIntoHead(html, tags) {
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>\n?/i;
  const head = /<head\b[^>]*>\n?/i;
  const m = html.match(charset) ?? html.match(head);
  if (!m) throw new Error('postbuild: index.html has no <head>');
  const at = m.index + m[0].length;
  // Indent like the line that follows, so the result reads like the source.
  const indent = html.slice(at).match(/^[ \t]*/)[0];
  const lines = tags.split('\n').filter(Boolean).map((t) => `${indent}${t}\n`).join('');
  return html.slice(0, at) + lines + html.slice(at);
}

/**
 * The <head> tags for the files this step ships, each unless index.html
 * already has one of its kind. Relative URLs: they work under any base path.
 */
function pwaTags(html) {
  const has = (re) => re.test(html);
  const tags = [];
  if (!has(/<link\b[^>]*\brel=["']?manifest\b/i)) tags.push('<link rel="manifest" href="manifest.webmanifest" data-postbuild>');
  if (!has(/<meta\b[^>]*\bname=["']?theme-color\b/i)) {
    tags.push(`<meta name="theme-color" content="${THEME.light}" media="(prefers-color-scheme: light)" data-postbuild>`);
    tags.push(`<meta name="theme-color" content="${THEME.dark}" media="(prefers-color-scheme: dark)" data-postbuild>`);
  }
  if (!has(/<link\b[^>]*\brel=["']?icon\b/i)) tags.push('<link rel="icon" href="icons/icon.svg" type="image/svg+xml" data-postbuild>');
  if (!has(/<link\b[^>]*\brel=["']?apple-touch-icon\b/i)) tags.push('<link rel="apple-touch-icon" href="icons/apple-touch-icon.png" data-postbuild>');
  return tags.map((t) => `${t}\n`).join('');
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A worker for debug builds: no cache, no fetch handler, constant bytes. */
const DEV_WORKER = `// Debug build (trunk serve): this worker caches nothing and clears the
// caches of release builds, so every reload shows the code just built.
// Release builds get the offline worker (scripts/postbuild.mjs).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
`;

/** The model files listed in MODELS (comma-separated, relative to the repository). */
export function siteModels(setting = process.env.MODELS ?? '') {
  return setting.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Runs the post-build step on `dir`. Returns a summary object.
 * `release` selects the offline worker (true) or the pass-through one.
 */
export async function postbuild(dir, { release = true, split = true } = {}) {
  const splitResult = split ? await splitBuild(dir, { release }) : { skipped: true };
  for (const file of STATIC_FILES) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(PUBLIC, file), join(dir, file));
  }
  // The model file's JSON Schema, for authors' editors (docs/CUSTOMIZE.md).
  await copyFile(join(ROOT, 'docs', 'model.schema.json'), join(dir, 'model.schema.json'));
  // The site's extra models (MODELS=a.json,b.json; build.rs checked them),
  // each fetched by the app when chosen (src/site.rs), and precached.
  for (const file of siteModels()) {
    const text = await readFile(join(ROOT, file), 'utf8');
    const { id } = JSON.parse(text);
    await mkdir(join(dir, 'models'), { recursive: true });
    await writeFile(join(dir, 'models', `${id}.json`), JSON.stringify(JSON.parse(text)));
  }
  // The crash notice (public/crash.js) is in every first load: minified in
  // release builds.
  const crash = await readFile(join(PUBLIC, 'crash.js'), 'utf8');
  await writeFile(join(dir, 'crash.js'), release ? await minifyJs(crash, 'crash.js', { module: false }) : crash);

  const indexPath = join(dir, 'index.html');
  const source = deferPageStyles((await readFile(indexPath, 'utf8')).replace(INJECTED, ''));
  const { policy, warnings, inlineScripts } = contentSecurityPolicy(source, { release });
  const cspTag =
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}" data-postbuild>\n` + pwaTags(source);
  let html = injectIntoHead(source, cspTag);

  // The build id covers every file as it will be served, index.html included
  // (without the id itself, which cannot hash itself).
  const files = [];
  for (const path of await listFiles(dir)) {
    if (NOT_PRECACHED(path)) continue;
    const bytes = path === 'index.html' ? Buffer.from(html) : await readFile(join(dir, path));
    files.push({ path, bytes });
  }
  const idHash = sha256('');
  for (const f of files) idHash.update(`${f.path}\0${sri(f.bytes)}\n`);
  const id = idHash.digest('hex').slice(0, 16);

  html = injectIntoHead(source, `${cspTag}<meta name="build-id" content="${id}" data-postbuild>\n`);
  await writeFile(indexPath, html);

  const precache = files.map((f) => {
    const bytes = f.path === 'index.html' ? Buffer.from(html) : f.bytes;
    // index.html is fetched and cached as the directory itself (see sw.js).
    return {
      path: f.path === 'index.html' ? './' : f.path,
      integrity: sri(bytes),
      // The worker may take a content-hashed file from the HTTP cache.
      ...(HASHED.test(f.path) ? { hashed: true } : {}),
      size: bytes.length,
    };
  });

  let worker;
  if (release) {
    const template = await readFile(join(PUBLIC, 'sw.js'), 'utf8');
    const marker = 'const BUILD = __BUILD__;';
    if (!template.includes(marker)) throw new Error(`postbuild: public/sw.js lacks "${marker}"`);
    const build = { files: precache.map(({ size, ...f }) => f) };
    const list = build.files.map((f) => `    ${JSON.stringify(f)},`).join('\n');
    worker = template.replace(marker, `const BUILD = {\n  id: ${JSON.stringify(id)},\n  files: [\n${list}\n  ],\n};`);
  } else {
    worker = DEV_WORKER;
  }
  await writeFile(join(dir, 'sw.js'), worker);

  return { id, policy, warnings, inlineScripts, precache, release, split: splitResult };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(ROOT, 'dist'));
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  try {
    const r = await postbuild(dir, { release });
    const bytes = r.precache.reduce((s, f) => s + f.size, 0);
    console.log(
      `postbuild: build ${r.id}: ${r.release ? `${r.precache.length} files (${(bytes / 1024).toFixed(1)} KiB) precached` : 'debug: pass-through service worker'}, ` +
        `CSP with ${r.inlineScripts} inline script hash(es)`,
    );
    if (!r.split.skipped) {
      console.log(`postbuild: split: main ${r.split.main}, loader ${r.split.loader}, ${r.split.chunks.length} lazily loaded chunks`);
    }
    for (const w of r.warnings) console.warn(`postbuild: warning: ${w}`);
  } catch (err) {
    console.error(`postbuild: ${err.stack ?? err}`);
    process.exit(1);
  }
}
