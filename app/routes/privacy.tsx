import type { PageHandle } from '~/root';
import { StaticPage } from '~/ui/StaticPage';

export const handle: PageHandle = { namespaces: ['pages'], titleKey: 'privacy.title' };

export default function Privacy() {
  return (
    <StaticPage
      headingKey="privacy.heading"
      sections={[
        { paragraphKeys: ['privacy.intro'] },
        { headingKey: 'privacy.what.heading', paragraphKeys: ['privacy.what.body'] },
        { headingKey: 'privacy.why.heading', paragraphKeys: ['privacy.why.body', 'privacy.why.lawfulBasis'] },
        { headingKey: 'privacy.who.heading', paragraphKeys: ['privacy.who.body', 'privacy.who.audit'] },
        { headingKey: 'privacy.keep.heading', paragraphKeys: ['privacy.keep.body'] },
        { headingKey: 'privacy.rights.heading', paragraphKeys: ['privacy.rights.body', 'privacy.rights.complain'] },
      ]}
    />
  );
}
