import type { PageHandle } from '~/root';
import { StaticPage } from '~/ui/StaticPage';

export const handle: PageHandle = { namespaces: ['pages'], titleKey: 'accessibility.title' };

export default function Accessibility() {
  return (
    <StaticPage
      headingKey="accessibility.heading"
      sections={[
        { paragraphKeys: ['accessibility.intro', 'accessibility.abilities'] },
        { headingKey: 'accessibility.compliance.heading', paragraphKeys: ['accessibility.compliance.body', 'accessibility.compliance.testing'] },
        { headingKey: 'accessibility.problems.heading', paragraphKeys: ['accessibility.problems.body', 'accessibility.problems.enforcement'] },
        { headingKey: 'accessibility.prepared.heading', paragraphKeys: ['accessibility.prepared.body'] },
      ]}
    />
  );
}
