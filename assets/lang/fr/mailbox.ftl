# The portal's mailbox: folder pages, search, reading a message, writing one,
# the sender's status panel, the date fields of the preferences forms, and the
# words portal.js shows on the compose page (given to it through compose.html).
# Folder names, message statuses, notices, errors and dates come from the code.

## _search_box.html

search-box-label = Rechercher dans vos messages
search-box-placeholder = Expéditeur, objet, texte, pièces jointes
# Label of the period list beside the search field.
search-box-when = Reçus
search-when-any = N'importe quand
search-when-today = Aujourd'hui
search-when-week = Cette semaine
search-when-month = Ce mois-ci
search-box-submit = Rechercher

## search.html

# Page title and heading.
search-title = Recherche
# $days: how many days back the search looks (portal.archive_search_days).
search-window = { $days ->
    [one] Recherche dans tous les dossiers, messages du dernier jour.
   *[other] Recherche dans tous les dossiers, messages des { $days } derniers jours.
}
search-how = Saisissez les mots à rechercher : ils doivent tous figurer dans l'expéditeur, les destinataires, l'objet, le texte ou les noms des pièces jointes.
# Table caption, read by screen readers. $words: what the user searched for.
search-caption = Messages correspondant à { $words }, les plus récents d'abord
# Column heading and cell label: the sender, or the recipients of a sent message.
search-col-who = De / À
search-col-folder = Dossier
search-page = Page { $page }
# No result. $words: what the user searched for; "in that period": a period was chosen.
search-none = Aucun résultat.
search-none-words = Aucun résultat pour « { $words } ».
search-none-period = Aucun résultat sur cette période.
search-none-words-period = Aucun résultat pour « { $words } » sur cette période.

## _rows.html (the message lists: folders and search results)

# Column headings and cell labels (phones show the label beside each cell).
rows-col-subject = Objet
rows-col-date = Date
rows-col-size = Taille
rows-no-subject = (sans objet)
# After the subject of an unread message, read by screen readers only.
rows-unread = (non lu)
# Tooltip and label of the paper-clip icon of a message with attachments.
rows-attachments = { $count ->
    [one] { $count } pièce jointe
   *[other] { $count } pièces jointes
}
# The list's page links (label of the group, then the links).
rows-pager-label = Pages
rows-newer = ← Plus récents
rows-older = Plus anciens →

## mailbox.html

mailbox-folders-label = Dossiers
mailbox-new-message = Nouveau message
# Tooltip of a folder's count of unread messages.
mailbox-unread-title = non lus
# Read by screen readers right after a folder's count of unread messages ("3 unread").
mailbox-unread-after-count = { $count ->
    [one] non lu
   *[other] non lus
}
# $days: how many days messages stay in the folders (portal.inbox_days).
mailbox-window = { $days ->
    [one] Messages du dernier jour.
   *[other] Messages des { $days } derniers jours.
}
# The same with $total, the number of messages in the folder shown.
mailbox-window-total = { $days ->
    [one] Messages du dernier jour : { $total }.
   *[other] Messages des { $days } derniers jours : { $total }.
}
# Label of the buttons acting on the ticked messages.
mailbox-selected-label = Avec la sélection
# Table caption, read by screen readers. $folder: the folder's name.
mailbox-caption = { $folder }, les plus récents d'abord
# Heading of the column of tick boxes, read by screen readers only.
mailbox-col-select = Sélectionner
mailbox-col-from = De
# Heading in the Sent folder: the recipients.
mailbox-col-to = À
mailbox-col-status = État
# Label of a message's tick box. $subject: the message's subject.
mailbox-select-message = Sélectionner { $subject }
mailbox-page = Page { $page } sur { $pages }
mailbox-empty = Aucun message.

## message.html

message-no-subject = (sans objet)
# Link back to the folder. $folder: the folder's name.
message-back = ← { $folder }
message-reply = Répondre
message-reply-all = Répondre à tous
message-print = Imprimer
message-open-tab = Ouvrir dans un onglet
message-download-eml = Télécharger .eml
# Printed instead of the message when the sender forbade printing.
message-print-refused = L'expéditeur a demandé que ce message ne soit pas imprimé. Il ne peut être lu que dans le portail sécurisé.

