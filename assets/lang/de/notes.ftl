# Words the code puts on pages: error pages, notes after an action, refusals,
# checklist rules, folder and status names, the admin console's notes. Ids: fault-,
# note-, rule-, recipient-state-, folder-, status-, restriction-, audit-kind-, console-, size-,
# age-, chart-.

## Error pages
fault-refused-title = Nicht erlaubt
fault-not-found-title = Nicht gefunden
fault-not-found = Unter dieser Adresse gibt es nichts, oder Sie sind nicht berechtigt, es zu sehen.
message-gone-title = Diese Nachricht ist nicht mehr verfügbar
message-gone-recalled = { $sender } hat diese Nachricht am { $when } zurückgerufen: Sie kann hier nicht mehr gelesen werden. Wenn Sie sie noch brauchen, fragen Sie { $sender }.
message-gone-revoked = { $sender } hat Ihnen am { $when } den Zugriff auf diese Nachricht entzogen. Wenn Sie sie noch brauchen, fragen Sie { $sender }.
message-gone-removed = Diese Nachricht ist abgelaufen und wurde am { $when } gelöscht. Wenn Sie sie noch brauchen, bitten Sie { $sender }, sie erneut zu senden.
message-gone-help = Fragen zu diesem Dienst: { $contact }
fault-form-expired-title = Formular abgelaufen
fault-form-expired = Dieses Formular konnte nicht angenommen werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
fault-too-large-title = Zu groß
fault-too-large = Ihre Übermittlung ist größer, als diese Seite annimmt.
fault-bad-request-title = Ungültige Anfrage
fault-bad-request = Die Anfrage konnte nicht gelesen werden.
fault-too-slow-title = Zeitüberschreitung
fault-too-slow = Die Anfrage hat zu lange gedauert. Bitte versuchen Sie es erneut.
fault-busy-title = Zu viel auf einmal
fault-busy = Dieses Konto sendet bereits mehrere Formulare gleichzeitig. Warten Sie einen Moment, bis diese fertig sind, gehen Sie dann zurück und versuchen Sie es erneut.
fault-failed-title = Ein Fehler ist aufgetreten
fault-failed = Das Portal konnte diese Anfrage nicht ausführen. Bitte versuchen Sie es später erneut.

## Notes and refusals
note-damaged = Diese Nachricht ist beschädigt und kann nicht angezeigt werden. Der Administrator wurde informiert.
note-sending-off = Das Senden ist für Ihr Konto deaktiviert.
note-no-recipient = Fügen Sie mindestens einen Empfänger hinzu.
note-too-many-recipients = Eine Nachricht darf höchstens { $most } Empfänger haben.
note-over-cap = Sie haben das Limit von { $limit ->
        [one] { $limit } sicheren Empfänger
       *[other] { $limit } verschiedenen sicheren Empfängern
    } in diesem Monat erreicht; diese Nachricht wurde daher nicht gesendet.
