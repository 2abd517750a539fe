/**
 * Screens live in the address's hash (#/log/question, #/visit/ID …): the
 * tablet's back button works, and a reload lands on the same screen.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'today' }
  | { name: 'log'; kind: 'question' | 'device' }
  | { name: 'finish'; id: string }
  | { name: 'visit'; id: string }
  | { name: 'history' }
  | { name: 'settings' }
  | { name: 'point' }
  | { name: 'pair' };

export function parseRoute(hash: string): Route {
  const [name = '', arg = ''] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'log' && (arg === 'question' || arg === 'device')) return { name, kind: arg };
  if ((name === 'finish' || name === 'visit') && arg) return { name, id: decodeURIComponent(arg) };
  if (name === 'history' || name === 'settings' || name === 'point' || name === 'pair') return { name };
  return { name: 'today' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'log':
      return `#/log/${route.kind}`;
    case 'finish':
    case 'visit':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
    case 'today':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
