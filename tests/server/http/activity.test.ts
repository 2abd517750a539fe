import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { trackActivity } from '../../../src/server/http/activity.ts';

describe('the city knows when it is quiet enough for background work', () => {
  it('is busy while a request runs and for a while after the last one arrived', async () => {
    let clock = 1_000;
    let finish: () => void = () => {};
    const app = Fastify();
    const activity = trackActivity(app, () => clock);
    app.get('/sync', () => new Promise<string>((resolve) => (finish = () => resolve('ok'))));
    await app.ready();
    expect(activity.quietFor(250)).toBe(true);

    const answer = app.inject({ method: 'GET', url: '/sync' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock += 5_000;
    expect(activity.quietFor(250)).toBe(false); // still in flight, however long ago it came
    finish();
    expect((await answer).statusCode).toBe(200);
    expect(activity.quietFor(250)).toBe(true);

    await app.inject({ method: 'GET', url: '/nothing-here' });
    expect(activity.quietFor(250)).toBe(false); // one just arrived
    clock += 300;
    expect(activity.quietFor(250)).toBe(true);
    await app.close();
  });
});
