import {
	ApiProblem, api, clearProblem, dateIn, describeRange, el, renderBusinessHours, showProblem, slotFinder, visitorZone,
} from './booking.js';

const id = new URLSearchParams(window.location.search).get('id');
// The token lives in the fragment so that it never reaches a server log.
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

const loading = document.getElementById('loading');
const loadProblem = document.getElementById('load-problem');
const card = document.getElementById('booking');
const actionStatus = document.getElementById('action-status');
const actionProblem = document.getElementById('action-problem');
const reschedule = document.getElementById('reschedule');
const showReschedule = document.getElementById('show-reschedule');
const confirmReschedule = document.getElementById('confirm-reschedule');
const newSlot = document.getElementById('new-slot');
const dialog = document.getElementById('confirm-cancel');

let booking = null;
let businessZone = null;
let chosenSlot = null;

for (const node of document.querySelectorAll('.visitor-zone')) node.textContent = visitorZone;

const bookingPath = () => `/api/bookings/${encodeURIComponent(id)}`;

const durationMinutes = () => Math.round((new Date(booking.endTime) - new Date(booking.startTime)) / 60000);

const finder = slotFinder(reschedule, {
	problemBox: document.getElementById('find-problem'),
	duration: durationMinutes,
	onInfo(answer) {
		learnBusiness(answer);
		chosenSlot = null;
		newSlot.textContent = '';
		confirmReschedule.disabled = true;
	},
	onSelect(slot, zone) {
		chosenSlot = slot;
		describeRange(newSlot, slot.start, slot.end, zone);
		newSlot.prepend(el('span', { class: 'chosen-label' }, 'New time: '));
		confirmReschedule.disabled = false;
	},
});

function learnBusiness(answer) {
	businessZone = answer.timeZone;
	for (const node of document.querySelectorAll('.business-zone')) node.textContent = answer.timeZone;
	renderBusinessHours(document.getElementById('business-hours'), answer.businessHours);
}

async function load() {
	if (!id || !token) {
		loading.hidden = true;
		showProblem(loadProblem, new ApiProblem(404, {
			title: 'This link is incomplete',
			detail: 'Open the full link from your confirmation, including the part after the # sign.',
		}));
		return;
	}
	try {
		const today = dateIn(visitorZone);
		const [found, availability] = await Promise.all([
			api('GET', bookingPath(), { token }),
			// Only to learn the business time zone and hours; a failure here is not fatal.
			api('GET', `/api/bookings/available-slots?startDate=${today}&endDate=${today}`).catch(() => null),
		]);
		if (availability) learnBusiness(availability);
		render(found);
		card.hidden = false;
	}
	catch (problem) {
		if (problem.status === 404) {
			problem.title = 'We could not find this booking';
			problem.detail = 'The link may be mistyped or incomplete. Open it again from your confirmation.';
		}
		showProblem(loadProblem, problem);
	}
	finally {
		loading.hidden = true;
	}
}

function render(current) {
	booking = current;
	const cancelled = booking.status === 'CANCELLED';
	const started = new Date(booking.startTime) <= new Date();
	const status = document.getElementById('status');
	status.textContent = cancelled ? 'Cancelled' : 'Confirmed';
	status.className = `badge ${cancelled ? 'badge-cancelled' : 'badge-confirmed'}`;
	// Until the business zone is known, the visitor's own zone is the honest choice (the booking's timeZone is the
	// customer's, not necessarily the business's).
	describeRange(document.getElementById('booking-time'), booking.startTime, booking.endTime, businessZone || visitorZone);
	const summary = document.getElementById('booking-details');
	summary.replaceChildren();
	for (const [label, value] of [['Name', booking.name], ['Email', booking.email], ['Company', booking.company],
		['Phone', booking.phone], ['About', booking.inquiry], ['Reference', booking.id]]) {
		if (value) summary.append(el('dt', {}, label), el('dd', {}, value));
	}
	document.getElementById('current-length').textContent = `${durationMinutes()} minutes`;
	document.getElementById('actions').hidden = cancelled || started;
	if (cancelled) {
		actionStatus.textContent = 'This booking is cancelled.';
		closeReschedule();
	}
	else if (started) {
		actionStatus.textContent = 'This meeting has already started, so it can no longer be changed here.';
	}
}

function openReschedule() {
	reschedule.hidden = false;
	showReschedule.setAttribute('aria-expanded', 'true');
	finder.search();
	document.getElementById('reschedule-heading').scrollIntoView();
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
	clearProblem(actionProblem);
	confirmReschedule.disabled = true;
	try {
		render(await api('PATCH', bookingPath(), { token, body: { startTime: chosenSlot.start } }));
		closeReschedule();
		actionStatus.textContent = 'Your booking has been moved to the new time.';
		card.focus();
	}
	catch (problem) {
		const box = document.getElementById('find-problem');
		showProblem(box, problem);
		if (problem.status === 409 || problem.status === 422) finder.search();
	}
});

document.getElementById('cancel-booking').addEventListener('click', () => {
	if (typeof dialog.showModal === 'function') {
		dialog.returnValue = '';
		dialog.showModal();
	}
	else if (window.confirm('Cancel this booking?')) {
		cancel();
	}
});

dialog.addEventListener('close', () => {
	if (dialog.returnValue === 'cancel') cancel();
});

async function cancel() {
	clearProblem(actionProblem);
	try {
		render(await api('DELETE', bookingPath(), { token }));
		card.focus();
	}
	catch (problem) {
		showProblem(actionProblem, problem);
	}
}

load();
