import { describe, expect, it } from 'vitest';
import { routeLabel, routeWords } from '~/observability/route-label';

const words = routeWords(['cases/:caseId', 'messages', 'reset-password/:token', 'caseload', 'reports/timeliness.csv', undefined, '*', 'healthz']);

describe('routeLabel', () => {
  it('keeps the words of the routes, an id becomes :id', () => {
    expect(routeLabel('/cases/0b6f4c4e-8f1e-4f55-9a64-3b2b1f0c9d11/messages', words)).toBe('/cases/:id/messages');
    expect(routeLabel('/', words)).toBe('/');
    expect(routeLabel('/reports/timeliness.csv', words)).toBe('/reports/timeliness.csv');
  });

  it('never keeps a link secret, a search or anything typed into the address', () => {
    expect(routeLabel('/reset-password/k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8', words)).toBe('/reset-password/:param');
    expect(routeLabel('/caseload?q=Alfie+Jones&stage=x', words)).toBe('/caseload');
    expect(routeLabel('/Alfie%20Jones/0300', words)).toBe('/:param/:param');
    expect(routeLabel('/cases/%E0%A4%A', words)).toBe('/cases/:param');
  });

  it("one label for each folder of static files, whatever the file's hash", () => {
    expect(routeLabel('/build/_shared/chunk-ABCDEF12.js', words)).toBe('/build/*');
    expect(routeLabel('/assets/fonts/light-94a07e06a1-v2.woff2', words)).toBe('/assets/*');
  });
});
