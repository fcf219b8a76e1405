import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { InfrastructureModule } from '../database';
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
