/**
 * The value of a resource locator parameter: n8n hands over { __rl, mode, value } when the parameter
 * is read without extractValue (inside a collection or a fixed collection), the plain value otherwise.
 */

/** A resource locator value ({ __rl, mode, value }) or a plain value. */
export function locatorValue(raw: unknown): unknown {
	if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw) {
		return (raw as { value: unknown }).value;
	}
	return raw;
}
