// What both pages show about time: a booking's time in both zones and the business hours.

import { el } from './api.js';
import { formatRange, sameClock, visitorZone } from './time.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Fills {@code container} with the time of {@code [start, end)} in the visitor's zone and the business's. */
export function describeRange(container, start, end, businessZone) {
	const zone = businessZone || visitorZone;
	const lines = [el('span', { class: 'time-main' }, `Your time: ${formatRange(start, end, visitorZone)}`)];
	if (sameClock(start, zone, visitorZone)) {
		lines.push(el('span', { class: 'time-other' }, `The same as our time (${zone}).`));
	}
	else {
		lines.push(el('span', { class: 'time-other' }, `Our time (${zone}): ${formatRange(start, end, zone)}`));
	}
	container.replaceChildren(...lines);
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
