/**
 * The site a frame belongs to, as the reader sees it in the address bar: a frame inside
 * news.example.com follows news.example.com's switch, whatever its own origin.
 */
export function siteHostOf(win: Window): string {
  // Chromium and Safari list the ancestors' origins, nearest first; the last is the top page.
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    const top = ancestors[ancestors.length - 1];
    if (top) return hostnameOf(top);
  }
  if (win.top && win.top !== win) {
    try {
      return win.top.location.hostname;
    } catch {
      // A cross-origin top page in a browser without ancestorOrigins (Firefox): the frame's own host.
    }
  }
  return win.location.hostname;
}

function hostnameOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
