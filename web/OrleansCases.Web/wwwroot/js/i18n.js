// The portal's words and formats: every string comes from a message catalog (wwwroot/locales/<language>.json) through
// i18next, which the page loads from /lib (npm, copied at build); dates, times and numbers go through Intl in the
// language's locale. The language is remembered per user on this device, and before sign-in per device.

/** The languages the portal speaks, each named in its own script so anyone can find theirs. */
export const LANGUAGES = {
  en: { name: 'English', locale: 'en-IN' },
  hi: { name: 'हिन्दी', locale: 'hi-IN' },
  mr: { name: 'मराठी', locale: 'mr-IN' },
};

const DEVICE_KEY = 'orleanscases.language';
const userKey = userId => `${DEVICE_KEY}.${userId}`;
const loaded = new Set();

/** The language to start in: the one last chosen on this device, else the browser's, else English. */
function initialLanguage() {
  const stored = localStorage.getItem(DEVICE_KEY);
  if (stored in LANGUAGES) return stored;
  const preferred = (navigator.languages ?? [navigator.language]).map(tag => tag.split('-')[0]);
  return preferred.find(code => code in LANGUAGES) ?? 'en';
}

async function load(language) {
  if (loaded.has(language)) return;
  const response = await fetch(`/locales/${language}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The ${language} catalog did not load (${response.status}).`);
  i18next.addResourceBundle(language, 'translation', await response.json());
  loaded.add(language);
}

export async function startI18n() {
  const language = initialLanguage();
  // Text only ever reaches the page as textContent, never as HTML, so i18next need not escape it.
  await i18next.init({ lng: language, fallbackLng: 'en', resources: {}, interpolation: { escapeValue: false } });
  await Promise.all([load('en'), load(language)]);
  await i18next.changeLanguage(language);
  translatePage();
}

export const t = (key, options) => i18next.t(key, options);

export const language = () => i18next.language;

/** The Intl locale of the page's language (en-IN, hi-IN, mr-IN). */
export const locale = () => LANGUAGES[language()]?.locale ?? 'en-IN';

/** Switches language; with a user, remembers it for them (a shared phone keeps each user's own). */
export async function setLanguage(code, userId = null) {
  if (!(code in LANGUAGES)) return;
  await load(code);
  await i18next.changeLanguage(code);
  localStorage.setItem(DEVICE_KEY, code);
  if (userId) localStorage.setItem(userKey(userId), code);
  translatePage();
}

/** At sign-in: the user's own language if they chose one here before; else they keep the one on screen. */
export async function useLanguageOf(userId) {
  const chosen = localStorage.getItem(userKey(userId));
  await setLanguage(chosen in LANGUAGES ? chosen : language(), userId);
}

/** The page's fixed text: elements marked data-i18n="key" (text) and data-i18n-label="key" (aria-label). */
export function translatePage() {
  document.documentElement.lang = language();
  document.title = t('app.title');
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const select of document.querySelectorAll('select.language')) select.value = language();
}

export function formatTime(value, withDate = true) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return withDate
    ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
}

export const formatNumber = (value, options) => new Intl.NumberFormat(locale(), options).format(value);
