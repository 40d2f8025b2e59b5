# Words the code puts on pages: error pages, notes after an action, refusals,
# checklist rules, folder and status names, the admin console's notes. Ids: fault-,
# note-, rule-, recipient-state-, folder-, status-, restriction-, audit-kind-, console-, size-,
# age-, chart-.

## Error pages
fault-refused-title = Niet toegestaan
fault-not-found-title = Niet gevonden
fault-not-found = Er is niets op dit adres, of u mag het niet zien.
message-gone-title = Dit bericht is niet meer beschikbaar
message-gone-recalled = { $sender } heeft dit bericht op { $when } teruggeroepen: het kan hier niet meer worden gelezen. Hebt u het nog nodig, vraag het dan aan { $sender }.
message-gone-revoked = { $sender } heeft u op { $when } de toegang tot dit bericht ontnomen. Hebt u het nog nodig, vraag het dan aan { $sender }.
message-gone-removed = Dit bericht is verlopen en op { $when } verwijderd. Hebt u het nog nodig, vraag { $sender } dan om het opnieuw te sturen.
message-gone-help = Vragen over deze dienst: { $contact }
fault-form-expired-title = Formulier verlopen
fault-form-expired = Dit formulier kon niet worden geaccepteerd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
fault-too-large-title = Te groot
fault-too-large = Wat u hebt verzonden, is groter dan deze pagina accepteert.
fault-bad-request-title = Ongeldige aanvraag
fault-bad-request = De aanvraag kon niet worden gelezen.
fault-too-slow-title = Te traag
fault-too-slow = De aanvraag duurde te lang. Probeer het opnieuw.
fault-busy-title = Te veel tegelijk
fault-busy = Dit account verstuurt al meerdere formulieren tegelijk. Wacht even tot die klaar zijn, ga dan terug en probeer het opnieuw.
fault-failed-title = Er is iets misgegaan
fault-failed = Het portaal kon deze aanvraag niet voltooien. Probeer het later opnieuw.

## Notes and refusals
note-damaged = Dit bericht is beschadigd en kan niet worden weergegeven. De beheerder is op de hoogte gebracht.
note-sending-off = Verzenden is uitgeschakeld voor uw account.
note-no-recipient = Voeg ten minste één ontvanger toe.
note-too-many-recipients = Een bericht mag maximaal { $most ->
        [one] { $most } ontvanger
       *[other] { $most } ontvangers
    } hebben.
note-over-cap = U hebt deze maand de limiet van { $limit ->
        [one] { $limit } beveiligde ontvanger
       *[other] { $limit } verschillende beveiligde ontvangers
    } bereikt; dit bericht is daarom niet verzonden.
note-bad-secure-mode = { $got } is geen beveiligde modus
note-no-compose = Vanuit dit portaal kunt u geen nieuwe berichten schrijven; u kunt wel berichten beantwoorden die u hebt ontvangen.
note-write-only-to = U kunt alleen schrijven naar adressen bij { $allowed }; { $outside } hoort daar niet bij.
note-write-nowhere = U kunt naar adressen bij geen enkel domein schrijven; { $outside } is dus niet toegestaan.
note-not-an-address = { $address } is geen e-mailadres.
note-subject-too-long = Het onderwerp mag maximaal { $most ->
        [one] { $most } teken
       *[other] { $most } tekens
    } bevatten.
