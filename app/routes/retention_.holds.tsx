import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import { liftHold, parseHoldForm, placeHold, standingHoldsOf } from '~/features/retention/index.server';
import { HOLD_REASON_LABELS } from '~/features/retention';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, Table } from '~/ui/govuk/content';
import { CharacterCount, Radios, TextInput } from '~/ui/govuk/fields';

/**
 * Legal holds a manager records by hand (ADR 0037): a complaint, an appeal, a tribunal or
 * litigation about a child's case keeps all of the child's records from deletion until it is
 * lifted. Placed by case reference, so a hold can be placed before anything falls due.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'retention.holdsPage.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'manage:retention');
  return json({ holds: await standingHoldsOf(manager.laId), formKey: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const manager = await requireLaPermission(request, 'manage:retention');
  const values = await readForm(request);
  if (values.intent === 'lift') {
    await liftHold(manager, values.holdId ?? '', clientAddress(request));
    return redirect('/retention/holds?lifted=1');
  }
  const form = parseHoldForm(values);
  if (!form.ok) return formFailure(form.errors, values);
  const placed = await placeHold(manager, form.data, clientAddress(request));
  if (!placed.ok) return formFailure({ reference: placed.error }, values);
  return redirect('/retention/holds?placed=1');
}

const reasons = ['complaint', 'appeal', 'tribunal', 'litigation', 'other'] as const;

export default function RetentionHolds() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { holds, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const done = params.get('placed') ? 'retention.holdsPage.placed' : params.get('lifted') ? 'retention.holdsPage.lifted' : null;
  return (
    <>
      <BackLink to="/retention">{t('retention.holdsPage.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {done && Object.keys(errors).length === 0 ? (
            <NotificationBanner title={t('common.success')} success>
              <p className="govuk-notification-banner__heading">{t(done)}</p>
            </NotificationBanner>
          ) : null}
          <ErrorSummary errors={errors} fieldOrder={['reference', 'reason', 'note']} />
          <h1 className="govuk-heading-l">{t('retention.holdsPage.heading')}</h1>
          <p className="govuk-body">{t('retention.holdsPage.intro')}</p>
          {holds.length === 0 ? (
            <p className="govuk-body">{t('retention.holdsPage.none')}</p>
          ) : (
            <Table
              caption={t('retention.holdsPage.caption')}
              head={[t('retention.holdsPage.head.cases'), t('retention.holdsPage.head.reason'), t('retention.holdsPage.head.placed'), t('retention.head.action')]}
              rows={holds.map((hold) => [
                hold.references.join(', '),
                <span key="reason">
                  <strong>{t(HOLD_REASON_LABELS[hold.reason])}</strong>
                  <br />
                  {hold.note}
                </span>,
                t('retention.holdsPage.placedBy', { when: formatDateTime(hold.placedAt, locale), name: hold.placedBy }),
                <Form key="lift" method="post" noValidate>
                  <input type="hidden" name="intent" value="lift" />
                  <input type="hidden" name="holdId" value={hold.id} />
                  <SubmitButton variant="secondary">
                    {t('retention.holdsPage.lift')}
                    <span className="govuk-visually-hidden"> {hold.references.join(', ')}</span>
                  </SubmitButton>
                </Form>,
              ])}
            />
          )}
        </div>
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('retention.holdsPage.placeHeading')}</h2>
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
            <TextInput name="reference" label={t('retention.holdsPage.reference')} hint={t('retention.holdsPage.referenceHint')} error={errors.reference} defaultValue={values.reference} autoComplete="off" spellCheck={false} widthClass="govuk-input--width-20" />
            <Radios name="reason" legend={t('retention.holdsPage.reason')} error={errors.reason} defaultValue={values.reason} choices={reasons.map((reason) => ({ value: reason, label: t(HOLD_REASON_LABELS[reason]) }))} />
            <CharacterCount name="note" label={t('retention.holdsPage.note')} hint={t('retention.holdsPage.noteHint')} error={errors.note} defaultValue={values.note} maxLength={500} />
            <SubmitButton>{t('retention.holdsPage.submit')}</SubmitButton>
          </Form>
          <p className="govuk-body">
            <Link className="govuk-link" to="/retention">
              {t('retention.holdsPage.back')}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
