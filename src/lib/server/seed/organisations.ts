import organisationsRef from '../../reference/organisations.json' with { type: 'json' };
import provincesRef from '../../reference/provinces.json' with { type: 'json' };

export interface OrganisationSeed {
	id: string;
	name: string;
	abbreviation: string;
	type: string;
	tier: string;
	provinces: string[];
}

/** Province organisations get a stable id from their ISO code: NL-NB → prov-nb. */
export function provinceOrganisationId(iso: string): string {
	return `prov-${iso.slice(3).toLowerCase()}`;
}

/** The reference organisations plus the twelve provinces as organisations of their own. */
export function organisationSeeds(): OrganisationSeed[] {
	const fromReference = organisationsRef.organisaties.map((o) => ({
		id: o.id,
		name: o.naam,
		abbreviation: o.afkorting ?? o.naam,
		type: o.type,
		tier: o.bestuurslaag,
		provinces: o.provincies ?? []
	}));
	const provinces = provincesRef.provincies.map((p) => ({
		id: provinceOrganisationId(p.iso_3166_2),
		name: `Provincie ${p.naam}`,
		abbreviation: p.iso_3166_2.slice(3),
		type: 'provincie',
		tier: 'provincie',
		provinces: [p.iso_3166_2]
	}));
	return [...fromReference, ...provinces];
}
