import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { figureKeys } from '~/domain/scrutiny/figures';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { changeThresholds, councilThresholds, parseThresholds } from '~/features/scrutiny/index.server';
import { thresholdField, thresholdFieldOrder } from '~/features/scrutiny';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

/** The council's red / amber / green thresholds for each figure of the scrutiny report: its managers and its admin. */
export const handle: PageHandle = { namespaces: ['scrutiny'], titleKey: 'scrutiny.thresholds.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'set:scrutiny-thresholds');
  return json({ figures: await councilThresholds(user.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLaPermission(request, 'set:scrutiny-thresholds');
  const values = await readForm(request);
  const form = parseThresholds(values);
  if (!form.ok) return formFailure(form.errors, values);
  const changed = await changeThresholds(user, user.laId, form.data, clientAddress(request));
  return redirect(`/reports/scrutiny/thresholds?changed=${changed}`);
}

export default function ScrutinyThresholds() {
  const { t } = useTranslation();
  const { figures } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const changed = params.get('changed');
  const figureOfField = new Map(figures.flatMap((f) => [[thresholdField(f.id, 'green'), f.id], [thresholdField(f.id, 'amber'), f.id]] as const));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/reports/scrutiny">{t('scrutiny.thresholds.back')}</BackLink>
        {changed !== null && /^\d+$/.test(changed) ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('scrutiny.thresholds.saved', { number: Number(changed) })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary
          errors={errors}
          fieldOrder={thresholdFieldOrder}
          valuesFor={(field) => {
            const id = figureOfField.get(field);
            return { figure: id ? t(figureKeys[id].name) : '' };
          }}
        />
        <h1 className="govuk-heading-l">{t('scrutiny.thresholds.heading')}</h1>
        <p className="govuk-body">{t('scrutiny.thresholds.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          {figures.map((f) => {
            const name = t(figureKeys[f.id].name);
            const percent = f.unit === 'percent';
            return (
              <fieldset key={f.id} className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
                <p className="govuk-hint">
                  {t(f.direction === 'higher' ? 'scrutiny.thresholds.hintHigher' : 'scrutiny.thresholds.hintLower')}{' '}
                  {t(percent ? 'scrutiny.thresholds.defaultsPercent' : 'scrutiny.thresholds.defaultsCount', { green: f.defaults.green, amber: f.defaults.amber })}
                </p>
                {(['green', 'amber'] as const).map((band) => {
                  const field = thresholdField(f.id, band);
                  return (
                    <TextInput
                      key={band}
                      name={field}
                      label={t(band === 'green' ? 'scrutiny.thresholds.green' : 'scrutiny.thresholds.amber', { figure: name })}
                      hint={t(percent ? 'scrutiny.thresholds.percentHint' : 'scrutiny.thresholds.countHint')}
                      error={errors[field] ? t(errors[field], { figure: name }) : undefined}
                      defaultValue={values[field] ?? String(f.thresholds[band])}
                      inputMode="decimal"
                      widthClass="govuk-input--width-4"
                      autoComplete="off"
                    />
                  );
                })}
              </fieldset>
            );
          })}
          <SubmitButton>{t('scrutiny.thresholds.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
