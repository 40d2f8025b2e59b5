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
event-received = empfangen von [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size }
event-received-auth = empfangen von [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size } auth={ $auth }
event-held = im Isolations-Tresor für { $recipient } zurückgehalten (Regel { $rule }); Benachrichtigung in Warteschlange
event-ordinary = normale Zustellung für { $recipient } (Regel { $rule })
event-written-in-portal = im Portal verfasst von { $author } von { $client } aus: Modus { $mode }, Ablauf in { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    }, Einschränkung { $restriction }, Lesebestätigung { $read_receipt ->
        [yes] angefordert
       *[no] nicht angefordert
    }{ $bcc ->
        [yes] , Kopie an den Mailserver
       *[no] { "" }
    }
event-secure-header-ignored = { $header } ignoriert: Absender <{ $sender }> darf den sicheren Modus nicht wählen
event-account-created-internal = Konto für { $address } angelegt (intern: meldet sich mit einem per E-Mail gesendeten Code an, es wird kein Passwort versendet)
event-account-created-external = Konto für { $address } angelegt; Zugangsdaten für den Erstkontakt in Warteschlange
event-sender-account-created = Konto für Absender { $address } angelegt (intern: meldet sich mit einem per E-Mail gesendeten Code an, es wird kein Passwort versendet)
event-replied-to = beantwortet von { $by } (Nachricht { $reply })

## The outbox
event-queued = in Warteschlange für { $outbox } (Postausgang { $row }) an { $to }
event-tls-failed-recalled = TLS zu { $recipient } nicht möglich ({ $reason }); nicht zurückgehalten: Der Absender hatte die Nachricht zurückgerufen
event-tls-failed-held = TLS zu { $recipient } nicht möglich ({ $reason }); stattdessen im Isolations-Tresor zurückgehalten; Benachrichtigung in Warteschlange
event-sent = { $sent } { $to } (Versuch { $attempt }): { $reply }
event-attempt-failed = { $outbox } Versuch { $attempt } fehlgeschlagen: { $error }; nächster Versuch: { $next }
event-failed-for-good = { $outbox } endgültig fehlgeschlagen nach { $attempts ->
        [one] { $attempts } Versuch
       *[other] { $attempts } Versuchen
    }: { $error }
event-one-time-password-issued = Einmalpasswort für { $address } ausgestellt
event-follow-up-queued = { $outbox } an { $to } in Warteschlange
event-put-back = { $outbox } (Postausgang { $row }) zurück in die Warteschlange gestellt

## Readers and senders
event-read-by = gelesen von { $reader } von { $ip } aus ({ $agent })
event-read-receipt-queued = Lesebestätigung für { $sender } in Warteschlange
event-removed-from-mailbox = aus dem Postfach von { $address } entfernt
event-marked-read = von { $by } als gelesen markiert
event-marked-unread = von { $by } als ungelesen markiert
event-moved-to-deleted = von { $by } nach „Gelöscht“ verschoben
event-restored = von { $by } in { $folder } wiederhergestellt
event-recalled = von { $by } zurückgerufen: aus den Postfächern aller Empfänger entfernt
event-recalled-cancelled = von { $by } zurückgerufen: aus den Postfächern aller Empfänger entfernt; noch nicht gesendete Benachrichtigung für { $cancelled } storniert
event-extended = Ablauf durch { $by } von { $from } auf { $until } verlängert
event-access-granted = Zugriff für { $to } durch { $by } wieder erteilt
event-access-revoked = Zugriff für { $of } durch { $by } entzogen
event-damaged = beschädigt: Gespeicherte { $part } lassen sich nicht öffnen (auf dem Datenträger verändert oder mit einem anderen Hauptschlüssel versiegelt); Lesern wird angezeigt, dass sie nicht dargestellt werden kann

## Retention
event-expired = abgelaufen: Empfänger können sie weiterhin lesen, drucken und löschen, aber nicht mehr beantworten
event-purged = nach Ablauf der Aufbewahrungsfrist ({ $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }) gelöscht: Datensatz, gespeicherte Daten ({ $bytes ->
        [one] { $bytes } Byte
       *[other] { $bytes } Byte
    }) und { $entries ->
        [one] { $entries } Postfacheintrag
       *[other] { $entries } Postfacheinträge
    } entfernt

## Portal accounts
event-signed-in = angemeldet mit { $method } von { $ip } aus ({ $agent })
# How a user signed in, inside event-signed-in.
event-method-password = einem Passwort
event-method-code = einem per E-Mail gesendeten Code
event-method-directory = dem Verzeichnis-Passwort
event-method-provider = dem Anmeldedienst der Organisation
event-signed-in-pending = angemeldet mit { $method } von { $ip } aus ({ $agent }); zweiter Schritt ausstehend
event-sign-in-refused = Anmeldung von { $ip } aus abgelehnt: { $why }
event-sign-in-refused-locked = Anmeldung von { $ip } aus abgelehnt: { $why }; jetzt gesperrt
event-signed-out = abgemeldet
event-ended-other-sessions = { $count ->
        [one] { $count } andere Sitzung
       *[other] { $count } andere Sitzungen
    } beendet
