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
admin-add-user = Ajouter un utilisateur
# Back link from a domain's users and from "Add user" to the domain list.
admin-back-directory = ← Annuaire

## _admin.html (header and navigation of every admin page)

# After the organisation's name in the header: "Example Corp admin console".
admin-brand-tagline = console d'administration
# The button that opens the navigation on phones.
admin-menu = Menu
# Name of the navigation, read by screen readers.
admin-nav-label = Administration
admin-nav-dashboard = Tableau de bord
admin-nav-directory = Annuaire
admin-nav-monitor = Suivi
admin-nav-report = Rapport
admin-nav-audit = Audit
admin-nav-settings = Paramètres
# The search field in the header (label read by screen readers, then placeholder).
admin-find-user-label = Rechercher un utilisateur dans tous les domaines
admin-find-user-placeholder = Rechercher un utilisateur
# Tooltip of the admin's name in the header, a link to their preferences.
admin-preferences-link-title = Vos préférences
admin-sign-out = Se déconnecter

## _admin_fields.html (the date range of the monitor, the report and the audit)

# Labels of the two day fields; the date format follows in brackets, e.g. "From (DD/MM/YYYY)".
admin-fields-from = Du
admin-fields-to = Au

## admin_dashboard.html

# Page title (also read by screen readers as the heading).
admin-dashboard-title = Tableau de bord
admin-dashboard-traffic = Messages sécurisés
# Column headings of the traffic table.
admin-dashboard-today = Aujourd'hui
admin-dashboard-week = 7 derniers jours
# Row headings of the traffic table.
admin-dashboard-sent-by-us = Envoyés par nous
admin-dashboard-from-partners = Réponses et messages des partenaires
admin-dashboard-by-status = 7 derniers jours par état
# A count and a status name (translated elsewhere), e.g. "3 Read".
admin-dashboard-status-count = <strong>{ $count }</strong> { $status }
admin-dashboard-outbox = File d'envoi
admin-dashboard-pending = { $count ->
        [one] <strong>{ $count }</strong> en attente d'envoi
       *[other] <strong>{ $count }</strong> en attente d'envoi
    }
# Follows admin-dashboard-pending when mail waits; the age of the oldest
# ("3 days", "5 minutes") comes after it.
admin-dashboard-oldest =  ; le plus ancien attend depuis
admin-dashboard-dead = { $count ->
        [one] <strong>{ $count }</strong> en lettres mortes
       *[other] <strong>{ $count }</strong> en lettres mortes
    }
admin-dashboard-stuck = Du courrier est en retard : vérifiez le relais (le journal indique la cause des échecs).
admin-dashboard-sign-ins = Connexions des dernières 24 heures
# $plus is "+" when only the last events were counted (the count is then the least there were), else empty.
admin-dashboard-failed-portal = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> échec de connexion au portail
       *[other] <strong>{ $count }{ $plus }</strong> échecs de connexion au portail
    }
admin-dashboard-failed-admin = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> échec de connexion admin
       *[other] <strong>{ $count }{ $plus }</strong> échecs de connexion admin
    }
admin-dashboard-lockouts = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> verrouillage
       *[other] <strong>{ $count }{ $plus }</strong> verrouillages
    }
# $cap: how many of the latest events were counted.
admin-dashboard-capped = { $cap ->
        [one] Seul le dernier événement a été compté ; il y en avait davantage.
       *[other] Seuls les { $cap } derniers événements ont été comptés ; il y en avait davantage.
    }
admin-dashboard-appliance = Ce serveur
admin-dashboard-certificate = Certificat
# The TLS certificate; $date: when it expires.
admin-dashboard-cert-valid = valide jusqu'au { $date }
# After admin-dashboard-cert-valid; $left: the time left ("40 days").
admin-dashboard-cert-left = (dans { $left })
admin-dashboard-cert-unreadable = illisible
# The encrypted store of messages; its size follows.
admin-dashboard-vault = Coffre d'isolement
# Disk space; $free and $total are sizes ("12 GB").
admin-dashboard-disk-free = { $free } libres sur { $total }
admin-dashboard-version = Version
admin-dashboard-running = En fonctionnement
# After the uptime ("3 days"); $date: when Cloister started.
admin-dashboard-since = (depuis le { $date })
# $algorithm: the key type, e.g. RSA or ED25519.
admin-dashboard-dkim-hint = Les notifications sont signées (type de clé { $algorithm }). Publiez cet enregistrement TXT pour que les serveurs destinataires puissent vérifier la signature :

