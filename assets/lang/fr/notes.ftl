# Words the code puts on pages: error pages, notes after an action, refusals,
# checklist rules, folder and status names, the admin console's notes. Ids: fault-,
# note-, rule-, recipient-state-, folder-, status-, restriction-, audit-kind-, console-.

## Error pages
fault-refused-title = Non autorisé
fault-not-found-title = Introuvable
fault-not-found = Il n'y a rien à cette adresse, ou vous n'y avez pas accès.
message-gone-title = Ce message n’est plus disponible
message-gone-recalled = { $sender } a rappelé ce message le { $when } : il ne peut plus être lu ici. Si vous en avez encore besoin, adressez-vous à { $sender }.
message-gone-revoked = { $sender } vous a retiré l’accès à ce message le { $when }. Si vous en avez encore besoin, adressez-vous à { $sender }.
message-gone-removed = Ce message a expiré et a été supprimé le { $when }. Si vous en avez encore besoin, demandez à { $sender } de vous le renvoyer.
message-gone-help = Questions sur ce service : { $contact }
fault-form-expired-title = Formulaire expiré
fault-form-expired = Ce formulaire n'a pas pu être accepté. Revenez en arrière, rechargez la page et réessayez.
fault-too-large-title = Trop volumineux
fault-too-large = Ce que vous avez envoyé dépasse la taille acceptée par cette page.
fault-bad-request-title = Requête incorrecte
fault-bad-request = La requête n'a pas pu être lue.
fault-too-slow-title = Trop lent
fault-too-slow = La requête a pris trop de temps. Veuillez réessayer.
fault-busy-title = Trop à la fois
fault-busy = Ce compte envoie déjà plusieurs formulaires à la fois. Attendez un instant qu’ils soient terminés, puis revenez en arrière et réessayez.
fault-failed-title = Une erreur s'est produite
fault-failed = Le portail n'a pas pu traiter cette requête. Veuillez réessayer plus tard.

## Notes and refusals
note-damaged = Ce message est endommagé et ne peut pas être affiché. L'administrateur a été prévenu.
note-sending-off = L'envoi est désactivé pour votre compte.
note-no-recipient = Ajoutez au moins un destinataire.
note-too-many-recipients = { $most ->
        [one] Un message peut avoir au plus { $most } destinataire.
       *[other] Un message peut avoir au plus { $most } destinataires.
    }
note-over-cap = { $limit ->
        [one] Vous avez atteint la limite de { $limit } destinataire sécurisé différent ce mois-ci ; ce message n'a donc pas été envoyé.
       *[other] Vous avez atteint la limite de { $limit } destinataires sécurisés différents ce mois-ci ; ce message n'a donc pas été envoyé.
    }
note-bad-secure-mode = { $got } n'est pas un mode sécurisé
note-no-compose = Il n'est pas possible d'écrire de nouveaux messages depuis ce portail ; vous pouvez répondre aux messages reçus.
note-write-only-to = Vous ne pouvez écrire qu'aux adresses de { $allowed } ; { $outside } n'en fait pas partie.
note-write-nowhere = Vous ne pouvez écrire à aucun domaine ; { $outside } n'est donc pas autorisé.
note-not-an-address = { $address } n'est pas une adresse e-mail.
note-subject-too-long = { $most ->
        [one] L'objet peut contenir au plus { $most } caractère.
       *[other] L'objet peut contenir au plus { $most } caractères.
    }
