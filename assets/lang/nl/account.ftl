# The portal's page frame (head, header, footer) and the account pages:
# signing in, the second step, two-step sign-in setup, passwords (change,
# reset, forgotten), sessions, preferences with the time zone field, the
# delete confirmation, error pages and the print view.
# Page titles and messages of error pages, notices, errors and the password
# checklist rules come from the code (notes.ftl), as do dates.

## _base.html

# After the page's own title in the browser tab: "Sign in · Example Org secure messages".
# $org: the organisation's name (notify.organisation).
base-title-suffix = Beveiligde berichten van { $org }
# Link for keyboard users, first on every page: jumps over the header.
base-skip-link = Naar de inhoud

## _layout.html

# Beside the organisation's name in the header (styled apart from it): "Example Org secure messages".
layout-brand-tagline = beveiligde berichten
# Button that opens the header menu on phones.
layout-menu = Menu
# Label of the header navigation, read by screen readers.
layout-nav-label = Account
layout-preferences = Voorkeuren
layout-sessions = Sessies
layout-change-password = Wachtwoord wijzigen
layout-two-step = Tweestapsverificatie
layout-sign-out = Afmelden
# Footer. $support: the help contact the administrator configured (notify.support_contact), as written there.
layout-help = Hulp: { $support }
layout-never-ask = Wij vragen nooit per e-mail om uw wachtwoord.

## login.html

# Page title and heading.
login-title = Aanmelden
# Button of the password and sign-in code forms.
login-submit = Aanmelden
# Step 1: the address.
login-address-label = E-mailadres
login-next = Volgende
# Step 2. $address: the address typed in step 1. A "Not you?" link follows.
login-signing-in-as = Aanmelden als <strong>{ $address }</strong>
login-not-you = Niet u?
login-password-label = Wachtwoord
login-forgot-link = Wachtwoord vergeten?
login-code-instead = Mail mij liever een aanmeldcode
# After asking for a sign-in code by email. $address: the address typed.
login-code-sent = Als <strong>{ $address }</strong> hier een account heeft, is er een aanmeldcode onderweg.
# $minutes: how long the emailed code works (portal.sign_in_code_minutes).
login-code-valid = { $minutes ->
    [one] De code is { $minutes } minuut geldig.
   *[other] De code is { $minutes } minuten geldig.
}
login-code-label = Aanmeldcode uit de e-mail
login-code-resend = Nieuwe code sturen
login-password-instead = Liever aanmelden met uw wachtwoord

## password.html

# Page title, heading and button when the password is changed while signed in.
password-change-title = Wachtwoord wijzigen
password-directory = Adressen bij { $domain } melden zich aan met het wachtwoord van uw organisatie, dat in haar directory wordt beheerd: wijzig het daar (op de gebruikelijke manier van uw organisatie, of via haar IT-support).
password-directory-back = Terug
password-provider = Adressen bij { $domain } melden zich aan bij { $name } met het account van uw organisatie: wijzig of herstel het wachtwoord daar (op de gebruikelijke manier van uw organisatie, of via de IT-ondersteuning).
password-change-submit = Wachtwoord wijzigen
# Page title, heading and button when a reset link from the mail was opened.
password-reset-title = Kies een nieuw wachtwoord
password-reset-submit = Wachtwoord instellen
# The reset link is no longer valid.
password-gone-title = Deze link werkt niet meer
password-gone = De link is al gebruikt, vervangen door een nieuwere of verlopen.
# One sentence made of two links and the word between them:
# "[Ask for a new link] or [sign in]." (password-gone-end closes the sentence).
password-gone-new-link = Vraag een nieuwe link aan
password-gone-or = of
password-gone-sign-in = meld u aan
password-gone-end = { "." }
# The password has expired.
password-expired = Uw wachtwoord is verlopen.
# Followed by a link (password-expired-reset-link), then password-expired-end:
# "Choose a new one to go on, or [reset it by email]."
password-expired-choose = Kies een nieuw wachtwoord om verder te gaan, of
password-expired-reset-link = stel het opnieuw in via e-mail
password-expired-end = { "." }
# The administrator set the password: the user must choose their own.
password-forced = Kies uw eigen wachtwoord voordat u verdergaat.
password-current-label = Huidig wachtwoord
password-new-label = Nieuw wachtwoord
password-again-label = Herhaal nieuw wachtwoord

