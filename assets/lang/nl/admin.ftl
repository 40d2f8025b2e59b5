# The admin console's own words: its header and navigation, the dashboard, the
# directory (domains, users, one user, adding one), the monitor and one
# message's story, the report, the audit, the settings, the admin's
# preferences, sign-in, and the confirmation and one-time password pages.
# Ids: admin-.
# Words the code hands over come from other files and are not here: notes and
# errors (console-note-*, note-*), confirmation titles and texts
# (console-confirm-*), status names (status-*), audit kinds (audit-kind-*),
# restrictions (restriction-*), event descriptions (event-*), ages and sizes
# (age-*, size-*). Dates, addresses, setting names and values, rule names and
# commands (cloister …) stay as they are.
# Plurals: give each variant your language's form.
# Markup: <strong>, </strong>, <code>, </code> in a text are shown as bold and
# as code; keep them around the same words. No other tag works.

## Shared by several admin pages

# Link and button that open the form to add an account (directory, users,
# the form's own title and button).
admin-add-user = Gebruiker toevoegen
# Back link from a domain's users and from "Add user" to the domain list.
admin-back-directory = ← Adreslijst

## _admin.html (header and navigation of every admin page)

# After the organisation's name in the header: "Example Corp admin console".
admin-brand-tagline = beheerconsole
# The button that opens the navigation on phones.
admin-menu = Menu
# Name of the navigation, read by screen readers.
admin-nav-label = Beheer
admin-nav-dashboard = Dashboard
admin-nav-directory = Adreslijst
admin-nav-monitor = Monitor
admin-nav-report = Rapport
admin-nav-audit = Audit
admin-nav-settings = Instellingen
# The search field in the header (label read by screen readers, then placeholder).
admin-find-user-label = Gebruiker zoeken in alle domeinen
admin-find-user-placeholder = Gebruiker zoeken
# Tooltip of the admin's name in the header, a link to their preferences.
admin-preferences-link-title = Uw voorkeuren
admin-sign-out = Afmelden

## _admin_fields.html (the date range of the monitor, the report and the audit)

# Labels of the two day fields; the date format follows in brackets, e.g. "From (DD/MM/YYYY)".
admin-fields-from = Van
admin-fields-to = Tot en met

## admin_dashboard.html

# Page title (also read by screen readers as the heading).
admin-dashboard-title = Dashboard
admin-dashboard-traffic = Beveiligde berichten
# Column headings of the traffic table.
admin-dashboard-today = Vandaag
admin-dashboard-week = Afgelopen 7 dagen
# Row headings of the traffic table.
admin-dashboard-sent-by-us = Door ons verzonden
admin-dashboard-from-partners = Antwoorden en berichten van partners
admin-dashboard-by-status = Afgelopen 7 dagen per status
# A count and a status name (translated elsewhere), e.g. "3 Read".
admin-dashboard-status-count = <strong>{ $count }</strong> { $status }
admin-dashboard-outbox = Uitgaande wachtrij
admin-dashboard-pending = { $count ->
        [one] <strong>{ $count }</strong> wacht op verzending
       *[other] <strong>{ $count }</strong> wachten op verzending
    }
# Follows admin-dashboard-pending when mail waits; the age of the oldest
# ("3 days", "5 minutes") comes after it.
admin-dashboard-oldest = ; de oudste wacht al
admin-dashboard-dead = { $count ->
        [one] <strong>{ $count }</strong> onbestelbaar
       *[other] <strong>{ $count }</strong> onbestelbaar
    }
admin-dashboard-stuck = Er is achterstallige e-mail: controleer de relayserver (het logboek vermeldt waarom het mislukt).
admin-dashboard-sign-ins = Aanmeldingen, afgelopen 24 uur
# $plus is "+" when only the last events were counted (the count is then the least there were), else empty.
admin-dashboard-failed-portal = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> mislukte portaalaanmelding
       *[other] <strong>{ $count }{ $plus }</strong> mislukte portaalaanmeldingen
    }
