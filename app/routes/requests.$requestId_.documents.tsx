import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, sizeInKb } from '~/domain/file-types';
import { fileField, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { deleteDocument, documentsOfRequest, storeUpload } from '~/features/documents/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, ButtonLink, SubmitButton, Table } from '~/ui/govuk/content';
import { FileUpload, Radios } from '~/ui/govuk/fields';
import { personName } from '~/domain/names';

export const handle: PageHandle = { namespaces: ['requests'], titleKey: 'request.documents.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, child } = await requireRequestAccess(request, params.requestId ?? '', 'read:request');
  if (requestRow.status !== 'draft') throw redirect(`/cases/${requestRow.caseId}`);
  const files = await documentsOfRequest(requestRow.id);
  return json({
    requestId: requestRow.id,
    childName: personName(child),
    files: files.map((f) => ({ id: f.id, name: f.originalName, kind: f.kind === 'child_view' ? ('child_view' as const) : ('evidence' as const), sizeKb: sizeInKb(f.sizeBytes) })),
  });
}

/** Uploading and removing are both POSTs to this page; a file that fails is refused beside the field. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { requestRow, user } = await requireRequestAccess(request, params.requestId ?? '', 'edit:request');
  if (requestRow.status !== 'draft') throw redirect(`/cases/${requestRow.caseId}`);
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const kind = form.values.kind === 'child_view' ? 'child_view' : 'evidence';
    const remove = form.values.remove;
    if (remove) {
      const own = (await documentsOfRequest(requestRow.id)).some((d) => d.id === remove);
      if (own) await deleteDocument(remove, user.id);
      return redirect(`/requests/${requestRow.id}/documents`);
    }
    const field = fileField(form, 'file');
    if (!field.ok) return formFailure({ file: field.error }, { kind });
    const { file } = field;
    const stored = await storeUpload({ file, uploadedBy: user.id, requestId: requestRow.id, kind });
    if (!stored.ok) return formFailure({ file: stored.error }, { kind });
    return redirect(`/requests/${requestRow.id}/documents`);
  });
}

const kindKeys = { evidence: 'request.documents.kind.evidence', child_view: 'request.documents.kind.childView' } as const;

export default function RequestDocuments() {
  const { t } = useTranslation();
  const { requestId, childName, files } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/requests/${requestId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t('request.documents.title')}</h1>
        <p className="govuk-body">{t('request.documents.intro')}</p>
        {files.length > 0 ? (
          <Table
            caption={t('request.documents.uploaded')}
            head={[t('request.documents.name'), t('request.documents.kindLabel'), t('request.documents.action')]}
            rows={files.map((f) => [
              <a className="govuk-link" href={`/documents/${f.id}`} key={f.id}>
                {t('request.documents.fileLink', { name: f.name, size: f.sizeKb })}
              </a>,
              t(kindKeys[f.kind === 'child_view' ? 'child_view' : 'evidence']),
              <Form method="post" encType="multipart/form-data" key={`remove-${f.id}`}>
                <button type="submit" name="remove" value={f.id} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                  {t('request.documents.remove')}
                  <span className="govuk-visually-hidden"> {f.name}</span>
                </button>
              </Form>,
            ])}
          />
        ) : null}
        <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
          <FileUpload name="file" label={t('request.documents.chooseFile')} hint={t('request.documents.hint')} error={errors.file} accept={UPLOAD_ACCEPT} />
          <Radios
            name="kind"
            legend={t('request.documents.kindLegend')}
            defaultValue={values.kind ?? 'evidence'}
            choices={[
              { value: 'evidence', label: t(kindKeys.evidence) },
              { value: 'child_view', label: t(kindKeys.child_view) },
            ]}
          />
          <SubmitButton variant="secondary">{t('request.documents.upload')}</SubmitButton>
        </Form>
        <ButtonLink to={`/requests/${requestId}`}>{t('request.documents.done')}</ButtonLink>
      </div>
    </div>
  );
}
