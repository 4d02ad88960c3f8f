/**
 * A bare HTTP server that stands in for the report trigger in unit tests: it keeps every call the
 * emulators post (content type and body) and answers 200, or what `answer` says.
 */
import * as http from 'node:http';

export interface ReceivedCall {
	path: string;
	contentType: string;
	body: string;
}

export interface ReportReceiver {
	url: string;
	calls: ReceivedCall[];
	/** The status the next calls get (default 200). */
	answer: number;
	close(): Promise<void>;
}

export async function startReportReceiver(): Promise<ReportReceiver> {
	const receiver: ReportReceiver = { url: '', calls: [], answer: 200, close: async () => undefined };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			receiver.calls.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(receiver.answer, { 'content-type': 'text/plain' });
			res.end('OK');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
	return receiver;
}
