import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one stylesheet of the web application: the NL Design System tokens (`@utrecht/design-tokens`, theme.css), the
 * rules of the `@utrecht/component-library-css` components the pages use (cut from index.css, which holds every
 * component: 400 KB), and a little layout of our own. Built once at start-up and served under a content-hashed URL
 * with a year of caching.
 */

/** Components the pages use (class prefix after `utrecht-`). */
export const UTRECHT_COMPONENTS = [
  'alert',
  'body',
  'button',
  'button-group',
  'document',
  'form-field',
  'form-field-description',
  'form-field-error-message',
  'form-label',
  'heading-1',
  'heading-2',
  'heading-3',
  'heading-4',
  'link',
  'page',
  'page-content',
  'page-header',
  'pagination',
  'paragraph',
  'root',
  'select',
  'skip-link',
  'table',
  'textarea',
  'textbox',
  'unordered-list',
];

/** Split CSS into its top-level statements (rules, at-rules with blocks, comments dropped). */
function statements(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      const stop = end < 0 ? css.length : end + 2;
      if (depth === 0) {
        if (css.slice(start, i).trim()) out.push(css.slice(start, i));
        start = stop;
      }
      i = stop;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        out.push(css.slice(start, i + 1));
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    }
    i++;
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Keep the rules whose selectors name one of the wanted components; at-rule blocks are filtered inside. */
export function subsetCss(css: string, components: readonly string[]): string {
  const wanted = new RegExp(`\\.utrecht-(?:${components.map((c) => c.replace(/-/g, '\\-')).join('|')})(?![a-z-])`);
  const keep: string[] = [];
  for (const s of statements(css)) {
    if (s.startsWith('@charset')) continue;
    const open = s.indexOf('{');
    if (open < 0) continue;
    const head = s.slice(0, open);
    if (head.trimStart().startsWith('@')) {
      if (/^@(media|supports|layer|container)/.test(head.trim())) {
        const inner = subsetCss(s.slice(open + 1, s.lastIndexOf('}')), components);
        if (inner.trim()) keep.push(`${head}{\n${inner}\n}`);
      }
      continue;
    }
    // Selectors: keep the rule if any selector in the list names a wanted component (element/modifier classes too).
    const sel = head.replace(/__[a-z-]+|--[a-z0-9-]+/g, '');
    if (wanted.test(sel)) keep.push(s);
  }
  return keep.join('\n');
}

