import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { withSyncState } from '../../../src/app/db/database.ts';
import { MemoryStorage, pairedTablet, type TestTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

async function loggedVisit(t: TestTablet): Promise<string> {
  const result = await t.tablet.quickLog('predikheren', {
    kind: 'question',
    topics: ['banking'],
    device: null,
    problem: null,
    outcome: 'resolved',
    referredTo: null,
  });
  if (!result.ok) throw new Error('not saved');
  return result.visit.id;
}

const note = () => screen.findByLabelText('Notitie') as Promise<HTMLTextAreaElement>;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen bewaren' }));

describe('a host opens a visit to correct it', () => {
  it('warns the moment the note looks like personal data, and does not save the visit with it', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });

    fireEvent.input(await note(), { target: { value: 'Bel haar terug op 0470 12 34 56' } });
    expect((await screen.findByText(/Dit lijkt op een telefoonnummer/)).getAttribute('role')).toBe('alert');
    expect((await note()).getAttribute('aria-invalid')).toBe('true');

    save();
    expect(await screen.findByText(/niet bewaard zolang de notitie persoonsgegevens lijkt te bevatten/)).toBeTruthy();
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 1, note: null });

    fireEvent.input(await note(), { target: { value: 'Terugbelafspraak gemaakt met de bank' } });
    expect(screen.queryByText(/Dit lijkt op een telefoonnummer/)).toBeNull();
    save();
    await screen.findByText('Wijzigingen bewaard');
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 2, note: 'Terugbelafspraak gemaakt met de bank' });
  });

  it('corrects the visitor facts and back-dates the arrival', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });

    const age = await screen.findByRole('group', { name: 'Leeftijd' });
    fireEvent.click(within(age).getByRole('button', { name: '65–79' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Eerste bezoek' })).getByRole('button', { name: 'Ja' }));
    fireEvent.click(screen.getByRole('button', { name: 'Eén persoon meer' }));
    const arrived = screen.getByLabelText('Aangekomen') as HTMLInputElement;
    expect(arrived.value).toBe('2026-11-22T09:00');
    fireEvent.input(arrived, { target: { value: '2026-11-22T08:40' } });
    save();

    await screen.findByText('Wijzigingen bewaard');
    const stored = await t.db.visits.get(id);
    expect(stored).toMatchObject({ rev: 2, people: 2, visitor: { ageBand: '65-79', firstVisit: true } });
    expect(Date.parse(stored?.arrivedAt ?? '')).toBe(new Date(2026, 10, 22, 8, 40).getTime());
  });

  it('names the fields the shared rules refuse, in Dutch, and keeps the form as typed', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });
    const started = (await screen.findByLabelText('Hulp gestart')) as HTMLInputElement;
    fireEvent.input(started, { target: { value: '2026-11-22T07:00' } });
    save();
    expect(await screen.findByText('Hulp gestart: dit tijdstip ligt vóór het vorige.')).toBeTruthy();
    expect(started.value).toBe('2026-11-22T07:00');
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 1, startedAt: null });
  });

  it('keeps what was typed when the tablet is full, and says the visit was not saved', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.input(await note(), { target: { value: 'Kaartlezer ingesteld' } });
    t.db.visits.put = () => Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    save();
    expect(await screen.findByText(/NIET bewaard: het geheugen van de tablet is vol/)).toBeTruthy();
    expect((await note()).value).toBe('Kaartlezer ingesteld');
  });

  it('keeps unsaved changes when the host steps away and comes back', async () => {
    const drafts = new MemoryStorage();
    const t = await pairedTablet({ drafts });
    const id = await loggedVisit(t);
    const first = renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.input(await note(), { target: { value: 'Half getypt' } });
    first.unmount();

    renderApp(t, { hash: `#/visit/${id}` });
    expect((await note()).value).toBe('Half getypt');
    expect(screen.getByText('Je niet bewaarde wijzigingen staan er nog.')).toBeTruthy();
  });

  it('shows why the city refused the visit', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    const stored = await t.db.visits.get(id);
    if (!stored) throw new Error('missing');
    const errors = [{ field: 'pointId', code: 'unknown-point' as const, message: 'unknown point' }];
    await t.db.visits.put(withSyncState({ ...stored, syncError: { rev: 1, errors } }));
    renderApp(t, { hash: `#/visit/${id}` });
    expect(await screen.findByText('De stad heeft dit bezoek niet aanvaard:')).toBeTruthy();
    expect(screen.getByText('Dit punt bestaat niet (meer) bij de stad.')).toBeTruthy();
  });

  it('deletes the visit with undo right after', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Verwijderen' }));
    const toast = screen.getByRole('status', { name: 'Meldingen' });
    await within(toast).findByText('Bezoek verwijderd');
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (0)' })).toBeTruthy();
    expect(await t.db.visits.get(id)).toMatchObject({ deleted: true, rev: 2 });

    fireEvent.click(within(toast).getByRole('button', { name: 'Ongedaan maken' }));
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (1)' })).toBeTruthy();
    expect(await t.db.visits.get(id)).toMatchObject({ deleted: false, rev: 3 });
  });

  it('leaves the confirmation behind when the host moves on to another section', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Verwijderen' }));
    const toast = screen.getByRole('status', { name: 'Meldingen' });
    await within(toast).findByText('Bezoek verwijderd');

    fireEvent.click(screen.getByRole('link', { name: 'Vandaag' }));
    expect(within(toast).getByText('Bezoek verwijderd')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Instellingen' }));
    expect(within(toast).queryByText('Bezoek verwijderd')).toBeNull();
  });
});

describe('changes left from before', () => {
  it('can be thrown away, back to the visit as stored', async () => {
    const t = await pairedTablet();
    const id = await loggedVisit(t);
    const first = renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.input(await note(), { target: { value: 'Niet meer nodig' } });
    first.unmount();

    renderApp(t, { hash: `#/visit/${id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Weggooien' }));
    expect((await note()).value).toBe('');
    expect(screen.queryByText('Je niet bewaarde wijzigingen staan er nog.')).toBeNull();
    cleanup();
    renderApp(t, { hash: `#/visit/${id}` });
    expect((await note()).value).toBe('');
  });
});
