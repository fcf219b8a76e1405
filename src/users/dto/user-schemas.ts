/** Response schemas of the users controller (inline objects there), with the bounds UsersService keeps. */
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ROLES } from '../../../workflows/facts';
import { ACTOR_ID, ANY_TEXT, ISO_INSTANT_MAX, MAX_PAGE, NON_BLANK, UUID } from '../../common';

/** The public part of a token: 8 random bytes in hex. */
const TOKEN_ID: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{16}$', maxLength: 16 };
/** `kw_<token id>.<secret>`: the secret is 32 random bytes, base64url. */
const TOKEN: SchemaObject = { type: 'string', pattern: '^kw_[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$', maxLength: 63, description: 'Shown once; store it safely.' };
const NAME: SchemaObject = { type: 'string', maxLength: 200, ...NON_BLANK };
const ROLE_LIST: SchemaObject = { type: 'array', maxItems: ROLES.length, items: { type: 'string', enum: [...ROLES] } };

export const ME_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    name: NAME,
    roles: ROLE_LIST,
    tokenId: { ...TOKEN_ID, description: 'The token of this request.' },
    tokenIssuedBy: {
      type: 'object',
      description: 'Present when someone other than you issued this token; every action taken with it records this issuer.',
      properties: { id: ACTOR_ID, name: NAME, tokenId: TOKEN_ID },
    },
  },
};



export const CREATED_TOKEN_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    tokenId: TOKEN_ID,
    token: TOKEN,
    userId: UUID,
    label: { type: 'string', maxLength: 200, ...ANY_TEXT },
    expiresAt: { type: 'string', format: 'date-time', maxLength: ISO_INSTANT_MAX, nullable: true },
    revokedTokenId: { ...TOKEN_ID, nullable: true },
  },
};

const INSTANT: SchemaObject = { type: 'string', format: 'date-time', maxLength: ISO_INSTANT_MAX };
const nullable = (s: SchemaObject): SchemaObject => ({ ...s, nullable: true });
/** Who made a user or issued a token: a user id, `cli:<account>`, `system` (the bootstrap) or `oidc` (sign-in through the identity provider). */
const CREATOR: SchemaObject = { type: 'string', maxLength: 68, pattern: ACTOR_ID.pattern!.replace('^(?:system|', '^(?:system|oidc|') };

/** A page of an offset-paged list (users, tokens): at most `limit` items, `limit` at most {@link MAX_PAGE}. */
function offsetPage(item: SchemaObject, what: string): SchemaObject {
  const count = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const;
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset'],
    properties: {
      items: { type: 'array', maxItems: MAX_PAGE, items: item, description: `At most \`limit\` ${what}.` },
      total: { ...count, description: `All ${what}, on every page.` },
      limit: { ...count, minimum: 1, maximum: MAX_PAGE },
      offset: { ...count, maximum: 1_000_000_000 },
    },
  };
}

export const TEAMLEIDERS_SCHEMA: SchemaObject = offsetPage(
  { type: 'object', required: ['id', 'name'], properties: { id: UUID, name: NAME } },
  'active teamleiders, by name',
);

const USER: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'roles', 'createdAt', 'createdBy', 'disabledAt'],
  properties: { id: UUID, name: NAME, roles: ROLE_LIST, createdAt: INSTANT, createdBy: CREATOR, disabledAt: nullable(INSTANT) },
};

export const USER_PAGE_SCHEMA: SchemaObject = offsetPage(USER, 'users, oldest first');

export const CREATED_USER_SCHEMA: SchemaObject = { type: 'object', required: ['user', 'token', 'tokenId'], properties: { user: USER, token: TOKEN, tokenId: TOKEN_ID } };

const TOKEN_VIEW: SchemaObject = {
  type: 'object',
  required: ['id', 'userId', 'label', 'createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt', 'status', 'issuedBy', 'issuedByName'],
  properties: {
    id: TOKEN_ID,
    userId: UUID,
    label: { type: 'string', maxLength: 200, ...NON_BLANK },
    createdAt: INSTANT,
    expiresAt: nullable(INSTANT),
    revokedAt: nullable(INSTANT),
    lastUsedAt: nullable(INSTANT),
    status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
    issuedBy: nullable(CREATOR),
    issuedByName: nullable(NAME),
  },
};

export const TOKEN_PAGE_SCHEMA: SchemaObject = offsetPage(TOKEN_VIEW, 'tokens, oldest first, without their secrets');
