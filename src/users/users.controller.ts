import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthedRequest, CurrentActor } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { ActorContext } from '../common/actor';
import { ApiAuthedProblems } from '../common/api-problems';
import { UuidParamPipe } from '../common/validation';
import { CreateTokenDto, CreateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const iso = (s?: string) => (s ? new Date(s).toISOString() : null);

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'Who the token belongs to.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } } })
  @ApiAuthedProblems()
  me(@CurrentActor() actor: ActorContext) {
    return actor;
  }

  @Post('users')
  @Allow('user.manage')
  @ApiOperation({ summary: 'Create a user with roles and a first token (shown once, in `token`).' })
  @ApiCreatedResponse({ schema: { type: 'object', properties: { user: { type: 'object' }, token: { type: 'string' }, tokenId: { type: 'string' } } } })
  @ApiAuthedProblems(409)
  create(@CurrentActor() actor: ActorContext, @Body() body: CreateUserDto) {
    return this.users.createUser(actor, { name: body.name, roles: body.roles, tokenExpiresAt: iso(body.tokenExpiresAt) });
  }

  @Get('users')
  @Allow('user.manage')
  @ApiOperation({ summary: 'All users.' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiAuthedProblems()
  list() {
    return this.users.listUsers();
  }

  @Post('users/:id/tokens')
  @Allow('user.manage')
  @ApiOperation({ summary: 'Issue another token for a user (shown once).' })
  @ApiCreatedResponse({ schema: { type: 'object' } })
  @ApiAuthedProblems(404)
  createToken(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: CreateTokenDto) {
    return this.users.createToken(actor, id, { label: body.label, expiresAt: iso(body.expiresAt) });
  }

  @Get('tokens')
  @Allow('user.manage')
  @ApiOperation({ summary: 'All tokens, without their secrets.' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiAuthedProblems()
  tokens() {
    return this.users.listTokens();
  }

  @Post('tokens/:tokenId/revoke')
  @HttpCode(200)
  @Allow('user.manage')
  @ApiOperation({ summary: 'Revoke a token; it fails from the next request on.' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiAuthedProblems(404)
  revoke(@CurrentActor() actor: ActorContext, @Param('tokenId') tokenId: string, @Req() req: AuthedRequest) {
    const body: unknown = req.body;
    const empty = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
    if (!empty) throw DomainError.validation([{ field: 'body', message: 'must be absent or {}: this action takes no fields' }]);
    if (!/^[0-9a-f]{16}$/.test(tokenId)) throw DomainError.validation([{ field: 'path.tokenId', message: 'must be a token id (16 hexadecimal characters)' }]);
    return this.users.revokeToken(actor, tokenId);
  }
}
