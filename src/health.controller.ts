import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from './auth';
import { Db } from './database';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(Db) private readonly db: Db) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability (no token needed).' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'database'],
      properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string', enum: ['sqlite', 'postgres'], example: 'sqlite' } },
    },
  })
  async health() {
    await this.db.ping();
    return { status: 'ok', database: this.db.dialect };
  }
}
