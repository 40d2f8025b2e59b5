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
admin-add-user = Benutzer hinzufügen
# Back link from a domain's users and from "Add user" to the domain list.
admin-back-directory = ← Verzeichnis

## _admin.html (header and navigation of every admin page)

# After the organisation's name in the header: "Example Corp admin console".
admin-brand-tagline = Admin-Konsole
# The button that opens the navigation on phones.
admin-menu = Menü
# Name of the navigation, read by screen readers.
admin-nav-label = Admin
admin-nav-dashboard = Dashboard
admin-nav-directory = Verzeichnis
admin-nav-monitor = Monitor
admin-nav-report = Bericht
admin-nav-audit = Audit
admin-nav-settings = Einstellungen
# The search field in the header (label read by screen readers, then placeholder).
admin-find-user-label = Benutzer in allen Domains suchen
admin-find-user-placeholder = Benutzer suchen
# Tooltip of the admin's name in the header, a link to their preferences.
admin-preferences-link-title = Ihre Einstellungen
admin-sign-out = Abmelden

## _admin_fields.html (the date range of the monitor, the report and the audit)

# Labels of the two day fields; the date format follows in brackets, e.g. "From (DD/MM/YYYY)".
admin-fields-from = Von
admin-fields-to = Bis

## admin_dashboard.html

# Page title (also read by screen readers as the heading).
admin-dashboard-title = Dashboard
admin-dashboard-traffic = Sichere Nachrichten
# Column headings of the traffic table.
admin-dashboard-today = Heute
admin-dashboard-week = Letzte 7 Tage
# Row headings of the traffic table.
admin-dashboard-sent-by-us = Von uns gesendet
admin-dashboard-from-partners = Antworten und Nachrichten von Partnern
admin-dashboard-by-status = Letzte 7 Tage nach Status
# A count and a status name (translated elsewhere), e.g. "3 Read".
admin-dashboard-status-count = <strong>{ $count }</strong> { $status }
admin-dashboard-outbox = Postausgang
admin-dashboard-pending = { $count ->
        [one] <strong>{ $count }</strong> wartet auf Versand
       *[other] <strong>{ $count }</strong> warten auf Versand
    }
# Follows admin-dashboard-pending when mail waits; the age of the oldest
# ("3 days", "5 minutes") comes after it.
admin-dashboard-oldest = ; die älteste wartet schon
admin-dashboard-dead = { $count ->
        [one] <strong>{ $count }</strong> unzustellbar
       *[other] <strong>{ $count }</strong> unzustellbar
    }
admin-dashboard-stuck = E-Mails sind überfällig: Prüfen Sie das Relay (das Protokoll nennt den Grund für den Fehler).
admin-dashboard-sign-ins = Anmeldungen, letzte 24 Stunden
# $plus is "+" when only the last events were counted (the count is then the least there were), else empty.
admin-dashboard-failed-portal = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> fehlgeschlagene Portal-Anmeldung
       *[other] <strong>{ $count }{ $plus }</strong> fehlgeschlagene Portal-Anmeldungen
    }
admin-dashboard-failed-admin = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> fehlgeschlagene Admin-Anmeldung
       *[other] <strong>{ $count }{ $plus }</strong> fehlgeschlagene Admin-Anmeldungen
    }
admin-dashboard-lockouts = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> Sperre
       *[other] <strong>{ $count }{ $plus }</strong> Sperren
    }
# $cap: how many of the latest events were counted.
admin-dashboard-capped = { $cap ->
        [one] Das letzte Ereignis wurde gezählt; es gab weitere.
       *[other] Die letzten { $cap } Ereignisse wurden gezählt; es gab weitere.
    }
admin-dashboard-appliance = Diese Appliance
admin-dashboard-certificate = Zertifikat
# The TLS certificate; $date: when it expires.
admin-dashboard-cert-valid = gültig bis { $date }
# After admin-dashboard-cert-valid; $left: the time left ("40 days").
admin-dashboard-cert-left = (noch { $left })
admin-dashboard-cert-unreadable = nicht lesbar
# The encrypted store of messages; its size follows.
admin-dashboard-vault = Tresor
# Disk space; $free and $total are sizes ("12 GB").
admin-dashboard-disk-free = { $free } von { $total } frei
admin-dashboard-version = Version
admin-dashboard-running = Laufzeit
# After the uptime ("3 days"); $date: when Cloister started.
admin-dashboard-since = (seit { $date })
# $algorithm: the key type, e.g. RSA or ED25519.
admin-dashboard-dkim-hint = Benachrichtigungen werden signiert (Schlüsseltyp { $algorithm }). Veröffentlichen Sie diesen TXT-Eintrag, damit Empfänger die Signatur prüfen können:

