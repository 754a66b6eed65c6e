import type { ReactNode } from 'react';

/** MoJ messages pattern: each message with who sent it and when; ours on one side, theirs on the other. */
export type MessageItem = { id: string; sent: boolean; text: ReactNode; sender: ReactNode; dateTime: string; dateText: ReactNode; after?: ReactNode };

export function Messages({ items, label }: { items: readonly MessageItem[]; label: string }) {
  return (
    <div className="moj-messages-container">
      <div className="moj-message-list" role="list" aria-label={label}>
        {items.map((item) => (
          <div className={`moj-message-item moj-message-item--${item.sent ? 'sent' : 'received'}`} role="listitem" key={item.id}>
            <div className="moj-message-item__text">{item.text}</div>
            <p className="moj-message-item__meta">
              <span className="moj-message-item__meta--sender">{item.sender}</span>{' '}
              <time className="moj-message-item__meta--timestamp" dateTime={item.dateTime}>
                {item.dateText}
              </time>
            </p>
            {item.after}
          </div>
        ))}
      </div>
    </div>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** A message's text as typed: line breaks kept, web addresses made into links, nothing else interpreted. */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="govuk-body app-pre-line govuk-!-margin-bottom-0">
      {text.split(URL_PATTERN).map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a className="govuk-link" href={part} rel="noreferrer nofollow" key={i}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
