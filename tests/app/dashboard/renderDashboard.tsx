/** Opens the dashboard against a fake city, on 23 November 2026 at 10:00 in Mechelen. */
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { createCoordinatorApi } from '../../../src/app/dashboard/api/coordinatorApi.ts';
import { Dashboard } from '../../../src/app/dashboard/Dashboard.tsx';
import { FakeCity, type FakeCityOptions, memoryStorage } from './fakeCity.ts';

export const NOW = Date.parse('2026-11-23T10:00:00+01:00');
export const ORIGIN = 'https://checkin.example';

export function renderDashboard(
  options: FakeCityOptions & { hash?: string; storage?: Record<string, string>; languages?: string[] } = {},
) {
  window.location.hash = options.hash ?? '#/';
  const city = new FakeCity(options);
  const storage = memoryStorage(options.storage);
  const print = vi.fn();
  const view = render(
    <Dashboard
      api={createCoordinatorApi(city.fetch)}
      now={() => NOW}
      origin={ORIGIN}
      print={print}
      storage={storage}
      preferredLanguages={options.languages ?? ['nl-BE']}
    />,
  );
  return { city, storage, print, ...view };
}
