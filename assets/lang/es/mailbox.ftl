# The portal's mailbox: folder pages, search, reading a message, writing one,
# the sender's status panel, the date fields of the preferences forms, and the
# words portal.js shows on the compose page (given to it through compose.html).
# Folder names, message statuses, notices, errors and dates come from the code.

## _search_box.html

search-box-label = Buscar en sus mensajes
search-box-placeholder = Buscar remitente, asunto, texto, adjuntos
# Etiqueta de la lista de períodos junto al campo de búsqueda.
search-box-when = Recibido
search-when-any = Cualquier fecha
search-when-today = Hoy
search-when-week = Esta semana
search-when-month = Este mes
search-box-submit = Buscar

## search.html

# Título y encabezado de la página.
search-title = Buscar
# $days: cuántos días hacia atrás abarca la búsqueda (portal.archive_search_days).
search-window = { $days ->
    [one] Se busca en todas las carpetas, en los mensajes del último { $days } día.
   *[other] Se busca en todas las carpetas, en los mensajes de los últimos { $days } días.
}
search-how = Escriba las palabras que desea buscar: todas deben aparecer en el remitente, los destinatarios, el asunto, el texto o los nombres de los adjuntos.
# Título de la tabla, leído por los lectores de pantalla. $words: lo que se buscó.
search-caption = Mensajes que coinciden con { $words }, los más recientes primero
# Encabezado de columna y etiqueta de celda: el remitente, o los destinatarios de un mensaje enviado.
search-col-who = De / Para
search-col-folder = Carpeta
search-page = Página { $page }
# Sin resultados. $words: lo que se buscó; "en ese período": se eligió un período.
search-none = No hay coincidencias.
search-none-words = No hay coincidencias con «{ $words }».
search-none-period = No hay coincidencias en ese período.
search-none-words-period = No hay coincidencias con «{ $words }» en ese período.

## _rows.html (the message lists: folders and search results)

# Encabezados de columna y etiquetas de celda (los teléfonos muestran la etiqueta junto a cada celda).
rows-col-subject = Asunto
rows-col-date = Fecha
rows-col-size = Tamaño
rows-no-subject = (sin asunto)
# Tras el asunto de un mensaje no leído; solo para lectores de pantalla.
rows-unread = (sin leer)
# Información emergente y etiqueta del icono de clip de un mensaje con adjuntos.
rows-attachments = { $count ->
    [one] { $count } archivo adjunto
   *[other] { $count } archivos adjuntos
}
# Enlaces de página de la lista (etiqueta del grupo y luego los enlaces).
rows-pager-label = Páginas
rows-newer = ← Más recientes
rows-older = Más antiguos →

## mailbox.html

mailbox-folders-label = Carpetas
mailbox-new-message = Nuevo mensaje
# Información emergente del recuento de mensajes no leídos de una carpeta.
mailbox-unread-title = sin leer
# Leído por los lectores de pantalla justo después del recuento de no leídos ("3 sin leer").
mailbox-unread-after-count = { $count ->
    [one] sin leer
   *[other] sin leer
}
# $days: cuántos días permanecen los mensajes en las carpetas (portal.inbox_days).
mailbox-window = { $days ->
    [one] Mensajes del último { $days } día.
   *[other] Mensajes de los últimos { $days } días.
}
# Lo mismo con $total, el número de mensajes de la carpeta mostrada.
mailbox-window-total = { $days ->
    [one] Mensajes del último { $days } día: { $total }.
   *[other] Mensajes de los últimos { $days } días: { $total }.
}
# Etiqueta de los botones que actúan sobre los mensajes marcados.
mailbox-selected-label = Con los mensajes seleccionados
# Título de la tabla, leído por los lectores de pantalla. $folder: nombre de la carpeta.
mailbox-caption = { $folder }, los más recientes primero
# Encabezado de la columna de casillas; solo para lectores de pantalla.
mailbox-col-select = Seleccionar
mailbox-col-from = De
# Encabezado en la carpeta Enviados: los destinatarios.
mailbox-col-to = Para
mailbox-col-status = Estado
# Etiqueta de la casilla de un mensaje. $subject: asunto del mensaje.
mailbox-select-message = Seleccionar { $subject }
mailbox-page = Página { $page } de { $pages }
mailbox-empty = No hay mensajes.

## message.html

