import type { SmsError } from '../errors/SmsError';
import { smsError } from '../errors/errorTable';
import type { GatewayLimits, OutgoingSms } from '../adapter/GatewayAdapter';
import type { GatewayDefinition } from '../adapter/GatewayDefinition';
import { normalizePhone } from '../phone/normalizePhone';
import { validateReportUrl } from '../reports/reportUrl';
import { validateSchedule, validateValidity } from './schedule';
import { validateSender, type SenderValidation } from '../sender/validateSender';
import { analyzeText, type TextAnalysis } from '../text/analyzeText';
import { sanitizeText } from '../text/sanitizeText';
import { transliterate } from '../text/transliterate';
import { checkDisplayable, describeValue, textFromValue } from '../text/textRule';

/**
 * Longest text accepted, in characters. No gateway document gives a hard cap except
 * integrationapi.net (2,000); the same cap protects the others from a runaway expression. [guess]
 */
export const MAX_TEXT_CHARACTERS = 2000;

/** The per-item options that shape one message. */
export interface MessageSettings {
	scheduleAt?: unknown;
	validityHours?: unknown;
	/** Where the gateway should post this message's delivery reports (Delivery Report URL). */
	reportUrl?: unknown;
	sanitize: boolean;
	transliterate: 'off' | 'ru' | 'be';
	defaultCountry: string;
	/** An option of this item was refused (names the option and why); the item fails with it. */
	problem?: string;
}

/** One recipient as the user gave it. */
export interface MessageRequest {
	itemIndex: number;
	to: unknown;
	text: unknown;
	sender: unknown;
	settings: MessageSettings;
	/** What the message's values are called in errors; default To, Text, Sender. */
	labels?: { to?: string; text?: string };
}

/**
 * A message ready to send: the OutgoingSms the adapters take (so a batch hands its prepared
 * messages to the gateway as they are, not copies), plus what the output item reports.
 */
export interface PreparedMessage extends OutgoingSms {
	ok: true;
	itemIndex: number;
	/** E.164. */
	to: string;
	/** Parts of the text, as its analysis counted them. */
	parts: number;
	analysis: TextAnalysis;
}

/** A message that cannot be sent: the recipient as given, and why. */
export interface PreparationFailure {
	ok: false;
	itemIndex: number;
	to: string;
	error: SmsError;
}

/** The prepared message itself, not wrapped: a batch of 100,000 keeps one object per recipient, not two. */
export type Preparation = PreparedMessage | PreparationFailure;

export interface PreparationContext {
	definition: GatewayDefinition;
	limits: GatewayLimits;
	now: Date;
	timeZone?: string;
	/**
	 * What this run has already worked out, so that a batch whose recipients share a sender and a
	 * text validates the sender and analyzes the text once, not once per recipient. Create one per
	 * run with newRunMemo(); without it every message is worked out on its own. The checks are
	 * pure functions of their inputs, so a remembered answer is the answer.
	 */
	memo?: RunMemo;
}

/** Per-run memory of prepareMessage: sender checks by sender, and the last text's preparation. */
export interface RunMemo {
	senders: Map<string, SenderValidation>;
	lastText?: { input: string; sanitize: boolean; transliterate: MessageSettings['transliterate']; result: TextPreparation };
	/** The last Schedule At given as text or a number (an expression gives the same value to every item). */
	lastSchedule?: { value: string | number; result: ReturnType<typeof validateSchedule> };
}

export function newRunMemo(): RunMemo {
	return { senders: new Map() };
}

/** A run names few senders; beyond this many distinct ones, they are simply checked each time. */
const MAX_REMEMBERED_SENDERS = 1000;

type TextPreparation = { ok: true; text: string; analysis: TextAnalysis } | { ok: false; message: string };

/**
 * A phone number as a parameter or field gave it: text, or a whole number of digits (from a
 * spreadsheet column). A fraction, NaN or an object is a mapping mistake, not a number to dial.
 */
function phoneFromValue(value: unknown, label: string): ReturnType<typeof textFromValue> {
	if (typeof value === 'number' && !(Number.isSafeInteger(value) && value > 0)) {
		return { ok: false, message: `${label} must be a phone number, not ${Number.isFinite(value) ? `the number ${value}` : describeValue(value)}` };
	}
	const text = textFromValue(value, label);
	return text.ok ? text : { ok: false, message: `${label} must be a phone number as text, not ${describeValue(value)}` };
}

/**
 * Validates and normalizes one recipient's message; every check that can be made without the
 * gateway. `ref` is the caller's key for it, echoed in its send result (default: its item index).
 */
