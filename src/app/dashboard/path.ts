/**
 * Where the coordinator dashboard lives. The tablet's entry imports only this
 * file statically and loads the dashboard itself with import() when the
 * address is /dashboard, so the dashboard never enters the tablet's first load.
 */
export const DASHBOARD_PATH = '/dashboard';

export const isDashboardPath = (pathname: string): boolean =>
  pathname === DASHBOARD_PATH || pathname.startsWith(`${DASHBOARD_PATH}/`);
