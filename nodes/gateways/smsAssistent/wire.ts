import type { SendPackage, SentMessageAnswer, SmsAssistentAuth, StatusAnswer, WireAnswer } from './smsAssistentPackage';

/**
 * One of the two batch APIs (JSON or XML, chosen by the credential's `apiFormat`). Parsers throw
 * UnexpectedAnswerError when the body has neither documented shape.
 */
export interface SmsAssistentWire {
	/** Appended to the base URL. */
	path: '/json' | '/xml';
	contentType: string;
	buildSend(auth: SmsAssistentAuth, sendPackage: SendPackage): string;
	parseSend(body: string): WireAnswer<SentMessageAnswer>;
	buildStatuses(auth: SmsAssistentAuth, messageIds: readonly string[]): string;
	parseStatuses(body: string): WireAnswer<StatusAnswer>;
}
