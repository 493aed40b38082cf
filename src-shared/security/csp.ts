// The Content-Security-Policy of every renderer page, in Electron (app:// protocol) and browser mode.
// No remote content, no inline or eval'd script, no plugins; images may be blob:/data: (frames, plots).

/** The policy as a header value. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
