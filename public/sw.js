// Service worker: makes the app work offline after one visit.
//
// This file is a template. scripts/postbuild.mjs (a Trunk post_build hook)
// writes it to dist/sw.js with the line below replaced by the build's file
// list: every file of dist/ with its SHA-256, and a build id derived from them.
// Served as-is (unrendered) it throws at install, so the browser keeps using
// the network: a broken build step can never pin users to a half-built cache.
//
// Policy:
// - install: fetch every file the page needs (each checked against its
//   integrity) into a cache named after the build id. Any mismatch fails the
//   install and the browser retries later, so a cache is always one whole build.
// - activate: delete every other cache of this app, then take control of
//   pages that have none (first visit), so they work offline at once.
// - fetch: cache-first for files of the build; a navigation to the app's own
//   page (any query, any #fragment: fragments never reach the network) gets the
//   cached index.html. Everything else goes to the network untouched.
// - updates: a new build installs beside the old one and then *waits*. Only
//   the page may end the wait ({type: 'SKIP_WAITING'}), when the user has
//   accepted "A new version is available — Reload" (src/pwa.rs). Code is never
//   swapped under someone mid-answer.

/* global self, caches, fetch, URL, Request, Response */
'use strict';

const BUILD = __BUILD__; // replaced by scripts/postbuild.mjs

const PREFIX = 'mlops-maturity-';
const CACHE = PREFIX + BUILD.id;
// The scope is the directory this file is served from, whatever the base path.
const SCOPE = new URL('./', self.location.href);
// index.html is precached under the scope URL itself (the postbuild lists it
// as "./"): that is the address users open, and some hosts redirect
// /index.html to /.
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Map(BUILD.files.map((f) => [new URL(f.path, SCOPE).href, f]));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        BUILD.files.map(async (f) => {
          const url = new URL(f.path, SCOPE).href;
          // Content-hashed files may come from the HTTP cache (the page just
          // loaded them); the others are revalidated. The integrity holds either way.
          const res = await fetch(new Request(url, { cache: f.hashed ? 'default' : 'no-cache', integrity: f.integrity }));
          if (!res.ok) throw new Error(`precache ${f.path}: HTTP ${res.status}`);
          // A redirected response may not answer a navigation: keep the bytes only.
          await cache.put(url, res.redirected ? new Response(await res.blob(), { headers: res.headers }) : res);
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The cached URL a request should be answered from, or null for "network". */
function cachedUrlFor(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  url.hash = '';
  if (request.mode === 'navigate') {
    // The app is one page: its routes live in the fragment.
    url.search = '';
    return url.href === SCOPE.href || url.href === INDEX ? SCOPE.href : null;
  }
  url.search = '';
  return PRECACHED.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const key = cachedUrlFor(event.request);
  if (key === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(event.request)),
  );
});
