// GitHub's page-number pagination: `per_page` (default 30, max 100), `page`, and a Link header
// whose URLs keep the client's host, prefix and other query parameters.
import type { HandlerContext, HandlerResponse } from './context.js';

/** The requested page of `items` and its Link header ('' when everything fits on one page). */
export function pageOf<T>(ctx: HandlerContext, items: readonly T[]): { items: T[]; link: string } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  return { items: items.slice((page - 1) * perPage, page * perPage), link: linkHeader(ctx.requestUrl, page, last) };
}

/** A 200 response holding one page of `items` as a JSON array, as list endpoints answer. */
export function paginate<T>(ctx: HandlerContext, items: readonly T[], toJson: (item: T) => unknown): HandlerResponse {
  const page = pageOf(ctx, items);
  return { status: 200, body: page.items.map(toJson), ...(page.link === '' ? {} : { headers: { link: page.link } }) };
}

/** The Link header for `page` of `last`, in GitHub's rel order: prev, next, last, first. */
export function linkHeader(requestUrl: URL, page: number, last: number): string {
  const at = (n: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(n));
    return `<${url.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  return parts.join(', ');
}
