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

# Enlace y botón que abren el formulario para añadir una cuenta (directorio, usuarios,
# título y botón del propio formulario).
admin-add-user = Añadir usuario
# Enlace de vuelta a la lista de dominios desde los usuarios de un dominio y desde "Añadir usuario".
admin-back-directory = ← Directorio

## _admin.html (header and navigation of every admin page)

# Tras el nombre de la organización en el encabezado: "Example Corp consola de administración".
admin-brand-tagline = consola de administración
# El botón que abre la navegación en los teléfonos.
admin-menu = Menú
# Nombre de la navegación, leído por los lectores de pantalla.
admin-nav-label = Administración
admin-nav-dashboard = Panel
admin-nav-directory = Directorio
admin-nav-monitor = Monitor
admin-nav-report = Informe
admin-nav-audit = Auditoría
admin-nav-settings = Configuración
# El campo de búsqueda del encabezado (etiqueta para lectores de pantalla y luego el texto de ejemplo).
admin-find-user-label = Buscar un usuario en todos los dominios
admin-find-user-placeholder = Buscar un usuario
# Información emergente del nombre del administrador en el encabezado, un enlace a sus preferencias.
admin-preferences-link-title = Sus preferencias
admin-sign-out = Cerrar sesión

## _admin_fields.html (the date range of the monitor, the report and the audit)

# Etiquetas de los dos campos de día; el formato de fecha sigue entre paréntesis, p. ej. "Desde (DD/MM/AAAA)".
admin-fields-from = Desde
admin-fields-to = Hasta

## admin_dashboard.html

# Título de la página (también leído como encabezado por los lectores de pantalla).
admin-dashboard-title = Panel
admin-dashboard-traffic = Mensajes seguros
# Encabezados de columna de la tabla de tráfico.
admin-dashboard-today = Hoy
admin-dashboard-week = Últimos 7 días
# Encabezados de fila de la tabla de tráfico.
admin-dashboard-sent-by-us = Enviados por nosotros
admin-dashboard-from-partners = Respuestas y mensajes de colaboradores
admin-dashboard-by-status = Últimos 7 días por estado
# Un recuento y un nombre de estado (traducido en otro archivo), p. ej. "3 Leído".
admin-dashboard-status-count = <strong>{ $count }</strong> { $status }
admin-dashboard-outbox = Bandeja de salida
admin-dashboard-pending = { $count ->
        [one] <strong>{ $count }</strong> pendiente de envío
       *[other] <strong>{ $count }</strong> pendientes de envío
    }
# Sigue a admin-dashboard-pending cuando hay correo en espera; después va la antigüedad
# del más antiguo ("3 días", "5 minutos").
admin-dashboard-oldest = ; el más antiguo desde hace
admin-dashboard-dead = { $count ->
        [one] <strong>{ $count }</strong> con fallo definitivo
       *[other] <strong>{ $count }</strong> con fallo definitivo
    }
admin-dashboard-stuck = Hay correo con retraso: compruebe el relay (el registro indica por qué falla).
admin-dashboard-sign-ins = Inicios de sesión, últimas 24 horas
# $plus es "+" cuando solo se contaron los últimos eventos (el recuento es entonces el mínimo), si no, vacío.
admin-dashboard-failed-portal = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> inicio de sesión fallido en el portal
       *[other] <strong>{ $count }{ $plus }</strong> inicios de sesión fallidos en el portal
    }
admin-dashboard-failed-admin = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> inicio de sesión de administrador fallido
       *[other] <strong>{ $count }{ $plus }</strong> inicios de sesión de administrador fallidos
    }
admin-dashboard-lockouts = { $count ->
        [one] <strong>{ $count }{ $plus }</strong> bloqueo
       *[other] <strong>{ $count }{ $plus }</strong> bloqueos
    }
# $cap: cuántos de los últimos eventos se contaron.
admin-dashboard-capped = { $cap ->
        [one] Se contó el último evento; hubo más.
       *[other] Se contaron los últimos { $cap } eventos; hubo más.
    }
