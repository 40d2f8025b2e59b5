# Words the code puts on pages: error pages, notes after an action, refusals,
# checklist rules, folder and status names, the admin console's notes. Ids: fault-,
# note-, rule-, recipient-state-, folder-, status-, restriction-, audit-kind-, console-.

## Páginas de error
fault-refused-title = No permitido
fault-not-found-title = No encontrado
fault-not-found = No hay nada en esta dirección, o usted no tiene permiso para verlo.
message-gone-title = Este mensaje ya no está disponible
message-gone-recalled = { $sender } retiró este mensaje el { $when }: ya no se puede leer aquí. Si todavía lo necesita, pregunte a { $sender }.
message-gone-revoked = { $sender } le retiró el acceso a este mensaje el { $when }. Si todavía lo necesita, pregunte a { $sender }.
message-gone-removed = Este mensaje caducó y se eliminó el { $when }. Si todavía lo necesita, pida a { $sender } que se lo envíe de nuevo.
message-gone-help = Preguntas sobre este servicio: { $contact }
fault-form-expired-title = Formulario caducado
fault-form-expired = No se pudo aceptar este formulario. Vuelva atrás, recargue la página e inténtelo de nuevo.
fault-too-large-title = Demasiado grande
fault-too-large = Lo que ha enviado supera el tamaño que acepta esta página.
fault-bad-request-title = Solicitud incorrecta
fault-bad-request = No se pudo leer la solicitud.
fault-too-slow-title = Demasiado lento
fault-too-slow = La solicitud tardó demasiado. Inténtelo de nuevo.
fault-busy-title = Demasiado a la vez
fault-busy = Esta cuenta ya está enviando varios formularios a la vez. Espere un momento a que terminen, vuelva atrás e inténtelo de nuevo.
fault-failed-title = Algo salió mal
fault-failed = El portal no pudo completar esta solicitud. Inténtelo de nuevo más tarde.

## Avisos y negativas
note-damaged = Este mensaje está dañado y no se puede mostrar. Se ha avisado al administrador.
note-sending-off = El envío está desactivado para su cuenta.
note-no-recipient = Añada al menos un destinatario.
note-too-many-recipients = Un mensaje puede tener como máximo { $most } destinatarios.
note-over-cap = Ha alcanzado el límite de { $limit } destinatarios seguros distintos este mes, por lo que este mensaje no se ha enviado.
note-bad-secure-mode = { $got } no es un modo seguro
note-no-compose = Desde este portal no se pueden escribir mensajes nuevos; puede responder a los mensajes que ha recibido.
note-write-only-to = Solo puede escribir a direcciones de { $allowed }; { $outside } no es una de ellas.
note-write-nowhere = No puede escribir a direcciones de ningún dominio; { $outside } no es una excepción.
note-not-an-address = { $address } no es una dirección de correo electrónico.
note-subject-too-long = El asunto puede tener como máximo { $most } caracteres.
note-attachments-too-large = Los archivos adjuntos suman { $size }; el total permitido por mensaje es { $limit }. Quite algunos e inténtelo de nuevo.
note-bad-expiry = La caducidad debe ser una de las opciones ofrecidas, como máximo { $days ->
        [one] { $days } día
       *[other] { $days } días
    }.