admin-dashboard-failed-admin = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> mislukte beheerdersaanmelding
       *[other] <strong>{ $count }{ $plus }</strong> mislukte beheerdersaanmeldingen
    }
admin-dashboard-lockouts = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> blokkering
       *[other] <strong>{ $count }{ $plus }</strong> blokkeringen
    }
# $cap: how many of the latest events were counted.
admin-dashboard-capped = { $cap ->
        [one] Alleen de laatste gebeurtenis is geteld; er waren er meer.
       *[other] Alleen de laatste { $cap } gebeurtenissen zijn geteld; er waren er meer.
    }
admin-dashboard-appliance = Deze appliance
admin-dashboard-certificate = Certificaat
# The TLS certificate; $date: when it expires.
admin-dashboard-cert-valid = geldig tot { $date }
# After admin-dashboard-cert-valid; $left: the time left ("40 days").
admin-dashboard-cert-left = (nog { $left })
admin-dashboard-cert-unreadable = onleesbaar
# The encrypted store of messages; its size follows.
admin-dashboard-vault = Kluis
# Disk space; $free and $total are sizes ("12 GB").
admin-dashboard-disk-free = { $free } vrij van { $total }
admin-dashboard-version = Versie
admin-dashboard-running = Actief
# After the uptime ("3 days"); $date: when Cloister started.
admin-dashboard-since = (sinds { $date })
# $algorithm: the key type, e.g. RSA or ED25519.
admin-dashboard-dkim-hint = Meldingen worden ondertekend (sleuteltype { $algorithm }). Publiceer dit TXT-record, zodat ontvangers de handtekening kunnen controleren:

## admin_domains.html

admin-directory-title = Adreslijst
# “Add user” names the button admin-add-user; cloister user add is a command.
admin-directory-hint = Elk domein waarvoor beveiligde e-mail is vastgehouden, met de gebruikers ervan. Accounts worden aangemaakt wanneer een beveiligd bericht voor het eerst een adres bereikt (of door een beheerder met ‘Gebruiker toevoegen’, of met <code>cloister user add</code>).
# Label (read by screen readers) and placeholder of the search field.
admin-directory-find = Domein zoeken
admin-directory-find-button = Zoeken
# Table caption, read by screen readers.
admin-directory-caption = Domeinen
# Column headings and cell labels.
admin-directory-col-domain = Domein
admin-directory-col-users = Gebruikers
admin-directory-col-denied = Aanmelden geweigerd
admin-directory-col-held = Vastgehouden berichten
admin-directory-col-last = Laatst vastgehouden
admin-directory-col-kind = Soort
# The kind of a domain: its users sign in with mailed codes (internal) or are partners (external).
admin-directory-internal = intern
admin-directory-external = extern
# The page links (label of the group, then the links).
admin-directory-pages = Pagina's
admin-directory-first = « Eerste
admin-directory-next = Volgende →
# $found: what the admin searched for.
admin-directory-none-match = Geen domein gevonden voor ‘{ $found }’.
admin-directory-none = Nog geen domeinen.

## admin_users.html

# Page title and table caption when the users of every domain are listed.
admin-users-title = Gebruikers
# Heading and table caption; $domain: a domain name.
admin-users-of = Gebruikers van { $domain }
admin-users-of-every = Gebruikers van alle domeinen
# Label (read by screen readers) and placeholder of the search field.
admin-users-find = Gebruiker zoeken
admin-users-find-button = Zoeken
# Column headings and cell labels.
admin-users-col-address = Adres
admin-users-col-last = Laatste aanmelding
admin-users-col-state = Status
# A user who never signed in.
admin-users-never = nooit
# What the State column lists (several may show, one after the other).
admin-users-logon-denied = aanmelden geweigerd
admin-users-sending-denied = verzenden geweigerd
admin-users-locked = geblokkeerd
admin-users-must-change = moet wachtwoord wijzigen
# $max: how many users the list shows at most.
admin-users-only-first = { $max ->
        [one] Alleen de eerste wordt getoond; verfijn de zoekopdracht.
       *[other] Alleen de eerste { $max } worden getoond; verfijn de zoekopdracht.
    }