## admin_domains.html

admin-directory-title = Verzeichnis
# “Add user” names the button admin-add-user; cloister user add is a command.
admin-directory-hint = Alle Domains, für die sichere E-Mails zurückgehalten wurden, mit ihren Benutzern. Konten entstehen, wenn eine sichere Nachricht zum ersten Mal eine Adresse erreicht (oder durch einen Admin mit „Benutzer hinzufügen“ oder mit <code>cloister user add</code>).
# Label (read by screen readers) and placeholder of the search field.
admin-directory-find = Domain suchen
admin-directory-find-button = Suchen
# Table caption, read by screen readers.
admin-directory-caption = Domains
# Column headings and cell labels.
admin-directory-col-domain = Domain
admin-directory-col-users = Benutzer
admin-directory-col-denied = Anmeldung verweigert
admin-directory-col-held = Zurückgehalten
admin-directory-col-last = Letzte Nachricht
admin-directory-col-kind = Art
# The kind of a domain: its users sign in with mailed codes (internal) or are partners (external).
admin-directory-internal = intern
admin-directory-external = extern
# The page links (label of the group, then the links).
admin-directory-pages = Seiten
admin-directory-first = « Erste
admin-directory-next = Weiter →
# $found: what the admin searched for.
admin-directory-none-match = Keine Domain passt zu „{ $found }“.
admin-directory-none = Noch keine Domains.

## admin_users.html

# Page title and table caption when the users of every domain are listed.
admin-users-title = Benutzer
# Heading and table caption; $domain: a domain name.
admin-users-of = Benutzer von { $domain }
admin-users-of-every = Benutzer aller Domains
# Label (read by screen readers) and placeholder of the search field.
admin-users-find = Benutzer suchen
admin-users-find-button = Suchen
# Column headings and cell labels.
admin-users-col-address = Adresse
admin-users-col-last = Letzte Anmeldung
admin-users-col-state = Status
# A user who never signed in.
admin-users-never = nie
# What the State column lists (several may show, one after the other).
admin-users-logon-denied = Anmeldung verweigert
admin-users-sending-denied = Senden verweigert
admin-users-locked = gesperrt
admin-users-must-change = muss Passwort ändern
# $max: how many users the list shows at most.
admin-users-only-first = { $max ->
        [one] Nur der erste wird angezeigt; grenzen Sie die Suche ein.
       *[other] Nur die ersten { $max } werden angezeigt; grenzen Sie die Suche ein.
    }
# $q: what the admin searched for.
admin-users-none-match = Keine Benutzer passen zu „{ $q }“.
admin-users-none = Keine Benutzer.

## admin_user.html (one user; the page title and heading are the address)

