import { describe, expect, it } from 'vitest';
import { exposition, RequestMetrics } from '~/observability/metrics.server';
import { errorFields } from '~/observability/log.server';

describe('metrics in the Prometheus text format', () => {
  it('a histogram per method, route and status class, with cumulative buckets, sum and count', () => {
    const metrics = new RequestMetrics();
    metrics.observe('GET', '/caseload', 200, 0.004);
    metrics.observe('GET', '/caseload', 200, 0.2);
    metrics.observe('GET', '/caseload', 302, 0.02);
    const text = exposition([metrics.family()]);
    expect(text).toContain('# TYPE ehcp_http_request_duration_seconds histogram');
    expect(text).toContain('ehcp_http_request_duration_seconds_bucket{method="GET",route="/caseload",status="2xx",le="0.005"} 1');
    expect(text).toContain('ehcp_http_request_duration_seconds_bucket{method="GET",route="/caseload",status="2xx",le="0.25"} 2');
    expect(text).toContain('ehcp_http_request_duration_seconds_bucket{method="GET",route="/caseload",status="2xx",le="+Inf"} 2');
    expect(text).toContain('ehcp_http_request_duration_seconds_count{method="GET",route="/caseload",status="3xx"} 1');
    expect(text).toMatch(/ehcp_http_request_duration_seconds_sum\{method="GET",route="\/caseload",status="2xx"\} 0\.204/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('escapes label values and writes a gauge without labels', () => {
    const text = exposition([
      { name: 'g', help: 'A gauge.', type: 'gauge', samples: [{ labels: {}, value: 3 }] },
      { name: 'h', help: 'Labelled.', type: 'gauge', samples: [{ labels: { la: 'a"b\\c\nd' }, value: Number.NaN }] },
    ]);
    expect(text).toBe('# HELP g A gauge.\n# TYPE g gauge\ng 3\n# HELP h Labelled.\n# TYPE h gauge\nh{la="a\\"b\\\\c\\nd"} 0\n');
  });
});

describe('errors in logs', () => {
  it("say their kind, code and frames, never their message (a database error can quote a row's values)", () => {
    const error = Object.assign(new Error('duplicate key value: (email)=(parent@example.com)'), { code: '23505' });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ error: 'Error', code: '23505' });
    expect(JSON.stringify(fields)).not.toContain('parent@example.com');
    expect(String(fields.stack)).toContain('metrics.test.ts');
  });
});
