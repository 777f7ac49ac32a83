/**
 * Seed content for the public information pages (German first, English translation).
 *
 * German texts follow the KOK's own description (shared/seed/kok-informationen.txt), lightly cleaned.
 * The placeholder {{member_count}} is replaced by the app with the computed number of member organisations;
 * never type the number into the text.
 */

export interface SeedPage {
  slug: string; // URL path without locale prefix, e.g. '/ueber-uns'. Same slug for both languages.
  navGroup: 'about' | 'footer' | 'home';
  position: number; // order within its group
  de: { title: string; summary: string; body: string };
  en: { title: string; summary: string; body: string };
}

export const seedPages: SeedPage[] = [
  {
    slug: '/',
    navGroup: 'home',
    position: 1,
    de: {
      title: 'KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.',
      summary:
        'Der KOK e.V. ist ein bundesweiter Zusammenschluss von Fachberatungsstellen und Organisationen, die sich für Betroffene von Menschenhandel und für von Gewalt betroffene Migrantinnen* einsetzen.',
      body: `## Willkommen beim KOK

Der Bundesweite Koordinierungskreis gegen Menschenhandel – KOK e.V. ist ein Zusammenschluss von {{member_count}} Fachberatungsstellen und Organisationen, die sich für Betroffene von Menschenhandel und für von Gewalt betroffene Migrantinnen* einsetzen.

Hier finden Sie ein Kurzportrait des KOK sowie Hintergrundinformationen zur Geschichte, zu den Aufgaben und Zielen des Vereins und zur Arbeit der Fachberatungsstellen.
`,
    },
    en: {
      title: 'KOK – German NGO Network against Trafficking in Human Beings',
      summary:
        'The KOK is a nationwide network of specialised counselling centres and organisations that support people affected by human trafficking and migrant women* affected by violence.',
      body: `## Welcome to the KOK

The KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V. (German NGO Network against Trafficking in Human Beings) is an alliance of {{member_count}} specialised counselling centres and organisations that stand up for people affected by human trafficking and for migrant women* affected by violence.

Here you will find a brief profile of the KOK as well as background information on the association's history, its tasks and aims, and on the work of the specialised counselling centres.
`,
    },
  },
  {
    slug: '/ueber-uns',
    navGroup: 'about',
    position: 1,
    de: {
      title: 'Kurzportrait des KOK',
      summary:
        'Der KOK e.V. vernetzt Fachberatungsstellen und Organisationen gegen Menschenhandel bundesweit und setzt sich für eine menschenrechtsorientierte Politik ein, die die Rechte der Betroffenen in den Mittelpunkt stellt.',
      body: `Der Bundesweite Koordinierungskreis gegen Menschenhandel – KOK e.V. ist ein Zusammenschluss von {{member_count}} Fachberatungsstellen und Organisationen, die sich für Betroffene von Menschenhandel und für von Gewalt betroffene Migrantinnen* einsetzen.

Der KOK e.V. setzt sich für eine langfristige Stärkung und den Ausbau der Beratungsstrukturen und eine an den Menschenrechten orientierte Politik gegen Menschenhandel ein, die Rechtsansprüche von Betroffenen in den Mittelpunkt stellt. Schwerpunkt dabei ist die Interessensvertretung von Frauen*, insbesondere Migrantinnen*. Darüber hinaus arbeitet der KOK e.V. aufgrund seiner Erfahrung mit einer für alle Betroffenengruppen übergreifenden Expertise.

Diese Expertise bezieht der KOK aus dem Fachwissen seiner Mitgliedsorganisationen und damit direkt aus der Praxis. Damit stellt er sowohl national als auch international eine zentrale Schnittstelle zwischen Fachberatungsstellen, Politik, Öffentlichkeit und relevanten Kooperationspartner*innen dar.

Der KOK vertritt die gemeinsamen politischen und gesellschaftlich relevanten Interessen seiner Mitglieder und vernetzt die regionalen Akteure auf Bundesebene. Dies wird gewährleistet durch gegenseitigen Informations- und Erfahrungsaustausch, gemeinsame Projekte sowie entsprechende Bildungsangebote. Darüber hinaus leistet der KOK auf nationaler und internationaler Ebene Advocacyarbeit, um politische Forderungen und fachspezifisches Wissen in Gesetzgebungs- und Entscheidungsprozesse einzubringen.
`,
    },
    en: {
      title: 'The KOK at a glance',
      summary:
        'The KOK connects specialised counselling centres and organisations against human trafficking across Germany and advocates a human-rights-based policy that puts the rights of affected persons first.',
      body: `The KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V. (German NGO Network against Trafficking in Human Beings) is an alliance of {{member_count}} specialised counselling centres and organisations that stand up for people affected by human trafficking and for migrant women* affected by violence.

The KOK works for the long-term strengthening and expansion of counselling structures and for a human-rights-based policy against human trafficking that puts the legal entitlements of affected persons at its centre. Its focus is on representing the interests of women*, in particular migrant women*. Beyond this, thanks to its experience, the KOK brings expertise that spans all groups of affected persons.

The KOK draws this expertise from the specialist knowledge of its member organisations, and thus directly from practice. This makes it a central link, both nationally and internationally, between specialised counselling centres, policy-makers, the public and relevant cooperation partners.

The KOK represents the shared political and social interests of its members and connects the regional actors at federal level. It does so through the mutual exchange of information and experience, joint projects and corresponding training and education offers. In addition, the KOK carries out advocacy work at national and international level in order to bring political demands and specialist knowledge into legislative and decision-making processes.
`,
    },
  },
  {
    slug: '/ueber-uns/hintergrund',
    navGroup: 'about',
    position: 2,
    de: {
      title: 'Hintergrund und Ziele',
      summary:
        'Der KOK ist ein gemeinnütziger Verein und die bundes- und europaweit einzige Koordinierungsstelle mit dem Fokus auf Betroffene von Menschenhandel und Gewalt an Migrantinnen*.',
      body: `Der KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V. ist ein eingetragener, gemeinnütziger Verein. Er setzt sich auf regionaler, nationaler und internationaler Ebene für die Bekämpfung des Menschenhandels und für die Stärkung der Rechte der Betroffenen ein. Der KOK bildet nicht nur bundes-, sondern auch europaweit die einzige Koordinierungsstelle mit dem Fokus auf Betroffene von Menschenhandel und Gewalt an Migrantinnen* und verfügt über eine umfangreiche und langjährige Expertise zu den Themen Menschenhandel und Ausbeutung, insbesondere zur Unterstützung der Betroffenen von Menschenhandel.

## Ziele

- Verbesserung der Lebenssituation der Betroffenen von Menschenhandel und der von Gewalt betroffenen Migrantinnen*
- Prävention von Ausbeutung durch veränderte rechtliche und strukturelle Rahmenbedingungen
- Umsetzung einer Frauen- und Menschenrechtsperspektive in Politik und Gesellschaft
`,
    },
    en: {
      title: 'Background and aims',
      summary:
        'The KOK is a non-profit association and the only coordinating body in Germany and Europe focused on people affected by human trafficking and on violence against migrant women*.',
      body: `The KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V. is a registered non-profit association. At regional, national and international level it works to combat human trafficking and to strengthen the rights of affected persons. The KOK is the only coordinating body, not only in Germany but also in Europe, that focuses on people affected by human trafficking and on violence against migrant women*. It has extensive, long-standing expertise on human trafficking and exploitation, in particular on supporting people affected by human trafficking.

## Aims

- Improving the living conditions of people affected by human trafficking and of migrant women* affected by violence
- Preventing exploitation by changing the legal and structural framework
- Bringing a women's rights and human rights perspective into policy and society
`,
    },
  },
  {
    slug: '/ueber-uns/mitgliedsorganisationen',
    navGroup: 'about',
    position: 3,
    de: {
      title: 'Die Mitgliedsorganisationen',
      summary:
        'Im KOK ist die Mehrheit der spezialisierten Fachberatungsstellen für Betroffene von Menschenhandel in Deutschland organisiert, gemeinsam mit weiteren Einrichtungen, die sich für die Rechte von Migrantinnen* einsetzen.',
      body: `1999 von Organisationen gegründet, die sich gegen Menschenhandel einsetzen, vereint der KOK e.V. heute {{member_count}} Mitgliedsorganisationen unter seinem Dach, davon drei außerordentliche Mitgliedsorganisationen in Berlin, der Schweiz und Italien. Im KOK ist die Mehrheit der spezialisierten Fachberatungsstellen für Betroffene von Menschenhandel in Deutschland organisiert sowie andere Einrichtungen, die sich mit den Themen Menschenhandel, Arbeitsausbeutung und den Rechten von Migrantinnen* auseinandersetzen:

- Migrantinnen*organisationen
- Schutzwohnungen und Frauenhäuser
- Prostituiertenberatungsstellen
- Frauen- und Menschenrechtsorganisationen
- Wohlfahrtsverbände

Mit ihrer Unterschiedlichkeit haben es alle Mitglieder des KOK e.V. seit vielen Jahren erfolgreich verstanden, ihre Kräfte für die Bekämpfung des Menschenhandels und für den Schutz der Betroffenen zu bündeln.
`,
    },
    en: {
      title: 'Member organisations',
      summary:
        'Most of the specialised counselling centres for people affected by human trafficking in Germany are members of the KOK, together with other organisations that work for the rights of migrant women*.',
      body: `Founded in 1999 by organisations working against human trafficking, the KOK today brings together {{member_count}} member organisations under its roof, three of them extraordinary members in Berlin, Switzerland and Italy. The KOK unites the majority of the specialised counselling centres for people affected by human trafficking in Germany, as well as other organisations that deal with human trafficking, labour exploitation and the rights of migrant women*:

- migrant women*'s organisations
- protected housing and women's shelters
- counselling centres for sex workers
- women's rights and human rights organisations
- welfare associations

For many years, all members of the KOK, with all their diversity, have succeeded in joining forces to combat human trafficking and to protect affected persons.
`,
    },
  },
  {
    slug: '/ueber-uns/geschaeftsstelle',
    navGroup: 'about',
    position: 4,
    de: {
      title: 'Die Geschäfts- und Koordinationsstelle',
      summary:
        'Die Geschäftsstelle des KOK in Berlin vertritt die Interessen der Mitgliedsorganisationen, bereitet Wissen auf, bietet Schulungen an und begleitet die Umsetzung internationaler Konventionen.',
      body: `Die Geschäftsstelle des KOK wurde im Dezember 1999 in Potsdam eingerichtet und ist im Dezember 2006 nach Berlin umgezogen. Sie wird zum großen Teil über Zuschüsse des Bundesministeriums für Familie, Senioren, Frauen und Jugend sowie über Mitgliedsbeiträge und Spenden finanziert.

## Hauptaufgaben der Geschäftsstelle

- die Interessensvertretung der Mitgliedsorganisationen, und damit der Praxis, auf Bundesebene, in internationalen Gremien und in der Politik
- Recherche und Informationsaufbereitung, Wissenstransfer und Öffentlichkeitsarbeit
- Schulungen, z. B. für Behörden (etwa BKA, BAMF, Bundespolizei), Fachkräfte und Zivilgesellschaft
- Beobachtung und Begleitung der Umsetzung von UN- oder Europaratskonventionen
- Auswertung einschlägiger Urteile in einer Rechtsprechungsdatenbank
- Erhebung und Auswertung von Daten zu Betroffenen in der Beratungspraxis
- Vermittlung von Referent*innen zu den Themen Menschenhandel und Ausbeutung

## Team

In der Geschäftsstelle arbeiten:

{{office_team}}

Darüber hinaus wird die Geschäftsstelle von Praktikant*innen unterstützt.
`,
    },
    en: {
      title: 'The coordination office',
      summary:
        "The KOK's office in Berlin represents the interests of the member organisations, prepares and shares knowledge, offers training and monitors the implementation of international conventions.",
      body: `The KOK's office was set up in Potsdam in December 1999 and moved to Berlin in December 2006. It is funded largely by grants from the Federal Ministry for Family Affairs, Senior Citizens, Women and Youth, and by membership fees and donations.

## Main tasks of the office

- representing the interests of the member organisations, and thus of practice, at federal level, in international bodies and in politics
- research and preparation of information, knowledge transfer and public relations
- training, e.g. for public authorities (such as the BKA, the BAMF and the Federal Police), professionals and civil society
- monitoring and following the implementation of UN and Council of Europe conventions
- analysing relevant court decisions in a case-law database
- collecting and analysing data on affected persons in counselling practice
- arranging speakers on human trafficking and exploitation

## Team

The office team:

{{office_team}}

The office is also supported by interns.
`,
    },
  },
  {
    slug: '/ueber-uns/vorstand',
    navGroup: 'about',
    position: 5,
    de: {
      title: 'Der Vorstand',
      summary:
        'Der ehrenamtliche Vorstand des KOK wird von der Mitgliederversammlung für zwei Jahre gewählt und vertritt den Verein in allen Belangen.',
      body: `Der Vorstand besteht aus mindestens drei und höchstens fünf Mitgliedern und wird für jeweils zwei Jahre durch die Mitgliederversammlung gewählt. Er vertritt den KOK gerichtlich und außergerichtlich in allen Belangen und ist ehrenamtlich tätig. Der Vorstand arbeitet eng mit der Geschäftsstelle des KOK zusammen und wird von ihr unterstützt.

## Mitglieder des Vorstands

Die aktuellen Mitglieder des Vorstands werden hier veröffentlicht, sobald sie eingetragen sind.
`,
    },
    en: {
      title: 'The board',
      summary:
        "The KOK's voluntary board is elected by the general assembly for two years and represents the association in all matters.",
      body: `The board consists of at least three and at most five members and is elected by the general assembly for a term of two years. It represents the KOK in and out of court in all matters and works on a voluntary basis. The board works closely with the KOK's office and is supported by it.

## Board members

The current members of the board will be published here as soon as they have been entered.
`,
    },
  },
  {
    slug: '/ueber-uns/fachberatungsstellen',
    navGroup: 'about',
    position: 6,
    de: {
      title: 'Die Arbeit der Fachberatungsstellen',
      summary:
        'Fachberatungsstellen beraten und unterstützen Betroffene von Menschenhandel – freiwillig, vertraulich und unabhängig vom Aufenthaltsstatus.',
      body: `Fachberatungsstellen für Betroffene von Menschenhandel (FBS) in Deutschland sind Nichtregierungsorganisationen, die Beratung und Unterstützung für die genannte Zielgruppe anbieten. Zusätzlich sichern sie den Rahmen für die Beratung durch koordinierende Tätigkeiten ab. Fachberatungsstellen, die zum Thema Menschenhandel arbeiten, gibt es in Deutschland seit den 1980er Jahren.

Aufgrund ihrer Entstehungsgeschichte haben viele der Fachberatungsstellen einen frauenspezifischen Fokus: Einige beraten nur Frauen, andere beraten auch Minderjährige und Männer, und einige prüfen, ob und in welcher Form sie ihre Angebote auch für weitere Betroffenengruppen öffnen können und wollen. Dies ist sowohl eine Frage der Ausrichtung der FBS als auch eine Frage von Ressourcen und Mandaten. In der öffentlichen Diskussion wird die Arbeit der im KOK zusammengeschlossenen FBS häufig auf den Bereich Menschenhandel zur sexuellen Ausbeutung reduziert. Dies ist allerdings eine falsche Zuordnung. Viele der im KOK zusammengeschlossenen Beratungsstellen arbeiten sowohl zu Menschenhandel zur sexuellen Ausbeutung als auch zu den Themen Arbeitsausbeutung und Menschenhandel zur Arbeitsausbeutung.

Die im KOK zusammengeschlossenen FBS arbeiten nach hohen Qualitätsstandards. Die Beratungsarbeit orientiert sich an den Interessen und Bedürfnissen der Klient*innen. Fachberatungsstellen assistieren ihren Klient*innen in der Wahrnehmung ihrer Rechte und stützen sie in der Förderung ihrer Selbstbestimmung und Stärke. **Die Beratung erfolgt auf freiwilliger Basis und unabhängig vom Aufenthaltsstatus.** Die Berater*innen unterliegen der Schweigepflicht und behandeln alle Angaben ihrer Klient*innen vertraulich.

## Beratung und Unterstützung

Je nach Konzept und personeller Ausstattung bieten die Einrichtungen in folgenden Bereichen Beratung und Unterstützung an:

- Krisenintervention und Erstgespräch, zum Teil auch aufsuchende Arbeit
- fortlaufende psychosoziale Beratung
- muttersprachliche Beratung oder Beratung mit Hilfe von Sprachmittler*innen
- Klärung aufenthalts- und sozialrechtlicher Fragen, Sicherung des Lebensunterhaltes
- Angebot und Vermittlung von Unterbringung, medizinischer Versorgung, Therapieangeboten, Bildungsmaßnahmen und Freizeitgestaltung
- Begleitung zu Behörden
- Begleitung im Ermittlungs- und Strafverfahren und vor Gericht
- Vermittlung eines*einer Rechtsanwält*in
- Unterstützung beim Aufbau von Lebensperspektiven
- Organisation und Unterstützung bei der Ausreise und Vermittlung von Hilfsangeboten in den Herkunftsländern

## Aufklärung und Sensibilisierung

Gleichzeitig leisten FBS Aufklärungs- und Sensibilisierungsarbeit, um Menschenhandel entgegenzuwirken: durch Kampagnen- und Advocacyarbeit, Fachveranstaltungen und Schulungen von Behördenmitarbeiter*innen.

Kontaktdaten und Standorte der Fachberatungsstellen finden Sie in der [Fachberatungsstellensuche](/fachberatungsstellen).
`,
    },
    en: {
      title: 'The work of the specialised counselling centres',
      summary:
        'Specialised counselling centres advise and support people affected by human trafficking – voluntarily, confidentially and regardless of residence status.',
      body: `Specialised counselling centres for people affected by human trafficking (Fachberatungsstellen, FBS) in Germany are non-governmental organisations that offer counselling and support to this target group. In addition, they secure the framework for counselling through coordinating activities. Specialised counselling centres working on human trafficking have existed in Germany since the 1980s.

Because of the way they came into being, many of the counselling centres have a women-specific focus: some counsel only women, others also counsel minors and men, and some are considering whether, and in what form, they can and want to open their services to further groups of affected persons. This is a question of each centre's orientation as well as of resources and mandates. In public debate, the work of the counselling centres in the KOK is often reduced to human trafficking for sexual exploitation. This, however, is a misconception. Many of the counselling centres in the KOK work on human trafficking for sexual exploitation as well as on labour exploitation and human trafficking for labour exploitation.

The counselling centres in the KOK work to high quality standards. Counselling is guided by the interests and needs of the clients. The counselling centres assist their clients in exercising their rights and support them in strengthening their self-determination and resilience. **Counselling is voluntary and independent of residence status.** The counsellors are bound by confidentiality and treat everything their clients tell them in confidence.

## Counselling and support

Depending on their approach and staffing, the centres offer counselling and support in the following areas:

- crisis intervention and initial consultation, in some cases also outreach work
- ongoing psychosocial counselling
- counselling in the client's native language or with the help of interpreters
- clarifying questions of residence and social law, securing a livelihood
- providing or arranging accommodation, medical care, therapy, education and leisure activities
- accompaniment to public authorities
- accompaniment during investigations and criminal proceedings and in court
- referral to a lawyer
- support in building new life perspectives
- organising and supporting departure and arranging support in the countries of origin

## Awareness raising

At the same time, the counselling centres carry out information and awareness-raising work to counter human trafficking: through campaigns and advocacy, specialist events and training for public authority staff.

Contact details and locations of the specialised counselling centres can be found in the [counselling centre search](/en/fachberatungsstellen).
`,
    },
  },
  {
    slug: '/kontakt',
    navGroup: 'about',
    position: 7,
    de: {
      title: 'Kontakt',
      summary: 'So erreichen Sie die Geschäftsstelle des KOK in Berlin: Anschrift, Telefon und E-Mail.',
      body: `## Geschäftsstelle

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin

- Telefon: [030 / 263 911 76](tel:+493026391176)
- E-Mail: [info@kok-buero.de](mailto:info@kok-buero.de)
- [KOK auf Bluesky](https://bsky.app/profile/kok-gegen-menschenhandel.de)

## Förderung

Gefördert vom Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ).
`,
    },
    en: {
      title: 'Contact',
      summary: "How to reach the KOK's office in Berlin: postal address, telephone and e-mail.",
      body: `## Office

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin\\
Germany

- Telephone: [+49 30 263 911 76](tel:+493026391176)
- E-mail: [info@kok-buero.de](mailto:info@kok-buero.de)
- [KOK on Bluesky](https://bsky.app/profile/kok-gegen-menschenhandel.de)

## Funding

Funded by the German Federal Ministry for Family Affairs, Senior Citizens, Women and Youth (BMFSFJ).
`,
    },
  },
  {
    slug: '/impressum',
    navGroup: 'footer',
    position: 1,
    de: {
      title: 'Impressum',
      summary: 'Anbieterkennzeichnung des KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.',
      body: `## Angaben gemäß § 5 DDG

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin

Vertreten durch den Vorstand.

## Kontakt

- Telefon: [030 / 263 911 76](tel:+493026391176)
- E-Mail: [info@kok-buero.de](mailto:info@kok-buero.de)

## Registereintrag

Eingetragen im Vereinsregister.\\
Registergericht: Amtsgericht Charlottenburg\\
Registernummer: wird von der Geschäftsstelle ergänzt.

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

Die Geschäftsführung, Anschrift wie oben.

## Haftung für Inhalte

Wir erstellen die Inhalte dieser Seiten mit großer Sorgfalt. Für die Richtigkeit, Vollständigkeit und Aktualität können wir jedoch keine Gewähr übernehmen. Die Informationen ersetzen keine Beratung im Einzelfall. Für die Inhalte von Seiten anderer Anbieter, auf die wir verweisen, sind ausschließlich deren Betreiber*innen verantwortlich.
`,
    },
    en: {
      title: 'Legal notice',
      summary:
        'Provider identification of the KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.',
      body: `## Information pursuant to § 5 DDG (German Digital Services Act)

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin\\
Germany

Represented by the board.

## Contact

- Telephone: [+49 30 263 911 76](tel:+493026391176)
- E-mail: [info@kok-buero.de](mailto:info@kok-buero.de)

## Register entry

Registered in the register of associations (Vereinsregister).\\
Register court: Amtsgericht Charlottenburg (Local Court of Charlottenburg, Berlin)\\
Register number: to be added by the office.

## Responsible for content pursuant to § 18 (2) MStV (German Interstate Media Treaty)

The executive management, address as above.

## Liability for content

We prepare the content of these pages with great care. However, we cannot guarantee that it is correct, complete and up to date. The information does not replace advice in individual cases. The operators of other providers' pages that we refer to are solely responsible for their content.
`,
    },
  },
  {
    slug: '/datenschutz',
    navGroup: 'footer',
    position: 2,
    de: {
      title: 'Datenschutzerklärung',
      summary:
        'Welche Daten diese Plattform verarbeitet und welche nicht: Die öffentlichen Seiten setzen keine Cookies und laden nichts von fremden Servern.',
      body: `Der Schutz Ihrer Daten ist uns wichtig, gerade weil sich viele Menschen in einer schwierigen Lage an uns und unsere Mitgliedsorganisationen wenden. Hier erklären wir, welche Daten diese Plattform verarbeitet, wozu, und welche Rechte Sie haben.

## Verantwortlich

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin

Vertreten durch den Vorstand.\\
Telefon: [030 / 263 911 76](tel:+493026391176)\\
E-Mail: [info@kok-buero.de](mailto:info@kok-buero.de)

## Das Wichtigste in Kürze

- Die öffentlichen Seiten setzen keine Cookies.
- Die Seiten laden nichts von anderen Servern: keine Schriftarten, keine Karten, keine Statistik- oder Analysewerkzeuge, kein Captcha.
- Ein Cookie wird nur gesetzt, wenn sich jemand mit einem Konto anmeldet.
- Wir verwenden Ihre Daten nicht für Werbung und erstellen keine Nutzungsprofile.

## Besuch der öffentlichen Seiten

Wenn Sie eine Seite aufrufen, übermittelt Ihr Browser technisch bedingt Daten an unseren Server, zum Beispiel Ihre IP-Adresse, die aufgerufene Adresse und Angaben zu Ihrem Browser. Diese Daten werden nur verwendet, um Ihnen die Seite auszuliefern. Die Plattform speichert in ihren Anwendungsprotokollen keine IP-Adressen von Besucher*innen.

Schriften, Bilder, Karten und alle anderen Bestandteile der Seiten kommen von unserem eigenen Server. Es werden keine Inhalte von anderen Anbietern nachgeladen, und es findet keine Reichweitenmessung statt. Andere Anbieter erfahren durch Ihren Besuch auf unseren Seiten also nichts über Sie.

Rechtsgrundlage ist unser berechtigtes Interesse, die Seiten sicher und funktionsfähig bereitzustellen (Art. 6 Abs. 1 lit. f DSGVO).

## Cookies

Die öffentlichen Seiten setzen keine Cookies. Erst wenn Sie sich mit einem Konto anmelden, wird ein einziges Cookie mit dem Namen „kok_session“ gesetzt. Es ist technisch notwendig, damit Sie angemeldet bleiben, während Sie die Plattform nutzen. Es ist als HttpOnly gekennzeichnet und kann daher nicht von Skripten auf der Seite gelesen werden. Die Sitzung endet, wenn Sie sich abmelden oder eine Zeit lang nicht aktiv waren; das Cookie wird dann gelöscht bzw. ungültig.

Weil dieses Cookie für die von Ihnen gewünschte Anmeldung unbedingt erforderlich ist, braucht es keine Einwilligung (§ 25 Abs. 2 Nr. 2 TDDDG; Art. 6 Abs. 1 lit. b und f DSGVO). Deshalb gibt es auf dieser Plattform auch kein Cookie-Banner.

## Konten für Mitgliedsorganisationen und Geschäftsstelle

Konten werden nur auf Einladung angelegt, zum Beispiel für Mitarbeiter*innen der Mitgliedsorganisationen, den Vorstand und die Geschäftsstelle. Zu einem Konto speichern wir:

- Name und E-Mail-Adresse
- Rolle und Organisation, zu der das Konto gehört
- das Passwort, und zwar nur als Hash: Das Passwort selbst kann daraus nicht gelesen werden, auch nicht von uns
- bei Zwei-Faktor-Authentifizierung das dafür nötige Geheimnis, mit dem die Einmal-Codes geprüft werden

Diese Daten brauchen wir, um Ihnen Zugang zu gewähren und festzulegen, was Sie auf der Plattform tun dürfen. Sie werden gespeichert, solange das Konto besteht. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO (Zusammenarbeit im Netzwerk) sowie unser berechtigtes Interesse an einem sicheren Zugang (Art. 6 Abs. 1 lit. f DSGVO).

## Änderungsprotokoll

Aus Sicherheitsgründen hält die Plattform in einem Protokoll fest, wer wann was geändert hat und von welcher IP-Adresse aus. Dasselbe gilt für andere sicherheitsrelevante Vorgänge, etwa Exporte. Die Einträge sind so gesichert, dass nachträgliche Veränderungen erkennbar wären. Das Protokoll dient dazu, Missbrauch zu verhindern und aufzuklären und die Sicherheit der Daten zu gewährleisten (Art. 6 Abs. 1 lit. f und Art. 32 DSGVO). Wie lange die Einträge aufbewahrt werden, legt der Verein fest; sie werden nicht länger gespeichert, als es für diese Zwecke erforderlich ist.

## E-Mails der Plattform

Die Plattform verschickt E-Mails nur, wenn es für die Nutzung nötig ist, zum Beispiel Einladungen zu einem Konto und Links zum Zurücksetzen des Passworts. Dafür verwenden wir Ihre E-Mail-Adresse und, wo nötig, Ihren Namen. Werbung verschicken wir nicht.

## Wenn Sie uns schreiben

Wenn Sie uns eine E-Mail schicken, verwenden wir Ihre Angaben nur, um Ihr Anliegen zu bearbeiten. Wir löschen sie, wenn sie dafür nicht mehr gebraucht werden, soweit keine gesetzlichen Aufbewahrungspflichten bestehen.

## Der Knopf „Seite schnell verlassen“

Auf jeder öffentlichen Seite gibt es den Knopf „Seite schnell verlassen“. Er ist für Menschen gedacht, die nicht möchten, dass jemand in ihrer Nähe sieht, dass sie diese Seiten lesen. Ein Klick auf den Knopf oder ein Druck auf die Escape-Taste ersetzt die aktuelle Seite sofort durch eine neutrale Seite. Dabei wird auch der aktuelle Eintrag im Browserverlauf ersetzt, sodass man mit der Zurück-Taste nicht auf unsere Seite zurückkommt. Dabei werden keine Daten an uns übermittelt oder gespeichert.

Bitte beachten Sie: Frühere Einträge im Browserverlauf bleiben erhalten. Wenn Sie sicherer sein möchten, nutzen Sie ein privates Browserfenster oder löschen Sie danach Ihren Verlauf.

## Ihre Rechte

Sie haben nach der Datenschutz-Grundverordnung das Recht auf:

- Auskunft über die zu Ihnen gespeicherten Daten (Art. 15 DSGVO)
- Berichtigung unrichtiger Daten (Art. 16 DSGVO)
- Löschung (Art. 17 DSGVO)
- Einschränkung der Verarbeitung (Art. 18 DSGVO)
- Datenübertragbarkeit (Art. 20 DSGVO)
- Widerspruch gegen die Verarbeitung, soweit sie auf unserem berechtigten Interesse beruht (Art. 21 DSGVO)

Haben wir Daten berichtigt, gelöscht oder ihre Verarbeitung eingeschränkt, teilen wir das auch denen mit, an die wir die Daten weitergegeben haben (Art. 19 DSGVO). Um Ihre Rechte geltend zu machen, wenden Sie sich einfach an die oben genannte Anschrift oder an [info@kok-buero.de](mailto:info@kok-buero.de).

## Beschwerderecht

Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO). Für uns zuständig ist die Berliner Beauftragte für Datenschutz und Informationsfreiheit.
`,
    },
    en: {
      title: 'Privacy policy',
      summary:
        'What data this platform processes and what it does not: the public pages set no cookies and load nothing from other servers.',
      body: `Protecting your data matters to us, not least because many people turn to us and our member organisations in difficult situations. Here we explain what data this platform processes, for what purpose, and what rights you have.

## Controller

**KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.**\\
Lützowstr. 102-104\\
Hof 1, Aufgang A\\
10785 Berlin\\
Germany

Represented by the board.\\
Telephone: [+49 30 263 911 76](tel:+493026391176)\\
E-mail: [info@kok-buero.de](mailto:info@kok-buero.de)

## In brief

- The public pages set no cookies.
- They load nothing from other servers: no fonts, no maps, no statistics or analytics tools, no captcha.
- A cookie is set only when someone logs in with an account.
- We do not use your data for advertising and do not create usage profiles.

## Visiting the public pages

When you open a page, your browser technically has to send certain data to our server, for example your IP address, the address of the page and information about your browser. This data is used only to deliver the page to you. The platform does not store visitors' IP addresses in its application logs.

Fonts, images, maps and all other parts of the pages come from our own server. No content is loaded from other providers, and no audience measurement takes place. Other providers therefore learn nothing about you from your visit to our pages.

The legal basis is our legitimate interest in providing the pages securely and reliably (Art. 6(1)(f) GDPR).

## Cookies

The public pages set no cookies. Only when you log in with an account is a single cookie named “kok_session” set. It is technically necessary to keep you logged in while you use the platform. It is marked HttpOnly, so scripts on the page cannot read it. The session ends when you log out or after a period of inactivity; the cookie is then deleted or becomes invalid.

Because this cookie is strictly necessary for the login you have asked for, no consent is required (§ 25(2) no. 2 TDDDG, the German Telecommunications Digital Services Data Protection Act; Art. 6(1)(b) and (f) GDPR). This is why there is no cookie banner on this platform.

## Accounts for member organisations and the office

Accounts are created by invitation only, for example for staff of the member organisations, the board and the office. For each account we store:

- name and e-mail address
- role and the organisation the account belongs to
- the password, but only as a hash: the password itself cannot be read from it, not even by us
- where two-factor authentication is used, the secret needed to check the one-time codes

We need this data to give you access and to determine what you may do on the platform. It is kept for as long as the account exists. The legal basis is Art. 6(1)(b) GDPR (cooperation within the network) and our legitimate interest in secure access (Art. 6(1)(f) GDPR).

## Audit log

For security reasons, the platform records in a log who changed what, when, and from which IP address. The same applies to other security-relevant actions, such as exports. The entries are secured in such a way that any later alteration would be detectable. The log serves to prevent and investigate misuse and to keep the data secure (Art. 6(1)(f) and Art. 32 GDPR). The association decides how long the entries are kept; they are not stored for longer than these purposes require.

## E-mails sent by the platform

The platform sends e-mails only where this is necessary for its use, for example invitations to an account and links to reset a password. For this we use your e-mail address and, where needed, your name. We do not send advertising.

## When you write to us

If you send us an e-mail, we use your details only to deal with your enquiry. We delete them once they are no longer needed for this, unless we are legally required to keep them.

## The “Leave this page quickly” button

Every public page has a button labelled “Seite schnell verlassen” (leave this page quickly). It is meant for people who do not want anyone nearby to see that they are reading these pages. Clicking the button or pressing the Escape key immediately replaces the current page with a neutral page. The current entry in your browser history is replaced as well, so the back button does not lead back to our page. No data is sent to us or stored in the process.

Please note: earlier entries in your browser history remain. If you want to be safer, use a private browser window or clear your history afterwards.

## Your rights

Under the General Data Protection Regulation you have the right to:

- access the data stored about you (Art. 15 GDPR)
- have incorrect data rectified (Art. 16 GDPR)
- erasure (Art. 17 GDPR)
- restriction of processing (Art. 18 GDPR)
- data portability (Art. 20 GDPR)
- object to processing that is based on our legitimate interest (Art. 21 GDPR)

If we have rectified or erased data or restricted its processing, we also inform those to whom we have disclosed the data (Art. 19 GDPR). To exercise your rights, simply contact us at the address above or at [info@kok-buero.de](mailto:info@kok-buero.de).

## Right to lodge a complaint

You can also lodge a complaint with a data protection supervisory authority (Art. 77 GDPR). The authority responsible for us is the Berlin Commissioner for Data Protection and Freedom of Information (Berliner Beauftragte für Datenschutz und Informationsfreiheit).
`,
    },
  },
];

/** The office team as the seed names it; from the first start on it is data the office keeps (office_team). */
export const seedOfficeTeam = [
  { name: 'Sophia Wirsching', role_de: 'Geschäftsführerin', role_en: 'Executive Director' },
  { name: 'Sarah Schwarze', role_de: 'Referentin', role_en: 'Policy Officer' },
  { name: 'Sophia Härtel', role_de: 'Referentin', role_en: 'Policy Officer' },
  {
    name: 'Severine Klie',
    role_de: 'Assistentin der Geschäftsführung',
    role_en: 'Assistant to the Executive Director',
  },
  {
    name: 'Larissa Hilt',
    role_de: 'Projektreferentin Flucht & Menschenhandel',
    role_en: 'Project Officer Flight & Human Trafficking',
  },
  {
    name: 'Nadine Rosenkranz',
    role_de: 'Referentin Öffentlichkeitsarbeit',
    role_en: 'Public Relations Officer',
  },
  { name: 'Genia Ritzel', role_de: 'Verwaltungsfachkraft', role_en: 'Administrative Officer' },
];
