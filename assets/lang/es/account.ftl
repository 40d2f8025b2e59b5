# The portal's page frame (head, header, footer) and the account pages:
# signing in, the second step, two-step sign-in setup, passwords (change,
# reset, forgotten), sessions, preferences with the time zone field, the
# delete confirmation, error pages and the print view.
# Page titles and messages of error pages, notices, errors and the password
# checklist rules come from the code (notes.ftl), as do dates.

## _base.html

# Tras el título de la página en la pestaña del navegador: "Iniciar sesión · Mensajes seguros de Example Org".
# $org: el nombre de la organización (notify.organisation).
base-title-suffix = Mensajes seguros de { $org }
# Enlace para usuarios de teclado, el primero de cada página: salta el encabezado.
base-skip-link = Ir al contenido

## _layout.html

# Junto al nombre de la organización en el encabezado (con otro estilo): "Example Org mensajes seguros".
layout-brand-tagline = mensajes seguros
# Botón que abre el menú del encabezado en los teléfonos.
layout-menu = Menú
# Etiqueta de la navegación del encabezado, leída por los lectores de pantalla.
layout-nav-label = Cuenta
layout-preferences = Preferencias
layout-sessions = Sesiones
layout-change-password = Cambiar contraseña
layout-two-step = Verificación en dos pasos
layout-sign-out = Cerrar sesión
# Pie de página. $support: el contacto de ayuda que configuró el administrador (notify.support_contact), tal cual.
layout-help = Ayuda: { $support }
layout-never-ask = Nunca le pediremos su contraseña por correo electrónico.

## login.html

# Título y encabezado de la página.
login-title = Iniciar sesión
# Botón de los formularios de contraseña y de código de inicio de sesión.
login-submit = Iniciar sesión
# Paso 1: la dirección.
login-address-label = Correo electrónico
login-next = Siguiente
# Paso 2. $address: la dirección escrita en el paso 1. Le sigue un enlace "¿No es usted?".
login-signing-in-as = Iniciando sesión como <strong>{ $address }</strong>
login-not-you = ¿No es usted?
login-password-label = Contraseña
login-forgot-link = ¿Olvidó su contraseña?
login-code-instead = Enviarme un código de inicio de sesión por correo
# Tras solicitar un código de inicio de sesión por correo. $address: la dirección escrita.
login-code-sent = Si <strong>{ $address }</strong> tiene una cuenta aquí, le hemos enviado un código de inicio de sesión.
# $minutes: cuánto tiempo sirve el código enviado (portal.sign_in_code_minutes).
login-code-valid = { $minutes ->
    [one] Es válido durante { $minutes } minuto.
   *[other] Es válido durante { $minutes } minutos.
}
login-code-label = Código de inicio de sesión del correo
login-code-resend = Enviar un código nuevo
login-password-instead = Iniciar sesión con su contraseña

## password.html

# Título, encabezado y botón cuando se cambia la contraseña con la sesión iniciada.
password-change-title = Cambiar contraseña
password-directory = Las direcciones de { $domain } inician sesión con la contraseña de su organización, que se gestiona en su directorio: cámbiela allí (por la vía habitual de su organización o con su soporte informático).
password-directory-back = Volver
password-provider = Las direcciones de { $domain } inician sesión en { $name } con la cuenta de su organización: cambie o restablezca allí su contraseña (por la vía habitual de su organización o con su soporte informático).
password-change-submit = Cambiar contraseña
# Título, encabezado y botón cuando se abrió un enlace de restablecimiento del correo.
password-reset-title = Elija una contraseña nueva
password-reset-submit = Guardar contraseña
# El enlace de restablecimiento ya no es válido.
password-gone-title = Este enlace ya no funciona
password-gone = El enlace ya se ha usado, se ha sustituido por otro más reciente o ha caducado.
# Una frase formada por dos enlaces y la palabra entre ellos:
# "[Solicite un enlace nuevo] o [inicie sesión]." (password-gone-end cierra la frase).
password-gone-new-link = Solicite un enlace nuevo
password-gone-or = o
password-gone-sign-in = inicie sesión
password-gone-end = { "." }
# La contraseña ha caducado.
password-expired = Su contraseña ha caducado.
# Le sigue un enlace (password-expired-reset-link) y luego password-expired-end:
# "Elija una nueva para continuar, o [restablézcala por correo electrónico]."
password-expired-choose = Elija una nueva para continuar, o
password-expired-reset-link = restablézcala por correo electrónico
password-expired-end = { "." }
# El administrador estableció la contraseña: el usuario debe elegir la suya.
password-forced = Elija su propia contraseña antes de continuar.
password-current-label = Contraseña actual
password-new-label = Contraseña nueva
password-again-label = Repita la contraseña nueva

