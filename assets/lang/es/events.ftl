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

## Llega un mensaje y la política decide
event-received = recibido de [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size }
event-received-auth = recibido de [{ $client }] helo={ $helo } sender=<{ $sender }> size={ $size } auth={ $auth }
event-held = retenido en la bóveda de aislamiento para { $recipient } (regla { $rule }); aviso en cola
event-ordinary = entrega normal para { $recipient } (regla { $rule })
event-written-in-portal = escrito en el portal por { $author } desde { $client }: modo { $mode }, caduca en { $days ->
        [one] { $days } día
       *[other] { $days } días
    }, restricción { $restriction }, confirmación de lectura { $read_receipt ->
        [yes] solicitada
       *[no] no solicitada
    }{ $bcc ->
        [yes] , copia al servidor de correo
       *[no] { "" }
    }
event-secure-header-ignored = { $header } ignorado: el remitente <{ $sender }> no puede elegir el modo seguro
event-account-created-internal = cuenta creada para { $address } (interna: inicia sesión con un código enviado por correo; no se envía ninguna contraseña)
event-account-created-external = cuenta creada para { $address }; credenciales de primer contacto en cola
event-sender-account-created = cuenta creada para el remitente { $address } (interna: inicia sesión con un código enviado por correo; no se envía ninguna contraseña)
event-replied-to = respondido por { $by } (mensaje { $reply })

## La bandeja de salida
event-queued = en cola para { $outbox } (fila { $row } de la bandeja de salida) a { $to }
event-tls-failed-recalled = TLS con { $recipient } imposible ({ $reason }); no retenido: el remitente había retirado el mensaje
event-tls-failed-held = TLS con { $recipient } imposible ({ $reason }); retenido en su lugar en la bóveda de aislamiento; aviso en cola
event-sent = { $sent } { $to } (intento { $attempt }): { $reply }
event-attempt-failed = intento { $attempt } de { $outbox } fallido: { $error }; próximo intento: { $next }
event-failed-for-good = { $outbox } falló definitivamente tras { $attempts ->
        [one] { $attempts } intento
       *[other] { $attempts } intentos
    }: { $error }
event-one-time-password-issued = contraseña de un solo uso emitida para { $address }
event-follow-up-queued = { $outbox } a { $to } en cola
event-put-back = { $outbox } (fila { $row } de la bandeja de salida) devuelto a la cola

## Lectores y remitentes
event-read-by = leído por { $reader } desde { $ip } ({ $agent })
event-read-receipt-queued = confirmación de lectura en cola para { $sender }
event-removed-from-mailbox = quitado del buzón de { $address }
event-marked-read = marcado como leído por { $by }
event-marked-unread = marcado como no leído por { $by }
event-moved-to-deleted = movido a Eliminados por { $by }
event-restored = restaurado a { $folder } por { $by }
event-recalled = retirado por { $by }: quitado del buzón de todos los destinatarios
event-recalled-cancelled = retirado por { $by }: quitado del buzón de todos los destinatarios; aviso aún no enviado cancelado para { $cancelled }
event-extended = caducidad prorrogada del { $from } al { $until } por { $by }
event-access-granted = acceso restablecido a { $to } por { $by }
event-access-revoked = acceso revocado a { $of } por { $by }
event-damaged = dañado: sus { $part } almacenados no se abren (modificados en disco o sellados con otra clave maestra); a los lectores se les indica que no se puede mostrar

## Retención
event-expired = caducado: los destinatarios aún pueden leerlo, imprimirlo y eliminarlo, pero ya no responderlo
event-purged = purgado tras el período de retención ({ $days ->
        [one] { $days } día
       *[other] { $days } días
    }): registro, bytes almacenados ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }) y { $entries ->
        [one] { $entries } entrada de buzón
       *[other] { $entries } entradas de buzón
    } eliminados

## Cuentas del portal
event-signed-in = inició sesión con { $method } desde { $ip } ({ $agent })
# How a user signed in, inside event-signed-in.
event-method-password = una contraseña
event-method-code = un código enviado por correo
event-method-directory = la contraseña del directorio
event-method-provider = el proveedor de identidad de la organización
event-signed-in-pending = inició sesión con { $method } desde { $ip } ({ $agent }); segundo paso pendiente
event-sign-in-refused = inicio de sesión rechazado desde { $ip }: { $why }
event-sign-in-refused-locked = inicio de sesión rechazado desde { $ip }: { $why }; ahora bloqueada
event-signed-out = cerró sesión
event-ended-other-sessions = cerró { $count ->
        [one] { $count } otra sesión
       *[other] { $count } otras sesiones
    }
event-account-added = creó la cuenta { $internal ->
        [yes] interna
       *[no] externa
    } { $address } ({ $mailed ->
        [yes] contraseña de un solo uso en cola para enviarse por correo
       *[no] sin contraseña, no se envió nada
    })
