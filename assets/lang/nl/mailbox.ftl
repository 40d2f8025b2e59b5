# The portal's mailbox: folder pages, search, reading a message, writing one,
# the sender's status panel, the date fields of the preferences forms, and the
# words portal.js shows on the compose page (given to it through compose.html).
# Folder names, message statuses, notices, errors and dates come from the code.

## _search_box.html

search-box-label = Zoeken in uw berichten
search-box-placeholder = Zoek op afzender, onderwerp, tekst, bijlagen
# Label of the period list beside the search field.
search-box-when = Ontvangen
search-when-any = Altijd
search-when-today = Vandaag
search-when-week = Deze week
search-when-month = Deze maand
search-box-submit = Zoeken

## search.html

# Page title and heading.
search-title = Zoeken
# $days: how many days back the search looks (portal.archive_search_days).
search-window = { $days ->
    [one] Alle mappen worden doorzocht, berichten van de afgelopen { $days } dag.
   *[other] Alle mappen worden doorzocht, berichten van de afgelopen { $days } dagen.
}
search-how = Typ de woorden waarop u wilt zoeken: ze moeten allemaal voorkomen in de afzender, de ontvangers, het onderwerp, de tekst of de namen van bijlagen.
# Table caption, read by screen readers. $words: what the user searched for.
search-caption = Berichten die overeenkomen met { $words }, nieuwste eerst
# Column heading and cell label: the sender, or the recipients of a sent message.
search-col-who = Van / Aan
search-col-folder = Map
search-page = Pagina { $page }
# No result. $words: what the user searched for; "in that period": a period was chosen.
search-none = Niets gevonden.
search-none-words = Niets gevonden voor ‘{ $words }’.
search-none-period = Niets gevonden in die periode.
search-none-words-period = Niets gevonden voor ‘{ $words }’ in die periode.

## _rows.html (the message lists: folders and search results)

# Column headings and cell labels (phones show the label beside each cell).
rows-col-subject = Onderwerp
rows-col-date = Datum
rows-col-size = Grootte
rows-no-subject = (geen onderwerp)
# After the subject of an unread message, read by screen readers only.
rows-unread = (ongelezen)
# Tooltip and label of the paper-clip icon of a message with attachments.
rows-attachments = { $count ->
    [one] { $count } bijlage
   *[other] { $count } bijlagen
}
# The list's page links (label of the group, then the links).
rows-pager-label = Pagina's
rows-newer = ← Nieuwer
rows-older = Ouder →

## mailbox.html

mailbox-folders-label = Mappen
mailbox-new-message = Nieuw bericht
# Tooltip of a folder's count of unread messages.
mailbox-unread-title = ongelezen
# Read by screen readers right after a folder's count of unread messages ("3 unread").
mailbox-unread-after-count = { $count ->
    [one] ongelezen
   *[other] ongelezen
}
# $days: how many days messages stay in the folders (portal.inbox_days).
mailbox-window = { $days ->
    [one] Berichten van de afgelopen { $days } dag.
   *[other] Berichten van de afgelopen { $days } dagen.
}
# The same with $total, the number of messages in the folder shown.
mailbox-window-total = { $days ->
    [one] Berichten van de afgelopen { $days } dag: { $total }.
   *[other] Berichten van de afgelopen { $days } dagen: { $total }.
}
# Label of the buttons acting on the ticked messages.
mailbox-selected-label = Met de geselecteerde berichten
# Table caption, read by screen readers. $folder: the folder's name.
mailbox-caption = { $folder }, nieuwste eerst
# Heading of the column of tick boxes, read by screen readers only.
mailbox-col-select = Selecteren
mailbox-col-from = Van
# Heading in the Sent folder: the recipients.
mailbox-col-to = Aan
mailbox-col-status = Status
# Label of a message's tick box. $subject: the message's subject.
mailbox-select-message = { $subject } selecteren
mailbox-page = Pagina { $page } van { $pages }
mailbox-empty = Geen berichten.

## message.html

message-no-subject = (geen onderwerp)
# Link back to the folder. $folder: the folder's name.
message-back = ← { $folder }
message-reply = Beantwoorden
message-reply-all = Allen beantwoorden
message-print = Afdrukken
message-open-tab = Openen in nieuw tabblad
message-download-eml = .eml downloaden
# Printed instead of the message when the sender forbade printing.
message-print-refused = De afzender heeft gevraagd dit bericht niet af te drukken. Het kan alleen in het beveiligde portaal worden gelezen.

