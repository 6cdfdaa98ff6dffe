/**
 * Hand-made .xlsx "bombs" for the import's guard: a few hundred kB that inflate to
 * hundreds of MB, with small uncompressed sizes declared in the zip (the sizes lie, as
 * an attacker's would). Built by streaming deflate, so the test itself stays small.
 */
import zlib from 'node:zlib';

const MB = 1024 * 1024;

/** Deflates `head`, then `repeat` × `unit`, then `tail`, chunk by chunk; with the CRC of it all. */
async function deflateRepeated(head: string, unit: string, repeat: number, tail: string): Promise<{ data: Buffer; crc: number }> {
	const deflate = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (chunk: Buffer) => out.push(chunk));
	const done = new Promise((resolve) => deflate.on('end', resolve));
	let crc = 0;
	const write = async (buffer: Buffer) => {
		crc = zlib.crc32(buffer, crc);
		if (!deflate.write(buffer)) await new Promise((resolve) => deflate.once('drain', resolve));
	};
	await write(Buffer.from(head));
	const block = Buffer.from(unit.repeat(Math.max(1, Math.floor(MB / unit.length))));
	const perBlock = Math.max(1, Math.floor(MB / unit.length));
	for (let left = repeat; left > 0; left -= perBlock) await write(left >= perBlock ? block : Buffer.from(unit.repeat(left)));
	await write(Buffer.from(tail));
	deflate.end();
	await done;
	return { data: Buffer.concat(out), crc };
}

interface ZipEntry { name: string; data: Buffer; crc: number; declaredSize: number; method: 0 | 8 }

function zip(entries: ZipEntry[]): Uint8Array<ArrayBuffer> {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(e.method, 8);
		local.writeUInt32LE(e.crc >>> 0, 14);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(e.declaredSize, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(e.method, 10);
		central.writeUInt32LE(e.crc >>> 0, 16);
		central.writeUInt32LE(e.data.length, 20);
		central.writeUInt32LE(e.declaredSize, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, e.data);
		centrals.push(central, name);
		offset += 30 + name.length + e.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	const bytes = Buffer.concat([...locals, directory, end]);
	return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
}

const stored = (name: string, text: string): ZipEntry => {
	const data = Buffer.from(text);
	return { name, data, crc: zlib.crc32(data), declaredSize: data.length, method: 0 };
};

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Projecten" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * `single-cell`: one cell of `megabytes` MB of text (the 400 kB file that became
 * a 400 MB cell). `many-cells`: ordinary small cells, `megabytes` MB of them.
 */
export async function xlsxBomb(kind: 'single-cell' | 'many-cells', megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
	const sheet =
		kind === 'single-cell'
			? await deflateRepeated(`${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>`, 'A', megabytes * MB, `</t></is></c></row>${SHEET_TAIL}`)
			: await deflateRepeated(`${SHEET_HEAD}<row r="2">`, '<c t="inlineStr"><is><t>Waterstof</t></is></c>', Math.floor((megabytes * MB) / 42), `</row>${SHEET_TAIL}`);
	return zip([
		stored('[Content_Types].xml', CONTENT_TYPES),
		stored('xl/_rels/workbook.xml.rels', RELS),
		stored('xl/workbook.xml', WORKBOOK),
		// The declared size says 2 kB: a guard that believes it lets the rest through.
		{ name: 'xl/worksheets/sheet1.xml', data: sheet.data, crc: sheet.crc, declaredSize: 2048, method: 8 }
	]);
}
