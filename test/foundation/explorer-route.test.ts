import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRouter } from '../../src/http/explorer.js';

/** Serves explorerRouter(buildDir) on a free port; resolves with its base URL. */
async function serve(buildDir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(explorerRouter(buildDir));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the Explorer route', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'explorer-route-'));
  const built = path.join(root, 'built');
  const missing = path.join(root, 'missing');
  let withBuild: { url: string; server: Server };
  let withoutBuild: { url: string; server: Server };

  beforeAll(async () => {
    mkdirSync(path.join(built, 'assets'), { recursive: true });
    writeFileSync(path.join(built, 'index.html'), '<!doctype html><title>Explorer</title><script type="module" src="/explorer/assets/index-abc123.js"></script>');
    writeFileSync(path.join(built, 'assets', 'index-abc123.js'), 'console.log("explorer");');
    withBuild = await serve(built);
    withoutBuild = await serve(missing);
  });

  afterAll(() => {
    withBuild.server.close();
    withoutBuild.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the built page at / with a policy that keeps it on its own origin', async () => {
    const response = await fetch(`${withBuild.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await response.text()).toContain('/explorer/assets/index-abc123.js');
  });

  it('serves the hashed bundles under /explorer/assets/ to be cached for good', async () => {
    const response = await fetch(`${withBuild.url}/explorer/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("explorer");');
  });

  it('answers 404 for an asset the build does not hold, and says how to rebuild', async () => {
    const response = await fetch(`${withBuild.url}/explorer/assets/index-old.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build:explorer');
  });

  it('says to run npm run build:explorer when the build is missing', async () => {
    const response = await fetch(`${withoutBuild.url}/`);
    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain('The Explorer is not built');
    expect(page).toContain('npm run build:explorer');
  });

  it('leaves every other path to the routes after it', async () => {
    const response = await fetch(`${withBuild.url}/graphql`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Explorer');
  });
});
