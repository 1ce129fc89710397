import {
	api, downloadCalendar, el, hideMessage, problemLines, showMessage,
} from './api.js';
import { describeRange, renderBusinessHours } from './display.js';
import { slotPicker } from './picker.js';
import { visitorZone } from './time.js';

const id = new URLSearchParams(window.location.search).get('id');
// The token lives in the fragment so that it never reaches a server log or a Referer header.
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

const loading = document.getElementById('loading');
const loadProblem = document.getElementById('load-problem');
const card = document.getElementById('booking');
const actionStatus = document.getElementById('action-status');
const actionProblem = document.getElementById('action-problem');
const moveProblem = document.getElementById('move-problem');
const reschedule = document.getElementById('reschedule');
const showReschedule = document.getElementById('show-reschedule');
const confirmReschedule = document.getElementById('confirm-reschedule');
const newSlot = document.getElementById('new-slot');
const dialog = document.getElementById('confirm-cancel');

let booking = null;
let businessZone = null;
let chosenSlot = null;
let picker = null;

for (const node of document.querySelectorAll('.visitor-zone')) node.textContent = visitorZone;

const bookingPath = () => `/api/bookings/${encodeURIComponent(id)}`;
const durationMinutes = () => Math.round((new Date(booking.endTime) - new Date(booking.startTime)) / 60000);

function learnBusiness(answer) {
	businessZone = answer.timeZone;
	for (const node of document.querySelectorAll('.business-zone')) node.textContent = answer.timeZone;
	renderBusinessHours(document.getElementById('business-hours'), answer.businessHours);
}

async function load() {
	if (!id || !token) {
		loading.hidden = true;
		showMessage(loadProblem, 'This link is incomplete.',
			['Open the full link from your confirmation, including the part after the # sign.']);
		return;
	}
	try {
		const found = await api('GET', bookingPath(), { token });
		// Only to learn the business time zone and hours; without them the page still works in the visitor's zone.
		const today = new Date().toISOString().slice(0, 10);
		const availability = await api('GET', `/api/bookings/available-slots?startDate=${today}&endDate=${today}`).catch(() => null);
		if (availability) learnBusiness(availability);
		render(found);
		card.hidden = false;
	}
	catch (problem) {
		if (problem.status === 404) {
			showMessage(loadProblem, 'We could not find this booking.',
				['The link may be mistyped or incomplete. Open it again from your confirmation.']);
		}
		else {
			const retry = el('button', { type: 'button' }, 'Try again');
			retry.addEventListener('click', () => {
				hideMessage(loadProblem);
				loading.hidden = false;
				load();
			});
			showMessage(loadProblem, 'We could not load your booking just now.', problemLines(problem), [retry]);
		}
	}
	finally {
		loading.hidden = true;
	}
}

function render(current) {
	booking = current;
	const cancelled = booking.status === 'CANCELLED';
	const started = new Date(booking.startTime) <= new Date();
	const held = booking.status === 'PENDING_VERIFICATION';
	const status = document.getElementById('status');
	status.textContent = cancelled ? 'Cancelled' : held ? 'Waiting for your email confirmation' : 'Confirmed';
	status.className = `badge ${cancelled ? 'badge-cancelled' : held ? 'badge-held' : 'badge-confirmed'}`;
	describeRange(document.getElementById('booking-time'), booking.startTime, booking.endTime, businessZone);
	const summary = document.getElementById('booking-details');
	summary.replaceChildren();
	for (const [label, value] of [['Name', booking.name], ['Email', booking.email], ['Company', booking.company],
		['Phone', booking.phone], ['Message', booking.inquiry], ['Reference', booking.id]]) {
		if (value) summary.append(el('dt', {}, label), el('dd', {}, value));
	}
	document.getElementById('current-length').textContent = `${durationMinutes()} minutes`;
	document.getElementById('actions').hidden = cancelled || started;
	if (cancelled) {
		actionStatus.textContent = booking.cancellationReason === 'VERIFICATION_EXPIRED'
			? 'This booking was released because its email address was not confirmed in time.'
			: 'This booking is cancelled.';
		closeReschedule();
	}
	else if (held) {
		actionStatus.textContent = 'Open the link we emailed you to confirm this booking; until then the time is only held.';
	}
	else if (started) {
		actionStatus.textContent = 'This meeting has already started, so it can no longer be changed here.';
	}
}