# $q: what the admin searched for.
admin-users-none-match = Geen gebruikers gevonden voor ‘{ $q }’.
admin-users-none = Geen gebruikers.

## admin_user.html (one user; the page title and heading are the address)

admin-user-kind = Soort
admin-user-internal = intern (meldt zich aan met gemailde codes)
admin-user-internal-org = intern (meldt zich aan met het account van de organisatie)
admin-user-password-ldap = Het wachtwoord is het directorywachtwoord van de organisatie: het wordt daar ingesteld en hersteld, niet hier.
admin-user-password-oidc = Deze persoon meldt zich aan bij { $name }: het wachtwoord wordt daar ingesteld en hersteld, niet hier.
admin-user-external = extern
admin-user-created = Aangemaakt
# Row heading, section heading and label of the new password field.
admin-user-password = Wachtwoord
# The password's state.
admin-user-password-set = ingesteld
admin-user-password-none = nog geen
# Added after the password's state (hence the leading "; ").
admin-user-must-change = ; moet bij volgende aanmelding worden gewijzigd
admin-user-logon = Aanmelden
# State of logon and of sending.
admin-user-allowed = toegestaan
admin-user-denied = geweigerd
# Added after the logon state (hence the leading "; ").
admin-user-locked = ; geblokkeerd na mislukte aanmeldingen
admin-user-sending = Verzenden
admin-user-two-step = Tweestapsverificatie
admin-user-two-step-on = ingesteld
admin-user-two-step-off = niet ingesteld
admin-user-directory = Aanmelden via de organisatie
admin-user-signs-in = Meldt zich aan met
admin-user-via-ldap = het directorywachtwoord van de organisatie (LDAP)
admin-user-via-oidc = { $name } (OpenID Connect)
admin-user-entry = Directoryvermelding
admin-user-entry-none = nog niet op deze manier aangemeld
admin-user-groups = Groepen
admin-user-groups-none = geen
admin-user-as-of = Per
admin-user-secure = Beveiligd verzenden
admin-user-secure-policy = bepaald door policy.secure_mode_senders
admin-user-secure-by-ldap = toegestaan: via LDAP-groep { $group }
admin-user-secure-by-oidc = toegestaan: via { $name }-groep { $group }
admin-user-secure-not = niet toegestaan: in geen van de groepen voor beveiligd verzenden
admin-user-confirm-password = Wachtwoord bevestigen
# The tick box under the password fields.
admin-user-force-tick = Wijziging afdwingen bij volgende aanmelding
admin-user-set-password = Dit wachtwoord instellen
# These two ask for a confirmation first (hence the "…").
admin-user-reset-mail = Maken en mailen…
admin-user-reset-show = Maken en aan mij tonen…
admin-user-password-hint = Typ twee keer een wachtwoord en stel het in, of laat de velden leeg en laat Cloister er een maken. Het vinkje geldt voor alle drie.
# Name of a group of buttons, read by screen readers.
admin-user-password-change = Wachtwoordwijziging
admin-user-force-change = Wachtwoordwijziging afdwingen bij volgende aanmelding
# Section heading and name of its group of buttons.
admin-user-access = Toegang
admin-user-deny-logon = Aanmelden weigeren
admin-user-allow-logon = Aanmelden toestaan
admin-user-deny-sending = Verzenden weigeren
admin-user-allow-sending = Verzenden toestaan
admin-user-unlock = Aanmelding deblokkeren
admin-user-sign-ins = Laatste aanmeldingen
admin-user-sign-ins-caption = Laatste aanmeldingen, nieuwste eerst
admin-user-col-when = Wanneer
admin-user-col-what = Wat
admin-user-no-sign-ins = Nog geen aanmeldingen.
admin-user-delete = Verwijderen
# Asks for a confirmation first (hence the "…").
admin-user-delete-account = Account verwijderen…
admin-user-delete-hint = Vraagt eerst om bevestiging. De postvakitems verdwijnen; de audit- en berichtlogboeken blijven bewaard.

