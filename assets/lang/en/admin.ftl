# The admin console's own words: its header and navigation, the dashboard, the
# directory (domains, users, one user, adding one), the monitor and one
# message's story, the report, the audit, the settings, the admin's
# preferences, sign-in, and the confirmation and one-time password pages.
# Ids: admin-.
# Words the code hands over come from other files and are not here: notes and
# errors (console-note-*, note-*), confirmation titles and texts
# (console-confirm-*), status names (status-*), audit kinds (audit-kind-*),
# restrictions (restriction-*), event descriptions (event-*), ages and sizes
# (age-*, size-*). Dates, addresses, setting names and values, rule names and
# commands (cloister …) stay as they are.
# Plurals: give each variant your language's form.
# Markup: <strong>, </strong>, <code>, </code> in a text are shown as bold and
# as code; keep them around the same words. No other tag works.

## Shared by several admin pages

# Link and button that open the form to add an account (directory, users,
# the form's own title and button).
admin-add-user = Add user
# Back link from a domain's users and from "Add user" to the domain list.
admin-back-directory = ← Directory

## _admin.html (header and navigation of every admin page)

# After the organisation's name in the header: "Example Corp admin console".
admin-brand-tagline = admin console
# The button that opens the navigation on phones.
admin-menu = Menu
# Name of the navigation, read by screen readers.
admin-nav-label = Admin
admin-nav-dashboard = Dashboard
admin-nav-directory = Directory
admin-nav-monitor = Monitor
admin-nav-report = Report
admin-nav-audit = Audit
admin-nav-settings = Settings
# The search field in the header (label read by screen readers, then placeholder).
admin-find-user-label = Find a user in every domain
admin-find-user-placeholder = Find a user
# Tooltip of the admin's name in the header, a link to their preferences.
admin-preferences-link-title = Your preferences
admin-sign-out = Sign out

## _admin_fields.html (the date range of the monitor, the report and the audit)

# Labels of the two day fields; the date format follows in brackets, e.g. "From (DD/MM/YYYY)".
admin-fields-from = From
admin-fields-to = To

## admin_dashboard.html

# Page title (also read by screen readers as the heading).
admin-dashboard-title = Dashboard
admin-dashboard-traffic = Secure messages
# Column headings of the traffic table.
admin-dashboard-today = Today
admin-dashboard-week = Last 7 days
# Row headings of the traffic table.
admin-dashboard-sent-by-us = Sent by us
admin-dashboard-from-partners = Replies and messages from partners
admin-dashboard-by-status = Last 7 days by status
# A count and a status name (translated elsewhere), e.g. "3 Read".
admin-dashboard-status-count = <strong>{ $count }</strong> { $status }
admin-dashboard-outbox = Outbox
admin-dashboard-pending = { $count ->
        [one] <strong>{ $count }</strong> waiting to be sent
       *[other] <strong>{ $count }</strong> waiting to be sent
    }
# Follows admin-dashboard-pending when mail waits; the age of the oldest
# ("3 days", "5 minutes") comes after it.
admin-dashboard-oldest = ; the oldest for
admin-dashboard-dead = { $count ->
        [one] <strong>{ $count }</strong> dead-lettered
       *[other] <strong>{ $count }</strong> dead-lettered
    }
admin-dashboard-stuck = Mail is overdue: check the relay (the log says why it fails).
admin-dashboard-sign-ins = Sign-ins, last 24 hours
# $plus is "+" when only the last events were counted (the count is then the least there were), else empty.
admin-dashboard-failed-portal = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> failed portal sign-in
       *[other] <strong>{ $count }{ $plus }</strong> failed portal sign-ins
    }
admin-dashboard-failed-admin = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> failed admin sign-in
       *[other] <strong>{ $count }{ $plus }</strong> failed admin sign-ins
    }
admin-dashboard-lockouts = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> lockout
       *[other] <strong>{ $count }{ $plus }</strong> lockouts
    }
# $cap: how many of the latest events were counted.
admin-dashboard-capped = { $cap ->
        [one] The last event was counted; there were more.
       *[other] The last { $cap } events were counted; there were more.
    }