message-no-subject = (sin asunto)
# Enlace de vuelta a la carpeta. $folder: nombre de la carpeta.
message-back = ← { $folder }
message-reply = Responder
message-reply-all = Responder a todos
message-print = Imprimir
message-open-tab = Abrir en otra pestaña
message-download-eml = Descargar .eml
# Se imprime en lugar del mensaje cuando el remitente prohibió imprimirlo.
message-print-refused = El remitente ha pedido que este mensaje no se imprima. Solo se puede leer en el portal seguro.

## _message_body.html (the message page and the print view)

# Nombres de los encabezados.
body-from = De
body-to = Para
body-cc = CC
body-received = Recibido
body-expires = Caduca
body-attachments-label = Adjuntos
# $count: cuántas imágenes del mensaje se habrían descargado de otro sitio.
body-images-blocked = { $count ->
    [one] No se ha cargado { $count } imagen remota, así que el remitente no puede saber cuándo lee usted este mensaje.
   *[other] No se han cargado { $count } imágenes remotas, así que el remitente no puede saber cuándo lee usted este mensaje.
}
body-show-images = Mostrar imágenes
body-frame-title = Cuerpo del mensaje
# Tras el motivo por el que no se muestra el texto con formato.
body-too-complex-download = Descargue el mensaje (.eml) para abrirlo en su programa de correo.
body-too-complex-no-download = El remitente no permite descargarlo; pídale una copia más sencilla.
body-plain-follows = A continuación se muestra su versión en texto sin formato.
body-text-cut = El texto se corta aquí: es demasiado largo para mostrarlo completo.
body-text-cut-download = Descargue el mensaje (.eml) para leerlo completo.

## _actions.html (buttons on the folder pages and the message page)

actions-mark-read = Marcar como leído
actions-mark-unread = Marcar como no leído
actions-restore = Restaurar
actions-purge = Eliminar definitivamente
actions-delete = Eliminar

## compose.html

compose-new-title = Nuevo mensaje seguro
compose-reply-title = Responder
compose-reply-all-title = Responder a todos
# Tras el error que impidió enviar una respuesta o un mensaje.
compose-recipients-label = Destinatarios
compose-to = Para
compose-cc = CC
compose-reply-hint = Una respuesta solo llega a las personas del mensaje original.
compose-to-hint = Separe las direcciones con comas.
# $domains: los dominios de correo de la organización, "example.org, example.com".
compose-to-domains = Puede escribir a direcciones de { $domains }.
# Lo mismo cuando no hay ningún dominio configurado.
compose-to-organisation = Puede escribir a direcciones de la organización de su interlocutor.
compose-subject = Asunto
compose-body = Mensaje
compose-attachments = Adjuntos
# $limit: el tamaño permitido, "50 MB".
compose-attachments-hint = Hasta { $limit } en total.
compose-options = Opciones de mensajería segura
compose-mode = Entrega segura
compose-mode-external = Solo destinatarios externos
compose-mode-all = Todos los destinatarios
compose-mode-off = Desactivada (las políticas se siguen aplicando)
compose-read-receipt = Solicitar confirmación de lectura
compose-restriction = Restricciones
compose-restriction-none = Ninguna
compose-restriction-no-print = Restringido – sin imprimir
compose-restriction-no-print-no-reply = Restringido – sin imprimir ni responder
compose-expiry = El mensaje caduca en
# Una opción de la lista de caducidad.
compose-expiry-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
# Lo mismo para el valor predeterminado de la organización.
compose-expiry-days-default = { $days ->
    [one] { $days } día (por defecto)
   *[other] { $days } días (por defecto)
}
compose-upload-progress = Progreso de la carga
compose-send = Enviar

## portal.js (the compose page's script; compose.html gives it these texts)
## In the page $size, $n and $percent are placeholders, "{size}", "{n}" and
## "{percent}", that the script replaces with the value (once each): keep each once.

# Se muestra en cuanto los archivos elegidos superan el límite. $size: su total
# (uno de los textos script-size- de abajo); $limit: el tamaño permitido, "50 MB".
script-size-error = Los archivos adjuntos suman { $size }; el total permitido por mensaje es { $limit }. Quite algunos e inténtelo de nuevo.
# Tamaños tal como los escribe el servidor (unidades decimales, redondeadas hacia arriba). $n: el número, "999", "13", "4.2".
script-size-bytes = { $n } bytes
script-size-kb = { $n } kB
script-size-mb = { $n } MB
script-size-gb = { $n } GB
# $percent: qué parte del mensaje se ha enviado, de 0 a 100.
script-uploading = Subiendo… { $percent } %
script-send-failed = No se pudo enviar el mensaje: falló la conexión. Inténtelo de nuevo.

