import { cloneElement, toChildArray, type ComponentChildren, type VNode } from 'preact';
import type { FieldError } from '../../common';

/** Small NL Design System building blocks shared by the pages. */

export function H1({ children }: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1">{children}</h1>;
}
export function H2({ children, id }: { children: ComponentChildren; id?: string }) {
  return (
    <h2 class="utrecht-heading-2" id={id}>
      {children}
    </h2>
  );
}
export function H3({ children }: { children: ComponentChildren }) {
  return <h3 class="utrecht-heading-3">{children}</h3>;
}
export function P({ children, muted }: { children: ComponentChildren; muted?: boolean }) {
  return <p class={`utrecht-paragraph${muted ? ' kw-muted' : ''}`}>{children}</p>;
}
export function A({ href, children, download }: { href: string; children: ComponentChildren; download?: boolean }) {
  return (
    <a class="utrecht-link" href={href} download={download ? '' : undefined}>
      {children}
    </a>
  );
}

/** An alert of one paragraph, or nothing when there is no text. */
export function Notice({ type, text }: { type: 'info' | 'ok' | 'warning' | 'error'; text?: string | null }) {
  return text ? (
    <Alert type={type}>
      <P>{text}</P>
    </Alert>
  ) : null;
}

export function Alert({ type, children, title }: { type: 'info' | 'ok' | 'warning' | 'error'; children: ComponentChildren; title?: string }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          {title ? <p class="utrecht-paragraph"><strong>{title}</strong></p> : null}
          {children}
        </div>
      </div>
    </div>
  );
}

export function Button({ children, secondary, name, value }: { children: ComponentChildren; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
      {children}
    </button>
  );
}

/** Each cell learns its column's header, which narrow screens show beside the value (the table stacks). */
function withLabels(rows: ComponentChildren, head: ComponentChildren[]): ComponentChildren {
  return toChildArray(rows).map((row) => {
    if (typeof row !== 'object') return row;
    const r = row as VNode<{ children?: ComponentChildren }>;
    const cells = toChildArray(r.props.children).map((cell, i) =>
      typeof cell === 'object' && typeof head[i] === 'string' ? cloneElement(cell as VNode<{ label?: string }>, { label: head[i] }) : cell,
    );
    return cloneElement(r, {}, ...cells);
  });
}

/** A table with a caption and column headers. */
export function Table({ caption, head, children }: { caption: string; head: ComponentChildren[]; children: ComponentChildren }) {
  return (
    <div class="kw-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h, i) => (
              <th key={i} scope="col" class="utrecht-table__header-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{withLabels(children, head)}</tbody>
      </table>
    </div>
  );
}
export function Tr({ children }: { children: ComponentChildren }) {
  return <tr class="utrecht-table__row">{children}</tr>;
}
export function Td({ children, th, label }: { children?: ComponentChildren; th?: boolean; label?: string }) {
  return th ? (
    <th scope="row" class="utrecht-table__header-cell" data-label={label}>
      {children}
    </th>
  ) : (
    <td class="utrecht-table__cell" data-label={label}>
      {children}
    </td>
  );
}

/** A status with a word and a shape, never colour alone. */
export function Status({ kind, children }: { kind: 'ok' | 'open' | 'na' | 'waived'; children: ComponentChildren }) {
  const mark = kind === 'ok' ? '✓ ' : kind === 'open' ? '✗ ' : kind === 'waived' ? '⚑ ' : '– ';
  return (
    <span class={`kw-status kw-status--${kind}`}>
      <span aria-hidden="true">{mark}</span>
      {children}
    </span>
  );
}

/** Paging links: previous / next with the position, as links that work without script. */
export function Pager({ base, offset, limit, total, hasNext }: { base: string; offset: number; limit: number; total: number | null; hasNext: boolean }) {
  const link = (o: number) => {
    const u = new URL(base, 'http://x');
    u.searchParams.set('offset', String(o));
    return `${u.pathname}${u.search}`;
  };
  const from = total === 0 ? 0 : offset + 1;
  return (
    <nav class="utrecht-pagination" aria-label="Paginering">
      <p class="utrecht-paragraph">
        {total !== null ? `${from}–${Math.min(offset + limit, total)} van ${total}` : `Vanaf ${from}`}
      </p>
      <ul class="kw-nav" style="list-style:none;display:flex;gap:1rem;padding:0">
        {offset > 0 ? (
          <li>
            <a class="utrecht-link" rel="prev" href={link(Math.max(0, offset - limit))}>
              Vorige pagina
            </a>
          </li>
        ) : null}
        {hasNext ? (
          <li>
            <a class="utrecht-link" rel="next" href={link(offset + limit)}>
              Volgende pagina
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The error summary at the top of a form: each error links to its field. */
export function ErrorSummary({ errors, label }: { errors: FieldError[]; label: (field: string) => string }) {
  if (!errors.length) return null;
  return (
    <div class="kw-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabIndex={-1}>
      <h2 class="utrecht-heading-2" id="foutoverzicht-titel">
        Er {errors.length === 1 ? 'is 1 fout' : `zijn ${errors.length} fouten`} gevonden
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li key={e.field} class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${fieldId(e.field)}`}>
              {label(e.field)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The element id of a form field named by its request path (`data.participatieparagraaf.doel`). */
export function fieldId(path: string): string {
  return `veld-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}