note-attachments-too-large = De bijlagen zijn samen { $size }; per bericht is in totaal { $limit } toegestaan. Verwijder er een paar en probeer het opnieuw.
note-bad-expiry = De verlooptermijn moet een van de aangeboden keuzes zijn, maximaal { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }.
note-no-print-or-save = De afzender staat niet toe dat dit bericht wordt afgedrukt of opgeslagen.
note-no-print-no-reply = De afzender staat niet toe dat dit bericht wordt afgedrukt of beantwoord.
note-no-print-expired = De afzender staat niet toe dat dit bericht wordt afgedrukt, en het is verlopen, zodat het niet meer kan worden beantwoord.
note-no-print = De afzender staat niet toe dat dit bericht wordt afgedrukt.
note-expired-no-answer = Dit bericht is verlopen en kan daarom niet meer worden beantwoord.
note-no-reply = De afzender staat geen antwoorden op dit bericht toe.
note-recalled-no-extend = Een ingetrokken bericht kan niet worden verlengd.
note-extended-once = De verloopdatum van een bericht kan maar één keer worden verlengd, en bij dit bericht is dat al gebeurd.
note-at-retention-end = Dit bericht verloopt al aan het einde van de bewaartermijn.
note-tick-recall = Vink ‘Ik begrijp dat intrekken niet ongedaan kan worden gemaakt’ aan om het bericht in te trekken.
note-choose-expiry = Kies de nieuwe verloopdatum uit de lijst.
note-recall-final = Dit bericht is ingetrokken; intrekken kan niet ongedaan worden gemaakt. Verzend in plaats daarvan een nieuw bericht.
note-not-later = De nieuwe verloopdatum moet later zijn dan de huidige.
note-not-held = Dat adres is geen beveiligde ontvanger van dit bericht.
note-already-revoked = De toegang van die ontvanger is al ingetrokken.
note-not-revoked = Die ontvanger heeft al toegang.
note-past-retention = Berichten worden maximaal tot { $until } bewaard (de bewaartermijn); de verloopdatum kan niet later zijn.
note-choose-date-format = Kies een datumnotatie uit de lijst.
note-choose-clock = Kies een 12- of 24-uursklok.
note-choose-week-start = Kies de eerste dag van de week uit de lijst.
note-choose-language = Kies een taal uit de lijst.
note-unknown-zone = { $zone } is geen tijdzone die dit portaal kent.
note-signature-too-long = De handtekening mag maximaal { $most ->
        [one] { $most } teken
       *[other] { $most } tekens
    } bevatten.
note-preferences-saved = Voorkeuren opgeslagen.
note-admin-preferences-saved = Opgeslagen: datums worden op elke pagina van de beheerconsole zo weergegeven.
note-compose-limit = U hebt de afgelopen minuten { $per ->
        [one] { $per } bericht
       *[other] { $per } berichten
    } verzonden, het maximum dat het portaal voor één account verzendt. Probeer het over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    } opnieuw.