note-bad-secure-mode = { $got } ist kein Modus für die sichere Zustellung
note-no-compose = In diesem Portal können keine neuen Nachrichten verfasst werden; Sie können auf empfangene Nachrichten antworten.
note-write-only-to = Sie können nur an Adressen bei { $allowed } schreiben; { $outside } gehört nicht dazu.
note-write-nowhere = Es ist keine Domain freigegeben, an deren Adressen Sie schreiben können; { $outside } ist daher nicht zulässig.
note-not-an-address = { $address } ist keine E-Mail-Adresse.
note-subject-too-long = Der Betreff darf höchstens { $most } Zeichen lang sein.
note-attachments-too-large = Die Anhänge umfassen { $size }; pro Nachricht sind insgesamt { $limit } erlaubt. Entfernen Sie einige und versuchen Sie es erneut.
note-bad-expiry = Die Ablauffrist muss einer der angebotenen Werte sein, höchstens { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }.
note-no-print-or-save = Der Absender erlaubt weder das Drucken noch das Speichern dieser Nachricht.
note-no-print-no-reply = Der Absender erlaubt weder das Drucken dieser Nachricht noch Antworten darauf.
note-no-print-expired = Der Absender erlaubt das Drucken dieser Nachricht nicht, und sie ist abgelaufen, sodass sie nicht mehr beantwortet werden kann.
note-no-print = Der Absender erlaubt das Drucken dieser Nachricht nicht.
note-expired-no-answer = Diese Nachricht ist abgelaufen und kann daher nicht mehr beantwortet werden.
note-no-reply = Der Absender erlaubt keine Antworten auf diese Nachricht.
note-recalled-no-extend = Eine zurückgerufene Nachricht kann nicht verlängert werden.
note-extended-once = Der Ablauf einer Nachricht kann nur einmal verlängert werden, und bei dieser ist das bereits geschehen.
note-at-retention-end = Diese Nachricht läuft bereits am Ende der Aufbewahrungsfrist ab.
note-tick-recall = Setzen Sie das Häkchen bei „Ich verstehe, dass ein Rückruf nicht rückgängig gemacht werden kann“, um die Nachricht zurückzurufen.
note-choose-expiry = Wählen Sie das neue Ablaufdatum aus der Liste.
note-recall-final = Diese Nachricht wurde zurückgerufen; ein Rückruf kann nicht rückgängig gemacht werden. Senden Sie stattdessen eine neue Nachricht.
note-not-later = Das neue Ablaufdatum muss nach dem aktuellen liegen.
note-not-held = Diese Adresse ist kein sicherer Empfänger dieser Nachricht.
note-already-revoked = Der Zugriff dieses Empfängers ist bereits entzogen.
note-not-revoked = Dieser Empfänger hat bereits Zugriff.
note-past-retention = Nachrichten werden höchstens bis { $until } aufbewahrt (Aufbewahrungsfrist); das Ablaufdatum kann nicht später liegen.
note-choose-date-format = Wählen Sie ein Datumsformat aus der Liste.
note-choose-clock = Wählen Sie das 12- oder 24-Stunden-Format.
note-choose-week-start = Wählen Sie den ersten Wochentag aus der Liste.
note-choose-language = Wählen Sie eine Sprache aus der Liste.
note-unknown-zone = { $zone } ist keine Zeitzone, die dieses Portal kennt.
note-signature-too-long = Die Signatur darf höchstens { $most } Zeichen lang sein.
note-preferences-saved = Einstellungen gespeichert.
note-admin-preferences-saved = Gespeichert: So erscheinen Datumsangaben auf jeder Seite der Konsole.
note-compose-limit = Sie haben in den letzten Minuten { $per ->
        [one] { $per } Nachricht
       *[other] { $per } Nachrichten
    } gesendet, das Maximum, das das Portal für ein Konto sendet. Versuchen Sie es in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } erneut.
