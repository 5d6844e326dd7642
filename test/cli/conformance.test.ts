import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { conformanceCommand } from '../../src/conformance/conformance-command.js';
import { normalise } from '../../src/conformance/normalise.js';
import { cliPath, requireBuiltCli } from '../helpers/processes.js';
import { tempDir } from '../helpers/temp-dir.js';
import { capture, cardArgs, merchant, sandbox, standIn, stillCharged, type Rule } from './conformance-stand-in.js';

// The conformance kit proved without the vendor: against the sandbox itself (no difference), and against a
// stand-in that differs on purpose in each way the diff claims to see.

const dir = (name: string) => tempDir(`conformance-${name}-`);
const keyArgs = ['--imp-key', merchant.impKey, '--imp-secret', merchant.impSecret, ...cardArgs];

/** Every file under `root`, as text. */
function written(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((file) => file.endsWith('.json') || file.endsWith('.md') || file.endsWith('.jsonl'))
    .map((file) => readFileSync(file, 'utf8'));
}

const baseline = dir('baseline');

t.test('normalised: a random token has one shape whatever its letters and digits; a time keeps its digit count', async (t) => {
  const shape = (id: string) => normalise({ cancellation_id: id }, '');
  t.same(shape('AaaaBbCCCdddEEEEffGG'), shape('bloxpGcS1Fpy8cNYjGST'));
  t.same(normalise({ imp_uid: 'imps_417022004702', paid_at: 1796634546, failed_at: 0, cancelled_at: 1796634546000 }, ''), { imp_uid: 'aaaa_999999999999', paid_at: 1e9, failed_at: 0, cancelled_at: 1e12 });
});

t.test('against an in-process sandbox: every step as expected, every charge cancelled, nothing secret written', async (t) => {
  const { io, text } = capture();
  t.equal(await conformanceCommand(['--out', baseline], io), 0, text());
  const files = written(baseline);
  t.equal(readdirSync(join(baseline, 'steps')).length, 20, 'one file per step');
  t.match(text(), /20 steps .*\n\s+cancelled at the end: imps_\d+, imps_\d+\n0 differences, 0 unexplained/);
  for (const secret of [merchant.impSecret, merchant.impKey, '1234-1234-1234-1234', '1234123412341234', '4000000000000101', '4000-0000-0000-0101', '홍길동', '010-1234-5678', 'buyer@example.com']) {
    t.notOk(files.some((f) => f.includes(secret)), `no file holds ${secret}`);
  }
  t.notOk(files.some((f) => /[0-9a-f]{40}/.test(f)), 'no file holds an access token');
  t.notOk(files.some((f) => /"birth":\s*"123456"/.test(f)), 'no file holds a birth date');
  t.match(readFileSync(join(baseline, 'report.md'), 'utf8'), /\| customer-save \| customer_save \| 200 \| 1 \| refusal \|/);
});

t.test('compared with a run on another sandbox: no difference', async (t) => {
  const upstream = await sandbox(t);
  const { io, text } = capture();
  t.equal(await conformanceCommand(['--base', upstream.url, ...keyArgs, '--compare', baseline], io), 0, text());
  t.match(text(), /0 differences, 0 unexplained/);
  t.same(await stillCharged(upstream), [], 'nothing left charged');
});

const onStep = (path: RegExp, test: (seen: any) => boolean, change: (answer: any) => any): Rule => (seen, answer) =>
  seen.method === 'POST' && path.test(seen.path) && test(seen) ? change(structuredClone(answer)) : undefined;

const mutations: [name: string, rule: Rule, step: string, kind: string, path: string][] = [
  ['a renamed field', onStep(/onetime$/, (s) => s.body.customer_uid !== undefined, (a) => ({ ...a, body: { ...a.body, response: { ...a.body.response, card_name: undefined, card_nm: a.body.response.card_name } } })), 'onetime-issue', 'field-missing', 'response.card_name'],
  ['a changed type', onStep(/again$/, (s) => !s.body.customer_uid.endsWith('nobody'), (a) => (a.body.response && (a.body.response.amount = String(a.body.response.amount)), a)), 'again', 'type', 'response.amount'],
  ['another code', onStep(/again$/, (s) => s.body.customer_uid.endsWith('nobody'), (a) => ({ ...a, body: { ...a.body, code: -1 } })), 'again-unknown-customer', 'code', 'code'],
  ['another message', (seen, a) => (seen.method === 'GET' && a.status === 404 && /customers\/[^/]+$/.test(seen.path) ? { ...a, body: { ...a.body, message: 'changed' } } : undefined), 'billing-key-get-deleted', 'message', 'message'],
  ['another status', onStep(/getToken$/, (s) => s.body.imp_secret.endsWith('-wrong'), (a) => ({ ...a, status: 400 })), 'token-wrong-secret', 'status', ''],
  ['a missing refusal', onStep(/customers\/[^/]+-customer-save$/, () => true, () => ({ status: 200, body: { code: 0, message: null, response: null } })), 'customer-save', 'refusal-missing', 'code'],
];

