# The portal's page frame (head, header, footer) and the account pages:
# signing in, the second step, two-step sign-in setup, passwords (change,
# reset, forgotten), sessions, preferences with the time zone field, the
# delete confirmation, error pages and the print view.
# Page titles and messages of error pages, notices, errors and the password
# checklist rules come from the code (notes.ftl), as do dates.

## _base.html

# After the page's own title in the browser tab: "Sign in · Example Org secure messages".
# $org: the organisation's name (notify.organisation).
base-title-suffix = Sichere Nachrichten von { $org }
# Link for keyboard users, first on every page: jumps over the header.
base-skip-link = Zum Inhalt springen

## _layout.html

# Beside the organisation's name in the header (styled apart from it): "Example Org secure messages".
layout-brand-tagline = Sichere Nachrichten
# Button that opens the header menu on phones.
layout-menu = Menü
# Label of the header navigation, read by screen readers.
layout-nav-label = Konto
layout-preferences = Einstellungen
layout-sessions = Sitzungen
layout-change-password = Passwort ändern
layout-two-step = Zweistufige Anmeldung
layout-sign-out = Abmelden
# Footer. $support: the help contact the administrator configured (notify.support_contact), as written there.
layout-help = Hilfe: { $support }
layout-never-ask = Wir fragen Sie niemals per E-Mail nach Ihrem Passwort.

## login.html

# Page title and heading.
login-title = Anmelden
# Button of the password and sign-in code forms.
login-submit = Anmelden
# Step 1: the address.
login-address-label = E-Mail-Adresse
login-next = Weiter
# Step 2. $address: the address typed in step 1. A "Not you?" link follows.
login-signing-in-as = Anmeldung als <strong>{ $address }</strong>
login-not-you = Nicht Sie?
login-password-label = Passwort
login-forgot-link = Passwort vergessen?
login-code-instead = Stattdessen Anmeldecode per E-Mail erhalten
# After asking for a sign-in code by email. $address: the address typed.
login-code-sent = Falls <strong>{ $address }</strong> hier ein Konto hat, ist ein Anmeldecode unterwegs.
# $minutes: how long the emailed code works (portal.sign_in_code_minutes).
login-code-valid = { $minutes ->
    [one] Er ist { $minutes } Minute gültig.
   *[other] Er ist { $minutes } Minuten gültig.
}
login-code-label = Anmeldecode aus der E-Mail
login-code-resend = Neuen Code senden
login-password-instead = Stattdessen mit Passwort anmelden

## password.html

# Page title, heading and button when the password is changed while signed in.
password-change-title = Passwort ändern
password-directory = Adressen bei { $domain } melden sich mit dem Passwort Ihrer Organisation an, das in deren Verzeichnis verwaltet wird: Ändern Sie es dort (auf dem üblichen Weg Ihrer Organisation oder über deren IT-Support).
password-directory-back = Zurück
password-provider = Adressen bei { $domain } melden sich bei { $name } mit dem Konto Ihrer Organisation an: Ändern oder setzen Sie dessen Passwort dort zurück (auf dem üblichen Weg Ihrer Organisation oder über deren IT-Support).
password-change-submit = Passwort ändern
# Page title, heading and button when a reset link from the mail was opened.
password-reset-title = Neues Passwort wählen
password-reset-submit = Passwort festlegen
# The reset link is no longer valid.
password-gone-title = Dieser Link funktioniert nicht mehr
password-gone = Der Link wurde bereits verwendet, durch einen neueren ersetzt oder ist abgelaufen.
# One sentence made of two links and the word between them:
# "[Ask for a new link] or [sign in]." (password-gone-end closes the sentence).
password-gone-new-link = Neuen Link anfordern
password-gone-or = oder
password-gone-sign-in = anmelden
password-gone-end = { "." }
# The password has expired.
password-expired = Ihr Passwort ist abgelaufen.
# Followed by a link (password-expired-reset-link), then password-expired-end:
# "Choose a new one to go on, or [reset it by email]."
password-expired-choose = Wählen Sie ein neues, um fortzufahren, oder
password-expired-reset-link = setzen Sie es per E-Mail zurück
password-expired-end = { "." }
# The administrator set the password: the user must choose their own.
password-forced = Wählen Sie ein eigenes Passwort, bevor Sie fortfahren.
password-current-label = Aktuelles Passwort
password-new-label = Neues Passwort
password-again-label = Neues Passwort wiederholen

## forgot.html