## forgot.html

# Page title and heading.
forgot-title = Wachtwoord vergeten
forgot-directory = Adressen bij { $domain } melden zich aan met het wachtwoord van uw organisatie. Gebruik om het opnieuw in te stellen de gebruikelijke manier van uw organisatie of vraag haar IT-support; intussen kunt u zich aanmelden met een gemailde code.
forgot-intro = Voer uw adres in, dan sturen wij u per e-mail een link om een nieuw wachtwoord te kiezen.
forgot-address-label = E-mailadres
forgot-submit = Herstellink sturen
# After sending. $address: the address typed.
forgot-link-sent = Als <strong>{ $address }</strong> een account heeft, is er een link onderweg om een nieuw wachtwoord te kiezen.
# $hours: how long the link works (password.reset_link_hours).
forgot-link-valid = { $hours ->
    [one] De link werkt één keer en is { $hours } uur geldig.
   *[other] De link werkt één keer en is { $hours } uur geldig.
}
forgot-back = Terug naar aanmelden

## confirm.html (deleting messages from the mailbox)

# Page title, and heading when the messages move to Deleted.
confirm-title = Verwijderen?
# Heading when the messages are removed from Deleted for good.
confirm-purge-title = Definitief verwijderen?
confirm-purge-text = Deze berichten worden uit uw postvak verwijderd; dit kan niet ongedaan worden gemaakt.
confirm-move-text = Deze berichten worden verplaatst naar Verwijderd, waar u ze kunt herstellen.
# One message of the list. $subject: its subject; $who: its sender.
confirm-item = <strong>{ $subject }</strong> van { $who }
confirm-no-subject = (geen onderwerp)
confirm-ok = OK
confirm-cancel = Annuleren

## second_factor.html (the code after the password)

# Page title and heading.
second-factor-title = Tweede stap
# $user: the address signing in.
second-factor-intro = Voer de 6-cijferige code in die uw authenticator-app toont voor <strong>{ $user }</strong>, of een van uw herstelcodes.
second-factor-code-label = Code
second-factor-submit = Doorgaan
second-factor-lost = Uw telefoon en uw herstelcodes kwijt? Neem contact op met uw beheerder.

## totp.html (setting up two-step sign-in)

# Page title and heading.
totp-title = Tweestapsverificatie
# Shown once, above the new recovery codes.
totp-recovery-heading = Uw herstelcodes.
totp-recovery-once = Elke code werkt één keer, in plaats van een authenticatorcode, als u uw telefoon kwijtraakt.
totp-recovery-keep = Bewaar ze op een veilige plek: ze worden alleen nu getoond.
totp-recovery-done = Ik heb ze bewaard, doorgaan
# $since: the date it was turned on; $count: how many unused recovery codes are left.
totp-status-on = { $count ->
    [one] Tweestapsverificatie is <strong>ingeschakeld</strong> (sinds { $since }); nog { $count } herstelcode over.
   *[other] Tweestapsverificatie is <strong>ingeschakeld</strong> (sinds { $since }); nog { $count } herstelcodes over.
}
totp-current-code-label = Huidige authenticatorcode
totp-new-recovery-codes = Nieuwe herstelcodes maken
totp-turn-off = Tweestapsverificatie uitschakelen
totp-scan = Scan deze code met een authenticator-app (bijvoorbeeld FreeOTP, Aegis of Google Authenticator) en voer daarna de 6-cijferige code in die de app toont.
# Followed by the key itself.
totp-by-hand = Scannen lukt niet? Voer deze sleutel handmatig in:
totp-code-label = Code uit de app
totp-turn-on = Inschakelen
totp-required = Uw organisatie vereist tweestapsverificatie. Stel deze in om door te gaan.
totp-explain = Met tweestapsverificatie hebt u bij het aanmelden uw wachtwoord nodig én een code uit een app op uw telefoon.
totp-set-up = Tweestapsverificatie instellen

## sessions.html

