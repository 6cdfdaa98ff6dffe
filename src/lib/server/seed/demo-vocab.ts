/**
 * Word material for fictitious demo projects, per theme. Each core term sits on a step
 * of a simple value chain (0 = source/component, 1 = processing/infrastructure,
 * 2 = application), so the link logic can spot "the output of one is the input of the
 * other". Missions and key technologies named here must exist in themes.json; the
 * unit test validates every generated project against the reference lists.
 */

export interface CoreTerm {
	term: string;
	step: 0 | 1 | 2;
	missions: string[];
	techs: string[];
	tags: string[];
	/** Who or where it is for: "voor zwaar transport", "in de melkveehouderij". */
	applications: string[];
}

export interface ThemeVocab {
	terms: CoreTerm[];
	/** Problem sentences; {regio} is replaced by the region phrase. */
	problems: string[];
}

const t = (term: string, step: 0 | 1 | 2, missions: string[], techs: string[], tags: string[], applications: string[]): CoreTerm => ({
	term, step, missions, techs, tags, applications
});

export const VOCAB: Record<string, ThemeVocab> = {
	'energie-klimaat': {
		terms: [
			t('Zonnepark met batterijopslag', 0, ['ed-a'], ['nts-energiematerialen'], ['zonne-energie', 'opslag'], ['op bedrijventerreinen', 'langs de snelweg', 'voor agrarische bedrijven']),
			t('Lokale windcoöperatie', 0, ['ed-a'], [], ['windenergie', 'lokaal eigendom'], ['voor inwoners en boeren', 'voor dorpskernen']),
			t('Groene waterstofproductie', 0, ['ed-c', 'ed-a'], ['nts-groene-chemie', 'nts-energiematerialen'], ['waterstof', 'elektrolyse'], ['voor zwaar transport', 'rond het industriecluster', 'in het havengebied']),
			t('Restwarmtebenutting', 0, ['ed-c', 'ed-b'], ['nts-groene-chemie'], ['restwarmte', 'industrie'], ['rond het industriecluster', 'voor woonwijken', 'in de glastuinbouw']),
			t('Slim energienet', 1, ['ed-a'], ['nts-ai-data'], ['netcongestie', 'smart grid'], ['op bedrijventerreinen', 'voor het mkb', 'in nieuwbouwwijken']),
			t('Collectief warmtenet', 1, ['ed-b'], [], ['warmtenet', 'aardgasvrij'], ['voor woonwijken', 'in de binnenstad', 'in de glastuinbouw']),
			t('Waterstofleiding', 1, ['ed-c'], ['nts-energiematerialen'], ['waterstof', 'infrastructuur'], ['tussen haven en industrie', 'rond het industriecluster']),
			t('Energiehub', 1, ['ed-a', 'ed-c'], ['nts-ai-data'], ['energiehub', 'netcongestie'], ['op bedrijventerreinen', 'in het havengebied', 'voor logistieke bedrijven']),
			t('Elektrificatie van procesindustrie', 2, ['ed-c'], ['nts-groene-chemie'], ['elektrificatie', 'industrie'], ['rond het industriecluster', 'in de voedingsmiddelenindustrie']),
			t('Zero-emissie laadpleinen', 2, ['ed-d'], ['nts-energiematerialen'], ['laadinfrastructuur', 'mobiliteit'], ['voor zwaar transport', 'voor stadslogistiek', 'bij bedrijventerreinen']),
			t('Wijkaanpak renovatie', 2, ['ed-b'], [], ['renovatie', 'isolatie'], ['voor huurwoningen', 'voor naoorlogse woonwijken', 'in dorpskernen']),
			t('Circulaire bouwmaterialen', 2, ['ed-ce', 'ed-b'], ['nts-groene-chemie'], ['circulair', 'bouw'], ['voor de woningbouw', 'voor infrastructuur', 'uit sloopafval']),
			t('Batterijrecycling', 2, ['ed-ce'], ['nts-energiematerialen'], ['recycling', 'batterijen'], ['voor de maakindustrie', 'voor elektrische voertuigen'])
		],
		problems: [
			'Netcongestie en hoge energieprijzen remmen de verduurzaming van bedrijven en huishoudens in {regio}.',
			'Bedrijven en inwoners in {regio} willen verduurzamen, maar duurzame alternatieven komen traag van de grond.',
			'De energietransitie in {regio} vraagt om oplossingen die sneller en goedkoper op te schalen zijn.'
		]
	},
	lwv: {
		terms: [
			t('Eiwitteelt', 0, ['lwv-a', 'lwv-d'], ['nts-biotech'], ['eiwittransitie', 'akkerbouw'], ['voor akkerbouwers', 'op zandgronden', 'in de veehouderij']),
			t('Precisielandbouw', 0, ['lwv-b'], ['nts-ai-data', 'nts-mechatronica'], ['precisielandbouw', 'sensoren'], ['voor akkerbouwers', 'in de melkveehouderij', 'in de fruitteelt']),
			t('Kringloopboerderij', 0, ['lwv-a'], [], ['kringlooplandbouw', 'mest'], ['in de melkveehouderij', 'voor gemengde bedrijven']),
			t('Zilte teelt', 0, ['lwv-f', 'lwv-c'], ['nts-biotech'], ['verzilting', 'teelt'], ['langs de kust', 'in de polders']),
			t('Veenweide-innovatie', 0, ['lwv-b', 'lwv-c'], ['nts-ai-data'], ['veenweide', 'bodemdaling'], ['in de melkveehouderij', 'in het veenweidegebied']),
			t('Regionale voedselverwerking', 1, ['lwv-d'], ['nts-groene-chemie'], ['voedselverwerking', 'korte keten'], ['voor boerencoöperaties', 'voor streekproducten']),
			t('Biobased vezelverwerking', 1, ['lwv-a'], ['nts-biotech'], ['biobased', 'vezelgewassen'], ['voor de bouw', 'voor de textielindustrie']),
			t('Mestverwaarding', 1, ['lwv-a', 'lwv-b'], ['nts-groene-chemie'], ['mest', 'mineralen'], ['in de veehouderij', 'voor boerencoöperaties']),
			t('Slimme waterbuffering', 1, ['lwv-c', 'lwv-f'], ['nts-ai-data'], ['waterbeheer', 'klimaatadaptatie'], ['in het rivierengebied', 'voor de glastuinbouw', 'in stedelijk gebied']),
			t('Korte-ketenplatform', 2, ['lwv-d'], ['nts-ai-data'], ['korte keten', 'consument'], ['voor boerencoöperaties', 'voor horeca en zorginstellingen']),
			t('Duurzame visserij', 2, ['lwv-e'], ['nts-beeldvorming'], ['visserij', 'Noordzee'], ['langs de kust', 'op de Noordzee', 'in de binnenwateren']),
			t('Gezonde schoolmaaltijden', 2, ['lwv-d', 'gz-i'], [], ['voeding', 'gezondheid'], ['op basisscholen', 'in het mbo'])
		],
		problems: [
			'Boeren in {regio} staan onder druk door stikstofopgaven, droogte en lage marges.',
			'Bodemdaling en verzilting bedreigen de landbouw en het landschap in {regio}.',
			'Boeren, verwerkers en afnemers in {regio} werken nog weinig samen aan een duurzame voedselketen.'
		]
	},
	gz: {
		terms: [
			t('Sensorplatform thuismonitoring', 0, ['gz-ii', 'gz-iii'], ['nts-fotonica', 'nts-ai-data'], ['thuismonitoring', 'sensoren'], ['voor ouderen thuis', 'voor mensen met hartfalen']),
			t('Medische beeldvorming met AI', 0, ['gz-ii'], ['nts-beeldvorming', 'nts-ai-data'], ['beeldvorming', 'AI'], ['in ziekenhuizen', 'in de eerstelijnszorg']),
			t('Biomarkerdiagnostiek', 0, ['gz-iii'], ['nts-biotech'], ['diagnostiek', 'biomarkers'], ['voor mensen met een chronische aandoening', 'in de huisartsenpraktijk']),
			t('Proeftuin zorgtechnologie', 1, ['gz-ii'], ['nts-mechatronica'], ['proeftuin', 'zorgtechnologie'], ['in verpleeghuizen', 'in de wijkverpleging']),
			t('Regionaal zorgdatanetwerk', 1, ['gz-ii', 'gz-c'], ['nts-ai-data', 'nts-cybersecurity'], ['zorgdata', 'interoperabiliteit'], ['voor ziekenhuizen en huisartsen', 'in de eerstelijnszorg']),
			t('Leefstijlcoaching', 2, ['gz-i', 'gz-c'], ['nts-ai-data'], ['leefstijl', 'preventie'], ['voor jongeren', 'voor mensen met overgewicht', 'in de wijk']),
			t('Dementievriendelijke wijk', 2, ['gz-iv'], [], ['dementie', 'wijkzorg'], ['voor ouderen thuis', 'met mantelzorgers']),
			t('Zorgrobotica', 2, ['gz-ii', 'gz-iv'], ['nts-mechatronica'], ['robotica', 'zorgpersoneel'], ['in verpleeghuizen', 'voor ouderen thuis']),
			t('Gezonde leefomgeving', 2, ['gz-i'], [], ['leefomgeving', 'preventie'], ['in de wijk', 'in krimpgebieden', 'rond scholen'])
		],
		problems: [
			'Het tekort aan zorgpersoneel in {regio} loopt op terwijl de zorgvraag groeit.',
			'Zorg in {regio} moet dichter bij huis en met minder handen georganiseerd worden.',
			'Gezondheidsverschillen tussen wijken in {regio} nemen toe.'
		]
	},
	veiligheid: {
		terms: [
			t('Dronedetectie', 0, ['v-1', 'v-data'], ['nts-beeldvorming', 'nts-ai-data'], ['drones', 'detectie'], ['voor havens', 'voor vitale infrastructuur', 'bij evenementen']),
			t('Satellietmonitoring', 0, ['v-space'], ['nts-beeldvorming', 'nts-fotonica'], ['satelliet', 'aardobservatie'], ['voor dijken en kusten', 'voor natuurbrandrisico’s']),
			t('Sensornetwerk dijkbewaking', 0, ['v-data', 'lwv-f'], ['nts-fotonica'], ['dijkbewaking', 'sensoren'], ['langs de rivieren', 'langs de kust']),
			t('Data-intelligenceplatform', 1, ['v-data', 'v-1'], ['nts-ai-data'], ['data-analyse', 'ondermijning'], ['voor hulpdiensten', 'tegen ondermijning']),
			t('Cyberweerbaarheidscentrum', 1, ['v-cyber'], ['nts-cybersecurity'], ['cybersecurity', 'mkb'], ['voor het mkb', 'voor gemeenten en bedrijven']),
			t('Quantumveilige communicatie', 1, ['v-cyber'], ['nts-quantum', 'nts-cybersecurity'], ['quantum', 'versleuteling'], ['voor vitale infrastructuur', 'voor zorgdata']),
			t('Autonome inspectievaartuigen', 2, ['v-maritiem'], ['nts-mechatronica'], ['maritiem', 'autonoom varen'], ['voor havens', 'op de Noordzee']),
			t('Crisisbeheersingstraining', 2, ['v-data'], [], ['crisisbeheersing', 'training'], ['voor hulpdiensten', 'met virtual reality']),
			t('Veilige havenlogistiek', 2, ['v-1', 'v-cyber'], ['nts-cybersecurity'], ['havens', 'logistiek'], ['in het havengebied', 'langs de grens'])
		],
		problems: [
			'Ondermijning, cyberaanvallen en klimaatrisico’s vragen in {regio} om een betere informatiepositie.',
			'Vitale voorzieningen in {regio} zijn kwetsbaar voor verstoringen, van cyberaanvallen tot hoogwater.',
			'Hulpdiensten in {regio} hebben te weinig actueel zicht op risico’s in hun gebied.'
		]
	},
	sleuteltechnologieen: {
		terms: [
			t('Fotonische chips', 0, ['gz-ii', 'ed-a'], ['nts-fotonica', 'nts-halfgeleiders'], ['fotonica', 'chips'], ['voor zorgtoepassingen', 'voor datacommunicatie']),
			t('Halfgeleiderontwerp', 0, ['ed-c'], ['nts-halfgeleiders'], ['halfgeleiders', 'chipontwerp'], ['voor mkb-toeleveranciers', 'voor de automotive']),
			t('Quantumsensoren', 0, ['v-space'], ['nts-quantum'], ['quantum', 'sensoren'], ['voor navigatie', 'voor medische toepassingen']),
			t('Pilotlijn geavanceerde materialen', 1, ['ed-ce', 'ed-c'], ['nts-energiematerialen', 'nts-groene-chemie'], ['materialen', 'pilotlijn'], ['voor energietoepassingen', 'voor mkb-toeleveranciers']),
			t('Testfaciliteit precisiemechatronica', 1, ['ed-c'], ['nts-mechatronica'], ['mechatronica', 'testfaciliteit'], ['voor mkb-toeleveranciers', 'op de campus']),
			t('Biofabricage', 1, ['gz-iii', 'lwv-d'], ['nts-biotech'], ['biotech', 'opschaling'], ['voor geneesmiddelen', 'voor voedselingrediënten']),
			t('Slimme maakindustrie', 2, ['ed-c'], ['nts-ai-data', 'nts-mechatronica'], ['maakindustrie', 'robotisering'], ['voor mkb-toeleveranciers', 'in de metaalsector']),
			t('Digitale tweeling', 2, ['ed-c', 'lwv-c'], ['nts-ai-data'], ['digitale tweeling', 'simulatie'], ['voor de maakindustrie', 'voor waterbeheer', 'voor de bouw'])
		],
		problems: [
			'Mkb-toeleveranciers in {regio} hebben geen toegang tot dure test- en productiefaciliteiten.',
			'Veelbelovende technologie uit {regio} strandt tussen laboratorium en markt.'
		]
	},
	digitalisering: {
		terms: [
			t('Regionale datadeelinfrastructuur', 0, ['v-data'], ['nts-ai-data', 'nts-cybersecurity'], ['datadelen', 'infrastructuur'], ['voor overheden en bedrijven', 'voor de logistiek']),
			t('Edge-computingnetwerk', 0, ['ed-a'], ['nts-halfgeleiders'], ['edge computing', 'netwerk'], ['op bedrijventerreinen', 'voor de glastuinbouw']),
			t('AI-werkplaats', 1, ['gz-ii'], ['nts-ai-data'], ['AI', 'kennisdeling'], ['voor het mkb', 'voor zorg en welzijn']),
			t('Digitale vaardigheden', 2, ['v-cyber'], ['nts-cybersecurity'], ['digitale vaardigheden', 'onderwijs'], ['in het onderwijs', 'voor werkenden in het mkb']),
			t('Digitaliseringsversneller', 2, ['ed-c'], ['nts-ai-data'], ['digitalisering', 'mkb'], ['voor het mkb', 'voor logistieke bedrijven'])
		],
		problems: [
			'Veel bedrijven en organisaties in {regio} missen de kennis en voorzieningen om data en AI veilig te benutten.',
			'Gegevens van bedrijven en overheden in {regio} zijn versnipperd en moeilijk veilig te delen.'
		]
	},
	verdienvermogen: {
		terms: [
			t('Leven lang ontwikkelen', 0, ['ed-b'], [], ['vakmanschap', 'omscholing'], ['voor technisch talent', 'voor zij-instromers']),
			t('Techniekpact praktijkleren', 0, ['ed-c'], [], ['mbo', 'techniek'], ['in het mbo', 'voor technisch talent']),
			t('Innovatiecampus', 1, ['ed-c', 'gz-c'], ['nts-ai-data'], ['campus', 'ecosysteem'], ['voor jonge bedrijven', 'voor technisch talent']),
			t('Regionaal ondernemersfonds', 1, ['ed-ce'], [], ['financiering', 'startups'], ['voor jonge bedrijven', 'voor groeiende mkb-bedrijven']),
			t('Vitale binnenstad', 2, ['lwv-c', 'gz-i'], [], ['leefbaarheid', 'binnenstad'], ['in krimpgebieden', 'voor winkeliers en inwoners'])
		],
		problems: [
			'Werkgevers in {regio} vinden onvoldoende technisch personeel voor de transities.',
			'Talent en jonge bedrijven vertrekken uit {regio} omdat kansen en voorzieningen elders beter zijn.'
		]
	}
};

