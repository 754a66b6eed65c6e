import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { interpreterGenders } from '~/domain/interpreters';
import { isUuid } from '~/domain/ids';
import { addInterpreter, councilInterpreters, parseInterpreterListEntry, setInterpreterActive } from '~/features/interpreters/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Radios, TextInput, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'interpreterList.title' };

const FIELDS = ['name', 'languages', 'gender', 'email', 'phone'];
const genderKeys = { female: 'interpreterList.gender.female', male: 'interpreterList.gender.male' } as const;

/** The council's interpreters, independent of the families: the LA admin keeps the list staff book from. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:interpreters');
  return json({ interpreters: await councilInterpreters(admin.laId), formKey: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:interpreters');
  const values = await readForm(request);
  const address = clientAddress(request);
  if (values.intent === 'remove' || values.intent === 'restore') {
    // Another council's interpreter (or a made-up id) changes nothing: the list is shown as it is.
    if (isUuid(values.interpreterId ?? '')) await setInterpreterActive(admin, admin.laId, values.interpreterId!, values.intent === 'restore', address);
    return redirect('/admin/interpreters');
  }
  const parsed = parseInterpreterListEntry(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await addInterpreter(admin, admin.laId, parsed.data, address);
  return redirect('/admin/interpreters');
}

export default function InterpreterList() {
  const { t } = useTranslation();
  const { interpreters, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <h1 className="govuk-heading-l">{t('interpreterList.heading')}</h1>
        <p className="govuk-body">{t('interpreterList.intro')}</p>
        {interpreters.length === 0 ? (
          <p className="govuk-body">{t('interpreterList.none')}</p>
        ) : (
          <Table
            caption={t('interpreterList.caption', { count: interpreters.length })}
            head={[t('interpreterList.name'), t('interpreterList.languages'), t('interpreterList.contact'), t('interpreterList.status'), t('interpreterList.change')]}
            rows={interpreters.map((i) => [
              <>
                {i.name}
                {i.gender ? <span className="govuk-hint govuk-!-margin-bottom-0">{t(genderKeys[i.gender])}</span> : null}
              </>,
              i.languages.join(', '),
              [i.email, i.phone].filter(Boolean).join(' · '),
              i.active ? <Tag colour="green">{t('interpreterList.active')}</Tag> : <Tag colour="grey">{t('interpreterList.inactive')}</Tag>,
              <Form method="post" key={i.id}>
                <input type="hidden" name="intent" value={i.active ? 'remove' : 'restore'} />
                <input type="hidden" name="interpreterId" value={i.id} />
                <SubmitButton variant="secondary">{t(i.active ? 'interpreterList.remove' : 'interpreterList.restore', { name: i.name })}</SubmitButton>
              </Form>,
            ])}
          />
        )}
      </div>
      <div className="govuk-grid-column-two-thirds">
        <h2 className="govuk-heading-m">{t('interpreterList.addHeading')}</h2>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <TextInput name="name" label={t('interpreterList.name')} error={errors.name} defaultValue={values.name} autoComplete="off" />
          <Textarea name="languages" label={t('interpreterList.languages')} hint={t('interpreterList.languagesHint')} error={errors.languages} defaultValue={values.languages} rows={3} />
          <Radios
            name="gender"
            legend={t('interpreterList.genderLegend')}
            hint={t('interpreterList.genderHint')}
            error={errors.gender}
            defaultValue={values.gender ?? ''}
            inline
            choices={[...interpreterGenders.map((g) => ({ value: g, label: t(genderKeys[g]) })), { value: '', label: t('interpreterList.gender.notSaid') }]}
          />
          <TextInput name="email" type="email" label={t('interpreterList.email')} error={errors.email} defaultValue={values.email} autoComplete="off" spellCheck={false} />
          <TextInput name="phone" type="tel" label={t('interpreterList.phone')} error={errors.phone} defaultValue={values.phone} autoComplete="off" widthClass="govuk-input--width-20" />
          <SubmitButton>{t('interpreterList.add')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
