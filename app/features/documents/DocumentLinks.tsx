import { useTranslation } from 'react-i18next';

export type DocumentLink = { id: string; name: string; sizeKb: number };

/** Uploaded documents as a list of download links ("report.pdf (12 KB)"); each link goes through the policy check. */
export function DocumentLinks({ files, className }: { files: readonly DocumentLink[]; className?: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className={`govuk-list${className ? ` ${className}` : ''}`}>
      {files.map((f) => (
        <li key={f.id}>
          <a className="govuk-link" href={`/documents/${f.id}`}>
            {t('request.documents.fileLink', { name: f.name, size: f.sizeKb })}
          </a>
        </li>
      ))}
    </ul>
  );
}
