// Dates and times in a given IANA zone, with the browser's Intl only (no library, no fixed offsets).

export const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The calendar date (YYYY-MM-DD) of {@code instant} in {@code zone}. */
export function dateIn(zone, instant = new Date()) {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(new Date(instant));
	const part = (type) => parts.find((p) => p.type === type).value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(isoDate, days) {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 for Monday ... 6 for Sunday. */
export function weekdayIndex(isoDate) {
	const [y, m, d] = isoDate.split('-').map(Number);
	return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function utcNoon(isoDate) {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "Tuesday 8 December" (with the year when it is not this year's). */
export function formatDay(isoDate, { short = false } = {}) {
	const options = short ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'long', day: 'numeric', month: 'long' };
	if (isoDate.slice(0, 4) !== String(new Date().getFullYear())) options.year = 'numeric';
	return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(utcNoon(isoDate));
}

export function dayNumber(isoDate) {
	return String(Number(isoDate.slice(8, 10)));
}

export function monthShort(isoDate) {
	return new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }).format(utcNoon(isoDate));
}

export function formatTime(instant, zone) {
	return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/** The zone's short name at {@code instant} ("GMT", "EST", "GMT+1"). */
export function zoneName(zone, instant) {
	const parts = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(instant));
	const name = parts.find((p) => p.type === 'timeZoneName');
	return name ? name.value : zone;
}

/** "Tuesday 8 December, 09:00–09:30 GMT", in the given zone. */
export function formatRange(start, end, zone) {
	return `${formatDay(dateIn(zone, start))}, ${formatTime(start, zone)}–${formatTime(end, zone)} ${zoneName(zone, start)}`;
}

/** True when both zones show the same wall-clock time at {@code instant}. */
export function sameClock(instant, zoneA, zoneB) {
	const at = new Date(instant);
	const render = (zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(at);
	return render(zoneA) === render(zoneB);
}

/** Friendly name of a zone: "Europe/London" → "London". */
export function placeOf(zone) {
	return zone.split('/').pop().replace(/_/g, ' ');
}