admin-dashboard-appliance = This appliance
admin-dashboard-certificate = Certificate
# The TLS certificate; $date: when it expires.
admin-dashboard-cert-valid = valid until { $date }
# After admin-dashboard-cert-valid; $left: the time left ("40 days").
admin-dashboard-cert-left = (in { $left })
admin-dashboard-cert-unreadable = unreadable
# The encrypted store of messages; its size follows.
admin-dashboard-vault = Vault
# Disk space; $free and $total are sizes ("12 GB").
admin-dashboard-disk-free = { $free } free of { $total }
admin-dashboard-version = Version
admin-dashboard-running = Running
# After the uptime ("3 days"); $date: when Cloister started.
admin-dashboard-since = (since { $date })
# $algorithm: the key type, e.g. RSA or ED25519.
admin-dashboard-dkim-hint = Notices are signed (key type { $algorithm }). Publish this TXT record so receivers can check the signature:

## admin_domains.html

admin-directory-title = Directory
# “Add user” names the button admin-add-user; cloister user add is a command.
admin-directory-hint = Every domain that secure mail has been held for, with its users. Accounts are made when a secure message first reaches an address (or by an admin with “Add user”, or with <code>cloister user add</code>).
# Label (read by screen readers) and placeholder of the search field.
admin-directory-find = Find a domain
admin-directory-find-button = Find
# Table caption, read by screen readers.
admin-directory-caption = Domains
# Column headings and cell labels.
admin-directory-col-domain = Domain
admin-directory-col-users = Users
admin-directory-col-denied = Logon denied
admin-directory-col-held = Messages held
admin-directory-col-last = Last held
admin-directory-col-kind = Kind
# The kind of a domain: its users sign in with mailed codes (internal) or are partners (external).
admin-directory-internal = internal
admin-directory-external = external
# The page links (label of the group, then the links).
admin-directory-pages = Pages
admin-directory-first = « First
admin-directory-next = Next →
# $found: what the admin searched for.
admin-directory-none-match = No domain matches “{ $found }”.
admin-directory-none = No domains yet.

## admin_users.html

# Page title and table caption when the users of every domain are listed.
admin-users-title = Users
# Heading and table caption; $domain: a domain name.
admin-users-of = Users of { $domain }
admin-users-of-every = Users of every domain
# Label (read by screen readers) and placeholder of the search field.
admin-users-find = Find a user
admin-users-find-button = Find
# Column headings and cell labels.
admin-users-col-address = Address
admin-users-col-last = Last sign-in
admin-users-col-state = State
# A user who never signed in.
admin-users-never = never
# What the State column lists (several may show, one after the other).
admin-users-logon-denied = logon denied
admin-users-sending-denied = sending denied
admin-users-locked = locked
admin-users-must-change = must change password
# $max: how many users the list shows at most.
admin-users-only-first = { $max ->
        [one] Only the first is shown; narrow the search.
       *[other] Only the first { $max } are shown; narrow the search.
    }
# $q: what the admin searched for.
admin-users-none-match = No users match “{ $q }”.
admin-users-none = No users.

## admin_user.html (one user; the page title and heading are the address)

