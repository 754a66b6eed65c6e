import { expect, test, visit } from './support/fixtures';

test('the health check answers', async ({ page }) => {
  const response = await page.request.get('/healthz');
  expect(response.status()).toBe(200);
});

test('the start page loads and is accessible', async ({ page }) => {
  const response = await visit(page, '/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
