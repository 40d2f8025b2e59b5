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
event-received = received from [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size }
event-received-auth = received from [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size } auth={ $auth }
event-held = held in isolation vault for { $recipient } (rule { $rule }); notice queued
event-ordinary = ordinary delivery for { $recipient } (rule { $rule })
event-written-in-portal = written in the portal by { $author } from { $client }: mode { $mode }, expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, restriction { $restriction }, read receipt { $read_receipt ->
        [yes] asked
       *[no] not asked
    }{ $bcc ->
        [yes] , copy to the mail server
       *[no] { "" }
    }
event-secure-header-ignored = { $header } ignored: sender <{ $sender }> may not choose the secure mode
event-account-created-internal = account created for { $address } (internal: signs in with an emailed code, no password is mailed)
event-account-created-external = account created for { $address }; first-contact credentials queued
event-sender-account-created = account created for sender { $address } (internal: signs in with an emailed code, no password is mailed)
event-replied-to = replied to by { $by } (message { $reply })

## The outbox
event-queued = queued for { $outbox } (outbox { $row }) to { $to }
event-tls-failed-recalled = TLS to { $recipient } not possible ({ $reason }); not held: the sender had recalled the message
event-tls-failed-held = TLS to { $recipient } not possible ({ $reason }); held in isolation vault instead; notice queued
event-sent = { $sent } { $to } (attempt { $attempt }): { $reply }
event-attempt-failed = { $outbox } attempt { $attempt } failed: { $error }; next try at { $next }
event-failed-for-good = { $outbox } failed for good after { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }: { $error }
event-one-time-password-issued = one-time password issued for { $address }
event-follow-up-queued = { $outbox } to { $to } queued
event-put-back = { $outbox } (outbox { $row }) put back in the queue

## Readers and senders
event-read-by = read by { $reader } from { $ip } ({ $agent })
event-read-receipt-queued = read receipt queued for { $sender }
event-removed-from-mailbox = removed from the mailbox of { $address }
event-marked-read = marked read by { $by }
event-marked-unread = marked unread by { $by }
event-moved-to-deleted = moved to Deleted by { $by }
event-restored = restored to { $folder } by { $by }
event-recalled = recalled by { $by }: removed from every recipient's mailbox
event-recalled-cancelled = recalled by { $by }: removed from every recipient's mailbox; notice not yet sent cancelled for { $cancelled }
event-extended = expiry extended from { $from } to { $until } by { $by }
event-access-granted = access granted again to { $to } by { $by }
event-access-revoked = access revoked for { $of } by { $by }
event-damaged = damaged: its stored { $part } do not open (changed on disk, or sealed under another master key); readers are told it cannot be shown

## Retention
event-expired = expired: recipients may still read, print and delete it, but no longer answer it
event-purged = purged after the retention period ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }): record, stored bytes ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }) and { $entries ->
        [one] { $entries } mailbox entry
       *[other] { $entries } mailbox entries
    } removed

## Portal accounts
event-signed-in = signed in with { $method } from { $ip } ({ $agent })
# How a user signed in, inside event-signed-in.
event-method-password = a password
event-method-code = an emailed code
event-method-directory = the directory password
event-method-provider = the organisation's provider
event-signed-in-pending = signed in with { $method } from { $ip } ({ $agent }); second step pending
event-sign-in-refused = sign-in refused from { $ip }: { $why }
event-sign-in-refused-locked = sign-in refused from { $ip }: { $why }; now locked
event-signed-out = signed out
event-ended-other-sessions = ended { $count ->
        [one] { $count } other session
       *[other] { $count } other sessions
    }
event-account-added = created { $internal ->
        [yes] internal
       *[no] external
    } account { $address } ({ $mailed ->
        [yes] a one-time password queued to be mailed
       *[no] no password, nothing mailed
    })
event-preferences-saved = preferences saved: dates { $date_format }, { $clock_hours }-hour clock, week starts { $week_starts }, time zone { $time_zone }, language { $language }, signature { $chars ->
        [one] { $chars } character
       *[other] { $chars } characters
    }
event-password-changed = changed the password ({ $sessions ->
        [one] { $sessions } other session ended
       *[other] { $sessions } other sessions ended
    })
event-reset-asked = asked for a password reset from { $ip }
event-reset-asked-too-soon = asked for a password reset from { $ip }: asked again too soon, nothing sent
event-password-reset-with-link = reset the password with a link ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    })
event-code-asked = asked for a sign-in code from { $ip }
event-code-refused = sign-in code asked for from { $ip }: { $why }, nothing sent
event-recovery-codes-made = made new recovery codes (the old ones no longer work)
event-totp-enrolled = enrolled a TOTP second factor
event-second-factor-passed = passed the second factor with an authenticator code
event-second-factor-recovery = passed the second factor with a recovery code ({ $left } left)
event-totp-removed = removed the TOTP second factor

## The admin console
event-key-rotation-finished = master key rotation finished: { $keys ->
        [one] { $keys } wrapped key
       *[other] { $keys } wrapped keys
    } now under the new master key
event-key-rotation = master key rotation { $stage }: new data keys are wrapped under the new master key
event-certificate-issued = certificate for { $names } issued by the ACME CA ({ $reason }); valid until { $until }
event-certificate-failed = certificate from the ACME CA not obtained: { $error }; the current one keeps serving; next try in { $minutes } min
event-admin-created = admin { $name } created (with TOTP)
event-admin-created-no-totp = admin { $name } created (without TOTP)
event-admin-removed = admin { $name } removed ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    })
event-admin-signed-in = admin signed in from { $ip } ({ $agent })
event-admin-sign-in-refused = admin sign-in refused for { $name } from { $ip }: { $why }
event-admin-sign-in-refused-locked = admin sign-in refused for { $name } from { $ip }: { $why }; now locked
event-admin-signed-out = admin signed out
event-password-mailed = new one-time password for { $address } queued to be mailed ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    }{ $must_change ->
        [yes] ; must be changed at the next sign-in
       *[no] ; the user may keep it
    })
event-password-shown = new one-time password for { $address } shown to the admin ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    }{ $must_change ->
        [yes] ; must be changed at the next sign-in
       *[no] ; the user may keep it
    })
event-password-chosen = password for { $address } set to one the admin chose ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    }{ $must_change ->
        [yes] ; must be changed at the next sign-in
       *[no] ; the user may keep it
    })
event-must-change-password = { $address } must change the password at the next sign-in
event-logon-allowed = logon allowed for { $address }
event-logon-denied = logon denied for { $address } ({ $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    })
event-sending-allowed = sending allowed for { $address }
event-sending-denied = sending denied for { $address }
event-lockout-lifted = sign-in lockout lifted for { $address }
event-directory-left = { $address } is no longer in the directory ({ $sessions } { $sessions ->
        [one] session
       *[other] sessions
    } ended)
event-account-deleted = account { $address } deleted ({ $entries ->
        [one] { $entries } mailbox entry
       *[other] { $entries } mailbox entries
    } removed, { $sessions ->
        [one] { $sessions } session ended
       *[other] { $sessions } sessions ended
    })
# An event stored as words before events had kinds: its words as they are.
event-legacy = { $text }

event-method-passkey = a passkey
# $name: what the user called the passkey.
event-passkey-added = added passkey “{ $name }”
event-passkey-added-instead = added passkey “{ $name }” instead of a password
event-passkey-renamed = renamed passkey “{ $from }” to “{ $to }”
event-passkey-removed = removed passkey “{ $name }”
# $admin: the admin's name.
event-passkey-removed-by = passkey “{ $name }” removed by admin { $admin }
