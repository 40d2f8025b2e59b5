# Words the code puts on pages: error pages, notes after an action, refusals,
# checklist rules, folder and status names, the admin console's notes. Ids: fault-,
# note-, rule-, recipient-state-, folder-, status-, restriction-, audit-kind-, console-, size-,
# age-, chart-.

## Error pages
fault-refused-title = Not allowed
fault-not-found-title = Not found
fault-not-found = There is nothing at this address, or it is not yours to see.
message-gone-title = This message is no longer available
message-gone-recalled = { $sender } recalled this message on { $when }: it can no longer be read here. If you still need it, ask { $sender }.
message-gone-revoked = { $sender } took back your access to this message on { $when }. If you still need it, ask { $sender }.
message-gone-removed = This message expired and was removed on { $when }. If you still need it, ask { $sender } to send it again.
message-gone-help = Questions about this service: { $contact }
fault-form-expired-title = Form expired
fault-form-expired = This form could not be accepted. Go back, reload the page and try again.
fault-too-large-title = Too large
fault-too-large = What you sent is larger than this page accepts.
fault-bad-request-title = Bad request
fault-bad-request = The request could not be read.
fault-too-slow-title = Too slow
fault-too-slow = The request took too long. Please try again.
fault-busy-title = Too much at once
fault-busy = This account is already sending several forms at once. Wait a moment until they have finished, then go back and try again.
fault-failed-title = Something went wrong
fault-failed = The portal could not complete this request. Please try again later.

## Notes and refusals
note-damaged = This message is damaged and cannot be shown. The administrator has been told.
note-sending-off = Sending is turned off for your account.
note-no-recipient = Add at least one recipient.
note-too-many-recipients = A message may have at most { $most } recipients.
note-over-cap = You have reached the limit of { $limit } different secure recipients this month, so this message was not sent.
note-bad-secure-mode = { $got } is not a secure mode
note-no-compose = New messages cannot be written from this portal; you can reply to messages you received.
note-write-only-to = You can write only to addresses at { $allowed }; { $outside } is not one of them.
note-write-nowhere = You can write only to addresses at no domain; { $outside } is not one of them.
note-not-an-address = { $address } is not an email address.
note-subject-too-long = The subject may have at most { $most } characters.
note-attachments-too-large = The attachments come to { $size }; the total allowed per message is { $limit }. Remove some and try again.
note-bad-expiry = Expiry must be one of the offered choices, at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
note-no-print-or-save = The sender does not allow printing or saving this message.
note-no-print-no-reply = The sender does not allow printing or replying to this message.
note-no-print-expired = The sender does not allow printing this message, and it has expired, so it can no longer be answered.
note-no-print = The sender does not allow printing this message.
note-expired-no-answer = This message has expired, so it can no longer be answered.
note-no-reply = The sender does not allow replies to this message.
note-recalled-no-extend = A recalled message cannot be extended.
note-extended-once = The expiry of a message can be extended only once, and this one has been.
note-at-retention-end = This message already expires at the end of the retention period.
note-tick-recall = Tick "I understand a recall cannot be undone" to recall the message.
note-choose-expiry = Choose the new expiry date from the list.
note-recall-final = This message has been recalled; a recall cannot be undone. Send a new message instead.
note-not-later = The new expiry must be later than the current one.
note-not-held = That address is not a secure recipient of this message.
note-already-revoked = That recipient's access is already revoked.
note-not-revoked = That recipient already has access.
note-past-retention = Messages are kept until { $until } at most (the retention period); the expiry cannot go past that.
note-choose-date-format = Choose a date format from the list.
note-choose-clock = Choose a 12- or 24-hour clock.
note-choose-week-start = Choose the first day of the week from the list.
note-choose-language = Choose a language from the list.
note-unknown-zone = { $zone } is not a time zone this portal knows.
note-signature-too-long = The signature may have at most { $most } characters.
note-preferences-saved = Preferences saved.
note-admin-preferences-saved = Saved: dates show like this on every page of the console.
note-compose-limit = You have sent { $per } messages in the last few minutes, the most the portal sends for one account. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
note-reply-missing = The message to reply to is missing.
note-original-gone = The message this answers or forwards is no longer available (recalled, withdrawn or removed). Your draft is kept: copy what you need into a new message.
note-choose-mode = Choose a secure mode from the list.
note-choose-restriction = Choose a restriction from the list.
note-choose-expiry-days = Choose an expiry from the list.
note-sign-in-failed = Sign-in failed. Check the address and password and try again. If it keeps failing, use “Forgot password?” or contact the sender of your message.
note-sign-in-locked = This account is locked after too many failed sign-ins, until { $until }. Try again then.
note-sign-in-denied = Your organisation has turned off sign-in to this portal for this account. Please contact them.
note-secure-not-allowed = Your organisation has not allowed you to send secure messages. Ask your administrator to add you to a group that may.
note-directory-unavailable = Signing in with your organisation password is unavailable just now. Choose “Email me a sign-in code instead”, or try again later.
note-provider-unavailable = Signing in at { $name } is unavailable just now. Please try again in a few minutes.
note-provider-failed = Signing in at { $name } did not complete. Please start again.
note-provider-not-ours = { $name } signed you in as { $address }, which does not sign in here. Sign out there, then start again with your address at this organisation.
note-ask-contact = Help: { $contact }
note-code-failed = Sign-in failed. Check that you typed the code from the newest mail; a code works for a limited time and a few tries. You can ask for a new one.
note-enter-address = Enter the email address the message was sent to.
note-too-many-codes = Too many sign-in codes were asked for from your network. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
note-signed-out = You have signed out.
note-password-set = Your password has been changed. Sign in with the new one.
note-session-ended = Your session ended. Please sign in again.
rule-length = { $min } to { $max } characters
rule-lowercase = a lower-case letter
rule-uppercase = an upper-case letter
rule-digit = a digit
rule-symbol = a symbol (not a letter or digit)
rule-not-address = not your email address
rule-not-current = not your current password
note-password-rules = The new password does not meet the rules marked below.
note-password-mismatch = The two new passwords are not the same.
note-current-password-wrong = The current password is not right.
note-too-many-links = Too many reset links were asked for from your network. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
rule-not-users-address = not the user's email address
note-wrong-totp = That code is not right. Codes change every 30 seconds and work once; try the newest one.
note-totp-sign-in-failed = Sign-in failed. Check the code and try again.
note-totp-off = Two-step sign-in is off.
note-totp-required = Your organisation requires two-step sign-in.
recipient-state-delivered-ordinary = Delivered as ordinary mail
recipient-state-delivery-failed = Delivery failed
recipient-state-queued-ordinary = Queued as ordinary mail
recipient-state-recalled = Recalled
recipient-state-access-revoked = Access revoked
recipient-state-read = Read
recipient-state-expired = Expired
recipient-state-extended = Extended
recipient-state-sent = Sent
folder-inbox = Inbox
folder-sent = Sent
folder-deleted = Deleted
status-sent = Sent
status-read = Read
status-recalled = Recalled
status-extended = Extended
status-expired = Expired
status-ordinary = Ordinary
status-ordinary-mail = Ordinary mail
status-read-by = Read by { $read } of { $held }
note-marked-read = Marked as read.
note-marked-unread = Marked as unread.
note-moved-deleted = Moved to Deleted.
note-restored = Restored.
note-purged = Deleted for good.
note-sent = Message sent.
note-recalled-all = The message was recalled from every recipient.
note-extended = The expiry was extended.
note-revoked = That recipient's access was revoked.
note-granted = That recipient has access again.
note-not-dead-lettered = Outbox row { $row } is not dead-lettered (any more).

