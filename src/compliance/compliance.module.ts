import { Module } from '@nestjs/common';

/** The griffie's compliance views (issue #4). */
@Module({})
export class ComplianceModule {}
