import { Module } from '@nestjs/common';

/** The auditor's views: history, state on a date, flags, exports, anchors (issue #5). */
@Module({})
export class AuditorModule {}
