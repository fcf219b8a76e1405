import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InfrastructureModule } from '../database/infrastructure.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users, their roles and API tokens (`UsersService`, used to authenticate every request), and /api/v1/users. */
@Module({
  imports: [InfrastructureModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