/** Our own layout and a few token overrides (the Drenthe blue; no logos). */
export const OWN_CSS = `
.kw-theme {
  --utrecht-color-blue-40: #00528c;
  --utrecht-focus-outline-color: #000;
  --utrecht-focus-outline-width: 3px;
  --utrecht-focus-outline-style: solid;
  --utrecht-focus-box-shadow: 0 0 0 2px #fff;
}
html { background: #fff; }
body { margin: 0; }
*:focus-visible { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #ffbf47; }
.kw-header { background: #00528c; color: #fff; padding: 0.75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: center; }
.kw-header a, .kw-header .kw-linkbutton { color: #fff; }
.kw-brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.kw-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
.kw-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.kw-user { margin-inline-start: auto; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.kw-linkbutton { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; color: inherit; }
.kw-main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
.kw-footer { border-top: 1px solid #ccc; padding: 1rem 1.5rem; color: #333; margin-top: 3rem; }
.utrecht-skip-link:not(:focus) { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }
.utrecht-skip-link:focus { position: absolute; left: 0.5rem; top: 0.5rem; z-index: 10; background: #fff; color: #000; padding: 0.5rem 1rem; }
.kw-main .utrecht-heading-2 { margin-block-start: 2rem; }
.kw-main .utrecht-heading-3 { margin-block-start: 1rem; }
.kw-nowrap { white-space: nowrap; }
.utrecht-table__caption { text-align: start; font-weight: 700; padding-block-end: 0.5rem; }
.kw-table-wrap { overflow-x: auto; max-width: 100%; }
.kw-table-wrap table { min-width: 36rem; }
.kw-stepper { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 1rem 0; counter-reset: step; }
.kw-stepper li { border: 2px solid #737373; border-radius: 4px; padding: 0.4rem 0.6rem; flex: 1 1 9rem; min-width: 9rem; }
.kw-stepper li[aria-current="step"] { border-color: #00528c; background: #e5eef5; font-weight: 700; border-width: 4px; }
.kw-stepper li.kw-done { background: #f3f3f3; }
.kw-stepper .kw-step-state { display: block; font-size: 0.875rem; font-weight: 400; }
.kw-status { display: inline-block; padding: 0.1rem 0.45rem; border-radius: 3px; border: 1px solid currentColor; font-size: 0.9rem; white-space: nowrap; }
.kw-status--ok { color: #1a6b2f; }
.kw-status--open { color: #a4000f; }
.kw-status--na { color: #4b4b4b; }
.kw-status--waived { color: #5a3d00; }
.kw-card { border: 1px solid #ccc; border-radius: 4px; padding: 1rem; margin-block: 1rem; }
.kw-error-summary { border: 4px solid #a4000f; padding: 1rem; margin-block-end: 1.5rem; }
.kw-error-summary .utrecht-heading-2 { margin-block-start: 0; }
.kw-field-error { color: #a4000f; font-weight: 700; }
.kw-invalid { border-left: 4px solid #a4000f; padding-left: 0.75rem; }
.kw-timeline { list-style: none; padding: 0; border-left: 3px solid #00528c; margin-left: 0.5rem; }
.kw-timeline > li { padding: 0 0 1rem 1rem; position: relative; }
.kw-timeline > li::before { content: ""; position: absolute; left: -0.5rem; top: 0.4rem; width: 0.75rem; height: 0.75rem; border-radius: 50%; background: #00528c; }
.kw-chart { overflow-x: auto; border: 1px solid #ccc; padding: 0.5rem; }
.kw-chart svg { max-width: none; }
.kw-inline-form { display: inline; }
.kw-filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; }
.kw-filters .utrecht-form-field { margin: 0; }
.kw-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.kw-muted { color: #4b4b4b; }
textarea.utrecht-textarea { min-height: 5rem; }
@media (max-width: 40rem) {
  .kw-main { padding: 1rem; }
  .kw-header { padding: 0.75rem 1rem; }
  .kw-table-wrap table { min-width: 0; }
  .kw-table-wrap thead { position: absolute; left: -10000px; }
  .kw-table-wrap tr, .kw-table-wrap td, .kw-table-wrap th { display: block; }
  .kw-table-wrap tr { border-block-end: 2px solid #ccc; padding-block: 0.5rem; }
  .kw-table-wrap td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
  .kw-stepper li { flex-basis: 100%; }
}
`;

/** Whitespace out (the rules are kept as they are; comments were dropped by the subset). */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Only the custom properties of the token theme that the stylesheet reads (directly or through other tokens): the
 * theme defines some 1,500, the components we use read a fraction.
 */
export function pruneTokens(themeCss: string, usedBy: string): string {
  const decls = new Map<string, string>();
  for (const m of themeCss.matchAll(/(--[A-Za-z0-9_-]+)\s*:\s*([^;]*);/g)) decls.set(m[1], m[2].replace(/\/\*.*?\*\//g, '').trim());
  const used = new Set<string>();
  const queue = [...usedBy.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((m) => m[1]);
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name) || !decls.has(name)) continue;
    used.add(name);
    for (const m of decls.get(name)!.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)) queue.push(m[1]);
  }
  return `.utrecht-theme{${[...decls].filter(([k]) => used.has(k)).map(([k, v]) => `${k}:${v}`).join(';')}}`;
}

export interface Stylesheet {
  url: string;
  body: Buffer;
  etag: string;
}

let cached: Stylesheet | null = null;

/** The stylesheet, built on first use. */
export function stylesheet(): Stylesheet {
  if (cached) return cached;
  const tokens = readFileSync(join(require.resolve('@utrecht/design-tokens/package.json'), '..', 'dist', 'theme.css'), 'utf8');
  const library = readFileSync(join(require.resolve('@utrecht/component-library-css/package.json'), '..', 'dist', 'index.css'), 'utf8');
  const components = minifyCss(subsetCss(library, UTRECHT_COMPONENTS));
  const own = minifyCss(OWN_CSS);
  const css = [
    '/* NL Design System: @utrecht/design-tokens and @utrecht/component-library-css (EUPL-1.2, Gemeente Utrecht, Frameless B.V.) */',
    pruneTokens(tokens, components + own),
    components,
    own,
  ].join('\n');
  const body = Buffer.from(css, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  cached = { url: `/assets/kaderwijzer-${hash}.css`, body, etag: `"${hash}"` };
  return cached;
}