note-attachments-too-large = Les pièces jointes font { $size } ; le total autorisé par message est de { $limit }. Retirez-en quelques-unes et réessayez.
note-bad-expiry = L'expiration doit être l'un des choix proposés, au plus { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }.
note-no-print-or-save = L'expéditeur n'autorise ni l'impression ni l'enregistrement de ce message.
note-no-print-no-reply = L'expéditeur n'autorise ni l'impression de ce message ni les réponses.
note-no-print-expired = L'expéditeur n'autorise pas l'impression de ce message, et celui-ci a expiré : il n'est donc plus possible d'y répondre.
note-no-print = L'expéditeur n'autorise pas l'impression de ce message.
note-expired-no-answer = Ce message a expiré : il n'est donc plus possible d'y répondre.
note-no-reply = L'expéditeur n'autorise pas les réponses à ce message.
note-recalled-no-extend = Un message rappelé ne peut pas être prolongé.
note-extended-once = L'expiration d'un message ne peut être prolongée qu'une seule fois, et celle-ci l'a déjà été.
note-at-retention-end = Ce message expire déjà à la fin de la durée de conservation.
note-tick-recall = Cochez « Je comprends qu'un rappel est irréversible » pour rappeler le message.
note-choose-expiry = Choisissez la nouvelle date d'expiration dans la liste.
note-recall-final = Ce message a été rappelé ; un rappel est irréversible. Envoyez plutôt un nouveau message.
note-not-later = La nouvelle expiration doit être postérieure à l'actuelle.
note-not-held = Cette adresse n'est pas un destinataire sécurisé de ce message.
note-already-revoked = L'accès de ce destinataire est déjà révoqué.
note-not-revoked = Ce destinataire a déjà accès.
note-past-retention = Les messages sont conservés au plus jusqu'au { $until } (durée de conservation) ; l'expiration ne peut pas aller au-delà.
note-choose-date-format = Choisissez un format de date dans la liste.
note-choose-clock = Choisissez une horloge sur 12 ou 24 heures.
note-choose-week-start = Choisissez le premier jour de la semaine dans la liste.
note-choose-language = Choisissez une langue dans la liste.
note-unknown-zone = { $zone } n'est pas un fuseau horaire connu de ce portail.
note-signature-too-long = { $most ->
        [one] La signature peut contenir au plus { $most } caractère.
       *[other] La signature peut contenir au plus { $most } caractères.
    }
note-preferences-saved = Préférences enregistrées.
note-admin-preferences-saved = Enregistré : les dates s'affichent ainsi sur toutes les pages de la console.
note-compose-limit = { $per ->
        [one] Vous avez envoyé { $per } message
       *[other] Vous avez envoyé { $per } messages
    } ces dernières minutes, le maximum que le portail envoie pour un compte. Réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
note-reply-missing = Le message auquel répondre est introuvable.
note-original-gone = Le message auquel vous répondez ou que vous transférez n’est plus disponible (rappelé, retiré ou supprimé). Votre brouillon est conservé : copiez ce dont vous avez besoin dans un nouveau message.
note-choose-mode = Choisissez un mode sécurisé dans la liste.
note-choose-restriction = Choisissez une restriction dans la liste.
note-choose-expiry-days = Choisissez une expiration dans la liste.
note-sign-in-failed = Échec de la connexion. Vérifiez l'adresse et le mot de passe, puis réessayez. Si l'échec persiste, utilisez « Mot de passe oublié ? » ou contactez l'expéditeur de votre message.
note-sign-in-locked = Ce compte est verrouillé après trop d’échecs de connexion, jusqu’au { $until }. Réessayez ensuite.
note-sign-in-denied = Votre organisation a désactivé la connexion à ce portail pour ce compte. Veuillez la contacter.
note-secure-not-allowed = Votre organisation ne vous a pas autorisé à envoyer des messages sécurisés. Demandez à votre administrateur de vous ajouter à un groupe autorisé.
note-directory-unavailable = La connexion avec le mot de passe de votre organisation est indisponible pour le moment. Choisissez « Recevoir plutôt un code de connexion par e-mail », ou réessayez plus tard.
note-provider-unavailable = La connexion via { $name } est indisponible pour le moment. Veuillez réessayer dans quelques minutes.
note-provider-failed = La connexion via { $name } n’a pas abouti. Veuillez recommencer.
note-provider-not-ours = { $name } vous a connecté en tant que { $address }, adresse qui ne permet pas de se connecter ici. Déconnectez-vous là-bas, puis recommencez avec votre adresse dans cette organisation.
note-ask-contact = Aide : { $contact }
note-code-failed = Échec de la connexion. Vérifiez que vous avez saisi le code du dernier e-mail reçu ; un code n'est valable que pour une durée et un nombre d'essais limités. Vous pouvez en demander un nouveau.
note-enter-address = Saisissez l'adresse e-mail à laquelle le message a été envoyé.
note-too-many-codes = Trop de codes de connexion ont été demandés depuis votre réseau. Réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
note-signed-out = Vous êtes déconnecté.
note-password-set = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
note-session-ended = Votre session a pris fin. Veuillez vous reconnecter.
rule-length = { $max ->
        [one] de { $min } à { $max } caractère
       *[other] de { $min } à { $max } caractères
    }
