/**
 * Schema fragments for strings, shared by the problem schemas and the DTO decorators, so the same kind of
 * value is described the same way everywhere.
 */
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Text that is not blank: at least one character that is not white space. Exactly what `value.trim()
 * !== ''` checks (ECMAScript's `\s` and `trim()` know the same white space), so validators that refuse blank
 * strings enforce this pattern.
 */
export const NON_BLANK = { pattern: '\\S' } as const;

/**
 * Any text at all (also empty or blank): for the few strings the service copies from the request without
 * judging them (an unknown field's name in a 400). Its length is still bounded.
 */
export const ANY_TEXT = { pattern: '^[\\s\\S]*$' } as const;

export const UUID: SchemaObject = { type: 'string', format: 'uuid', maxLength: 36 };

/** A requirement id of the kader (domain brief §8): G1-01 … G9-99, X-01. */
export const REQUIREMENT_ID: SchemaObject = { type: 'string', maxLength: 16, pattern: '^[A-Z][A-Z0-9]*-\\d{2}[a-z]?$', example: 'G2-01' };

/**
 * Every key a requirement-id map may have: the shapes FireTransitionDto accepts (`X-01` … `X-05`,
 * `G1-00` … `G6-99`). OpenAPI 3.0 has no patternProperties, so the maps name these keys one by one and allow
 * no others.
 */
export const REQUIREMENT_MAP_KEYS: readonly string[] = [
  ...[1, 2, 3, 4, 5].map((n) => `X-0${n}`),
  ...[1, 2, 3, 4, 5, 6].flatMap((g) => Array.from({ length: 100 }, (_, n) => `G${g}-${String(n).padStart(2, '0')}`)),
];

export const UUID_HEX = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A user id, `cli:<account>` for the command line (src/cli/run.ts keeps 64 characters of the account), or `system`. */
export const ACTOR_ID: SchemaObject = { type: 'string', maxLength: 68, pattern: `^(?:system|cli:.{1,64}|${UUID_HEX})$` };

/** `2026-03-02T10:15:00.123456789+01:00`: the longest instant IsIsoInstant accepts (at most nine fraction digits). */
export const ISO_INSTANT_MAX = 35;