## Admin console
console-note-reset-mail = A new one-time password is on its way to the user.
console-note-added = The account was made; nothing was mailed. Set a password below, or the user signs in with “Forgot password?” (internal users: with an emailed code).
console-note-added-mailed = The account was made; a first-contact mail with a one-time password is on its way.
console-note-password-forced = The password is set; the user must choose their own at the next sign-in.
console-note-password-set = The password is set; the user may keep it.
console-note-force-change = The user must choose a new password at the next sign-in.
console-note-allow-logon = The user may sign in.
console-note-deny-logon = The user may no longer sign in; their sessions ended.
console-note-allow-sending = The user may send.
console-note-deny-sending = The user may no longer send.
console-note-unlock = The sign-in lockout was lifted.
console-confirm-reset-mail-title = Reset the password and mail it
console-confirm-reset-mail = The current password stops working now; a new one-time password is mailed to the user, who must choose their own at the next sign-in.
console-confirm-reset-show-title = Reset the password and show it to me
console-confirm-reset-show = The current password stops working now; the new one-time password is shown to you once.
console-confirm-force-change-title = Force a password change
console-confirm-force-change = The user must choose a new password at the next sign-in, also in sessions open now.
console-confirm-deny-logon-title = Deny logon
console-confirm-deny-logon = Every session of the user ends now, and no sign-in works until logon is allowed again.
console-confirm-deny-sending-title = Deny sending
console-confirm-deny-sending = The user can still read, but not reply or write, until sending is allowed again.
console-confirm-delete-title = Delete the account
console-confirm-delete = The account and its mailbox entries go for good; the audit and the message logs stay. This cannot be undone.
console-note-date-left-out = Dates are written { $pattern }, like { $example }; the date that could not be read was left out.
console-note-date-replaced = Dates are written { $pattern }, like { $example }; the date that could not be read was replaced.
console-note-start-after-end = The start was after the end; the report shows the end day only.
console-note-range-too-long = A report covers at most { $days } days; the start was moved.
console-note-sign-in-failed = Sign-in failed. Check the name, password and code, and try again.
console-note-signed-out = You are signed out.
console-note-provider-unavailable = Signing in at the organisation’s provider is unavailable just now. Try again in a few minutes, or sign in with your admin name, password and code.
console-note-provider-refused = Sign-in at the organisation’s provider did not let you into the console. Only members of its admin groups may sign in there.
console-provider-button = Sign in with { $name }
console-provider-signed-in = Signed in as { $address }. Opening the console…
console-open = Open the console

