# The portal's page frame (head, header, footer) and the account pages:
# signing in, the second step, two-step sign-in setup, passwords (change,
# reset, forgotten), sessions, preferences with the time zone field, the
# delete confirmation, error pages and the print view.
# Page titles and messages of error pages, notices, errors and the password
# checklist rules come from the code (notes.ftl), as do dates.

## _base.html

# After the page's own title in the browser tab: "Sign in · Example Org secure messages".
# $org: the organisation's name (notify.organisation).
base-title-suffix = { $org } secure messages
# Link for keyboard users, first on every page: jumps over the header.
base-skip-link = Skip to the content

## _layout.html

# Beside the organisation's name in the header (styled apart from it): "Example Org secure messages".
layout-brand-tagline = secure messages
# Button that opens the header menu on phones.
layout-menu = Menu
# Label of the header navigation, read by screen readers.
layout-nav-label = Account
layout-preferences = Preferences
layout-sessions = Sessions
layout-change-password = Change password
layout-two-step = Two-step sign-in
layout-sign-out = Sign out
# Footer. $support: the help contact the administrator configured (notify.support_contact), as written there.
layout-help = Help: { $support }
layout-never-ask = We never ask for your password by email.

## login.html

# Page title and heading.
login-title = Sign in
# Button of the password and sign-in code forms.
login-submit = Sign in
# Step 1: the address.
login-address-label = Email address
login-next = Next
# Step 2. $address: the address typed in step 1. A "Not you?" link follows.
login-signing-in-as = Signing in as <strong>{ $address }</strong>
login-not-you = Not you?
login-password-label = Password
login-forgot-link = Forgot password?
login-code-instead = Email me a sign-in code instead
# After asking for a sign-in code by email. $address: the address typed.
login-code-sent = If <strong>{ $address }</strong> has an account here, a sign-in code is on its way.
# $minutes: how long the emailed code works (portal.sign_in_code_minutes).
login-code-valid = { $minutes ->
    [one] It works for { $minutes } minute.
   *[other] It works for { $minutes } minutes.
}
login-code-label = Sign-in code from the mail
login-code-resend = Send a new code
login-password-instead = Sign in with your password instead

## password.html

# Page title, heading and button when the password is changed while signed in.
password-change-title = Change password
password-directory = Addresses at { $domain } sign in with your organisation’s password, which is kept in its directory: change it there (your organisation’s usual way, or ask its IT support).
password-directory-back = Back
password-provider = Addresses at { $domain } sign in at { $name } with your organisation’s account: change or reset its password there (your organisation’s usual way, or ask its IT support).
password-change-submit = Change password
# Page title, heading and button when a reset link from the mail was opened.
password-reset-title = Choose a new password
password-reset-submit = Set password
# The reset link is no longer valid.
password-gone-title = This link no longer works
password-gone = The link has been used, replaced by a newer one, or has expired.
# One sentence made of two links and the word between them:
# "[Ask for a new link] or [sign in]." (password-gone-end closes the sentence).
password-gone-new-link = Ask for a new link
password-gone-or = or
password-gone-sign-in = sign in
password-gone-end = { "." }
# The password has expired.
password-expired = Your password has expired.
# Followed by a link (password-expired-reset-link), then password-expired-end:
# "Choose a new one to go on, or [reset it by email]."
password-expired-choose = Choose a new one to go on, or
password-expired-reset-link = reset it by email
password-expired-end = { "." }
# The administrator set the password: the user must choose their own.
password-forced = Choose your own password before you go on.
password-current-label = Current password
password-new-label = New password
password-again-label = New password again

## forgot.html

# Page title and heading.
forgot-title = Forgot password
forgot-directory = Addresses at { $domain } sign in with your organisation’s password. To reset it, use your organisation’s usual way or ask its IT support; meanwhile you can sign in with an emailed code.
forgot-intro = Enter your address and we will email you a link to choose a new password.
forgot-address-label = Email address
forgot-submit = Send reset link
# After sending. $address: the address typed.
forgot-link-sent = If <strong>{ $address }</strong> has an account, a link to choose a new password is on its way.
# $hours: how long the link works (password.reset_link_hours).
forgot-link-valid = { $hours ->
    [one] It works once, for { $hours } hour.
   *[other] It works once, for { $hours } hours.
}
forgot-back = Back to sign-in

## confirm.html (deleting messages from the mailbox)

# Page title, and heading when the messages move to Deleted.
confirm-title = Delete?
# Heading when the messages are removed from Deleted for good.
confirm-purge-title = Delete for good?
confirm-purge-text = These messages will be removed from your mailbox; this cannot be undone.
confirm-move-text = These messages will move to Deleted, where you can restore them.
# One message of the list. $subject: its subject; $who: its sender.
confirm-item = <strong>{ $subject }</strong> from { $who }
confirm-no-subject = (no subject)
confirm-ok = OK
confirm-cancel = Cancel

## second_factor.html (the code after the password)

# Page title and heading.
second-factor-title = Second step
# $user: the address signing in.
second-factor-intro = Enter the 6-digit code your authenticator app shows for <strong>{ $user }</strong>, or one of your recovery codes.
second-factor-code-label = Code
second-factor-submit = Continue
second-factor-lost = Lost your phone and your recovery codes? Contact your administrator.