/** A general tag per theme and a short tag per key technology, so every project gets at least three. */
export const THEME_TAGS: Record<string, string> = {
	'energie-klimaat': 'energietransitie', lwv: 'landbouw en voedsel', gz: 'zorg', veiligheid: 'veiligheid',
	sleuteltechnologieen: 'sleuteltechnologie', digitalisering: 'digitalisering', verdienvermogen: 'arbeidsmarkt'
};
export const TECH_TAGS: Record<string, string> = {
	'nts-fotonica': 'fotonica', 'nts-quantum': 'quantum', 'nts-groene-chemie': 'procestechnologie', 'nts-biotech': 'biotechnologie',
	'nts-beeldvorming': 'beeldvorming', 'nts-mechatronica': 'mechatronica', 'nts-ai-data': 'data en AI',
	'nts-energiematerialen': 'energiematerialen', 'nts-halfgeleiders': 'halfgeleiders', 'nts-cybersecurity': 'cybersecurity'
};

/** Outcome sentence per innovation phase. */
export const OUTCOMES: Record<string, string> = {
	onderzoek: 'Beoogd resultaat: gevalideerde onderzoeksresultaten en een consortium voor de vervolgfase.',
	haalbaarheid: 'Beoogd resultaat: een haalbaarheidsstudie met businesscase en een besluit over de pilot.',
	ontwikkeling: 'Beoogd resultaat: een werkend prototype dat met gebruikers in de praktijk is getest.',
	demonstratie: 'Beoogd resultaat: een demonstratie op praktijkschaal en een plan voor opschaling.',
	opschaling: 'Beoogd resultaat: opschaling naar meerdere locaties en een sluitend verdienmodel.',
	uitrol: 'Beoogd resultaat: brede uitrol in de regio en overdraagbare afspraken voor andere regio’s.',
	'n.v.t.': 'Beoogd resultaat: een duurzame samenwerking met meetbare resultaten voor de regio.'
};

