/**
 * Reads a PDF the way a viewer does (Mozilla's pdf.js), for tests of the PDF export:
 * if pdf.js can open it and find the text, so can the people it is sent to.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
	pages: number;
	/** The text of each page, whitespace collapsed to single spaces. */
	text: string[];
	title: string | null;
	links: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
	// pdf.js takes the buffer over: give it a copy.
	const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
	try {
		const text: string[] = [];
		const links: string[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('').replace(/\s+/g, ' ').trim());
			for (const annotation of await page.getAnnotations()) if (typeof annotation.url === 'string') links.push(annotation.url);
		}
		const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
		return { pages: pdf.numPages, text, title: info.Title ?? null, links };
	} finally {
		await pdf.destroy();
	}
}
