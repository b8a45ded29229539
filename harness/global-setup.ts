import { startFixtureServer } from './fixture-server.mjs';

export default async function setup() {
  if (!process.env.CF_E2E_NETNS) {
    throw new Error('E2E tests must run inside a loopback-only network namespace: use `npm test` (scripts/test.mjs), which starts them with unshare -n.');
  }
  const server = await startFixtureServer({ ports: [80, 443] });
  return () => server.close();
}