admin-dashboard-appliance = Este equipo
admin-dashboard-certificate = Certificado
# El certificado TLS; $date: cuándo caduca.
admin-dashboard-cert-valid = válido hasta el { $date }
# Tras admin-dashboard-cert-valid; $left: el tiempo que queda ("40 días").
admin-dashboard-cert-left = (dentro de { $left })
admin-dashboard-cert-unreadable = ilegible
# El almacén cifrado de mensajes; sigue su tamaño.
admin-dashboard-vault = Bóveda
# Espacio en disco; $free y $total son tamaños ("12 GB").
admin-dashboard-disk-free = { $free } libres de { $total }
admin-dashboard-version = Versión
admin-dashboard-running = En ejecución
# Tras el tiempo en marcha ("3 días"); $date: cuándo se inició Cloister.
admin-dashboard-since = (desde el { $date })
# $algorithm: el tipo de clave, p. ej. RSA o ED25519.
admin-dashboard-dkim-hint = Los avisos van firmados (tipo de clave { $algorithm }). Publique este registro TXT para que los receptores puedan comprobar la firma:

## admin_domains.html

admin-directory-title = Directorio
# «Añadir usuario» es el botón admin-add-user; cloister user add es un comando.
admin-directory-hint = Todos los dominios para los que se ha retenido correo seguro, con sus usuarios. Las cuentas se crean cuando un mensaje seguro llega por primera vez a una dirección (o las crea un administrador con «Añadir usuario», o con <code>cloister user add</code>).
# Etiqueta (para lectores de pantalla) y texto de ejemplo del campo de búsqueda.
admin-directory-find = Buscar un dominio
admin-directory-find-button = Buscar
# Título de la tabla, leído por los lectores de pantalla.
admin-directory-caption = Dominios
# Encabezados de columna y etiquetas de celda.
admin-directory-col-domain = Dominio
admin-directory-col-users = Usuarios
admin-directory-col-denied = Acceso denegado
admin-directory-col-held = Mensajes retenidos
admin-directory-col-last = Última retención
admin-directory-col-kind = Tipo
# El tipo de un dominio: sus usuarios inician sesión con códigos enviados por correo (interno) o son colaboradores (externo).
admin-directory-internal = interno
admin-directory-external = externo
# Enlaces de página (etiqueta del grupo y luego los enlaces).
admin-directory-pages = Páginas
admin-directory-first = « Primera
admin-directory-next = Siguiente →
# $found: lo que buscó el administrador.
admin-directory-none-match = Ningún dominio coincide con «{ $found }».
admin-directory-none = Aún no hay dominios.

## admin_users.html

# Título de la página y de la tabla cuando se listan los usuarios de todos los dominios.
admin-users-title = Usuarios
# Encabezado y título de la tabla; $domain: un nombre de dominio.
admin-users-of = Usuarios de { $domain }
admin-users-of-every = Usuarios de todos los dominios
# Etiqueta (para lectores de pantalla) y texto de ejemplo del campo de búsqueda.
admin-users-find = Buscar un usuario
admin-users-find-button = Buscar
# Encabezados de columna y etiquetas de celda.
admin-users-col-address = Dirección
admin-users-col-last = Último acceso
admin-users-col-state = Estado
# Un usuario que nunca inició sesión.
admin-users-never = nunca
# Lo que muestra la columna Estado (pueden aparecer varios, uno tras otro).
admin-users-logon-denied = inicio de sesión denegado
admin-users-sending-denied = envío denegado
admin-users-locked = bloqueado
admin-users-must-change = debe cambiar la contraseña
# $max: cuántos usuarios muestra la lista como máximo.
admin-users-only-first = { $max ->
        [one] Solo se muestra el primero; restrinja la búsqueda.
       *[other] Solo se muestran los { $max } primeros; restrinja la búsqueda.
    }
# $q: lo que buscó el administrador.
admin-users-none-match = Ningún usuario coincide con «{ $q }».
admin-users-none = No hay usuarios.

