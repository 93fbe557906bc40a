// sts:DecodeAuthorizationMessage returns a JSON document; the operator needs three facts from it:
// was it an explicit deny (a policy says no) or no allow (nothing says yes), for which action, on what.

export function summarizeDecoded(text: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof doc !== 'object' || doc === null) return text;
  const d = doc as {allowed?: unknown; explicitDeny?: unknown; context?: {action?: unknown; resource?: unknown; principal?: {arn?: unknown}}};
  const action = typeof d.context?.action === 'string' ? d.context.action : 'the action';
  const resource = typeof d.context?.resource === 'string' ? ` on ${d.context.resource}` : '';
  const principal = typeof d.context?.principal?.arn === 'string' ? ` for ${d.context.principal.arn}` : '';
  const why = d.explicitDeny === true ? 'an explicit Deny in a policy (an SCP, a permission boundary or an identity policy) blocks' : 'no policy allows';
  return d.allowed === true ? `allowed: ${action}${resource}${principal}` : `${why} ${action}${resource}${principal}`;
}
