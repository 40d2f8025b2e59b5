# The notification mails Cloister writes (assets/notify/*): the HTML frame,
# then each kind's subject, text part and HTML part. The text and the HTML
# part of a kind use the same messages, so each sentence is written once.
# Messages with <strong> are shown with the tags in the HTML part; the text
# part removes <strong> and </strong> (use no other tags in these messages).
# Reasons for a failed delivery, dates and the organisation's name, support
# contact and portal address come from the code or the settings.
# Arguments used throughout: $org (the organisation's name, notify.organisation),
# $support (its support contact, notify.support_contact), $portal_url (the
# portal's address), $recipient (the address the mail goes to).

## Shared by several kinds

# First line of most mails.
mail-greeting = Guten Tag,
# Appended when a support contact is set (HTML footer, first-contact mail).
mail-questions = Bei Fragen: { $support }.
# Last line of every text part, below "--".
mail-signature = Sichere Nachrichten von { $org }. Dies ist eine automatische Nachricht; Antworten werden nicht gelesen.
# Labels in the small tables (the text part adds a colon).
mail-label-subject = Betreff
mail-label-sent = Gesendet
mail-label-to = An
mail-label-portal = Portal
mail-label-sign-in-as = Anmelden als
mail-label-password = Passwort

## _layout.html

# Footer of every HTML part.
mail-footer-automatic = Dies ist eine automatische Nachricht von { $org }. Bitte antworten Sie nicht darauf.

## secure_message (notice of a new secure message)

mail-secure-subject = Bei { $org } wartet eine sichere Nachricht auf Sie
# When notify.name_sender is on. $sender: the sender's name and address.
mail-secure-sent-by = <strong>{ $sender }</strong> hat Ihnen (<strong>{ $recipient }</strong>) über { $org } eine sichere Nachricht gesendet.
# When the sender is not named.
mail-secure-sent-to-you = Ihnen (<strong>{ $recipient }</strong>) wurde über { $org } eine sichere Nachricht gesendet.
# "it": the secure message.
mail-secure-not-included = Zu Ihrem Schutz ist sie nicht in dieser E-Mail enthalten.
# Text part only: the link follows on the next line.
mail-secure-read-here = Lesen Sie sie hier (Sie werden zur Anmeldung aufgefordert):
# HTML part only: the button that opens the message.
mail-secure-button = Sichere Nachricht lesen
mail-secure-sign-in = Melden Sie sich mit Ihrer E-Mail-Adresse an. Wenn dies die erste sichere Nachricht ist, die Sie von { $org } erhalten, kommt Ihr erstes Passwort in einer separaten E-Mail.
mail-genuine-advice = <strong>So erkennen Sie eine echte Benachrichtigung:</strong> Sie verlinkt nur auf { $portal_url }, fragt nie per E-Mail nach Ihrem Passwort und enthält nie Anhänge.
# Follows mail-genuine-advice; the second form when a support contact is set.
mail-genuine-check = Geben Sie im Zweifel { $portal_url } selbst in Ihren Browser ein.
mail-genuine-check-support = Geben Sie im Zweifel { $portal_url } selbst in Ihren Browser ein oder wenden Sie sich an { $support }.

## first_contact (sign-in details: a new account, or a password an administrator issued)

mail-first-subject = Ihre Anmeldedaten für die sicheren Nachrichten von { $org }
# An administrator issued a new password.
mail-first-reset-intro = Ein Administrator von { $org } hat Ihnen ein neues Passwort für das sichere Portal ausgestellt, in dem Sie vertrauliche Nachrichten lesen.
# A new account.
mail-first-intro = { $org } nutzt ein sicheres Portal für vertrauliche Nachrichten. Für Sie wurde ein Konto eingerichtet, damit Sie diese lesen können.
# "Change password": the name of the portal's page for choosing a password.
mail-first-keep = Sie können dieses Passwort behalten oder nach der Anmeldung unter „Passwort ändern“ ein eigenes wählen.
# A new account's one-time password.
mail-first-once = Dieses Passwort gilt nur einmal: Bei Ihrer ersten Anmeldung wählen Sie ein eigenes.
# A one-time password an administrator issued.
mail-first-once-next = Dieses Passwort gilt nur einmal: Bei Ihrer nächsten Anmeldung wählen Sie ein eigenes.
mail-first-private = Behandeln Sie diese E-Mail vertraulich und löschen Sie sie anschließend.
mail-first-never-ask = Wir werden Sie niemals per E-Mail nach Ihrem Passwort fragen.