note-reply-missing = Die Nachricht, auf die Sie antworten möchten, fehlt.
note-original-gone = Die Nachricht, auf die Sie antworten oder die Sie weiterleiten, ist nicht mehr verfügbar (zurückgerufen, entzogen oder entfernt). Ihr Entwurf bleibt erhalten: Übernehmen Sie, was Sie brauchen, in eine neue Nachricht.
note-choose-mode = Wählen Sie einen Modus für die sichere Zustellung aus der Liste.
note-choose-restriction = Wählen Sie eine Einschränkung aus der Liste.
note-choose-expiry-days = Wählen Sie eine Ablauffrist aus der Liste.
note-sign-in-failed = Anmeldung fehlgeschlagen. Prüfen Sie Adresse und Passwort und versuchen Sie es erneut. Wenn es weiterhin nicht klappt, nutzen Sie „Passwort vergessen?“ oder wenden Sie sich an den Absender Ihrer Nachricht.
note-sign-in-locked = Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen bis { $until } gesperrt. Versuchen Sie es danach erneut.
note-sign-in-denied = Ihre Organisation hat die Anmeldung an diesem Portal für dieses Konto abgeschaltet. Bitte wenden Sie sich an sie.
note-secure-not-allowed = Ihre Organisation hat Ihnen das Senden sicherer Nachrichten nicht erlaubt. Bitten Sie Ihre Administration, Sie einer berechtigten Gruppe hinzuzufügen.
note-directory-unavailable = Die Anmeldung mit dem Passwort Ihrer Organisation ist gerade nicht möglich. Wählen Sie „Stattdessen Anmeldecode per E-Mail erhalten“ oder versuchen Sie es später erneut.
note-provider-unavailable = Die Anmeldung bei { $name } ist gerade nicht möglich. Bitte versuchen Sie es in ein paar Minuten erneut.
note-provider-failed = Die Anmeldung bei { $name } wurde nicht abgeschlossen. Bitte beginnen Sie erneut.
note-provider-not-ours = { $name } hat Sie als { $address } angemeldet; mit dieser Adresse ist hier keine Anmeldung möglich. Melden Sie sich dort ab und beginnen Sie erneut mit Ihrer Adresse in dieser Organisation.
note-ask-contact = Hilfe: { $contact }
note-code-failed = Anmeldung fehlgeschlagen. Prüfen Sie, ob Sie den Code aus der neuesten E-Mail eingegeben haben; ein Code gilt nur für begrenzte Zeit und wenige Versuche. Sie können einen neuen anfordern.
note-enter-address = Geben Sie die E-Mail-Adresse ein, an die die Nachricht gesendet wurde.
note-too-many-codes = Aus Ihrem Netzwerk wurden zu viele Anmeldecodes angefordert. Versuchen Sie es in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } erneut.
note-signed-out = Sie haben sich abgemeldet.
note-password-set = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen Passwort an.
note-session-ended = Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.
rule-length = { $min } bis { $max } Zeichen
rule-lowercase = ein Kleinbuchstabe
rule-uppercase = ein Großbuchstabe
rule-digit = eine Ziffer
rule-symbol = ein Sonderzeichen (weder Buchstabe noch Ziffer)
rule-not-address = nicht Ihre E-Mail-Adresse
rule-not-current = nicht Ihr aktuelles Passwort
note-password-rules = Das neue Passwort erfüllt die unten markierten Regeln nicht.
note-password-mismatch = Die beiden neuen Passwörter stimmen nicht überein.
note-current-password-wrong = Das aktuelle Passwort ist nicht korrekt.
note-too-many-links = Aus Ihrem Netzwerk wurden zu viele Links zum Zurücksetzen angefordert. Versuchen Sie es in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } erneut.
rule-not-users-address = nicht die E-Mail-Adresse des Benutzers
note-wrong-totp = Dieser Code ist nicht korrekt. Codes wechseln alle 30 Sekunden und gelten nur einmal; verwenden Sie den neuesten.
note-totp-sign-in-failed = Anmeldung fehlgeschlagen. Prüfen Sie den Code und versuchen Sie es erneut.
note-totp-off = Die zweistufige Anmeldung ist deaktiviert.
note-totp-required = Ihre Organisation verlangt die zweistufige Anmeldung.
recipient-state-delivered-ordinary = Als normale E-Mail zugestellt
recipient-state-delivery-failed = Zustellung fehlgeschlagen
recipient-state-queued-ordinary = Als normale E-Mail in Warteschlange
recipient-state-recalled = Zurückgerufen
recipient-state-access-revoked = Zugriff entzogen
recipient-state-read = Gelesen
recipient-state-expired = Abgelaufen
recipient-state-extended = Verlängert
recipient-state-sent = Gesendet
folder-inbox = Posteingang
folder-sent = Gesendet
folder-deleted = Gelöscht
status-sent = Gesendet
status-read = Gelesen
status-recalled = Zurückgerufen
status-extended = Verlängert
status-expired = Abgelaufen
status-ordinary = Normal
status-ordinary-mail = Normale E-Mail
status-read-by = { $read } von { $held } gelesen
note-marked-read = Als gelesen markiert.
note-marked-unread = Als ungelesen markiert.
note-moved-deleted = In „Gelöscht“ verschoben.
note-restored = Wiederhergestellt.
note-purged = Endgültig gelöscht.
note-sent = Nachricht gesendet.
note-recalled-all = Die Nachricht wurde bei allen Empfängern zurückgerufen.
note-extended = Das Ablaufdatum wurde verlängert.
note-revoked = Der Zugriff dieses Empfängers wurde entzogen.
note-granted = Dieser Empfänger hat wieder Zugriff.
note-not-dead-lettered = Postausgangszeile { $row } ist nicht (mehr) als unzustellbar markiert.

