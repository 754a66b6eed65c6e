import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { WrittenIn } from '~/ui/WrittenIn';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { addCaseNote, caseNotesOf, parseCaseNoteForm } from '~/features/case-notes/index.server';
import { CaseCaption } from '~/features/case-progress';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount } from '~/ui/govuk/fields';
import { CASE_NOTE_MAX_LENGTH } from '~/forms/text-limits';

/** The council's working notes on a case: its staff only; to anyone else the page does not exist. */
export const handle: PageHandle = { namespaces: ['case', 'casework'], titleKey: 'caseNotes.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The guard writes the audit entry: reading the notes is access to the child's record.
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:case-notes');
  return json({ caseId: caseRecord.id, notes: await caseNotesOf(caseRecord.id), formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'write:case-notes');
  const values = await readForm(request);
  const parsed = parseCaseNoteForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await addCaseNote(user, caseRecord, parsed.data);
  return redirect(`/cases/${caseRecord.id}/notes?added=1`);
}

export default function CaseNotes() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { notes, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {search.get('added') && !errors.body ? <NotificationBanner title={t('caseNotes.addedTitle')} success>{t('caseNotes.added')}</NotificationBanner> : null}
        <ErrorSummary errors={errors} fieldOrder={['body']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('caseNotes.heading')}</h1>
        <p className="govuk-body">{t('caseNotes.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <CharacterCount name="body" label={t('caseNotes.body')} hint={t('caseNotes.bodyHint')} error={errors.body} defaultValue={values.body} rows={6} maxLength={CASE_NOTE_MAX_LENGTH} />
          <SubmitButton>{t('caseNotes.submit')}</SubmitButton>
        </Form>
        <h2 className="govuk-heading-m">{t('caseNotes.listHeading')}</h2>
        {notes.length === 0 ? (
          <p className="govuk-body">{t('caseNotes.none')}</p>
        ) : (
          <ol className="govuk-list">
            {notes.map((note) => (
              <li key={note.id} className="govuk-!-margin-bottom-6">
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <strong>{note.authorName}</strong> <time dateTime={note.writtenAt}>{formatDateTime(note.writtenAt, locale)}</time>
                </p>
                <WrittenIn language={note.writtenIn}>
                  <p className="govuk-body app-pre-line">{note.body}</p>
                </WrittenIn>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