note-no-print-or-save = El remitente no permite imprimir ni guardar este mensaje.
note-no-print-no-reply = El remitente no permite imprimir ni responder este mensaje.
note-no-print-expired = El remitente no permite imprimir este mensaje, y ha caducado, por lo que ya no se puede responder.
note-no-print = El remitente no permite imprimir este mensaje.
note-expired-no-answer = Este mensaje ha caducado, por lo que ya no se puede responder.
note-no-reply = El remitente no permite responder a este mensaje.
note-recalled-no-extend = No se puede prorrogar un mensaje retirado.
note-extended-once = La caducidad de un mensaje solo se puede prorrogar una vez, y la de este ya se prorrogó.
note-at-retention-end = Este mensaje ya caduca al final del período de retención.
note-tick-recall = Marque «Entiendo que la retirada no se puede deshacer» para retirar el mensaje.
note-choose-expiry = Elija la nueva fecha de caducidad de la lista.
note-recall-final = Este mensaje se ha retirado; una retirada no se puede deshacer. Envíe un mensaje nuevo.
note-not-later = La nueva caducidad debe ser posterior a la actual.
note-not-held = Esa dirección no es un destinatario seguro de este mensaje.
note-already-revoked = El acceso de ese destinatario ya está revocado.
note-not-revoked = Ese destinatario ya tiene acceso.
note-past-retention = Los mensajes se conservan como máximo hasta el { $until } (el período de retención); la caducidad no puede superar esa fecha.
note-choose-date-format = Elija un formato de fecha de la lista.
note-choose-clock = Elija el formato de 12 o 24 horas.
note-choose-week-start = Elija el primer día de la semana de la lista.
note-choose-language = Elija un idioma de la lista.
note-unknown-zone = { $zone } no es una zona horaria que este portal conozca.
note-signature-too-long = La firma puede tener como máximo { $most } caracteres.
note-preferences-saved = Preferencias guardadas.
note-admin-preferences-saved = Guardado: las fechas se muestran así en todas las páginas de la consola.
note-compose-limit = Ha enviado { $per } mensajes en los últimos minutos, el máximo que el portal envía por cuenta. Inténtelo de nuevo dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
note-reply-missing = Falta el mensaje al que se responde.
note-original-gone = El mensaje que responde o reenvía ya no está disponible (recuperado, retirado o eliminado). Su borrador se conserva: copie lo que necesite en un mensaje nuevo.
note-choose-mode = Elija un modo seguro de la lista.
note-choose-restriction = Elija una restricción de la lista.
note-choose-expiry-days = Elija una caducidad de la lista.
note-sign-in-failed = No se pudo iniciar sesión. Compruebe la dirección y la contraseña e inténtelo de nuevo. Si sigue fallando, use «¿Olvidó su contraseña?» o póngase en contacto con el remitente de su mensaje.
note-sign-in-locked = Esta cuenta está bloqueada tras demasiados intentos fallidos de inicio de sesión, hasta el { $until }. Vuelva a intentarlo entonces.
note-sign-in-denied = Su organización ha desactivado el inicio de sesión en este portal para esta cuenta. Póngase en contacto con ella.
note-secure-not-allowed = Su organización no le ha permitido enviar mensajes seguros. Pida a su administrador que le añada a un grupo autorizado.
note-directory-unavailable = El inicio de sesión con la contraseña de su organización no está disponible ahora. Elija «Enviarme un código de inicio de sesión por correo» o inténtelo más tarde.
note-provider-unavailable = El inicio de sesión en { $name } no está disponible ahora mismo. Inténtelo de nuevo en unos minutos.
note-provider-failed = El inicio de sesión en { $name } no se completó. Vuelva a empezar.
note-provider-not-ours = { $name } le identificó como { $address }, una dirección que no puede iniciar sesión aquí. Cierre la sesión allí y vuelva a empezar con su dirección de esta organización.
note-ask-contact = Ayuda: { $contact }
note-code-failed = No se pudo iniciar sesión. Compruebe que ha escrito el código del correo más reciente; un código solo sirve durante un tiempo limitado y para unos pocos intentos. Puede solicitar uno nuevo.
note-enter-address = Escriba la dirección de correo electrónico a la que se envió el mensaje.
note-too-many-codes = Se han solicitado demasiados códigos de inicio de sesión desde su red. Inténtelo de nuevo dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
note-signed-out = Ha cerrado la sesión.
note-password-set = Su contraseña se ha cambiado. Inicie sesión con la nueva.
note-session-ended = Su sesión ha terminado. Vuelva a iniciar sesión.
rule-length = de { $min } a { $max } caracteres
rule-lowercase = una letra minúscula
rule-uppercase = una letra mayúscula
rule-digit = un dígito
rule-symbol = un símbolo (ni letra ni dígito)
rule-not-address = distinta de su dirección de correo electrónico
rule-not-current = distinta de su contraseña actual
note-password-rules = La nueva contraseña no cumple las reglas marcadas abajo.
note-password-mismatch = Las dos contraseñas nuevas no coinciden.
note-current-password-wrong = La contraseña actual no es correcta.
note-too-many-links = Se han solicitado demasiados enlaces de restablecimiento desde su red. Inténtelo de nuevo dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
rule-not-users-address = distinta de la dirección de correo electrónico del usuario
note-wrong-totp = Ese código no es correcto. Los códigos cambian cada 30 segundos y sirven una sola vez; pruebe con el más reciente.
note-totp-sign-in-failed = No se pudo iniciar sesión. Compruebe el código e inténtelo de nuevo.
note-totp-off = La verificación en dos pasos está desactivada.
note-totp-required = Su organización exige la verificación en dos pasos.
recipient-state-delivered-ordinary = Entregado como correo normal
recipient-state-delivery-failed = Error de entrega
recipient-state-queued-ordinary = En cola como correo normal
recipient-state-recalled = Retirado
recipient-state-access-revoked = Acceso revocado
recipient-state-read = Leído
recipient-state-expired = Caducado
recipient-state-extended = Prorrogado
recipient-state-sent = Enviado
folder-inbox = Bandeja de entrada
folder-sent = Enviados
folder-deleted = Eliminados
status-sent = Enviado
status-read = Leído
status-recalled = Retirado
status-extended = Prorrogado
status-expired = Caducado
status-ordinary = Normal
status-ordinary-mail = Correo normal
status-read-by = Leído por { $read } de { $held }
note-marked-read = Marcado como leído.
note-marked-unread = Marcado como no leído.
note-moved-deleted = Movido a Eliminados.
note-restored = Restaurado.
note-purged = Eliminado definitivamente.
note-sent = Mensaje enviado.
note-recalled-all = El mensaje se ha retirado de todos los destinatarios.
note-extended = La caducidad se ha prorrogado.
note-revoked = Se ha revocado el acceso de ese destinatario.
note-granted = Ese destinatario vuelve a tener acceso.
note-not-dead-lettered = La fila { $row } de la bandeja de salida no está (o ya no está) entre los envíos fallidos definitivamente.