# Page title and heading.
forgot-title = Passwort vergessen
forgot-directory = Adressen bei { $domain } melden sich mit dem Passwort Ihrer Organisation an. Zum Zurücksetzen nutzen Sie den üblichen Weg Ihrer Organisation oder fragen Sie deren IT-Support; bis dahin können Sie sich mit einem per E-Mail gesendeten Code anmelden.
forgot-intro = Geben Sie Ihre Adresse ein; wir senden Ihnen per E-Mail einen Link, mit dem Sie ein neues Passwort wählen können.
forgot-address-label = E-Mail-Adresse
forgot-submit = Reset-Link senden
# After sending. $address: the address typed.
forgot-link-sent = Falls <strong>{ $address }</strong> ein Konto hat, ist ein Link zum Wählen eines neuen Passworts unterwegs.
# $hours: how long the link works (password.reset_link_hours).
forgot-link-valid = { $hours ->
    [one] Er gilt einmalig für { $hours } Stunde.
   *[other] Er gilt einmalig für { $hours } Stunden.
}
forgot-back = Zurück zur Anmeldung

## confirm.html (deleting messages from the mailbox)

# Page title, and heading when the messages move to Deleted.
confirm-title = Löschen?
# Heading when the messages are removed from Deleted for good.
confirm-purge-title = Endgültig löschen?
confirm-purge-text = Diese Nachrichten werden aus Ihrem Postfach entfernt; dies kann nicht rückgängig gemacht werden.
confirm-move-text = Diese Nachrichten werden nach „Gelöscht“ verschoben, wo Sie sie wiederherstellen können.
# One message of the list. $subject: its subject; $who: its sender.
confirm-item = <strong>{ $subject }</strong> von { $who }
confirm-no-subject = (kein Betreff)
confirm-ok = OK
confirm-cancel = Abbrechen

## second_factor.html (the code after the password)

# Page title and heading.
second-factor-title = Zweiter Schritt
# $user: the address signing in.
second-factor-intro = Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App für <strong>{ $user }</strong> anzeigt, oder einen Ihrer Wiederherstellungscodes.
second-factor-code-label = Code
second-factor-submit = Weiter
second-factor-lost = Smartphone und Wiederherstellungscodes verloren? Wenden Sie sich an Ihren Administrator.

## totp.html (setting up two-step sign-in)

# Page title and heading.
totp-title = Zweistufige Anmeldung
# Shown once, above the new recovery codes.
totp-recovery-heading = Ihre Wiederherstellungscodes.
totp-recovery-once = Falls Sie Ihr Smartphone verlieren, funktioniert jeder Code einmal anstelle eines Authenticator-Codes.
totp-recovery-keep = Bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt.
totp-recovery-done = Ich habe sie gespeichert, weiter
# $since: the date it was turned on; $count: how many unused recovery codes are left.
totp-status-on = { $count ->
    [one] Die zweistufige Anmeldung ist <strong>aktiviert</strong> (seit { $since }); { $count } Wiederherstellungscode übrig.
   *[other] Die zweistufige Anmeldung ist <strong>aktiviert</strong> (seit { $since }); { $count } Wiederherstellungscodes übrig.
}
totp-current-code-label = Aktueller Authenticator-Code
totp-new-recovery-codes = Neue Wiederherstellungscodes erstellen
totp-turn-off = Zweistufige Anmeldung deaktivieren
totp-scan = Scannen Sie diesen Code mit einer Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator) und geben Sie dann den 6-stelligen Code ein, den sie anzeigt.
# Followed by the key itself.
totp-by-hand = Scannen nicht möglich? Geben Sie diesen Schlüssel manuell ein:
totp-code-label = Code aus der App
totp-turn-on = Aktivieren
totp-required = Ihre Organisation verlangt die zweistufige Anmeldung. Richten Sie sie ein, um fortzufahren.
totp-explain = Bei der zweistufigen Anmeldung benötigen Sie zum Anmelden Ihr Passwort und einen Code aus einer App auf Ihrem Smartphone.
totp-set-up = Zweistufige Anmeldung einrichten

## sessions.html

# Page title.
sessions-title = Sitzungen
sessions-heading = Wo Sie angemeldet sind
# $at: date and time; $ip: the IP address; $agent: the browser's own description (User-Agent).
sessions-previous = Vorherige Anmeldung: { $at } von { $ip } aus ({ $agent })
# Column headings and cell labels (phones show the label beside each cell).
sessions-col-started = Beginn
sessions-col-last-active = Zuletzt aktiv
# The IP address the session signed in from.
sessions-col-address = IP-Adresse
sessions-col-browser = Browser
# After the start time of the session in use.
sessions-this-one = (diese)
sessions-end-others = Alle anderen Sitzungen beenden

