// Shared by the booking page and the manage page: API calls with RFC 9457 problems, time formatting
// in the business and the visitor's time zone, business hours, and the slot finder.

export const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A refused or failed request, carrying the problem document the API answered with. */
export class ApiProblem extends Error {
	constructor(status, problem) {
		super(problem.detail || problem.title || `Request failed (${status})`);
		this.status = status;
		this.title = problem.title || titleFor(status);
		this.detail = problem.detail || '';
		this.errors = Array.isArray(problem.errors) ? problem.errors : [];
		this.type = problem.type || '';
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

/** Calls the API; resolves with the JSON body, rejects with an ApiProblem. */
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
			data = { detail: text.slice(0, 300) };
		}
	}
	if (!response.ok) {
		const retryAfter = response.headers.get('Retry-After');
		throw new ApiProblem(response.status, { ...data, retryAfter });
	}
	return data;
}

/** Shows a problem in {@code box} and marks the fields it names as invalid within {@code form}. */
export function showProblem(box, problem, form) {
	clearProblem(box, form);
	const title = el('p', { class: 'problem-title' }, problem.title);
	box.append(title);
	if (problem.detail && problem.detail !== problem.title) {
		box.append(el('p', {}, problem.detail));
	}
	if (problem.retryAfter) {
		box.append(el('p', {}, `Please try again in ${problem.retryAfter} seconds.`));
	}
	if (problem.errors.length) {
		const list = el('ul', {});
		for (const error of problem.errors) {
			const label = fieldLabel(form, error.field);
			list.append(el('li', {}, label ? `${label}: ${error.message}` : error.message));
			markInvalid(form, error.field, error.message);
		}
		box.append(list);
	}
	box.hidden = false;
	box.focus();
}

export function clearProblem(box, form) {
	box.replaceChildren();
	box.hidden = true;
	if (!form) return;
	for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
		input.removeAttribute('aria-invalid');
	}
	for (const message of form.querySelectorAll('.field-error')) {
		message.remove();
	}
}

function fieldLabel(form, field) {
	const input = form && field ? form.elements.namedItem(field) : null;
	if (input && input.labels && input.labels.length) {
		return input.labels[0].textContent.replace(/\s*\(.*\)\s*$/, '').replace(/\s*\*$/, '').trim();
	}
	return field || '';
}

function markInvalid(form, field, message) {
	const input = form && field ? form.elements.namedItem(field) : null;
	if (!input || !input.id) return;
	input.setAttribute('aria-invalid', 'true');
	const note = el('p', { class: 'field-error', id: `${input.id}-error` }, message);
	input.setAttribute('aria-describedby', note.id);
	input.insertAdjacentElement('afterend', note);
}

/** Creates an element with attributes and text or child nodes. */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === undefined || value === null) continue;
		node.setAttribute(name, value === true ? '' : value);
	}
	node.append(...children.filter((child) => child !== undefined && child !== null));
	return node;
}

