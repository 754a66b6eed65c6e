import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { appealOutcomes } from '~/domain/appeals';
import { todayInLondon } from '~/domain/timescales';
import {
  appealsOfCase,
  parseAppealDecision,
  parseCompliance,
  parseHearing,
  parseOrder,
  recordCompliance,
  recordOrder,
  takeAppealStep,
} from '~/features/appeals/index.server';
import { appealOutcomeKeys, compliedField, decisionText, orderKindKeys, OrderSummary } from '~/features/appeals';
import { CaseCaption } from '~/features/case-progress';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { DateInput, Radios } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case', 'appeals'], titleKey: 'appeals.manage.title' };

/** This case's appeal, or nothing here (another case's appeal is a 404 like any other). */
async function appealOf(caseId: string, appealId: string | undefined) {
  const appeal = (await appealsOfCase(caseId)).appeals.find((a) => a.id === appealId);
  if (!appeal) throw new Response('Not Found', { status: 404 });
  return appeal;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  return json({ caseId: caseRecord.id, appeal: await appealOf(caseRecord.id, params.appealId) });
}

/** One form per step on this page, told apart by `intent`; each answers with its own fields' errors. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  const appeal = await appealOf(caseRecord.id, params.appealId);
  const values = await readForm(request);
  const today = todayInLondon();
  const options = { address: clientAddress(request) };
  const done = redirect(`/cases/${caseRecord.id}/appeals/${appeal.id}`);
  switch (values.intent) {
    case 'hearing': {
      const parsed = parseHearing(values, today);
      if (!parsed.ok) return formFailure(parsed.errors, values);
      const outcome = await takeAppealStep(user, caseRecord, appeal.id, { kind: 'listHearing', hearingOn: parsed.data.hearingOn }, options);
      return outcome.ok ? done : formFailure(outcome.errors, values);
    }
    case 'decision': {
      const parsed = parseAppealDecision(values, today);
      if (!parsed.ok) return formFailure(parsed.errors, values);
      const outcome = await takeAppealStep(user, caseRecord, appeal.id, { kind: 'decide', ...parsed.data }, options);
      return outcome.ok ? done : formFailure(outcome.errors, values);
    }
    case 'order': {
      const parsed = parseOrder(values);
      if (!parsed.ok) return formFailure(parsed.errors, values);
      const outcome = await recordOrder(user, caseRecord, appeal.id, parsed.data.kind, options);
      return outcome.ok ? done : formFailure(outcome.errors, values);
    }
    case 'complied': {
      const order = appeal.orders.find((o) => o.id === values.orderId);
      if (!order) return formFailure({ form: 'errors.generic' }, values);
      const parsed = parseCompliance(values, order.id, today);
      if (!parsed.ok) return formFailure(parsed.errors, values);
      const outcome = await recordCompliance(user, caseRecord, order.id, parsed.data.compliedOn, compliedField(order.id), options);
      return outcome.ok ? done : formFailure(outcome.errors, values);
    }
    default:
      return formFailure({ form: 'errors.generic' }, values);
  }
}

export default function ManageAppeal() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, appeal } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  // Only the form that was sent shows what was typed; the others show what is stored.
  const sent = (intent: string) => (values.intent === intent ? values : {});
  const fieldOrder = ['hearingOn', 'decidedOn', 'outcome', 'orderKind', ...appeal.orders.map((o) => compliedField(o.id)), 'form'];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/appeals`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('appeals.manage.heading', { reference: appeal.tribunalReference })}</h1>
        <SummaryList
          rows={[
            { key: t('appeals.field.decision'), value: decisionText(t, appeal.decision, appeal.planSections) },
            { key: t('appeals.field.registeredOn'), value: formatDate(appeal.registeredOn, locale) },
            { key: t('appeals.field.hearingOn'), value: appeal.hearingOn ? formatDate(appeal.hearingOn, locale) : t('appeals.appeal.noHearing') },
            ...(appeal.outcome && appeal.decidedOn ? [{ key: t('appeals.field.outcome'), value: t('appeals.appeal.outcomeOn', { outcome: t(appealOutcomeKeys[appeal.outcome]), date: formatDate(appeal.decidedOn, locale) }) }] : []),
          ]}
        />

        {appeal.status !== 'decided' ? (
          <>
            <h2 className="govuk-heading-m">{t('appeals.manage.hearingHeading')}</h2>
            <Form method="post" noValidate key={`hearing-${formKey}`}>
              <input type="hidden" name="intent" value="hearing" />
              <DateInput
                name="hearingOn"
                legend={t('appeals.form.hearingOn')}
                hint={t('appeals.form.hearingHint')}
                error={errors.hearingOn}
                values={values.intent === 'hearing' ? datePartsFrom(values, 'hearingOn') : appeal.hearingOn ? datePartsFromIso(appeal.hearingOn) : { day: '', month: '', year: '' }}
              />
              <SubmitButton variant="secondary">{t('appeals.manage.saveHearing')}</SubmitButton>
            </Form>

            <h2 className="govuk-heading-m">{t('appeals.manage.decisionHeading')}</h2>
            <Form method="post" noValidate key={`decision-${formKey}`}>
              <input type="hidden" name="intent" value="decision" />
              <Radios name="outcome" legend={t('appeals.form.outcome')} error={errors.outcome} defaultValue={sent('decision').outcome} choices={appealOutcomes.map((o) => ({ value: o, label: t(appealOutcomeKeys[o]) }))} />
              <DateInput name="decidedOn" legend={t('appeals.form.decidedOn')} hint={t('appeals.form.decidedHint')} error={errors.decidedOn} values={datePartsFrom(sent('decision'), 'decidedOn')} />
              <SubmitButton>{t('appeals.manage.saveDecision')}</SubmitButton>
            </Form>
          </>
        ) : null}

        {appeal.orders.length > 0 ? <h2 className="govuk-heading-m">{t('appeals.orders.heading')}</h2> : null}
        {appeal.orders.map((order) => (
          <div key={order.id}>
            <OrderSummary order={order} />
            {order.compliedOn ? null : (
              <Form method="post" noValidate key={`complied-${order.id}-${formKey}`}>
                <input type="hidden" name="intent" value="complied" />
                <input type="hidden" name="orderId" value={order.id} />
                <DateInput
                  name={compliedField(order.id)}
                  legend={t('appeals.form.compliedOn', { order: t(orderKindKeys[order.kind]) })}
                  hint={t('appeals.form.dateHint')}
                  error={errors[compliedField(order.id)]}
                  values={datePartsFrom(values.orderId === order.id ? values : {}, compliedField(order.id))}
                />
                <SubmitButton variant="secondary">{t('appeals.manage.saveComplied')}</SubmitButton>
              </Form>
            )}
          </div>
        ))}

        {appeal.ordersOpen.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('appeals.manage.orderHeading')}</h2>
            <p className="govuk-body">{t('appeals.manage.orderIntro', { date: appeal.decidedOn ? formatDate(appeal.decidedOn, locale) : '' })}</p>
            <Form method="post" noValidate key={`order-${formKey}`}>
              <input type="hidden" name="intent" value="order" />
              <Radios name="orderKind" legend={t('appeals.form.orderKind')} error={errors.orderKind} defaultValue={sent('order').orderKind} choices={appeal.ordersOpen.map((k) => ({ value: k, label: t(orderKindKeys[k]) }))} />
              <SubmitButton>{t('appeals.manage.saveOrder')}</SubmitButton>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