rule-lowercase = une lettre minuscule
rule-uppercase = une lettre majuscule
rule-digit = un chiffre
rule-symbol = un symbole (ni lettre ni chiffre)
rule-not-address = différent de votre adresse e-mail
rule-not-current = différent de votre mot de passe actuel
note-password-rules = Le nouveau mot de passe ne respecte pas les règles signalées ci-dessous.
note-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
note-current-password-wrong = Le mot de passe actuel est incorrect.
note-too-many-links = Trop de liens de réinitialisation ont été demandés depuis votre réseau. Réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
rule-not-users-address = différent de l'adresse e-mail de l'utilisateur
note-wrong-totp = Ce code est incorrect. Les codes changent toutes les 30 secondes et ne servent qu'une fois ; essayez le plus récent.
note-totp-sign-in-failed = Échec de la connexion. Vérifiez le code et réessayez.
note-totp-off = La connexion en deux étapes est désactivée.
note-totp-required = Votre organisation exige la connexion en deux étapes.
recipient-state-delivered-ordinary = Remis en courrier ordinaire
recipient-state-delivery-failed = Échec de la remise
recipient-state-queued-ordinary = En file, courrier ordinaire
recipient-state-recalled = Rappelé
recipient-state-access-revoked = Accès révoqué
recipient-state-read = Lu
recipient-state-expired = Expiré
recipient-state-extended = Prolongé
recipient-state-sent = Envoyé
folder-inbox = Boîte de réception
folder-sent = Envoyés
folder-deleted = Supprimés
status-sent = Envoyé
status-read = Lu
status-recalled = Rappelé
status-extended = Prolongé
status-expired = Expiré
status-ordinary = Ordinaire
status-ordinary-mail = Courrier ordinaire
status-read-by = Lu par { $read } sur { $held }
note-marked-read = Marqué comme lu.
note-marked-unread = Marqué comme non lu.
note-moved-deleted = Déplacé dans Supprimés.
note-restored = Restauré.
note-purged = Supprimé définitivement.
note-sent = Message envoyé.
note-recalled-all = Le message a été rappelé chez tous les destinataires.
note-extended = L'expiration a été prolongée.
note-revoked = L'accès de ce destinataire a été révoqué.
note-granted = Ce destinataire a de nouveau accès.
note-not-dead-lettered = La ligne { $row } de la file d'envoi n'est pas (ou plus) en lettres mortes.