# Page title.
sessions-title = Sessies
sessions-heading = Waar u bent aangemeld
# $at: date and time; $ip: the IP address; $agent: the browser's own description (User-Agent).
sessions-previous = Vorige aanmelding: { $at } vanaf { $ip } ({ $agent })
# Column headings and cell labels (phones show the label beside each cell).
sessions-col-started = Gestart
sessions-col-last-active = Laatst actief
# The IP address the session signed in from.
sessions-col-address = Adres
sessions-col-browser = Browser
# After the start time of the session in use.
sessions-this-one = (deze)
sessions-end-others = Alle andere sessies afmelden

## preferences.html

# Page title and heading.
preferences-title = Voorkeuren
# Followed by the current date and time in the chosen format.
preferences-now-example = Datums zien er nu zo uit:
preferences-week-label = Eerste dag van de week
preferences-week-monday = Maandag
preferences-week-sunday = Zondag
preferences-week-saturday = Zaterdag
preferences-language-label = Taal
# First choice of the language list: follow the language the browser asks for.
# The other choices are each language's own name (language-name).
preferences-language-browser = Taal van uw browser
preferences-signature-label = Handtekening
preferences-signature-hint = Wordt toegevoegd onder nieuwe berichten en antwoorden die u hier schrijft; u kunt hem in elk bericht aanpassen.
preferences-submit = Voorkeuren opslaan

## _zone_field.html (time zone of the preferences forms, portal and admin)

zone-label = Tijdzone
# Groups of the time zone list: a few common ones, then all of them.
zone-common = Veelgebruikt
zone-every = Alle tijdzones
# Shown by the page's script when it picked the browser's zone for a user who never saved one.
zone-suggested = De tijdzone van uw browser is gekozen; sla op om deze te behouden.

## error.html

# $reference: an error reference code for support.
error-reference = Referentie: <code>{ $reference }</code> (vermeld deze als u contact opneemt met support)
error-start-page = Naar de startpagina

## print.html

# Tab title of the print view of a message without a subject.
print-no-subject = (geen onderwerp)
print-button = Afdrukken

preferences-name-label = Uw naam
preferences-name-hint = Staat naast { $address } in berichten die u schrijft. Leeg: de naam die de andere partij voor u gebruikte, als die er is.

## passkeys.html, _passkey_enrol.html en _passkey_sign_in.html

layout-passkeys = Passkeys
passkeys-title = Passkeys
passkeys-explain = Met een passkey meldt u zich aan met uw telefoon, computer of beveiligingssleutel: vingerafdruk, gezicht of schermvergrendeling in plaats van een wachtwoord. Hij werkt alleen op deze site, dus een nagemaakte pagina kan hem niet gebruiken.
passkeys-offer = Voeg nu een passkey toe; de volgende keer meldt u zich aan zonder wachtwoord of gemailde code.
passkeys-required = Uw organisatie vereist een passkey. Voeg er een toe om verder te gaan.
passkeys-unavailable = Passkeys zijn op dit portaal niet beschikbaar.
passkeys-none = U hebt nog geen passkeys.
passkeys-name-label = Naam
passkeys-rename = Hernoemen
passkeys-added-at = Toegevoegd { $at }
passkeys-last-used = laatst gebruikt { $at }
passkeys-never-used = nooit gebruikt
passkeys-synced = gesynchroniseerd met uw andere apparaten
passkeys-remove = „{ $name }” verwijderen
passkeys-new-name-label = Naam van de nieuwe passkey
passkeys-new-name-hint = Bijvoorbeeld „Werklaptop” of „Telefoon”, om uw passkeys uit elkaar te houden.
passkeys-add = Passkey toevoegen
passkeys-add-instead = Een passkey gebruiken
passkeys-add-failed = Er is geen passkey toegevoegd. Probeer het opnieuw of gebruik een ander apparaat.
passkeys-unsupported = Deze browser kan geen passkeys maken (of scripts staan uit).
passkeys-not-now = Nu niet
passkeys-instead-heading = Of gebruik een passkey in plaats van een wachtwoord
passkeys-instead-explain = Meld u voortaan aan met de vingerafdruk, het gezicht of de schermvergrendeling van dit apparaat. Het gemailde wachtwoord werkt dan niet meer.
login-passkey = Aanmelden met een passkey
login-passkey-failed = Aanmelden met een passkey is niet gelukt. Probeer het opnieuw of vul uw adres in.
