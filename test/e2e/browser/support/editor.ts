/**
 * Drives the n8n editor in Debian's chromium with playwright-core, the way a user clicks: node
 * creator, credential dialog, parameters, Execute step, output panel. Selectors are the editor's
 * own data-test-id attributes (n8n 2.41.1); where an element has none, its visible text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { runtimes } from '../../support/harness';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, throw-away browser profile. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Tall, so the output panel's JSON view (a virtual list that renders only the rows in view) shows
 * every line of a few items at once; pictures are taken at PICTURE_VIEWPORT.
 */
const READING_VIEWPORT = { width: 1440, height: 2400 };
const PICTURE_VIEWPORT = { width: 1440, height: 900 };

export interface BrowserSession {
	context: BrowserContext;
	close(): Promise<void>;
}

/** playwright-core from .n8n-runtime/browser (`npm test` installs it), Debian's chromium from apt. */
export async function launchBrowser(): Promise<BrowserSession> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (npm test installs it), or set CHROMIUM`);
	const runtime = runtimes.locateRuntime('browser');
	if (!runtime) throw new Error(runtimes.missingRuntimeMessage('browser'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const playwright = require(path.join(runtime.dir, 'node_modules', 'playwright-core')) as typeof import('playwright-core');
	playwright.selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-sms-chromium-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: READING_VIEWPORT,
	});
	return {
		context,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

export interface CredentialTestResult {
	status: string;
	message: string;
}

/** One browser tab signed in to one n8n. */
export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {
		page.setDefaultTimeout(15000);
	}

	/**
	 * Opens an editor page. The first load compiles and fetches n8n's large bundles, which on a busy
	 * 2-CPU machine can take longer than a click's 15 s; the locator waits that follow check the page.
	 */
	private async open(path: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}${path}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	}

	async signIn(owner: { email: string; password: string }): Promise<void> {
		await this.open('/signin');
		await this.page.locator('input[name="emailOrLdapLoginId"], input[name="email"], input[type="email"]').first().fill(owner.email);
		await this.page.locator('input[type="password"]').first().fill(owner.password);
		await this.page.keyboard.press('Enter');
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	async newWorkflow(): Promise<void> {
		await this.open('/workflow/new');
		await this.page.getByTestId('node-creator-plus-button').waitFor();
	}

	/** Node creator → search "SMS Gateway" → (Actions) → the action (e.g. "Send a batch of SMS"); opens the node panel. */
	async addSmsNode(action: string): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill('SMS Gateway');
		await this.page.getByTestId('node-creator-item-name').filter({ hasText: /^SMS Gateway$/ }).first().click();
		// The SMS Gateway Trigger joins the node in the creator: on an empty canvas n8n lists the
		// node's triggers and folds its actions under "Actions (n)".
		const actions = this.page.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ }).first();
		const item = this.page.getByTestId('node-creator-item-name').filter({ hasText: action }).first();
		await actions.waitFor();
		if (!(await item.isVisible())) await actions.click();
		await item.click();
		await this.ndv.waitFor();
	}

	/**
	 * Node creator → search → the node → the trigger (e.g. "On final status"); opens the trigger's
	 * panel. Resolves to the triggers the creator lists for the node, as the user reads them.
	 */
	async addTrigger(search: string, nodeName: string, trigger: string): Promise<string[]> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill(search);
		// The creator writes the name with a trailing space: match the text, not an anchored pattern.
		await this.page.getByTestId('node-creator-item-name').filter({ hasText: nodeName }).first().click();
		const triggers = this.page.getByTestId('node-creator-item-name').filter({ hasText: /^On / });
		await triggers.first().waitFor();
		const listed = (await triggers.allInnerTexts()).map((t) => t.trim());
		await triggers.filter({ hasText: trigger }).first().click();
		await this.ndv.waitFor();
		return listed;
	}

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	get credentialModal(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	/** "Connect to …" when no credential fits yet, otherwise the dropdown's "Create new credential". */
	async openNewCredential(): Promise<void> {
		const empty = this.page.getByTestId('node-credentials-empty-state');
		const select = this.page.getByTestId('node-credentials-select');
		await empty.or(select).first().waitFor();
		if (await empty.isVisible()) await empty.click();
		else {
			await select.click();
			await this.page.getByTestId('node-credentials-select-item-new').click();
		}
		await this.credentialModal.waitFor();
	}

	/** The gateway switch at the top of the credential dialog (the node's gateway options). */
	async chooseGatewayInCredential(label: string): Promise<void> {
		const trigger = this.credentialModal.getByTestId('credential-mode-dropdown-trigger');
		if ((await trigger.innerText()).trim() === label) return;
		await trigger.click();
		await this.page.getByRole('menuitem', { name: label, exact: true }).click();
		await trigger.filter({ hasText: label }).waitFor();
	}

	async fillCredential(fields: Record<string, string>): Promise<void> {
		for (const [name, value] of Object.entries(fields)) {
			await this.credentialModal.getByTestId(`parameter-input-${name}`).locator('input, textarea').first().fill(value);
		}
	}

	/** What a field of the open credential dialog holds now (its default on a new credential). */
	async credentialFieldValue(name: string): Promise<string> {
		return (await this.credentialModal.getByTestId(`parameter-input-${name}`).locator('input').first().inputValue()).trim();
	}

	/** Options fields of the credential (e.g. Authentication Type). */
	async chooseCredentialOption(name: string, option: string): Promise<void> {
		await this.credentialModal.getByTestId(`parameter-input-${name}`).click();
		await this.visibleItem('parameter-input-item', option).click();
	}

	/** Save runs the credential test, as the dialog's Retry does; resolves to the test's answer. */
	async saveCredential(): Promise<CredentialTestResult> {
		const answer = this.page.waitForResponse((response) => response.url().includes('/rest/credentials/test'));
		await this.page.getByTestId('credential-save-button').click();
		const body = (await (await answer).json()) as { data: CredentialTestResult };
		return body.data;
	}

	/** The red banner of a failed test, with its details opened: the text the user reads. */
	async credentialFailureText(): Promise<string> {
		const banner = this.credentialModal.getByText('Couldn’t connect with these settings');
		await banner.waitFor();
		const details = this.credentialModal.getByText('More details');
		if (await details.isVisible()) await details.click();
		return this.credentialModal.innerText();
	}

	async closeCredentialModalIfOpen(): Promise<void> {
		await this.credentialModal.waitFor({ state: 'hidden', timeout: 5000 }).catch(async () => {
			await this.page.keyboard.press('Escape');
			await this.credentialModal.waitFor({ state: 'hidden' });
		});
	}

	/** Picks an existing credential from the node's credential list by a text it shows (name or type). */
	async selectCredential(text: string): Promise<void> {
		await this.page.getByTestId('node-credentials-select').click();
		await this.page.locator('[data-test-id^="node-credentials-select-item-"]:visible').filter({ hasText: text }).first().click();
	}

	async selectedCredential(): Promise<string> {
		return (await this.page.getByTestId('node-credentials-select').locator('input').inputValue()).trim();
	}

	parameter(name: string): Locator {
		return this.ndv.getByTestId(`parameter-input-${name}`);
	}

	/** An options parameter: its items carry the option's name and description, so match the headline. */
	async chooseOption(parameterName: string, option: string): Promise<void> {
		await this.parameter(parameterName).click();
		await this.visibleItem('parameter-input-item', option).click();
		await this.page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
	}

	/** An item of the open dropdown whose headline is exactly `headline` (items also show a description). */
	private visibleItem(testId: string, headline: string): Locator {
		const exact = this.page.getByText(headline, { exact: true });
		return this.page.locator(`[data-test-id="${testId}"]:visible`).filter({ has: exact }).first();
	}

	async fillParameter(name: string, value: string): Promise<void> {
		await this.parameter(name).locator('input, textarea').first().fill(value);
		// Leave the field so the editor commits the value before the next click.
		await this.page.keyboard.press('Tab');
	}

	/** What a parameter shows now: an options field its chosen name, a text or number field its value, a switch "on"/"off". */
	async parameterValue(name: string): Promise<string> {
		const field = this.parameter(name);
		const toggle = field.getByRole('switch');
		if ((await toggle.count()) > 0) return (await toggle.getAttribute('aria-checked')) === 'true' ? 'on' : 'off';
		return (await field.locator('input, textarea').first().inputValue()).trim();
	}

	/** The choices an options or multi-options parameter offers, by headline (descriptions left out). */
	async parameterChoices(name: string): Promise<string[]> {
		const items = await this.openDropdown(name);
		await items.first().waitFor();
		const choices = (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim());
		await this.page.keyboard.press('Escape');
		return choices;
	}

	/** Picks choices of a multi-options parameter (e.g. Statuses). */
	async chooseMany(name: string, choices: string[]): Promise<void> {
		const items = await this.openDropdown(name);
		for (const choice of choices) await items.filter({ has: this.page.getByText(choice, { exact: true }) }).first().click();
		await this.page.keyboard.press('Escape');
	}

	/**
	 * Opens a select parameter's dropdown; resolves to its items only (the input names its list in
	 * aria-controls), so a dropdown of another field that is still closing is not read with it.
	 */
	private async openDropdown(name: string): Promise<Locator> {
		const input = this.parameter(name).locator('input').first();
		await input.click();
		const list = await input.getAttribute('aria-controls');
		return list ? this.page.locator(`[id="${list}"] .el-select-dropdown__item`) : this.page.locator('.el-select-dropdown__item:visible');
	}

	/** The options an Options collection can still add ("Add option"). */
	async addableOptions(): Promise<string[]> {
		await this.ndv.getByTestId('collection-parameter-add').click();
		const items = this.page.locator('[data-test-id="collection-parameter-option"]:visible');
		await items.first().waitFor();
		const names = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
		await this.page.keyboard.press('Escape');
		return names;
	}

	/** Adds one option of the Options collection; its field appears in the panel. */
	async addOption(displayName: string): Promise<void> {
		await this.ndv.getByTestId('collection-parameter-add').click();
		await this.page.locator('[data-test-id="collection-parameter-option"]:visible').filter({ hasText: displayName }).first().click();
	}

	/** Whether a parameter is in the panel now (displayOptions decide). */
	async hasParameter(name: string): Promise<boolean> {
		// The panel re-renders after a change; let it settle before reading an absence.
		await this.ndv.getByTestId('node-parameters').waitFor();
		await this.page.waitForTimeout(200);
		return this.parameter(name).isVisible();
	}

	/**
	 * Whether a collection parameter (e.g. Options) is in the panel now. A collection has no
	 * parameter-input-<name> of its own, so hasParameter never finds it: it is found by its label.
	 */
	async hasCollection(name: string): Promise<boolean> {
		await this.ndv.getByTestId('node-parameters').waitFor();
		await this.page.waitForTimeout(200);
		return this.ndv.locator(`[data-test-id="parameter-item"] label[for="${name}"]`).isVisible();
	}

	/** The choices a multi-options parameter holds now, as its tags show them. */
	async chosenMany(name: string): Promise<string[]> {
		return (await this.parameter(name).locator('.el-select__tags-text').allInnerTexts()).map((t) => t.trim());
	}

	/**
	 * The labels of the panel's credential fields ("Credential", "Redis (Tracking Store)"): the label
	 * only, since each field's box also holds its credential or a "Connect to …" button.
	 */
	async credentialFields(): Promise<string[]> {
		await this.page.waitForTimeout(200);
		return (await this.ndv.getByTestId('credentials-label').locator('label').allInnerTexts()).map((t) => t.trim());
	}

	/** A trigger's webhook URL as the panel shows it under "Webhook URLs". */
	async webhookUrl(kind: 'test' | 'production'): Promise<string> {
		const headline = this.ndv.locator('.webhooks .headline');
		if (!(await this.ndv.locator('.webhooks .node-webhooks').isVisible())) await headline.click();
		await this.ndv.locator('.webhooks').getByTestId(`radio-button-${kind}`).click();
		return (await this.ndv.locator('.webhooks .webhook-url').first().innerText()).trim();
	}

	/** The Sender field of node version 2 for a gateway (one per gateway, e.g. smsClubSender). */
	sender(gatewayId: string): Locator {
		return this.ndv.getByTestId(`resource-locator-${gatewayId}Sender`);
	}

	/** The sender modes the panel offers, lower case ("from list", "by name"); none when there is only one. */
	async senderModes(gatewayId: string): Promise<string[]> {
		const field = this.sender(gatewayId);
		// The mode selector renders with the input, so once the input shows, its absence is real.
		await field.getByTestId('rlc-input').waitFor();
		const selector = field.getByTestId('rlc-mode-selector');
		if (!(await selector.isVisible())) return [];
		await selector.click();
		const items = this.page.locator('.el-select-dropdown__item:visible');
		await items.first().waitFor();
		const modes = await items.allInnerTexts();
		await this.page.keyboard.press('Escape');
		return modes.map((m) => m.trim().toLowerCase());
	}

	/** Opens the sender list and returns the names it loaded from the gateway. */
	async openSenderList(gatewayId: string): Promise<string[]> {
		await this.sender(gatewayId).getByTestId('rlc-input').click();
		const items = this.page.getByTestId('rlc-item');
		await items.first().waitFor();
		return (await items.allInnerTexts()).map((s) => s.trim());
	}

	/** What the Sender field holds now ('' when empty). */
	async senderValue(gatewayId: string): Promise<string> {
		return (await this.sender(gatewayId).getByTestId('rlc-input').inputValue()).trim();
	}

	async pickSender(name: string): Promise<void> {
		await this.page.getByTestId('rlc-item').filter({ hasText: name }).first().click();
	}

	async typeSender(gatewayId: string, name: string): Promise<void> {
		await this.sender(gatewayId).getByTestId('rlc-input').fill(name);
		await this.page.keyboard.press('Tab');
	}

	/** Execute step; resolves when the output panel shows a finished run. */
	async executeStep(): Promise<void> {
		await this.ndv.getByTestId('node-execute-button').click();
		const output = this.ndv.getByTestId('output-panel');
		await output.getByTestId('node-run-status-success').or(output.getByTestId('node-run-status-danger')).or(this.page.getByTestId('node-error-message')).first().waitFor();
	}

	/** The output panel's JSON view, parsed: what the user reads after a run. */
	async outputJson(): Promise<unknown[]> {
		const output = this.ndv.getByTestId('output-panel');
		await output.getByTestId('radio-button-json').click();
		const view = output.locator('.json-data');
		await view.waitFor();
		// The view indents with no-break spaces, which JSON does not take as white space.
		const items = JSON.parse((await view.innerText()).replace(/\u00a0/g, ' ')) as unknown[];
		const count = await output.getByTestId('ndv-items-count').innerText().catch(() => '');
		const shown = /(\d+) items?/.exec(count);
		if (shown && Number(shown[1]) !== items.length) throw new Error(`the output panel says ${shown[1]} items, the JSON view shows ${items.length}`);
		return items;
	}

	/** The output panel's JSON text, or '' before the first run: to tell a new run's output from the last one. */
	async outputText(): Promise<string> {
		const output = this.ndv.getByTestId('output-panel');
		const json = output.getByTestId('radio-button-json');
		if (!(await json.isVisible())) return '';
		await json.click();
		const view = output.locator('.json-data');
		return (await view.isVisible()) ? view.innerText() : '';
	}

	async showOutputAs(view: 'table' | 'json' | 'schema'): Promise<void> {
		await this.ndv.getByTestId('output-panel').getByTestId(`radio-button-${view}`).click();
	}

	async closeNdv(): Promise<void> {
		await this.page.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	/** The subtitle under the node on the canvas ("SMSClub: Send Batch"). */
	async canvasSubtitle(nodeName = 'SMS Gateway'): Promise<string> {
		const node = this.page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
		return (await node.innerText()).trim();
	}

	/** A picture at a normal screen size (the page is read at a taller one). */
	async screenshot(file: string, target?: Locator): Promise<void> {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.page.setViewportSize(PICTURE_VIEWPORT);
		try {
			await this.page.waitForTimeout(300);
			await (target ?? this.page).screenshot({ path: file });
		} finally {
			await this.page.setViewportSize(READING_VIEWPORT);
		}
	}
}
