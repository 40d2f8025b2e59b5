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
mail-greeting = Goedendag,
# Appended when a support contact is set (HTML footer, first-contact mail).
mail-questions = Vragen: { $support }.
# Last line of every text part, below "--".
mail-signature = Beveiligde berichten van { $org }. Dit is een automatisch bericht; antwoorden worden niet gelezen.
# Labels in the small tables (the text part adds a colon).
mail-label-subject = Onderwerp
mail-label-sent = Verzonden
mail-label-to = Aan
mail-label-portal = Portaal
mail-label-sign-in-as = Aanmelden als
mail-label-password = Wachtwoord

## _layout.html

# Footer of every HTML part.
mail-footer-automatic = Dit is een automatisch bericht van { $org }. Beantwoord dit bericht niet.

## secure_message (notice of a new secure message)

mail-secure-subject = Er wacht een beveiligd bericht op u bij { $org }
# When notify.name_sender is on. $sender: the sender's name and address.
mail-secure-sent-by = <strong>{ $sender }</strong> heeft u (<strong>{ $recipient }</strong>) via { $org } een beveiligd bericht gestuurd.
# When the sender is not named.
mail-secure-sent-to-you = Er is via { $org } een beveiligd bericht naar u (<strong>{ $recipient }</strong>) gestuurd.
# "it": the secure message.
mail-secure-not-included = Voor uw veiligheid is het niet in deze e-mail opgenomen.
# Text part only: the link follows on the next line.
mail-secure-read-here = Lees het hier (u wordt gevraagd zich aan te melden):
# HTML part only: the button that opens the message.
mail-secure-button = Beveiligd bericht lezen
mail-secure-sign-in = Meld u aan met uw e-mailadres. Als dit het eerste beveiligde bericht is dat u van { $org } ontvangt, krijgt u uw eerste wachtwoord in een aparte e-mail.
mail-genuine-advice = <strong>Zo herkent u een echte melding:</strong> deze linkt alleen naar { $portal_url }, vraagt nooit per e-mail om uw wachtwoord en bevat nooit bijlagen.
# Follows mail-genuine-advice; the second form when a support contact is set.
mail-genuine-check = Typ bij twijfel zelf { $portal_url } in uw browser.
mail-genuine-check-support = Typ bij twijfel zelf { $portal_url } in uw browser of neem contact op met { $support }.

## first_contact (sign-in details: a new account, or a password an administrator issued)

mail-first-subject = Uw aanmeldgegevens voor beveiligde berichten van { $org }
# An administrator issued a new password.
mail-first-reset-intro = Een beheerder van { $org } heeft u een nieuw wachtwoord gegeven voor het beveiligde portaal waar u vertrouwelijke berichten leest.
# A new account.
mail-first-intro = { $org } gebruikt een beveiligd portaal voor vertrouwelijke berichten. Er is een account voor u aangemaakt, zodat u ze kunt lezen.
# "Change password": the name of the portal's page for choosing a password.
mail-first-keep = U mag dit wachtwoord houden, of na het aanmelden zelf een wachtwoord kiezen via ‘Wachtwoord wijzigen’.
# A new account's one-time password.
mail-first-once = Dit wachtwoord werkt één keer: bij uw eerste aanmelding kiest u een eigen wachtwoord.
# A one-time password an administrator issued.
mail-first-once-next = Dit wachtwoord werkt één keer: bij uw volgende aanmelding kiest u een eigen wachtwoord.
mail-first-private = Houd deze e-mail privé en verwijder hem daarna.
mail-first-never-ask = Wij vragen u nooit per e-mail om uw wachtwoord.

## password_reset (a link to choose a new password)

