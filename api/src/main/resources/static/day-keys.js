// Keyboard use of the day grid: one tab stop (roving tabindex), arrows move between the days that can be chosen.

const MOVES = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * @param days the grid; its buttons carry data-date
 * @param dates () => the grid's dates in order
 * @param bookable (date) => whether the day can be chosen
 */
export function moveBetweenDays(days, dates, bookable) {
	days.addEventListener('keydown', (event) => {
		const all = dates();
		const from = all.indexOf(event.target.dataset && event.target.dataset.date);
		if (from < 0) return;
		let target = null;
		if (event.key === 'Home') target = all.find(bookable);
		else if (event.key === 'End') target = [...all].reverse().find(bookable);
		else if (MOVES[event.key]) {
			// Up and down jump a week, then keep going the same way to the next day that can be chosen.
			const step = Math.sign(MOVES[event.key]);
			for (let i = from + MOVES[event.key]; i >= 0 && i < all.length; i += step) {
				if (bookable(all[i])) {
					target = all[i];
					break;
				}
			}
		}
		else return;
		event.preventDefault();
		if (!target) return;
		for (const button of days.querySelectorAll('button')) {
			button.tabIndex = button.dataset.date === target ? 0 : -1;
		}
		days.querySelector(`[data-date="${target}"]`).focus();
	});
}
