/**
 * The dashboard lives at /dashboard; its screens are in the address's hash
 * (#/points, #/tablets …), so the back button and a reload keep the screen.
 */
import { useEffect, useState } from 'preact/hooks';

export type DashboardRoute =
  | { name: 'overview' }
  | { name: 'barriers' }
  | { name: 'report' }
  | { name: 'points' }
  | { name: 'tablets' };

export const ROUTE_NAMES = ['overview', 'barriers', 'report', 'points', 'tablets'] as const;

export function parseRoute(hash: string): DashboardRoute {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTE_NAMES as readonly string[]).includes(name ?? '')
    ? { name: name as DashboardRoute['name'] }
    : { name: 'overview' };
}

export const hrefOf = (route: DashboardRoute): string => (route.name === 'overview' ? '#/' : `#/${route.name}`);

export function useRoute(): DashboardRoute {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
