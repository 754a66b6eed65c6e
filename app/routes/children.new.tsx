import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/access.server';
import { audienceOf, PORTAL } from '~/auth/policy';
import { addChild, localAuthorityChoices, parseChildForm } from '~/features/family/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Select, TextInput, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['family', 'requests'],
  title: (data, t) => t((data as { forSelf?: boolean } | undefined)?.forSelf ? 'child.add.titleSelf' : 'child.add.title'),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'add:child', PORTAL);
  return json({ forSelf: audienceOf(user) === 'young_person', councils: await localAuthorityChoices(), name: user.name });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'add:child', PORTAL);
  const values = await readForm(request);
  const councils = await localAuthorityChoices();
  // With one council there is nothing to choose.
  if (councils.length === 1) values.laId = councils[0].id;
  const parsed = parseChildForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  if (!councils.some((c) => c.id === parsed.child.laId)) return formFailure({ laId: 'errors.child.la' }, values);
  const child = await addChild(user, parsed.child);
  return redirect(`/children/${child.id}`);
}

export default function AddChild() {
  const { t } = useTranslation();
  const { forSelf, councils } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['firstName', 'lastName', 'dateOfBirth', 'school', 'otherParentalResponsibility', 'laId']} />
        <h1 className="govuk-heading-l">{t(forSelf ? 'child.add.headingSelf' : 'child.add.heading')}</h1>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="firstName" label={t('child.field.firstName')} autoComplete={forSelf ? 'given-name' : 'off'} spellCheck={false} error={errors.firstName} defaultValue={values.firstName} />
          <TextInput name="lastName" label={t('child.field.lastName')} autoComplete={forSelf ? 'family-name' : 'off'} spellCheck={false} error={errors.lastName} defaultValue={values.lastName} />
          <DateInput name="dateOfBirth" legend={t('child.field.dateOfBirth')} hint={t('child.hint.dateOfBirth')} error={errors.dateOfBirth} values={datePartsFrom(values, 'dateOfBirth')} />
          <TextInput name="school" label={t('child.field.school')} hint={t('child.hint.school')} error={errors.school} defaultValue={values.school} />
          {forSelf ? null : (
            <Textarea
              name="otherParentalResponsibility"
              label={t('child.field.otherParentalResponsibility')}
              hint={t('child.hint.otherParentalResponsibility')}
              error={errors.otherParentalResponsibility}
              defaultValue={values.otherParentalResponsibility}
              rows={3}
            />
          )}
          {councils.length > 1 ? (
            <Select name="laId" label={t('child.field.la')} error={errors.laId} defaultValue={values.laId} emptyLabel={t('child.field.laChoose')} choices={councils.map((c) => ({ value: c.id, label: c.name }))} />
          ) : null}
          <SubmitButton>{t('child.add.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
