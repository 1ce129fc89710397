// Talking to the API: JSON in and out, RFC 9457 problems turned into ApiProblem, and small DOM helpers the pages share.

/** A refused or failed request, carrying the problem document the API answered with. */
export class ApiProblem extends Error {
	constructor(status, problem = {}) {
		super(problem.detail || problem.title || `Request failed (${status})`);
		this.status = status;
		this.title = problem.title || titleFor(status);
		this.detail = problem.detail || '';
		this.errors = Array.isArray(problem.errors) ? problem.errors : [];
		// The last path segment of the problem type: "slot-unavailable", "validation-failed", ...
		this.kind = typeof problem.type === 'string' ? problem.type.split('/').pop() : '';
		this.retryAfter = problem.retryAfter;
	}
}

function titleFor(status) {
	if (status === 0) return 'The booking service cannot be reached';
	if (status === 404) return 'Not found';
	if (status === 429) return 'Too many requests';
	if (status >= 500) return 'Something went wrong on our side';
	return 'The request was not accepted';
}

/** Calls the API; resolves with the JSON body, rejects with an ApiProblem (status 0 when nothing answered). */
export async function api(method, path, { body, token } = {}) {
	const headers = { Accept: 'application/json, application/problem+json' };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	if (token) headers['X-Booking-Token'] = token;
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'same-origin',
			cache: 'no-store',
		});
	}
	catch {
		throw new ApiProblem(0, { detail: 'Check your connection and try again.' });
	}
	const text = await response.text();
	let data = {};
	if (text) {
		try {
			data = JSON.parse(text);
		}
		catch {
			data = {};
		}
	}
	if (!response.ok) {
		throw new ApiProblem(response.status, { ...data, retryAfter: response.headers.get('Retry-After') });
	}
	return data;
}

/** Creates an element with attributes and text or child nodes. */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === undefined || value === null) continue;
		node.setAttribute(name, value === true ? '' : value);
	}
	node.append(...children.filter((child) => child !== undefined && child !== null && child !== false));
	return node;
}

/**
 * Shows a message in {@code box} (a title, optional detail lines, optional action buttons) and moves focus to it, so
 * screen readers announce it and keyboard users are where they can act on it.
 */
export function showMessage(box, title, details = [], actions = []) {
	box.replaceChildren(el('p', { class: 'problem-title' }, title));
	for (const line of details.filter(Boolean)) box.append(el('p', {}, line));
	if (actions.length) box.append(el('div', { class: 'actions' }, ...actions));
	box.hidden = false;
	box.focus();
}

export function hideMessage(box) {
	box.replaceChildren();
	box.hidden = true;
}

/** Plain-words lines for a problem the page has no more specific text for. */
export function problemLines(problem) {
	const lines = [];
	if (problem.detail && problem.detail !== problem.title) lines.push(problem.detail);
	if (problem.retryAfter) lines.push(`Please try again in ${problem.retryAfter} seconds.`);
	for (const error of problem.errors) lines.push(`${error.field}: ${error.message}`);
	return lines;
}

/** Saves the booking's calendar file (ICS): fetched with the token in a header, never in a URL. */
export async function downloadCalendar(bookingId, token) {
	const response = await fetch(`/api/bookings/${encodeURIComponent(bookingId)}/calendar.ics`, {
		headers: { 'X-Booking-Token': token, Accept: 'text/calendar, application/problem+json' },
		cache: 'no-store',
	});
	if (!response.ok) throw new ApiProblem(response.status, {});
	const url = URL.createObjectURL(await response.blob());
	const link = el('a', { href: url, download: 'booking.ics', hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}
