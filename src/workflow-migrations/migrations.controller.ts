import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth';
import { ActorContext, ApiAuthedProblems, UuidParamPipe } from '../common';
import { MigrateDossierDto, MigrationResultDto } from './dto/migration.dto';
import { MigrationsService } from './migrations.service';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:id/migrations')
export class MigrationsController {
  constructor(@Inject(MigrationsService) private readonly migrations: MigrationsService) {}

  @Post()
  @Allow('workflow.migrate')
  @ApiOperation({
    summary: 'Move the dossier to a newer version of its workflow (teamleider); `dryRun` shows what would change first.',
    description:
      'A dry run answers 200 with the report — requirements of the next transitions added, removed or changing status, evidence the new ' +
      'version reads differently, whether the dossier can still advance — and writes nothing. A move answers 201: one transaction with the ' +
      'same version check as every write (a stale `expectedVersion` is 409 …/version-conflict) and an audit event `dossier.migrated` with ' +
      'the report, the reason and who decided. A target that does not exist is 400; one that is older, the same, retired, or does not know ' +
      'the dossier’s phase is 409 …/invalid-state naming `targetVersion`.',
  })
  @ApiOkResponse({ type: MigrationResultDto, description: 'Dry run: what would change; nothing was written.' })
  @ApiCreatedResponse({ type: MigrationResultDto, description: 'Moved: the report, the audit event and the dossier after the move.' })
  @ApiAuthedProblems(404, 409, 413, 415)
  async migrate(
    @CurrentActor() actor: ActorContext,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: MigrateDossierDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.migrations.migrate(actor, id, body);
    res.status(result.dryRun ? 200 : 201);
    return result;
  }
}