admin-user-kind = Kind
admin-user-internal = internal (signs in with emailed codes)
admin-user-internal-org = internal (signs in with the organisation’s account)
admin-user-password-ldap = Their password is the organisation’s directory password: it is set and reset there, not here.
admin-user-password-oidc = They sign in at { $name }: their password is set and reset there, not here.
admin-user-external = external
admin-user-created = Created
# Row heading, section heading and label of the new password field.
admin-user-password = Password
# The password's state.
admin-user-password-set = set
admin-user-password-none = none yet
# Added after the password's state (hence the leading "; ").
admin-user-must-change = ; must change at next sign-in
admin-user-logon = Logon
# State of logon and of sending.
admin-user-allowed = allowed
admin-user-denied = denied
# Added after the logon state (hence the leading "; ").
admin-user-locked = ; locked after failed sign-ins
admin-user-sending = Sending
admin-user-two-step = Two-step sign-in
admin-user-two-step-on = set up
admin-user-two-step-off = not set up
admin-user-directory = Organisation sign-in
admin-user-signs-in = Signs in with
admin-user-via-ldap = the organisation’s directory (LDAP) password
admin-user-via-oidc = { $name } (OpenID Connect)
admin-user-entry = Directory entry
admin-user-entry-none = not signed in that way yet
admin-user-groups = Groups
admin-user-groups-none = none
admin-user-as-of = As of
admin-user-secure = Secure sending
admin-user-secure-policy = decided by policy.secure_mode_senders
admin-user-secure-by-ldap = allowed: from LDAP group { $group }
admin-user-secure-by-oidc = allowed: from { $name } group { $group }
admin-user-secure-not = not allowed: in none of the secure-sending groups
admin-user-confirm-password = Confirm password
# The tick box under the password fields.
admin-user-force-tick = Force change at next sign-in
admin-user-set-password = Set this password
# These two ask for a confirmation first (hence the "…").
admin-user-reset-mail = Make one and mail it…
admin-user-reset-show = Make one and show it to me…
admin-user-password-hint = Type a password twice and set it, or leave the fields empty and let Cloister make one. The tick applies to all three.
# Name of a group of buttons, read by screen readers.
admin-user-password-change = Password change
admin-user-force-change = Force password change at next sign-in
# Section heading and name of its group of buttons.
admin-user-access = Access
admin-user-deny-logon = Deny logon
admin-user-allow-logon = Allow logon
admin-user-deny-sending = Deny sending
admin-user-allow-sending = Allow sending
admin-user-unlock = Unlock sign-in
admin-user-sign-ins = Latest sign-ins
admin-user-sign-ins-caption = Latest sign-ins, newest first
admin-user-col-when = When
admin-user-col-what = What
admin-user-no-sign-ins = No sign-ins yet.
admin-user-delete = Delete
# Asks for a confirmation first (hence the "…").
admin-user-delete-account = Delete account…
admin-user-delete-hint = Asks first. The mailbox entries go; the audit and the message logs stay.

## admin_user_new.html (title, heading and button: admin-add-user)

admin-new-user-address = Email address
# $domains: the internal domains, comma-separated.
admin-new-user-internal-domains = Addresses in { $domains } become internal users, who sign in with a code mailed when they ask. Every other address is an external partner.
admin-new-user-no-internal-domains = Every address is an external partner (no internal domains are set).
admin-new-user-mail = Mail a one-time password now (the first-contact mail)
# “Forgot password?” is the link on the portal's sign-in page: use its words there.
admin-new-user-mail-hint = Without it nothing is mailed: set a password on the next page, or the user asks for one with “Forgot password?”.

## admin_confirm.html (an action that takes something away asks first)

# Page title and heading; $title: the action ("Deny logon", from console-confirm-*-title).
admin-confirm-question = { $title }?
# The account; the consequence (console-confirm-*) follows.
admin-confirm-for = For <strong>{ $address }</strong>.
admin-confirm-cancel = Cancel

## admin_password.html (a one-time password shown once)

admin-password-title = New password
admin-password-heading = New one-time password
admin-password-for = For <strong>{ $address }</strong>. It is shown only now; pass it on by a safe channel.
# One of these two follows admin-password-for.
admin-password-must-change = The user must choose their own at the next sign-in.
admin-password-may-keep = The user may keep it.
admin-password-back = Back to the user

## admin_monitor.html