export function prepareMessage(request: MessageRequest, context: PreparationContext, ref = request.itemIndex): Preparation {
	const toValue = phoneFromValue(request.to, request.labels?.to ?? 'To');
	const rawTo = toValue.ok ? toValue.text.trim() : '';

	if (request.settings.problem) return failed(request, rawTo, smsError('bad_request', request.settings.problem));
	if (!toValue.ok) return failed(request, rawTo, smsError('invalid_number', toValue.message));
	if (rawTo === '') return failed(request, rawTo, smsError('invalid_number', `${request.labels?.to ?? 'To'} is empty: no phone number`));
	const phone = normalizePhone(rawTo, { defaultCountry: request.settings.defaultCountry });
	if (!phone.ok) return failed(request, rawTo, smsError('invalid_number', phone.message));
	const minDigits = context.limits.minRecipientDigits;
	if (minDigits !== undefined && phone.digits.length < minDigits) {
		return failed(request, rawTo, smsError('invalid_number', `${context.definition.label} accepts numbers of at least ${minDigits} digits with the country code; ${phone.e164} has ${phone.digits.length}`));
	}

	const textValue = textFromValue(request.text, request.labels?.text ?? 'Text');
	if (!textValue.ok) return failed(request, rawTo, smsError('invalid_text', textValue.message));
	const prepared = prepareTextOnce(textValue.text, request.settings, context.memo);
	if (!prepared.ok) return failed(request, rawTo, smsError('invalid_text', prepared.message));
	const { text, analysis } = prepared;

	const senderValue = textFromValue(request.sender, 'Sender');
	if (!senderValue.ok) return failed(request, rawTo, smsError('invalid_sender', senderValue.message));
	const senderInput = senderValue.text.trim();
	let sender: string | undefined;
	if (senderInput === '' && context.limits.requiresSender) {
		return failed(request, rawTo, smsError('invalid_sender', `${context.definition.label} needs a sender name for every message; choose one in Sender`));
	}
	if (senderInput !== '') {
		const checked = validateSenderOnce(senderInput, context);
		if (!checked.ok) return failed(request, rawTo, smsError('invalid_sender', checked.message));
		sender = checked.sender;
	}

	const schedule = validateScheduleOnce(request.settings.scheduleAt, context);
	if (!schedule.ok) return failed(request, rawTo, smsError('invalid_schedule', schedule.message));

	const validity = validateValidity(request.settings.validityHours, context.limits, context.definition.label);
	if (!validity.ok) return failed(request, rawTo, smsError('bad_request', validity.message));

	const report = validateReportUrl(request.settings.reportUrl, context.definition);
	if (!report.ok) return failed(request, rawTo, smsError('bad_request', report.message));

	return {
		ok: true,
		ref,
		itemIndex: request.itemIndex,
		to: phone.e164,
		text,
		sender,
		sendAt: schedule.sendAt,
		validityMinutes: validity.validityMinutes,
		reportUrl: report.reportUrl || undefined,
		parts: analysis.parts,
		analysis,
	};
}

function failed(request: MessageRequest, rawTo: string, error: SmsError): PreparationFailure {
	return { ok: false, itemIndex: request.itemIndex, to: rawTo, error };
}

/** Sanitize, transliterate, the text rule and the analysis; the same text as the previous message is not worked out again. */
function prepareTextOnce(input: string, settings: MessageSettings, memo: RunMemo | undefined): TextPreparation {
	const last = memo?.lastText;
	if (last && last.input === input && last.sanitize === settings.sanitize && last.transliterate === settings.transliterate) return last.result;
	const result = prepareText(input, settings);
	if (memo) memo.lastText = { input, sanitize: settings.sanitize, transliterate: settings.transliterate, result };
	return result;
}

function prepareText(input: string, settings: MessageSettings): TextPreparation {
	let text = input;
	if (settings.sanitize) text = sanitizeText(text);
	if (settings.transliterate !== 'off') text = transliterate(text, settings.transliterate);
	const displayable = checkDisplayable(text);
	if (!displayable.ok) return displayable;
	const analysis = analyzeText(text);
	if (analysis.characters > MAX_TEXT_CHARACTERS) {
		return { ok: false, message: `The text has ${analysis.characters} characters; at most ${MAX_TEXT_CHARACTERS} are accepted` };
	}
	return { ok: true, text, analysis };
}

function validateSenderOnce(sender: string, context: PreparationContext): SenderValidation {
	const senders = context.memo?.senders;
	const known = senders?.get(sender);
	if (known) return known;
	const checked = validateSender(sender, context.definition.senderRules);
	if (senders && senders.size < MAX_REMEMBERED_SENDERS) senders.set(sender, checked);
	return checked;
}

function validateScheduleOnce(value: unknown, context: PreparationContext): ReturnType<typeof validateSchedule> {
	const memo = context.memo;
	const remembered = memo?.lastSchedule;
	if (remembered && remembered.value === value) return remembered.result;
	const result = validateSchedule(value, context.limits, context.definition.label, context.now, context.timeZone);
	// Only texts and numbers: a Date or a Luxon DateTime is an object that may be changed later.
	if (memo && (typeof value === 'string' || typeof value === 'number')) memo.lastSchedule = { value, result };
	return result;
}
