/**
 * The part of playwright-core's API the browser tests use. playwright-core itself is not a
 * dependency of the package: `npm test` installs it into .n8n-runtime/browser (test/n8n/runtimes.js),
 * next to the pinned n8n runtimes, so only its types are declared here (they match 1.65.1).
 */
declare module 'playwright-core' {
	interface WaitForOptions {
		state?: 'attached' | 'detached' | 'visible' | 'hidden';
		timeout?: number;
	}

	interface TextOptions {
		exact?: boolean;
	}

	export interface Locator {
		click(options?: { force?: boolean; position?: { x: number; y: number } }): Promise<void>;
		fill(value: string): Promise<void>;
		waitFor(options?: WaitForOptions): Promise<void>;
		innerText(): Promise<string>;
		inputValue(): Promise<string>;
		isVisible(): Promise<boolean>;
		allInnerTexts(): Promise<string[]>;
		count(): Promise<number>;
		getAttribute(name: string): Promise<string | null>;
		screenshot(options?: { path?: string }): Promise<Buffer>;
		first(): Locator;
		or(locator: Locator): Locator;
		filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
		locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
		getByTestId(testId: string): Locator;
		getByText(text: string | RegExp, options?: TextOptions): Locator;
		getByRole(role: string, options?: { name?: string | RegExp } & TextOptions): Locator;
	}

	export interface Response {
		url(): string;
		json(): Promise<unknown>;
	}

	export interface Page {
		goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit'; timeout?: number }): Promise<unknown>;
		waitForURL(url: (url: URL) => boolean): Promise<void>;
		waitForResponse(predicate: (response: Response) => boolean, options?: { timeout?: number }): Promise<Response>;
		waitForTimeout(ms: number): Promise<void>;
		setDefaultTimeout(ms: number): void;
		setViewportSize(size: { width: number; height: number }): Promise<void>;
		screenshot(options?: { path?: string }): Promise<Buffer>;
		keyboard: { press(key: string): Promise<void> };
		locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
		getByTestId(testId: string): Locator;
		getByText(text: string | RegExp, options?: TextOptions): Locator;
		getByRole(role: string, options?: { name?: string | RegExp } & TextOptions): Locator;
	}

	export interface BrowserContext {
		newPage(): Promise<Page>;
		close(): Promise<void>;
	}

	export const selectors: { setTestIdAttribute(attribute: string): void };
	export const chromium: {
		launchPersistentContext(
			userDataDir: string,
			options: { executablePath: string; headless: boolean; args: string[]; viewport: { width: number; height: number } },
		): Promise<BrowserContext>;
	};
}