admin-user-kind = Art
admin-user-internal = intern (meldet sich mit per E-Mail gesendeten Codes an)
admin-user-internal-org = intern (meldet sich mit dem Konto der Organisation an)
admin-user-password-ldap = Das Passwort ist das Verzeichnis-Passwort der Organisation: Es wird dort gesetzt und zurückgesetzt, nicht hier.
admin-user-password-oidc = Die Anmeldung erfolgt bei { $name }: Das Passwort wird dort gesetzt und zurückgesetzt, nicht hier.
admin-user-external = extern
admin-user-created = Angelegt
# Row heading, section heading and label of the new password field.
admin-user-password = Passwort
# The password's state.
admin-user-password-set = gesetzt
admin-user-password-none = noch keins
# Added after the password's state (hence the leading "; ").
admin-user-must-change = ; muss bei der nächsten Anmeldung geändert werden
admin-user-logon = Anmeldung
# State of logon and of sending.
admin-user-allowed = erlaubt
admin-user-denied = verweigert
# Added after the logon state (hence the leading "; ").
admin-user-locked = ; nach fehlgeschlagenen Anmeldungen gesperrt
admin-user-sending = Senden
admin-user-two-step = Zweistufige Anmeldung
admin-user-two-step-on = eingerichtet
admin-user-two-step-off = nicht eingerichtet
admin-user-directory = Anmeldung über die Organisation
admin-user-signs-in = Meldet sich an mit
admin-user-via-ldap = dem Verzeichnis-Passwort der Organisation (LDAP)
admin-user-via-oidc = { $name } (OpenID Connect)
admin-user-entry = Verzeichniseintrag
admin-user-entry-none = noch nicht auf diesem Weg angemeldet
admin-user-groups = Gruppen
admin-user-groups-none = keine
admin-user-as-of = Stand
admin-user-secure = Sicheres Senden
admin-user-secure-policy = entschieden durch policy.secure_mode_senders
admin-user-secure-by-ldap = erlaubt: aus der LDAP-Gruppe { $group }
admin-user-secure-by-oidc = erlaubt: aus der { $name }-Gruppe { $group }
admin-user-secure-not = nicht erlaubt: in keiner der Gruppen für sicheres Senden
admin-user-confirm-password = Passwort bestätigen
# The tick box under the password fields.
admin-user-force-tick = Änderung bei nächster Anmeldung erzwingen
admin-user-set-password = Dieses Passwort setzen
# These two ask for a confirmation first (hence the "…").
admin-user-reset-mail = Eines erzeugen und per E-Mail senden…
admin-user-reset-show = Eines erzeugen und mir anzeigen…
admin-user-password-hint = Geben Sie ein Passwort zweimal ein und setzen Sie es, oder lassen Sie die Felder leer, damit Cloister eines erzeugt. Das Häkchen gilt für alle drei.
# Name of a group of buttons, read by screen readers.
admin-user-password-change = Passwortänderung
admin-user-force-change = Passwortänderung bei nächster Anmeldung erzwingen
# Section heading and name of its group of buttons.
admin-user-access = Zugriff
admin-user-deny-logon = Anmeldung verweigern
admin-user-allow-logon = Anmeldung erlauben
admin-user-deny-sending = Senden verweigern
admin-user-allow-sending = Senden erlauben
admin-user-unlock = Anmeldung entsperren
admin-user-sign-ins = Letzte Anmeldungen
admin-user-sign-ins-caption = Letzte Anmeldungen, neueste zuerst
admin-user-col-when = Wann
admin-user-col-what = Was
admin-user-no-sign-ins = Noch keine Anmeldungen.
admin-user-delete = Löschen
# Asks for a confirmation first (hence the "…").
admin-user-delete-account = Konto löschen…
admin-user-delete-hint = Fragt vorher nach. Die Postfacheinträge werden entfernt; das Audit-Protokoll und die Nachrichtenprotokolle bleiben erhalten.

## admin_user_new.html (title, heading and button: admin-add-user)

admin-new-user-address = E-Mail-Adresse
# $domains: the internal domains, comma-separated.
admin-new-user-internal-domains = Adressen in { $domains } werden interne Benutzer, die sich mit einem auf Anfrage per E-Mail gesendeten Code anmelden. Alle anderen Adressen sind externe Partner.
admin-new-user-no-internal-domains = Alle Adressen sind externe Partner (es sind keine internen Domains festgelegt).
admin-new-user-mail = Jetzt ein Einmalpasswort per E-Mail senden (die Erstkontakt-E-Mail)
# “Forgot password?” is the link on the portal's sign-in page: use its words there.
admin-new-user-mail-hint = Ohne diese Option wird nichts versendet: Legen Sie auf der nächsten Seite ein Passwort fest, oder der Benutzer fordert eines über „Passwort vergessen?“ an.

## admin_confirm.html (an action that takes something away asks first)

# Page title and heading; $title: the action ("Deny logon", from console-confirm-*-title).
admin-confirm-question = { $title }?
# The account; the consequence (console-confirm-*) follows.
admin-confirm-for = Für <strong>{ $address }</strong>.
admin-confirm-cancel = Abbrechen

## admin_password.html (a one-time password shown once)

admin-password-title = Neues Passwort
admin-password-heading = Neues Einmalpasswort
admin-password-for = Für <strong>{ $address }</strong>. Es wird nur jetzt angezeigt; geben Sie es auf einem sicheren Weg weiter.
# One of these two follows admin-password-for.
admin-password-must-change = Der Benutzer muss bei der nächsten Anmeldung ein eigenes wählen.
admin-password-may-keep = Der Benutzer darf es behalten.
admin-password-back = Zurück zum Benutzer

## admin_monitor.html

