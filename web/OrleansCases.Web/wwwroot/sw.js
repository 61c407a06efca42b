// The portal's service worker (Workbox, from npm, served from /lib/workbox): it keeps the portal's shell, so that a
// phone that lost its network still opens the portal; the page itself keeps the cases its user last saw and the
// outbox in IndexedDB (js/saved-cases.js, js/outbox.js). Network first: online, the page always gets the shell the
// server has now; the copies only answer when the network does not. No API answer is kept here: they hold patients.
importScripts('/lib/workbox/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '/lib/workbox/', debug: false });

const { registerRoute, NavigationRoute } = workbox.routing;
const { NetworkFirst } = workbox.strategies;

const SHELL_CACHE = 'orleanscases-shell';

// Everything the page loads before its first API call; a test reloads the page offline to prove the list whole.
const SHELL = [
  '/', '/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png', '/css/portal.css',
  '/lib/i18next.min.js', '/lib/signalr.min.js', '/lib/idb.umd.js',
  '/lib/fonts/noto-sans-devanagari-devanagari-400-normal.woff2', '/lib/fonts/noto-sans-devanagari-devanagari-700-normal.woff2',
  '/locales/en.json', '/locales/hi.json', '/locales/mr.json',
  ...['admin', 'api', 'app', 'db', 'forms', 'i18n', 'live', 'outbox', 'outbox-panel', 'saved-cases', 'store', 'ui', 'views'].map(m => `/js/${m}.js`),
];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});
workbox.core.clientsClaim();

// On a slow network a copy after five seconds beats a blank page; the next load fetches the new shell again.
const shell = new NetworkFirst({ cacheName: SHELL_CACHE, networkTimeoutSeconds: 5 });
registerRoute(new NavigationRoute(shell));
registerRoute(({ url, request }) => url.origin === self.location.origin && request.method === 'GET' &&
  /^\/(css|js|lib|locales)\/|^\/(favicon\.svg|manifest\.webmanifest|icons\/.+\.png)$/.test(url.pathname), shell);