# Page title, then heading.
admin-monitor-title = Monitor
admin-monitor-heading = Secure message monitor
admin-monitor-indexing = Messages kept before this version are still being indexed: the counts and lists show those done so far.
admin-monitor-words = Address or words of the subject
# Legend of the status tick boxes, and name of the status tabs (read by screen readers).
admin-monitor-status = Status
admin-monitor-apply = Apply
admin-monitor-capped = More messages match than were counted: the counts are the least there are. Add words or dates to narrow the search.
# Table caption, read by screen readers.
admin-monitor-caption = Secure messages, newest first
# Column headings and cell labels of the message list.
admin-monitor-col-received = Received
admin-monitor-col-sender = Sender
admin-monitor-col-recipients = Secure recipients
# The policy rules that held the message (their names stay as configured).
admin-monitor-col-policy = Policy
admin-monitor-col-subject = Subject
admin-monitor-col-status = Status
# After the status of a message whose expiry was extended.
admin-monitor-extended = (extended)
# The page links (label of the group, then the links).
admin-monitor-pages = Pages
admin-monitor-newest = « Newest
admin-monitor-newer = ← Newer
admin-monitor-older = Older →
admin-monitor-oldest = Oldest »
admin-monitor-empty = No messages match.
admin-monitor-outbox = Outbox
# Mail Cloister still has to send. $count: how many; $age: how long the oldest has waited ("3 days").
admin-monitor-waiting = { $count ->
        [one] <strong>{ $count }</strong> waiting to be sent.
       *[other] <strong>{ $count }</strong> waiting to be sent.
    }
admin-monitor-waiting-oldest = { $count ->
        [one] <strong>{ $count }</strong> waiting to be sent, the oldest for { $age }.
       *[other] <strong>{ $count }</strong> waiting to be sent, the oldest for { $age }.
    }
admin-monitor-overdue = Some are overdue: the log says why the relay refuses them.
# Outbox rows Cloister gave up on.
admin-monitor-dead = Dead-lettered
# $row: the outbox row's number.
admin-monitor-retried = Outbox row { $row } is back in the queue.
admin-monitor-dead-caption = Outbox rows that gave up
# Column headings and cell labels of the dead-lettered rows.
admin-monitor-col-row = Row
admin-monitor-col-kind = Kind
admin-monitor-col-to = To
admin-monitor-col-reply = Last reply
# $error: the mail server's last reply (as it sent it); $attempts: how many times Cloister tried.
admin-monitor-reply = { $attempts ->
        [one] { $error } ({ $attempts } attempt)
       *[other] { $error } ({ $attempts } attempts)
    }
# Button (and its column's heading, read by screen readers).
admin-monitor-retry = Retry
# $shown: rows listed; $total: rows dead-lettered. The command stays as it is.
admin-monitor-dead-more = { $shown ->
        [one] The newest of { $total } is listed; <code>cloister outbox list --status dead</code> lists every one.
       *[other] The newest { $shown } of { $total } are listed; <code>cloister outbox list --status dead</code> lists every one.
    }
admin-monitor-dead-none = Nothing is dead-lettered.
# Button that closes a message's story shown over the list (read by screen readers).
admin-monitor-close = Close

## admin_message.html (one message's story)

# Page title; $queue_id: the message's queue id (hexadecimal).
admin-message-title = Message { $queue_id }
admin-message-back = ← Monitor
# Heading; the message's status follows.
admin-message-heading = Message { $queue_id }:
admin-message-sender = Sender
admin-message-subject = Subject
admin-message-received = Received
# $date: when; $client: the address of the server that handed the message over.
admin-message-received-from = { $date } from { $client }
admin-message-expires = Expires
# After the expiry date.
admin-message-extended-on = (extended on { $date })
admin-message-recalled = Recalled
admin-message-size = Size
admin-message-bytes = { $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }
admin-message-restriction = Restriction
# $restriction: "none", "no print"… (translated elsewhere).
admin-message-receipt-asked = { $restriction }; read receipt asked
admin-message-receipt-not-asked = { $restriction }; read receipt not asked
admin-message-recipients = Recipients
admin-message-recipients-caption = Recipients with decision and state
# Column headings and cell labels.
admin-message-col-address = Address
# The policy's decision and the rule that made it, e.g. "vault (keyword:[secure])"; both stay as they are.
admin-message-col-decision = Decision (rule)
admin-message-col-state = State
# Added after a recipient's state (hence the leading ", "); $date: when they first read it.
admin-message-read-at = , read { $date }
admin-message-revoked = , access revoked
admin-message-outbox = Outbox
admin-message-outbox-caption = Mail still queued or dead-lettered for this message
admin-message-col-row = Row
admin-message-col-kind = Kind
admin-message-col-to = To
# An outbox row's state ("pending", "dead": stays as it is), how many times it was
# tried, and the last error.
admin-message-outbox-state = { $attempts ->
        [one] { $state } after { $attempts } attempt
       *[other] { $state } after { $attempts } attempts
    }