# Page title, then heading.
admin-monitor-title = Monitor
admin-monitor-heading = Monitor für sichere Nachrichten
admin-monitor-indexing = Nachrichten aus der Zeit vor dieser Version werden noch indiziert: Zahlen und Listen zeigen die bisher erfassten.
admin-monitor-words = Adresse oder Wörter aus dem Betreff
# Legend of the status tick boxes, and name of the status tabs (read by screen readers).
admin-monitor-status = Status
admin-monitor-apply = Anwenden
admin-monitor-capped = Es passen mehr Nachrichten, als gezählt wurden: Die Zahlen sind Mindestwerte. Fügen Sie Wörter oder Daten hinzu, um die Suche einzugrenzen.
# Table caption, read by screen readers.
admin-monitor-caption = Sichere Nachrichten, neueste zuerst
# Column headings and cell labels of the message list.
admin-monitor-col-received = Empfangen
admin-monitor-col-sender = Absender
admin-monitor-col-recipients = Sichere Empfänger
# The policy rules that held the message (their names stay as configured).
admin-monitor-col-policy = Richtlinie
admin-monitor-col-subject = Betreff
admin-monitor-col-status = Status
# After the status of a message whose expiry was extended.
admin-monitor-extended = (verlängert)
# The page links (label of the group, then the links).
admin-monitor-pages = Seiten
admin-monitor-newest = « Neueste
admin-monitor-newer = ← Neuer
admin-monitor-older = Älter →
admin-monitor-oldest = Älteste »
admin-monitor-empty = Keine passenden Nachrichten.
admin-monitor-outbox = Postausgang
# Mail Cloister still has to send. $count: how many; $age: how long the oldest has waited ("3 days").
admin-monitor-waiting = { $count ->
        [one] <strong>{ $count }</strong> wartet auf Versand.
       *[other] <strong>{ $count }</strong> warten auf Versand.
    }
admin-monitor-waiting-oldest = { $count ->
        [one] <strong>{ $count }</strong> wartet schon { $age } auf Versand.
       *[other] <strong>{ $count }</strong> warten auf Versand, die älteste schon { $age }.
    }
admin-monitor-overdue = Einige sind überfällig: Das Protokoll nennt den Grund, warum das Relay sie ablehnt.
# Outbox rows Cloister gave up on.
admin-monitor-dead = Unzustellbar
# $row: the outbox row's number.
admin-monitor-retried = Postausgangszeile { $row } ist wieder in der Warteschlange.
admin-monitor-dead-caption = Aufgegebene Postausgangszeilen
# Column headings and cell labels of the dead-lettered rows.
admin-monitor-col-row = Zeile
admin-monitor-col-kind = Art
admin-monitor-col-to = An
admin-monitor-col-reply = Letzte Antwort
# $error: the mail server's last reply (as it sent it); $attempts: how many times Cloister tried.
admin-monitor-reply = { $attempts ->
        [one] { $error } ({ $attempts } Versuch)
       *[other] { $error } ({ $attempts } Versuche)
    }
# Button (and its column's heading, read by screen readers).
admin-monitor-retry = Wiederholen
# $shown: rows listed; $total: rows dead-lettered. The command stays as it is.
admin-monitor-dead-more = { $shown ->
        [one] Die neueste von { $total } wird angezeigt; <code>cloister outbox list --status dead</code> listet alle auf.
       *[other] Die neuesten { $shown } von { $total } werden angezeigt; <code>cloister outbox list --status dead</code> listet alle auf.
    }
admin-monitor-dead-none = Keine unzustellbaren Einträge.
# Button that closes a message's story shown over the list (read by screen readers).
admin-monitor-close = Schließen

## admin_message.html (one message's story)

# Page title; $queue_id: the message's queue id (hexadecimal).
admin-message-title = Nachricht { $queue_id }
admin-message-back = ← Monitor
# Heading; the message's status follows.
admin-message-heading = Nachricht { $queue_id }:
admin-message-sender = Absender
admin-message-subject = Betreff
admin-message-received = Empfangen
# $date: when; $client: the address of the server that handed the message over.
admin-message-received-from = { $date } von { $client }
admin-message-expires = Läuft ab
# After the expiry date.
admin-message-extended-on = (verlängert am { $date })
admin-message-recalled = Zurückgerufen
admin-message-size = Größe
admin-message-bytes = { $bytes ->
        [one] { $bytes } Byte
       *[other] { $bytes } Byte
    }
admin-message-restriction = Einschränkung
# $restriction: "none", "no print"… (translated elsewhere).
admin-message-receipt-asked = { $restriction }; Lesebestätigung angefordert
admin-message-receipt-not-asked = { $restriction }; Lesebestätigung nicht angefordert
admin-message-recipients = Empfänger
admin-message-recipients-caption = Empfänger mit Entscheidung und Status
# Column headings and cell labels.
admin-message-col-address = Adresse
# The policy's decision and the rule that made it, e.g. "vault (keyword:[secure])"; both stay as they are.
admin-message-col-decision = Entscheidung (Regel)
admin-message-col-state = Status
# Added after a recipient's state (hence the leading ", "); $date: when they first read it.
admin-message-read-at = , gelesen am { $date }
admin-message-revoked = , Zugriff entzogen
admin-message-outbox = Postausgang
admin-message-outbox-caption = Für diese Nachricht noch wartende oder unzustellbare E-Mails
admin-message-col-row = Zeile
admin-message-col-kind = Art
admin-message-col-to = An
# An outbox row's state ("pending", "dead": stays as it is), how many times it was
# tried, and the last error.
admin-message-outbox-state = { $attempts ->
        [one] { $state } nach { $attempts } Versuch
       *[other] { $state } nach { $attempts } Versuchen
    }
