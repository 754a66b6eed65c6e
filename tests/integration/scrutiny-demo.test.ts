import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LA_CODE, seedDemoData } from '~/demo/demo-data.server';
import { scrutinyReportFor, scrutinyScope, scrutinyCases } from '~/features/scrutiny/index.server';
import { localAuthorities } from '../../db/schema';
import type { Database } from '../../db/client';
import { useTestDatabase } from '../support/test-database';

/**
 * The demo council's scrutiny report for its default period (the last complete quarter) shows a
 * red, an amber and a green figure, so the journey "a manager follows a red figure to its cases"
 * works on the demo data whatever day it is seeded (tests/e2e/scrutiny.spec.ts walks it).
 */
let db: Database;
let laId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await seedDemoData(db);
  const [la] = await db.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.code, DEMO_LA_CODE));
  laId = la.id;
});

describe('the demo council scrutiny report', () => {
  it('has a red, an amber and a green figure in the last complete quarter, and the red one has cases behind it', async () => {
    const scope = await scrutinyScope(laId, new URL('http://localhost/reports/scrutiny'));
    const report = await scrutinyReportFor(laId, scope);
    const byRag = (rag: string) => report.figures.filter((f) => f.period.rag === rag).map((f) => f.id);
    expect(byRag('red').length).toBeGreaterThan(0);
    expect(byRag('amber').length).toBeGreaterThan(0);
    expect(byRag('green').length).toBeGreaterThan(0);
    const red = report.figures.find((f) => f.period.rag === 'red')!;
    const { rows } = await scrutinyCases(laId, scope, red.id, red.concern, 1);
    expect(rows.length).toBeGreaterThan(0);
  });
});