## admin_user_new.html (title, heading and button: admin-add-user)

admin-new-user-address = E-mailadres
# $domains: the internal domains, comma-separated.
admin-new-user-internal-domains = Adressen in { $domains } worden interne gebruikers, die zich aanmelden met een code die op verzoek wordt gemaild. Elk ander adres is een externe partner.
admin-new-user-no-internal-domains = Elk adres is een externe partner (er zijn geen interne domeinen ingesteld).
admin-new-user-mail = Nu een eenmalig wachtwoord mailen (de eerste-contactmail)
# “Forgot password?” is the link on the portal's sign-in page: use its words there.
admin-new-user-mail-hint = Zonder dit wordt er niets gemaild: stel op de volgende pagina een wachtwoord in, of de gebruiker vraagt er een aan met ‘Wachtwoord vergeten?’.

## admin_confirm.html (an action that takes something away asks first)

# Page title and heading; $title: the action ("Deny logon", from console-confirm-*-title).
admin-confirm-question = { $title }?
# The account; the consequence (console-confirm-*) follows.
admin-confirm-for = Voor <strong>{ $address }</strong>.
admin-confirm-cancel = Annuleren

## admin_password.html (a one-time password shown once)

admin-password-title = Nieuw wachtwoord
admin-password-heading = Nieuw eenmalig wachtwoord
admin-password-for = Voor <strong>{ $address }</strong>. Het wordt alleen nu getoond; geef het via een veilig kanaal door.
# One of these two follows admin-password-for.
admin-password-must-change = De gebruiker moet bij de volgende aanmelding een eigen wachtwoord kiezen.
admin-password-may-keep = De gebruiker mag het houden.
admin-password-back = Terug naar de gebruiker

## admin_monitor.html

# Page title, then heading.
admin-monitor-title = Monitor
admin-monitor-heading = Monitor voor beveiligde berichten
admin-monitor-indexing = Berichten van vóór deze versie worden nog geïndexeerd: de aantallen en lijsten tonen wat tot nu toe klaar is.
admin-monitor-words = Adres of woorden uit het onderwerp
# Legend of the status tick boxes, and name of the status tabs (read by screen readers).
admin-monitor-status = Status
admin-monitor-apply = Toepassen
admin-monitor-capped = Er komen meer berichten overeen dan er zijn geteld: de aantallen zijn minimumaantallen. Voeg woorden of datums toe om de zoekopdracht te verfijnen.
# Table caption, read by screen readers.
admin-monitor-caption = Beveiligde berichten, nieuwste eerst
# Column headings and cell labels of the message list.
admin-monitor-col-received = Ontvangen
admin-monitor-col-sender = Afzender
admin-monitor-col-recipients = Beveiligde ontvangers
# The policy rules that held the message (their names stay as configured).
admin-monitor-col-policy = Beleid
admin-monitor-col-subject = Onderwerp
admin-monitor-col-status = Status
# After the status of a message whose expiry was extended.
admin-monitor-extended = (verlengd)
# The page links (label of the group, then the links).
admin-monitor-pages = Pagina's
admin-monitor-newest = « Nieuwste
admin-monitor-newer = ← Nieuwer
admin-monitor-older = Ouder →
admin-monitor-oldest = Oudste »
admin-monitor-empty = Geen berichten gevonden.
admin-monitor-outbox = Uitgaande wachtrij
# Mail Cloister still has to send. $count: how many; $age: how long the oldest has waited ("3 days").
admin-monitor-waiting = { $count ->
        [one] <strong>{ $count }</strong> wacht op verzending.
       *[other] <strong>{ $count }</strong> wachten op verzending.
    }
