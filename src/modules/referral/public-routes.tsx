import { Hono } from 'hono';
import type { FieldErrors } from '../../platform/errors.ts';
import { notFound } from '../../platform/errors.ts';
import { requireUser } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { languageName } from '../directory/vocabulary.ts';
import { checkFormStamp, formStamp } from '../events/repo.ts';
import {
  formatPeriods,
  listValues,
  profileSchema,
  speakerRequestSchema,
  trainingRequestSchema,
} from './forms.ts';
import { answerProposal, proposalByToken, submitSpeakerRequest } from './speaker-requests.ts';
import {
  publicSpeakers,
  type SpeakerRow,
  saveOwnProfile,
  speakerByProfileToken,
  speakerOfUser,
} from './speakers.ts';
import { submitTrainingRequest } from './training-requests.ts';
import {
  audienceOptions,
  Checkbox,
  Choices,
  formatOptions,
  Honeypot,
  labelList,
  landOptions,
  languageOptions,
  lp,
  regionOptions,
  topicOptions,
} from './view-parts.tsx';
import { trainingFormats } from './vocabulary.ts';

const db = (c: Ctx) => c.get('deps').database.db;
const siteLocale = (c: Ctx) => (c.get('locale') === 'en' ? 'en' : 'de');

interface FormState {
  values?: Record<string, string>;
  lists?: Record<string, string[]>;
  errors?: FieldErrors;
  notice?: string;
  status?: 200 | 422;
}

/** Bots first: a filled honeypot or a form sent faster than a person can fill it (shared with events). */
async function botErrors(c: Ctx, values: Record<string, string>): Promise<FieldErrors | null> {
  if (values.website) return { _form: { key: 'referral.honeypot' } };
  const stamp = await checkFormStamp(db(c), values.started ?? '');
  if (stamp !== 'ok')
    return { _form: { key: stamp === 'too_fast' ? 'events.too_fast' : 'events.form_expired' } };
  return null;
}

// ---------- training requests ----------

async function trainingPage(c: Ctx, s: FormState = {}) {
  const t = c.get('t');
  const values = s.values ?? { format: 'in_person' };
  const common = { t, errors: s.errors, values };
  return renderPage(
    c,
    { title: t('referral.training.title'), status: s.status },
    <div>
      <h1>{t('referral.training.title')}</h1>
      <p>{t('referral.training.intro')}</p>
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      <ErrorSummary
        t={t}
        errors={s.errors}
        labels={{
          organisation: t('referral.field.organisation'),
          contact_name: t('referral.field.contact_name'),
          email: t('referral.field.email'),
          phone: t('referral.field.phone'),
          audiences: t('referral.field.audiences'),
          group_size: t('referral.field.group_size'),
          topics: t('referral.field.topics'),
          format: t('referral.field.format'),
          land: t('referral.field.land'),
          preferred_dates: t('referral.field.preferred_dates'),
          message: t('referral.field.message'),
        }}
      />
      <form method="post" action={lp(c, '/schulungen/anfragen')}>
        <Csrf token={c.get('auth')?.session?.csrfToken} />
        <input type="hidden" name="started" value={await formStamp(db(c))} />
        <Field
          name="organisation"
          label={t('referral.field.organisation')}
          {...common}
          required
          autocomplete="organization"
          maxlength={300}
        />
        <Field
          name="contact_name"
          label={t('referral.field.contact_name')}
          {...common}
          required
          autocomplete="name"
          maxlength={200}
        />
        <Field
          name="email"
          type="email"
          label={t('referral.field.email')}
          {...common}
          required
          autocomplete="email"
          maxlength={254}
        />
        <Field
          name="phone"
          type="tel"
          label={t('referral.field.phone')}
          {...common}
          autocomplete="tel"
          maxlength={50}
        />
        <Choices
          name="audiences"
          legend={t('referral.field.audiences')}
          options={audienceOptions(t)}
          chosen={s.lists?.audiences ?? []}
          t={t}
          errors={s.errors}
        />
        <Field
          name="group_size"
          type="number"
          label={t('referral.field.group_size')}
          {...common}
          required
          inputmode="numeric"
        />
        <Choices
          name="topics"
          legend={t('referral.field.topics')}
          options={topicOptions(t)}
          chosen={s.lists?.topics ?? []}
          t={t}
          errors={s.errors}
        />
        <Field
          name="preferred_dates"
          label={t('referral.field.preferred_dates')}
          hint={t('referral.field.preferred_dates_hint')}
          {...common}
          multiline={3}
          maxlength={1000}
        />
        <Field
          name="format"
          label={t('referral.field.format')}
          {...common}
          options={trainingFormats.map((f) => ({ value: f, label: t(`referral.training_format.${f}`) }))}
        />
        <Field name="land" label={t('referral.field.land')} {...common} options={landOptions(t)} />
        <Field
          name="message"
          label={t('referral.field.message')}
          {...common}
          multiline={5}
          maxlength={5000}
        />
        <Honeypot t={t} />
        <p class="hint">{t('referral.privacy_hint')}</p>
        <button type="submit">{t('referral.submit')}</button>
      </form>
      <p>
        <a href={lp(c, '/referentinnen')}>{t('referral.speakers.title')}</a> ·{' '}
        <a href={lp(c, '/veranstaltungen')}>{t('events.title')}</a>
      </p>
    </div>,
  );
}