## Consola de administración
console-note-reset-mail = Se está enviando al usuario una nueva contraseña de un solo uso.
console-note-added = La cuenta se ha creado; no se ha enviado nada por correo. Establezca una contraseña abajo, o el usuario iniciará sesión con «¿Olvidó su contraseña?» (usuarios internos: con un código enviado por correo).
console-note-added-mailed = La cuenta se ha creado; se está enviando un correo de primer contacto con una contraseña de un solo uso.
console-note-password-forced = La contraseña está establecida; el usuario debe elegir la suya en el próximo inicio de sesión.
console-note-password-set = La contraseña está establecida; el usuario puede conservarla.
console-note-force-change = El usuario debe elegir una contraseña nueva en el próximo inicio de sesión.
console-note-allow-logon = El usuario puede iniciar sesión.
console-note-deny-logon = El usuario ya no puede iniciar sesión; sus sesiones se han cerrado.
console-note-allow-sending = El usuario puede enviar.
console-note-deny-sending = El usuario ya no puede enviar.
console-note-unlock = Se ha levantado el bloqueo de inicio de sesión.
console-confirm-reset-mail-title = Restablecer la contraseña y enviarla por correo
console-confirm-reset-mail = La contraseña actual deja de funcionar ahora; se envía por correo al usuario una nueva contraseña de un solo uso, y deberá elegir la suya en el próximo inicio de sesión.
console-confirm-reset-show-title = Restablecer la contraseña y mostrármela
console-confirm-reset-show = La contraseña actual deja de funcionar ahora; la nueva contraseña de un solo uso se le muestra a usted una sola vez.
console-confirm-force-change-title = Forzar un cambio de contraseña
console-confirm-force-change = El usuario debe elegir una contraseña nueva en el próximo inicio de sesión, también en las sesiones abiertas ahora.
console-confirm-deny-logon-title = Denegar inicio de sesión
console-confirm-deny-logon = Todas las sesiones del usuario se cierran ahora, y ningún inicio de sesión funciona hasta que se vuelva a permitir.
console-confirm-deny-sending-title = Denegar envío
console-confirm-deny-sending = El usuario aún puede leer, pero no responder ni escribir, hasta que se vuelva a permitir el envío.
console-confirm-delete-title = Eliminar la cuenta
console-confirm-delete = La cuenta y sus entradas de buzón se eliminan definitivamente; la auditoría y los registros de mensajes se conservan. Esta acción no se puede deshacer.
console-note-date-left-out = Las fechas se escriben { $pattern }, por ejemplo { $example }; se ha omitido la fecha que no se pudo leer.
console-note-date-replaced = Las fechas se escriben { $pattern }, por ejemplo { $example }; se ha sustituido la fecha que no se pudo leer.
console-note-start-after-end = El inicio era posterior al final; el informe muestra solo el último día.
console-note-range-too-long = Un informe abarca como máximo { $days } días; se ha movido el inicio.
console-note-sign-in-failed = No se pudo iniciar sesión. Compruebe el nombre, la contraseña y el código, e inténtelo de nuevo.
console-note-signed-out = Ha cerrado la sesión.
console-note-provider-unavailable = El inicio de sesión en el proveedor de la organización no está disponible ahora mismo. Inténtelo de nuevo en unos minutos o inicie sesión con su nombre de administrador, contraseña y código.
console-note-provider-refused = El inicio de sesión en el proveedor de la organización no le dio acceso a la consola. Solo los miembros de sus grupos de administración pueden entrar así.
console-provider-button = Iniciar sesión con { $name }
console-provider-signed-in = Sesión iniciada como { $address }. Abriendo la consola…
console-open = Abrir la consola

## Consola de administración: nombres de estados, tipos de auditoría y restricciones
restriction-none = ninguna
restriction-no-print = sin imprimir
restriction-no-print-no-reply = sin imprimir ni responder
audit-kind-sign-in = Inicios de sesión
audit-kind-sign-in-failed = Inicios de sesión fallidos
audit-kind-lockout = Bloqueos
audit-kind-password = Contraseñas y restablecimientos
audit-kind-admin-sign-in = Inicios de sesión (admin)
audit-kind-admin-sign-in-failed = Inicios de sesión fallidos (admin)
audit-kind-admin-change = Cambios de administración
audit-kind-account = Otros eventos de cuenta
audit-kind-certificate = Certificados
console-tab-all = Todos

