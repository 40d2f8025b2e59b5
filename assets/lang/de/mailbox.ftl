# The portal's mailbox: folder pages, search, reading a message, writing one,
# the sender's status panel, the date fields of the preferences forms, and the
# words portal.js shows on the compose page (given to it through compose.html).
# Folder names, message statuses, notices, errors and dates come from the code.

## _search_box.html

search-box-label = Ihre Nachrichten durchsuchen
search-box-placeholder = Absender, Betreff, Text, Anhänge durchsuchen
# Label of the period list beside the search field.
search-box-when = Empfangen
search-when-any = Jederzeit
search-when-today = Heute
search-when-week = Diese Woche
search-when-month = Dieser Monat
search-box-submit = Suchen

## search.html

# Page title and heading.
search-title = Suche
# $days: how many days back the search looks (portal.archive_search_days).
search-window = { $days ->
    [one] Suche in allen Ordnern, Nachrichten des letzten Tages.
   *[other] Suche in allen Ordnern, Nachrichten der letzten { $days } Tage.
}
search-how = Geben Sie Suchbegriffe ein: Alle müssen im Absender, in den Empfängern, im Betreff, im Text oder in den Namen der Anhänge vorkommen.
# Table caption, read by screen readers. $words: what the user searched for.
search-caption = Treffer für { $words }, neueste zuerst
# Column heading and cell label: the sender, or the recipients of a sent message.
search-col-who = Von / An
search-col-folder = Ordner
search-page = Seite { $page }
# No result. $words: what the user searched for; "in that period": a period was chosen.
search-none = Keine Treffer.
search-none-words = Keine Treffer für „{ $words }“.
search-none-period = Keine Treffer in diesem Zeitraum.
search-none-words-period = Keine Treffer für „{ $words }“ in diesem Zeitraum.

## _rows.html (the message lists: folders and search results)

# Column headings and cell labels (phones show the label beside each cell).
rows-col-subject = Betreff
rows-col-date = Datum
rows-col-size = Größe
rows-no-subject = (kein Betreff)
# After the subject of an unread message, read by screen readers only.
rows-unread = (ungelesen)
# Tooltip and label of the paper-clip icon of a message with attachments.
rows-attachments = { $count ->
    [one] { $count } Anhang
   *[other] { $count } Anhänge
}
# The list's page links (label of the group, then the links).
rows-pager-label = Seiten
rows-newer = ← Neuer
rows-older = Älter →

## mailbox.html

mailbox-folders-label = Ordner
mailbox-new-message = Neue Nachricht
# Tooltip of a folder's count of unread messages.
mailbox-unread-title = ungelesen
# Read by screen readers right after a folder's count of unread messages ("3 unread").
mailbox-unread-after-count = { $count ->
    [one] ungelesen
   *[other] ungelesen
}
# $days: how many days messages stay in the folders (portal.inbox_days).
mailbox-window = { $days ->
    [one] Nachrichten des letzten Tages.
   *[other] Nachrichten der letzten { $days } Tage.
}
# The same with $total, the number of messages in the folder shown.
mailbox-window-total = { $days ->
    [one] Nachrichten des letzten Tages: { $total }.
   *[other] Nachrichten der letzten { $days } Tage: { $total }.
}
# Label of the buttons acting on the ticked messages.
mailbox-selected-label = Mit den ausgewählten Nachrichten
# Table caption, read by screen readers. $folder: the folder's name.
mailbox-caption = { $folder }, neueste zuerst
# Heading of the column of tick boxes, read by screen readers only.
mailbox-col-select = Auswählen
mailbox-col-from = Von
# Heading in the Sent folder: the recipients.
mailbox-col-to = An
mailbox-col-status = Status
# Label of a message's tick box. $subject: the message's subject.
mailbox-select-message = { $subject } auswählen
mailbox-page = Seite { $page } von { $pages }
mailbox-empty = Keine Nachrichten.

## message.html

message-no-subject = (kein Betreff)
# Link back to the folder. $folder: the folder's name.
message-back = ← { $folder }
message-reply = Antworten
message-reply-all = Allen antworten
message-print = Drucken
message-open-tab = In neuem Tab öffnen
message-download-eml = .eml herunterladen
# Printed instead of the message when the sender forbade printing.
message-print-refused = Der Absender hat darum gebeten, diese Nachricht nicht zu drucken. Sie kann nur im sicheren Portal gelesen werden.

## _message_body.html (the message page and the print view)

