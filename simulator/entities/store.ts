/**
 * The live entity sets: seeded rows (seed/entities.ts) that POST, PATCH and DELETE change.
 * Navigation properties are kept on the rows and only returned with `$expand` or `/Set(Id)/Nav`.
 */
import { ODataError, notFound, warning } from '../odata/errors';
import type { Row } from '../odata/query';
import { SeedOptions, seedEntities } from '../seed/entities';
import { Rng } from '../seed/random';
import { EntitySet, SET_DEFS } from './sets';

export class EntityStore {
	readonly sets = new Map<string, EntitySet>();
	/** Init templates answered so far: each gets its own generated credentials. */
	private initCount = 0;

	constructor(private readonly opts: SeedOptions) {
		for (const def of Object.values(SET_DEFS)) {
			const tpl = def.template(0);
			const nav = new Set(def.nav);
			const props = new Set(Object.keys(tpl).filter((k) => !nav.has(k)));
			this.sets.set(def.name, { def, rows: new Map(), props, nav, keyName: def.name === 'CallHistoryView' ? 'SegmentId' : 'Id' });
		}
		seedEntities(opts, (set, row) => {
			const s = this.sets.get(set)!;
			s.rows.set(row[s.keyName] as number, row);
		});
	}

	get(name: string): EntitySet | undefined {
		return this.sets.get(name);
	}

	/** The row with this key, else the PBX's 404. */
	find(setName: string, id: number): Row {
		const row = this.sets.get(setName)!.rows.get(id);
		if (!row) throw notFound(setName, id);
		return row;
	}

	private numberInUse(number: string, except?: { set: string; id: number }): boolean {
		for (const s of this.sets.values()) {
			if (!s.def.dn) continue;
			for (const row of s.rows.values()) {
				if (row.Number === number && !(except && except.set === s.def.name && except.id === row.Id)) return true;
			}
		}
		return false;
	}

	findByNumber(set: string, number: string): Row | undefined {
		for (const row of this.sets.get(set)!.rows.values()) if (row.Number === number) return row;
		return undefined;
	}

	private checkBody(s: EntitySet, body: unknown): Row {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw new ODataError(400, `The request body must be a JSON object of type '${s.def.type}'.`);
		const b = body as Row;
		for (const k of Object.keys(b)) {
			if (k.startsWith('@odata.')) continue;
			if (!s.props.has(k) && !s.nav.has(k))
				throw new ODataError(
					400,
					`The property '${k}' does not exist on type '${s.def.type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
				);
		}
		if ('QueueStatus' in b && b.QueueStatus !== null && b.QueueStatus !== 'LoggedIn' && b.QueueStatus !== 'LoggedOut')
			throw new ODataError(400, `The value '${String(b.QueueStatus)}' is not a valid member of enum type 'Pbx.QueueStatusType'.`);
		if ('Number' in b && b.Number !== undefined && typeof b.Number !== 'string')
			throw new ODataError(400, `Cannot convert the literal '${String(b.Number)}' to the expected type 'Edm.String'.`);
		const out: Row = {};
		for (const [k, v] of Object.entries(b)) if (!k.startsWith('@odata.')) out[k] = v;
		return out;
	}

	/** First extension number no DN uses (Users/Pbx.GetFirstAvailableExtensionNumber). */
	nextNumber(): string {
		for (let n = 100; ; n++) if (!this.numberInUse(String(n))) return String(n);
	}

	/** `Fax/Pbx.InitFax()`, `Trunks/Pbx.InitTrunk(template=…)`: a new entity's defaults with the first
	 * free number and generated credentials, to be sent back to POST; nothing is stored. */
	initTemplate(setName: string): Row {
		const s = this.sets.get(setName)!;
		const r = new Rng(this.opts.seed, `init${setName}`, this.initCount++);
		const row: Row = { ...s.def.template(0), Number: this.nextNumber(), AuthID: r.password(8), AuthPassword: r.password(16) };
		for (const nav of s.nav) delete row[nav];
		return row;
	}

	create(setName: string, body: unknown): Row {
		const s = this.sets.get(setName)!;
		const b = this.checkBody(s, body);
		let maxId = 0;
		for (const id of s.rows.keys()) if (id > maxId) maxId = id;
		const id = maxId + 1;
		const row: Row = { ...s.def.template(id), ...b, Id: id };
		if (s.def.dn) {
			if (typeof row.Number !== 'string' || row.Number === '') row.Number = this.nextNumber();
			else if (this.numberInUse(row.Number)) throw warning('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		}
		if (setName === 'Contacts' && !row.FirstName && !row.LastName && !row.CompanyName)
			throw warning('FirstName', 'WARNINGS.CONTACTS_SPECIFY_NAME_SURNAME_COMPANY');
		if (setName === 'Users') {
			if (!row.DisplayName) row.DisplayName = `${row.FirstName ?? ''} ${row.LastName ?? ''}`.trim();
			const r = new Rng(this.opts.seed, 'newuser', id);
			for (const k of ['AuthID', 'AuthPassword', 'AccessPassword', 'DeskphonePassword']) if (!row[k]) row[k] = r.password(10);
			if (!row.VMPIN) row.VMPIN = r.digits(4);
		}
		s.rows.set(id, row);
		return row;
	}

	update(setName: string, id: number, body: unknown): void {
		const s = this.sets.get(setName)!;
		const row = this.find(setName, id);
		const b = this.checkBody(s, body);
		delete b.Id;
		if (s.def.dn && typeof b.Number === 'string' && b.Number !== row.Number && this.numberInUse(b.Number, { set: setName, id }))
			throw warning('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		Object.assign(row, b);
	}

	remove(setName: string, id: number): void {
		const s = this.sets.get(setName)!;
		if (!s.rows.delete(id)) throw notFound(setName, id);
	}
}
