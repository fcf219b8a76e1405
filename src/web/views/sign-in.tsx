import { html, Layout, PageContext } from './layout';
import { Alert, Button, H1, P } from './ui';

export function signInPage(ctx: PageContext, opts: { csrf: string; terug: string; error?: string; signedOut?: boolean; token?: string; oidc?: boolean }): string {
  return html(
    <Layout ctx={ctx} title="Inloggen">
      <H1>Inloggen</H1>
      {opts.signedOut ? (
        <Alert type="ok">
          <P>U bent uitgelogd.</P>
        </Alert>
      ) : null}
      {opts.error ? (
        <div class="kw-error-summary" role="alert" aria-labelledby="foutoverzicht-titel">
          <h2 class="utrecht-heading-2" id="foutoverzicht-titel">
            Inloggen lukte niet
          </h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="#veld-token">
              {opts.error}
            </a>
          </p>
        </div>
      ) : null}
      {opts.oidc ? (
        <P>
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/inloggen/oidc?terug=${encodeURIComponent(opts.terug)}`}>
            Inloggen via de provincie
          </a>
        </P>
      ) : null}
      <P>{opts.oidc ? 'Of log in ' : 'Log in '}met het persoonlijke token dat u van de beheerder kreeg (het begint met kw_).</P>
      <form method="post" action="/inloggen" novalidate>
        <input type="hidden" name="_csrf" value={opts.csrf} />
        <input type="hidden" name="terug" value={opts.terug} />
        <div class={`utrecht-form-field${opts.error ? ' utrecht-form-field--invalid kw-invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-token">
              Token
            </label>
          </div>
          {opts.error ? (
            <div class="utrecht-form-field-error-message kw-field-error" id="veld-token-fout">
              Fout: {opts.error}
            </div>
          ) : null}
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="password"
              id="veld-token"
              name="token"
              autocomplete="off"
              required
              aria-invalid={opts.error ? true : undefined}
              aria-describedby={opts.error ? 'veld-token-fout' : undefined}
            />
          </div>
        </div>
        <Button>Inloggen</Button>
      </form>
    </Layout>,
  );
}

export function signOutPage(ctx: PageContext): string {
  return html(
    <Layout ctx={ctx} title="Uitloggen">
      <H1>Uitloggen</H1>
      <P>Wilt u uitloggen? Uw sessie wordt dan op de server beëindigd.</P>
      <form method="post" action="/uitloggen">
        <input type="hidden" name="_csrf" value={ctx.session?.csrfToken ?? ''} />
        <Button>Uitloggen</Button>
      </form>
    </Layout>,
  );
}