// ---------- the public speaker page and request form ----------

async function speakersPage(c: Ctx, s: FormState = {}) {
  const t = c.get('t');
  const locale = c.get('locale');
  const values = s.values ?? { language: 'de', format: 'talk' };
  const common = { t, errors: s.errors, values };
  const speakers = await publicSpeakers(db(c));
  return renderPage(
    c,
    { title: t('referral.speakers.title'), status: s.status },
    <div>
      <h1>{t('referral.speakers.title')}</h1>
      <p>{t('referral.speakers.intro')}</p>
      <p>
        <a href={lp(c, '/schulungen/anfragen')}>{t('referral.training.link')}</a>
      </p>
      <section aria-labelledby="pool-title">
        <h2 id="pool-title">{t('referral.speakers.pool')}</h2>
        <p class="hint">{t('referral.speakers.pool_hint')}</p>
        {speakers.length === 0 ? (
          <p>{t('referral.speakers.none')}</p>
        ) : (
          <ul class="speaker-list">
            {speakers.map((sp) => (
              <li>
                <strong>{sp.name}</strong>
                {sp.organisation ? `, ${sp.organisation}` : ''}
                <br />
                {t('referral.speakers.topics')}: {labelList(t, 'referral.topic', sp.topics)}
                <br />
                {t('referral.speakers.languages')}:{' '}
                {sp.languages.map((l) => languageName(l, locale)).join(', ')}
                {' · '}
                {t('referral.speakers.formats')}: {labelList(t, 'referral.format', sp.formats)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="request-title">
        <h2 id="request-title">{t('referral.speakers.form_title')}</h2>
        {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
        <ErrorSummary
          t={t}
          errors={s.errors}
          labels={{
            organisation: t('referral.field.organisation_optional'),
            contact_name: t('referral.field.contact_name'),
            email: t('referral.field.email'),
            event_date: t('referral.field.event_date'),
            place: t('referral.field.place'),
            audience: t('referral.field.audience'),
            group_size: t('referral.field.group_size'),
            topic: t('referral.field.topic'),
            language: t('referral.field.language'),
            format: t('referral.field.speaker_format'),
          }}
        />
        <form method="post" action={lp(c, '/referentinnen')}>
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <input type="hidden" name="started" value={await formStamp(db(c))} />
          <Field name="event_date" type="date" label={t('referral.field.event_date')} {...common} required />
          <Checkbox name="online" label={t('referral.field.online')} checked={values.online === '1'} />
          <Field name="place" label={t('referral.field.place')} {...common} maxlength={300} />
          <Field name="land" label={t('referral.field.land')} {...common} options={landOptions(t)} />
          <Field
            name="audience"
            label={t('referral.field.audience')}
            {...common}
            options={audienceOptions(t)}
          />
          <Field
            name="group_size"
            type="number"
            label={t('referral.field.group_size')}
            {...common}
            required
            inputmode="numeric"
          />
          <Field name="topic" label={t('referral.field.topic')} {...common} options={topicOptions(t)} />
          <Field
            name="language"
            label={t('referral.field.language')}
            {...common}
            options={languageOptions(locale)}
          />
          <Field
            name="format"
            label={t('referral.field.speaker_format')}
            {...common}
            options={formatOptions(t)}
          />
          <Field
            name="organisation"
            label={t('referral.field.organisation_optional')}
            {...common}
            autocomplete="organization"
            maxlength={300}
          />
          <Field
            name="contact_name"
            label={t('referral.field.contact_name')}
            {...common}
            required
            autocomplete="name"
            maxlength={200}
          />
          <Field
            name="email"
            type="email"
            label={t('referral.field.email')}
            {...common}
            required
            autocomplete="email"
            maxlength={254}
          />
          <Field
            name="phone"
            type="tel"
            label={t('referral.field.phone')}
            {...common}
            autocomplete="tel"
            maxlength={50}
          />
          <Field
            name="message"
            label={t('referral.field.message')}
            {...common}
            multiline={4}
            maxlength={5000}
          />
          <Honeypot t={t} />
          <p class="hint">{t('referral.privacy_hint')}</p>
          <button type="submit">{t('referral.submit')}</button>
        </form>
      </section>
    </div>,
  );
}

// ---------- the speaker's own profile ----------

function profileValues(sp: SpeakerRow) {
  return {
    values: {
      organisation: sp.organisation,
      fee_notes: sp.fee_notes,
      unavailable: formatPeriods(sp.unavailable),
      public_consent: sp.public_consent ? '1' : '',
    },
    lists: { topics: sp.topics, languages: sp.languages, regions: sp.regions, formats: sp.formats },
  };
}

export const profileLists = ['topics', 'languages', 'regions', 'formats'];

/** The fields a speaker keeps current; also part of the office's form. */
export function ProfileFields({ c, s }: { c: Ctx; s: FormState }) {
  const t = c.get('t');
  const common = { t, errors: s.errors, values: s.values };
  const lists = s.lists ?? {};
  return (
    <>
      <Field
        name="organisation"
        label={t('referral.field.organisation_optional')}
        {...common}
        maxlength={300}
      />
      <Checkbox
        name="public_consent"
        label={t('referral.field.public_consent')}
        checked={s.values?.public_consent === '1'}
      />
      <Choices
        name="topics"
        legend={t('referral.speakers.topics')}
        options={topicOptions(t)}
        chosen={lists.topics ?? []}
        t={t}
        errors={s.errors}
      />
      <Choices
        name="languages"
        legend={t('referral.field.languages')}
        options={languageOptions(c.get('locale'))}
        chosen={lists.languages ?? []}
        t={t}
        errors={s.errors}
      />
      <Choices
        name="regions"
        legend={t('referral.field.regions')}
        options={regionOptions(t)}
        chosen={lists.regions ?? []}
        t={t}
        errors={s.errors}
      />
      <Choices
        name="formats"
        legend={t('referral.field.formats')}
        options={formatOptions(t)}
        chosen={lists.formats ?? []}
        t={t}
        errors={s.errors}
      />
      <Field
        name="fee_notes"
        label={t('referral.field.fee_notes')}
        {...common}
        multiline={3}
        maxlength={2000}
      />
      <Field
        name="unavailable"
        label={t('referral.field.unavailable')}
        hint={t('referral.field.unavailable_hint')}
        {...common}
        multiline={4}
        maxlength={5000}
      />
    </>
  );
}

function profilePage(c: Ctx, speaker: SpeakerRow, s: FormState) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('referral.profile.title'), status: s.status },
    <div>
      <h1>{t('referral.profile.title')}</h1>
      <p>
        {t('referral.profile.intro')} ({speaker.name})
      </p>
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      <ErrorSummary t={t} errors={s.errors} labels={{}} />
      <form method="post">
        <Csrf token={c.get('auth')?.session?.csrfToken} />
        <ProfileFields c={c} s={s} />
        <button type="submit">{t('referral.profile.save')}</button>
      </form>
    </div>,
  );
}

async function saveProfile(c: Ctx, speaker: SpeakerRow, via: 'link' | 'account') {
  const form = await readForm(c, profileSchema);
  const lists = await listValues(c, profileLists);
  if (!form.ok)
    return profilePage(c, speaker, { values: form.values, lists, errors: form.errors, status: 422 });
  await saveOwnProfile(
    db(c),
    speaker.id,
    form.data,
    via === 'link'
      ? { kind: 'link', ip: c.get('ip') }
      : { kind: 'account', actor: { user: c.get('auth')!.user, ip: c.get('ip') } },
  );
  return profilePage(c, speaker, {
    values: form.values,
    lists,
    notice: c.get('t')('referral.profile.saved'),
  });
}

function invalidLink(c: Ctx, key: 'referral.profile.invalid' | 'referral.answer.invalid', title: string) {
  return renderPage(c, { title, status: 404 }, <Notice kind="warning">{c.get('t')(key)}</Notice>);
}

/** `/schulungen/anfragen` and `/referentinnen`: the public forms, the speakers' links. */
export function referralPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/schulungen/anfragen', (c) => trainingPage(c));
  app.post('/schulungen/anfragen', async (c) => {
    const form = await readForm(c, trainingRequestSchema);
    const lists = await listValues(c, ['audiences', 'topics']);
    const state = { values: form.values, lists, status: 422 as const };
    const bots = await botErrors(c, form.values);
    if (bots) return trainingPage(c, { ...state, errors: bots });
    if (!form.ok) return trainingPage(c, { ...state, errors: form.errors });
    const { website: _w, started: _s, ...input } = form.data;
    await submitTrainingRequest(db(c), input, siteLocale(c), c.get('ip'));
    c.get('deps').kickMail();
    return trainingPage(c, { notice: c.get('t')('referral.sent') });
  });

  app.get('/referentinnen', (c) => speakersPage(c));
  app.post('/referentinnen', async (c) => {
    const form = await readForm(c, speakerRequestSchema);
    const state = { values: form.values, status: 422 as const };
    const bots = await botErrors(c, form.values);
    if (bots) return speakersPage(c, { ...state, errors: bots });
    if (!form.ok) return speakersPage(c, { ...state, errors: form.errors });
    const { website: _w, started: _s, ...input } = form.data;
    await submitSpeakerRequest(db(c), input, siteLocale(c), c.get('ip'));
    c.get('deps').kickMail();
    return speakersPage(c, { notice: c.get('t')('referral.sent') });
  });

  // the personal link: no account needed
  app.get('/referentinnen/profil/:token', async (c) => {
    const speaker = await speakerByProfileToken(db(c), c.req.param('token'));
    if (!speaker) return invalidLink(c, 'referral.profile.invalid', c.get('t')('referral.profile.title'));
    return profilePage(c, speaker, profileValues(speaker));
  });
  app.post('/referentinnen/profil/:token', async (c) => {
    const speaker = await speakerByProfileToken(db(c), c.req.param('token'));
    if (!speaker) return invalidLink(c, 'referral.profile.invalid', c.get('t')('referral.profile.title'));
    return saveProfile(c, speaker, 'link');
  });

  // or through the member account the office linked to the profile
  app.use('/referentinnen/mein-profil', requireUser());
  app.get('/referentinnen/mein-profil', async (c) => {
    const speaker = await speakerOfUser(db(c), c.get('auth')!.user.id);
    const t = c.get('t');
    if (!speaker)
      return renderPage(
        c,
        { title: t('referral.profile.title') },
        <div>
          <h1>{t('referral.profile.title')}</h1>
          <p>{t('referral.profile.no_profile')}</p>
        </div>,
      );
    return profilePage(c, speaker, profileValues(speaker));
  });
  app.post('/referentinnen/mein-profil', async (c) => {
    const speaker = await speakerOfUser(db(c), c.get('auth')!.user.id);
    if (!speaker) throw notFound();
    return saveProfile(c, speaker, 'account');
  });

  // yes/no: a GET only shows the question (link scanners must not answer); the button posts
  async function answerPage(c: Ctx) {
    const t = c.get('t');
    const proposal = await proposalByToken(db(c), uuidParam(c, 'id'), c.req.param('token') ?? '');
    if (!proposal) return invalidLink(c, 'referral.answer.invalid', t('referral.answer.title'));
    const wanted = c.req.query('antwort');
    return renderPage(
      c,
      { title: t('referral.answer.title') },
      <div>
        <h1>{t('referral.answer.title')}</h1>
        <p>
          {t('referral.answer.question', {
            date: proposal.event_date,
            topic: t(`referral.topic.${proposal.topic}` as 'referral.topic.other'),
            format: t(`referral.format.${proposal.format}` as 'referral.format.talk'),
            place: proposal.online ? t('referral.online') : proposal.place,
          })}
        </p>
        <form method="post">
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <button type="submit" name="answer" value="yes" class={wanted === 'nein' ? 'secondary' : undefined}>
            {t('referral.answer.yes')}
          </button>{' '}
          <button type="submit" name="answer" value="no" class={wanted === 'nein' ? undefined : 'secondary'}>
            {t('referral.answer.no')}
          </button>
        </form>
      </div>,
    );
  }
  app.get('/referentinnen/antwort/:id/:token', answerPage);
  app.post('/referentinnen/antwort/:id/:token', async (c) => {
    const t = c.get('t');
    const id = uuidParam(c, 'id');
    const body = await c.req.parseBody();
    const answer = body.answer;
    if (answer !== 'yes' && answer !== 'no') {
      if (!(await proposalByToken(db(c), id, c.req.param('token') ?? '')))
        return invalidLink(c, 'referral.answer.invalid', t('referral.answer.title'));
      return answerPage(c);
    }
    const result = await answerProposal(db(c), id, c.req.param('token') ?? '', answer === 'yes', c.get('ip'));
    c.get('deps').kickMail();
    if (!result) return invalidLink(c, 'referral.answer.invalid', t('referral.answer.title'));
    return renderPage(
      c,
      { title: t('referral.answer.title') },
      <Notice kind="success">
        {t(result === 'accepted' ? 'referral.answer.accepted' : 'referral.answer.declined')}
      </Notice>,
    );
  });

  return app;
}
