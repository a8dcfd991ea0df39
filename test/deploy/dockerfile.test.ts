// The container files (Dockerfile, compose.yaml, .dockerignore) cannot be built here (no
// registry but npm's), so this test holds them to what the code does: the entry is what
// `npm start` runs, the health check passes against the App's real /healthz route, the
// image runs Node 20 as a non-root user, and compose wires the App to Redis.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { httpRoutes } from '../../src/app/http-routes.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { execForm, healthcheckCommand, readDockerfile, type Stage } from './dockerfile.js';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  scripts: Record<string, string>;
  files: string[];
  engines: { node: string };
};
const stages = readDockerfile(fileURLToPath(new URL('Dockerfile', ROOT)));
const runtime = stages.at(-1)!;

function args(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** `KEY=value` pairs of the stage's ENV lines. */
function envOf(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of args(stage, 'ENV')) for (const m of line.matchAll(/(\w+)=(\S+)/g)) env.set(m[1]!, m[2]!);
  return env;
}

/** Runs argv (the Dockerfile's `node` is this Node) with PORT set; resolves with the exit code. */
async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const [cmd, ...rest] = argv;
  const child = spawn(cmd === 'node' ? process.execPath : cmd!, rest, { env: { PATH: process.env['PATH'], ...env }, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: RequestListener): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('Dockerfile', () => {
  it('builds in a stage with dev dependencies, whose `npm ci` runs the build through `prepare`', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s !== runtime && args(s, 'RUN').some((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit=dev') && !r.includes('--ignore-scripts')));
    expect(build, 'a stage that runs `npm ci` with dev dependencies and scripts').toBeDefined();
    expect(pkg.scripts['prepare']).toContain('npm run build');
    expect(args(runtime, 'COPY')).toContainEqual(`--from=${build!.name} /app/dist ./dist`);
  });

  it('runs on Node 20 slim, the major version package.json asks for', () => {
    const major = /(\d+)/.exec(pkg.engines.node)![1];
    expect(major).toBe('20');
    expect(runtime.image).toMatch(new RegExp(`^node:${major}(\\.[\\d.]+)?-(\\w+-)?slim$`));
  });

  it('takes node_modules from a stage that runs `npm ci --omit=dev`', () => {
    const copy = args(runtime, 'COPY').find((c) => / \/app\/node_modules /.test(c));
    const from = /--from=(\S+)/.exec(copy ?? '')?.[1];
    const deps = stages.find((s) => s.name === from);
    expect(deps, `the stage node_modules come from (${copy})`).toBeDefined();
    expect(args(deps!, 'RUN').some((r) => /\bnpm ci\b/.test(r) && r.includes('--omit=dev'))).toBe(true);
  });

  it('copies every path package.json publishes (bin, dist, templates, checklists, app.yml)', () => {
    const copied = args(runtime, 'COPY').flatMap((c) => {
      const words = c.split(/\s+/).filter((w) => !w.startsWith('--'));
      return words.slice(0, -1).map((w) => w.replace(/^\/app\//, '').replace(/\/$/, ''));
    });
    for (const file of pkg.files) expect(copied, `COPY of ${file}`).toContain(file.replace(/\/$/, ''));
  });

  it('runs as a non-root user', () => {
    const user = args(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('starts what `npm start` runs', () => {
    expect(args(runtime, 'ENTRYPOINT')).toEqual([]);
    const cmd = execForm(args(runtime, 'CMD').at(-1) ?? '', 'Dockerfile CMD');
    expect([['npm', 'start'], pkg.scripts['start']!.split(/\s+/)]).toContainEqual(cmd);
  });

  it('exposes the port the App listens on, on every interface', () => {
    const env = envOf(runtime);
    expect(args(runtime, 'EXPOSE')).toEqual([env.get('PORT')]);
    expect(env.get('PORT')).toBe('3000');
    expect(env.get('HOST')).toBe('0.0.0.0');
  });

  it("has a HEALTHCHECK that passes against the App's /healthz route and fails when it is not served", async () => {
    const argv = healthcheckCommand(stages);
    expect(argv[0]).toBe('node');
    const routes = httpRoutes(createMetrics());
    const healthy = await serve((req, res) => {
      void routes(req, res).then((answered) => answered || res.writeHead(404).end());
    });
    expect(await run(argv, { PORT: String(healthy) })).toBe(0);
    const missing = await serve((_req, res) => res.writeHead(404).end());
    expect(await run(argv, { PORT: String(missing) })).toBe(1);
  });
});

describe('compose.yaml', () => {
  interface Service {
    build?: string | { context?: string; dockerfile?: string };
    image?: string;
    env_file?: string | string[];
    environment?: Record<string, string> | string[];
    depends_on?: string[] | Record<string, unknown>;
    ports?: string[];
  }
  const compose = parse(readFileSync(new URL('compose.yaml', ROOT), 'utf8')) as { services: Record<string, Service> };

  it('builds the App from the Dockerfile, reads .env and points REDIS_URL at its redis service', () => {
    const app = compose.services['app']!;
    const build = typeof app.build === 'string' ? { context: app.build } : app.build;
    expect(build?.context).toBe('.');
    expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect([app.env_file].flat()).toContain('.env');
    const environment = Array.isArray(app.environment)
      ? Object.fromEntries(app.environment.map((e) => e.split('=', 2) as [string, string]))
      : (app.environment ?? {});
    const redisHost = new URL(environment['REDIS_URL']!).hostname;
    expect(compose.services[redisHost]?.image).toMatch(/^redis:/);
    const dependsOn = Array.isArray(app.depends_on) ? app.depends_on : Object.keys(app.depends_on ?? {});
    expect(dependsOn).toContain(redisHost);
    expect(app.ports).toContainEqual(`${envOf(runtime).get('PORT')}:${environment['PORT']}`);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(new URL('.dockerignore', ROOT), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

  it('keeps secrets and local installs out of the build context, and nothing the Dockerfile copies', () => {
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', '.git']));
    const sources = stages.flatMap((s) => args(s, 'COPY').filter((c) => !c.startsWith('--from')).flatMap((c) => c.split(/\s+/).slice(0, -1)));
    for (const source of sources) expect(ignored, `${source} is copied`).not.toContain(source.replace(/\/$/, ''));
  });
});
