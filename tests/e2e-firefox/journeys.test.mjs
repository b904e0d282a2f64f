// The core journeys (tests/e2e/journeys.mjs) in Firefox ESR.
import { test } from 'node:test';
import { startServer } from '../e2e/harness.mjs';
import { JOURNEYS } from '../e2e/journeys.mjs';
import { firefoxTests, useFirefoxSuite, openFirefoxSession } from './firefox.mjs';

firefoxTests('firefox: core journeys', () => {
  const suite = useFirefoxSuite();
  const start = (t, options) => openFirefoxSession(t, suite, options);
  for (const [name, journey] of Object.entries(JOURNEYS)) {
    test(`firefox: ${name}`, (t) => journey(t, start, { startServer, dir: suite.dir }));
  }
});