# Header names.
body-from = Von
body-to = An
body-cc = Cc
body-received = Empfangen
body-expires = Läuft ab
body-attachments-label = Anhänge
# $count: how many images of the message would have been fetched from elsewhere.
body-images-blocked = { $count ->
    [one] { $count } externes Bild wurde nicht geladen, damit der Absender nicht erkennen kann, wann Sie diese Nachricht lesen.
   *[other] { $count } externe Bilder wurden nicht geladen, damit der Absender nicht erkennen kann, wann Sie diese Nachricht lesen.
}
body-show-images = Bilder anzeigen
body-frame-title = Nachrichtentext
# After the reason the formatted text is not shown.
body-too-complex-download = Laden Sie die Nachricht (.eml) herunter, um sie in Ihrem E-Mail-Programm zu öffnen.
body-too-complex-no-download = Der Absender erlaubt das Herunterladen nicht; bitten Sie ihn um eine einfachere Fassung.
body-plain-follows = Es folgt die reine Textfassung.
body-text-cut = Der Text ist hier abgeschnitten: Er ist zu lang, um vollständig angezeigt zu werden.
body-text-cut-download = Laden Sie die Nachricht (.eml) herunter, um sie vollständig zu lesen.

## _actions.html (buttons on the folder pages and the message page)

actions-mark-read = Als gelesen markieren
actions-mark-unread = Als ungelesen markieren
actions-restore = Wiederherstellen
actions-purge = Endgültig löschen
actions-delete = Löschen

## compose.html

compose-new-title = Neue sichere Nachricht
compose-reply-title = Antworten
compose-reply-all-title = Allen antworten
# After the error that stopped a reply or a message from being sent.
compose-recipients-label = Empfänger
compose-to = An
compose-cc = Cc
compose-reply-hint = Eine Antwort geht nur an die Personen der ursprünglichen Nachricht.
compose-to-hint = Trennen Sie mehrere Adressen durch Kommas.
# $domains: the organisation's mail domains, "example.org, example.com".
compose-to-domains = Sie können an Adressen bei { $domains } schreiben.
# The same when no domain is configured.
compose-to-organisation = Sie können an Adressen der Organisation schreiben, mit der Sie korrespondieren.
compose-subject = Betreff
compose-body = Nachricht
compose-attachments = Anhänge
# $limit: the size allowed, "50 MB".
compose-attachments-hint = Insgesamt bis zu { $limit }.
compose-options = Optionen für sichere Nachrichten
compose-mode = Sichere Zustellung
compose-mode-external = Nur externe Empfänger
compose-mode-all = Alle Empfänger
compose-mode-off = Aus (Richtlinien gelten weiter)
compose-read-receipt = Lesebestätigung anfordern
compose-restriction = Einschränkungen
compose-restriction-none = Keine
compose-restriction-no-print = Eingeschränkt – kein Drucken
compose-restriction-no-print-no-reply = Eingeschränkt – kein Drucken, keine Antwort
# Label of the expiry list (its choices are "7 Tage", "30 Tage (Standard)").
compose-expiry = Ablauffrist
# A choice of the expiry list.
compose-expiry-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
# The same for the organisation's default.
compose-expiry-days-default = { $days ->
    [one] { $days } Tag (Standard)
   *[other] { $days } Tage (Standard)
}
compose-upload-progress = Upload-Fortschritt
compose-send = Senden

## portal.js (the compose page's script; compose.html gives it these texts)
## In the page $size, $n and $percent are placeholders, "{size}", "{n}" and
## "{percent}", that the script replaces with the value (once each): keep each once.

# Shown at once when the chosen files are over the limit. $size: their total
# (one of the script-size- texts below); $limit: the size allowed, "50 MB".
script-size-error = Die Anhänge umfassen { $size }; pro Nachricht sind insgesamt { $limit } erlaubt. Entfernen Sie einige und versuchen Sie es erneut.
# Sizes as the server writes them (decimal units, rounded up). $n: the number, "999", "13", "4.2".
script-size-bytes = { $n } Byte
script-size-kb = { $n } kB
script-size-mb = { $n } MB
script-size-gb = { $n } GB
# $percent: how much of the message is sent, 0 to 100.
script-uploading = Wird hochgeladen … { $percent } %
script-send-failed = Die Nachricht konnte nicht gesendet werden: Die Verbindung ist fehlgeschlagen. Versuchen Sie es erneut.

## _tracking.html (the sender's status panel on their own sent message)

