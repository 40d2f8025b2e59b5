# The portal's page frame (head, header, footer) and the account pages:
# signing in, the second step, two-step sign-in setup, passwords (change,
# reset, forgotten), sessions, preferences with the time zone field, the
# delete confirmation, error pages and the print view.
# Page titles and messages of error pages, notices, errors and the password
# checklist rules come from the code (notes.ftl), as do dates.

## _base.html

# After the page's own title in the browser tab: "Sign in · Example Org secure messages".
# $org: the organisation's name (notify.organisation).
base-title-suffix = Messagerie sécurisée { $org }
# Link for keyboard users, first on every page: jumps over the header.
base-skip-link = Aller au contenu

## _layout.html

# Beside the organisation's name in the header (styled apart from it): "Example Org secure messages".
layout-brand-tagline = messagerie sécurisée
# Button that opens the header menu on phones.
layout-menu = Menu
# Label of the header navigation, read by screen readers.
layout-nav-label = Compte
layout-preferences = Préférences
layout-sessions = Sessions
layout-change-password = Changer le mot de passe
layout-two-step = Connexion en deux étapes
layout-sign-out = Se déconnecter
# Footer. $support: the help contact the administrator configured (notify.support_contact), as written there.
layout-help = Aide : { $support }
layout-never-ask = Nous ne vous demandons jamais votre mot de passe par e-mail.

## login.html

# Page title and heading.
login-title = Se connecter
# Button of the password and sign-in code forms.
login-submit = Se connecter
# Step 1: the address.
login-address-label = Adresse e-mail
login-next = Suivant
# Step 2. $address: the address typed in step 1. A "Not you?" link follows.
login-signing-in-as = Connexion en tant que <strong>{ $address }</strong>
login-not-you = Ce n'est pas vous ?
login-password-label = Mot de passe
login-forgot-link = Mot de passe oublié ?
login-code-instead = Recevoir plutôt un code de connexion par e-mail
# After asking for a sign-in code by email. $address: the address typed.
login-code-sent = Si <strong>{ $address }</strong> possède un compte ici, un code de connexion est en cours d'envoi.
# $minutes: how long the emailed code works (portal.sign_in_code_minutes).
login-code-valid = { $minutes ->
    [one] Il est valable { $minutes } minute.
   *[other] Il est valable { $minutes } minutes.
}
login-code-label = Code de connexion reçu par e-mail
login-code-resend = Envoyer un nouveau code
login-password-instead = Se connecter plutôt avec votre mot de passe

## password.html

# Page title, heading and button when the password is changed while signed in.
password-change-title = Changer le mot de passe
password-directory = Les adresses de { $domain } se connectent avec le mot de passe de votre organisation, géré dans son annuaire : modifiez-le là-bas (par la voie habituelle de votre organisation, ou auprès de son support informatique).
password-directory-back = Retour
password-provider = Les adresses de { $domain } se connectent via { $name } avec le compte de votre organisation : changez ou réinitialisez son mot de passe là-bas (par la voie habituelle de votre organisation, ou auprès de son support informatique).
password-change-submit = Changer le mot de passe
# Page title, heading and button when a reset link from the mail was opened.
password-reset-title = Choisir un nouveau mot de passe
password-reset-submit = Définir le mot de passe
# The reset link is no longer valid.
password-gone-title = Ce lien n'est plus valable
password-gone = Le lien a déjà été utilisé, a été remplacé par un lien plus récent ou a expiré.
# One sentence made of two links and the word between them:
# "[Ask for a new link] or [sign in]." (password-gone-end closes the sentence).
password-gone-new-link = Demandez un nouveau lien
password-gone-or = ou
password-gone-sign-in = connectez-vous
password-gone-end = { "." }
# The password has expired.
password-expired = Votre mot de passe a expiré.
# Followed by a link (password-expired-reset-link), then password-expired-end:
# "Choose a new one to go on, or [reset it by email]."
password-expired-choose = Choisissez-en un nouveau pour continuer, ou
password-expired-reset-link = réinitialisez-le par e-mail
password-expired-end = { "." }
# The administrator set the password: the user must choose their own.
password-forced = Choisissez votre propre mot de passe avant de continuer.
password-current-label = Mot de passe actuel
password-new-label = Nouveau mot de passe
password-again-label = Confirmer le nouveau mot de passe

