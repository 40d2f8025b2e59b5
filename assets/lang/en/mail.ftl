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
mail-greeting = Hello,
# Appended when a support contact is set (HTML footer, first-contact mail).
mail-questions = Questions: { $support }.
# Last line of every text part, below "--".
mail-signature = { $org } secure messaging. This is an automatic message; replies are not read.
# Labels in the small tables (the text part adds a colon).
mail-label-subject = Subject
mail-label-sent = Sent
mail-label-to = To
mail-label-portal = Portal
mail-label-sign-in-as = Sign in as
mail-label-password = Password

## _layout.html

# Footer of every HTML part.
mail-footer-automatic = This is an automatic message from { $org }. Please do not reply to it.

## secure_message (notice of a new secure message)

mail-secure-subject = A secure message is waiting for you at { $org }
# When notify.name_sender is on. $sender: the sender's name and address.
mail-secure-sent-by = <strong>{ $sender }</strong> has sent you (<strong>{ $recipient }</strong>) a secure message through { $org }.
# When the sender is not named.
mail-secure-sent-to-you = A secure message has been sent to you (<strong>{ $recipient }</strong>) through { $org }.
# "it": the secure message.
mail-secure-not-included = For your protection it is not included in this email.
# Text part only: the link follows on the next line.
mail-secure-read-here = Read it here (you will be asked to sign in):
# HTML part only: the button that opens the message.
mail-secure-button = Read the secure message
mail-secure-sign-in = Sign in with your email address. If this is the first secure message you receive from { $org }, your first password arrives in a separate email.
mail-genuine-advice = <strong>How to recognise a genuine notice:</strong> it only links to { $portal_url }, it never asks for your password by email and it never carries attachments.
# Follows mail-genuine-advice; the second form when a support contact is set.
mail-genuine-check = If in doubt, type { $portal_url } into your browser yourself.
mail-genuine-check-support = If in doubt, type { $portal_url } into your browser yourself or contact { $support }.

## first_contact (sign-in details: a new account, or a password an administrator issued)

mail-first-subject = Your sign-in details for { $org } secure messages
# An administrator issued a new password.
mail-first-reset-intro = An administrator of { $org } has issued you a new password for the secure portal where you read confidential messages.
# A new account.
mail-first-intro = { $org } uses a secure portal for confidential messages. An account has been opened for you so you can read them.
# "Change password": the name of the portal's page for choosing a password.
mail-first-keep = You may keep this password, or choose your own with “Change password” after you sign in.
# A new account's one-time password.
mail-first-once = This password works once: at your first sign-in you choose your own.
# A one-time password an administrator issued.
mail-first-once-next = This password works once: at your next sign-in you choose your own.
mail-first-private = Keep this email private and delete it afterwards.
mail-first-never-ask = We will never ask you for your password by email.

## password_reset (a link to choose a new password)

mail-reset-subject = Reset your { $org } secure-message password
mail-reset-asked = Someone (hopefully you) asked to reset the password of <strong>{ $recipient }</strong> for { $org } secure messages.
# Text part only: the link follows on a line of its own.
mail-reset-open = To choose a new password, open:
# HTML part only: the button that opens the link.
mail-reset-button = Choose a new password
# $hours: how long the link works (password.reset_link_hours).
mail-reset-expires = { $hours ->
    [one] The link works once and expires in { $hours } hour.
   *[other] The link works once and expires in { $hours } hours.
}
mail-reset-again = Asking again makes this link stop working.
mail-reset-not-you = If you did not ask, ignore this email: your password stays as it is.

## sign_in_code (a code to sign in with)

mail-code-subject = Your { $org } sign-in code: { $code }
# The code follows on a line of its own.
mail-code-intro = Your code to sign in to { $org } secure messages as <strong>{ $recipient }</strong> is:
# $minutes: how long the code works (portal.sign_in_code_minutes).
mail-code-valid = { $minutes ->
    [one] It is valid for { $minutes } minute.
   *[other] It is valid for { $minutes } minutes.
}
mail-code-not-you = If you did not try to sign in, ignore this email; nobody can sign in without the code.

## read_receipt (to a sender: a recipient opened their message)

# $subject: the message's subject.
mail-receipt-subject = Read: { $subject }
# Above a small table (subject, when sent); the sentence goes on with mail-receipt-opened below it.
mail-receipt-intro = Your secure message
# Below the table. $reader: the address that opened it; $read_at: when (a date and time in UTC).
mail-receipt-opened = was opened by <strong>{ $reader }</strong> on { $read_at }.
mail-receipt-status = Who has read it so far, and recall or extend it:
mail-receipt-status-button = See the message's status

## delivery_failure (to a sender: a message could not be delivered)

# $subject: the message's subject.
mail-failure-subject = Not delivered: { $subject }
# Above a small table (subject, recipients); the sentence goes on with mail-failure-not-delivered below it.
mail-failure-intro = Your message
# Below the table; the reason (the receiving server's answer, in English) follows.
mail-failure-not-delivered = could not be delivered:
mail-failure-no-retry = Nothing more will be tried for these recipients.
# Text part only, when a support contact is set.
mail-failure-help = If you need help, contact { $support }.

## welcome (to an internal user whose portal account was just made)

mail-welcome-subject = Your { $org } secure message portal
mail-welcome-intro = You now have an account on the { $org } secure message portal as <strong>{ $recipient }</strong>.
mail-welcome-uses = There you can see who has read the secure messages you send, recall them or extend their expiry, read the replies, and write new secure messages.
mail-welcome-sign-in = Sign in here:
mail-welcome-button = Open the portal
mail-welcome-code = Enter your address, then choose “Email me a sign-in code instead”: no password needed. You can also set a password with “Forgot password?”.
mail-welcome-password = Enter your address, then choose “Forgot password?” to set a password.
mail-welcome-directory = Enter your address, then your organisation’s usual password (the one its directory keeps): there is no other password to set.
mail-welcome-provider = Enter your address: you are taken to { $name } to sign in with your organisation’s account, then back to the portal.