## admin_domains.html

admin-directory-title = Annuaire
# “Add user” names the button admin-add-user; cloister user add is a command.
admin-directory-hint = Tous les domaines pour lesquels du courrier sécurisé a été retenu, avec leurs utilisateurs. Les comptes sont créés lorsqu'un message sécurisé atteint une adresse pour la première fois (ou par un administrateur avec « Ajouter un utilisateur », ou avec <code>cloister user add</code>).
# Label (read by screen readers) and placeholder of the search field.
admin-directory-find = Rechercher un domaine
admin-directory-find-button = Rechercher
# Table caption, read by screen readers.
admin-directory-caption = Domaines
# Column headings and cell labels.
admin-directory-col-domain = Domaine
admin-directory-col-users = Utilisateurs
admin-directory-col-denied = Connexion interdite
admin-directory-col-held = Messages retenus
admin-directory-col-last = Dernier message retenu
admin-directory-col-kind = Type
# The kind of a domain: its users sign in with mailed codes (internal) or are partners (external).
admin-directory-internal = interne
admin-directory-external = externe
# The page links (label of the group, then the links).
admin-directory-pages = Pages
admin-directory-first = « Début
admin-directory-next = Suivant →
# $found: what the admin searched for.
admin-directory-none-match = Aucun domaine ne correspond à « { $found } ».
admin-directory-none = Aucun domaine pour l'instant.

## admin_users.html

# Page title and table caption when the users of every domain are listed.
admin-users-title = Utilisateurs
# Heading and table caption; $domain: a domain name.
admin-users-of = Utilisateurs du domaine { $domain }
admin-users-of-every = Utilisateurs de tous les domaines
# Label (read by screen readers) and placeholder of the search field.
admin-users-find = Rechercher un utilisateur
admin-users-find-button = Rechercher
# Column headings and cell labels.
admin-users-col-address = Adresse
admin-users-col-last = Dernière connexion
admin-users-col-state = État
# A user who never signed in.
admin-users-never = jamais
# What the State column lists (several may show, one after the other).
admin-users-logon-denied = connexion interdite
admin-users-sending-denied = envoi interdit
admin-users-locked = verrouillé
admin-users-must-change = doit changer de mot de passe
# $max: how many users the list shows at most.
admin-users-only-first = { $max ->
        [one] Seul le premier est affiché ; affinez la recherche.
       *[other] Seuls les { $max } premiers sont affichés ; affinez la recherche.
    }
# $q: what the admin searched for.
admin-users-none-match = Aucun utilisateur ne correspond à « { $q } ».
admin-users-none = Aucun utilisateur.

## admin_user.html (one user; the page title and heading are the address)

