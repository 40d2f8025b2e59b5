# The event log as admins read it (monitor story, audit, message view): one
# message per kind of event (src/model/event_words.rs). The English must stay
# word for word the Display of src/model/event_text.rs (logs, CSV and the command
# line keep it); a test compares the two. Ids: event-.
# Arguments that are technical words made elsewhere stay untranslated:
# $outbox (an outbox row's kind), $sent (how a row was sent), $mode, $restriction,
# $folder, $method, $why, $reason, $error, $reply, $part, $stage, $date_format,
# $week_starts. Selectors on yes/no arguments choose between optional parts;
# $days, $attempts, $bytes, $entries, $count, $sessions, $chars, $keys and $left
# are numbers (plural forms).

## A message arrives and the policy decides
event-received = ontvangen van [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size }
event-received-auth = ontvangen van [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size } auth={ $auth }
event-held = vastgehouden in de isolatiekluis voor { $recipient } (regel { $rule }); melding in de wachtrij geplaatst
event-ordinary = gewone bezorging voor { $recipient } (regel { $rule })
event-written-in-portal = geschreven in het portaal door { $author } vanaf { $client }: modus { $mode }, verloopt na { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }, beperking { $restriction }, leesbevestiging { $read_receipt ->
        [yes] gevraagd
       *[no] niet gevraagd
    }{ $bcc ->
        [yes] , kopie naar de mailserver
       *[no] { "" }
    }
event-secure-header-ignored = { $header } genegeerd: afzender <{ $sender }> mag de beveiligde modus niet kiezen
event-account-created-internal = account aangemaakt voor { $address } (intern: meldt zich aan met een gemailde code, er wordt geen wachtwoord gemaild)
event-account-created-external = account aangemaakt voor { $address }; aanmeldgegevens voor het eerste contact in de wachtrij geplaatst
event-sender-account-created = account aangemaakt voor afzender { $address } (intern: meldt zich aan met een gemailde code, er wordt geen wachtwoord gemaild)
event-replied-to = beantwoord door { $by } (bericht { $reply })

## The outbox
event-queued = in de wachtrij geplaatst voor { $outbox } (wachtrij-item { $row }) naar { $to }
event-tls-failed-recalled = TLS naar { $recipient } niet mogelijk ({ $reason }); niet vastgehouden: de afzender had het bericht ingetrokken
event-tls-failed-held = TLS naar { $recipient } niet mogelijk ({ $reason }); in plaats daarvan vastgehouden in de isolatiekluis; melding in de wachtrij geplaatst
event-sent = { $sent } { $to } (poging { $attempt }): { $reply }
event-attempt-failed = { $outbox } poging { $attempt } mislukt: { $error }; volgende poging: { $next }
event-failed-for-good = { $outbox } definitief mislukt na { $attempts ->
        [one] { $attempts } poging
       *[other] { $attempts } pogingen
    }: { $error }
event-one-time-password-issued = eenmalig wachtwoord uitgegeven voor { $address }
event-follow-up-queued = { $outbox } naar { $to } in de wachtrij geplaatst
event-put-back = { $outbox } (wachtrij-item { $row }) opnieuw in de wachtrij geplaatst

## Readers and senders
event-read-by = gelezen door { $reader } vanaf { $ip } ({ $agent })
event-read-receipt-queued = leesbevestiging voor { $sender } in de wachtrij geplaatst
event-removed-from-mailbox = verwijderd uit het postvak van { $address }
event-marked-read = als gelezen gemarkeerd door { $by }
event-marked-unread = als ongelezen gemarkeerd door { $by }
event-moved-to-deleted = naar Verwijderd verplaatst door { $by }
event-restored = hersteld naar { $folder } door { $by }
event-recalled = ingetrokken door { $by }: verwijderd uit het postvak van elke ontvanger
event-recalled-cancelled = ingetrokken door { $by }: verwijderd uit het postvak van elke ontvanger; nog niet verzonden melding geannuleerd voor { $cancelled }
event-extended = verloopdatum verlengd van { $from } tot { $until } door { $by }
event-access-granted = toegang opnieuw verleend aan { $to } door { $by }
event-access-revoked = toegang ingetrokken voor { $of } door { $by }
event-damaged = beschadigd: de opgeslagen { $part } kunnen niet worden geopend (gewijzigd op schijf, of versleuteld met een andere hoofdsleutel); lezers krijgen te zien dat het niet kan worden weergegeven

## Retention
event-expired = verlopen: ontvangers kunnen het nog lezen, afdrukken en verwijderen, maar niet meer beantwoorden
event-purged = opgeschoond na de bewaartermijn ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }): record, opgeslagen bytes ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }) en { $entries ->
        [one] { $entries } postvakitem
       *[other] { $entries } postvakitems
    } verwijderd

## Portal accounts
event-signed-in = aangemeld met { $method } vanaf { $ip } ({ $agent })
# How a user signed in, inside event-signed-in.
event-method-password = een wachtwoord
event-method-code = een gemailde code
event-method-directory = het directorywachtwoord
event-method-provider = de aanmeldprovider van de organisatie
event-signed-in-pending = aangemeld met { $method } vanaf { $ip } ({ $agent }); tweede stap nog niet voltooid
event-sign-in-refused = aanmelding geweigerd vanaf { $ip }: { $why }
event-sign-in-refused-locked = aanmelding geweigerd vanaf { $ip }: { $why }; nu geblokkeerd
event-signed-out = afgemeld
event-ended-other-sessions = { $count ->
        [one] { $count } andere sessie beëindigd
       *[other] { $count } andere sessies beëindigd
    }
