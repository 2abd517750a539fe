/**
 * The app tests' shared set-up takes every screen down after each test, clean-ups included, so none runs
 * later against a document that is gone (Preact defers an unmounted screen's effect clean-ups a frame).
 */
import { render } from '@testing-library/preact';
import { useEffect } from 'preact/hooks';
import { afterAll, expect, it } from 'vitest';

const cleanedUp: string[] = [];

function Probe() {
  useEffect(() => () => void cleanedUp.push('probe'), []);
  return <p>probe</p>;
}

it('draws a screen whose effect has a clean-up', () => {
  render(<Probe />);
  expect(cleanedUp).toEqual([]);
});

afterAll(() => {
  expect(cleanedUp).toEqual(['probe']);
});
