import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { WAIVER_REASON_CODES, WaiverReasonCode } from '../../../../workflows/evidence';
import { NonBlankString, OptionalString, OptionalUuid } from '../../../common';

export class RequestWaiverDto {
  @ApiProperty({ example: 'G2-01', pattern: '^(X-0[1-5]|G[1-6]-\\d{2})$' })
  @IsString()
  @Matches(/^(X-0[1-5]|G[1-6]-\d{2})$/, { message: 'requirementId must be a requirement id such as G2-01' })
  requirementId!: string;

  @ApiProperty({ enum: WAIVER_REASON_CODES, description: 'domain-brief X-04' })
  @IsIn(WAIVER_REASON_CODES)
  reasonCode!: WaiverReasonCode;

  @ApiProperty({ minLength: 10, maxLength: 10000 })
  @NonBlankString(10, 10000, 'motivation must not be blank')
  motivation!: string;

  @OptionalUuid({ description: 'The teamleider who is to decide; any other teamleider may when absent.' })
  approverId?: string;
}

export class DecideWaiverDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @OptionalString(10000)
  note?: string;
}
