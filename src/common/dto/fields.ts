/**
 * Property decorators the request DTOs share. Each applies its decorators in the order they would stand bottom to
 * top, the order class-validator checks them and reports their messages in.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

interface Doc {
  description?: string;
  example?: string;
}

/** A string of `min` to `max` characters that is not blank; `blank` is the message when it is. */
export const NonBlankString = (min: number, max: number, blank: string) =>
  applyDecorators(Matches(/\S/, { message: blank }), MaxLength(max), MinLength(min), IsString());

/** An optional string of at most `max` characters, taken as it comes (also blank), and documented so. */
export const OptionalString = (max: number, doc: Doc = {}) =>
  applyDecorators(MaxLength(max), IsString(), IsOptional(), ApiPropertyOptional({ maxLength: max, pattern: '^[\\s\\S]*$', ...doc }));

/** An optional choice from `values`, documented as an enum. */
export const OptionalIn = (values: readonly string[], doc: Doc = {}) =>
  applyDecorators(IsIn(values), IsOptional(), ApiPropertyOptional({ enum: values, ...doc }));

/** An optional UUID, such as the user a dossier is assigned to. */
export const OptionalUuid = (doc: Doc = {}) => applyDecorators(IsUUID(), IsOptional(), ApiPropertyOptional({ format: 'uuid', ...doc }));

/** The `version` of the dossier the client read (`expectedVersion`): a whole number from 1. */
export const DossierVersion = () => applyDecorators(Max(Number.MAX_SAFE_INTEGER), Min(1), IsInt());
