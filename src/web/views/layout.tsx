import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { Role } from '../../../workflows/facts';
import { may } from '../../auth';
import { stylesheet } from '../assets';
import type { WebSession } from '../session/session.service';

/** What every page knows about the request: who is signed in and the CSRF token their forms carry. */
export interface PageContext {
  session: WebSession | null;
  /** The path, to mark the current menu item. */
  path: string;
}

/** The menu for the signed-in roles. */
function menu(roles: readonly Role[]): Array<{ href: string; label: string }> {
  const items: Array<{ href: string; label: string }> = [];
  if (roles.includes('beleidsmedewerker')) items.push({ href: '/dossiers', label: 'Mijn dossiers' });
  else if (may(roles, 'dossier.read')) items.push({ href: '/dossiers', label: 'Dossiers' });
  if (may(roles, 'waiver.decide')) items.push({ href: '/teamleider', label: 'Ontheffingen en toewijzing' });
  if (roles.includes('griffie') || roles.includes('auditor')) items.push({ href: '/griffie', label: 'Naleving' });
  if (may(roles, 'workflow.read')) items.push({ href: '/werkstroom', label: 'Werkstroom' });
  return items;
}

/** The hidden CSRF field every state-changing form carries. */
export function Csrf({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.session?.csrfToken ?? ''} />;
}

function Header({ ctx }: { ctx: PageContext }) {
  const s = ctx.session;
  return (
    <header class="kw-header utrecht-page-header">
      <a class="kw-brand" href="/">
        Kaderwijzer
      </a>
      {s ? (
        <nav class="kw-nav" aria-label="Hoofdmenu">
          <ul>
            {menu(s.actor.roles).map((m) => (
              <li key={m.href}>
                <a href={m.href} aria-current={ctx.path === m.href || ctx.path.startsWith(`${m.href}/`) ? 'page' : undefined}>
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {s ? (
        <div class="kw-user">
          <span>
            {s.actor.name} ({s.actor.roles.join(', ')})
          </span>
          <form method="post" action="/uitloggen" class="kw-inline-form">
            <Csrf ctx={ctx} />
            <button type="submit" class="kw-linkbutton">
              Uitloggen
            </button>
          </form>
        </div>
      ) : null}
    </header>
  );
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <html lang="nl" class="utrecht-root">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Kaderwijzer`}</title>
        <link rel="stylesheet" href={stylesheet().url} />
      </head>
      <body class="utrecht-theme kw-theme utrecht-body utrecht-document">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          Naar de inhoud
        </a>
        <Header ctx={ctx} />
        <main id="inhoud" class="kw-main utrecht-page-content" tabIndex={-1}>
          {children}
        </main>
        <footer class="kw-footer">
          <p class="utrecht-paragraph">
            Kaderwijzer — Kader verbindend besturen Provincie Drenthe. <a class="utrecht-link" href="/werkstroom">De werkstroom</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** A whole HTML document. */
export function html(page: VNode): string {
  return `<!DOCTYPE html>\n${render(page)}`;
}
