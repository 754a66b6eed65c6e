import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { readSessionToken } from '~/auth/session.server';
import { clientAddress } from '~/client-address.server';
import { changePassword, changePasswordSchema } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { PasswordForm } from '~/features/identity';
import { useFormResult } from '~/ui/form';
import { BackLink } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'changePassword.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/** Passwords are never sent back: a failed form comes back with empty fields and the reasons. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = validateForm(changePasswordSchema, await readForm(request));
  if (!form.ok) return formFailure(form.errors, {});
  const changed = await changePassword(user, form.data, readSessionToken(request), { address: clientAddress(request) });
  if (!changed.ok) return formFailure({ [changed.field]: changed.error }, {});
  return redirect('/account?notice=passwordChanged');
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const { errors, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('common.back')}</BackLink>
        <PasswordForm
          key={formKey}
          kind="change"
          serverErrors={errors}
          submit={t('changePassword.submit')}
          heading={
            <>
              <h1 className="govuk-heading-l">{t('changePassword.heading')}</h1>
              <p className="govuk-body">{t('changePassword.intro')}</p>
            </>
          }
        />
      </div>
    </div>
  );
}
