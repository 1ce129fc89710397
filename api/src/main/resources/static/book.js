import {
	api, downloadCalendar, el, hideMessage, problemLines, showMessage,
} from './api.js';
import { describeRange, renderBusinessHours } from './display.js';
import { clearFieldErrors, markInvalid, revalidateOnInput, showFieldErrors, validate } from './form.js';
import { slotPicker } from './picker.js';
import { visitorZone } from './time.js';

const details = document.getElementById('details');
const confirmation = document.getElementById('confirmation');
const form = document.getElementById('booking-form');
const bookButton = document.getElementById('book-button');
const chosen = document.getElementById('chosen-slot');
const bookingProblem = document.getElementById('booking-problem');
const durationSelect = document.getElementById('duration');
let durationFromServer = false;
let chosenSlot = null;
let booked = null;

document.getElementById('visitor-zone').textContent = visitorZone;

const picker = slotPicker(document.getElementById('picker'), {
	idPrefix: 'book',
	load(startDate, endDate) {
		const params = new URLSearchParams({ startDate, endDate });
		if (durationFromServer) params.set('duration', durationSelect.value);
		return api('GET', `/api/bookings/available-slots?${params}`);
	},
	onAnswer(answer) {
		document.getElementById('business-zone').textContent = answer.timeZone;
		renderBusinessHours(document.getElementById('business-hours'), answer.businessHours);
		if (!durationFromServer && answer.duration) {
			durationFromServer = true;
			selectDuration(answer.duration);
		}
	},
	onSelect(slot) {
		chosenSlot = slot;
		if (!slot) {
			chosen.textContent = 'Choose a time above first.';
			bookButton.disabled = true;
			return;
		}
		describeRange(chosen, slot.start, slot.end, picker.businessZone());
		chosen.prepend(el('span', { class: 'chosen-label' }, 'Your choice'));
		bookButton.disabled = false;
		hideMessage(bookingProblem);
		details.hidden = false;
		document.getElementById('details-heading').focus();
	},
});

// A time free for one length may not fit another: look again right away.
durationSelect.addEventListener('change', () => {
	picker.clearChoice();
	picker.reload();
});

function selectDuration(minutes) {
	const value = String(minutes);
	if (![...durationSelect.options].some((option) => option.value === value)) {
		durationSelect.append(el('option', { value }, `${minutes} minutes`));
	}
	durationSelect.value = value;
}

function optional(value) {
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

revalidateOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	hideMessage(bookingProblem);
	if (!chosenSlot || !validate(form)) return;
	const f = form.elements;
	const body = {
		name: f.name.value.trim(),
		email: f.email.value.trim(),
		company: optional(f.company.value),
		phone: optional(f.phone.value),
		inquiry: optional(f.inquiry.value),
		startTime: chosenSlot.start,
		durationMinutes: Number(durationSelect.value),
		timeZone: visitorZone,
	};
	bookButton.disabled = true;
	bookButton.textContent = 'Booking…';
	try {
		showConfirmation(await api('POST', '/api/bookings', { body }));
	}
	catch (problem) {
		await explain(problem);
	}
	finally {
		bookButton.textContent = 'Book this time';
		bookButton.disabled = !chosenSlot;
	}
});

/** Puts the server's refusal next to what caused it, in plain words. */
async function explain(problem) {
	if (problem.kind === 'slot-unavailable' || problem.kind === 'slot-not-offered') {
		// Someone else was quicker, or the time has moved out of the booking window: show what is free now.
		await picker.refreshAfter(problem.kind === 'slot-unavailable'
			? 'Sorry, that time was just taken.' : 'Sorry, that time can no longer be booked.',
		['The free times have been refreshed: please choose another one. Your details are kept.']);
		return;
	}
	if (problem.kind === 'frequency-limit-exceeded') {
		markInvalid(form, 'email', `This email address already has the most bookings allowed for now. ${problem.detail}`.trim());
		form.elements.email.focus();
		return;
	}
	if (problem.kind === 'validation-failed' && problem.errors.length) {
		const unplaced = showFieldErrors(form, problem.errors);
		if (unplaced.length) {
			showMessage(bookingProblem, 'Please check your booking.', unplaced.map((e) => `${e.field}: ${e.message}`));
		}
		return;
	}
	if (problem.kind === 'rate-limited') {
		showMessage(bookingProblem, 'Too many attempts from your connection.',
			[`Please wait ${problem.retryAfter || 'a few'} seconds, then press "Book this time" again.`]);
		return;
	}
	if (problem.status === 0 || problem.status >= 500) {
		showMessage(bookingProblem, 'We could not make the booking just now.',
			['Nothing was booked. Please try again in a moment.', ...problemLines(problem)]);
		return;
	}
	showMessage(bookingProblem, problem.title, problemLines(problem));
}

function showConfirmation(booking) {
	booked = booking;
	describeRange(document.getElementById('confirmation-time'), booking.startTime, booking.endTime, picker.businessZone());
	const summary = document.getElementById('confirmation-details');
	summary.replaceChildren();
	for (const [label, value] of [['Name', booking.name], ['Email', booking.email], ['Company', booking.company],
		['Phone', booking.phone], ['Reference', booking.id]]) {
		if (value) summary.append(el('dt', {}, label), el('dd', {}, value));
	}
	// With email verification on, the booking is only held until the customer opens the link we emailed.
	const held = booking.status === 'PENDING_VERIFICATION';
	document.getElementById('confirmation-heading').textContent = held ? 'Check your email' : "You're booked";
	document.getElementById('check-email-address').textContent = booking.email;
	document.getElementById('check-email').hidden = !held;
	document.getElementById('add-to-calendar').hidden = held;
	const link = document.getElementById('manage-link');
	link.href = booking.manageUrl;
	link.textContent = booking.manageUrl;
	document.getElementById('find').hidden = true;
	details.hidden = true;
	confirmation.hidden = false;
	document.getElementById('confirmation-heading').focus();
}

document.getElementById('add-to-calendar').addEventListener('click', async () => {
	const status = document.getElementById('calendar-status');
	try {
		await downloadCalendar(booked.id, booked.manageToken);
		status.textContent = 'The calendar file has been downloaded: open it to add the meeting to your calendar.';
	}
	catch {
		status.textContent = 'The calendar file could not be downloaded. Please try again.';
	}
});

document.getElementById('copy-link').addEventListener('click', async () => {
	const status = document.getElementById('copy-status');
	try {
		await navigator.clipboard.writeText(document.getElementById('manage-link').href);
		status.textContent = 'Copied.';
	}
	catch {
		status.textContent = 'Copy failed: select the link and copy it yourself.';
	}
});

document.getElementById('book-another').addEventListener('click', () => {
	form.reset();
	clearFieldErrors(form);
	booked = null;
	confirmation.hidden = true;
	document.getElementById('find').hidden = false;
	details.hidden = true;
	picker.reload();
	document.getElementById('find-heading').focus();
});

picker.reload();
