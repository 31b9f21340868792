export type Json = Record<string, unknown>;
export const isMapping = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A value as the user wrote it, for error messages. */
export const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