for (const [name, rule, step, kind, path] of mutations) {
  t.test(`an upstream with ${name}: found and named, the run fails`, async (t) => {
    const upstream = await sandbox(t);
    const mutating = await standIn(t, upstream.url, rule);
    const out = dir('mutated');
    const { io, text } = capture();
    t.equal(await conformanceCommand(['--base', mutating.url, ...keyArgs, '--compare', baseline, '--out', out], io), 1, text());
    t.match(text(), new RegExp(`DIFF ${step} ${kind}${path ? ` ${path.replace(/[.[\]]/g, '\\$&')}` : ''}:`));
    const unexplained = text().split('\n').filter((line) => line.startsWith('  DIFF') && !line.includes(` ${step} `));
    t.same(unexplained, [], 'no other step differs');
    t.match(readFileSync(join(out, 'report.md'), 'utf8'), new RegExp(`\\| ${step} \\| ${kind} \\|.*\\*\\*unexplained\\*\\*`));
    t.same(await stillCharged(upstream), [], 'nothing left charged');
  });
}

t.test('a difference on the known list is explained, with its reason, and does not fail the run', async (t) => {
  const upstream = await sandbox(t);
  const https = (a: any) => {
    if (a.body?.response?.receipt_url) a.body.response.receipt_url = 'https://pg.example/receipt';
    return a;
  };
  const mutating = await standIn(t, upstream.url, onStep(/onetime$/, () => true, https));
  const { io, text } = capture();
  t.equal(await conformanceCommand(['--base', mutating.url, ...keyArgs, '--compare', baseline], io), 0, text());
  t.match(text(), /known onetime-issue value-class response.receipt_url: expected http:\/\/<url>, got https:\/\/<url> \(The sandbox links its own receipt page/);
});

t.test('a run that fails half-way still cancels what it charged, and says it stopped', async (t) => {
  const upstream = await sandbox(t);
  const failing = await standIn(t, upstream.url, (seen) => (seen.path.endsWith('/schedule') ? 'drop' : undefined));
  const { io, text } = capture();
  t.equal(await conformanceCommand(['--base', failing.url, ...keyArgs], io), 1);
  t.match(text(), /cancelled at the end: imps_\d+\n\s+stopped early: schedule: /);
  t.same(await stillCharged(upstream), [], 'the charge of the key is cancelled');
});

t.test('--plan and a plan over --max-total send nothing', async (t) => {
  const upstream = await sandbox(t);
  const counting = await standIn(t, upstream.url);
  const plan = capture();
  t.equal(await conformanceCommand(['--base', counting.url, '--plan'], plan.io), 0);
  t.match(plan.text(), /20\. billing-key-get-deleted: GET \/subscribe\/customers\/cf-\w+-customer\nat most 6000 KRW charged in all/);
  t.match(plan.text(), /cancel-partial: POST \/payments\/cancel \{"imp_uid":"\{imp_uid of onetime-issue\}","amount":500/);
  await t.rejects(conformanceCommand(['--base', counting.url, ...keyArgs, '--max-total', '5999'], capture().io), /up to 6000 KRW, over --max-total 5999/);
  t.equal(counting.seen.length, 0);
});

t.test('Ctrl-C: the CLI stops, cancels every payment it made and exits non-zero', async (t) => {
  if (!requireBuiltCli(t)) return;
  const upstream = await sandbox(t);
  const holding = await standIn(t, upstream.url, (seen) => (seen.path.endsWith('/schedule') ? 'hold' : undefined));
  const child = spawn(process.execPath, [cliPath, 'conformance', '--base', holding.url, ...keyArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await holding.held;
  child.kill('SIGINT');
  t.equal(await exited, 1, output);
  t.match(output, /interrupted: cancelling/);
  t.match(output, /cancelled at the end: imps_\d+/);
  t.same(await stillCharged(upstream), []);
});
