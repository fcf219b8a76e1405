import { Provider, Type } from '@nestjs/common';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';

/**
 * Sign-in through the province's identity provider. AppModule registers these only when the OIDC settings are
 * present (without them everything works as before), beside the web application's SessionService they start sessions in.
 */
export const OIDC_CONTROLLERS: Type<unknown>[] = [OidcController];
export const OIDC_PROVIDERS: Provider[] = [OidcService];
