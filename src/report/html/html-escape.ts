/** Text for HTML element content and quoted attribute values: every character that can end or open markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A link target only when it is plainly http(s): a policy's helpUri is user-supplied (`javascript:` is not a link). */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}
