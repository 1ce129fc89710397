import {
	api, clearProblem, describeRange, el, renderBusinessHours, showProblem, slotFinder, visitorZone,
} from './booking.js';

const find = document.getElementById('find');
const details = document.getElementById('details');
const confirmation = document.getElementById('confirmation');
const bookingForm = document.getElementById('booking-form');
const bookButton = document.getElementById('book-button');
const chosen = document.getElementById('chosen-slot');
const bookingProblem = document.getElementById('booking-problem');
const durationSelect = find.querySelector('select[name="duration"]');
let durationFromServer = false;

document.getElementById('visitor-zone').textContent = visitorZone;

const finder = slotFinder(find, {
	problemBox: document.getElementById('find-problem'),
	onInfo(answer) {
		document.getElementById('business-zone').textContent = answer.timeZone;
		renderBusinessHours(document.getElementById('business-hours'), answer.businessHours);
		if (!durationFromServer && answer.duration) {
			durationFromServer = true;
			selectDuration(answer.duration);
		}
		resetChoice();
	},
	onSelect(slot, zone) {
		bookingForm.elements.startTime.value = slot.start;
		describeRange(chosen, slot.start, slot.end, zone);
		chosen.prepend(el('span', { class: 'chosen-label' }, 'Your choice: '));
		bookButton.disabled = false;
	},
});

// A slot found for one length may not fit another: look again right away.
durationSelect.addEventListener('change', () => finder.search());

function selectDuration(minutes) {
	const value = String(minutes);
	if (![...durationSelect.options].some((option) => option.value === value)) {
		durationSelect.append(el('option', { value }, `${minutes} minutes`));
	}
	durationSelect.value = value;
}

function resetChoice() {
	bookingForm.elements.startTime.value = '';
	chosen.textContent = 'Choose a time above first.';
	bookButton.disabled = true;
}

function optional(value) {
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

bookingForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	clearProblem(bookingProblem, bookingForm);
	const f = bookingForm.elements;
	const body = {
		name: f.name.value.trim(),
		email: f.email.value.trim(),
		company: optional(f.company.value),
		phone: optional(f.phone.value),
		inquiry: optional(f.inquiry.value),
		startTime: f.startTime.value,
		durationMinutes: Number(durationSelect.value),
		timeZone: visitorZone,
	};
	bookButton.disabled = true;
	bookButton.textContent = 'Booking…';
	try {
		const booking = await api('POST', '/api/bookings', { body });
		showConfirmation(booking);
	}
	catch (problem) {
		showProblem(bookingProblem, problem, bookingForm);
		if (problem.status === 409 || problem.status === 422) {
			// The time was taken or is no longer offered: show what is free now.
			finder.search();
		}
		else {
			bookButton.disabled = !f.startTime.value;
		}
	}
	finally {
		bookButton.textContent = 'Book this time';
	}
});

function showConfirmation(booking) {
	describeRange(document.getElementById('confirmation-time'), booking.startTime, booking.endTime, finder.zone() || visitorZone);
	const summary = document.getElementById('confirmation-details');
	summary.replaceChildren();
	for (const [label, value] of [['Name', booking.name], ['Email', booking.email], ['Company', booking.company],
		['Phone', booking.phone], ['Reference', booking.id]]) {
		if (value) summary.append(el('dt', {}, label), el('dd', {}, value));
	}
	const url = new URL(`manage.html?id=${encodeURIComponent(booking.id)}`, window.location.href);
	// The token goes in the fragment, which browsers never send to the server.
	url.hash = `token=${encodeURIComponent(booking.manageToken)}`;
	const link = document.getElementById('manage-link');
	link.href = url.href;
	link.textContent = url.href;
	find.hidden = true;
	details.hidden = true;
	confirmation.hidden = false;
	confirmation.focus();
}

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
	bookingForm.reset();
	resetChoice();
	confirmation.hidden = true;
	find.hidden = false;
	details.hidden = false;
	finder.search();
	document.getElementById('find-heading').scrollIntoView();
});

finder.search();
