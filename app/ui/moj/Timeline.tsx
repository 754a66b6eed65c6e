import type { ReactNode } from 'react';

/** MoJ timeline pattern: newest first; each entry has a title, who, and when. */
export type TimelineItem = { id: string; title: ReactNode; byline?: ReactNode; dateTime: string; dateText: ReactNode; description?: ReactNode };

export function Timeline({ items }: { items: readonly TimelineItem[] }) {
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div className="moj-timeline__item" key={item.id}>
          <div className="moj-timeline__header">
            <h3 className="moj-timeline__title">{item.title}</h3>
            {item.byline ? <p className="moj-timeline__byline">{item.byline}</p> : null}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.dateTime}>{item.dateText}</time>
          </p>
          {item.description ? <div className="moj-timeline__description">{item.description}</div> : null}
        </div>
      ))}
    </div>
  );
}