event-preferences-saved = preferencias guardadas: fechas { $date_format }, reloj de { $clock_hours } horas, inicio de semana { $week_starts }, zona horaria { $time_zone }, idioma { $language }, firma de { $chars ->
        [one] { $chars } carácter
       *[other] { $chars } caracteres
    }
event-password-changed = cambió la contraseña ({ $sessions ->
        [one] { $sessions } otra sesión cerrada
       *[other] { $sessions } otras sesiones cerradas
    })
event-reset-asked = solicitó un restablecimiento de contraseña desde { $ip }
event-reset-asked-too-soon = solicitó un restablecimiento de contraseña desde { $ip }: lo volvió a solicitar demasiado pronto, no se envió nada
event-password-reset-with-link = restableció la contraseña con un enlace ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    })
event-code-asked = solicitó un código de inicio de sesión desde { $ip }
event-code-refused = código de inicio de sesión solicitado desde { $ip }: { $why }, no se envió nada
event-recovery-codes-made = generó nuevos códigos de recuperación (los anteriores ya no sirven)
event-totp-enrolled = activó un segundo factor TOTP
event-second-factor-passed = superó el segundo factor con un código de la aplicación de autenticación
event-second-factor-recovery = superó el segundo factor con un código de recuperación (quedan { $left })
event-totp-removed = quitó el segundo factor TOTP

## La consola de administración
event-key-rotation-finished = rotación de la clave maestra terminada: { $keys ->
        [one] { $keys } clave envuelta
       *[other] { $keys } claves envueltas
    } ya con la nueva clave maestra
event-key-rotation = rotación de la clave maestra { $stage }: las nuevas claves de datos se envuelven con la nueva clave maestra
event-certificate-issued = certificado para { $names } emitido por la CA ACME ({ $reason }); válido hasta { $until }
event-certificate-failed = certificado de la CA ACME no obtenido: { $error }; el actual sigue en uso; próximo intento en { $minutes } min
event-admin-created = administrador { $name } creado (con TOTP)
event-admin-created-no-totp = administrador { $name } creado (sin TOTP)
event-admin-removed = administrador { $name } eliminado ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    })
event-admin-signed-in = un administrador inició sesión desde { $ip } ({ $agent })
event-admin-sign-in-refused = inicio de sesión de administrador rechazado para { $name } desde { $ip }: { $why }
event-admin-sign-in-refused-locked = inicio de sesión de administrador rechazado para { $name } desde { $ip }: { $why }; ahora bloqueado
event-admin-signed-out = un administrador cerró sesión
event-password-mailed = nueva contraseña de un solo uso para { $address } en cola para enviarse por correo ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    }{ $must_change ->
        [yes] ; debe cambiarse en el próximo inicio de sesión
       *[no] ; el usuario puede conservarla
    })
event-password-shown = nueva contraseña de un solo uso para { $address } mostrada al administrador ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    }{ $must_change ->
        [yes] ; debe cambiarse en el próximo inicio de sesión
       *[no] ; el usuario puede conservarla
    })
event-password-chosen = contraseña de { $address } establecida a una elegida por el administrador ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    }{ $must_change ->
        [yes] ; debe cambiarse en el próximo inicio de sesión
       *[no] ; el usuario puede conservarla
    })
event-must-change-password = { $address } debe cambiar la contraseña en el próximo inicio de sesión
event-logon-allowed = inicio de sesión permitido para { $address }
event-logon-denied = inicio de sesión denegado para { $address } ({ $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    })
event-sending-allowed = envío permitido para { $address }
event-sending-denied = envío denegado para { $address }
event-lockout-lifted = bloqueo de inicio de sesión levantado para { $address }
event-directory-left = { $address } ya no está en el directorio ({ $sessions } { $sessions ->
        [one] sesión terminada
       *[other] sesiones terminadas
    })
event-account-deleted = cuenta { $address } eliminada ({ $entries ->
        [one] { $entries } entrada de buzón eliminada
       *[other] { $entries } entradas de buzón eliminadas
    }, { $sessions ->
        [one] { $sessions } sesión cerrada
       *[other] { $sessions } sesiones cerradas
    })
# Un evento guardado como texto antes de que los eventos tuvieran tipos: su texto tal cual.
event-legacy = { $text }

event-method-passkey = una llave de acceso
event-passkey-added = añadió la llave de acceso «{ $name }»
event-passkey-added-instead = añadió la llave de acceso «{ $name }» en lugar de una contraseña
event-passkey-renamed = cambió el nombre de la llave de acceso «{ $from }» a «{ $to }»
event-passkey-removed = quitó la llave de acceso «{ $name }»
event-passkey-removed-by = el admin { $admin } quitó la llave de acceso «{ $name }»
