import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { ROLES, Role } from '../../../workflows/facts';
import { NonBlankString, OptionalString } from '../../common';

export class CreateUserDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Anne de Vries' })
  @NonBlankString(1, 200, 'name must not be blank')
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1, maxItems: 5 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the first token expires (default: never).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  tokenExpiresAt?: string;
}

export class CreateTokenDto {
  @OptionalString(200, { example: 'laptop griffie' })
  label?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  expiresAt?: string;
}