## password_reset (a link to choose a new password)

mail-reset-subject = Passwort für die sicheren Nachrichten von { $org } zurücksetzen
mail-reset-asked = Jemand (hoffentlich Sie) hat angefordert, das Passwort von <strong>{ $recipient }</strong> für die sicheren Nachrichten von { $org } zurückzusetzen.
# Text part only: the link follows on a line of its own.
mail-reset-open = Um ein neues Passwort zu wählen, öffnen Sie:
# HTML part only: the button that opens the link.
mail-reset-button = Neues Passwort wählen
# $hours: how long the link works (password.reset_link_hours).
mail-reset-expires = { $hours ->
    [one] Der Link funktioniert einmal und läuft in { $hours } Stunde ab.
   *[other] Der Link funktioniert einmal und läuft in { $hours } Stunden ab.
}
mail-reset-again = Wenn Sie erneut einen Link anfordern, funktioniert dieser nicht mehr.
mail-reset-not-you = Wenn Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.

## sign_in_code (a code to sign in with)

mail-code-subject = Ihr Anmeldecode für { $org }: { $code }
# The code follows on a line of its own.
mail-code-intro = Ihr Code zur Anmeldung bei den sicheren Nachrichten von { $org } als <strong>{ $recipient }</strong> lautet:
# $minutes: how long the code works (portal.sign_in_code_minutes).
mail-code-valid = { $minutes ->
    [one] Er ist { $minutes } Minute gültig.
   *[other] Er ist { $minutes } Minuten gültig.
}
mail-code-not-you = Wenn Sie nicht versucht haben, sich anzumelden, ignorieren Sie diese E-Mail; ohne den Code kann sich niemand anmelden.

## read_receipt (to a sender: a recipient opened their message)

# $subject: the message's subject.
mail-receipt-subject = Gelesen: { $subject }
# Above a small table (subject, when sent); the sentence goes on with mail-receipt-opened below it.
mail-receipt-intro = Ihre sichere Nachricht
# Below the table. $reader: the address that opened it; $read_at: when (a date and time in UTC).
mail-receipt-opened = wurde am { $read_at } von <strong>{ $reader }</strong> geöffnet.
mail-receipt-status = Wer sie bisher gelesen hat, und sie zurückrufen oder verlängern:
mail-receipt-status-button = Status der Nachricht ansehen

## delivery_failure (to a sender: a message could not be delivered)

# $subject: the message's subject.
mail-failure-subject = Nicht zugestellt: { $subject }
# Above a small table (subject, recipients); the sentence goes on with mail-failure-not-delivered below it.
mail-failure-intro = Ihre Nachricht
# Below the table; the reason (the receiving server's answer, in English) follows.
mail-failure-not-delivered = konnte nicht zugestellt werden:
mail-failure-no-retry = Für diese Empfänger wird kein weiterer Versuch unternommen.
# Text part only, when a support contact is set.
mail-failure-help = Wenn Sie Hilfe benötigen, wenden Sie sich an { $support }.

## welcome (to an internal user whose portal account was just made)

mail-welcome-subject = Ihr Portal für sichere Nachrichten von { $org }
mail-welcome-intro = Sie haben jetzt ein Konto im Portal für sichere Nachrichten von { $org } als <strong>{ $recipient }</strong>.
mail-welcome-uses = Dort sehen Sie, wer Ihre sicheren Nachrichten gelesen hat, können sie zurückrufen oder verlängern, Antworten lesen und neue sichere Nachrichten schreiben.
mail-welcome-sign-in = Hier anmelden:
mail-welcome-button = Portal öffnen
mail-welcome-code = Geben Sie Ihre Adresse ein und wählen Sie „Stattdessen Anmeldecode per E-Mail erhalten“: Kein Passwort nötig. Ein Passwort können Sie auch über „Passwort vergessen?“ festlegen.
mail-welcome-password = Geben Sie Ihre Adresse ein und wählen Sie „Passwort vergessen?“, um ein Passwort festzulegen.
mail-welcome-directory = Geben Sie Ihre Adresse ein, dann das übliche Passwort Ihrer Organisation (das ihres Verzeichnisses): Ein weiteres Passwort gibt es nicht.
mail-welcome-provider = Geben Sie Ihre Adresse ein: Sie werden zu { $name } geleitet, melden sich dort mit dem Konto Ihrer Organisation an und kommen zurück zum Portal.
