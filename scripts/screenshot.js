'use strict';
/**
 * docs/editor.png: the running sandbox's editor showing an example workflow, in headless Chromium.
 * Start the sandbox first (`npm start`), then: node scripts/screenshot.js [workflowId] [output.png]
 *
 * Needs Debian's chromium and playwright-core, which this script installs (apt-get; the browser
 * runtime in .n8n-runtime/browser, not the package) when missing, as `npm test` does.
 * Environment: SANDBOX_URL (default http://127.0.0.1:5678), CHROMIUM (default: chromium on PATH).
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, installRuntime } = require('./n8n-runtime');
const { ensureSystemPackage } = require('./lib/systemPackage');
const { CHROMIUM: CHROMIUM_PACKAGE } = require('./setup');
const { LOCAL_OWNER } = require('../test/n8n/rest');

const SANDBOX_URL = process.env.SANDBOX_URL ?? 'http://127.0.0.1:5678';
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
	const [workflowId = 'exBatchFromSheet', output = path.join(REPO_ROOT, 'docs', 'editor.png')] = process.argv.slice(2);
	const chromiumPath = process.env.CHROMIUM ?? (await ensureSystemPackage(CHROMIUM_PACKAGE, { log }));
	const browserRuntime = await installRuntime('browser', { log });
	const { chromium } = require(path.join(browserRuntime.dir, 'node_modules', 'playwright-core'));

	const browser = await chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
		await signIn(page);
		await page.goto(`${SANDBOX_URL}/workflow/${workflowId}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('.vue-flow__node', { timeout: 30000 });
		await dismissPopups(page);
		await executeInEditor(page);
		// Fit the whole workflow in view (the editor's "zoom to fit" shortcut).
		await page.keyboard.press('1');
		await page.waitForTimeout(1000);
		fs.mkdirSync(path.dirname(output), { recursive: true });
		await page.screenshot({ path: output });
		log(`saved ${path.relative(REPO_ROOT, output)}`);
	} finally {
		await browser.close();
	}
}

async function signIn(page) {
	await page.goto(`${SANDBOX_URL}/signin`, { waitUntil: 'networkidle' });
	const email = page.locator('input[name="emailOrLdapLoginId"], input[name="email"], input[type="email"]').first();
	await email.waitFor({ timeout: 30000 });
	await email.fill(LOCAL_OWNER.email);
	await page.locator('input[name="password"], input[type="password"]').first().fill(LOCAL_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
}

/** Runs the workflow from the editor, so the picture shows it worked (item counts on the connections). */
async function executeInEditor(page) {
	// Ctrl+Enter is the editor's "Execute workflow"; a click can land on the canvas pane instead.
	await page.locator('.vue-flow__pane').first().click({ position: { x: 20, y: 20 }, force: true }).catch(() => undefined);
	await page.keyboard.press('Control+Enter');
	// n8n marks every node that ran with a success check; wait for the last one.
	await page.waitForFunction(() => document.querySelectorAll('[data-test-id="canvas-node-status-success"]').length >= 4, undefined, { timeout: 30000 })
		.catch(() => log('the run did not show all nodes as successful within 30 s; capturing as is'));
	await page.waitForTimeout(500);
}

/** First-visit dialogs and banners that would cover the canvas. */
async function dismissPopups(page) {
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('Escape');
		await page.waitForTimeout(200);
	}
	for (const label of ['Skip', 'Got it', 'Dismiss', 'Close']) {
		const button = page.getByRole('button', { name: label });
		if (await button.count()) await button.first().click({ timeout: 1000 }).catch(() => undefined);
	}
}

main().catch((error) => {
	log(`screenshot failed: ${error.message}`);
	process.exit(1);
});