## forgot.html

# Page title and heading.
forgot-title = Mot de passe oublié
forgot-directory = Les adresses de { $domain } se connectent avec le mot de passe de votre organisation. Pour le réinitialiser, passez par la voie habituelle de votre organisation ou son support informatique ; en attendant, vous pouvez vous connecter avec un code reçu par e-mail.
forgot-intro = Saisissez votre adresse : nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe.
forgot-address-label = Adresse e-mail
forgot-submit = Envoyer le lien de réinitialisation
# After sending. $address: the address typed.
forgot-link-sent = Si <strong>{ $address }</strong> possède un compte, un lien pour choisir un nouveau mot de passe est en cours d'envoi.
# $hours: how long the link works (password.reset_link_hours).
forgot-link-valid = { $hours ->
    [one] Il n'est utilisable qu'une fois, pendant { $hours } heure.
   *[other] Il n'est utilisable qu'une fois, pendant { $hours } heures.
}
forgot-back = Retour à la connexion

## confirm.html (deleting messages from the mailbox)

# Page title, and heading when the messages move to Deleted.
confirm-title = Supprimer ?
# Heading when the messages are removed from Deleted for good.
confirm-purge-title = Supprimer définitivement ?
confirm-purge-text = Ces messages seront retirés de votre boîte aux lettres ; cette action est irréversible.
confirm-move-text = Ces messages seront déplacés dans Supprimés, d'où vous pourrez les restaurer.
# One message of the list. $subject: its subject; $who: its sender.
confirm-item = <strong>{ $subject }</strong> (expéditeur : { $who })
confirm-no-subject = (sans objet)
confirm-ok = OK
confirm-cancel = Annuler

## second_factor.html (the code after the password)

# Page title and heading.
second-factor-title = Deuxième étape
# $user: the address signing in.
second-factor-intro = Saisissez le code à 6 chiffres affiché par votre application d'authentification pour <strong>{ $user }</strong>, ou l'un de vos codes de récupération.
second-factor-code-label = Code
second-factor-submit = Continuer
second-factor-lost = Vous avez perdu votre téléphone et vos codes de récupération ? Contactez votre administrateur.

## totp.html (setting up two-step sign-in)

# Page title and heading.
totp-title = Connexion en deux étapes
# Shown once, above the new recovery codes.
totp-recovery-heading = Vos codes de récupération.
totp-recovery-once = Si vous perdez votre téléphone, chacun d'eux remplace une fois un code d'authentification.
totp-recovery-keep = Conservez-les en lieu sûr : ils ne sont affichés que maintenant.
totp-recovery-done = Je les ai enregistrés, continuer
# $since: the date it was turned on; $count: how many unused recovery codes are left.
totp-status-on = { $count ->
    [one] La connexion en deux étapes est <strong>activée</strong> (depuis le { $since }) ; il reste { $count } code de récupération.
   *[other] La connexion en deux étapes est <strong>activée</strong> (depuis le { $since }) ; il reste { $count } codes de récupération.
}
totp-current-code-label = Code d'authentification actuel
totp-new-recovery-codes = Générer de nouveaux codes de récupération
totp-turn-off = Désactiver la connexion en deux étapes
totp-scan = Scannez ce code avec une application d'authentification (par exemple FreeOTP, Aegis ou Google Authenticator), puis saisissez le code à 6 chiffres qu'elle affiche.
# Followed by the key itself.
totp-by-hand = Impossible de scanner le code ? Saisissez cette clé manuellement :
totp-code-label = Code de l'application
totp-turn-on = Activer
totp-required = Votre organisation exige la connexion en deux étapes. Configurez-la pour continuer.
totp-explain = Avec la connexion en deux étapes, vous vous connectez avec votre mot de passe et un code fourni par une application sur votre téléphone.
totp-set-up = Configurer la connexion en deux étapes

## sessions.html

# Page title.
sessions-title = Sessions
sessions-heading = Vos sessions ouvertes
# $at: date and time; $ip: the IP address; $agent: the browser's own description (User-Agent).
sessions-previous = Connexion précédente : le { $at } depuis { $ip } ({ $agent })
# Column headings and cell labels (phones show the label beside each cell).
sessions-col-started = Début
sessions-col-last-active = Dernière activité
# The IP address the session signed in from.
sessions-col-address = Adresse IP
sessions-col-browser = Navigateur
# After the start time of the session in use.
sessions-this-one = (cette session)
sessions-end-others = Fermer toutes les autres sessions

