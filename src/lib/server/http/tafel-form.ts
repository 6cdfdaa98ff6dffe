/** The tafel form (new and edit) as posted, kept as typed so a refused form comes back filled in. */
import type { TafelFormInput } from '../services/tafels.ts';

export function readTafelForm(form: FormData): TafelFormInput {
	const text = (name: string, max = 6000) => String(form.get(name) ?? '').slice(0, max);
	return {
		title: text('title'),
		date: text('date', 20),
		time: text('time', 20),
		durationMinutes: text('durationMinutes', 10),
		place: text('place'),
		onlineLink: text('onlineLink'),
		description: text('description'),
		themeId: text('themeId', 100),
		series: text('series'),
		organisationIds: form.getAll('organisationIds').map(String).slice(0, 200),
		people: text('people', 5000).split(/[\s,;]+/).filter(Boolean)
	};
}
