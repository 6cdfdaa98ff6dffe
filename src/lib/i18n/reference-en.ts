/**
 * English names of the reference lists (src/lib/reference carries Dutch only). Official
 * English names where the body that owns the list publishes one (CBS for COROP areas,
 * the ministries for missions and instruments); a place name without an English form stays
 * as it is (a name). Keyed by the list's id, so a renamed Dutch label keeps its English one.
 */
export const REFERENCE_EN: Record<'provinces' | 'corop' | 'themes' | 'kias' | 'missions' | 'keyTechnologies' | 'instruments', Record<string, string>> = {
	provinces: {
		'NL-NH': 'North Holland',
		'NL-ZH': 'South Holland',
		'NL-NB': 'North Brabant'
	},
	corop: {
		CR01: 'East Groningen',
		CR02: 'Delfzijl and surroundings',
		CR03: 'Other Groningen',
		CR04: 'North Friesland',
		CR05: 'South-west Friesland',
		CR06: 'South-east Friesland',
		CR07: 'North Drenthe',
		CR08: 'South-east Drenthe',
		CR09: 'South-west Drenthe',
		CR10: 'North Overijssel',
		CR11: 'South-west Overijssel',
		CR16: 'South-west Gelderland',
		CR18: 'Kop van Noord-Holland',
		CR19: 'Alkmaar and surroundings',
		CR21: 'Haarlem agglomeration',
		CR23: 'Greater Amsterdam',
		CR24: 'Het Gooi and Vechtstreek',
		CR25: 'Leiden and Bollenstreek agglomeration',
		CR26: 'The Hague agglomeration',
		CR27: 'Delft and Westland',
		CR28: 'East South Holland',
		CR29: 'Greater Rijnmond',
		CR30: 'South-east South Holland',
		CR32: 'Other Zeeland',
		CR33: 'West North Brabant',
		CR34: 'Central North Brabant',
		CR35: 'North-east North Brabant',
		CR36: 'South-east North Brabant',
		CR37: 'North Limburg',
		CR38: 'Central Limburg',
		CR39: 'South Limburg'
	},
	themes: {
		'energie-klimaat': 'Energy transition & sustainability',
		lwv: 'Agriculture, water & food',
		gz: 'Health & care',
		veiligheid: 'Security',
		sleuteltechnologieen: 'Key technologies',
		verdienvermogen: 'Societal earning capacity',
		digitalisering: 'Digitalisation'
	},
	kias: {
		'kia-ke': 'KIA Climate & Energy',
		'kia-ce': 'KIA Circular Economy',
		'kia-lwv': 'KIA Agriculture, Water, Food',
		'kia-gz': 'KIA Health & Care',
		'kia-v': 'KIA Security',
		'kia-st': 'KIA Key Technologies',
		'kia-d': 'KIA Digitalisation',
		'kia-mvv': 'KIA Societal Earning Capacity'
	},
	missions: {
		'ed-0': 'Overarching climate goal',
		'ed-a': 'Electricity',
		'ed-b': 'Built environment',
		'ed-c': 'Industry',
		'ed-d': 'Mobility',
		'ed-ce': 'Circular economy',
		'lwv-a': 'Circular agriculture',
		'lwv-b': 'Climate-neutral agriculture and food production',
		'lwv-c': 'Climate-proof rural and urban areas',
		'lwv-d': 'Valued, healthy and safe food',
		'lwv-e': 'Sustainable and safe North Sea, oceans and inland waters',
		'lwv-f': 'Best protected and most liveable delta',
		'gz-c': 'Central mission: longer healthy lives',
		'gz-i': 'Lifestyle and living environment',
		'gz-ii': 'Care in the right place',
		'gz-iii': 'People with chronic diseases',
		'gz-iv': 'People with dementia',
		'v-1': 'Integrated approach to organised, subversive crime',
		'v-space': 'Security in and from space',
		'v-data': 'Data intelligence for security professionals',
		'v-cyber': 'Digital security / cybersecurity',
		'v-maritiem': 'Maritime capability / navy of the future (candidate)'
	},
	keyTechnologies: {
		'nts-fotonica': 'Optical systems and integrated photonics',
		'nts-quantum': 'Quantum technologies',
		'nts-groene-chemie': 'Process technology incl. process intensification (green chemical production processes)',
		'nts-biotech': 'Biomolecular and cell technologies (biotechnology focused on molecules and cells)',
		'nts-beeldvorming': 'Imaging technologies',
		'nts-mechatronica': 'Mechatronics and opto-mechatronics',
		'nts-ai-data': 'Artificial intelligence and data science',
		'nts-energiematerialen': 'Energy materials',
		'nts-halfgeleiders': 'Semiconductor technologies',
		'nts-cybersecurity': 'Cybersecurity technologies'
	},
	instruments: {
		'nationaal-groeifonds': 'National Growth Fund',
		efro: 'European Regional Development Fund (ERDF)',
		'glb-pop': 'CAP – rural development (RDP3 / National Strategic Plan)',
		'regio-deal': 'Region Deals',
		rom: 'ROM financing (equity/loan through a regional development agency)',
		mit: 'SME Innovation Stimulus Region and Top Sectors (MIT)',
		vff: 'Early-phase financing',
		'rif-mbo': 'Regional Investment Fund for vocational education (mbo)',
		'np-vitale-regios': "National Programme Vital Regions"
	}
};
