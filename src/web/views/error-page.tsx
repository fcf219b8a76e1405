import { html, Layout, PageContext } from './layout';
import { A, H1, P } from './ui';

export function errorPage(ctx: PageContext, status: number, title: string, text: string): string {
  return html(
    <Layout ctx={ctx} title={title}>
      <H1>{title}</H1>
      <P>{text}</P>
      <P muted>Foutcode {status}.</P>
      <P>
        <A href="/">Naar de startpagina</A>
      </P>
    </Layout>,
  );
}