## Tamaños (unidades decimales, como las cuenta la configuración; los símbolos kB, MB, GB se mantienen)
size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
size-whole = { $n } { $unit }
size-tenths = { $whole },{ $tenth } { $unit }

## Antigüedades y duraciones (panel, monitor)
age-seconds = { $n ->
        [one] { $n } segundo
       *[other] { $n } segundos
    }
age-minutes = { $n ->
        [one] { $n } minuto
       *[other] { $n } minutos
    }
age-hours = { $n ->
        [one] { $n } hora
       *[other] { $n } horas
    }
age-days = { $n ->
        [one] { $n } día
       *[other] { $n } días
    }

## El gráfico del informe
chart-title = { $total ->
        [one] { $total } mensaje seguro
       *[other] { $total } mensajes seguros
    }: { $outbound ->
        [one] { $outbound } saliente
       *[other] { $outbound } salientes
    }, { $inbound ->
        [one] { $inbound } entrante
       *[other] { $inbound } entrantes
    }, del { $from } al { $to }
chart-total = { $total ->
        [one] { $total } mensaje
       *[other] { $total } mensajes
    }
chart-outbound = salientes
chart-inbound = entrantes

## La consola de administración: añadir un usuario, el directorio
console-note-not-an-address = «{ $address }» no es una dirección de correo electrónico como alguien@ejemplo.org.
console-note-internal-no-password = { $address } pertenece a un dominio interno: los usuarios internos inician sesión con un código que se les envía por correo cuando lo solicitan, así que no hay contraseña que enviar. Deje la casilla sin marcar.
console-note-exists = Ya existe una cuenta para { $address }.
# El último inicio de sesión de un usuario: cuándo y desde qué dirección IP.
console-last-sign-in = { $date } desde { $ip }

## Correos: en lugar de un asunto
note-mail-no-subject = (sin asunto)
note-mail-gone = (ya no se conserva)

## Un mensaje cuyo texto con formato no se muestra
note-html-too-large = El texto con formato de este mensaje es demasiado grande para mostrarlo aquí.
note-html-too-deep = El texto con formato de este mensaje tiene una estructura demasiado compleja para mostrarlo aquí de forma segura.

note-draft-saved = Borrador guardado.
note-draft-deleted = Borrador eliminado.
note-draft-kept = Su sesión había terminado; su texto se guardó como borrador. Inicie sesión para seguir escribiendo.
note-drafts-full = Tiene { $most } borradores, el máximo que se guarda. Envíe o elimine algunos en Borradores y vuelva a guardar.
note-draft-gone-kept = Este borrador se envió o eliminó en otra ventana. Lo que envió aquí se conserva como un borrador nuevo y no se ha enviado: revíselo y envíelo de nuevo.
note-draft-busy = No se pudo guardar su borrador: se estaba modificando a la vez en otra ventana. Su texto está abajo; guarde de nuevo.

note-display-name-bad = Su nombre puede tener como máximo { $most } caracteres, en una línea.
note-draft-kept-session-changed = Inició sesión de nuevo en otro lugar mientras esta página estaba abierta, así que su mensaje no se envió: se guarda como este borrador. Revíselo y vuelva a enviarlo.

note-passkey-added = Llave de acceso añadida.
note-passkey-renamed = Nombre de la llave de acceso cambiado.
note-passkey-removed = Llave de acceso quitada.
note-passkey-not-added = No se añadió la llave de acceso. Inténtelo de nuevo.
note-passkey-required = Su organización exige una llave de acceso: añada otra antes de quitar esta.
note-passkey-sign-in-failed = Esa llave de acceso no le permitió entrar. Inténtelo de nuevo o entre con su dirección.

console-passkeys-title = Sus llaves de acceso
console-passkeys-explain = Una llave de acceso le permite entrar en la consola con la huella, la cara o el bloqueo de pantalla de este ordenador, de su teléfono o de una llave de seguridad, en lugar de la contraseña y el código de autenticación. Solo funciona en este sitio.
console-passkeys-required = La consola ya solo acepta llaves de acceso. Añada una para continuar.
console-note-passkey-required = La consola solo acepta llaves de acceso: añada otra antes de quitar esta.
console-note-passkey-failed = Esa llave de acceso no le permitió entrar. Inténtelo de nuevo o use otra.
console-note-passkey-removed = Llave de acceso quitada.
note-passkey-required-sign-in = Su organización exige que entre con su llave de acceso: use «Entrar con una llave de acceso».