note-reply-missing = Het bericht waarop u wilt antwoorden, ontbreekt.
note-original-gone = Het bericht dat u beantwoordt of doorstuurt is niet meer beschikbaar (teruggeroepen, ingetrokken of verwijderd). Uw concept blijft bewaard: neem wat u nodig hebt over in een nieuw bericht.
note-choose-mode = Kies een beveiligde modus uit de lijst.
note-choose-restriction = Kies een beperking uit de lijst.
note-choose-expiry-days = Kies een verlooptermijn uit de lijst.
note-sign-in-failed = Aanmelden mislukt. Controleer het adres en het wachtwoord en probeer het opnieuw. Als het blijft mislukken, gebruik dan ‘Wachtwoord vergeten?’ of neem contact op met de afzender van uw bericht.
note-sign-in-locked = Dit account is na te veel mislukte aanmeldingen vergrendeld tot { $until }. Probeer het daarna opnieuw.
note-sign-in-denied = Uw organisatie heeft aanmelden bij dit portaal voor dit account uitgeschakeld. Neem contact met haar op.
note-secure-not-allowed = Uw organisatie heeft u niet toegestaan beveiligde berichten te verzenden. Vraag uw beheerder u toe te voegen aan een groep die dat mag.
note-directory-unavailable = Inloggen met het wachtwoord van uw organisatie is op dit moment niet mogelijk. Kies “Mail mij liever een aanmeldcode” of probeer het later opnieuw.
note-provider-unavailable = Aanmelden bij { $name } is op dit moment niet mogelijk. Probeer het over een paar minuten opnieuw.
note-provider-failed = Aanmelden bij { $name } is niet voltooid. Begin opnieuw.
note-provider-not-ours = { $name } heeft u aangemeld als { $address }, en met dat adres kunt u zich hier niet aanmelden. Meld u daar af en begin opnieuw met uw adres bij deze organisatie.
note-ask-contact = Hulp: { $contact }
note-code-failed = Aanmelden mislukt. Controleer of u de code uit de nieuwste e-mail hebt getypt; een code werkt maar een beperkte tijd en een beperkt aantal pogingen. U kunt een nieuwe code aanvragen.
note-enter-address = Voer het e-mailadres in waarnaar het bericht is verzonden.
note-too-many-codes = Er zijn te veel aanmeldcodes aangevraagd vanaf uw netwerk. Probeer het over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    } opnieuw.
note-signed-out = U bent afgemeld.
note-password-set = Uw wachtwoord is gewijzigd. Meld u aan met het nieuwe wachtwoord.
note-session-ended = Uw sessie is beëindigd. Meld u opnieuw aan.
rule-length = { $min } tot { $max } tekens
rule-lowercase = een kleine letter
rule-uppercase = een hoofdletter
rule-digit = een cijfer
rule-symbol = een symbool (geen letter of cijfer)
rule-not-address = niet uw e-mailadres
rule-not-current = niet uw huidige wachtwoord
note-password-rules = Het nieuwe wachtwoord voldoet niet aan de hieronder gemarkeerde regels.
note-password-mismatch = De twee nieuwe wachtwoorden komen niet overeen.
note-current-password-wrong = Het huidige wachtwoord is onjuist.
note-too-many-links = Er zijn te veel herstellinks aangevraagd vanaf uw netwerk. Probeer het over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    } opnieuw.
rule-not-users-address = niet het e-mailadres van de gebruiker
note-wrong-totp = Die code is onjuist. Codes veranderen elke 30 seconden en werken maar één keer; probeer de nieuwste.
note-totp-sign-in-failed = Aanmelden mislukt. Controleer de code en probeer het opnieuw.
note-totp-off = Tweestapsverificatie is uitgeschakeld.
note-totp-required = Uw organisatie vereist tweestapsverificatie.
recipient-state-delivered-ordinary = Bezorgd als gewone e-mail
recipient-state-delivery-failed = Bezorging mislukt
recipient-state-queued-ordinary = In wachtrij als gewone e-mail
recipient-state-recalled = Ingetrokken
recipient-state-access-revoked = Toegang ingetrokken
recipient-state-read = Gelezen
recipient-state-expired = Verlopen
recipient-state-extended = Verlengd
recipient-state-sent = Verzonden
folder-inbox = Postvak IN
folder-sent = Verzonden
folder-deleted = Verwijderd
status-sent = Verzonden
status-read = Gelezen
status-recalled = Ingetrokken
status-extended = Verlengd
status-expired = Verlopen
status-ordinary = Gewoon
status-ordinary-mail = Gewone e-mail
status-read-by = Gelezen door { $read } van { $held }
note-marked-read = Gemarkeerd als gelezen.
note-marked-unread = Gemarkeerd als ongelezen.
note-moved-deleted = Verplaatst naar Verwijderd.
note-restored = Hersteld.
note-purged = Definitief verwijderd.
note-sent = Bericht verzonden.
note-recalled-all = Het bericht is bij alle ontvangers ingetrokken.
note-extended = De verloopdatum is verlengd.
note-revoked = De toegang van die ontvanger is ingetrokken.
note-granted = Die ontvanger heeft weer toegang.
note-not-dead-lettered = Item { $row } van de uitgaande wachtrij is niet (meer) als onbestelbaar gemarkeerd.