## _tracking.html (the sender's status panel on their own sent message)

# Antes del estado del mensaje ("Estado de entrega: Leído").
tracking-title = Estado de entrega:
# $expires, $extended: fechas.
tracking-expires = Caduca el { $expires }.
tracking-expires-extended = Caduca el { $expires } (prorrogado el { $extended }).
tracking-recalled = Retirado el { $recalled }.
tracking-caption = Estado por destinatario
tracking-col-recipient = Destinatario
tracking-col-status = Estado
# Encabezado de la columna de botones; solo para lectores de pantalla.
tracking-col-access = Acceso
# Tras el estado de un destinatario: cuándo leyó el mensaje.
tracking-read-at = (leído el { $date })
tracking-grant = Restablecer acceso
tracking-revoke = Revocar acceso
# Leído por los lectores de pantalla tras la etiqueta del botón ("Revocar acceso de bob@example.org").
tracking-access-for = de { $address }
tracking-extend-label = Prorrogar caducidad hasta
tracking-extend = Prorrogar
# $limit: la fecha en que termina el período de retención.
tracking-extend-hint = Una sola vez por mensaje, y nunca más allá del { $limit } (el período de retención).
# La casilla que hay que marcar antes de retirar (la negativa cuando no está marcada la cita).
tracking-recall-confirm = Entiendo que la retirada no se puede deshacer
tracking-recall = Retirar de todos los destinatarios
tracking-recall-hint = Las respuestas ya enviadas no se ven afectadas.

## _date_fields.html (the portal's and the admin console's preferences)

dates-format = Formato de fecha
dates-clock = Formato de hora
dates-clock-24 = 24 horas (14:05)
dates-clock-12 = 12 horas (2:05 p. m.)

mailbox-drafts = Borradores
drafts-hint = Mensajes empezados, guardados mientras escribe. Abra uno para seguir; se guardan como máximo { $most }.
drafts-col-saved = Guardado
drafts-col-actions = Acciones
drafts-attachments = { $count ->
    [one] 1 archivo
   *[other] { $count } archivos
} ({ $size })
drafts-delete = Eliminar
drafts-delete-label = Eliminar el borrador «{ $subject }»
drafts-empty = No hay borradores. Lo que escribe se guarda aquí hasta que lo envía.
compose-bcc = CCO
compose-bcc-hint = Copias ocultas: estos destinatarios reciben el mensaje sin que nadie lo vea.
compose-remove-file = Quitar { $name }
compose-choose-files = Elegir archivos
compose-drop-hint = …o suelte archivos aquí.
compose-stay-signed-in = Seguir conectado
compose-session-ended = Su sesión ha terminado. Su texto se ha guardado como borrador: inicie sesión de nuevo para seguir escribiendo.
compose-sign-in-again = Iniciar sesión de nuevo
compose-save-draft = Guardar borrador
script-draft-saved = Borrador guardado: { $time }
script-draft-save-failed = No se pudo guardar el borrador ahora; se vuelve a intentar mientras escribe.
script-draft-gone = Este borrador se envió o eliminó en otra ventana. Lo que escriba ahora se guarda como un borrador nuevo.
script-attached-total = { $size } adjuntos de { $limit }
script-session-ending = Su sesión termina en { $minutes } min si no sigue conectado.

editor-toolbar-label = Formato
editor-bold = Negrita (Ctrl+B)
editor-italic = Cursiva (Ctrl+I)
editor-bullets = Lista con viñetas (Ctrl+Mayús+8)
editor-numbers = Lista numerada (Ctrl+Mayús+7)
editor-quote = Cita (Ctrl+Mayús+9)
editor-link = Enlace (Ctrl+K)
editor-link-address = Dirección del enlace
editor-link-apply = Añadir enlace
editor-link-cancel = Cancelar

# The line above the quoted original in a reply; $when: its date as the user reads dates; $from: its sender.
compose-quote-attribution = El { $when }, { $from } escribió:

message-forward = Reenviar
compose-forward-title = Reenviar
# The block above a forwarded message's text; $when: its date as the user reads dates.
compose-forward-block =
    ---------- Mensaje reenviado ----------
    De: { $from }
    Fecha: { $when }
    Asunto: { $subject }
    Para: { $to }
