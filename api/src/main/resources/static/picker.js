// The slot picker both pages use: two weeks of days (only days with a free time can be chosen, the rest visibly
// disabled), then one day's free times at a time, in the visitor's time zone or the business's.

import { el, hideMessage, problemLines, showMessage } from './api.js';
import { moveBetweenDays } from './day-keys.js';
import {
	addDays, dateIn, dayNumber, formatDay, formatTime, monthShort, placeOf, sameClock, visitorZone, weekdayIndex,
} from './time.js';

const PAGE_DAYS = 14;
const MAX_PAGES_AHEAD = 26;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * @param root an empty element to build the picker in
 * @param options.idPrefix makes the ids unique on the page
 * @param options.load (startDate, endDate) => Promise of the available-slots answer (business dates, inclusive)
 * @param options.onAnswer called with every answer (time zone, business hours)
 * @param options.onSelect called with the chosen slot, or null when the choice is gone
 * @param options.current the start of the booking being moved: shown in its place, not selectable, and the day the
 * picker opens on
 */
export function slotPicker(root, options) {
	const id = (name) => `${options.idPrefix}-${name}`;
	const today = dateIn(visitorZone);
	const firstPage = addDays(today, -weekdayIndex(today));
	let zone = visitorZone;
	let selectedDay = options.current ? dateIn(zone, options.current) : null;
	let pageStart = pageOf(selectedDay || today);
	let businessZone = null;
	let byDay = new Map();
	let selectedSlot = null;
	let loading = false;
	let request = 0;

	const zoneSwitch = el('fieldset', { class: 'zone-switch', hidden: true },
		el('legend', {}, 'Show times in'),
		zoneOption('visitor', `Your time zone (${placeOf(visitorZone)})`, true),
		zoneOption('business', 'Our time zone'));
	const previous = el('button', { type: 'button', class: 'secondary nav', 'aria-controls': id('days') }, '← Earlier');
	const next = el('button', { type: 'button', class: 'secondary nav', 'aria-controls': id('days') }, 'Later →');
	const rangeHeading = el('h3', { id: id('range'), class: 'range-heading' });
	const days = el('div', { class: 'days', id: id('days'), role: 'group', 'aria-labelledby': id('range') });
	const status = el('p', { class: 'picker-status', role: 'status', 'aria-live': 'polite' });
	const problem = el('div', { class: 'problem', role: 'alert', tabindex: '-1', hidden: true, id: id('problem') });
	const dayHeading = el('h3', { id: id('day'), class: 'day-heading', tabindex: '-1' });
	const zoneNote = el('p', { class: 'zone-note' });
	const slotList = el('div', { class: 'slot-list', role: 'group', 'aria-labelledby': id('day') });
	const daySection = el('div', { class: 'day-slots', hidden: true }, dayHeading, zoneNote, slotList);

	root.append(zoneSwitch,
		el('div', { class: 'days-nav' }, previous, rangeHeading, next),
		el('div', { class: 'weekdays', 'aria-hidden': 'true' }, ...WEEKDAYS.map((d) => el('span', {}, d))),
		days, status, problem, daySection);

	function zoneOption(value, text, checked = false) {
		const input = el('input', { type: 'radio', name: id('zone'), id: id(`zone-${value}`), value, checked });
		input.addEventListener('change', () => {
			zone = value === 'business' && businessZone ? businessZone : visitorZone;
			if (selectedSlot) selectedDay = dateIn(zone, selectedSlot.start);
			regroup();
			render();
		});
		return el('div', { class: 'zone-option' }, input, el('label', { for: id(`zone-${value}`) }, text));
	}

	let slots = [];

	function regroup() {
		byDay = new Map();
		for (const slot of slots) {
			const date = dateIn(zone, slot.start);
			if (!byDay.has(date)) byDay.set(date, []);
			byDay.get(date).push(slot);
		}
	}

	/** The first day of the two weeks (counted from this week's Monday) that hold {@code date}. */
	function pageOf(date) {
		const [a, b] = [firstPage, date].map((d) => Date.parse(`${d}T00:00:00Z`));
		return addDays(firstPage, Math.max(0, Math.floor((b - a) / 86400000 / PAGE_DAYS)) * PAGE_DAYS);
	}

	const pageDates = () => Array.from({ length: PAGE_DAYS }, (_, i) => addDays(pageStart, i));
	const bookable = (date) => date >= today && (byDay.get(date) || []).some((slot) => slot.start !== options.current);
	const countOn = (date) => (byDay.get(date) || []).filter((slot) => slot.start !== options.current).length;

	/** Asks for the page's free times again; the choice survives when it is still free. */
	async function reload() {
		const mine = ++request;
		loading = true;
		hideMessage(problem);
		status.textContent = 'Loading free times…';
		render();
		try {
			// A visitor's date can be a business date either side: ask for two more on each end.
			const answer = await options.load(addDays(pageStart, -2), addDays(pageStart, PAGE_DAYS + 1));
			if (mine !== request) return false;
			businessZone = answer.timeZone;
			slots = answer.slots || [];
			if (options.onAnswer) options.onAnswer(answer);
			showZoneSwitch();
			regroup();
			loading = false;
			if (selectedSlot && !slots.some((slot) => slot.start === selectedSlot.start)) {
				selectedSlot = null;
				options.onSelect(null);
			}
			if (!selectedDay || !pageDates().includes(selectedDay) || !bookable(selectedDay)) {
				selectedDay = pageDates().find(bookable) || null;
			}
			announce();
			render();
			return true;
		}
		catch (failure) {
			if (mine !== request) return false;
			loading = false;
			slots = [];
			regroup();
			status.textContent = '';
			render();
			const retry = el('button', { type: 'button' }, 'Try again');
			retry.addEventListener('click', () => reload());
			showMessage(problem, 'We could not load the free times.', problemLines(failure), [retry]);
			return false;
		}
	}

	function showZoneSwitch() {
		const business = root.querySelector(`#${id('zone-business')} + label`);
		business.textContent = `Our time zone (${placeOf(businessZone)})`;
		zoneSwitch.hidden = businessZone === visitorZone;
	}

	function announce() {
		const dates = pageDates().filter(bookable);
		const total = dates.reduce((sum, date) => sum + countOn(date), 0);
		status.textContent = total
			? `${total} free ${total === 1 ? 'time' : 'times'} on ${dates.length} ${dates.length === 1 ? 'day' : 'days'} between ${formatDay(pageStart)} and ${formatDay(addDays(pageStart, PAGE_DAYS - 1))}.`
			: `Nothing is free between ${formatDay(pageStart)} and ${formatDay(addDays(pageStart, PAGE_DAYS - 1))}. Try later dates.`;
	}

	function render() {
		rangeHeading.textContent = `${formatDay(pageStart, { short: true })} – ${formatDay(addDays(pageStart, PAGE_DAYS - 1), { short: true })}`;
		previous.disabled = loading || pageStart <= firstPage;
		next.disabled = loading || pageStart >= addDays(firstPage, PAGE_DAYS * MAX_PAGES_AHEAD);
		days.setAttribute('aria-busy', String(loading));
		renderDays();
		renderSlots();
	}

	function renderDays() {
		const dates = pageDates();
		const focusable = selectedDay && bookable(selectedDay) ? selectedDay : dates.find(bookable);
		days.replaceChildren(...dates.map((date, i) => {
			const count = loading ? 0 : countOn(date);
			const enabled = !loading && bookable(date);
			const showMonth = i === 0 || dayNumber(date) === '1';
			const weekday = dayPart(date, { weekday: 'long' });
			// The accessible name reads "Tuesday 1 December, 3 free" and contains the visible text, in order.
			const button = el('button', {
				type: 'button',
				class: 'day',
				'data-date': date,
				disabled: !enabled,
				'aria-pressed': String(date === selectedDay),
				tabindex: date === focusable ? '0' : '-1',
			},
			el('span', { class: 'visually-hidden' }, `${weekday} `),
			showMonth ? el('span', { class: 'day-month' }, monthShort(date)) : null,
			showMonth ? ' ' : null,
			el('span', { class: 'day-number' }, dayNumber(date)),
			el('span', { class: 'visually-hidden' }, `${showMonth ? '' : ` ${dayPart(date, { month: 'long' })}`}, `),
			el('span', { class: 'day-count' }, loading ? '…' : count ? `${count} free` : 'none'));
			button.addEventListener('click', () => chooseDay(date));
			return button;
		}));
	}

	function dayPart(date, part) {
		return new Intl.DateTimeFormat(undefined, { ...part, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
	}

	function chooseDay(date) {
		selectedDay = date;
		render();
		dayHeading.focus();
	}

	moveBetweenDays(days, pageDates, bookable);

	function renderSlots() {
		if (loading || !selectedDay) {
			daySection.hidden = true;
			return;
		}
		daySection.hidden = false;
		dayHeading.textContent = `Free times on ${formatDay(selectedDay)}`;
		const other = zone === visitorZone ? businessZone : visitorZone;
		const showOther = other && other !== zone;
		zoneNote.textContent = zone === visitorZone
			? `Times in your time zone (${visitorZone}).`
			: `Times in our time zone (${zone}).`;
		slotList.replaceChildren(...(byDay.get(selectedDay) || []).map((slot) => {
			const isCurrent = slot.start === options.current;
			const otherText = showOther && !sameClock(slot.start, zone, other) ? otherTime(slot.start, other) : null;
			const button = el('button', {
				type: 'button',
				class: 'slot',
				'data-start': slot.start,
				'aria-pressed': String(selectedSlot !== null && selectedSlot.start === slot.start),
				disabled: isCurrent,
			},
			el('span', { class: 'slot-time' }, formatTime(slot.start, zone)),
			isCurrent ? el('span', { class: 'slot-other' }, 'your current time') : null,
			otherText ? el('span', { class: 'slot-other' }, otherText) : null);
			button.addEventListener('click', () => chooseSlot(slot));
			return button;
		}));
	}

	function otherTime(start, other) {
		const place = other === visitorZone ? 'your time' : placeOf(other);
		const day = dateIn(other, start) === dateIn(zone, start) ? ''
			: `${new Intl.DateTimeFormat(undefined, { timeZone: other, weekday: 'short' }).format(new Date(start))} `;
		return `${day}${formatTime(start, other)} ${place}`;
	}

	function chooseSlot(slot) {
		selectedSlot = slot;
		for (const button of slotList.querySelectorAll('button')) {
			button.setAttribute('aria-pressed', String(button.dataset.start === slot.start));
		}
		options.onSelect(slot);
	}

	function turnPage(days) {
		pageStart = addDays(pageStart, days);
		selectedDay = null;
		reload().then(() => {
			// The pressed button may have become disabled: keep focus inside the picker.
			if (document.activeElement === document.body) rangeHeading.focus();
		});
	}

	rangeHeading.tabIndex = -1;
	previous.addEventListener('click', () => turnPage(-PAGE_DAYS));
	next.addEventListener('click', () => turnPage(PAGE_DAYS));

	return {
		reload,
		/** Forgets the chosen time (the times are about to change). */
		clearChoice() {
			selectedSlot = null;
			options.onSelect(null);
		},
		/** Shows why the chosen time could not be taken, next to the times, after refreshing them. */
		async refreshAfter(title, lines) {
			selectedSlot = null;
			options.onSelect(null);
			if (await reload()) showMessage(problem, title, lines);
		},
		businessZone: () => businessZone,
	};
}