## admin_user.html (one user; the page title and heading are the address)

admin-user-kind = Tipo
admin-user-internal = interno (inicia sesión con códigos enviados por correo)
admin-user-internal-org = interno (inicia sesión con la cuenta de la organización)
admin-user-password-ldap = Su contraseña es la del directorio de la organización: se establece y restablece allí, no aquí.
admin-user-password-oidc = Inicia sesión en { $name }: su contraseña se establece y restablece allí, no aquí.
admin-user-external = externo
admin-user-created = Creado
# Encabezado de fila, de sección y etiqueta del campo de contraseña nueva.
admin-user-password = Contraseña
# El estado de la contraseña.
admin-user-password-set = establecida
admin-user-password-none = ninguna todavía
# Se añade tras el estado de la contraseña (de ahí el "; " inicial).
admin-user-must-change = ; debe cambiarla en el próximo inicio de sesión
admin-user-logon = Inicio de sesión
# Estado del inicio de sesión y del envío.
admin-user-allowed = permitido
admin-user-denied = denegado
# Se añade tras el estado del inicio de sesión (de ahí el "; " inicial).
admin-user-locked = ; bloqueado tras inicios de sesión fallidos
admin-user-sending = Envío
admin-user-two-step = Verificación en dos pasos
admin-user-two-step-on = configurada
admin-user-two-step-off = sin configurar
admin-user-directory = Inicio de sesión de la organización
admin-user-signs-in = Inicia sesión con
admin-user-via-ldap = la contraseña del directorio de la organización (LDAP)
admin-user-via-oidc = { $name } (OpenID Connect)
admin-user-entry = Entrada del directorio
admin-user-entry-none = aún no ha iniciado sesión de esta forma
admin-user-groups = Grupos
admin-user-groups-none = ninguno
admin-user-as-of = A fecha de
admin-user-secure = Envío seguro
admin-user-secure-policy = lo decide policy.secure_mode_senders
admin-user-secure-by-ldap = permitido: por el grupo LDAP { $group }
admin-user-secure-by-oidc = permitido: por el grupo { $group } de { $name }
admin-user-secure-not = no permitido: no está en ningún grupo de envío seguro
admin-user-confirm-password = Confirmar contraseña
# La casilla bajo los campos de contraseña.
admin-user-force-tick = Forzar cambio en el próximo inicio de sesión
admin-user-set-password = Establecer esta contraseña
# Estos dos piden confirmación antes (de ahí los "…").
admin-user-reset-mail = Generar una y enviarla por correo…
admin-user-reset-show = Generar una y mostrármela…
admin-user-password-hint = Escriba una contraseña dos veces y establézcala, o deje los campos vacíos y deje que Cloister genere una. La casilla se aplica a las tres opciones.
# Nombre de un grupo de botones, leído por los lectores de pantalla.
admin-user-password-change = Cambio de contraseña
admin-user-force-change = Forzar cambio de contraseña en el próximo inicio de sesión
# Encabezado de sección y nombre de su grupo de botones.
admin-user-access = Acceso
admin-user-deny-logon = Denegar inicio de sesión
admin-user-allow-logon = Permitir inicio de sesión
admin-user-deny-sending = Denegar envío
admin-user-allow-sending = Permitir envío
admin-user-unlock = Desbloquear inicio de sesión
admin-user-sign-ins = Últimos inicios de sesión
admin-user-sign-ins-caption = Últimos inicios de sesión, los más recientes primero
admin-user-col-when = Cuándo
admin-user-col-what = Qué
admin-user-no-sign-ins = Aún no hay inicios de sesión.
admin-user-delete = Eliminar
# Pide confirmación antes (de ahí los "…").
admin-user-delete-account = Eliminar cuenta…
admin-user-delete-hint = Pide confirmación antes. Las entradas del buzón se eliminan; la auditoría y los registros de mensajes se conservan.

## admin_user_new.html (title, heading and button: admin-add-user)