/** The calendar date (YYYY-MM-DD) of {@code instant} in {@code zone}. */
export function dateIn(zone, instant = new Date()) {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(instant);
	const part = (type) => parts.find((p) => p.type === type).value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(isoDate, days) {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function zoneName(zone, instant) {
	const parts = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant);
	const name = parts.find((p) => p.type === 'timeZoneName');
	return name ? name.value : zone;
}

export function formatTime(instant, zone) {
	return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(instant);
}

export function formatDate(instant, zone) {
	return new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
		.format(instant);
}

function formatDateHeading(isoDate) {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' })
		.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Tuesday, 1 December 2026, 09:00–09:30 GMT", in the given zone. */
export function formatRange(start, end, zone) {
	const s = new Date(start);
	const e = new Date(end);
	return `${formatDate(s, zone)}, ${formatTime(s, zone)}–${formatTime(e, zone)} ${zoneName(zone, s)}`;
}

/** Appends the time of a booking or slot in the business zone and, when it differs, the visitor's zone. */
export function describeRange(container, start, end, businessZone) {
	container.replaceChildren(el('span', { class: 'time-business' }, formatRange(start, end, businessZone)));
	if (sameOffset(start, businessZone, visitorZone)) {
		container.append(el('span', { class: 'time-local' }, 'This is also your local time.'));
	}
	else {
		container.append(el('span', { class: 'time-local' }, `Your time (${visitorZone}): ${formatRange(start, end, visitorZone)}`));
	}
}

function sameOffset(instant, zoneA, zoneB) {
	const at = new Date(instant);
	const render = (zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(at);
	return render(zoneA) === render(zoneB);
}

/** Renders business hours Monday first, consecutive days with the same hours together ("Monday–Friday"). */
export function renderBusinessHours(list, businessHours) {
	list.replaceChildren();
	const hoursOf = (day) => ((businessHours && businessHours[day]) || []).map((r) => `${r.start}–${r.end}`);
	const groups = [];
	for (const day of DAYS) {
		const hours = hoursOf(day);
		const last = groups[groups.length - 1];
		if (last && last.hours.join() === hours.join()) last.days.push(day);
		else groups.push({ days: [day], hours });
	}
	const dayName = (day) => day.charAt(0) + day.slice(1).toLowerCase();
	for (const { days, hours } of groups) {
		const first = dayName(days[0]);
		const label = days.length === 1 ? first
			: `${first}${days.length === 2 ? ' and ' : '–'}${dayName(days[days.length - 1])}`;
		const value = el('dd', { class: hours.length ? '' : 'closed' });
		if (!hours.length) value.textContent = 'Closed';
		hours.forEach((range, i) => value.append(el('span', { class: 'range' }, range + (i < hours.length - 1 ? ',' : '')), ' '));
		list.append(el('dt', {}, label), value);
	}
}

/**
 * Wires a slot finder: a form with a date range (and optionally a duration) whose results are radio
 * buttons grouped by business date. {@code onInfo} receives every successful availability answer.
 */
export function slotFinder(root, { duration, onInfo, onSelect, problemBox }) {
	const form = root.querySelector('form.finder');
	const results = root.querySelector('.slots');
	const status = root.querySelector('.slots-status');
	const today = dateIn(visitorZone);
	form.elements.startDate.value = form.elements.startDate.value || today;
	form.elements.endDate.value = form.elements.endDate.value || addDays(today, 6);
	let businessZone = null;

	async function search() {
		clearProblem(problemBox, form);
		const params = new URLSearchParams({
			startDate: form.elements.startDate.value,
			endDate: form.elements.endDate.value,
		});
		const chosen = duration ? duration() : form.elements.duration.value;
		if (chosen) params.set('duration', chosen);
		status.textContent = 'Looking for free times…';
		results.replaceChildren();
		results.setAttribute('aria-busy', 'true');
		try {
			const answer = await api('GET', `/api/bookings/available-slots?${params}`);
			businessZone = answer.timeZone;
			if (onInfo) onInfo(answer);
			renderSlots(answer);
		}
		catch (problem) {
			status.textContent = '';
			showProblem(problemBox, problem, form);
		}
		finally {
			results.removeAttribute('aria-busy');
		}
	}

	function renderSlots(answer) {
		const slots = answer.slots || [];
		if (!slots.length) {
			status.textContent = 'No free times in these dates. Try other dates or a shorter meeting.';
			return;
		}
		status.textContent = `${slots.length} free ${slots.length === 1 ? 'time' : 'times'} found, shown in ${answer.timeZone}`
			+ (answer.timeZone === visitorZone ? '.' : ` with your local time (${visitorZone}) below each.`);
		const byDate = new Map();
		for (const slot of slots) {
			const date = dateIn(answer.timeZone, new Date(slot.start));
			if (!byDate.has(date)) byDate.set(date, []);
			byDate.get(date).push(slot);
		}
		for (const [date, daySlots] of byDate) {
			const legend = el('legend', {}, formatDateHeading(date));
			const group = el('fieldset', { class: 'slot-day' }, legend);
			const options = el('div', { class: 'slot-options' });
			for (const slot of daySlots) {
				const id = `slot-${slot.start.replace(/[^0-9A-Za-z]/g, '')}`;
				const start = new Date(slot.start);
				const input = el('input', { type: 'radio', name: 'slot', id, value: slot.start, 'data-end': slot.end });
				input.addEventListener('change', () => onSelect && onSelect(slot, answer.timeZone));
				const label = el('label', { for: id },
					el('span', { class: 'slot-business' }, formatTime(start, answer.timeZone)),
					sameOffset(start, answer.timeZone, visitorZone) ? null
						: el('span', { class: 'slot-local' }, localLabel(start, date)));
				options.append(el('div', { class: 'slot' }, input, label));
			}
			group.append(options);
			results.append(group);
		}
	}

	function localLabel(start, businessDate) {
		const time = formatTime(start, visitorZone);
		if (dateIn(visitorZone, start) === businessDate) return `${time} your time`;
		const day = new Intl.DateTimeFormat(undefined, { timeZone: visitorZone, weekday: 'short' }).format(start);
		return `${day} ${time} your time`;
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		search();
	});
	return { search, zone: () => businessZone };
}
