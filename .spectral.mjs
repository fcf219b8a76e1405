// Spectral ruleset for the published OpenAPI document (`npm run lint:openapi`): the OAS recommended rules and
// the OWASP API Security Top 10 (2023) ruleset, as they come, with no rule switched off.
import { oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';

export default { extends: [oas, owasp] };