## Admin console
console-note-reset-mail = Un nouveau mot de passe à usage unique est en cours d'envoi à l'utilisateur.
console-note-added = Le compte a été créé ; rien n'a été envoyé. Définissez un mot de passe ci-dessous, sinon l'utilisateur se connecte avec « Mot de passe oublié ? » (utilisateurs internes : avec un code envoyé par e-mail).
console-note-added-mailed = Le compte a été créé ; un e-mail de premier contact avec un mot de passe à usage unique est en cours d'envoi.
console-note-password-forced = Le mot de passe est défini ; l'utilisateur devra choisir le sien à la prochaine connexion.
console-note-password-set = Le mot de passe est défini ; l'utilisateur peut le conserver.
console-note-force-change = L'utilisateur devra choisir un nouveau mot de passe à la prochaine connexion.
console-note-allow-logon = L'utilisateur peut se connecter.
console-note-deny-logon = L'utilisateur ne peut plus se connecter ; ses sessions ont été fermées.
console-note-allow-sending = L'utilisateur peut envoyer des messages.
console-note-deny-sending = L'utilisateur ne peut plus envoyer de messages.
console-note-unlock = Le verrouillage de connexion a été levé.
console-confirm-reset-mail-title = Réinitialiser le mot de passe et l'envoyer
console-confirm-reset-mail = Le mot de passe actuel cesse de fonctionner immédiatement ; un nouveau mot de passe à usage unique est envoyé par e-mail à l'utilisateur, qui devra choisir le sien à la prochaine connexion.
console-confirm-reset-show-title = Réinitialiser le mot de passe et me l'afficher
console-confirm-reset-show = Le mot de passe actuel cesse de fonctionner immédiatement ; le nouveau mot de passe à usage unique ne vous est affiché qu'une fois.
console-confirm-force-change-title = Forcer le changement de mot de passe
console-confirm-force-change = L'utilisateur devra choisir un nouveau mot de passe à la prochaine connexion, y compris dans les sessions déjà ouvertes.
console-confirm-deny-logon-title = Interdire la connexion
console-confirm-deny-logon = Toutes les sessions de l'utilisateur sont fermées immédiatement, et aucune connexion n'est possible tant que la connexion n'est pas de nouveau autorisée.
console-confirm-deny-sending-title = Interdire l'envoi
console-confirm-deny-sending = L'utilisateur peut toujours lire, mais ni répondre ni écrire, tant que l'envoi n'est pas de nouveau autorisé.
console-confirm-delete-title = Supprimer le compte
console-confirm-delete = Le compte et les entrées de sa boîte aux lettres sont supprimés définitivement ; l'audit et les journaux des messages sont conservés. Cette action est irréversible.
console-note-date-left-out = Les dates s'écrivent { $pattern }, par exemple { $example } ; la date illisible a été ignorée.
console-note-date-replaced = Les dates s'écrivent { $pattern }, par exemple { $example } ; la date illisible a été remplacée.
console-note-start-after-end = Le début était postérieur à la fin ; le rapport n'affiche que le jour de fin.
console-note-range-too-long = { $days ->
        [one] Un rapport couvre au plus { $days } jour ; le début a été déplacé.
       *[other] Un rapport couvre au plus { $days } jours ; le début a été déplacé.
    }
console-note-sign-in-failed = Échec de la connexion. Vérifiez le nom, le mot de passe et le code, puis réessayez.
console-note-signed-out = Vous êtes déconnecté.
console-note-provider-unavailable = La connexion via le fournisseur de l’organisation est indisponible pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre nom d’administrateur, votre mot de passe et votre code.
console-note-provider-refused = La connexion via le fournisseur de l’organisation ne vous a pas ouvert la console. Seuls les membres de ses groupes d’administration peuvent s’y connecter.
console-provider-button = Se connecter avec { $name }
console-provider-signed-in = Connecté en tant que { $address }. Ouverture de la console…
console-open = Ouvrir la console

## Admin console: names of statuses, audit kinds and restrictions
restriction-none = aucune
restriction-no-print = sans impression
restriction-no-print-no-reply = sans impression ni réponse
audit-kind-sign-in = Connexions
audit-kind-sign-in-failed = Échecs de connexion
audit-kind-lockout = Verrouillages
audit-kind-password = Mots de passe et réinitialisations
audit-kind-admin-sign-in = Connexions admin
audit-kind-admin-sign-in-failed = Échecs de connexion admin
audit-kind-admin-change = Modifications admin
audit-kind-account = Autres événements de compte
audit-kind-certificate = Certificats
console-tab-all = Tous

## Sizes (decimal units, as the configuration counts them; the unit symbols kB, MB, GB stay)
size-bytes = { $n ->
        [one] { $n } octet
       *[other] { $n } octets
    }
size-whole = { $n } { $unit }
size-tenths = { $whole },{ $tenth } { $unit }

## Ages and durations (dashboard, monitor)
age-seconds = { $n ->
        [one] { $n } seconde
       *[other] { $n } secondes
    }