admin-message-outbox-state-error = { $attempts ->
        [one] { $state } after { $attempts } attempt: { $error }
       *[other] { $state } after { $attempts } attempts: { $error }
    }
admin-message-events = Event log

## admin_report.html

admin-report-title = Report
admin-report-heading = Secure messages per day
admin-report-show = Show
admin-report-csv = Download CSV
# $total, $outbound, $inbound: counts; $from, $to: the first and last day.
admin-report-total = { $total ->
        [one] { $total } secure message
       *[other] { $total } secure messages
    } from { $from } to { $to } (UTC): { $outbound } outbound, { $inbound ->
        [one] { $inbound } inbound reply
       *[other] { $inbound } inbound replies
    }.
admin-report-caption = Messages per day, newest first
# Column headings and cell labels.
admin-report-col-day = Day
admin-report-col-outbound = Outbound
admin-report-col-inbound = Inbound
admin-report-col-total = Total

## admin_audit.html

admin-audit-title = Audit
# Label of the list of event kinds; its first choice is admin-audit-kind-all.
admin-audit-kind = Kind
admin-audit-kind-all = Everything
admin-audit-words = Address or words
admin-audit-filter = Filter
admin-audit-export = Export CSV
admin-audit-caption = Audit events, newest first
# Column headings and cell labels.
admin-audit-col-when = When (UTC)
admin-audit-col-kind = Kind
admin-audit-col-who = Who
admin-audit-col-what = What
# $shown: how many events the page shows at most.
admin-audit-full = { $shown ->
        [one] The newest is shown; narrow the filter or export the CSV for more.
       *[other] The newest { $shown } are shown; narrow the filter or export the CSV for more.
    }
admin-audit-empty = No events match.

## admin_settings.html

admin-settings-title = Settings
admin-settings-heading = Effective settings
admin-settings-read-only = Read-only.
# The configuration file's path follows, then a full stop.
admin-settings-file = Every setting lives in one file:
admin-settings-no-file = Every setting lives in one file: none is in use (built-in defaults; <code>cloister init</code> writes one).
admin-settings-edit = Edit it and restart Cloister; <code>cloister check-config</code> shows the same list and checks the file first.
admin-settings-caption = Every setting with its value and source
# Column headings and cell labels: the setting's name, its value, where it was set.
admin-settings-col-setting = Setting
admin-settings-col-value = Value
admin-settings-col-from = From

## admin_preferences.html (its date and time zone fields have their own messages: dates-*, zone-*)

admin-prefs-title = Your preferences
# The current time in the chosen format follows, then a full stop.
admin-prefs-dates-shown = Dates in the console show like this for you:
admin-prefs-utc = Date filters and the report count whole UTC days; CSV files keep UTC.
admin-prefs-save = Save

## admin_login.html

admin-login-title = Admin sign-in
admin-login-name = Admin name
admin-login-password = Password
# The six-digit code of an authenticator app; the second when it may be left empty.
admin-login-code = Authenticator code
admin-login-code-optional = Authenticator code (if set up)
admin-login-submit = Sign in
# The command stays as it is (NAME stands for the new admin's name).
admin-login-hint = Admins are created on the appliance with <code>cloister admin add NAME</code>.
admin-login-passkey-only = This console accepts only passkeys. An admin who has none yet signs in once with password and code, to add one.

admin-nav-passkeys = Passkeys
# The admin user page: the user's passkeys (an admin may remove them).
admin-user-passkeys = Passkeys
admin-user-no-passkeys = No passkeys.