admin-user-kind = Type
admin-user-internal = interne (se connecte avec des codes envoyés par e-mail)
admin-user-internal-org = interne (se connecte avec le compte de l’organisation)
admin-user-password-ldap = Son mot de passe est celui de l’annuaire de l’organisation : il se définit et se réinitialise là-bas, pas ici.
admin-user-password-oidc = Cette personne se connecte via { $name } : son mot de passe se définit et se réinitialise là-bas, pas ici.
admin-user-external = externe
admin-user-created = Créé le
# Row heading, section heading and label of the new password field.
admin-user-password = Mot de passe
# The password's state.
admin-user-password-set = défini
admin-user-password-none = pas encore défini
# Added after the password's state (hence the leading "; ").
admin-user-must-change =  ; à changer à la prochaine connexion
# Row heading: the right to sign in ("Droit" so that admin-user-allowed/denied fit both rows).
admin-user-logon = Droit de connexion
# State of logon and of sending.
admin-user-allowed = autorisé
admin-user-denied = interdit
# Added after the logon state (hence the leading "; ").
admin-user-locked =  ; verrouillé après des échecs de connexion
admin-user-sending = Droit d'envoi
admin-user-two-step = Connexion en deux étapes
admin-user-two-step-on = configurée
admin-user-two-step-off = non configurée
admin-user-directory = Connexion par l’organisation
admin-user-signs-in = Se connecte avec
admin-user-via-ldap = le mot de passe de l’annuaire de l’organisation (LDAP)
admin-user-via-oidc = { $name } (OpenID Connect)
admin-user-entry = Entrée de l’annuaire
admin-user-entry-none = pas encore connecté de cette façon
admin-user-groups = Groupes
admin-user-groups-none = aucun
admin-user-as-of = À la date du
admin-user-secure = Envoi sécurisé
admin-user-secure-policy = décidé par policy.secure_mode_senders
admin-user-secure-by-ldap = autorisé : groupe LDAP { $group }
admin-user-secure-by-oidc = autorisé : groupe { $group } de { $name }
admin-user-secure-not = non autorisé : dans aucun des groupes d’envoi sécurisé
admin-user-confirm-password = Confirmer le mot de passe
# The tick box under the password fields.
admin-user-force-tick = Forcer le changement à la prochaine connexion
admin-user-set-password = Définir ce mot de passe
# These two ask for a confirmation first (hence the "…").
admin-user-reset-mail = En générer un et l'envoyer par e-mail…
admin-user-reset-show = En générer un et me l'afficher…
admin-user-password-hint = Saisissez deux fois un mot de passe puis définissez-le, ou laissez les champs vides pour que Cloister en génère un. La case à cocher s'applique aux trois boutons.
# Name of a group of buttons, read by screen readers.
admin-user-password-change = Changement de mot de passe
admin-user-force-change = Forcer le changement de mot de passe à la prochaine connexion
# Section heading and name of its group of buttons.
admin-user-access = Accès
admin-user-deny-logon = Interdire la connexion
admin-user-allow-logon = Autoriser la connexion
admin-user-deny-sending = Interdire l'envoi
admin-user-allow-sending = Autoriser l'envoi
admin-user-unlock = Déverrouiller la connexion
admin-user-sign-ins = Dernières connexions
admin-user-sign-ins-caption = Dernières connexions, les plus récentes d'abord
admin-user-col-when = Date
admin-user-col-what = Détail
admin-user-no-sign-ins = Aucune connexion pour l'instant.
admin-user-delete = Suppression
# Asks for a confirmation first (hence the "…").
admin-user-delete-account = Supprimer le compte…
admin-user-delete-hint = Une confirmation est demandée. Les entrées de la boîte aux lettres sont supprimées ; l'audit et les journaux des messages sont conservés.

## admin_user_new.html (title, heading and button: admin-add-user)