## Admin console: names of statuses, audit kinds and restrictions
restriction-none = none
restriction-no-print = no print
restriction-no-print-no-reply = no print, no reply
audit-kind-sign-in = Sign-ins
audit-kind-sign-in-failed = Failed sign-ins
audit-kind-lockout = Lockouts
audit-kind-password = Passwords and resets
audit-kind-admin-sign-in = Admin sign-ins
audit-kind-admin-sign-in-failed = Failed admin sign-ins
audit-kind-admin-change = Admin changes
audit-kind-account = Other account events
audit-kind-certificate = Certificates
console-tab-all = All

## Sizes (decimal units, as the configuration counts them; the unit symbols kB, MB, GB stay)
size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
size-whole = { $n } { $unit }
size-tenths = { $whole }.{ $tenth } { $unit }

## Ages and durations (dashboard, monitor)
age-seconds = { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }
age-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
age-hours = { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
age-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }

## The report's chart
chart-title = { $total ->
        [one] { $total } secure message
       *[other] { $total } secure messages
    }: { $outbound } outbound, { $inbound } inbound, { $from } to { $to }
chart-total = { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }
chart-outbound = outbound
chart-inbound = inbound

## The admin console: adding a user, the directory
console-note-not-an-address = “{ $address }” is not an email address like someone@example.org.
console-note-internal-no-password = { $address } is in an internal domain: internal users sign in with a code mailed when they ask, so there is no password to mail. Leave the tick off.
console-note-exists = There is already an account for { $address }.
# The last sign-in of a user: when, and from which IP address.
console-last-sign-in = { $date } from { $ip }

## Mails: in place of a subject
note-mail-no-subject = (no subject)
note-mail-gone = (no longer stored)

## A message whose formatted text is not shown
note-html-too-large = This message's formatted text is too large to show here.
note-html-too-deep = This message's formatted text is built too intricately to show here safely.

note-draft-saved = Draft saved.
note-draft-deleted = Draft deleted.
note-draft-kept = Your session had ended, so what you wrote was kept as a draft. Sign in to go on writing.
note-drafts-full = You have { $most } drafts, as many as are kept. Send or delete some in Drafts, then save again.
note-draft-gone-kept = This draft was sent or deleted in another window. What you posted here is kept as a new draft and was not sent: check it and send again.
note-draft-busy = Your draft could not be saved just now: it was changing in another window at the same time. Your text is below; save again.

note-display-name-bad = Your name can be at most { $most } characters, on one line.
note-draft-kept-session-changed = You signed in again elsewhere while this page was open, so your message was not sent: it is kept as this draft. Check it and send it again.

note-passkey-added = Passkey added.
note-passkey-renamed = Passkey renamed.
note-passkey-removed = Passkey removed.
note-passkey-not-added = The passkey was not added. Try again.
note-passkey-required = Your organisation requires a passkey: add another before you remove this one.
note-passkey-sign-in-failed = That passkey did not sign you in. Try again, or sign in with your address.

console-passkeys-title = Your passkeys
console-passkeys-explain = A passkey signs you in to the console with this computer's, your phone's or a security key's fingerprint, face or screen lock, instead of your password and authenticator code. It works only on this site.
console-passkeys-required = The console accepts only passkeys now. Add one to continue.
console-note-passkey-required = The console accepts only passkeys: add another before you remove this one.
console-note-passkey-failed = That passkey did not sign you in. Try again, or use another one.
console-note-passkey-removed = Passkey removed.
note-passkey-required-sign-in = Your organisation requires you to sign in with your passkey: use “Sign in with a passkey”.
