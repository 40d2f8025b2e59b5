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
event-received = reçu de [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size }
event-received-auth = reçu de [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size } auth={ $auth }
event-held = retenu dans le coffre d'isolement pour { $recipient } (règle { $rule }) ; notification mise en file
event-ordinary = remise ordinaire pour { $recipient } (règle { $rule })
event-written-in-portal = écrit dans le portail par { $author } depuis { $client } : mode { $mode }, expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, restriction { $restriction }, accusé de lecture { $read_receipt ->
        [yes] demandé
       *[no] non demandé
    }{ $bcc ->
        [yes] , copie au serveur de messagerie
       *[no] { "" }
    }
event-secure-header-ignored = { $header } ignoré : l'expéditeur <{ $sender }> ne peut pas choisir le mode sécurisé
event-account-created-internal = compte créé pour { $address } (interne : se connecte avec un code envoyé par e-mail, aucun mot de passe n'est envoyé)
event-account-created-external = compte créé pour { $address } ; identifiants de premier contact mis en file
event-sender-account-created = compte créé pour l'expéditeur { $address } (interne : se connecte avec un code envoyé par e-mail, aucun mot de passe n'est envoyé)
event-replied-to = réponse de { $by } (message { $reply })

## The outbox
event-queued = mis en file pour { $outbox } (file d'envoi { $row }) vers { $to }
event-tls-failed-recalled = TLS vers { $recipient } impossible ({ $reason }) ; non retenu : l'expéditeur avait rappelé le message
event-tls-failed-held = TLS vers { $recipient } impossible ({ $reason }) ; retenu dans le coffre d'isolement à la place ; notification mise en file
event-sent = { $sent } { $to } (tentative { $attempt }) : { $reply }
event-attempt-failed = { $outbox }, échec de la tentative { $attempt } : { $error } ; prochain essai : { $next }
event-failed-for-good = { $outbox }, échec définitif après { $attempts ->
        [one] { $attempts } tentative
       *[other] { $attempts } tentatives
    } : { $error }
event-one-time-password-issued = mot de passe à usage unique émis pour { $address }
event-follow-up-queued = { $outbox } vers { $to } mis en file
event-put-back = { $outbox } (file d'envoi { $row }) remis en file d'attente

## Readers and senders
event-read-by = lu par { $reader } depuis { $ip } ({ $agent })
event-read-receipt-queued = accusé de lecture mis en file pour { $sender }
event-removed-from-mailbox = retiré de la boîte aux lettres de { $address }
event-marked-read = marqué comme lu par { $by }
event-marked-unread = marqué comme non lu par { $by }
event-moved-to-deleted = déplacé dans Supprimés par { $by }
event-restored = restauré dans { $folder } par { $by }
event-recalled = rappelé par { $by } : retiré de la boîte aux lettres de chaque destinataire
event-recalled-cancelled = rappelé par { $by } : retiré de la boîte aux lettres de chaque destinataire ; notification pas encore envoyée annulée pour { $cancelled }
event-extended = expiration prolongée du { $from } au { $until } par { $by }
event-access-granted = accès rétabli pour { $to } par { $by }
event-access-revoked = accès révoqué pour { $of } par { $by }
event-damaged = endommagé : ses données stockées ({ $part }) ne s'ouvrent pas (modifiées sur le disque, ou scellées avec une autre clé maîtresse) ; les lecteurs sont informés qu'il ne peut pas être affiché

## Retention
event-expired = expiré : les destinataires peuvent encore le lire, l'imprimer et le supprimer, mais plus y répondre
event-purged = purgé après la durée de conservation ({ $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }) : enregistrement, données stockées ({ $bytes ->
        [one] { $bytes } octet
       *[other] { $bytes } octets
    }) et { $entries ->
        [one] { $entries } entrée de boîte aux lettres supprimés
       *[other] { $entries } entrées de boîte aux lettres supprimés
    }

## Portal accounts
event-signed-in = connecté avec { $method } depuis { $ip } ({ $agent })
# How a user signed in, inside event-signed-in.
event-method-password = un mot de passe
event-method-code = un code reçu par e-mail
event-method-directory = le mot de passe de l’annuaire
event-method-provider = le fournisseur d’identité de l’organisation
event-signed-in-pending = connecté avec { $method } depuis { $ip } ({ $agent }) ; deuxième étape en attente
event-sign-in-refused = connexion refusée depuis { $ip } : { $why }
event-sign-in-refused-locked = connexion refusée depuis { $ip } : { $why } ; compte désormais verrouillé
event-signed-out = déconnecté
event-ended-other-sessions = a fermé { $count ->
        [one] { $count } autre session
       *[other] { $count } autres sessions
    }
event-account-added = a créé le compte { $internal ->
        [yes] interne
       *[no] externe
    } { $address } ({ $mailed ->
        [yes] mot de passe à usage unique mis en file pour envoi
       *[no] aucun mot de passe, rien n'est envoyé
    })
event-preferences-saved = préférences enregistrées : dates { $date_format }, horloge { $clock_hours } h, début de semaine { $week_starts }, fuseau horaire { $time_zone }, langue { $language }, signature { $chars ->
        [one] { $chars } caractère
       *[other] { $chars } caractères
    }
event-password-changed = a changé le mot de passe ({ $sessions ->
        [one] { $sessions } autre session fermée
       *[other] { $sessions } autres sessions fermées
    })
event-reset-asked = a demandé une réinitialisation du mot de passe depuis { $ip }
event-reset-asked-too-soon = a demandé une réinitialisation du mot de passe depuis { $ip } : nouvelle demande trop tôt, rien n'est envoyé
event-password-reset-with-link = a réinitialisé le mot de passe avec un lien ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    })
event-code-asked = a demandé un code de connexion depuis { $ip }
event-code-refused = code de connexion demandé depuis { $ip } : { $why }, rien n'est envoyé
event-recovery-codes-made = a généré de nouveaux codes de récupération (les anciens ne fonctionnent plus)
event-totp-enrolled = a configuré un second facteur TOTP
event-second-factor-passed = a validé le second facteur avec un code d'application d'authentification
event-second-factor-recovery = a validé le second facteur avec un code de récupération ({ $left ->
        [one] { $left } restant
       *[other] { $left } restants
    })
