import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../config.js';

/** Where `npm run build:explorer` (Vite, web/vite.config.ts) writes the Explorer. */
export const EXPLORER_BUILD_DIR = path.join(projectRoot, 'public', 'explorer');

/** Where the page asks for its bundles; Vite's `base` in web/vite.config.ts names the same path. */
export const EXPLORER_ASSETS = '/explorer/assets';

// The page talks to /graphql on its own origin and loads nothing from anywhere else. Styles stay
// 'unsafe-inline' because Cytoscape and Chart.js size their canvases through style attributes.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Explorer not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The Explorer is not built</h1>
<p>This server serves the Explorer from <code>public/explorer/</code>, which is missing. Build it with</p>
<pre>npm run build:explorer</pre>
<p>and reload. The GraphQL API is at <a href="/graphql">/graphql</a> meanwhile.</p>
</body>
</html>
`;

/**
 * The Explorer: its page at `/` and its bundles under `/explorer/assets/`, from the Vite build in
 * `buildDir`. The build is looked up on every request, so building while the server runs works;
 * without it `/` says how to build it.
 */
export function explorerRouter(buildDir = EXPLORER_BUILD_DIR): Router {
  const router = Router();
  const indexFile = path.join(buildDir, 'index.html');

  router.get('/', (_req, res, next) => {
    res.set('Cache-Control', 'no-cache');
    res.set('X-Content-Type-Options', 'nosniff');
    if (!existsSync(indexFile)) {
      res.status(503).type('html').send(MISSING_BUILD_PAGE);
      return;
    }
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // dotfiles: the path is our own, and a project checked out under a hidden folder must still work.
    res.sendFile(indexFile, { dotfiles: 'allow' }, (error) => {
      if (error) next(error);
    });
  });

  // File names carry a content hash, so a browser may keep them for good.
  router.use(
    EXPLORER_ASSETS,
    express.static(path.join(buildDir, 'assets'), { immutable: true, maxAge: '365d', index: false, redirect: false }),
    (_req, res) => {
      res.status(404).type('text').send('No such Explorer asset: rebuild with npm run build:explorer, then reload the page.');
    },
  );
  return router;
}
