// The details form's checks, mirroring the server's limits (CreateBookingRequest), and errors shown at their field.

import { el } from './api.js';

// Control characters, unpaired surrogates and line/paragraph separators, as the server's @PlainText refuses them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^[0-9+()./\- ]*$/;

const RULES = {
	name: { required: 'Enter your name.', max: 200, control: CONTROL },
	email: { required: 'Enter your email address.', max: 254, control: CONTROL,
		pattern: EMAIL, patternMessage: 'Enter an email address like name@example.com.' },
	company: { max: 200, control: CONTROL },
	phone: { max: 50, pattern: PHONE, patternMessage: 'Use only digits, spaces and + ( ) . / -' },
	inquiry: { max: 5000, control: CONTROL_MULTILINE },
};

/** The first problem with one field's value, or null. */
function check(name, raw) {
	const rule = RULES[name];
	const value = name === 'inquiry' ? raw : raw.trim();
	if (!value.trim()) return rule.required || null;
	if (value.length > rule.max) return `Use at most ${rule.max} characters (now ${value.length}).`;
	if (rule.control && rule.control.test(value)) return 'Remove the invisible control characters.';
	if (rule.pattern && !rule.pattern.test(value)) return rule.patternMessage;
	return null;
}

/** Checks every field; marks the invalid ones and focuses the first. True when all are fine. */
export function validate(form) {
	clearFieldErrors(form);
	let first = null;
	for (const name of Object.keys(RULES)) {
		const message = check(name, form.elements[name].value);
		if (message) {
			markInvalid(form, name, message);
			first = first || form.elements[name];
		}
	}
	if (first) first.focus();
	return first === null;
}

/** Shows the server's field errors at their fields; returns those that name no field of the form. */
export function showFieldErrors(form, errors) {
	const unplaced = [];
	let first = null;
	for (const error of errors) {
		if (RULES[error.field] && form.elements[error.field]) {
			markInvalid(form, error.field, `${capitalise(error.message)}.`);
			first = first || form.elements[error.field];
		}
		else {
			unplaced.push(error);
		}
	}
	if (first) first.focus();
	return unplaced;
}

export function markInvalid(form, name, message) {
	const input = form.elements[name];
	clearField(input);
	input.setAttribute('aria-invalid', 'true');
	const note = el('p', { class: 'field-error', id: `${input.id}-error` }, message);
	input.dataset.describedBy = input.getAttribute('aria-describedby') || '';
	input.setAttribute('aria-describedby', `${note.id} ${input.dataset.describedBy}`.trim());
	input.insertAdjacentElement('afterend', note);
}

export function clearFieldErrors(form) {
	for (const input of form.querySelectorAll('[aria-invalid="true"]')) clearField(input);
}

function clearField(input) {
	const note = document.getElementById(`${input.id}-error`);
	if (note) note.remove();
	if (input.getAttribute('aria-invalid') === 'true') {
		input.removeAttribute('aria-invalid');
		if (input.dataset.describedBy) input.setAttribute('aria-describedby', input.dataset.describedBy);
		else input.removeAttribute('aria-describedby');
	}
}

/** A field's error goes away as soon as its value is fine again. */
export function revalidateOnInput(form) {
	form.addEventListener('input', (event) => {
		const name = event.target.name;
		if (RULES[name] && event.target.getAttribute('aria-invalid') === 'true' && !check(name, event.target.value)) {
			clearField(event.target);
		}
	});
}

function capitalise(text) {
	const trimmed = String(text || '').replace(/\.$/, '');
	return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
