# The portal's mailbox: folder pages, search, reading a message, writing one,
# the sender's status panel, the date fields of the preferences forms, and the
# words portal.js shows on the compose page (given to it through compose.html).
# Folder names, message statuses, notices, errors and dates come from the code.

## _search_box.html

search-box-label = Search your messages
search-box-placeholder = Search sender, subject, text, attachments
# Label of the period list beside the search field.
search-box-when = Received
search-when-any = Any time
search-when-today = Today
search-when-week = This week
search-when-month = This month
search-box-submit = Search

## search.html

# Page title and heading.
search-title = Search
# $days: how many days back the search looks (portal.archive_search_days).
search-window = { $days ->
    [one] Searching every folder, messages of the last { $days } day.
   *[other] Searching every folder, messages of the last { $days } days.
}
search-how = Type words to look for: all of them must appear in the sender, recipients, subject, text or attachment names.
# Table caption, read by screen readers. $words: what the user searched for.
search-caption = Messages matching { $words }, newest first
# Column heading and cell label: the sender, or the recipients of a sent message.
search-col-who = From / To
search-col-folder = Folder
search-page = Page { $page }
# No result. $words: what the user searched for; "in that period": a period was chosen.
search-none = Nothing matches.
search-none-words = Nothing matches “{ $words }”.
search-none-period = Nothing matches in that period.
search-none-words-period = Nothing matches “{ $words }” in that period.

## _rows.html (the message lists: folders and search results)

# Column headings and cell labels (phones show the label beside each cell).
rows-col-subject = Subject
rows-col-date = Date
rows-col-size = Size
rows-no-subject = (no subject)
# After the subject of an unread message, read by screen readers only.
rows-unread = (unread)
# Tooltip and label of the paper-clip icon of a message with attachments.
rows-attachments = { $count ->
    [one] { $count } attachment
   *[other] { $count } attachments
}
# The list's page links (label of the group, then the links).
rows-pager-label = Pages
rows-newer = ← Newer
rows-older = Older →

## mailbox.html

mailbox-folders-label = Folders
mailbox-new-message = New message
# Tooltip of a folder's count of unread messages.
mailbox-unread-title = unread
# Read by screen readers right after a folder's count of unread messages ("3 unread").
mailbox-unread-after-count = { $count ->
    [one] unread
   *[other] unread
}
# $days: how many days messages stay in the folders (portal.inbox_days).
mailbox-window = { $days ->
    [one] Messages of the last { $days } day.
   *[other] Messages of the last { $days } days.
}
# The same with $total, the number of messages in the folder shown.
mailbox-window-total = { $days ->
    [one] Messages of the last { $days } day: { $total }.
   *[other] Messages of the last { $days } days: { $total }.
}
# Label of the buttons acting on the ticked messages.
mailbox-selected-label = With the selected messages
# Table caption, read by screen readers. $folder: the folder's name.
mailbox-caption = { $folder }, newest first
# Heading of the column of tick boxes, read by screen readers only.
mailbox-col-select = Select
mailbox-col-from = From
# Heading in the Sent folder: the recipients.
mailbox-col-to = To
mailbox-col-status = Status
# Label of a message's tick box. $subject: the message's subject.
mailbox-select-message = Select { $subject }
mailbox-page = Page { $page } of { $pages }
mailbox-empty = No messages.

## message.html

message-no-subject = (no subject)
# Link back to the folder. $folder: the folder's name.
message-back = ← { $folder }
message-reply = Reply
message-reply-all = Reply all
message-print = Print
message-open-tab = Open in new tab
message-download-eml = Download .eml
# Printed instead of the message when the sender forbade printing.
message-print-refused = The sender asked that this message not be printed. It can be read in the secure portal only.

## _message_body.html (the message page and the print view)

# Header names.
body-from = From
body-to = To
body-cc = Cc
body-received = Received
body-expires = Expires
body-attachments-label = Attachments
# $count: how many images of the message would have been fetched from elsewhere.
body-images-blocked = { $count ->
    [one] { $count } remote image was not loaded, so the sender cannot tell when you read this.
   *[other] { $count } remote images were not loaded, so the sender cannot tell when you read this.
}
body-show-images = Show images
body-frame-title = Message body
# After the reason the formatted text is not shown.
body-too-complex-download = Download the message (.eml) to open it in your mail program.
body-too-complex-no-download = The sender does not allow downloading it; ask them for a simpler copy.
body-plain-follows = Its plain-text version follows.
body-text-cut = The text is cut here: it is too long to show in full.
body-text-cut-download = Download the message (.eml) to read all of it.

## _actions.html (buttons on the folder pages and the message page)

actions-mark-read = Mark read
actions-mark-unread = Mark unread
actions-restore = Restore
actions-purge = Delete for good
actions-delete = Delete

## compose.html