## Admin console
console-note-reset-mail = Ein neues Einmalpasswort wird dem Benutzer per E-Mail zugestellt.
console-note-added = Das Konto wurde angelegt; es wurde nichts versendet. Legen Sie unten ein Passwort fest, oder der Benutzer meldet sich über „Passwort vergessen?“ an (interne Benutzer: mit einem per E-Mail gesendeten Code).
console-note-added-mailed = Das Konto wurde angelegt; eine Erstkontakt-E-Mail mit einem Einmalpasswort ist unterwegs.
console-note-password-forced = Das Passwort ist gesetzt; der Benutzer muss bei der nächsten Anmeldung ein eigenes wählen.
console-note-password-set = Das Passwort ist gesetzt; der Benutzer darf es behalten.
console-note-force-change = Der Benutzer muss bei der nächsten Anmeldung ein neues Passwort wählen.
console-note-allow-logon = Der Benutzer darf sich anmelden.
console-note-deny-logon = Der Benutzer darf sich nicht mehr anmelden; seine Sitzungen wurden beendet.
console-note-allow-sending = Der Benutzer darf senden.
console-note-deny-sending = Der Benutzer darf nicht mehr senden.
console-note-unlock = Die Anmeldesperre wurde aufgehoben.
console-confirm-reset-mail-title = Passwort zurücksetzen und per E-Mail senden
console-confirm-reset-mail = Das aktuelle Passwort gilt ab sofort nicht mehr; der Benutzer erhält per E-Mail ein neues Einmalpasswort und muss bei der nächsten Anmeldung ein eigenes wählen.
console-confirm-reset-show-title = Passwort zurücksetzen und mir anzeigen
console-confirm-reset-show = Das aktuelle Passwort gilt ab sofort nicht mehr; das neue Einmalpasswort wird Ihnen einmalig angezeigt.
console-confirm-force-change-title = Passwortänderung erzwingen
console-confirm-force-change = Der Benutzer muss bei der nächsten Anmeldung ein neues Passwort wählen, auch in bereits geöffneten Sitzungen.
console-confirm-deny-logon-title = Anmeldung verweigern
console-confirm-deny-logon = Alle Sitzungen des Benutzers enden sofort, und keine Anmeldung ist möglich, bis die Anmeldung wieder erlaubt wird.
console-confirm-deny-sending-title = Senden verweigern
console-confirm-deny-sending = Der Benutzer kann weiterhin lesen, aber weder antworten noch schreiben, bis das Senden wieder erlaubt wird.
console-confirm-delete-title = Konto löschen
console-confirm-delete = Das Konto und seine Postfacheinträge werden endgültig entfernt; das Audit-Protokoll und die Nachrichtenprotokolle bleiben erhalten. Dies kann nicht rückgängig gemacht werden.
console-note-date-left-out = Datumsangaben werden als { $pattern } geschrieben, z. B. { $example }; das Datum, das nicht gelesen werden konnte, wurde weggelassen.
console-note-date-replaced = Datumsangaben werden als { $pattern } geschrieben, z. B. { $example }; das Datum, das nicht gelesen werden konnte, wurde ersetzt.
console-note-start-after-end = Der Beginn lag nach dem Ende; der Bericht zeigt nur den letzten Tag.
console-note-range-too-long = Ein Bericht umfasst höchstens { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }; der Beginn wurde verschoben.
console-note-sign-in-failed = Anmeldung fehlgeschlagen. Prüfen Sie Name, Passwort und Code und versuchen Sie es erneut.
console-note-signed-out = Sie sind abgemeldet.
console-note-provider-unavailable = Die Anmeldung beim Dienst der Organisation ist gerade nicht möglich. Versuchen Sie es in ein paar Minuten erneut oder melden Sie sich mit Admin-Namen, Passwort und Code an.
console-note-provider-refused = Die Anmeldung beim Dienst der Organisation hat Ihnen keinen Zugang zur Konsole gegeben. Nur Mitglieder ihrer Admin-Gruppen können sich dort anmelden.
console-provider-button = Mit { $name } anmelden
console-provider-signed-in = Angemeldet als { $address }. Die Konsole wird geöffnet …
console-open = Konsole öffnen

## Admin console: names of statuses, audit kinds and restrictions
restriction-none = keine
restriction-no-print = kein Drucken
restriction-no-print-no-reply = kein Drucken, keine Antwort
audit-kind-sign-in = Anmeldungen
audit-kind-sign-in-failed = Fehlanmeldungen
audit-kind-lockout = Sperren
audit-kind-password = Passwörter und Resets
audit-kind-admin-sign-in = Admin-Anmeldungen
audit-kind-admin-sign-in-failed = Admin-Fehlanmeldungen
audit-kind-admin-change = Admin-Änderungen
audit-kind-account = Andere Kontoereignisse
audit-kind-certificate = Zertifikate
console-tab-all = Alle

## Sizes (decimal units, as the configuration counts them; the unit symbols kB, MB, GB stay)
size-bytes = { $n ->
        [one] { $n } Byte
       *[other] { $n } Byte
    }
size-whole = { $n } { $unit }
size-tenths = { $whole },{ $tenth } { $unit }

## Ages and durations (dashboard, monitor)
age-seconds = { $n ->
        [one] { $n } Sekunde
       *[other] { $n } Sekunden
    }
age-minutes = { $n ->
        [one] { $n } Minute
       *[other] { $n } Minuten
    }
age-hours = { $n ->
        [one] { $n } Stunde
       *[other] { $n } Stunden
    }
