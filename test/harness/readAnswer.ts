/** An emulator's raw HTTP answer: status, headers, text, and the body as JSON where it is JSON. */
export async function readAnswer(response: Response) {
	const text = await response.text();
	// The emulators answer many shapes; tests read whatever the document says comes back.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}