/** Invented name parts; combined they give names that belong to no real company or place. */
export const NAME_HEADS = ['Noorder', 'Zuider', 'Ooster', 'Wester', 'Midden', 'Hoog', 'Groen', 'Blauw', 'Zilver', 'Helder', 'Klaver', 'Linde'];
export const NAME_TAILS = ['licht', 'kracht', 'stroom', 'vonk', 'kompas', 'bron', 'spoor', 'anker', 'rank', 'baken', 'vaart', 'wissel'];

export const FIRST_NAMES = ['Anne', 'Bram', 'Carla', 'Daan', 'Eva', 'Frank', 'Gert', 'Hanna', 'Ilse', 'Joost', 'Kees', 'Lotte', 'Mila', 'Noah', 'Olga', 'Pieter', 'Rosa', 'Sem', 'Tess', 'Vera', 'Wout', 'Yara', 'Zoë', 'Fatima', 'Mehmet', 'Priya'];
export const LAST_NAMES = ['Voorbeeld', 'Proef', 'Demo', 'Testman', 'Fictief', 'Prototype', 'Model', 'Casus', 'Schets', 'Concept', 'Ontwerp', 'Blauwdruk', 'Maquette', 'Kladversie', 'Oefening', 'Simulatie', 'Proefmodel', 'Voorlopig'];
export const CONTACT_ROLES = ['projectleider', 'programmamanager', 'penvoerder', 'innovatiemanager', 'coördinator', 'directeur', 'oprichter', 'beleidsadviseur', 'kwartiermaker'];

/** How a fictitious organisation of each type is named; {naam} is an invented name. */
export const ORG_PATTERNS: Record<string, string[]> = {
	mkb: ['{naam} Techniek B.V.', '{naam} Installaties B.V.', '{naam} Systems B.V.'],
	startup: ['{naam}Labs B.V.', '{naam} Technologies B.V.'],
	grootbedrijf: ['{naam} Industries N.V.', '{naam} Groep N.V.'],
	consortium: ['Consortium {naam}', 'Samenwerkingsverband {naam}'],
	cooperatie: ['Coöperatie {naam} U.A.', 'Coöperatieve Vereniging {naam} U.A.'],
	stichting: ['Stichting {naam}', 'Stichting Kenniscentrum {naam}'],
	kennisinstelling_wo: ['Universiteit {naam}'],
	kennisinstelling_hbo: ['Hogeschool {naam}'],
	mbo_instelling: ['{naam} College', 'ROC {naam}'],
	to2_instituut: ['Instituut {naam}'],
	zorginstelling: ['Zorggroep {naam}', 'Ziekenhuis {naam}'],
	regio_samenwerking: ['Regiopact {naam}']
};