admin-new-user-address = Correo electrónico
# $domains: los dominios internos, separados por comas.
admin-new-user-internal-domains = Las direcciones de { $domains } pasan a ser usuarios internos, que inician sesión con un código que se les envía por correo cuando lo solicitan. Cualquier otra dirección es un colaborador externo.
admin-new-user-no-internal-domains = Todas las direcciones son colaboradores externos (no hay dominios internos configurados).
admin-new-user-mail = Enviar ahora una contraseña de un solo uso por correo (el correo de primer contacto)
# «¿Olvidó su contraseña?» es el enlace de la página de inicio de sesión del portal: use las mismas palabras.
admin-new-user-mail-hint = Sin esta opción no se envía nada: establezca una contraseña en la página siguiente, o el usuario solicitará una con «¿Olvidó su contraseña?».

## admin_confirm.html (an action that takes something away asks first)

# Título y encabezado de la página; $title: la acción ("Denegar inicio de sesión", de console-confirm-*-title).
admin-confirm-question = ¿{ $title }?
# La cuenta; a continuación va la consecuencia (console-confirm-*).
admin-confirm-for = Para <strong>{ $address }</strong>.
admin-confirm-cancel = Cancelar

## admin_password.html (a one-time password shown once)

admin-password-title = Contraseña nueva
admin-password-heading = Nueva contraseña de un solo uso
admin-password-for = Para <strong>{ $address }</strong>. Solo se muestra ahora; transmítala por un canal seguro.
# Uno de estos dos sigue a admin-password-for.
admin-password-must-change = El usuario debe elegir la suya en el próximo inicio de sesión.
admin-password-may-keep = El usuario puede conservarla.
admin-password-back = Volver al usuario

## admin_monitor.html

# Título de la página y luego encabezado.
admin-monitor-title = Monitor
admin-monitor-heading = Monitor de mensajes seguros
admin-monitor-indexing = Los mensajes guardados antes de esta versión aún se están indexando: los recuentos y las listas muestran los procesados hasta ahora.
admin-monitor-words = Dirección o palabras del asunto
# Leyenda de las casillas de estado y nombre de las pestañas de estado (para lectores de pantalla).
admin-monitor-status = Estado
admin-monitor-apply = Aplicar
admin-monitor-capped = Coinciden más mensajes de los que se contaron: los recuentos son el mínimo. Añada palabras o fechas para restringir la búsqueda.
# Título de la tabla, leído por los lectores de pantalla.
admin-monitor-caption = Mensajes seguros, los más recientes primero
# Encabezados de columna y etiquetas de celda de la lista de mensajes.
admin-monitor-col-received = Recibido
admin-monitor-col-sender = Remitente
admin-monitor-col-recipients = Destinatarios seguros
# Las reglas de la política que retuvieron el mensaje (sus nombres quedan como están configurados).
admin-monitor-col-policy = Política
admin-monitor-col-subject = Asunto
admin-monitor-col-status = Estado
# Tras el estado de un mensaje cuya caducidad se prorrogó.
admin-monitor-extended = (prorrogado)
# Enlaces de página (etiqueta del grupo y luego los enlaces).
admin-monitor-pages = Páginas
admin-monitor-newest = « Primera
admin-monitor-newer = ← Más recientes
admin-monitor-older = Más antiguos →
admin-monitor-oldest = Última »
admin-monitor-empty = Ningún mensaje coincide.
admin-monitor-outbox = Bandeja de salida
# Correo que Cloister aún tiene que enviar. $count: cuántos; $age: cuánto lleva esperando el más antiguo ("3 días").
admin-monitor-waiting = { $count ->
        [one] <strong>{ $count }</strong> pendiente de envío.
       *[other] <strong>{ $count }</strong> pendientes de envío.
    }
admin-monitor-waiting-oldest = { $count ->
        [one] <strong>{ $count }</strong> pendiente de envío, desde hace { $age }.
       *[other] <strong>{ $count }</strong> pendientes de envío, el más antiguo desde hace { $age }.
    }