## _message_body.html (the message page and the print view)

# Header names.
body-from = Van
body-to = Aan
body-cc = Cc
body-received = Ontvangen
body-expires = Verloopt
body-attachments-label = Bijlagen
# $count: how many images of the message would have been fetched from elsewhere.
body-images-blocked = { $count ->
    [one] { $count } externe afbeelding is niet geladen, zodat de afzender niet kan zien wanneer u dit leest.
   *[other] { $count } externe afbeeldingen zijn niet geladen, zodat de afzender niet kan zien wanneer u dit leest.
}
body-show-images = Afbeeldingen tonen
body-frame-title = Berichttekst
# After the reason the formatted text is not shown.
body-too-complex-download = Download het bericht (.eml) om het in uw e-mailprogramma te openen.
body-too-complex-no-download = De afzender staat downloaden niet toe; vraag de afzender om een eenvoudigere versie.
body-plain-follows = Hieronder volgt de versie als platte tekst.
body-text-cut = De tekst is hier afgebroken: hij is te lang om volledig te tonen.
body-text-cut-download = Download het bericht (.eml) om alles te lezen.

## _actions.html (buttons on the folder pages and the message page)

actions-mark-read = Markeren als gelezen
actions-mark-unread = Markeren als ongelezen
actions-restore = Herstellen
actions-purge = Definitief verwijderen
actions-delete = Verwijderen

## compose.html

compose-new-title = Nieuw beveiligd bericht
compose-reply-title = Beantwoorden
compose-reply-all-title = Allen beantwoorden
# After the error that stopped a reply or a message from being sent.
compose-recipients-label = Ontvangers
compose-to = Aan
compose-cc = Cc
compose-reply-hint = Een antwoord gaat alleen naar de personen op het oorspronkelijke bericht.
compose-to-hint = Scheid adressen met komma's.
# $domains: the organisation's mail domains, "example.org, example.com".
compose-to-domains = U kunt schrijven naar adressen bij { $domains }.
# The same when no domain is configured.
compose-to-organisation = U kunt schrijven naar adressen bij de organisatie van uw correspondent.
compose-subject = Onderwerp
compose-body = Bericht
compose-attachments = Bijlagen
# $limit: the size allowed, "50 MB".
compose-attachments-hint = Maximaal { $limit } in totaal.
compose-options = Opties voor beveiligde berichten
compose-mode = Beveiligde bezorging
compose-mode-external = Alleen externe ontvangers
compose-mode-all = Alle ontvangers
compose-mode-off = Uit (beleid blijft gelden)
compose-read-receipt = Leesbevestiging vragen
compose-restriction = Beperkingen
compose-restriction-none = Geen
compose-restriction-no-print = Beperkt – niet afdrukken
compose-restriction-no-print-no-reply = Beperkt – niet afdrukken, niet beantwoorden
compose-expiry = Bericht verloopt na
# A choice of the expiry list.
compose-expiry-days = { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}
# The same for the organisation's default.
compose-expiry-days-default = { $days ->
    [one] { $days } dag (standaard)
   *[other] { $days } dagen (standaard)
}
compose-upload-progress = Uploadvoortgang
compose-send = Verzenden

## portal.js (the compose page's script; compose.html gives it these texts)
## In the page $size, $n and $percent are placeholders, "{size}", "{n}" and
## "{percent}", that the script replaces with the value (once each): keep each once.

# Shown at once when the chosen files are over the limit. $size: their total
# (one of the script-size- texts below); $limit: the size allowed, "50 MB".
script-size-error = De bijlagen zijn samen { $size }; per bericht is in totaal { $limit } toegestaan. Verwijder er een paar en probeer het opnieuw.
# Sizes as the server writes them (decimal units, rounded up). $n: the number, "999", "13", "4.2".
script-size-bytes = { $n } bytes
script-size-kb = { $n } kB
script-size-mb = { $n } MB
script-size-gb = { $n } GB
# $percent: how much of the message is sent, 0 to 100.
script-uploading = Uploaden… { $percent }%
script-send-failed = Het bericht kon niet worden verzonden: de verbinding is mislukt. Probeer het opnieuw.