## forgot.html

# Título y encabezado de la página.
forgot-title = Contraseña olvidada
forgot-directory = Las direcciones de { $domain } inician sesión con la contraseña de su organización. Para restablecerla, use la vía habitual de su organización o su soporte informático; mientras tanto puede iniciar sesión con un código enviado por correo.
forgot-intro = Escriba su dirección y le enviaremos por correo electrónico un enlace para elegir una contraseña nueva.
forgot-address-label = Correo electrónico
forgot-submit = Enviar enlace
# Tras el envío. $address: la dirección escrita.
forgot-link-sent = Si <strong>{ $address }</strong> tiene una cuenta, le hemos enviado un enlace para elegir una contraseña nueva.
# $hours: cuánto tiempo sirve el enlace (password.reset_link_hours).
forgot-link-valid = { $hours ->
    [one] Sirve una sola vez, durante { $hours } hora.
   *[other] Sirve una sola vez, durante { $hours } horas.
}
forgot-back = Volver al inicio de sesión

## confirm.html (deleting messages from the mailbox)

# Título de la página, y encabezado cuando los mensajes pasan a Eliminados.
confirm-title = ¿Eliminar?
# Encabezado cuando los mensajes se quitan de Eliminados definitivamente.
confirm-purge-title = ¿Eliminar definitivamente?
confirm-purge-text = Estos mensajes se quitarán de su buzón; esta acción no se puede deshacer.
confirm-move-text = Estos mensajes se moverán a Eliminados, desde donde podrá restaurarlos.
# Un mensaje de la lista. $subject: su asunto; $who: su remitente.
confirm-item = <strong>{ $subject }</strong> de { $who }
confirm-no-subject = (sin asunto)
confirm-ok = Aceptar
confirm-cancel = Cancelar

## second_factor.html (the code after the password)

# Título y encabezado de la página.
second-factor-title = Segundo paso
# $user: la dirección que inicia sesión.
second-factor-intro = Escriba el código de 6 dígitos que muestra su aplicación de autenticación para <strong>{ $user }</strong>, o uno de sus códigos de recuperación.
second-factor-code-label = Código
second-factor-submit = Continuar
second-factor-lost = ¿Ha perdido su teléfono y sus códigos de recuperación? Póngase en contacto con su administrador.

## totp.html (setting up two-step sign-in)

# Título y encabezado de la página.
totp-title = Verificación en dos pasos
# Se muestra una vez, encima de los nuevos códigos de recuperación.
totp-recovery-heading = Sus códigos de recuperación.
totp-recovery-once = Cada uno sirve una sola vez, en lugar de un código de la aplicación de autenticación, si pierde su teléfono.
totp-recovery-keep = Guárdelos en un lugar seguro: solo se muestran ahora.
totp-recovery-done = Los he guardado, continuar
# $since: la fecha en que se activó; $count: cuántos códigos de recuperación sin usar quedan.
totp-status-on = { $count ->
    [one] La verificación en dos pasos está <strong>activada</strong> (desde el { $since }); queda { $count } código de recuperación.
   *[other] La verificación en dos pasos está <strong>activada</strong> (desde el { $since }); quedan { $count } códigos de recuperación.
}
totp-current-code-label = Código actual de la aplicación de autenticación
totp-new-recovery-codes = Generar nuevos códigos de recuperación
totp-turn-off = Desactivar la verificación en dos pasos
totp-scan = Escanee este código con una aplicación de autenticación (por ejemplo FreeOTP, Aegis o Google Authenticator) y luego escriba el código de 6 dígitos que muestre.
# Le sigue la clave.
totp-by-hand = ¿No puede escanearlo? Escriba esta clave a mano:
totp-code-label = Código de la aplicación
totp-turn-on = Activar
totp-required = Su organización exige la verificación en dos pasos. Configúrela para continuar.
totp-explain = Con la verificación en dos pasos, para iniciar sesión se necesitan su contraseña y un código de una aplicación de su teléfono.
totp-set-up = Configurar la verificación en dos pasos

## sessions.html

