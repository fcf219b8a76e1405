import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { MinimalOidcSessions, OIDC_SESSIONS } from './oidc-sessions';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';

/**
 * Sign-in through the province's identity provider; AppModule imports it only when the OIDC_* settings are present.
 * Sessions: the minimal in-memory store until the web application's SessionService is bound to OIDC_SESSIONS.
 */
@Module({
  controllers: [OidcController],
  providers: [
    OidcService,
    {
      provide: OIDC_SESSIONS,
      useFactory: (config: AppConfig, clock: Clock) => new MinimalOidcSessions(config.oidc?.publicUrl.startsWith('https:') ?? false, () => clock.now().getTime()),
      inject: [APP_CONFIG, Clock],
    },
  ],
  exports: [OidcService],
})
export class OidcModule {}
