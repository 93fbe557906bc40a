// Console links as terminal hyperlinks (OSC 8: ESC ] 8 ; ; URL BEL text ESC ] 8 ; ; BEL). Only a URL
// that is certainly an AWS console page, in plain URL characters, is ever put inside the sequence:
// the URL is built from validated IDs and Regions, but a runbook's link is a template, and one
// control character (ESC, BEL) inside would end the sequence early and let the rest be obeyed.

/** https, an AWS console host, then only RFC 3986 URL characters: no space, quote, brace, angle bracket or control character. */
const consoleUrl = /^https:\/\/(?:[a-z0-9-]+\.)?console\.aws\.amazon\.com\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const maxUrlLength = 2000;

/** True when `url` may be drawn as a hyperlink (see above); anything else is shown as inert text. */
export function isLinkableUrl(url: string): boolean {
  return url.length <= maxUrlLength && consoleUrl.test(url);
}

/** `text` as a hyperlink to `url` (BEL-terminated, as wrap-ansi re-opens it on each wrapped line). Callers check isLinkableUrl. */
export function osc8(url: string, text: string): string {
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}

/**
 * A short name for a console page, to click instead of reading the URL: the console, the page and
 * the resource, and the Region. "ec2 › SecurityGroup sg-0123456789abcdef0 · us-east-1".
 */
export function linkLabel(url: string): string {
  // Pieces of the URL as written (never percent-decoded, so the label holds only URL characters).
  const parsed = new URL(url);
  const region = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
  const host = parsed.hostname.split('.')[0] ?? '';
  const query = /[?&]region=([^&#]*)/.exec(parsed.search)?.[1] ?? '';
  const where = region.test(host) ? host : region.test(query) ? query : undefined;
  const service = host === 's3' ? 's3' : (parsed.pathname.split('/')[1] ?? '');
  // "#SecurityGroup:groupId=sg-…" → "SecurityGroup sg-…"; "#/trails" → "trails"; "#alarmsV2:" → "alarmsV2".
  const fragment = parsed.hash.slice(1).replace(/^\/+/, '').replace(/:[A-Za-z]+=/, ' ').replace(/:$/, '');
  const page = [service, fragment].filter((part) => part !== '').join(' › ');
  return where === undefined ? page : `${page} · ${where}`;
}