event-account-added = { $internal ->
        [yes] intern
       *[no] extern
    } account { $address } aangemaakt ({ $mailed ->
        [yes] eenmalig wachtwoord in de wachtrij geplaatst om te mailen
       *[no] geen wachtwoord, niets gemaild
    })
event-preferences-saved = voorkeuren opgeslagen: datums { $date_format }, { $clock_hours }-uursklok, weekbegin { $week_starts }, tijdzone { $time_zone }, taal { $language }, handtekening { $chars ->
        [one] { $chars } teken
       *[other] { $chars } tekens
    }
event-password-changed = wachtwoord gewijzigd ({ $sessions ->
        [one] { $sessions } andere sessie beëindigd
       *[other] { $sessions } andere sessies beëindigd
    })
event-reset-asked = wachtwoordherstel aangevraagd vanaf { $ip }
event-reset-asked-too-soon = wachtwoordherstel aangevraagd vanaf { $ip }: te snel opnieuw aangevraagd, niets verzonden
event-password-reset-with-link = wachtwoord opnieuw ingesteld met een link ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    })
event-code-asked = aanmeldcode aangevraagd vanaf { $ip }
event-code-refused = aanmeldcode aangevraagd vanaf { $ip }: { $why }, niets verzonden
event-recovery-codes-made = nieuwe herstelcodes gemaakt (de oude werken niet meer)
event-totp-enrolled = TOTP ingesteld als tweede factor
event-second-factor-passed = tweede factor voltooid met een authenticatorcode
event-second-factor-recovery = tweede factor voltooid met een herstelcode (nog { $left } over)
event-totp-removed = TOTP als tweede factor verwijderd

## The admin console
event-key-rotation-finished = rotatie van de hoofdsleutel voltooid: { $keys ->
        [one] { $keys } sleutel
       *[other] { $keys } sleutels
    } nu versleuteld met de nieuwe hoofdsleutel
event-key-rotation = rotatie van de hoofdsleutel { $stage }: nieuwe gegevenssleutels worden versleuteld met de nieuwe hoofdsleutel
event-certificate-issued = certificaat voor { $names } uitgegeven door de ACME-CA ({ $reason }); geldig tot { $until }
event-certificate-failed = certificaat van de ACME-CA niet verkregen: { $error }; het huidige blijft in gebruik; volgende poging over { $minutes } min
event-admin-created = beheerder { $name } aangemaakt (met TOTP)
event-admin-created-no-totp = beheerder { $name } aangemaakt (zonder TOTP)
event-admin-removed = beheerder { $name } verwijderd ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    })
event-admin-signed-in = beheerder aangemeld vanaf { $ip } ({ $agent })
event-admin-sign-in-refused = aanmelding als beheerder geweigerd voor { $name } vanaf { $ip }: { $why }
event-admin-sign-in-refused-locked = aanmelding als beheerder geweigerd voor { $name } vanaf { $ip }: { $why }; nu geblokkeerd
event-admin-signed-out = beheerder afgemeld
event-password-mailed = nieuw eenmalig wachtwoord voor { $address } in de wachtrij geplaatst om te mailen ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    }{ $must_change ->
        [yes] ; moet bij de volgende aanmelding worden gewijzigd
       *[no] ; de gebruiker mag het houden
    })
event-password-shown = nieuw eenmalig wachtwoord voor { $address } aan de beheerder getoond ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    }{ $must_change ->
        [yes] ; moet bij de volgende aanmelding worden gewijzigd
       *[no] ; de gebruiker mag het houden
    })
event-password-chosen = wachtwoord voor { $address } ingesteld op een door de beheerder gekozen wachtwoord ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    }{ $must_change ->
        [yes] ; moet bij de volgende aanmelding worden gewijzigd
       *[no] ; de gebruiker mag het houden
    })
event-must-change-password = { $address } moet het wachtwoord bij de volgende aanmelding wijzigen
event-logon-allowed = aanmelden toegestaan voor { $address }
event-logon-denied = aanmelden geweigerd voor { $address } ({ $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    })
event-sending-allowed = verzenden toegestaan voor { $address }
event-sending-denied = verzenden geweigerd voor { $address }
event-lockout-lifted = aanmeldblokkering opgeheven voor { $address }
event-directory-left = { $address } staat niet meer in de directory ({ $sessions } { $sessions ->
        [one] sessie
       *[other] sessies
    } beëindigd)
event-account-deleted = account { $address } verwijderd ({ $entries ->
        [one] { $entries } postvakitem
       *[other] { $entries } postvakitems
    } verwijderd, { $sessions ->
        [one] { $sessions } sessie beëindigd
       *[other] { $sessions } sessies beëindigd
    })
# An event stored as words before events had kinds: its words as they are.
event-legacy = { $text }

event-method-passkey = een passkey
event-passkey-added = passkey „{ $name }” toegevoegd
event-passkey-added-instead = passkey „{ $name }” toegevoegd in plaats van een wachtwoord
event-passkey-renamed = passkey „{ $from }” hernoemd tot „{ $to }”
event-passkey-removed = passkey „{ $name }” verwijderd
event-passkey-removed-by = passkey „{ $name }” verwijderd door admin { $admin }
