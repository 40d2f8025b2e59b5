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

# Primera línea de la mayoría de los correos.
mail-greeting = Hola:
# Se añade cuando hay un contacto de soporte (pie HTML, correo de primer contacto).
mail-questions = Consultas: { $support }.
# Última línea de cada parte de texto, debajo de "--".
mail-signature = Mensajería segura de { $org }. Este es un mensaje automático; las respuestas no se leen.
# Etiquetas de las tablas pequeñas (la parte de texto añade dos puntos).
mail-label-subject = Asunto
mail-label-sent = Enviado
mail-label-to = Para
mail-label-portal = Portal
mail-label-sign-in-as = Iniciar sesión como
mail-label-password = Contraseña

## _layout.html

# Pie de cada parte HTML.
mail-footer-automatic = Este es un mensaje automático de { $org }. No responda a este mensaje.

## secure_message (notice of a new secure message)

mail-secure-subject = Tiene un mensaje seguro pendiente en { $org }
# Cuando notify.name_sender está activado. $sender: nombre y dirección del remitente.
mail-secure-sent-by = <strong>{ $sender }</strong> le ha enviado a usted (<strong>{ $recipient }</strong>) un mensaje seguro a través de { $org }.
# Cuando no se nombra al remitente.
mail-secure-sent-to-you = Se le ha enviado a usted (<strong>{ $recipient }</strong>) un mensaje seguro a través de { $org }.
# "lo": el mensaje seguro.
mail-secure-not-included = Por su seguridad, no se incluye en este correo electrónico.
# Solo parte de texto: el enlace va en la línea siguiente.
mail-secure-read-here = Léalo aquí (se le pedirá que inicie sesión):
# Solo parte HTML: el botón que abre el mensaje.
mail-secure-button = Leer el mensaje seguro
mail-secure-sign-in = Inicie sesión con su dirección de correo electrónico. Si es el primer mensaje seguro que recibe de { $org }, su primera contraseña le llegará en un correo electrónico aparte.
mail-genuine-advice = <strong>Cómo reconocer un aviso auténtico:</strong> solo contiene enlaces a { $portal_url }, nunca le pide su contraseña por correo electrónico y nunca lleva archivos adjuntos.
# Sigue a mail-genuine-advice; la segunda forma cuando hay un contacto de soporte.
mail-genuine-check = Si tiene dudas, escriba { $portal_url } directamente en su navegador.
mail-genuine-check-support = Si tiene dudas, escriba { $portal_url } directamente en su navegador o póngase en contacto con { $support }.

## first_contact (sign-in details: a new account, or a password an administrator issued)

mail-first-subject = Sus datos de inicio de sesión para los mensajes seguros de { $org }
# Un administrador emitió una contraseña nueva.
mail-first-reset-intro = Un administrador de { $org } le ha asignado una contraseña nueva para el portal seguro donde usted lee mensajes confidenciales.
# Una cuenta nueva.
mail-first-intro = { $org } utiliza un portal seguro para los mensajes confidenciales. Se le ha abierto una cuenta para que pueda leerlos.
# «Cambiar contraseña»: el nombre de la página del portal para elegir una contraseña.
mail-first-keep = Puede conservar esta contraseña o elegir la suya con «Cambiar contraseña» después de iniciar sesión.
# La contraseña de un solo uso de una cuenta nueva.
mail-first-once = Esta contraseña sirve una sola vez: en su primer inicio de sesión elegirá la suya.
# Una contraseña de un solo uso emitida por un administrador.
mail-first-once-next = Esta contraseña sirve una sola vez: en su próximo inicio de sesión elegirá la suya.
mail-first-private = No comparta este correo electrónico y elimínelo después.
mail-first-never-ask = Nunca le pediremos su contraseña por correo electrónico.

## password_reset (a link to choose a new password)

