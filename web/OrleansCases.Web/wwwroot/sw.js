// The portal's service worker (Workbox, from npm, served from /lib/workbox): it keeps the portal's shell, so that a
// phone that lost its network still opens the portal; the page itself keeps the cases its user last saw and the
// outbox in IndexedDB (js/saved-cases.js, js/outbox.js). Network first: online, the page always gets the shell the
// server has now; the copies only answer when the network does not. No API answer is kept here: they hold patients.
importScripts('/lib/workbox/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '/lib/workbox/', debug: false });

const { registerRoute, NavigationRoute } = workbox.routing;
const { NetworkFirst } = workbox.strategies;

const SHELL_CACHE = 'orleanscases-shell';

// Everything the page loads before its first API call; a test reloads the page offline to prove the list whole. The
// scripts have fingerprinted names (index.html), so they are read from the index.html being cached: the files it names
// and the modules of its import map. These are the rest, found at run time: the stylesheet's fonts, i18next's catalogs.
const UNNAMED = [
  '/lib/fonts/noto-sans-devanagari-devanagari-400-normal.woff2', '/lib/fonts/noto-sans-devanagari-devanagari-700-normal.woff2',
  '/locales/en.json', '/locales/hi.json', '/locales/mr.json',
];

const warmShell = async () => {
  const cache = await caches.open(SHELL_CACHE);
  const page = await fetch('/', { cache: 'no-cache' });
  if (!page.ok) throw new Error(`The portal answered ${page.status}.`);
  const html = await page.clone().text();
  const named = [...html.matchAll(/\s(?:src|href)="([^"#]+)"/g)].map(m => m[1]);
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html);
  const modules = Object.values(importMap ? JSON.parse(importMap[1]).imports ?? {} : {}).filter(url => /^(\.\/|\/)?js\//.test(url));
  const paths = new Set([...UNNAMED, ...named, ...modules].map(url => new URL(url, self.location.origin).pathname));
  paths.delete('/');
  await cache.addAll([...paths]);
  await cache.put('/', page);
};

self.addEventListener('install', event => {
  event.waitUntil(warmShell().then(() => self.skipWaiting()));
});
workbox.core.clientsClaim();

// On a slow network a copy after five seconds beats a blank page; the next load fetches the new shell again.
const shell = new NetworkFirst({ cacheName: SHELL_CACHE, networkTimeoutSeconds: 5 });
registerRoute(new NavigationRoute(shell));
registerRoute(({ url, request }) => url.origin === self.location.origin && request.method === 'GET' &&
  /^\/(css|js|lib|locales)\/|^\/(favicon\.svg|manifest\.webmanifest|icons\/.+\.png)$/.test(url.pathname), shell);