admin-new-user-address = Adresse e-mail
# $domains: the internal domains, comma-separated.
admin-new-user-internal-domains = Les adresses de { $domains } deviennent des utilisateurs internes, qui se connectent avec un code envoyé par e-mail à leur demande. Toute autre adresse est un partenaire externe.
admin-new-user-no-internal-domains = Toutes les adresses sont des partenaires externes (aucun domaine interne n'est défini).
admin-new-user-mail = Envoyer maintenant un mot de passe à usage unique (e-mail de premier contact)
# “Forgot password?” is the link on the portal's sign-in page: use its words there.
admin-new-user-mail-hint = Sans cette option, rien n'est envoyé : définissez un mot de passe à la page suivante, ou l'utilisateur en demande un avec « Mot de passe oublié ? ».

## admin_confirm.html (an action that takes something away asks first)

# Page title and heading; $title: the action ("Deny logon", from console-confirm-*-title).
admin-confirm-question = { $title } ?
# The account; the consequence (console-confirm-*) follows.
admin-confirm-for = Pour <strong>{ $address }</strong>.
admin-confirm-cancel = Annuler

## admin_password.html (a one-time password shown once)

admin-password-title = Nouveau mot de passe
admin-password-heading = Nouveau mot de passe à usage unique
admin-password-for = Pour <strong>{ $address }</strong>. Il n'est affiché que maintenant ; transmettez-le par un canal sûr.
# One of these two follows admin-password-for.
admin-password-must-change = L'utilisateur devra choisir le sien à la prochaine connexion.
admin-password-may-keep = L'utilisateur peut le conserver.
admin-password-back = Retour à l'utilisateur

## admin_monitor.html

# Page title, then heading.
admin-monitor-title = Suivi
admin-monitor-heading = Suivi des messages sécurisés
admin-monitor-indexing = Les messages conservés avant cette version sont encore en cours d'indexation : les compteurs et les listes ne montrent que ceux déjà traités.
admin-monitor-words = Adresse ou mots de l'objet
# Legend of the status tick boxes, and name of the status tabs (read by screen readers).
admin-monitor-status = État
admin-monitor-apply = Appliquer
admin-monitor-capped = Plus de messages correspondent que ceux qui ont été comptés : les compteurs sont des minimums. Ajoutez des mots ou des dates pour affiner la recherche.
# Table caption, read by screen readers.
admin-monitor-caption = Messages sécurisés, les plus récents d'abord
# Column headings and cell labels of the message list.
admin-monitor-col-received = Reçu
admin-monitor-col-sender = Expéditeur
admin-monitor-col-recipients = Destinataires sécurisés
# The policy rules that held the message (their names stay as configured).
admin-monitor-col-policy = Règle
admin-monitor-col-subject = Objet
admin-monitor-col-status = État
# After the status of a message whose expiry was extended.
admin-monitor-extended = (prolongé)
# The page links (label of the group, then the links).
admin-monitor-pages = Pages
admin-monitor-newest = « Les plus récents
admin-monitor-newer = ← Plus récents
admin-monitor-older = Plus anciens →
admin-monitor-oldest = Les plus anciens »
admin-monitor-empty = Aucun message ne correspond.
admin-monitor-outbox = File d'envoi
# Mail Cloister still has to send. $count: how many; $age: how long the oldest has waited ("3 days").
admin-monitor-waiting = { $count ->
        [one] <strong>{ $count }</strong> en attente d'envoi.
       *[other] <strong>{ $count }</strong> en attente d'envoi.
    }
admin-monitor-waiting-oldest = { $count ->
        [one] <strong>{ $count }</strong> en attente d'envoi, depuis { $age }.
       *[other] <strong>{ $count }</strong> en attente d'envoi, le plus ancien depuis { $age }.
    }
admin-monitor-overdue = Certains sont en retard : le journal indique pourquoi le relais les refuse.
# Outbox rows Cloister gave up on.
admin-monitor-dead = Lettres mortes
# $row: the outbox row's number.
admin-monitor-retried = La ligne { $row } de la file d'envoi a été remise en file d'attente.
admin-monitor-dead-caption = Lignes de la file d'envoi abandonnées
# Column headings and cell labels of the dead-lettered rows.
admin-monitor-col-row = Ligne
admin-monitor-col-kind = Type
admin-monitor-col-to = Destinataire
admin-monitor-col-reply = Dernière réponse
# $error: the mail server's last reply (as it sent it); $attempts: how many times Cloister tried.
admin-monitor-reply = { $attempts ->
        [one] { $error } ({ $attempts } tentative)
       *[other] { $error } ({ $attempts } tentatives)
    }
# Button (and its column's heading, read by screen readers).
admin-monitor-retry = Réessayer
# $shown: rows listed; $total: rows dead-lettered. The command stays as it is.
admin-monitor-dead-more = { $shown ->
        [one] Seule la plus récente sur { $total } est affichée ; <code>cloister outbox list --status dead</code> les liste toutes.
       *[other] Seules les { $shown } plus récentes sur { $total } sont affichées ; <code>cloister outbox list --status dead</code> les liste toutes.
    }
admin-monitor-dead-none = Aucune ligne en lettres mortes.
# Button that closes a message's story shown over the list (read by screen readers).
admin-monitor-close = Fermer

## admin_message.html (one message's story)

# Page title; $queue_id: the message's queue id (hexadecimal).
admin-message-title = Message { $queue_id }
admin-message-back = ← Suivi
# Heading; the message's status follows.
admin-message-heading = Message { $queue_id } :
admin-message-sender = Expéditeur
admin-message-subject = Objet
admin-message-received = Reçu
# $date: when; $client: the address of the server that handed the message over.
admin-message-received-from = { $date } depuis { $client }
admin-message-expires = Expiration
# After the expiry date.
admin-message-extended-on = (prolongée le { $date })
admin-message-recalled = Rappelé
admin-message-size = Taille
admin-message-bytes = { $bytes ->
        [one] { $bytes } octet
       *[other] { $bytes } octets
    }
admin-message-restriction = Restriction
# $restriction: "none", "no print"… (translated elsewhere).
admin-message-receipt-asked = { $restriction } ; accusé de lecture demandé
admin-message-receipt-not-asked = { $restriction } ; accusé de lecture non demandé
admin-message-recipients = Destinataires
admin-message-recipients-caption = Destinataires, avec décision et état
# Column headings and cell labels.
admin-message-col-address = Adresse
# The policy's decision and the rule that made it, e.g. "vault (keyword:[secure])"; both stay as they are.
admin-message-col-decision = Décision (règle)
admin-message-col-state = État
# Added after a recipient's state (hence the leading ", "); $date: when they first read it.
admin-message-read-at = , lu le { $date }
admin-message-revoked = , accès révoqué
admin-message-outbox = File d'envoi
admin-message-outbox-caption = Courrier encore en file ou en lettres mortes pour ce message
admin-message-col-row = Ligne
admin-message-col-kind = Type
admin-message-col-to = Destinataire
# An outbox row's state ("pending", "dead": stays as it is), how many times it was
# tried, and the last error.
admin-message-outbox-state = { $attempts ->
        [one] { $state } après { $attempts } tentative
       *[other] { $state } après { $attempts } tentatives
    }
admin-message-outbox-state-error = { $attempts ->
        [one] { $state } après { $attempts } tentative : { $error }
       *[other] { $state } après { $attempts } tentatives : { $error }
    }
admin-message-events = Journal des événements

## admin_report.html

admin-report-title = Rapport
admin-report-heading = Messages sécurisés par jour
admin-report-show = Afficher
admin-report-csv = Télécharger le CSV
# $total, $outbound, $inbound: counts; $from, $to: the first and last day.
admin-report-total = { $total ->
        [one] { $total } message sécurisé
       *[other] { $total } messages sécurisés
    } du { $from } au { $to } (UTC) : { $outbound ->
        [one] { $outbound } sortant
       *[other] { $outbound } sortants
    }, { $inbound ->
        [one] { $inbound } réponse entrante
       *[other] { $inbound } réponses entrantes
    }.
admin-report-caption = Messages par jour, les plus récents d'abord
# Column headings and cell labels.
admin-report-col-day = Jour
admin-report-col-outbound = Sortants
admin-report-col-inbound = Entrants
admin-report-col-total = Total

## admin_audit.html

admin-audit-title = Audit
# Label of the list of event kinds; its first choice is admin-audit-kind-all.
admin-audit-kind = Type
admin-audit-kind-all = Tout
admin-audit-words = Adresse ou mots
admin-audit-filter = Filtrer
admin-audit-export = Exporter en CSV
admin-audit-caption = Événements d'audit, les plus récents d'abord
# Column headings and cell labels.
admin-audit-col-when = Date (UTC)
admin-audit-col-kind = Type
admin-audit-col-who = Qui
admin-audit-col-what = Détail
# $shown: how many events the page shows at most.
admin-audit-full = { $shown ->
        [one] Seul le plus récent est affiché ; affinez le filtre ou exportez le CSV pour en voir davantage.
       *[other] Seuls les { $shown } plus récents sont affichés ; affinez le filtre ou exportez le CSV pour en voir davantage.
    }
admin-audit-empty = Aucun événement ne correspond.

## admin_settings.html

admin-settings-title = Paramètres
admin-settings-heading = Paramètres en vigueur
admin-settings-read-only = Lecture seule.
# The configuration file's path follows, then a full stop.
admin-settings-file = Tous les paramètres se trouvent dans un seul fichier :
admin-settings-no-file = Tous les paramètres se trouvent dans un seul fichier : aucun n'est utilisé (valeurs par défaut intégrées ; <code>cloister init</code> en crée un).
admin-settings-edit = Modifiez-le puis redémarrez Cloister ; <code>cloister check-config</code> affiche la même liste et vérifie d'abord le fichier.
admin-settings-caption = Tous les paramètres, avec leur valeur et leur source
# Column headings and cell labels: the setting's name, its value, where it was set.
admin-settings-col-setting = Paramètre
admin-settings-col-value = Valeur
admin-settings-col-from = Source

## admin_preferences.html (its date and time zone fields have their own messages: dates-*, zone-*)

admin-prefs-title = Vos préférences
# The current time in the chosen format follows, then a full stop.
admin-prefs-dates-shown = Dans la console, les dates s'affichent ainsi pour vous :
admin-prefs-utc = Les filtres de dates et le rapport comptent des jours UTC entiers ; les fichiers CSV restent en UTC.
admin-prefs-save = Enregistrer

## admin_login.html

admin-login-title = Connexion administrateur
admin-login-name = Nom d'administrateur
admin-login-password = Mot de passe
# The six-digit code of an authenticator app; the second when it may be left empty.
admin-login-code = Code d'authentification
admin-login-code-optional = Code d'authentification (s'il est configuré)
admin-login-submit = Se connecter
# The command stays as it is (NAME stands for the new admin's name).
admin-login-hint = Les administrateurs sont créés sur le serveur avec <code>cloister admin add NAME</code>.
admin-login-passkey-only = Cette console n’accepte que les clés d’accès. Un administrateur qui n’en a pas encore se connecte une fois avec mot de passe et code pour en ajouter une.

admin-nav-passkeys = Clés d’accès
admin-user-passkeys = Clés d’accès
admin-user-no-passkeys = Aucune clé d’accès.
