'use strict';
/** `node test/emulators/<name>.js --port N [--latency MS]`: run one emulator until Ctrl-C. */
function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) continue;
		args[m[1]] = m[2] !== undefined ? m[2] : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
	}
	return args;
}

async function runStandalone(start, label) {
	const args = parseArgs(process.argv.slice(2));
	const emulator = await start({
		port: args.port ? Number(args.port) : 0,
		latencyMs: args.latency ? Number(args.latency) : 0,
	});
	process.stdout.write(`${label} emulator listening on ${emulator.url}\n`);
	const stop = () => emulator.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	return emulator;
}

module.exports = { parseArgs, runStandalone };