## _message_body.html (the message page and the print view)

# Header names.
body-from = De
body-to = À
body-cc = Cc
body-received = Reçu
body-expires = Expire
body-attachments-label = Pièces jointes
# $count: how many images of the message would have been fetched from elsewhere.
body-images-blocked = { $count ->
    [one] { $count } image distante n'a pas été chargée : l'expéditeur ne peut donc pas savoir quand vous lisez ce message.
   *[other] { $count } images distantes n'ont pas été chargées : l'expéditeur ne peut donc pas savoir quand vous lisez ce message.
}
body-show-images = Afficher les images
body-frame-title = Corps du message
# After the reason the formatted text is not shown.
body-too-complex-download = Téléchargez le message (.eml) pour l'ouvrir dans votre logiciel de messagerie.
body-too-complex-no-download = L'expéditeur n'en autorise pas le téléchargement ; demandez-lui une copie plus simple.
body-plain-follows = Voici sa version en texte brut.
body-text-cut = Le texte s'arrête ici : il est trop long pour être affiché en entier.
body-text-cut-download = Téléchargez le message (.eml) pour le lire en entier.

## _actions.html (buttons on the folder pages and the message page)

actions-mark-read = Marquer lu
actions-mark-unread = Marquer non lu
actions-restore = Restaurer
actions-purge = Supprimer définitivement
actions-delete = Supprimer

## compose.html

compose-new-title = Nouveau message sécurisé
compose-reply-title = Répondre
compose-reply-all-title = Répondre à tous
# After the error that stopped a reply or a message from being sent.
compose-recipients-label = Destinataires
compose-to = À
compose-cc = Cc
compose-reply-hint = Une réponse ne va qu'aux personnes du message d'origine.
compose-to-hint = Séparez les adresses par des virgules.
# $domains: the organisation's mail domains, "example.org, example.com".
compose-to-domains = Vous pouvez écrire aux adresses de { $domains }.
# The same when no domain is configured.
compose-to-organisation = Vous pouvez écrire aux adresses de l'organisation de votre correspondant.
compose-subject = Objet
compose-body = Message
compose-attachments = Pièces jointes
# $limit: the size allowed, "50 MB".
compose-attachments-hint = Jusqu'à { $limit } au total.
compose-options = Options de messagerie sécurisée
compose-mode = Envoi sécurisé
compose-mode-external = Destinataires externes seulement
compose-mode-all = Tous les destinataires
compose-mode-off = Désactivé (les règles restent appliquées)
compose-read-receipt = Demander un accusé de lecture
compose-restriction = Restrictions
compose-restriction-none = Aucune
compose-restriction-no-print = Restreint – sans impression
compose-restriction-no-print-no-reply = Restreint – sans impression ni réponse
compose-expiry = Expiration dans
# A choice of the expiry list.
compose-expiry-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
# The same for the organisation's default.
compose-expiry-days-default = { $days ->
    [one] { $days } jour (par défaut)
   *[other] { $days } jours (par défaut)
}
compose-upload-progress = Progression de l'envoi
compose-send = Envoyer

## portal.js (the compose page's script; compose.html gives it these texts)
## In the page $size, $n and $percent are placeholders, "{size}", "{n}" and
## "{percent}", that the script replaces with the value (once each): keep each once.

# Shown at once when the chosen files are over the limit. $size: their total
# (one of the script-size- texts below); $limit: the size allowed, "50 MB".
script-size-error = Les pièces jointes font { $size } ; le total autorisé par message est de { $limit }. Retirez-en quelques-unes et réessayez.
# Sizes as the server writes them (decimal units, rounded up). $n: the number, "999", "13", "4.2".
script-size-bytes = { $n } octets
script-size-kb = { $n } kB
script-size-mb = { $n } MB
script-size-gb = { $n } GB
# $percent: how much of the message is sent, 0 to 100.
script-uploading = Envoi en cours… { $percent } %
script-send-failed = Le message n'a pas pu être envoyé : la connexion a échoué. Réessayez.