admin-monitor-overdue = Algunos van con retraso: el registro indica por qué los rechaza el relay.
# Filas de la bandeja de salida que Cloister dio por perdidas.
admin-monitor-dead = Envíos fallidos
# $row: el número de la fila de la bandeja de salida.
admin-monitor-retried = La fila { $row } de la bandeja de salida vuelve a estar en la cola.
admin-monitor-dead-caption = Filas de la bandeja de salida abandonadas
# Encabezados de columna y etiquetas de celda de las filas con fallo definitivo.
admin-monitor-col-row = Fila
admin-monitor-col-kind = Tipo
admin-monitor-col-to = Para
admin-monitor-col-reply = Última respuesta
# $error: la última respuesta del servidor de correo (tal cual); $attempts: cuántas veces lo intentó Cloister.
admin-monitor-reply = { $attempts ->
        [one] { $error } ({ $attempts } intento)
       *[other] { $error } ({ $attempts } intentos)
    }
# Botón (y encabezado de su columna, para lectores de pantalla).
admin-monitor-retry = Reintentar
# $shown: filas listadas; $total: filas con fallo definitivo. El comando queda como está.
admin-monitor-dead-more = { $shown ->
        [one] Se muestra la más reciente de { $total }; <code>cloister outbox list --status dead</code> las muestra todas.
       *[other] Se muestran las { $shown } más recientes de { $total }; <code>cloister outbox list --status dead</code> las muestra todas.
    }
admin-monitor-dead-none = Ningún envío ha fallado definitivamente.
# Botón que cierra la historia de un mensaje mostrada sobre la lista (para lectores de pantalla).
admin-monitor-close = Cerrar

## admin_message.html (one message's story)

# Título de la página; $queue_id: el id de cola del mensaje (hexadecimal).
admin-message-title = Mensaje { $queue_id }
admin-message-back = ← Monitor
# Encabezado; a continuación va el estado del mensaje.
admin-message-heading = Mensaje { $queue_id }:
admin-message-sender = Remitente
admin-message-subject = Asunto
admin-message-received = Recibido
# $date: cuándo; $client: la dirección del servidor que entregó el mensaje.
admin-message-received-from = { $date } desde { $client }
admin-message-expires = Caduca
# Tras la fecha de caducidad.
admin-message-extended-on = (prorrogado el { $date })
admin-message-recalled = Retirado
admin-message-size = Tamaño
admin-message-bytes = { $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }
admin-message-restriction = Restricción
# $restriction: "ninguna", "sin imprimir"… (traducido en otro archivo).
admin-message-receipt-asked = { $restriction }; confirmación de lectura solicitada
admin-message-receipt-not-asked = { $restriction }; confirmación de lectura no solicitada
admin-message-recipients = Destinatarios
admin-message-recipients-caption = Destinatarios con decisión y estado
# Encabezados de columna y etiquetas de celda.
admin-message-col-address = Dirección
# La decisión de la política y la regla que la tomó, p. ej. "vault (keyword:[secure])"; ambas quedan como están.
admin-message-col-decision = Decisión (regla)
admin-message-col-state = Estado
# Se añade tras el estado de un destinatario (de ahí el ", " inicial); $date: cuándo lo leyó por primera vez.
admin-message-read-at = , leído el { $date }
admin-message-revoked = , acceso revocado
admin-message-outbox = Bandeja de salida
admin-message-outbox-caption = Correo de este mensaje aún en cola o con fallo definitivo
admin-message-col-row = Fila
admin-message-col-kind = Tipo
admin-message-col-to = Para
# El estado de una fila de la bandeja de salida ("pending", "dead": queda como está), cuántas veces
# se intentó y el último error.
admin-message-outbox-state = { $attempts ->
        [one] { $state } tras { $attempts } intento
       *[other] { $state } tras { $attempts } intentos
    }
admin-message-outbox-state-error = { $attempts ->
        [one] { $state } tras { $attempts } intento: { $error }
       *[other] { $state } tras { $attempts } intentos: { $error }
    }
admin-message-events = Registro de eventos

## admin_report.html

