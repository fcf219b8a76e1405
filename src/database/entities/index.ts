import { AuditAnchorEntity, AuditEventEntity } from './audit.entity';
import { DossierComplianceEntity, DossierTimerEntity, TimerExpiryEntity } from './compliance.entity';
import { DossierEntity, EvidenceEntity, WaiverEntity } from './dossier.entity';
import { ApiTokenEntity, UserEntity, WebSessionEntity } from './user.entity';

export * from './audit.entity';
export * from './compliance.entity';
export * from './dossier.entity';
export * from './user.entity';

/** Every table of the schema, once (the migrations create them; TypeORM never synchronises). */
export const ENTITIES = [
  UserEntity,
  ApiTokenEntity,
  WebSessionEntity,
  DossierEntity,
  EvidenceEntity,
  WaiverEntity,
  AuditEventEntity,
  AuditAnchorEntity,
  DossierComplianceEntity,
  DossierTimerEntity,
  TimerExpiryEntity,
];
