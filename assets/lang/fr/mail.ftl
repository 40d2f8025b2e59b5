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
mail-greeting = Bonjour,
# Appended when a support contact is set (HTML footer, first-contact mail).
mail-questions = Pour toute question : { $support }.
# Last line of every text part, below "--".
mail-signature = Messagerie sécurisée { $org }. Ceci est un message automatique ; les réponses ne sont pas lues.
# Labels in the small tables (the text part adds a colon).
mail-label-subject = Objet
mail-label-sent = Date d'envoi
mail-label-to = À
mail-label-portal = Portail
mail-label-sign-in-as = Identifiant
mail-label-password = Mot de passe

## _layout.html

# Footer of every HTML part.
mail-footer-automatic = Ceci est un message automatique envoyé par { $org }. Veuillez ne pas y répondre.

## secure_message (notice of a new secure message)

mail-secure-subject = Un message sécurisé vous attend chez { $org }
# When notify.name_sender is on. $sender: the sender's name and address.
mail-secure-sent-by = <strong>{ $sender }</strong> vous a envoyé un message sécurisé (à l'adresse <strong>{ $recipient }</strong>) via { $org }.
# When the sender is not named.
mail-secure-sent-to-you = Un message sécurisé vous a été envoyé (à l'adresse <strong>{ $recipient }</strong>) via { $org }.
# "it": the secure message.
mail-secure-not-included = Pour votre protection, il n'est pas inclus dans cet e-mail.
# Text part only: the link follows on the next line.
mail-secure-read-here = Lisez-le ici (vous devrez vous connecter) :
# HTML part only: the button that opens the message.
mail-secure-button = Lire le message sécurisé
mail-secure-sign-in = Connectez-vous avec votre adresse e-mail. S'il s'agit du premier message sécurisé que vous recevez via { $org }, votre premier mot de passe vous parviendra dans un e-mail séparé.
mail-genuine-advice = <strong>Comment reconnaître une notification authentique :</strong> elle ne contient de liens que vers { $portal_url }, elle ne vous demande jamais votre mot de passe par e-mail et elle ne comporte jamais de pièce jointe.
# Follows mail-genuine-advice; the second form when a support contact is set.
mail-genuine-check = En cas de doute, saisissez vous-même { $portal_url } dans votre navigateur.
mail-genuine-check-support = En cas de doute, saisissez vous-même { $portal_url } dans votre navigateur ou contactez { $support }.

## first_contact (sign-in details: a new account, or a password an administrator issued)

mail-first-subject = Vos identifiants de connexion à la messagerie sécurisée { $org }
# An administrator issued a new password.
mail-first-reset-intro = Un administrateur vous a attribué un nouveau mot de passe pour le portail sécurisé { $org }, sur lequel vous lisez vos messages confidentiels.
# A new account.
mail-first-intro = { $org } utilise un portail sécurisé pour les messages confidentiels. Un compte vous a été ouvert afin que vous puissiez les lire.
# "Change password": the name of the portal's page for choosing a password.
mail-first-keep = Vous pouvez conserver ce mot de passe ou choisir le vôtre avec « Changer le mot de passe » après votre connexion.
# A new account's one-time password.
mail-first-once = Ce mot de passe ne fonctionne qu'une fois : lors de votre première connexion, vous choisirez le vôtre.
# A one-time password an administrator issued.
mail-first-once-next = Ce mot de passe ne fonctionne qu'une fois : lors de votre prochaine connexion, vous choisirez le vôtre.
mail-first-private = Gardez cet e-mail confidentiel et supprimez-le ensuite.
mail-first-never-ask = Nous ne vous demanderons jamais votre mot de passe par e-mail.

## password_reset (a link to choose a new password)

mail-reset-subject = Réinitialisation de votre mot de passe de messagerie sécurisée { $org }
mail-reset-asked = Quelqu'un (vous, nous l'espérons) a demandé la réinitialisation du mot de passe de <strong>{ $recipient }</strong> pour la messagerie sécurisée { $org }.
# Text part only: the link follows on a line of its own.
mail-reset-open = Pour choisir un nouveau mot de passe, ouvrez le lien suivant :
# HTML part only: the button that opens the link.
mail-reset-button = Choisir un nouveau mot de passe
# $hours: how long the link works (password.reset_link_hours).
mail-reset-expires = { $hours ->
    [one] Le lien ne fonctionne qu'une fois et expire dans { $hours } heure.
   *[other] Le lien ne fonctionne qu'une fois et expire dans { $hours } heures.
}
mail-reset-again = Toute nouvelle demande rend ce lien inutilisable.
mail-reset-not-you = Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.

## sign_in_code (a code to sign in with)

mail-code-subject = Votre code de connexion { $org } : { $code }
# The code follows on a line of its own.
mail-code-intro = Voici votre code pour vous connecter à la messagerie sécurisée { $org } en tant que <strong>{ $recipient }</strong> :
# $minutes: how long the code works (portal.sign_in_code_minutes).
mail-code-valid = { $minutes ->
    [one] Il est valable { $minutes } minute.
   *[other] Il est valable { $minutes } minutes.
}
mail-code-not-you = Si vous n'avez pas essayé de vous connecter, ignorez cet e-mail ; personne ne peut se connecter sans ce code.

## read_receipt (to a sender: a recipient opened their message)

# $subject: the message's subject.
mail-receipt-subject = Lu : { $subject }
# Above a small table (subject, when sent); the sentence goes on with mail-receipt-opened below it.
mail-receipt-intro = Votre message sécurisé
# Below the table. $reader: the address that opened it; $read_at: when (a date and time in UTC).
mail-receipt-opened = a été ouvert par <strong>{ $reader }</strong> le { $read_at }.
mail-receipt-status = Qui l’a lu jusqu’ici, et le rappeler ou le prolonger :
mail-receipt-status-button = Voir l’état du message

## delivery_failure (to a sender: a message could not be delivered)

# $subject: the message's subject.
mail-failure-subject = Non remis : { $subject }
# Above a small table (subject, recipients); the sentence goes on with mail-failure-not-delivered below it.
mail-failure-intro = Votre message
# Below the table; the reason (the receiving server's answer, in English) follows.
mail-failure-not-delivered = n'a pas pu être remis :
mail-failure-no-retry = Aucune nouvelle tentative ne sera faite pour ces destinataires.
# Text part only, when a support contact is set.
mail-failure-help = Si vous avez besoin d'aide, contactez { $support }.

## welcome (to an internal user whose portal account was just made)

mail-welcome-subject = Votre portail de messages sécurisés { $org }
mail-welcome-intro = Vous avez désormais un compte sur le portail de messages sécurisés { $org } en tant que <strong>{ $recipient }</strong>.
mail-welcome-uses = Vous pouvez y voir qui a lu vos messages sécurisés, les rappeler ou prolonger leur expiration, lire les réponses et écrire de nouveaux messages sécurisés.
mail-welcome-sign-in = Connectez-vous ici :
mail-welcome-button = Ouvrir le portail
mail-welcome-code = Saisissez votre adresse, puis choisissez « Recevoir plutôt un code de connexion par e-mail » : aucun mot de passe n’est nécessaire. Vous pouvez aussi définir un mot de passe avec « Mot de passe oublié ? ».
mail-welcome-password = Saisissez votre adresse, puis choisissez « Mot de passe oublié ? » pour définir un mot de passe.
mail-welcome-directory = Saisissez votre adresse, puis le mot de passe habituel de votre organisation (celui de son annuaire) : il n’y a pas d’autre mot de passe à définir.
mail-welcome-provider = Saisissez votre adresse : vous êtes conduit vers { $name } pour vous connecter avec le compte de votre organisation, puis ramené au portail.
