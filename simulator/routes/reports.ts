/** Report functions: rows as a collection page, or the `Download*` twin's CSV. */
import type { XapiRequest } from '../http/request';
import { sendCollection, sendCsv } from '../http/response';
import type { CallSegment } from '../odata/literals';
import { ODataError } from '../odata/errors';
import { contextUrl, parseQueryOptions } from '../odata/query';
import { ReportDef, RowSource, iterateReport, queryReport } from '../reports';
import { Pbx, functionArgs } from './context';

/** Answers a report source: a page with the query options applied, or with `csvName` the whole result as CSV. */
export async function answerReport(pbx: Pbx, c: XapiRequest, src: RowSource, csvName?: string): Promise<void> {
	const q = parseQueryOptions(c.query, src.type, new Set(src.props), new Set());
	if (csvName) return sendCsv(c.res, `${csvName}.csv`, q.select ?? src.props, iterateReport(src, q), () => pbx.isClosed());
	sendCollection(c.res, contextUrl(pbx.baseUrl, `Collection(${src.type})`), queryReport(src, q), q.count);
}

/** One of the modelled report functions (reports.ts). */
export async function modelledReport(pbx: Pbx, c: XapiRequest, def: ReportDef, call: CallSegment): Promise<void> {
	const args = functionArgs(c, call, def.params);
	// As a real PBX: an empty queue filter is a 404 on these reports (NOTES.md "Empty filters").
	if (def.refusesEmpty && (args[def.refusesEmpty] ?? '') === '') {
		throw new ODataError(404, `No HTTP resource was found that matches the request URI: ${def.refusesEmpty} is empty.`);
	}
	return answerReport(pbx, c, def.source(args, pbx.reports), def.csvName);
}