event-account-added = { $internal ->
        [yes] internes
       *[no] externes
    } Konto { $address } angelegt ({ $mailed ->
        [yes] Einmalpasswort zum Versand per E-Mail in Warteschlange
       *[no] kein Passwort, nichts versendet
    })
event-preferences-saved = Einstellungen gespeichert: Datum { $date_format }, { $clock_hours }-Stunden-Uhr, Wochenbeginn { $week_starts }, Zeitzone { $time_zone }, Sprache { $language }, Signatur { $chars ->
        [one] { $chars } Zeichen
       *[other] { $chars } Zeichen
    }
event-password-changed = Passwort geändert ({ $sessions ->
        [one] { $sessions } andere Sitzung beendet
       *[other] { $sessions } andere Sitzungen beendet
    })
event-reset-asked = Zurücksetzen des Passworts von { $ip } aus angefordert
event-reset-asked-too-soon = Zurücksetzen des Passworts von { $ip } aus angefordert: zu früh erneut angefordert, nichts gesendet
event-password-reset-with-link = Passwort per Link zurückgesetzt ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    })
event-code-asked = Anmeldecode von { $ip } aus angefordert
event-code-refused = Anmeldecode von { $ip } aus angefordert: { $why }, nichts gesendet
event-recovery-codes-made = neue Wiederherstellungscodes erstellt (die alten gelten nicht mehr)
event-totp-enrolled = TOTP als zweiten Faktor eingerichtet
event-second-factor-passed = zweiten Faktor mit einem Authenticator-Code bestätigt
event-second-factor-recovery = zweiten Faktor mit einem Wiederherstellungscode bestätigt (noch { $left } übrig)
event-totp-removed = TOTP als zweiten Faktor entfernt

## The admin console
event-key-rotation-finished = Rotation des Hauptschlüssels abgeschlossen: { $keys ->
        [one] { $keys } verschlüsselter Schlüssel liegt
       *[other] { $keys } verschlüsselte Schlüssel liegen
    } jetzt unter dem neuen Hauptschlüssel
event-key-rotation = Rotation des Hauptschlüssels { $stage }: Neue Datenschlüssel werden mit dem neuen Hauptschlüssel verschlüsselt
event-certificate-issued = Zertifikat für { $names } von der ACME-CA ausgestellt ({ $reason }); gültig bis { $until }
event-certificate-failed = Zertifikat der ACME-CA nicht erhalten: { $error }; das bisherige bleibt in Gebrauch; nächster Versuch in { $minutes } Min.
event-admin-created = Admin { $name } angelegt (mit TOTP)
event-admin-created-no-totp = Admin { $name } angelegt (ohne TOTP)
event-admin-removed = Admin { $name } entfernt ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    })
event-admin-signed-in = Admin angemeldet von { $ip } aus ({ $agent })
event-admin-sign-in-refused = Admin-Anmeldung für { $name } von { $ip } aus abgelehnt: { $why }
event-admin-sign-in-refused-locked = Admin-Anmeldung für { $name } von { $ip } aus abgelehnt: { $why }; jetzt gesperrt
event-admin-signed-out = Admin abgemeldet
event-password-mailed = neues Einmalpasswort für { $address } zum Versand per E-Mail in Warteschlange ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    }{ $must_change ->
        [yes] ; muss bei der nächsten Anmeldung geändert werden
       *[no] ; der Benutzer darf es behalten
    })
event-password-shown = neues Einmalpasswort für { $address } dem Admin angezeigt ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    }{ $must_change ->
        [yes] ; muss bei der nächsten Anmeldung geändert werden
       *[no] ; der Benutzer darf es behalten
    })
event-password-chosen = Passwort für { $address } auf ein vom Admin gewähltes gesetzt ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    }{ $must_change ->
        [yes] ; muss bei der nächsten Anmeldung geändert werden
       *[no] ; der Benutzer darf es behalten
    })
event-must-change-password = { $address } muss das Passwort bei der nächsten Anmeldung ändern
event-logon-allowed = Anmeldung für { $address } erlaubt
event-logon-denied = Anmeldung für { $address } verweigert ({ $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    })
event-sending-allowed = Senden für { $address } erlaubt
event-sending-denied = Senden für { $address } verweigert
event-lockout-lifted = Anmeldesperre für { $address } aufgehoben
event-directory-left = { $address } ist nicht mehr im Verzeichnis ({ $sessions } { $sessions ->
        [one] Sitzung
       *[other] Sitzungen
    } beendet)
event-account-deleted = Konto { $address } gelöscht ({ $entries ->
        [one] { $entries } Postfacheintrag
       *[other] { $entries } Postfacheinträge
    } entfernt, { $sessions ->
        [one] { $sessions } Sitzung beendet
       *[other] { $sessions } Sitzungen beendet
    })
# An event stored as words before events had kinds: its words as they are.
event-legacy = { $text }

event-method-passkey = einem Passkey
event-passkey-added = Passkey „{ $name }“ hinzugefügt
event-passkey-added-instead = Passkey „{ $name }“ statt eines Passworts hinzugefügt
event-passkey-renamed = Passkey „{ $from }“ in „{ $to }“ umbenannt
event-passkey-removed = Passkey „{ $name }“ entfernt
event-passkey-removed-by = Passkey „{ $name }“ von Admin { $admin } entfernt
