import { Module } from '@nestjs/common';
import { TermijnenController } from './termijnen.controller';
import { TermijnenService } from './termijnen.service';

/** Statutory deadlines (issue #11): `GET /api/v1/termijnen`, and the deployment's legal calendar for the engine. */
@Module({
  providers: [TermijnenService],
  controllers: [TermijnenController],
  exports: [TermijnenService],
})
export class TermijnenModule {}