mail-reset-subject = Restablezca su contraseña de mensajes seguros de { $org }
mail-reset-asked = Alguien (esperamos que usted) ha solicitado restablecer la contraseña de <strong>{ $recipient }</strong> para los mensajes seguros de { $org }.
# Solo parte de texto: el enlace va en una línea aparte.
mail-reset-open = Para elegir una contraseña nueva, abra:
# Solo parte HTML: el botón que abre el enlace.
mail-reset-button = Elegir una contraseña nueva
# $hours: cuánto tiempo sirve el enlace (password.reset_link_hours).
mail-reset-expires = { $hours ->
    [one] El enlace sirve una sola vez y caduca en { $hours } hora.
   *[other] El enlace sirve una sola vez y caduca en { $hours } horas.
}
mail-reset-again = Si lo vuelve a solicitar, este enlace dejará de funcionar.
mail-reset-not-you = Si no lo ha solicitado usted, ignore este correo electrónico: su contraseña no cambia.

## sign_in_code (a code to sign in with)

mail-code-subject = Su código de inicio de sesión de { $org }: { $code }
# El código va en una línea aparte.
mail-code-intro = Su código para iniciar sesión en los mensajes seguros de { $org } como <strong>{ $recipient }</strong> es:
# $minutes: cuánto tiempo sirve el código (portal.sign_in_code_minutes).
mail-code-valid = { $minutes ->
    [one] Es válido durante { $minutes } minuto.
   *[other] Es válido durante { $minutes } minutos.
}
mail-code-not-you = Si no ha intentado iniciar sesión, ignore este correo electrónico; nadie puede iniciar sesión sin el código.

## read_receipt (to a sender: a recipient opened their message)

# $subject: el asunto del mensaje.
mail-receipt-subject = Leído: { $subject }
# Encima de una tabla pequeña (asunto, fecha de envío); la frase sigue con mail-receipt-opened debajo.
mail-receipt-intro = Su mensaje seguro
# Debajo de la tabla. $reader: la dirección que lo abrió; $read_at: cuándo (fecha y hora en UTC).
mail-receipt-opened = fue abierto por <strong>{ $reader }</strong> el { $read_at }.
mail-receipt-status = Quién lo ha leído hasta ahora, y retirarlo o prorrogarlo:
mail-receipt-status-button = Ver el estado del mensaje

## delivery_failure (to a sender: a message could not be delivered)

# $subject: el asunto del mensaje.
mail-failure-subject = No entregado: { $subject }
# Encima de una tabla pequeña (asunto, destinatarios); la frase sigue con mail-failure-not-delivered debajo.
mail-failure-intro = Su mensaje
# Debajo de la tabla; a continuación va el motivo (la respuesta del servidor receptor, en inglés).
mail-failure-not-delivered = no se pudo entregar:
mail-failure-no-retry = No se volverá a intentar la entrega a estos destinatarios.
# Solo parte de texto, cuando hay un contacto de soporte.
mail-failure-help = Si necesita ayuda, póngase en contacto con { $support }.

## welcome (to an internal user whose portal account was just made)

mail-welcome-subject = Su portal de mensajes seguros de { $org }
mail-welcome-intro = Ahora tiene una cuenta en el portal de mensajes seguros de { $org } como <strong>{ $recipient }</strong>.
mail-welcome-uses = Allí puede ver quién ha leído los mensajes seguros que envía, retirarlos o ampliar su caducidad, leer las respuestas y escribir nuevos mensajes seguros.
mail-welcome-sign-in = Inicie sesión aquí:
mail-welcome-button = Abrir el portal
mail-welcome-code = Escriba su dirección y elija «Enviarme un código de inicio de sesión por correo»: no necesita contraseña. También puede establecer una contraseña con «¿Olvidó su contraseña?».
mail-welcome-password = Escriba su dirección y elija «¿Olvidó su contraseña?» para establecer una contraseña.
mail-welcome-directory = Escriba su dirección y después la contraseña habitual de su organización (la de su directorio): no hay otra contraseña que establecer.
mail-welcome-provider = Escriba su dirección: irá a { $name } para iniciar sesión con la cuenta de su organización y volverá al portal.