## _tracking.html (the sender's status panel on their own sent message)

# Before the message's status ("Delivery status: Read").
tracking-title = Bezorgstatus:
# $expires, $extended: dates.
tracking-expires = Verloopt op { $expires }.
tracking-expires-extended = Verloopt op { $expires } (verlengd op { $extended }).
tracking-recalled = Ingetrokken op { $recalled }.
tracking-caption = Status per ontvanger
tracking-col-recipient = Ontvanger
tracking-col-status = Status
# Heading of the column of buttons, read by screen readers only.
tracking-col-access = Toegang
# After a recipient's status: when they read the message.
tracking-read-at = (gelezen { $date })
tracking-grant = Toegang opnieuw verlenen
tracking-revoke = Toegang intrekken
# Read by screen readers after the button's label ("Revoke access for bob@example.org").
tracking-access-for = voor { $address }
tracking-extend-label = Verloopdatum verlengen tot
tracking-extend = Verlengen
# $limit: the date the retention period ends.
tracking-extend-hint = Eén keer per bericht, en nooit later dan { $limit } (de bewaartermijn).
# The box to tick before recalling (the refusal when it is not ticked quotes it).
tracking-recall-confirm = Ik begrijp dat intrekken niet ongedaan kan worden gemaakt
tracking-recall = Intrekken bij alle ontvangers
tracking-recall-hint = Antwoorden die al zijn verzonden, blijven behouden.

## _date_fields.html (the portal's and the admin console's preferences)

dates-format = Datumnotatie
dates-clock = Tijdnotatie
dates-clock-24 = 24-uurs (14:05)
dates-clock-12 = 12-uurs (2:05 PM)

mailbox-drafts = Concepten
drafts-hint = Begonnen berichten, opgeslagen terwijl u schrijft. Open er een om verder te schrijven; er worden er hoogstens { $most } bewaard.
drafts-col-saved = Opgeslagen
drafts-col-actions = Acties
drafts-attachments = { $count ->
    [one] 1 bestand
   *[other] { $count } bestanden
} ({ $size })
drafts-delete = Verwijderen
drafts-delete-label = Het concept ‘{ $subject }’ verwijderen
drafts-empty = Geen concepten. Wat u schrijft, wordt hier bewaard tot u het verstuurt.
compose-bcc = Bcc
compose-bcc-hint = Blinde kopieën: deze ontvangers krijgen het bericht zonder dat iemand het ziet.
compose-remove-file = { $name } verwijderen
compose-choose-files = Bestanden kiezen
compose-drop-hint = …of sleep bestanden hierheen.
compose-stay-signed-in = Aangemeld blijven
compose-session-ended = Uw sessie is verlopen. Uw tekst is bewaard als concept: meld u opnieuw aan om verder te schrijven.
compose-sign-in-again = Opnieuw aanmelden
compose-save-draft = Concept opslaan
script-draft-saved = Concept opgeslagen: { $time }
script-draft-save-failed = Het concept kon nu niet worden opgeslagen; het wordt opnieuw geprobeerd terwijl u schrijft.
script-draft-gone = Dit concept is in een ander venster verzonden of verwijderd. Wat u nu typt, wordt als nieuw concept opgeslagen.
script-attached-total = { $size } van { $limit } bijgevoegd
script-session-ending = Uw sessie eindigt over { $minutes } min, tenzij u aangemeld blijft.

editor-toolbar-label = Opmaak
editor-bold = Vet (Ctrl+B)
editor-italic = Cursief (Ctrl+I)
editor-bullets = Opsommingslijst (Ctrl+Shift+8)
editor-numbers = Genummerde lijst (Ctrl+Shift+7)
editor-quote = Citaat (Ctrl+Shift+9)
editor-link = Link (Ctrl+K)
editor-link-address = Linkadres
editor-link-apply = Link toevoegen
editor-link-cancel = Annuleren

# The line above the quoted original in a reply; $when: its date as the user reads dates; $from: its sender.
compose-quote-attribution = Op { $when } schreef { $from }:

message-forward = Doorsturen
compose-forward-title = Doorsturen
# The block above a forwarded message's text; $when: its date as the user reads dates.
compose-forward-block =
    ---------- Doorgestuurd bericht ----------
    Van: { $from }
    Datum: { $when }
    Onderwerp: { $subject }
    Aan: { $to }