## _tracking.html (the sender's status panel on their own sent message)

# Before the message's status ("Delivery status: Read").
tracking-title = État de la remise :
# $expires, $extended: dates.
tracking-expires = Expire le { $expires }.
tracking-expires-extended = Expire le { $expires } (prolongé le { $extended }).
tracking-recalled = Rappelé le { $recalled }.
tracking-caption = État par destinataire
tracking-col-recipient = Destinataire
tracking-col-status = État
# Heading of the column of buttons, read by screen readers only.
tracking-col-access = Accès
# After a recipient's status: when they read the message.
tracking-read-at = (lu le { $date })
tracking-grant = Rétablir l'accès
tracking-revoke = Révoquer l'accès
# Read by screen readers after the button's label ("Revoke access for bob@example.org").
tracking-access-for = pour { $address }
tracking-extend-label = Prolonger jusqu'au
tracking-extend = Prolonger
# $limit: the date the retention period ends.
tracking-extend-hint = Une seule fois par message, et jamais au-delà du { $limit } (fin de la durée de conservation).
# The box to tick before recalling (the refusal when it is not ticked quotes it).
tracking-recall-confirm = Je comprends qu'un rappel est irréversible
tracking-recall = Rappeler chez tous les destinataires
tracking-recall-hint = Les réponses déjà envoyées ne sont pas concernées.

## _date_fields.html (the portal's and the admin console's preferences)

dates-format = Format de date
dates-clock = Format de l'heure
dates-clock-24 = 24 heures (14:05)
dates-clock-12 = 12 heures (2:05 PM)

mailbox-drafts = Brouillons
drafts-hint = Les messages commencés, enregistrés pendant la saisie. Ouvrez-en un pour continuer ; au plus { $most } sont conservés.
drafts-col-saved = Enregistré
drafts-col-actions = Actions
drafts-attachments = { $count ->
    [one] 1 fichier
   *[other] { $count } fichiers
} ({ $size })
drafts-delete = Supprimer
drafts-delete-label = Supprimer le brouillon « { $subject } »
drafts-empty = Aucun brouillon. Ce que vous écrivez est enregistré ici jusqu’à l’envoi.
compose-bcc = Cci
compose-bcc-hint = Copies cachées : ces destinataires reçoivent le message sans que personne ne le voie.
compose-remove-file = Retirer { $name }
compose-choose-files = Choisir des fichiers
compose-drop-hint = …ou déposez des fichiers ici.
compose-stay-signed-in = Rester connecté
compose-session-ended = Votre session a expiré. Votre texte est conservé comme brouillon : reconnectez-vous pour continuer.
compose-sign-in-again = Se reconnecter
compose-save-draft = Enregistrer le brouillon
script-draft-saved = Brouillon enregistré : { $time }
script-draft-save-failed = Le brouillon n’a pas pu être enregistré pour l’instant ; nouvel essai pendant la saisie.
script-draft-gone = Ce brouillon a été envoyé ou supprimé dans une autre fenêtre. Ce que vous saisissez maintenant est enregistré comme nouveau brouillon.
script-attached-total = { $size } joints sur { $limit }
script-session-ending = Votre session se termine dans { $minutes } min si vous ne restez pas connecté.

editor-toolbar-label = Mise en forme
editor-bold = Gras (Ctrl+B)
editor-italic = Italique (Ctrl+I)
editor-bullets = Liste à puces (Ctrl+Maj+8)
editor-numbers = Liste numérotée (Ctrl+Maj+7)
editor-quote = Citation (Ctrl+Maj+9)
editor-link = Lien (Ctrl+K)
editor-link-address = Adresse du lien
editor-link-apply = Ajouter le lien
editor-link-cancel = Annuler

# The line above the quoted original in a reply; $when: its date as the user reads dates; $from: its sender.
compose-quote-attribution = Le { $when }, { $from } a écrit :

message-forward = Transférer
compose-forward-title = Transférer
# The block above a forwarded message's text; $when: its date as the user reads dates.
compose-forward-block =
    ---------- Message transféré ----------
    De: { $from }
    Date: { $when }
    Objet: { $subject }
    À: { $to }
