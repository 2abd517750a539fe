import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from './fakeCity.ts';
import { renderDashboard } from './renderDashboard.tsx';

async function signIn(username: string, password: string) {
  fireEvent.input(await screen.findByLabelText('Gebruikersnaam'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
}

describe('a coordinator signs in', () => {
  it('reaches the overview with the right password', async () => {
    const { city } = renderDashboard();
    expect(await screen.findByRole('heading', { name: 'Aanmelden als coördinator' })).toBeTruthy();
    await signIn('griet', PASSWORD);
    expect(await screen.findByRole('heading', { name: 'Overzicht' })).toBeTruthy();
    expect(screen.getByText('Aangemeld als griet')).toBeTruthy();
    expect(city.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/session')?.body).toEqual({
      username: 'griet',
      password: PASSWORD,
    });
  });

  it('is told plainly when the password is wrong, and the password field is emptied', async () => {
    renderDashboard();
    await signIn('griet', 'not the password');
    expect((await screen.findByRole('alert')).textContent).toBe('Gebruikersnaam of wachtwoord klopt niet.');
    expect((screen.getByLabelText('Wachtwoord') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('heading', { name: 'Overzicht' })).toBeNull();
  });

  it('signs out and is back at the sign-in form', async () => {
    const { city } = renderDashboard({ signedIn: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Afmelden' }));
    expect(await screen.findByRole('heading', { name: 'Aanmelden als coördinator' })).toBeTruthy();
    expect(city.signedInAs).toBeNull();
  });

  it('comes back to the sign-in form with a word of explanation when the session has ended', async () => {
    const { city } = renderDashboard({ signedIn: true, points: [{ id: 'marta', name: 'mARTa', active: true }] });
    expect(await screen.findByRole('heading', { name: 'Overzicht' })).toBeTruthy();
    city.endSession();
    fireEvent.click(screen.getByRole('button', { name: 'Dit jaar' }));
    expect(await screen.findByText('Je sessie is verlopen. Meld je opnieuw aan.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Aanmelden als coördinator' })).toBeTruthy();
  });
});

describe('the first coordinator on a new server', () => {
  it('turns the printed setup code into an account and is signed in at once', async () => {
    const { city } = renderDashboard({ coordinators: {}, setupCode: 'ABCDEFGHJKMN' });
    expect(await screen.findByRole('heading', { name: 'Het eerste coördinatoraccount maken' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Installatiecode'), { target: { value: 'abcd-efgh-jkmn' } });
    fireEvent.input(screen.getByLabelText('Gebruikersnaam'), { target: { value: 'an' } });
    fireEvent.input(screen.getByLabelText('Wachtwoord'), { target: { value: 'a long enough secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
    expect(await screen.findByRole('heading', { name: 'Overzicht' })).toBeTruthy();
    expect(city.coordinators.an).toBe('a long enough secret');
  });

  it('says when the setup code is wrong, and checks the password length before sending', async () => {
    const { city } = renderDashboard({ coordinators: {}, setupCode: 'ABCDEFGHJKMN' });
    fireEvent.input(await screen.findByLabelText('Installatiecode'), { target: { value: 'WRONG-CODE-0000' } });
    fireEvent.input(screen.getByLabelText('Gebruikersnaam'), { target: { value: 'an' } });
    fireEvent.input(screen.getByLabelText('Wachtwoord'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Het wachtwoord moet minstens 12 tekens hebben.');
    expect(city.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.input(screen.getByLabelText('Wachtwoord'), { target: { value: 'a long enough secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/installatiecode klopt niet/));
  });
});
