import { useEffect, useState } from 'react';

/** Shown only once JavaScript runs: without it, the browser's own print command does the job. */
export function PrintButton({ label }: { label: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  if (!canPrint) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