admin-message-outbox-state-error = { $attempts ->
        [one] { $state } nach { $attempts } Versuch: { $error }
       *[other] { $state } nach { $attempts } Versuchen: { $error }
    }
admin-message-events = Ereignisprotokoll

## admin_report.html

admin-report-title = Bericht
admin-report-heading = Sichere Nachrichten pro Tag
admin-report-show = Anzeigen
admin-report-csv = CSV herunterladen
# $total, $outbound, $inbound: counts; $from, $to: the first and last day.
admin-report-total = { $total ->
        [one] { $total } sichere Nachricht
       *[other] { $total } sichere Nachrichten
    } vom { $from } bis { $to } (UTC): { $outbound } ausgehend, { $inbound ->
        [one] { $inbound } eingehende Antwort
       *[other] { $inbound } eingehende Antworten
    }.
admin-report-caption = Nachrichten pro Tag, neueste zuerst
# Column headings and cell labels.
admin-report-col-day = Tag
admin-report-col-outbound = Aus­gehend
admin-report-col-inbound = Ein­gehend
admin-report-col-total = Gesamt

## admin_audit.html

admin-audit-title = Audit
# Label of the list of event kinds; its first choice is admin-audit-kind-all.
admin-audit-kind = Art
admin-audit-kind-all = Alles
admin-audit-words = Adresse oder Wörter
admin-audit-filter = Filtern
admin-audit-export = CSV exportieren
admin-audit-caption = Audit-Ereignisse, neueste zuerst
# Column headings and cell labels.
admin-audit-col-when = Wann (UTC)
admin-audit-col-kind = Art
admin-audit-col-who = Wer
admin-audit-col-what = Was
# $shown: how many events the page shows at most.
admin-audit-full = { $shown ->
        [one] Das neueste wird angezeigt; grenzen Sie den Filter ein oder exportieren Sie die CSV-Datei, um mehr zu sehen.
       *[other] Die neuesten { $shown } werden angezeigt; grenzen Sie den Filter ein oder exportieren Sie die CSV-Datei, um mehr zu sehen.
    }
admin-audit-empty = Keine passenden Ereignisse.

## admin_settings.html

admin-settings-title = Einstellungen
admin-settings-heading = Wirksame Einstellungen
admin-settings-read-only = Schreibgeschützt.
# The configuration file's path follows, then a full stop.
admin-settings-file = Alle Einstellungen stehen in einer Datei:
admin-settings-no-file = Alle Einstellungen stehen in einer Datei: Derzeit wird keine verwendet (eingebaute Standardwerte; <code>cloister init</code> erstellt eine).
admin-settings-edit = Bearbeiten Sie sie und starten Sie Cloister neu; <code>cloister check-config</code> zeigt dieselbe Liste und prüft vorher die Datei.
admin-settings-caption = Alle Einstellungen mit Wert und Herkunft
# Column headings and cell labels: the setting's name, its value, where it was set.
admin-settings-col-setting = Einstellung
admin-settings-col-value = Wert
admin-settings-col-from = Quelle

## admin_preferences.html (its date and time zone fields have their own messages: dates-*, zone-*)

admin-prefs-title = Ihre Einstellungen
# The current time in the chosen format follows, then a full stop.
admin-prefs-dates-shown = Datumsangaben in der Konsole erscheinen für Sie so:
admin-prefs-utc = Datumsfilter und der Bericht zählen ganze UTC-Tage; CSV-Dateien verwenden UTC.
admin-prefs-save = Speichern

## admin_login.html

admin-login-title = Admin-Anmeldung
admin-login-name = Admin-Name
admin-login-password = Passwort
# The six-digit code of an authenticator app; the second when it may be left empty.
admin-login-code = Authenticator-Code
admin-login-code-optional = Authenticator-Code (falls eingerichtet)
admin-login-submit = Anmelden
# The command stays as it is (NAME stands for the new admin's name).
admin-login-hint = Admins werden auf der Appliance mit <code>cloister admin add NAME</code> angelegt.
admin-login-passkey-only = Diese Konsole nimmt nur Passkeys an. Wer als Admin noch keinen hat, meldet sich einmal mit Passwort und Code an, um einen hinzuzufügen.

admin-nav-passkeys = Passkeys
admin-user-passkeys = Passkeys
admin-user-no-passkeys = Keine Passkeys.