## Admin console
console-note-reset-mail = Er is een nieuw eenmalig wachtwoord naar de gebruiker onderweg.
console-note-added = Het account is aangemaakt; er is niets gemaild. Stel hieronder een wachtwoord in, of de gebruiker meldt zich aan via ‘Wachtwoord vergeten?’ (interne gebruikers: met een gemailde code).
console-note-added-mailed = Het account is aangemaakt; een eerste-contactmail met een eenmalig wachtwoord is onderweg.
console-note-password-forced = Het wachtwoord is ingesteld; de gebruiker moet bij de volgende aanmelding een eigen wachtwoord kiezen.
console-note-password-set = Het wachtwoord is ingesteld; de gebruiker mag het houden.
console-note-force-change = De gebruiker moet bij de volgende aanmelding een nieuw wachtwoord kiezen.
console-note-allow-logon = De gebruiker mag zich aanmelden.
console-note-deny-logon = De gebruiker mag zich niet meer aanmelden; de sessies van de gebruiker zijn beëindigd.
console-note-allow-sending = De gebruiker mag verzenden.
console-note-deny-sending = De gebruiker mag niet meer verzenden.
console-note-unlock = De aanmeldblokkering is opgeheven.
console-confirm-reset-mail-title = Wachtwoord opnieuw instellen en mailen
console-confirm-reset-mail = Het huidige wachtwoord werkt vanaf nu niet meer; er wordt een nieuw eenmalig wachtwoord gemaild naar de gebruiker, die bij de volgende aanmelding een eigen wachtwoord moet kiezen.
console-confirm-reset-show-title = Wachtwoord opnieuw instellen en aan mij tonen
console-confirm-reset-show = Het huidige wachtwoord werkt vanaf nu niet meer; het nieuwe eenmalige wachtwoord wordt één keer aan u getoond.
console-confirm-force-change-title = Wachtwoordwijziging afdwingen
console-confirm-force-change = De gebruiker moet bij de volgende aanmelding een nieuw wachtwoord kiezen, ook in sessies die nu open zijn.
console-confirm-deny-logon-title = Aanmelden weigeren
console-confirm-deny-logon = Alle sessies van de gebruiker worden nu beëindigd, en aanmelden lukt pas weer als het opnieuw wordt toegestaan.
console-confirm-deny-sending-title = Verzenden weigeren
console-confirm-deny-sending = De gebruiker kan nog lezen, maar niet antwoorden of schrijven, totdat verzenden weer wordt toegestaan.
console-confirm-delete-title = Account verwijderen
console-confirm-delete = Het account en de bijbehorende postvakitems worden definitief verwijderd; de audit- en berichtlogboeken blijven bewaard. Dit kan niet ongedaan worden gemaakt.
console-note-date-left-out = Datums worden geschreven als { $pattern }, bijvoorbeeld { $example }; de datum die niet kon worden gelezen, is weggelaten.
console-note-date-replaced = Datums worden geschreven als { $pattern }, bijvoorbeeld { $example }; de datum die niet kon worden gelezen, is vervangen.
console-note-start-after-end = De begindatum lag na de einddatum; het rapport toont alleen de einddag.
console-note-range-too-long = Een rapport beslaat maximaal { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }; de begindatum is verschoven.
console-note-sign-in-failed = Aanmelden mislukt. Controleer de naam, het wachtwoord en de code, en probeer het opnieuw.
console-note-signed-out = U bent afgemeld.
console-note-provider-unavailable = Aanmelden bij de provider van de organisatie is op dit moment niet mogelijk. Probeer het over een paar minuten opnieuw, of meld u aan met uw beheerdersnaam, wachtwoord en code.
console-note-provider-refused = Aanmelden bij de provider van de organisatie gaf u geen toegang tot de console. Alleen leden van de beheerdersgroepen kunnen zich daar aanmelden.
console-provider-button = Aanmelden met { $name }
console-provider-signed-in = Aangemeld als { $address }. De console wordt geopend…
console-open = Console openen

## Admin console: names of statuses, audit kinds and restrictions
restriction-none = geen
restriction-no-print = niet afdrukken
restriction-no-print-no-reply = niet afdrukken, niet beantwoorden
audit-kind-sign-in = Aanmeldingen
audit-kind-sign-in-failed = Mislukte aanmeldingen
audit-kind-lockout = Blokkeringen
audit-kind-password = Wachtwoorden en herstel
audit-kind-admin-sign-in = Beheerdersaanmeldingen
audit-kind-admin-sign-in-failed = Mislukte beheerdersaanmeldingen
audit-kind-admin-change = Beheerderswijzigingen
audit-kind-account = Overige accountgebeurtenissen
audit-kind-certificate = Certificaten
console-tab-all = Alle

## Sizes (decimal units, as the configuration counts them; the unit symbols kB, MB, GB stay)
size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
size-whole = { $n } { $unit }
size-tenths = { $whole },{ $tenth } { $unit }

