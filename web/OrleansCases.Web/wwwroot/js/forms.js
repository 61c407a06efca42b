// Form errors in the user's language, each under its field: the portal checks fields itself (forms are novalidate,
// so the browser's English bubbles never show), and a refusal from the server goes under the fields it names.
import { ApiError } from './api.js';
import { t } from './i18n.js';

const errorLine = (form, name) => form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);

function problemOf(control) {
  const value = control.value.trim();
  if (control.required && !value) return t('form.required');
  if (control.maxLength > 0 && value.length > control.maxLength) return t('form.tooLong', { max: control.maxLength });
  if (value && control.pattern && !new RegExp(`^(?:${control.pattern})$`, 'v').test(value)) {
    return t(control.dataset.patternMessage ?? 'form.pattern');
  }
  return null;
}

function mark(form, name, message) {
  const line = errorLine(form, name) ?? errorLine(form, '');
  if (line) line.textContent = message;
  form.elements.namedItem(name)?.setAttribute?.('aria-invalid', 'true');
}

export function clearErrors(form) {
  for (const line of form.querySelectorAll('[data-error-for]')) line.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** Checks every field; marks what is wrong under it and focuses the first. Answers whether the form may be sent. */
export function validate(form) {
  let first = null;
  for (const control of form.querySelectorAll('input, textarea')) {
    const message = problemOf(control);
    if (!message) continue;
    mark(form, control.name, message);
    first ??= control;
  }
  first?.focus();
  return first === null;
}

/** A failed send: the fields a 400 named get their line; anything else goes in the form's own error line. */
export function showErrors(form, error) {
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  const named = fields.filter(([name]) => form.elements.namedItem(name));
  for (const [name, message] of named) mark(form, name, message);
  if (named.length > 0) form.elements.namedItem(named[0][0]).focus();
  if (named.length < fields.length || named.length === 0) errorLine(form, '').textContent = error.message;
}