compose-new-title = New secure message
compose-reply-title = Reply
compose-reply-all-title = Reply to all
# After the error that stopped a reply or a message from being sent.
compose-recipients-label = Recipients
compose-to = To
compose-cc = Cc
compose-reply-hint = A reply goes only to the people on the original message.
compose-to-hint = Separate addresses with commas.
# $domains: the organisation's mail domains, "example.org, example.com".
compose-to-domains = You can write to addresses at { $domains }.
# The same when no domain is configured.
compose-to-organisation = You can write to addresses at your correspondent's organisation.
compose-subject = Subject
compose-body = Message
compose-attachments = Attachments
# $limit: the size allowed, "50 MB".
compose-attachments-hint = Up to { $limit } in total.
compose-options = Secure messaging options
compose-mode = Secure delivery
compose-mode-external = External recipients only
compose-mode-all = All recipients
compose-mode-off = Off (policies still apply)
compose-read-receipt = Request read receipt
compose-restriction = Restrictions
compose-restriction-none = None
compose-restriction-no-print = Restricted – no print
compose-restriction-no-print-no-reply = Restricted – no print, no reply
compose-expiry = Expire message in
# A choice of the expiry list.
compose-expiry-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
# The same for the organisation's default.
compose-expiry-days-default = { $days ->
    [one] { $days } day (default)
   *[other] { $days } days (default)
}
compose-upload-progress = Upload progress
compose-send = Send

## portal.js (the compose page's script; compose.html gives it these texts)
## In the page $size, $n and $percent are placeholders, "{size}", "{n}" and
## "{percent}", that the script replaces with the value (once each): keep each once.

# Shown at once when the chosen files are over the limit. $size: their total
# (one of the script-size- texts below); $limit: the size allowed, "50 MB".
script-size-error = The attachments come to { $size }; the total allowed per message is { $limit }. Remove some and try again.
# Sizes as the server writes them (decimal units, rounded up). $n: the number, "999", "13", "4.2".
script-size-bytes = { $n } bytes
script-size-kb = { $n } kB
script-size-mb = { $n } MB
script-size-gb = { $n } GB
# $percent: how much of the message is sent, 0 to 100.
script-uploading = Uploading… { $percent }%
script-send-failed = The message could not be sent: the connection failed. Try again.

## _tracking.html (the sender's status panel on their own sent message)

# Before the message's status ("Delivery status: Read").
tracking-title = Delivery status:
# $expires, $extended: dates.
tracking-expires = Expires { $expires }.
tracking-expires-extended = Expires { $expires } (extended on { $extended }).
tracking-recalled = Recalled on { $recalled }.
tracking-caption = Status per recipient
tracking-col-recipient = Recipient
tracking-col-status = Status
# Heading of the column of buttons, read by screen readers only.
tracking-col-access = Access
# After a recipient's status: when they read the message.
tracking-read-at = (read { $date })
tracking-grant = Grant access again
tracking-revoke = Revoke access
# Read by screen readers after the button's label ("Revoke access for bob@example.org").
tracking-access-for = for { $address }
tracking-extend-label = Extend expiry to
tracking-extend = Extend
# $limit: the date the retention period ends.
tracking-extend-hint = Once per message, and never past { $limit } (the retention period).
# The box to tick before recalling (the refusal when it is not ticked quotes it).
tracking-recall-confirm = I understand a recall cannot be undone
tracking-recall = Recall from every recipient
tracking-recall-hint = Replies already sent are not affected.

## _date_fields.html (the portal's and the admin console's preferences)

dates-format = Date format
dates-clock = Time format
dates-clock-24 = 24-hour (14:05)
dates-clock-12 = 12-hour (2:05 PM)

mailbox-drafts = Drafts
drafts-hint = Messages you started, saved as you write. Open one to go on writing; at most { $most } are kept.
drafts-col-saved = Saved
drafts-col-actions = Actions
drafts-attachments = { $count ->
    [one] 1 file
   *[other] { $count } files
} ({ $size })
drafts-delete = Delete
drafts-delete-label = Delete the draft “{ $subject }”
drafts-empty = No drafts. What you write is saved here until you send it.
compose-bcc = Bcc
compose-bcc-hint = Blind copies: these recipients get the message and nobody sees that they did.
compose-remove-file = Remove { $name }
compose-choose-files = Choose files
compose-drop-hint = …or drop files here.
compose-stay-signed-in = Stay signed in
compose-session-ended = Your session has ended. What you wrote is kept as a draft: sign in again to go on writing.
compose-sign-in-again = Sign in again
compose-save-draft = Save draft
script-draft-saved = Draft saved at { $time }
script-draft-save-failed = The draft could not be saved just now; it is tried again while you write.
script-draft-gone = This draft was sent or deleted in another window. What you type now is saved as a new draft.
script-attached-total = { $size } attached of { $limit }
script-session-ending = Your session ends in { $minutes } min unless you stay signed in.

editor-toolbar-label = Formatting
editor-bold = Bold (Ctrl+B)
editor-italic = Italic (Ctrl+I)
editor-bullets = Bulleted list (Ctrl+Shift+8)
editor-numbers = Numbered list (Ctrl+Shift+7)
editor-quote = Quote (Ctrl+Shift+9)
editor-link = Link (Ctrl+K)
editor-link-address = Link address
editor-link-apply = Add link
editor-link-cancel = Cancel

# The line above the quoted original in a reply; $when: its date as the user reads dates; $from: its sender.
compose-quote-attribution = On { $when }, { $from } wrote:

message-forward = Forward
compose-forward-title = Forward
# The block above a forwarded message's text; $when: its date as the user reads dates.
compose-forward-block =
    ---------- Forwarded message ----------
    From: { $from }
    Date: { $when }
    Subject: { $subject }
    To: { $to }
