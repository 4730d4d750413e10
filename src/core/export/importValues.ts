/** Reading untrusted values out of parsed JSON / text: strings or nothing, fields as pairs. */

export function requiredString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A string value, or undefined for null / absent / other types (an exporter writes null for "none"). */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asFields(value: unknown): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
}