function openReschedule() {
	reschedule.hidden = false;
	showReschedule.setAttribute('aria-expanded', 'true');
	hideMessage(moveProblem);
	const root = document.getElementById('picker');
	root.replaceChildren();
	chosenSlot = null;
	newSlot.hidden = true;
	confirmReschedule.disabled = true;
	// A fresh picker each time: "current" is the booking's start as it is now.
	picker = slotPicker(root, {
		idPrefix: 'move',
		current: booking.startTime,
		load(startDate, endDate) {
			const params = new URLSearchParams({ startDate, endDate, duration: durationMinutes(), bookingId: id });
			return api('GET', `/api/bookings/available-slots?${params}`, { token });
		},
		onAnswer: learnBusiness,
		onSelect(slot) {
			chosenSlot = slot;
			newSlot.hidden = !slot;
			confirmReschedule.disabled = !slot;
			if (!slot) return;
			hideMessage(moveProblem);
			describeRange(newSlot, slot.start, slot.end, businessZone);
			newSlot.prepend(el('span', { class: 'chosen-label' }, 'New time'));
			confirmReschedule.focus();
		},
	});
	picker.reload();
	document.getElementById('reschedule-heading').focus();
}

function closeReschedule() {
	reschedule.hidden = true;
	showReschedule.setAttribute('aria-expanded', 'false');
}

showReschedule.addEventListener('click', () => (reschedule.hidden ? openReschedule() : closeReschedule()));
document.getElementById('close-reschedule').addEventListener('click', () => {
	closeReschedule();
	showReschedule.focus();
});

confirmReschedule.addEventListener('click', async () => {
	if (!chosenSlot) return;
	hideMessage(moveProblem);
	confirmReschedule.disabled = true;
	try {
		render(await api('PATCH', bookingPath(), { token, body: { startTime: chosenSlot.start } }));
		closeReschedule();
		actionStatus.textContent = 'Your booking has been moved to the new time.';
		document.getElementById('booking-heading').focus();
	}
	catch (problem) {
		if (problem.kind === 'slot-unavailable' || problem.kind === 'slot-not-offered') {
			await picker.refreshAfter('Sorry, that time is no longer free.',
				['The free times have been refreshed: please choose another one.']);
		}
		else {
			confirmReschedule.disabled = false;
			showMessage(moveProblem, problem.title, problemLines(problem));
		}
	}
});

document.getElementById('add-to-calendar').addEventListener('click', async () => {
	const status = document.getElementById('calendar-status');
	try {
		await downloadCalendar(id, token);
		status.textContent = 'The calendar file has been downloaded: open it to add the meeting to your calendar.';
	}
	catch {
		status.textContent = 'The calendar file could not be downloaded. Please try again.';
	}
});

document.getElementById('cancel-booking').addEventListener('click', () => {
	dialog.returnValue = '';
	dialog.showModal();
});

dialog.addEventListener('close', () => {
	if (dialog.returnValue === 'cancel') cancel();
	else document.getElementById('cancel-booking').focus();
});

async function cancel() {
	hideMessage(actionProblem);
	try {
		render(await api('DELETE', bookingPath(), { token }));
		actionStatus.textContent = 'Your booking is cancelled. The time is free for others again.';
		document.getElementById('booking-heading').focus();
	}
	catch (problem) {
		showMessage(actionProblem, problem.title, problemLines(problem));
	}
}

load();
