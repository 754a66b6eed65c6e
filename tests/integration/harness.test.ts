import { count } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../app/db.server';
import { getEnv } from '../../app/env.server';
import { isFullyMigrated } from '../../db/client';
import { localAuthorities } from '../../db/schema';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase, type TestDatabase } from '../support/test-database';

// Read before useTestDatabase() points the environment at this file's own database.
const startedWithDatabaseUrl = Boolean(process.env.DATABASE_URL);

let database: TestDatabase;
let mail: MailSink;

beforeAll(async () => {
  database = await useTestDatabase();
  mail = await useMailSink();
});

describe('test database', () => {
  it('is the driver the environment chose, migrated, and what the app opens', async () => {
    expect(database.kind).toBe(startedWithDatabaseUrl ? 'postgres' : 'pglite');
    const db = await getDb();
    expect(db).toBe(database.db);
    expect(await isFullyMigrated(db)).toBe(true);
    const [row] = await db.select({ n: count() }).from(localAuthorities);
    expect(row?.n).toBe(0);
  });

  it('belongs to this file alone', async () => {
    const env = getEnv();
    if (database.kind === 'postgres') {
      expect(new URL(env.DATABASE_URL!).pathname).toBe(`/${database.location}`);
      expect(database.location).toMatch(new RegExp(`^ehcp_test_${process.pid}_`));
    } else {
      expect(env.DATABASE_URL).toBeUndefined();
      expect(env.PGLITE_DATA_DIR).toBe(database.location);
    }
    // Writes stay in this file's copy: the next file starts from the empty template again.
    await database.db
      .insert(localAuthorities)
      .values({ name: 'Harness LA', code: 'HAR', contactEmail: 'sen@harness.example', contactPhone: '0100 000 0000' });
    const [row] = await database.db.select({ n: count() }).from(localAuthorities);
    expect(row?.n).toBe(1);
  });
});

describe('mail sink', () => {
  it('receives what nodemailer sends to SMTP_URL', async () => {
    expect(getEnv().SMTP_URL).toBe(mail.url);
    await send({ to: 'Parent@Example.com', subject: 'Your request was received', text: 'See https://portal.example/requests/1' });
    const message = await mail.waitFor((m) => m.to.includes('parent@example.com'));
    expect(message.subject).toBe('Your request was received');
    expect(message.text).toContain('https://portal.example/requests/1');
  });

  it('refuses mail while stopped and accepts it again after start()', async () => {
    mail.clear();
    await mail.stop();
    await expect(send({ to: 'down@example.com', subject: 'Lost', text: 'x' })).rejects.toThrow(/ECONNREFUSED/);
    await mail.start();
    const waiting = mail.waitFor((m) => m.subject === 'Retried');
    await send({ to: 'down@example.com', subject: 'Retried', text: 'x' });
    expect((await waiting).to).toEqual(['down@example.com']);
    expect(mail.messages).toHaveLength(1);
  });
});

function send(message: { to: string; subject: string; text: string }) {
  const transport = nodemailer.createTransport(getEnv().SMTP_URL!);
  return transport.sendMail({ from: 'no-reply@ehcp-portal.example', ...message }).finally(() => transport.close());
}

