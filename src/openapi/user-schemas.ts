/** Response schemas of the users controller (inline objects there), with the bounds UsersService keeps. */
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ROLES } from '../../workflows/facts';
import { ISO_INSTANT_MAX } from './bounds';
import { ACTOR_ID } from './response-bounds';
import { ANY_TEXT, NON_BLANK, UUID } from './text';

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

export const CREATED_USER_SCHEMA: SchemaObject = { type: 'object', properties: { user: { type: 'object' }, token: TOKEN, tokenId: TOKEN_ID } };

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

export const TEAMLEIDERS_SCHEMA: SchemaObject = {
  type: 'array',
  items: { type: 'object', required: ['id', 'name'], properties: { id: UUID, name: NAME } },
};