## preferences.html

# Page title and heading.
preferences-title = Einstellungen
# Followed by the current date and time in the chosen format.
preferences-now-example = Datumsangaben erscheinen jetzt so:
preferences-week-label = Erster Wochentag
preferences-week-monday = Montag
preferences-week-sunday = Sonntag
preferences-week-saturday = Samstag
preferences-language-label = Sprache
# First choice of the language list: follow the language the browser asks for.
# The other choices are each language's own name (language-name).
preferences-language-browser = Sprache Ihres Browsers
preferences-signature-label = Signatur
preferences-signature-hint = Wird unter neue Nachrichten und Antworten gesetzt, die Sie hier schreiben; Sie können sie in jeder Nachricht bearbeiten.
preferences-submit = Speichern

## _zone_field.html (time zone of the preferences forms, portal and admin)

zone-label = Zeitzone
# Groups of the time zone list: a few common ones, then all of them.
zone-common = Gängige
zone-every = Alle Zeitzonen
# Shown by the page's script when it picked the browser's zone for a user who never saved one.
zone-suggested = Die Zeitzone Ihres Browsers ist ausgewählt; speichern Sie, um sie zu übernehmen.

## error.html

# $reference: an error reference code for support.
error-reference = Referenz: <code>{ $reference }</code> (bitte angeben, wenn Sie sich an den Support wenden)
error-start-page = Zur Startseite

## print.html

# Tab title of the print view of a message without a subject.
print-no-subject = (kein Betreff)
print-button = Drucken

preferences-name-label = Ihr Name
preferences-name-hint = Wird neben { $address } in Nachrichten angezeigt, die Sie schreiben. Leer: der Name, den die andere Seite für Sie verwendet hat, falls vorhanden.

## passkeys.html, _passkey_enrol.html und _passkey_sign_in.html

layout-passkeys = Passkeys
passkeys-title = Passkeys
passkeys-explain = Ein Passkey meldet Sie mit Ihrem Telefon, Computer oder Sicherheitsschlüssel an: mit Fingerabdruck, Gesicht oder Bildschirmsperre statt eines Passworts. Er funktioniert nur auf dieser Website, eine gefälschte Seite kann ihn nicht nutzen.
passkeys-offer = Fügen Sie jetzt einen Passkey hinzu, dann melden Sie sich beim nächsten Mal ohne Passwort oder zugesandten Code an.
passkeys-required = Ihre Organisation verlangt einen Passkey. Fügen Sie einen hinzu, um fortzufahren.
passkeys-unavailable = Passkeys sind auf diesem Portal nicht verfügbar.
passkeys-none = Sie haben noch keine Passkeys.
passkeys-name-label = Name
passkeys-rename = Umbenennen
passkeys-added-at = Hinzugefügt { $at }
passkeys-last-used = zuletzt verwendet { $at }
passkeys-never-used = nie verwendet
passkeys-synced = mit Ihren anderen Geräten synchronisiert
passkeys-remove = „{ $name }“ entfernen
passkeys-new-name-label = Name des neuen Passkeys
passkeys-new-name-hint = Zum Beispiel „Arbeitslaptop“ oder „Telefon“, um Ihre Passkeys zu unterscheiden.
passkeys-add = Passkey hinzufügen
passkeys-add-instead = Stattdessen einen Passkey verwenden
passkeys-add-failed = Es wurde kein Passkey hinzugefügt. Versuchen Sie es erneut oder verwenden Sie ein anderes Gerät.
passkeys-unsupported = Dieser Browser kann keine Passkeys erstellen (oder Skripte sind ausgeschaltet).
passkeys-not-now = Jetzt nicht
passkeys-instead-heading = Oder einen Passkey statt eines Passworts verwenden
passkeys-instead-explain = Melden Sie sich ab jetzt mit Fingerabdruck, Gesicht oder Bildschirmsperre dieses Geräts an. Das zugesandte Passwort funktioniert dann nicht mehr.
login-passkey = Mit einem Passkey anmelden
login-passkey-failed = Die Anmeldung mit einem Passkey hat nicht funktioniert. Versuchen Sie es erneut oder geben Sie Ihre Adresse ein.