## totp.html (setting up two-step sign-in)

# Page title and heading.
totp-title = Two-step sign-in
# Shown once, above the new recovery codes.
totp-recovery-heading = Your recovery codes.
totp-recovery-once = Each works once, instead of an authenticator code, if you lose your phone.
totp-recovery-keep = Keep them somewhere safe: they are shown only now.
totp-recovery-done = I have saved them, continue
# $since: the date it was turned on; $count: how many unused recovery codes are left.
totp-status-on = { $count ->
    [one] Two-step sign-in is <strong>on</strong> (since { $since }); { $count } recovery code left.
   *[other] Two-step sign-in is <strong>on</strong> (since { $since }); { $count } recovery codes left.
}
totp-current-code-label = Current authenticator code
totp-new-recovery-codes = Make new recovery codes
totp-turn-off = Turn two-step sign-in off
totp-scan = Scan this code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator), then enter the 6-digit code it shows.
# Followed by the key itself.
totp-by-hand = Cannot scan? Enter this key by hand:
totp-code-label = Code from the app
totp-turn-on = Turn on
totp-required = Your organisation requires two-step sign-in. Set it up to continue.
totp-explain = With two-step sign-in, signing in needs your password and a code from an app on your phone.
totp-set-up = Set up two-step sign-in

## sessions.html

# Page title.
sessions-title = Sessions
sessions-heading = Where you are signed in
# $at: date and time; $ip: the IP address; $agent: the browser's own description (User-Agent).
sessions-previous = Previous sign-in: { $at } from { $ip } ({ $agent })
# Column headings and cell labels (phones show the label beside each cell).
sessions-col-started = Started
sessions-col-last-active = Last active
# The IP address the session signed in from.
sessions-col-address = Address
sessions-col-browser = Browser
# After the start time of the session in use.
sessions-this-one = (this one)
sessions-end-others = Sign out all other sessions

## preferences.html

# Page title and heading.
preferences-title = Preferences
# Followed by the current date and time in the chosen format.
preferences-now-example = Dates now show like this:
preferences-week-label = First day of the week
preferences-week-monday = Monday
preferences-week-sunday = Sunday
preferences-week-saturday = Saturday
preferences-language-label = Language
# First choice of the language list: follow the language the browser asks for.
# The other choices are each language's own name (language-name).
preferences-language-browser = Your browser's language
preferences-signature-label = Signature
preferences-signature-hint = Added under new messages and replies you write here; you can edit it in each message.
preferences-submit = Save preferences

## _zone_field.html (time zone of the preferences forms, portal and admin)

zone-label = Time zone
# Groups of the time zone list: a few common ones, then all of them.
zone-common = Common
zone-every = Every time zone
# Shown by the page's script when it picked the browser's zone for a user who never saved one.
zone-suggested = Your browser's time zone is chosen; save to keep it.

## error.html

# $reference: an error reference code for support.
error-reference = Reference: <code>{ $reference }</code> (quote it if you contact support)
error-start-page = Go to the start page

## print.html

# Tab title of the print view of a message without a subject.
print-no-subject = (no subject)
print-button = Print

preferences-name-label = Your name
preferences-name-hint = Shown beside { $address } on messages you write. Left empty, the name the other party used for you, if any.

## passkeys.html, _passkey_enrol.html and _passkey_sign_in.html

# Header menu link to the passkeys page.
layout-passkeys = Passkeys
passkeys-title = Passkeys
passkeys-explain = A passkey signs you in with your phone, computer or security key: its fingerprint, face or screen lock instead of a password. It works only on this site, so a fake page cannot use it.
# Shown once after a first sign-in with a mailed password or code.
passkeys-offer = Add a passkey now, and next time you sign in without a password or a mailed code.
passkeys-required = Your organisation requires a passkey. Add one to continue.
passkeys-unavailable = Passkeys are not available on this portal.
passkeys-none = You have no passkeys yet.
passkeys-name-label = Name
passkeys-rename = Rename
# $at: date and time.
passkeys-added-at = Added { $at }
passkeys-last-used = last used { $at }
passkeys-never-used = never used
passkeys-synced = synced to your other devices
# $name: the passkey's name.
passkeys-remove = Remove “{ $name }”
passkeys-new-name-label = Name of the new passkey
passkeys-new-name-hint = For example “Work laptop” or “Phone”, to tell your passkeys apart.
passkeys-add = Add a passkey
passkeys-add-instead = Use a passkey instead
passkeys-add-failed = No passkey was added. Try again, or use another device.
passkeys-unsupported = This browser cannot make passkeys (or script is turned off).
passkeys-not-now = Not now
# On the first password choice: a passkey in place of the password.
passkeys-instead-heading = Or use a passkey instead of a password
passkeys-instead-explain = Sign in from now on with this device's fingerprint, face or screen lock. The password you were mailed then stops working.
# The sign-in page's passkey button and what it says when the browser's part failed.
login-passkey = Sign in with a passkey
login-passkey-failed = Signing in with a passkey did not work. Try again, or enter your address.
