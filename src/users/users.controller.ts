import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, AuthedRequest, CurrentActor } from '../auth';
import { ActorContext, ApiAuthedProblems, DomainError, MAX_PAGE, OffsetPageQueryDto, UuidParamPipe } from '../common';
import { CreateTokenDto, CreateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { CREATED_TOKEN_SCHEMA, CREATED_USER_SCHEMA, ME_SCHEMA, TEAMLEIDERS_SCHEMA, TOKEN_PAGE_SCHEMA, USER_PAGE_SCHEMA } from './dto/user-schemas';

const iso = (s?: string) => (s ? new Date(s).toISOString() : null);
const page = (q: OffsetPageQueryDto) => ({ limit: q.limit ?? MAX_PAGE, offset: q.offset ?? 0 });

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'Who the token belongs to.' })
  @ApiOkResponse({ schema: ME_SCHEMA })
  @ApiAuthedProblems()
  me(@CurrentActor() actor: ActorContext) {
    return actor;
  }

  @Post('users')
  @Allow('user.manage')
  @ApiOperation({ summary: 'Create a user with roles and a first token (shown once, in `token`).' })
  @ApiCreatedResponse({ schema: CREATED_USER_SCHEMA })
  @ApiAuthedProblems(409)
  create(@CurrentActor() actor: ActorContext, @Body() body: CreateUserDto) {
    return this.users.createUser(actor, { name: body.name, roles: body.roles, tokenExpiresAt: iso(body.tokenExpiresAt) });
  }

  @Get('users')
  @Allow('user.manage')
  @ApiOperation({ summary: 'All users, oldest first, a page at a time (`limit`, `offset`).' })
  @ApiOkResponse({ schema: USER_PAGE_SCHEMA })
  @ApiAuthedProblems()
  list(@Query() q: OffsetPageQueryDto) {
    return this.users.pageUsers(page(q));
  }

  @Get('users/teamleiders')
  @Allow('user.list-teamleiders')
  @ApiOperation({
    summary: 'The active teamleiders, ids and names only: whom a beleidsmedewerker can ask to decide a waiver (`approverId`).',
  })
  @ApiOkResponse({ schema: TEAMLEIDERS_SCHEMA })
  @ApiAuthedProblems()
  teamleiders(@Query() q: OffsetPageQueryDto) {
    return this.users.pageTeamleiders(page(q));
  }

  @Post('users/:id/tokens')
  @Allow('token.manage-own', 'token.issue-first')
  @ApiOperation({
    summary: 'Create a token (shown once). For your own account; a beheerder only hands a user their first token (403 otherwise).',
    description:
      'A token created with a token someone else issued (the one a beheerder handed you) replaces it: that token is revoked in the same ' +
      'transaction (`revokedTokenId`). Every action taken with a token someone else issued names the issuer in the audit trail.',
  })
  @ApiCreatedResponse({ schema: CREATED_TOKEN_SCHEMA })
  @ApiAuthedProblems(404)
  createToken(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: CreateTokenDto) {
    return this.users.createToken(actor, id, { label: body.label, expiresAt: iso(body.expiresAt) });
  }

  @Get('me/tokens')
  @Allow('token.manage-own')
  @ApiOperation({ summary: 'Your own tokens, without their secrets, a page at a time (`limit`, `offset`).' })
  @ApiOkResponse({ schema: TOKEN_PAGE_SCHEMA })
  @ApiAuthedProblems()
  myTokens(@CurrentActor() actor: ActorContext, @Query() q: OffsetPageQueryDto) {
    return this.users.pageTokens(actor.id, page(q));
  }

  @Get('tokens')
  @Allow('user.manage')
  @ApiOperation({ summary: 'All tokens, without their secrets, a page at a time (`limit`, `offset`).' })
  @ApiOkResponse({ schema: TOKEN_PAGE_SCHEMA })
  @ApiAuthedProblems()
  tokens(@Query() q: OffsetPageQueryDto) {
    return this.users.pageTokens(undefined, page(q));
  }

  // The path parameter is the token's public id, never its secret; named `id` so no one mistakes it for a credential.
  @Post('tokens/:id/revoke')
  @HttpCode(200)
  @Allow('user.manage', 'token.manage-own')
  @ApiOperation({ summary: 'Revoke a token; it fails from the next request on. A beheerder revokes any token, everyone else their own.' })
  @ApiParam({ name: 'id', description: 'The token id (16 hexadecimal characters; the part after `kw_`).', schema: { type: 'string', pattern: '^[0-9a-f]{16}$', maxLength: 16 } })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiAuthedProblems(404)
  revoke(@CurrentActor() actor: ActorContext, @Param('id') tokenId: string, @Req() req: AuthedRequest) {
    const body: unknown = req.body;
    const empty = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
    if (!empty) throw DomainError.validation([{ field: 'body', message: 'must be absent or {}: this action takes no fields' }]);
    if (!/^[0-9a-f]{16}$/.test(tokenId)) throw DomainError.validation([{ field: 'path.id', message: 'must be a token id (16 hexadecimal characters)' }]);
    return this.users.revokeToken(actor, tokenId);
  }
}
