import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router, type Request } from 'express';
import { playgroundExamples } from './playground-examples.js';

/** Where the playground's scripts and styles are served; the page names nothing outside it. */
export const PLAYGROUND_ASSETS = '/playground/assets';

interface Asset {
  readonly url: string;
  /** A file inside an installed package, or the body to send. */
  readonly file?: string;
  readonly body?: string;
  readonly type: string;
}

const require = createRequire(import.meta.url);

/**
 * A file of an installed package, served under a URL that carries the package's version, so
 * browsers may cache it for good and an upgrade still reaches them. Resolved through
 * package.json because these packages do not export their browser builds.
 */
function packageFile(pkg: string, file: string, type: string, servedAs = path.basename(file)): Asset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = require(manifest) as { version: string };
  const absolute = path.join(path.dirname(manifest), file);
  if (!existsSync(absolute)) {
    throw new Error(`The playground needs ${pkg}/${file}, which is missing from the installed ${pkg}@${version}: run npm ci.`);
  }
  return { url: `${PLAYGROUND_ASSETS}/${pkg}@${version}/${servedAs}`, file: absolute, type };
}

// The page is served at the endpoint itself, so the endpoint is wherever the page is, even
// behind a proxy that adds a path prefix.
const BOOT_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  // GraphiQL prefers the tabs it saved in localStorage over defaultTabs; forget them when the
  // examples changed, so a new release shows its new examples.
  try {
    if (localStorage.getItem('innovation-graph:examples') !== config.examplesVersion) {
      localStorage.removeItem('graphiql:tabState');
      localStorage.removeItem('graphiql:query');
      localStorage.setItem('innovation-graph:examples', config.examplesVersion);
    }
  } catch (_) {
    // Storage blocked: GraphiQL keeps its state in memory.
  }
  var fetcher = GraphiQL.createFetcher({ url: location.origin + location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: config.tabs, defaultEditorToolsVisibility: false }),
  );
})();
`;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** JSON that can stand inside a <script> element: no "</script>" or "<!--" can close it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function renderPage(styles: readonly Asset[], scripts: readonly Asset[]): string {
  const tabs = playgroundExamples.map((example) => ({ query: example.query }));
  const config = { tabs, examplesVersion: digest(JSON.stringify(tabs)) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Innovation graph: GraphQL playground</title>
${styles.map((asset) => `<link rel="stylesheet" href="${asset.url}">`).join('\n')}
<style>html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading the playground&hellip;</div>
<script id="playground-config" type="application/json">${scriptJson(config)}</script>
${scripts.map((asset) => `<script src="${asset.url}"></script>`).join('\n')}
</body>
</html>
`;
}

function prefersHtml(req: Request): boolean {
  // Without an Accept header, or with */*, the first type wins: clients such as curl get GraphQL.
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * The GraphiQL playground, served entirely from this server's own dependencies (no CDN), so it
 * works offline and behind firewalls. A browser's GET of `endpoint` gets the page, opened on one
 * example tab per kind of user; every other request falls through to the GraphQL endpoint.
 */
export function playgroundRouter(endpoint = '/graphql'): Router {
  const css = 'text/css; charset=utf-8';
  const js = 'text/javascript; charset=utf-8';
  const styles = [packageFile('graphiql', 'graphiql.min.css', css)];
  const graphiql = packageFile('graphiql', 'graphiql.min.js', js);
  const scripts = [
    packageFile('react', 'umd/react.production.min.js', js),
    packageFile('react-dom', 'umd/react-dom.production.min.js', js),
    graphiql,
    { url: `${PLAYGROUND_ASSETS}/playground@${digest(BOOT_SCRIPT)}.js`, body: BOOT_SCRIPT, type: js },
  ];
  // The bundle names its source map by its build name; serving it spares the browser's developer tools a 404.
  const sourceMap = packageFile('graphiql', 'graphiql.min.js.map', 'application/json; charset=utf-8', 'index.umd.js.map');
  const page = renderPage(styles, scripts);

  const router = Router();
  for (const asset of [...styles, ...scripts, sourceMap]) {
    router.get(asset.url, (_req, res, next) => {
      res.set('Cache-Control', 'public, max-age=31536000, immutable');
      res.type(asset.type);
      if (asset.body !== undefined) {
        res.send(asset.body);
        return;
      }
      // dotfiles: the path is our own, and a project checked out under a hidden folder must still work.
      res.sendFile(asset.file!, { dotfiles: 'allow' }, (error) => {
        if (error) next(error);
      });
    });
  }
  router.get(endpoint, (req, res, next) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });
  return router;
}