admin-report-title = Informe
admin-report-heading = Mensajes seguros por día
admin-report-show = Mostrar
admin-report-csv = Descargar CSV
# $total, $outbound, $inbound: recuentos; $from, $to: el primer y el último día.
admin-report-total = { $total ->
        [one] { $total } mensaje seguro
       *[other] { $total } mensajes seguros
    } del { $from } al { $to } (UTC): { $outbound ->
        [one] { $outbound } saliente
       *[other] { $outbound } salientes
    }, { $inbound ->
        [one] { $inbound } respuesta entrante
       *[other] { $inbound } respuestas entrantes
    }.
admin-report-caption = Mensajes por día, los más recientes primero
# Encabezados de columna y etiquetas de celda.
admin-report-col-day = Día
admin-report-col-outbound = Salientes
admin-report-col-inbound = Entrantes
admin-report-col-total = Total

## admin_audit.html

admin-audit-title = Auditoría
# Etiqueta de la lista de tipos de evento; su primera opción es admin-audit-kind-all.
admin-audit-kind = Tipo
admin-audit-kind-all = Todo
admin-audit-words = Dirección o palabras
admin-audit-filter = Filtrar
admin-audit-export = Exportar CSV
admin-audit-caption = Eventos de auditoría, los más recientes primero
# Encabezados de columna y etiquetas de celda.
admin-audit-col-when = Cuándo (UTC)
admin-audit-col-kind = Tipo
admin-audit-col-who = Quién
admin-audit-col-what = Qué
# $shown: cuántos eventos muestra la página como máximo.
admin-audit-full = { $shown ->
        [one] Se muestra el más reciente; restrinja el filtro o exporte el CSV para ver más.
       *[other] Se muestran los { $shown } más recientes; restrinja el filtro o exporte el CSV para ver más.
    }
admin-audit-empty = Ningún evento coincide.

## admin_settings.html

admin-settings-title = Configuración
admin-settings-heading = Configuración vigente
admin-settings-read-only = Solo lectura.
# A continuación va la ruta del archivo de configuración y un punto.
admin-settings-file = Toda la configuración está en un único archivo:
admin-settings-no-file = Toda la configuración está en un único archivo: no se usa ninguno (valores predeterminados integrados; <code>cloister init</code> crea uno).
admin-settings-edit = Edítelo y reinicie Cloister; <code>cloister check-config</code> muestra la misma lista y antes comprueba el archivo.
admin-settings-caption = Cada parámetro con su valor y su origen
# Encabezados de columna y etiquetas de celda: nombre del parámetro, su valor, dónde se estableció.
admin-settings-col-setting = Parámetro
admin-settings-col-value = Valor
admin-settings-col-from = Origen

## admin_preferences.html (its date and time zone fields have their own messages: dates-*, zone-*)

admin-prefs-title = Sus preferencias
# A continuación va la hora actual en el formato elegido y un punto.
admin-prefs-dates-shown = En la consola, las fechas se le muestran así:
admin-prefs-utc = Los filtros de fecha y el informe cuentan días UTC completos; los archivos CSV se mantienen en UTC.
admin-prefs-save = Guardar

## admin_login.html

admin-login-title = Inicio de sesión de administrador
admin-login-name = Nombre de administrador
admin-login-password = Contraseña
# El código de seis dígitos de una aplicación de autenticación; el segundo cuando puede dejarse vacío.
admin-login-code = Código de autenticación
admin-login-code-optional = Código de autenticación (si está configurado)
admin-login-submit = Iniciar sesión
# El comando queda como está (NAME es el nombre del nuevo administrador).
admin-login-hint = Los administradores se crean en el propio equipo con <code>cloister admin add NAME</code>.
admin-login-passkey-only = Esta consola solo acepta llaves de acceso. Un administrador que aún no tiene ninguna entra una vez con contraseña y código para añadir una.

admin-nav-passkeys = Llaves de acceso
admin-user-passkeys = Llaves de acceso
admin-user-no-passkeys = Sin llaves de acceso.