admin-monitor-waiting-oldest = { $count ->
        [one] <strong>{ $count }</strong> wacht op verzending, al { $age }.
       *[other] <strong>{ $count }</strong> wachten op verzending, de oudste al { $age }.
    }
admin-monitor-overdue = Sommige zijn achterstallig: het logboek vermeldt waarom de relayserver ze weigert.
# Outbox rows Cloister gave up on.
admin-monitor-dead = Onbestelbaar
# $row: the outbox row's number.
admin-monitor-retried = Wachtrij-item { $row } staat weer in de wachtrij.
admin-monitor-dead-caption = Opgegeven items van de uitgaande wachtrij
# Column headings and cell labels of the dead-lettered rows.
admin-monitor-col-row = Item
admin-monitor-col-kind = Soort
admin-monitor-col-to = Aan
admin-monitor-col-reply = Laatste antwoord
# $error: the mail server's last reply (as it sent it); $attempts: how many times Cloister tried.
admin-monitor-reply = { $attempts ->
        [one] { $error } ({ $attempts } poging)
       *[other] { $error } ({ $attempts } pogingen)
    }
# Button (and its column's heading, read by screen readers).
admin-monitor-retry = Opnieuw proberen
# $shown: rows listed; $total: rows dead-lettered. The command stays as it is.
admin-monitor-dead-more = { $shown ->
        [one] Het nieuwste van { $total } wordt getoond; <code>cloister outbox list --status dead</code> toont ze allemaal.
       *[other] De nieuwste { $shown } van { $total } worden getoond; <code>cloister outbox list --status dead</code> toont ze allemaal.
    }
admin-monitor-dead-none = Er zijn geen onbestelbare items.
# Button that closes a message's story shown over the list (read by screen readers).
admin-monitor-close = Sluiten

## admin_message.html (one message's story)

# Page title; $queue_id: the message's queue id (hexadecimal).
admin-message-title = Bericht { $queue_id }
admin-message-back = ← Monitor
# Heading; the message's status follows.
admin-message-heading = Bericht { $queue_id }:
admin-message-sender = Afzender
admin-message-subject = Onderwerp
admin-message-received = Ontvangen
# $date: when; $client: the address of the server that handed the message over.
admin-message-received-from = { $date } van { $client }
admin-message-expires = Verloopt
# After the expiry date.
admin-message-extended-on = (verlengd op { $date })
admin-message-recalled = Ingetrokken
admin-message-size = Grootte
admin-message-bytes = { $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }
admin-message-restriction = Beperking
# $restriction: "none", "no print"… (translated elsewhere).
admin-message-receipt-asked = { $restriction }; leesbevestiging gevraagd
admin-message-receipt-not-asked = { $restriction }; geen leesbevestiging gevraagd
admin-message-recipients = Ontvangers
admin-message-recipients-caption = Ontvangers met beslissing en status
# Column headings and cell labels.
admin-message-col-address = Adres
# The policy's decision and the rule that made it, e.g. "vault (keyword:[secure])"; both stay as they are.
admin-message-col-decision = Beslissing (regel)
admin-message-col-state = Status
# Added after a recipient's state (hence the leading ", "); $date: when they first read it.
admin-message-read-at = , gelezen { $date }
admin-message-revoked = , toegang ingetrokken
admin-message-outbox = Uitgaande wachtrij
admin-message-outbox-caption = E-mail voor dit bericht die nog in de wachtrij staat of onbestelbaar is
admin-message-col-row = Item
admin-message-col-kind = Soort
admin-message-col-to = Aan
# An outbox row's state ("pending", "dead": stays as it is), how many times it was
# tried, and the last error.
admin-message-outbox-state = { $attempts ->
        [one] { $state } na { $attempts } poging
       *[other] { $state } na { $attempts } pogingen
    }
admin-message-outbox-state-error = { $attempts ->
        [one] { $state } na { $attempts } poging: { $error }
       *[other] { $state } na { $attempts } pogingen: { $error }
    }