# Título de la página.
sessions-title = Sesiones
sessions-heading = Dónde tiene la sesión iniciada
# $at: fecha y hora; $ip: la dirección IP; $agent: la descripción que da el navegador de sí mismo (User-Agent).
sessions-previous = Inicio de sesión anterior: { $at } desde { $ip } ({ $agent })
# Encabezados de columna y etiquetas de celda (los teléfonos muestran la etiqueta junto a cada celda).
sessions-col-started = Inicio
sessions-col-last-active = Última actividad
# La dirección IP desde la que se inició la sesión.
sessions-col-address = Dirección IP
sessions-col-browser = Navegador
# Tras la hora de inicio de la sesión en uso.
sessions-this-one = (esta)
sessions-end-others = Cerrar las demás sesiones

## preferences.html

# Título y encabezado de la página.
preferences-title = Preferencias
# Le siguen la fecha y la hora actuales en el formato elegido.
preferences-now-example = Las fechas se muestran ahora así:
preferences-week-label = Primer día de la semana
preferences-week-monday = Lunes
preferences-week-sunday = Domingo
preferences-week-saturday = Sábado
preferences-language-label = Idioma
# Primera opción de la lista de idiomas: seguir el idioma que pide el navegador.
# Las demás opciones son el nombre propio de cada idioma (language-name).
preferences-language-browser = El idioma de su navegador
preferences-signature-label = Firma
preferences-signature-hint = Se añade debajo de los mensajes nuevos y las respuestas que escriba aquí; puede editarla en cada mensaje.
preferences-submit = Guardar preferencias

## _zone_field.html (time zone of the preferences forms, portal and admin)

zone-label = Zona horaria
# Grupos de la lista de zonas horarias: unas pocas habituales y luego todas.
zone-common = Habituales
zone-every = Todas las zonas horarias
# Lo muestra el script de la página cuando eligió la zona del navegador para un usuario que nunca guardó ninguna.
zone-suggested = Se ha elegido la zona horaria de su navegador; guarde para conservarla.

## error.html

# $reference: un código de referencia del error para el soporte.
error-reference = Referencia: <code>{ $reference }</code> (indíquela si se pone en contacto con el soporte)
error-start-page = Ir a la página de inicio

## print.html

# Título de la pestaña de la vista de impresión de un mensaje sin asunto.
print-no-subject = (sin asunto)
print-button = Imprimir

preferences-name-label = Su nombre
preferences-name-hint = Se muestra junto a { $address } en los mensajes que escribe. Vacío: el nombre que la otra parte usó para usted, si lo hay.

## passkeys.html, _passkey_enrol.html y _passkey_sign_in.html

layout-passkeys = Llaves de acceso
passkeys-title = Llaves de acceso
passkeys-explain = Una llave de acceso le permite entrar con su teléfono, ordenador o llave de seguridad: huella, cara o bloqueo de pantalla en lugar de una contraseña. Solo funciona en este sitio, así que una página falsa no puede usarla.
passkeys-offer = Añada ahora una llave de acceso y la próxima vez entrará sin contraseña ni código por correo.
passkeys-required = Su organización exige una llave de acceso. Añada una para continuar.
passkeys-unavailable = Las llaves de acceso no están disponibles en este portal.
passkeys-none = Aún no tiene llaves de acceso.
passkeys-name-label = Nombre
passkeys-rename = Cambiar nombre
passkeys-added-at = Añadida el { $at }
passkeys-last-used = usada por última vez el { $at }
passkeys-never-used = nunca usada
passkeys-synced = sincronizada con sus otros dispositivos
passkeys-remove = Quitar «{ $name }»
passkeys-new-name-label = Nombre de la nueva llave de acceso
passkeys-new-name-hint = Por ejemplo «Portátil del trabajo» o «Teléfono», para distinguir sus llaves.
passkeys-add = Añadir una llave de acceso
passkeys-add-instead = Usar una llave de acceso en su lugar
passkeys-add-failed = No se añadió ninguna llave de acceso. Inténtelo de nuevo o use otro dispositivo.
passkeys-unsupported = Este navegador no puede crear llaves de acceso (o los scripts están desactivados).
passkeys-not-now = Ahora no
passkeys-instead-heading = O use una llave de acceso en lugar de una contraseña
passkeys-instead-explain = Entre a partir de ahora con la huella, la cara o el bloqueo de pantalla de este dispositivo. La contraseña que recibió por correo dejará de funcionar.
login-passkey = Entrar con una llave de acceso
login-passkey-failed = No se pudo entrar con una llave de acceso. Inténtelo de nuevo o escriba su dirección.