age-days = { $n ->
        [one] { $n } Tag
       *[other] { $n } Tage
    }

## The report's chart
chart-title = { $total ->
        [one] { $total } sichere Nachricht
       *[other] { $total } sichere Nachrichten
    }: { $outbound } ausgehend, { $inbound } eingehend, { $from } bis { $to }
chart-total = { $total ->
        [one] { $total } Nachricht
       *[other] { $total } Nachrichten
    }
chart-outbound = ausgehend
chart-inbound = eingehend

## The admin console: adding a user, the directory
console-note-not-an-address = „{ $address }“ ist keine E-Mail-Adresse wie jemand@example.org.
console-note-internal-no-password = { $address } gehört zu einer internen Domain: Interne Benutzer melden sich mit einem Code an, den sie per E-Mail anfordern; es gibt also kein Passwort zu versenden. Lassen Sie das Häkchen weg.
console-note-exists = Für { $address } gibt es bereits ein Konto.
# The last sign-in of a user: when, and from which IP address.
console-last-sign-in = { $date } von { $ip }

## Mails: in place of a subject
note-mail-no-subject = (kein Betreff)
note-mail-gone = (nicht mehr gespeichert)

## Eine Nachricht, deren formatierter Text nicht angezeigt wird
note-html-too-large = Der formatierte Text dieser Nachricht ist zu groß, um ihn hier anzuzeigen.
note-html-too-deep = Der formatierte Text dieser Nachricht ist zu verschachtelt aufgebaut, um ihn hier sicher anzuzeigen.

note-draft-saved = Entwurf gespeichert.
note-draft-deleted = Entwurf gelöscht.
note-draft-kept = Ihre Sitzung war abgelaufen; Ihr Text wurde als Entwurf gespeichert. Melden Sie sich an, um weiterzuschreiben.
note-drafts-full = Sie haben { $most } Entwürfe, mehr werden nicht aufbewahrt. Senden oder löschen Sie einige unter Entwürfe und speichern Sie dann erneut.
note-draft-gone-kept = Dieser Entwurf wurde in einem anderen Fenster gesendet oder gelöscht. Was Sie hier abgeschickt haben, ist als neuer Entwurf gespeichert und wurde nicht gesendet: Prüfen Sie ihn und senden Sie erneut.
note-draft-busy = Ihr Entwurf konnte gerade nicht gespeichert werden: Er wurde gleichzeitig in einem anderen Fenster geändert. Ihr Text steht unten; speichern Sie erneut.

note-display-name-bad = Ihr Name darf höchstens { $most } Zeichen lang sein, in einer Zeile.
note-draft-kept-session-changed = Sie haben sich anderswo erneut angemeldet, während diese Seite offen war; Ihre Nachricht wurde daher nicht gesendet, sondern als dieser Entwurf gespeichert. Prüfen Sie sie und senden Sie sie erneut.

note-passkey-added = Passkey hinzugefügt.
note-passkey-renamed = Passkey umbenannt.
note-passkey-removed = Passkey entfernt.
note-passkey-not-added = Der Passkey wurde nicht hinzugefügt. Versuchen Sie es erneut.
note-passkey-required = Ihre Organisation verlangt einen Passkey: Fügen Sie einen weiteren hinzu, bevor Sie diesen entfernen.
note-passkey-sign-in-failed = Dieser Passkey hat Sie nicht angemeldet. Versuchen Sie es erneut oder melden Sie sich mit Ihrer Adresse an.

console-passkeys-title = Ihre Passkeys
console-passkeys-explain = Ein Passkey meldet Sie an der Konsole mit Fingerabdruck, Gesicht oder Bildschirmsperre dieses Computers, Ihres Telefons oder eines Sicherheitsschlüssels an, statt mit Passwort und Authenticator-Code. Er funktioniert nur auf dieser Website.
console-passkeys-required = Die Konsole akzeptiert jetzt nur noch Passkeys. Fügen Sie einen hinzu, um fortzufahren.
console-note-passkey-required = Die Konsole akzeptiert nur Passkeys: Fügen Sie einen weiteren hinzu, bevor Sie diesen entfernen.
console-note-passkey-failed = Dieser Passkey hat Sie nicht angemeldet. Versuchen Sie es erneut oder verwenden Sie einen anderen.
console-note-passkey-removed = Passkey entfernt.
note-passkey-required-sign-in = Ihre Organisation verlangt die Anmeldung mit Ihrem Passkey: Verwenden Sie „Mit einem Passkey anmelden“.