event-totp-removed = a supprimé le second facteur TOTP

## The admin console
event-key-rotation-finished = rotation de la clé maîtresse terminée : { $keys ->
        [one] { $keys } clé encapsulée désormais sous la nouvelle clé maîtresse
       *[other] { $keys } clés encapsulées désormais sous la nouvelle clé maîtresse
    }
event-key-rotation = rotation de la clé maîtresse ({ $stage }) : les nouvelles clés de données sont encapsulées sous la nouvelle clé maîtresse
event-certificate-issued = certificat pour { $names } délivré par l’AC ACME ({ $reason }) : valable jusqu’au { $until }
event-certificate-failed = certificat de l’AC ACME non obtenu : { $error } ; le certificat actuel reste en service ; nouvel essai dans { $minutes } min
event-admin-created = administrateur { $name } créé (avec TOTP)
event-admin-created-no-totp = administrateur { $name } créé (sans TOTP)
event-admin-removed = administrateur { $name } supprimé ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    })
event-admin-signed-in = administrateur connecté depuis { $ip } ({ $agent })
event-admin-sign-in-refused = connexion administrateur refusée pour { $name } depuis { $ip } : { $why }
event-admin-sign-in-refused-locked = connexion administrateur refusée pour { $name } depuis { $ip } : { $why } ; compte désormais verrouillé
event-admin-signed-out = administrateur déconnecté
event-password-mailed = nouveau mot de passe à usage unique pour { $address } mis en file pour envoi ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    }{ $must_change ->
        [yes]  ; à changer à la prochaine connexion
       *[no]  ; l'utilisateur peut le conserver
    })
event-password-shown = nouveau mot de passe à usage unique pour { $address } affiché à l'administrateur ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    }{ $must_change ->
        [yes]  ; à changer à la prochaine connexion
       *[no]  ; l'utilisateur peut le conserver
    })
event-password-chosen = mot de passe de { $address } remplacé par un mot de passe choisi par l'administrateur ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    }{ $must_change ->
        [yes]  ; à changer à la prochaine connexion
       *[no]  ; l'utilisateur peut le conserver
    })
event-must-change-password = { $address } doit changer son mot de passe à la prochaine connexion
event-logon-allowed = connexion autorisée pour { $address }
event-logon-denied = connexion interdite pour { $address } ({ $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    })
event-sending-allowed = envoi autorisé pour { $address }
event-sending-denied = envoi interdit pour { $address }
event-lockout-lifted = verrouillage de connexion levé pour { $address }
event-directory-left = { $address } n’est plus dans l’annuaire ({ $sessions } { $sessions ->
        [one] session terminée
       *[other] sessions terminées
    })
event-account-deleted = compte { $address } supprimé ({ $entries ->
        [one] { $entries } entrée de boîte aux lettres supprimée
       *[other] { $entries } entrées de boîte aux lettres supprimées
    }, { $sessions ->
        [one] { $sessions } session fermée
       *[other] { $sessions } sessions fermées
    })
# An event stored as words before events had kinds: its words as they are.
event-legacy = { $text }

event-method-passkey = une clé d’accès
event-passkey-added = clé d’accès « { $name } » ajoutée
event-passkey-added-instead = clé d’accès « { $name } » ajoutée au lieu d’un mot de passe
event-passkey-renamed = clé d’accès « { $from } » renommée « { $to } »
event-passkey-removed = clé d’accès « { $name } » supprimée
event-passkey-removed-by = clé d’accès « { $name } » supprimée par l’admin { $admin }