admin-message-events = Gebeurtenislogboek

## admin_report.html

admin-report-title = Rapport
admin-report-heading = Beveiligde berichten per dag
admin-report-show = Tonen
admin-report-csv = CSV downloaden
# $total, $outbound, $inbound: counts; $from, $to: the first and last day.
admin-report-total = { $total ->
        [one] { $total } beveiligd bericht
       *[other] { $total } beveiligde berichten
    } van { $from } tot en met { $to } (UTC): { $outbound } uitgaand, { $inbound ->
        [one] { $inbound } inkomend antwoord
       *[other] { $inbound } inkomende antwoorden
    }.
admin-report-caption = Berichten per dag, nieuwste eerst
# Column headings and cell labels.
admin-report-col-day = Dag
admin-report-col-outbound = Uitgaand
admin-report-col-inbound = Inkomend
admin-report-col-total = Totaal

## admin_audit.html

admin-audit-title = Audit
# Label of the list of event kinds; its first choice is admin-audit-kind-all.
admin-audit-kind = Soort
admin-audit-kind-all = Alles
admin-audit-words = Adres of woorden
admin-audit-filter = Filteren
admin-audit-export = CSV exporteren
admin-audit-caption = Auditgebeurtenissen, nieuwste eerst
# Column headings and cell labels.
admin-audit-col-when = Wanneer (UTC)
admin-audit-col-kind = Soort
admin-audit-col-who = Wie
admin-audit-col-what = Wat
# $shown: how many events the page shows at most.
admin-audit-full = { $shown ->
        [one] Alleen de nieuwste wordt getoond; verfijn het filter of exporteer de CSV voor meer.
       *[other] De nieuwste { $shown } worden getoond; verfijn het filter of exporteer de CSV voor meer.
    }
admin-audit-empty = Geen gebeurtenissen gevonden.

## admin_settings.html

admin-settings-title = Instellingen
admin-settings-heading = Geldende instellingen
admin-settings-read-only = Alleen-lezen.
# The configuration file's path follows, then a full stop.
admin-settings-file = Alle instellingen staan in één bestand:
admin-settings-no-file = Alle instellingen staan in één bestand: er is er geen in gebruik (ingebouwde standaardwaarden; <code>cloister init</code> maakt er een aan).
admin-settings-edit = Bewerk het en start Cloister opnieuw; <code>cloister check-config</code> toont dezelfde lijst en controleert eerst het bestand.
admin-settings-caption = Alle instellingen met hun waarde en bron
# Column headings and cell labels: the setting's name, its value, where it was set.
admin-settings-col-setting = Instelling
admin-settings-col-value = Waarde
admin-settings-col-from = Bron

## admin_preferences.html (its date and time zone fields have their own messages: dates-*, zone-*)

admin-prefs-title = Uw voorkeuren
# The current time in the chosen format follows, then a full stop.
admin-prefs-dates-shown = Datums in de beheerconsole zien er voor u zo uit:
admin-prefs-utc = Datumfilters en het rapport tellen hele UTC-dagen; CSV-bestanden blijven in UTC.
admin-prefs-save = Opslaan

## admin_login.html

admin-login-title = Aanmelden als beheerder
admin-login-name = Beheerdersnaam
admin-login-password = Wachtwoord
# The six-digit code of an authenticator app; the second when it may be left empty.
admin-login-code = Authenticatorcode
admin-login-code-optional = Authenticatorcode (indien ingesteld)
admin-login-submit = Aanmelden
# The command stays as it is (NAME stands for the new admin's name).
admin-login-hint = Beheerders worden op de appliance aangemaakt met <code>cloister admin add NAME</code>.
admin-login-passkey-only = Deze console accepteert alleen passkeys. Een beheerder die er nog geen heeft, meldt zich één keer aan met wachtwoord en code om er een toe te voegen.

admin-nav-passkeys = Passkeys
admin-user-passkeys = Passkeys
admin-user-no-passkeys = Geen passkeys.