mail-reset-subject = Uw wachtwoord voor beveiligde berichten van { $org } opnieuw instellen
mail-reset-asked = Iemand (hopelijk u) heeft gevraagd het wachtwoord van <strong>{ $recipient }</strong> voor beveiligde berichten van { $org } opnieuw in te stellen.
# Text part only: the link follows on a line of its own.
mail-reset-open = Open deze link om een nieuw wachtwoord te kiezen:
# HTML part only: the button that opens the link.
mail-reset-button = Nieuw wachtwoord kiezen
# $hours: how long the link works (password.reset_link_hours).
mail-reset-expires = { $hours ->
    [one] De link werkt één keer en verloopt over { $hours } uur.
   *[other] De link werkt één keer en verloopt over { $hours } uur.
}
mail-reset-again = Als u opnieuw een link aanvraagt, werkt deze link niet meer.
mail-reset-not-you = Als u dit niet hebt aangevraagd, kunt u deze e-mail negeren: uw wachtwoord blijft ongewijzigd.

## sign_in_code (a code to sign in with)

mail-code-subject = Uw aanmeldcode voor { $org }: { $code }
# The code follows on a line of its own.
mail-code-intro = Uw code om u als <strong>{ $recipient }</strong> aan te melden bij beveiligde berichten van { $org } is:
# $minutes: how long the code works (portal.sign_in_code_minutes).
mail-code-valid = { $minutes ->
    [one] De code is { $minutes } minuut geldig.
   *[other] De code is { $minutes } minuten geldig.
}
mail-code-not-you = Als u niet hebt geprobeerd u aan te melden, kunt u deze e-mail negeren; niemand kan zich aanmelden zonder de code.

## read_receipt (to a sender: a recipient opened their message)

# $subject: the message's subject.
mail-receipt-subject = Gelezen: { $subject }
# Above a small table (subject, when sent); the sentence goes on with mail-receipt-opened below it.
mail-receipt-intro = Uw beveiligde bericht
# Below the table. $reader: the address that opened it; $read_at: when (a date and time in UTC).
mail-receipt-opened = is geopend door <strong>{ $reader }</strong> op { $read_at }.
mail-receipt-status = Wie het tot nu toe heeft gelezen, en het terugroepen of verlengen:
mail-receipt-status-button = Status van het bericht bekijken

## delivery_failure (to a sender: a message could not be delivered)

# $subject: the message's subject.
mail-failure-subject = Niet bezorgd: { $subject }
# Above a small table (subject, recipients); the sentence goes on with mail-failure-not-delivered below it.
mail-failure-intro = Uw bericht
# Below the table; the reason (the receiving server's answer, in English) follows.
mail-failure-not-delivered = kon niet worden bezorgd:
mail-failure-no-retry = Voor deze ontvangers worden geen nieuwe pogingen meer gedaan.
# Text part only, when a support contact is set.
mail-failure-help = Als u hulp nodig hebt, neem dan contact op met { $support }.

## welcome (to an internal user whose portal account was just made)

mail-welcome-subject = Uw portaal voor beveiligde berichten van { $org }
mail-welcome-intro = U hebt nu een account op het portaal voor beveiligde berichten van { $org } als <strong>{ $recipient }</strong>.
mail-welcome-uses = Daar ziet u wie uw beveiligde berichten heeft gelezen, kunt u ze terugroepen of verlengen, antwoorden lezen en nieuwe beveiligde berichten schrijven.
mail-welcome-sign-in = Hier aanmelden:
mail-welcome-button = Portaal openen
mail-welcome-code = Vul uw adres in en kies „Mail mij liever een aanmeldcode”: geen wachtwoord nodig. U kunt ook een wachtwoord instellen via „Wachtwoord vergeten?”.
mail-welcome-password = Vul uw adres in en kies „Wachtwoord vergeten?” om een wachtwoord in te stellen.
mail-welcome-directory = Vul uw adres in en daarna het gebruikelijke wachtwoord van uw organisatie (dat van haar directory): er is geen ander wachtwoord in te stellen.
mail-welcome-provider = Vul uw adres in: u gaat naar { $name } om u aan te melden met het account van uw organisatie, en daarna terug naar het portaal.
