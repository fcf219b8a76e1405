import { Module } from '@nestjs/common';
import { InfrastructureModule } from '../database';
import { TermijnenController } from './termijnen.controller';
import { TermijnenService } from './termijnen.service';

/** Statutory deadlines (issue #11): `GET /api/v1/termijnen`, and the deployment's legal calendar for the engine. */
@Module({
  imports: [InfrastructureModule],
  providers: [TermijnenService],
  controllers: [TermijnenController],
  exports: [TermijnenService],
})
export class TermijnenModule {}
