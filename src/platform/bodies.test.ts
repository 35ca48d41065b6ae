// Bodies the server refuses to read: multipart anywhere but on an upload route, an upload from
// someone not allowed or without the CSRF token (answered before the file is read), forms past
// their limits, and clients that trickle their request in. Over real TCP where timing matters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { makeApp, type TestApp } from '../../test/helpers/app.ts';
import { startServer, type RunningServer } from '../../test/helpers/server.ts';
import { addUser } from '../../test/helpers/factories.ts';
import { createSession } from './sessions.ts';
import { csrfToken } from './csrf.ts';
import { TIMEOUTS } from '../app.ts';

let t: TestApp;
let server: RunningServer;
before(async () => {
  t = await makeApp();
  server = await startServer({ build: { timeouts: { requestMs: 2000, headersMs: 1000, idleMs: 5000 } } });
});
after(async () => {
  await t.close();
  await server.close();
});

/** Cookies of a logged-in person of this role on `db`, and the CSRF token of that session. */
function personOn(db: TestApp['db'], role: 'citizen' | 'admin') {
  const token = createSession(db, addUser(db, role));
  const secret = 'c'.repeat(24);
  return { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, token.split('.')[0]!) };
}

/** Sends a request head and the first bytes of a large body, then waits for the answer. */
function partialPost(url: string, path: string, headers: Record<string, string>, firstBytes: string, declaredLength: number): Promise<{ status: number; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname, () => {
      const head = [`POST ${path} HTTP/1.1`, `Host: ${hostname}`, `Content-Length: ${declaredLength}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${head.join('\r\n')}\r\n\r\n${firstBytes}`);
    });
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m) {
        socket.destroy();
        resolve({ status: Number(m[1]), ms: Date.now() - started });
      }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error('no answer')));
  });
}

const boundary = '----palabre-test';
const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
const multipartType = `multipart/form-data; boundary=${boundary}`;

test('a multipart body on a route that takes no upload is refused with 415 before it is read', async () => {
  const res = await partialPost(server.url, '/login', { 'Content-Type': multipartType }, field('email', 'a@b.fr'), 54 * 1024 * 1024);
  assert.equal(res.status, 415);
  assert.ok(res.ms < 1000, `${res.ms} ms`);
  const inject = await t.app.inject({ method: 'POST', url: '/register', payload: `${field('email', 'x')}--${boundary}--\r\n`, headers: { 'content-type': multipartType } });
  assert.equal(inject.statusCode, 415);
  assert.match(inject.body, /Le format de l&#39;envoi n&#39;est pas pris en charge|Le format de l’envoi/);
});

test('an upload by an anonymous visitor or a citizen is refused before its file is read', async () => {
  const citizen = personOn(server.app.db, 'citizen');
  const anonymous = await partialPost(server.url, '/admin/settings/logo', { 'Content-Type': multipartType }, field('_csrf', 'x') + fileHead('logo'), 6 * 1024 * 1024);
  assert.equal(anonymous.status, 401);
  const refused = await partialPost(server.url, '/admin/settings/logo', { 'Content-Type': multipartType, Cookie: citizen.cookie }, field('_csrf', citizen.csrf) + fileHead('logo'), 6 * 1024 * 1024);
  assert.equal(refused.status, 403);
});

test('an administrator’s upload without the right CSRF token first is refused before its file is read', async () => {
  const admin = personOn(server.app.db, 'admin');
  // Busboy hands a part over once the next one starts, or once file bytes arrive.
  for (const first of [field('_csrf', 'faux') + fileHead('logo'), fileHead('logo') + 'PNG', field('name', 'x') + field('_csrf', admin.csrf)]) {
    const res = await partialPost(server.url, '/admin/settings/logo', { 'Content-Type': multipartType, Cookie: admin.cookie }, first, 6 * 1024 * 1024);
    assert.equal(res.status, 403, first.slice(0, 60));
    assert.ok(res.ms < 1000, `${res.ms} ms`);
  }
});

test('an upload form past its field limits is refused with 413, and nothing is written', async () => {
  const admin = personOn(t.db, 'admin');
  const post = (body: string) =>
    t.app.inject({ method: 'POST', url: '/admin/projects', payload: `${field('_csrf', admin.csrf)}${body}--${boundary}--\r\n`, headers: { cookie: admin.cookie, 'content-type': multipartType } });
  const projects = () => Number((t.db.sqlite.prepare('select count(*) as n from projects').get() as { n: number }).n);
  const before = projects();
  assert.equal((await post(field('title', 'Trop long'.repeat(30000)) + field('visibility', 'public'))).statusCode, 413);
  assert.equal((await post(field('title', 'Beaucoup de cases') + Array.from({ length: 1100 }, () => field('theme_ids', '1')).join(''))).statusCode, 413);
  assert.equal((await post(field('title', 'Deux fichiers') + fileHead('cover') + 'x\r\n' + fileHead('cover') + 'y\r\n')).statusCode, 413);
  assert.equal((await post(field('title', 'Autre fichier') + fileHead('logo') + 'x\r\n')).statusCode, 400);
  assert.equal(projects(), before);
  // The same form within its limits still works.
  const ok = await post(field('title', 'Jardin partagé') + field('visibility', 'public'));
  assert.equal(ok.statusCode, 303);
});

test('a request body that trickles in is cut off; the real limits leave a slow phone two minutes or more', async () => {
  assert.ok(TIMEOUTS.requestMs >= 120_000 && TIMEOUTS.headersMs >= 10_000);
  const res = await new Promise<{ closed: boolean; ms: number; answer: string }>((resolve) => {
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    let answer = '';
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST /login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail=`);
    });
    // One byte every 300 ms: never idle long enough for the idle timeout, but never done.
    const drip = setInterval(() => socket.write('a'), 300);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ closed: true, ms: Date.now() - started, answer });
    });
    socket.on('error', () => {});
  });
  assert.ok(res.closed);
  assert.ok(res.ms >= 1900 && res.ms < 6000, `${res.ms} ms`);
  assert.match(res.answer, /^HTTP\/1\.1 408|^$/);
  // A normal request on the same server is unaffected.
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test('request headers that never end are cut off', async () => {
  const ms = await new Promise<number>((resolve) => {
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET / HTTP/1.1\r\nHost: ${hostname}\r\nX-Slow: a`));
    const drip = setInterval(() => socket.write('a'), 200);
    socket.on('close', () => {
      clearInterval(drip);
      resolve(Date.now() - started);
    });
    socket.on('error', () => {});
  });
  assert.ok(ms >= 900 && ms < 4000, `${ms} ms`);
});