## Ages and durations (dashboard, monitor)
age-seconds = { $n ->
        [one] { $n } seconde
       *[other] { $n } seconden
    }
age-minutes = { $n ->
        [one] { $n } minuut
       *[other] { $n } minuten
    }
age-hours = { $n ->
        [one] { $n } uur
       *[other] { $n } uur
    }
age-days = { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    }

## The report's chart
chart-title = { $total ->
        [one] { $total } beveiligd bericht
       *[other] { $total } beveiligde berichten
    }: { $outbound } uitgaand, { $inbound } inkomend, { $from } tot en met { $to }
chart-total = { $total ->
        [one] { $total } bericht
       *[other] { $total } berichten
    }
chart-outbound = uitgaand
chart-inbound = inkomend

## The admin console: adding a user, the directory
console-note-not-an-address = ‘{ $address }’ is geen e-mailadres zoals iemand@example.org.
console-note-internal-no-password = { $address } valt onder een intern domein: interne gebruikers melden zich aan met een code die op verzoek wordt gemaild, dus er is geen wachtwoord om te mailen. Laat het vinkje uit.
console-note-exists = Er bestaat al een account voor { $address }.
# The last sign-in of a user: when, and from which IP address.
console-last-sign-in = { $date } vanaf { $ip }

## Mails: in place of a subject
note-mail-no-subject = (geen onderwerp)
note-mail-gone = (niet meer opgeslagen)

## Een bericht waarvan de opgemaakte tekst niet wordt getoond
note-html-too-large = De opgemaakte tekst van dit bericht is te groot om hier te tonen.
note-html-too-deep = De opgemaakte tekst van dit bericht is te ingewikkeld opgebouwd om hier veilig te tonen.

note-draft-saved = Concept opgeslagen.
note-draft-deleted = Concept verwijderd.
note-draft-kept = Uw sessie was verlopen; uw tekst is bewaard als concept. Meld u aan om verder te schrijven.
note-drafts-full = U hebt { $most } concepten, het maximum dat wordt bewaard. Verstuur of verwijder er enkele in Concepten en sla daarna opnieuw op.
note-draft-gone-kept = Dit concept is in een ander venster verzonden of verwijderd. Wat u hier hebt verstuurd, is bewaard als nieuw concept en niet verzonden: controleer het en verzend opnieuw.
note-draft-busy = Uw concept kon nu niet worden opgeslagen: het werd tegelijk in een ander venster gewijzigd. Uw tekst staat hieronder; sla opnieuw op.

note-display-name-bad = Uw naam mag hoogstens { $most } tekens lang zijn, op één regel.
note-draft-kept-session-changed = U hebt zich elders opnieuw aangemeld terwijl deze pagina open was; uw bericht is daarom niet verstuurd maar bewaard als dit concept. Controleer het en verstuur het opnieuw.

note-passkey-added = Passkey toegevoegd.
note-passkey-renamed = Passkey hernoemd.
note-passkey-removed = Passkey verwijderd.
note-passkey-not-added = De passkey is niet toegevoegd. Probeer het opnieuw.
note-passkey-required = Uw organisatie vereist een passkey: voeg er nog een toe voordat u deze verwijdert.
note-passkey-sign-in-failed = Met die passkey bent u niet aangemeld. Probeer het opnieuw of meld u aan met uw adres.

console-passkeys-title = Uw passkeys
console-passkeys-explain = Met een passkey meldt u zich bij de console aan met de vingerafdruk, het gezicht of de schermvergrendeling van deze computer, uw telefoon of een beveiligingssleutel, in plaats van uw wachtwoord en authenticatorcode. Hij werkt alleen op deze site.
console-passkeys-required = De console accepteert nu alleen passkeys. Voeg er een toe om verder te gaan.
console-note-passkey-required = De console accepteert alleen passkeys: voeg er nog een toe voordat u deze verwijdert.
console-note-passkey-failed = Met die passkey bent u niet aangemeld. Probeer het opnieuw of gebruik een andere.
console-note-passkey-removed = Passkey verwijderd.
note-passkey-required-sign-in = Uw organisatie vereist dat u zich aanmeldt met uw passkey: gebruik „Aanmelden met een passkey”.
