import type { Db } from '../../db/types.ts';

const day = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Fictional speakers and requests for the demo: a pool of five (three listed publicly), training requests
 * in every status and speaker requests from new to accepted, each with its history.
 */
export async function seedDemoReferral(db: Db, now = new Date()): Promise<number> {
  const speakers = await db
    .insertInto('speakers')
    .values([
      {
        name: 'Demo-Referentin Amira Beispiel',
        organisation: 'KOK-Geschäftsstelle',
        email: 'referentin1@demo.kok.invalid',
        public_consent: true,
        topics: ['trafficking_basics', 'identification', 'victim_rights'],
        languages: ['de', 'en', 'ar'],
        regions: ['nationwide'],
        formats: ['talk', 'workshop', 'online'],
        fee_notes: 'Im Rahmen der Projektarbeit ohne Honorar; Reisekosten nach Absprache.',
        is_demo: true,
      },
      {
        name: 'Demo-Referent Jonas Muster',
        organisation: 'Demo-Fachberatungsstelle Köln',
        email: 'referent2@demo.kok.invalid',
        public_consent: true,
        topics: ['labour_exploitation', 'forced_labour', 'identification'],
        languages: ['de', 'ro', 'bg'],
        regions: ['05', '06', '07'],
        formats: ['talk', 'panel'],
        is_demo: true,
      },
      {
        name: 'Demo-Referent*in Kim Probe',
        organisation: 'Demo-Beratungsstelle Leipzig',
        email: 'referentin3@demo.kok.invalid',
        public_consent: true,
        topics: ['sexual_exploitation', 'criminal_proceedings'],
        languages: ['de', 'ru', 'uk'],
        regions: ['14', '15', '16'],
        formats: ['workshop', 'online'],
        is_demo: true,
      },
      {
        name: 'Demo-Referentin Lena Test',
        organisation: 'Demo-Frauenrechtsorganisation',
        email: 'referentin4@demo.kok.invalid',
        public_consent: false,
        topics: ['forced_marriage', 'residence_law'],
        languages: ['de', 'tr'],
        regions: ['11', '12'],
        formats: ['talk', 'workshop'],
        is_demo: true,
      },
      {
        name: 'Demo-Referent Paul Platzhalter',
        organisation: '',
        email: 'referent5@demo.kok.invalid',
        public_consent: false,
        topics: ['labour_exploitation', 'criminal_proceedings', 'victim_rights'],
        languages: ['de', 'pl'],
        regions: ['nationwide'],
        formats: ['talk', 'panel', 'online'],
        is_demo: true,
      },
    ])
    .returning(['id', 'name'])
    .execute();
  // the demo member account keeps speaker 2's profile itself (/referentinnen/mein-profil)
  const member = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'beratung@demo.kok.invalid')
    .executeTakeFirst();
  if (member)
    await db.updateTable('speakers').set({ user_id: member.id }).where('id', '=', speakers[1]!.id).execute();
  await db
    .insertInto('speaker_unavailability')
    .values([
      { speaker_id: speakers[1]!.id, starts_on: day(now, 20), ends_on: day(now, 40) },
      { speaker_id: speakers[0]!.id, starts_on: day(now, 90), ends_on: day(now, 100) },
    ])
    .execute();

  const base = {
    phone: '',
    preferred_dates: 'Im nächsten Quartal, gern vormittags',
    message: '',
    is_demo: true,
  };
  const training = await db
    .insertInto('training_requests')
    .values([
      {
        ...base,
        organisation: 'Demo-Landespolizei, Fachkommissariat',
        contact_name: 'Demo Kommissarin',
        email: 'anfrage1@demo.kok.invalid',
        audiences: ['state_police'],
        group_size: 25,
        topics: ['identification', 'sexual_exploitation'],
        format: 'in_person' as const,
        land: '09',
        status: 'new' as const,
      },
      {
        ...base,
        organisation: 'Demo-Jobcenter',
        contact_name: 'Demo Teamleitung',
        email: 'anfrage2@demo.kok.invalid',
        audiences: ['jobcenter'],
        group_size: 40,
        topics: ['labour_exploitation'],
        format: 'online' as const,
        land: null,
        status: 'in_clarification' as const,
      },
      {
        ...base,
        organisation: 'Demo-Ausländerbehörde',
        contact_name: 'Demo Sachgebietsleitung',
        email: 'anfrage3@demo.kok.invalid',
        audiences: ['immigration_offices', 'bamf'],
        group_size: 15,
        topics: ['residence_law', 'victim_rights'],
        format: 'hybrid' as const,
        land: '11',
        status: 'declined' as const,
      },
    ])
    .returning(['id', 'status'])
    .execute();
  await db
    .insertInto('referral_history')
    .values(
      training.flatMap((r) => [
        { training_request_id: r.id, actor_kind: 'requester' as const, action: 'created', status: 'new' },
        ...(r.status === 'new'
          ? []
          : [
              {
                training_request_id: r.id,
                actor_kind: 'office' as const,
                action: 'status',
                status: r.status,
              },
            ]),
      ]),
    )
    .execute();

  const requests = await db
    .insertInto('speaker_requests')
    .values([
      {
        organisation: 'Demo-Volkshochschule',
        contact_name: 'Demo Programmleitung',
        email: 'anfrage4@demo.kok.invalid',
        event_date: day(now, 30),
        online: false,
        place: 'Köln',
        land: '05',
        audience: 'civil_society',
        group_size: 60,
        topic: 'labour_exploitation',
        language: 'de',
        format: 'talk' as const,
        is_demo: true,
      },
      {
        organisation: 'Demo-Hochschule, Fachbereich Soziale Arbeit',
        contact_name: 'Demo Professorin',
        email: 'anfrage5@demo.kok.invalid',
        event_date: day(now, 50),
        online: true,
        place: '',
        land: null,
        audience: 'counselling_centres',
        group_size: 30,
        topic: 'identification',
        language: 'de',
        format: 'online' as const,
        status: 'accepted' as const,
        is_demo: true,
      },
    ])
    .returning(['id'])
    .execute();
  const accepted = requests[1]!.id;
  await db
    .insertInto('speaker_proposals')
    .values([
      { request_id: accepted, speaker_id: speakers[0]!.id, status: 'accepted', answered_at: now },
      { request_id: accepted, speaker_id: speakers[4]!.id, status: 'declined', answered_at: now },
    ])
    .execute();
  await db
    .insertInto('referral_history')
    .values([
      { speaker_request_id: requests[0]!.id, actor_kind: 'requester', action: 'created', status: 'new' },
      { speaker_request_id: accepted, actor_kind: 'requester', action: 'created', status: 'new' },
      { speaker_request_id: accepted, actor_kind: 'office', action: 'proposed', speaker_id: speakers[0]!.id },
      { speaker_request_id: accepted, actor_kind: 'office', action: 'proposed', speaker_id: speakers[4]!.id },
      {
        speaker_request_id: accepted,
        actor_kind: 'speaker',
        action: 'speaker_declined',
        speaker_id: speakers[4]!.id,
      },
      {
        speaker_request_id: accepted,
        actor_kind: 'speaker',
        action: 'speaker_accepted',
        speaker_id: speakers[0]!.id,
      },
      { speaker_request_id: accepted, actor_kind: 'system', action: 'status', status: 'accepted' },
    ])
    .execute();
  return speakers.length + training.length + requests.length;
}