# Before the message's status ("Delivery status: Read").
tracking-title = Zustellstatus:
# $expires, $extended: dates.
tracking-expires = Läuft am { $expires } ab.
tracking-expires-extended = Läuft am { $expires } ab (verlängert am { $extended }).
tracking-recalled = Zurückgerufen am { $recalled }.
tracking-caption = Status je Empfänger
tracking-col-recipient = Empfänger
tracking-col-status = Status
# Heading of the column of buttons, read by screen readers only.
tracking-col-access = Zugriff
# After a recipient's status: when they read the message.
tracking-read-at = (gelesen am { $date })
tracking-grant = Zugriff wieder erteilen
tracking-revoke = Zugriff entziehen
# Read by screen readers after the button's label ("Revoke access for bob@example.org").
tracking-access-for = für { $address }
tracking-extend-label = Ablauf verlängern bis
tracking-extend = Verlängern
# $limit: the date the retention period ends.
tracking-extend-hint = Einmal pro Nachricht möglich, höchstens bis { $limit } (Ende der Aufbewahrungsfrist).
# The box to tick before recalling (the refusal when it is not ticked quotes it).
tracking-recall-confirm = Ich verstehe, dass ein Rückruf nicht rückgängig gemacht werden kann
tracking-recall = Bei allen Empfängern zurückrufen
tracking-recall-hint = Bereits gesendete Antworten sind nicht betroffen.

## _date_fields.html (the portal's and the admin console's preferences)

dates-format = Datumsformat
dates-clock = Zeitformat
dates-clock-24 = 24 Stunden (14:05)
dates-clock-12 = 12 Stunden (2:05 PM)

mailbox-drafts = Entwürfe
drafts-hint = Begonnene Nachrichten, beim Schreiben gespeichert. Öffnen Sie eine, um weiterzuschreiben; höchstens { $most } werden aufbewahrt.
drafts-col-saved = Gespeichert
drafts-col-actions = Aktionen
drafts-attachments = { $count ->
    [one] 1 Datei
   *[other] { $count } Dateien
} ({ $size })
drafts-delete = Löschen
drafts-delete-label = Den Entwurf „{ $subject }“ löschen
drafts-empty = Keine Entwürfe. Was Sie schreiben, wird hier gespeichert, bis Sie es senden.
compose-bcc = Bcc
compose-bcc-hint = Blindkopien: Diese Empfänger erhalten die Nachricht, ohne dass andere es sehen.
compose-remove-file = { $name } entfernen
compose-choose-files = Dateien auswählen
compose-drop-hint = …oder Dateien hierher ziehen.
compose-stay-signed-in = Angemeldet bleiben
compose-session-ended = Ihre Sitzung ist abgelaufen. Ihr Text ist als Entwurf gespeichert: Melden Sie sich erneut an, um weiterzuschreiben.
compose-sign-in-again = Erneut anmelden
compose-save-draft = Entwurf speichern
script-draft-saved = Entwurf gespeichert: { $time }
script-draft-save-failed = Der Entwurf konnte gerade nicht gespeichert werden; es wird beim Schreiben erneut versucht.
script-draft-gone = Dieser Entwurf wurde in einem anderen Fenster gesendet oder gelöscht. Was Sie jetzt schreiben, wird als neuer Entwurf gespeichert.
script-attached-total = { $size } von { $limit } angehängt
script-session-ending = Ihre Sitzung endet in { $minutes } Min., wenn Sie nicht angemeldet bleiben.

editor-toolbar-label = Formatierung
editor-bold = Fett (Strg+B)
editor-italic = Kursiv (Strg+I)
editor-bullets = Aufzählung (Strg+Umschalt+8)
editor-numbers = Nummerierte Liste (Strg+Umschalt+7)
editor-quote = Zitat (Strg+Umschalt+9)
editor-link = Link (Strg+K)
editor-link-address = Linkadresse
editor-link-apply = Link einfügen
editor-link-cancel = Abbrechen

# The line above the quoted original in a reply; $when: its date as the user reads dates; $from: its sender.
compose-quote-attribution = Am { $when } schrieb { $from }:

message-forward = Weiterleiten
compose-forward-title = Weiterleiten
# The block above a forwarded message's text; $when: its date as the user reads dates.
compose-forward-block =
    ---------- Weitergeleitete Nachricht ----------
    Von: { $from }
    Datum: { $when }
    Betreff: { $subject }
    An: { $to }