## preferences.html

# Page title and heading.
preferences-title = Préférences
# Followed by the current date and time in the chosen format.
preferences-now-example = Les dates s'affichent désormais ainsi :
preferences-week-label = Premier jour de la semaine
preferences-week-monday = Lundi
preferences-week-sunday = Dimanche
preferences-week-saturday = Samedi
preferences-language-label = Langue
# First choice of the language list: follow the language the browser asks for.
# The other choices are each language's own name (language-name).
preferences-language-browser = Langue de votre navigateur
preferences-signature-label = Signature
preferences-signature-hint = Ajoutée sous les nouveaux messages et les réponses que vous rédigez ici ; vous pouvez la modifier dans chaque message.
preferences-submit = Enregistrer les préférences

## _zone_field.html (time zone of the preferences forms, portal and admin)

zone-label = Fuseau horaire
# Groups of the time zone list: a few common ones, then all of them.
zone-common = Les plus courants
zone-every = Tous les fuseaux horaires
# Shown by the page's script when it picked the browser's zone for a user who never saved one.
zone-suggested = Le fuseau horaire de votre navigateur a été sélectionné ; enregistrez pour le conserver.

## error.html

# $reference: an error reference code for support.
error-reference = Référence : <code>{ $reference }</code> (indiquez-la si vous contactez l'assistance)
error-start-page = Aller à la page d'accueil

## print.html

# Tab title of the print view of a message without a subject.
print-no-subject = (sans objet)
print-button = Imprimer

preferences-name-label = Votre nom
preferences-name-hint = Affiché à côté de { $address } dans les messages que vous écrivez. Vide : le nom que l’autre partie a utilisé pour vous, s’il y en a un.

## passkeys.html, _passkey_enrol.html et _passkey_sign_in.html

layout-passkeys = Clés d’accès
passkeys-title = Clés d’accès
passkeys-explain = Une clé d’accès vous connecte avec votre téléphone, votre ordinateur ou votre clé de sécurité : empreinte, visage ou verrouillage d’écran au lieu d’un mot de passe. Elle ne fonctionne que sur ce site, une fausse page ne peut pas l’utiliser.
passkeys-offer = Ajoutez une clé d’accès maintenant : la prochaine fois, vous vous connecterez sans mot de passe ni code reçu par e-mail.
passkeys-required = Votre organisation exige une clé d’accès. Ajoutez-en une pour continuer.
passkeys-unavailable = Les clés d’accès ne sont pas disponibles sur ce portail.
passkeys-none = Vous n’avez pas encore de clé d’accès.
passkeys-name-label = Nom
passkeys-rename = Renommer
passkeys-added-at = Ajoutée le { $at }
passkeys-last-used = utilisée le { $at }
passkeys-never-used = jamais utilisée
passkeys-synced = synchronisée avec vos autres appareils
passkeys-remove = Supprimer « { $name } »
passkeys-new-name-label = Nom de la nouvelle clé d’accès
passkeys-new-name-hint = Par exemple « Ordinateur du bureau » ou « Téléphone », pour distinguer vos clés.
passkeys-add = Ajouter une clé d’accès
passkeys-add-instead = Utiliser plutôt une clé d’accès
passkeys-add-failed = Aucune clé d’accès n’a été ajoutée. Réessayez, ou utilisez un autre appareil.
passkeys-unsupported = Ce navigateur ne sait pas créer de clés d’accès (ou les scripts sont désactivés).
passkeys-not-now = Pas maintenant
passkeys-instead-heading = Ou utilisez une clé d’accès au lieu d’un mot de passe
passkeys-instead-explain = Connectez-vous désormais avec l’empreinte, le visage ou le verrouillage d’écran de cet appareil. Le mot de passe reçu par e-mail ne fonctionnera plus.
login-passkey = Se connecter avec une clé d’accès
login-passkey-failed = La connexion avec une clé d’accès n’a pas abouti. Réessayez, ou saisissez votre adresse.
