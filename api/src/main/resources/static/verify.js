// The page the verification email links to: it confirms the held booking and says so.

import { api, showMessage } from './api.js';
import { formatRange, visitorZone } from './time.js';

const id = new URLSearchParams(window.location.search).get('id');
// The code lives in the fragment, so the page's own URL never carries it to a server log or a Referer header;
// the contract's endpoint takes it as ?code=, so access logs of the API call do hold it until the hold ends.
const code = new URLSearchParams(window.location.hash.slice(1)).get('code');

const verifying = document.getElementById('verifying');
const problem = document.getElementById('verify-problem');
const card = document.getElementById('verified');

async function verify() {
	if (!id || !code) {
		verifying.hidden = true;
		showMessage(problem, 'This link is incomplete.',
			['Open the full link from the email, including the part after the # sign.']);
		return;
	}
	try {
		const params = new URLSearchParams({ code });
		const booking = await api('GET', `/api/bookings/${encodeURIComponent(id)}/verify?${params}`);
		verifying.hidden = true;
		document.getElementById('verified-time').textContent =
			`Your time: ${formatRange(booking.startTime, booking.endTime, visitorZone)}`;
		if (booking.status === 'CANCELLED') {
			document.getElementById('verified-heading').textContent = 'This booking is cancelled';
			document.getElementById('verified-text').textContent = 'It was cancelled after you confirmed it.';
		}
		card.hidden = false;
		document.getElementById('verified-heading').focus();
	}
	catch (failure) {
		verifying.hidden = true;
		if (failure.status === 404) {
			showMessage(problem, 'This link has expired or is not valid.',
				['A booking is held only for a short time until it is confirmed. Please book again.']);
			return;
		}
		showMessage(problem, 'We could not confirm your booking just now.',
			['Please open the link again in a moment.']);
	}
}

verify();
