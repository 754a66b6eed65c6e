import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSmtpReceiver } from '../../support/smtp-receiver';
import { mailDir, type SinkEmail } from './mail';

/**
 * The e2e run's SMTP server (a Playwright webServer): writes every message it receives to
 * test-results/mail/<epoch ms>-<n>.json for `latestEmailTo()`. Emptied at start.
 *
 *   E2E_SMTP_PORT=2525 npx tsx tests/e2e/support/smtp-sink.ts
 */
const port = Number(process.env.E2E_SMTP_PORT ?? 2525);

rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

let received = 0;
const receiver = await startSmtpReceiver({
  port,
  onMail(mail) {
    const email: SinkEmail = {
      to: mail.to,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      receivedAt: mail.receivedAt.toISOString(),
    };
    const name = `${mail.receivedAt.getTime()}-${String(++received).padStart(4, '0')}.json`;
    // Written whole, then renamed: a reader never sees half a file.
    mkdirSync(mailDir, { recursive: true });
    writeFileSync(join(mailDir, `.${name}.tmp`), JSON.stringify(email, null, 2));
    renameSync(join(mailDir, `.${name}.tmp`), join(mailDir, name));
    console.log(`[smtp sink] ${email.to.join(', ')}: ${email.subject}`);
  },
});
console.log(`[smtp sink] listening on 127.0.0.1:${receiver.port}, writing to ${mailDir}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    receiver.close().then(() => process.exit(0));
  });
}