age-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
age-hours = { $n ->
        [one] { $n } heure
       *[other] { $n } heures
    }
age-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }

## Le graphique du rapport
chart-title = { $total ->
        [one] { $total } message sécurisé
       *[other] { $total } messages sécurisés
    } : { $outbound } sortants, { $inbound } entrants, du { $from } au { $to }
chart-total = { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }
chart-outbound = sortants
chart-inbound = entrants

## La console d’administration : ajouter un utilisateur, l’annuaire
console-note-not-an-address = « { $address } » n’est pas une adresse e-mail comme quelqu’un@exemple.org.
console-note-internal-no-password = { $address } appartient à un domaine interne : les utilisateurs internes se connectent avec un code envoyé par e-mail à leur demande, il n’y a donc pas de mot de passe à envoyer. Laissez la case décochée.
console-note-exists = Un compte existe déjà pour { $address }.
# La dernière connexion d’un utilisateur : quand, et depuis quelle adresse IP.
console-last-sign-in = { $date } depuis { $ip }

## E-mails : à la place d’un objet
note-mail-no-subject = (sans objet)
note-mail-gone = (n’est plus conservé)

## Un message dont le texte mis en forme n’est pas affiché
note-html-too-large = Le texte mis en forme de ce message est trop volumineux pour être affiché ici.
note-html-too-deep = Le texte mis en forme de ce message est construit de manière trop complexe pour être affiché ici en toute sécurité.

note-draft-saved = Brouillon enregistré.
note-draft-deleted = Brouillon supprimé.
note-draft-kept = Votre session avait expiré ; votre texte a été conservé comme brouillon. Connectez-vous pour continuer.
note-drafts-full = Vous avez { $most } brouillons, le maximum conservé. Envoyez-en ou supprimez-en dans Brouillons, puis enregistrez à nouveau.
note-draft-gone-kept = Ce brouillon a été envoyé ou supprimé dans une autre fenêtre. Ce que vous avez envoyé ici est conservé comme nouveau brouillon et n’a pas été envoyé : vérifiez-le et envoyez à nouveau.
note-draft-busy = Votre brouillon n’a pas pu être enregistré : il était modifié au même moment dans une autre fenêtre. Votre texte est ci-dessous ; enregistrez à nouveau.

note-display-name-bad = Votre nom peut compter au plus { $most } caractères, sur une ligne.
note-draft-kept-session-changed = Vous vous êtes reconnecté ailleurs pendant que cette page était ouverte : votre message n’a donc pas été envoyé, il est conservé dans ce brouillon. Vérifiez-le et renvoyez-le.

note-passkey-added = Clé d’accès ajoutée.
note-passkey-renamed = Clé d’accès renommée.
note-passkey-removed = Clé d’accès supprimée.
note-passkey-not-added = La clé d’accès n’a pas été ajoutée. Réessayez.
note-passkey-required = Votre organisation exige une clé d’accès : ajoutez-en une autre avant de supprimer celle-ci.
note-passkey-sign-in-failed = Cette clé d’accès ne vous a pas connecté. Réessayez, ou connectez-vous avec votre adresse.

console-passkeys-title = Vos clés d’accès
console-passkeys-explain = Une clé d’accès vous connecte à la console avec l’empreinte, le visage ou le verrouillage d’écran de cet ordinateur, de votre téléphone ou d’une clé de sécurité, au lieu du mot de passe et du code d’authentification. Elle ne fonctionne que sur ce site.
console-passkeys-required = La console n’accepte plus que les clés d’accès. Ajoutez-en une pour continuer.
console-note-passkey-required = La console n’accepte que les clés d’accès : ajoutez-en une autre avant de supprimer celle-ci.
console-note-passkey-failed = Cette clé d’accès ne vous a pas connecté. Réessayez, ou utilisez-en une autre.
console-note-passkey-removed = Clé d’accès supprimée.
note-passkey-required-sign-in = Votre organisation exige que vous vous connectiez avec votre clé d’accès : utilisez « Se connecter avec une clé d’accès ».
