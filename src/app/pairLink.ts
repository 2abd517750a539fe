/**
 * The dashboard's QR code opens `/?pair=CODE`. The code is taken out of the
 * address bar at once (it is single use and should not linger in history or
 * be paired twice on reload) and handed to the setup screen.
 */
export function takePairCode(location: Pick<Location, 'href'>, history: Pick<History, 'replaceState' | 'state'>): string | null {
  const url = new URL(location.href);
  const code = url.searchParams.get('pair');
  if (code === null) return null;
  url.searchParams.delete('pair');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return code;
}
