"""Error messages in Italian of the meter files and of the event log, keyed by their English
template (part of :data:`twin.core.locale.errors.ERRORS`)."""

DATA_IT = {
    # meter files (twin.inputs.meters)
    '--member {key}: no such member on the branch':
        '--member {key}: nessun socio con questo id sul ramo',
    '--plant {key}: no such plant on the branch':
        '--plant {key}: nessun impianto con questo id sul ramo',
    "--plant {key}: the plant sits behind member {host!r}'s POD; import that POD's file with --member {host}":
        "--plant {key}: l'impianto sta dietro il POD del socio {host!r}; importare il file di quel POD con --member {host}",
    'give either --member or --plant':
        'indicare --member oppure --plant',
    '{count} DST placeholder row(s) dropped (times that do not exist with their flag)':
        "{count} riga/righe segnaposto dell'ora legale scartate (orari che non esistono con il loro indicatore)",
    '{count} interval(s) marked estimated by the distributor':
        '{count} intervallo/i segnati come stimati dal distributore',
    '{day}: 96 values for 100 quarter hours; the second 02:00 hour is missing (the model fills it)':
        "{day}: 96 valori per 100 quarti d'ora; manca la seconda ora delle 02:00 (la completa il modello)",
    '{file}: every {quantity} value is zero':
        '{file}: ogni valore di {quantity} è zero',
    '{file}: holds {held}, none of which applies to {kind} {id!r}':
        '{file}: contiene {held}, nessuno dei quali vale per {kind} {id!r}',
    '{file}: quantity {q} does not apply to {kind} {id!r} ({why})':
        '{file}: la grandezza {q} non vale per {kind} {id!r} ({why})',
    '{file}: {quantity} of {kwh:.3f} kWh in the interval starting {start:%Y-%m-%d %H:%M} UTC, before plant {id!r} entered operation ({entry})':
        "{file}: {quantity} di {kwh:.3f} kWh nell'intervallo che inizia alle {start:%Y-%m-%d %H:%M} UTC, prima dell'entrata in esercizio dell'impianto {id!r} ({entry})",
    '{file}: {quantity} of {kwh:.3f} kWh in the {step} interval starting {when} UTC is above what the POD can carry ({what}: {limit_kwh:.3f} kWh)':
        "{file}: {quantity} di {kwh:.3f} kWh nell'intervallo di {step} che inizia alle {when} UTC supera ciò che il POD può portare ({what}: {limit_kwh:.3f} kWh)",
    '{file}: {q} of {kind} {id!r} was imported at {before}; this file is {step}':
        '{file}: {q} di {kind} {id!r} è stato importato a passo {before}; questo file è a passo {step}',
    '{name}: --format: expected auto or one of {formats}; found {fmt!r}':
        '{name}: --format: atteso auto o uno fra {formats}; trovato {fmt!r}',
    '{name}: --unit {given} contradicts the file, which says {declared}':
        '{name}: --unit {given} contraddice il file, che dice {declared}',
    "{name}: expected 96 quarter-hour columns after 'Giorno'; found {columns}":
        "{name}: attese 96 colonne di quarti d'ora dopo 'Giorno'; trovate {columns}",
    '{name}: expected a value column (withdrawal_kwh, injection_kwh or energy_kwh); found {header}':
        '{name}: attesa una colonna di valori (withdrawal_kwh, injection_kwh o energy_kwh); trovato {header}',
    '{name}: expected columns 1-24 (hours) or 1-96 (quarters) after POD and Data; found {columns} numbered columns':
        "{name}: attese le colonne 1-24 (ore) o 1-96 (quarti d'ora) dopo POD e Data; trovate {columns} colonne numerate",
    '{name}: expected one value column beside POD, Data and {index_column}; found {columns}':
        '{name}: attesa una colonna di valori oltre a POD, Data e {index_column}; trovate {columns}',
    "{name}: field '{field}': expected ISO 8601 times, all with an offset or all in a column named time_utc ({err})":
        "{name}: campo '{field}': attesi istanti ISO 8601, tutti con lo scostamento da UTC o tutti in una colonna di nome time_utc ({err})",
    "{name}: field '{field}': expected times with an offset (or a column named time_utc); found {found!r}":
        "{name}: campo '{field}': attesi istanti con lo scostamento da UTC (o una colonna di nome time_utc); trovato {found!r}",
    '{name}: intervals of 15 minutes or one hour expected':
        "{name}: attesi intervalli di 15 minuti o di un'ora",
    "{name}: line {line}, field 'DATA': expected a date (yyyymmdd); found {found!r}":
        "{name}: riga {line}, campo 'DATA': attesa una data (aaaammgg); trovato {found!r}",
    "{name}: line {line}, field '{column}': expected a number such as 0,25 (no sign, no thousands separator); found {found!r}":
        "{name}: riga {line}, campo '{column}': atteso un numero come 0,25 (senza segno né separatore delle migliaia); trovato {found!r}",
    "{name}: line {line}, field '{field_name}': the interval starting {when:%Y-%m-%d %H:%M} UTC appears twice":
        "{name}: riga {line}, campo '{field_name}': l'intervallo che inizia alle {when:%Y-%m-%d %H:%M} UTC compare due volte",
    "{name}: line {line}, fields 'ORA'/'FL_ORA_LEGALE': expected hhmmss and 1|2|+01|+02; found {clock!r}, {flag!r}":
        "{name}: riga {line}, campi 'ORA'/'FL_ORA_LEGALE': attesi hhmmss e 1|2|+01|+02; trovati {clock!r}, {flag!r}",
    '{name}: line {line}: {day} has {expected} intervals; the file has columns for {columns}':
        '{name}: riga {line}: il {day} ha {expected} intervalli; il file ha colonne per {columns}',
    '{name}: line {line}: {day} has {lived} quarter hours; found {values} values':
        "{name}: riga {line}: il {day} ha {lived} quarti d'ora; trovati {values} valori",
    '{name}: line {line}: {when:%Y-%m-%d %H:%M} with flag {offset} is not a time of Europe/Rome, so it must be zero; found {q} {value:g}':
        '{name}: riga {line}: {when:%Y-%m-%d %H:%M} con indicatore {offset} non è un orario di Europe/Rome, quindi deve valere zero; trovato {q} {value:g}',
    '{name}: no data rows':
        '{name}: nessuna riga di dati',
    '{name}: no values':
        '{name}: nessun valore',
    '{name}: no {quantity} in the file (it holds {held})':
        '{name}: nessun {quantity} nel file (contiene {held})',
    '{name}: not a readable {fmt} file ({err})':
        '{name}: non è un file {fmt} leggibile ({err})',
    '{name}: one {what} per file expected; found {found}':
        '{name}: atteso un solo {what} per file; trovati {found}',
    '{name}: the file does not say its unit; give --unit (kWh, Wh, MWh or kW)':
        '{name}: il file non dice la sua unità; indicare --unit (kWh, Wh, MWh o kW)',
    '{name}: the header does not match a known meter format ({formats}); give --format':
        "{name}: l'intestazione non corrisponde a un formato di misura noto ({formats}); indicare --format",
    '{name}: value columns in different units: {header}':
        '{name}: colonne di valori in unità diverse: {header}',
    '{path}: is a folder, expected a meter file':
        '{path}: è una cartella, atteso un file di misure',
    '{path}: meter file not found':
        '{path}: file di misure non trovato',
    '{quantity}: {count} interval(s) missing (first at {first:%Y-%m-%d %H:%M} UTC); the model fills them':
        '{quantity}: mancano {count} intervallo/i (il primo alle {first:%Y-%m-%d %H:%M} UTC); li completa il modello',
    '{q} in the file left out: it does not apply to {kind} {id!r}':
        '{q} nel file tralasciato: non vale per {kind} {id!r}',
    "{where}: --pod {pod} differs from the file's POD {file_pod}":
        '{where}: --pod {pod} differisce dal POD del file {file_pod}',
    '{where}: expected 1 to {limit} on {day}; found {k}':
        '{where}: atteso da 1 a {limit} il {day}; trovato {k}',
    '{where}: expected a date (dd/mm/yyyy); found {cell!r}':
        '{where}: attesa una data (gg/mm/aaaa); trovato {cell!r}',
    '{where}: expected a number such as 0,25 (no sign, no thousands separator); found {cell!r}':
        '{where}: atteso un numero come 0,25 (senza segno né separatore delle migliaia); trovato {cell!r}',
    '{where}: expected a unit among kWh, Wh, MWh (energy per interval) or kW (mean power); found {text!r}':
        "{where}: attesa un'unità fra kWh, Wh, MWh (energia per intervallo) o kW (potenza media); trovato {text!r}",
    '{where}: expected an integer; found {found!r}':
        '{where}: atteso un numero intero; trovato {found!r}',
    "{where}: field 'POD': expected {target_pod}, the POD of {kind} {id!r}; found {found}":
        "{where}: campo 'POD': atteso {target_pod}, il POD di {kind} {id!r}; trovato {found}",
    '{where}: no measured values in {year}':
        '{where}: nessun valore misurato nel {year}',
    '{where}: the file names no POD; give --pod (the POD of {kind} {id!r} is {target_pod})':
        '{where}: il file non indica il POD; indicare --pod (il POD di {kind} {id!r} è {target_pod})',
    '{where}: value missing (interval {k} of {expected} on {day})':
        '{where}: valore mancante (intervallo {k} di {expected} del {day})',
    '{where}: {day} has {expected} intervals; found a value beyond them':
        '{where}: il {day} ha {expected} intervalli; trovato un valore oltre',
    '{where}: {local:%H:%M} does not exist on {day} (clocks go forward); found {cell!r}':
        "{where}: le {local:%H:%M} non esistono il {day} (si passa all'ora legale); trovato {cell!r}",
    '{where}: {year} has {days} complete measured day(s); at least 28 are needed to stand for another period':
        '{where}: il {year} ha {days} giorno/i misurati completi; ne servono almeno 28 per rappresentare un altro periodo',
    # the event log (twin.events)
    '--at-seq: expected 0 to {head} (head of {from_branch!r}); found {seq}':
        '--at-seq: atteso da 0 a {head} (testa di {from_branch!r}); trovato {seq}',
    '--expect-head: expected SEQ:HASH as printed after an append (at least 12 hex digits); found {token!r}':
        "--expect-head: atteso SEQ:HASH come stampato dopo un'aggiunta (almeno 12 cifre esadecimali); trovato {token!r}",
    'PostgreSQL stores need the psycopg package':
        'gli archivi PostgreSQL richiedono il pacchetto psycopg',
    'a UTC offset is required':
        'serve lo scostamento da UTC',
    'billing.band_price_eur_per_kwh: a fixed_price offer needs the three prices F1, F2, F3, found {prices!r}':
        "billing.band_price_eur_per_kwh: un'offerta fixed_price richiede i tre prezzi F1, F2, F3, trovato {prices!r}",
    'billing.household_size must be 1 to 30, found {size!r}':
        'billing.household_size deve valere da 1 a 30, trovato {size!r}',
    'billing.{name} must be one of {allowed}, found {value!r}':
        'billing.{name} deve essere uno fra {allowed}, trovato {value!r}',
    'billing.{name}: implausible value {value!r}':
        'billing.{name}: valore non plausibile {value!r}',
    "branch name: expected letters, digits, '-', '_' or '.'; found {name!r}":
        "nome del ramo: attese lettere, cifre, '-', '_' o '.'; trovato {name!r}",
    "branch {branch!r} head record {n}: content does not match its hash (edited, or the branch's fork point changed?)":
        'ramo {branch!r}, record di testa {n}: il contenuto non corrisponde al suo hash (modificato, o è cambiato il punto di diramazione?)',
    'branch {branch!r} head record {n}: does not follow the one before it (head records deleted or reordered?)':
        'ramo {branch!r}, record di testa {n}: non segue il precedente (record di testa cancellati o riordinati?)',
    'branch {branch!r} is at event {head}, not {expected_head}: another writer appended first; read the log again and retry':
        "il ramo {branch!r} è all'evento {head}, non {expected_head}: un altro scrittore ha aggiunto prima; rileggere il registro e riprovare",
    'branch {branch!r}: another writer appended event {next} first; read the log again and retry':
        "ramo {branch!r}: un altro scrittore ha aggiunto prima l'evento {next}; rileggere il registro e riprovare",
    'branch {branch!r}: events {first}-{head} were written without a head record (outside cer-twin?)':
        'ramo {branch!r}: gli eventi {first}-{head} sono stati scritti senza record di testa (fuori da cer-twin?)',
    'branch {branch!r}: its fork point is missing ({err})':
        'ramo {branch!r}: manca il suo punto di diramazione ({err})',
    'branch {branch!r}: its last event is not the one its head record names (replaced?)':
        'ramo {branch!r}: il suo ultimo evento non è quello indicato dal record di testa (sostituito?)',
    'branch {branch!r}: the log ends at event {head} but its head record says {seq} (events deleted from the end?)':
        "ramo {branch!r}: il registro finisce all'evento {head} ma il record di testa dice {seq} (eventi cancellati dalla fine?)",
    'branch {branch!r}: the run settings were changed after the last head record (edited outside cer-twin?)':
        "ramo {branch!r}: le impostazioni della simulazione sono cambiate dopo l'ultimo record di testa (modificate fuori da cer-twin?)",
    'branch {name!r} already exists':
        'il ramo {name!r} esiste già',
    'configuration {id!r} is already registered':
        'la configurazione {id!r} è già registrata',
    'event {number} of {count} ({event}): {err}; nothing was stored':
        'evento {number} di {count} ({event}): {err}; nulla è stato registrato',
    'expected a table (customer_class, offer, ...)':
        'attesa una tabella (customer_class, offer, ...)',
    'expected a table (ev_policy, plug_in_hours, ...)':
        'attesa una tabella (ev_policy, plug_in_hours, ...)',
    'expected a table (sha256, source_name, year, ...)':
        'attesa una tabella (sha256, source_name, year, ...)',
    'file {blob_name}: content does not match its SHA-256':
        'file {blob_name}: il contenuto non corrisponde al suo SHA-256',
    'member {id!r} changes profile but is not a member':
        'il socio {id!r} cambia profilo ma non è socio',
    'member {id!r} leaves ({utc:%Y-%m-%d %H:%M} UTC) before joining ({joined:%Y-%m-%d %H:%M} UTC)':
        'il socio {id!r} esce ({utc:%Y-%m-%d %H:%M} UTC) prima di entrare ({joined:%Y-%m-%d %H:%M} UTC)',
    'member {id!r} leaves but is not a member':
        'il socio {id!r} esce ma non è socio',
    'member {mid!r} has already joined (configuration {other!r}); a point belongs to one configuration':
        'il socio {mid!r} è già entrato (configurazione {other!r}); un punto appartiene a una sola configurazione',
    'meter data belongs to one member or one plant':
        'i dati di misura appartengono a un socio o a un impianto',
    'meter data for unknown member {mid!r}':
        'dati di misura per un socio sconosciuto {mid!r}',
    'meter data for unknown plant {pid!r}':
        'dati di misura per un impianto sconosciuto {pid!r}',
    'nothing to append':
        'nulla da aggiungere',
    'outage of plant {id!r}, which is not active':
        "fermo dell'impianto {id!r}, che non è attivo",
    'plant {id!r} ends an outage it is not in':
        "l'impianto {id!r} chiude un fermo in cui non è",
    'plant {id!r} is already commissioned':
        "l'impianto {id!r} è già in esercizio",
    'plant {id!r} is already in an outage':
        "l'impianto {id!r} è già fermo",
    'plant {id!r} is derated but not active':
        "l'impianto {id!r} è declassato ma non è attivo",
    'plant {id!r} is upgraded but not active':
        "l'impianto {id!r} è potenziato ma non è attivo",
    'plant {id!r}: derate factor expected in (0, 1.5]; found {factor}':
        'impianto {id!r}: fattore di declassamento atteso in (0, 1,5]; trovato {factor}',
    'plant {id!r}: the upgrade must enter operation after the plant':
        "impianto {id!r}: il potenziamento deve entrare in esercizio dopo l'impianto",
    'plant {pid!r} is decommissioned before it was commissioned':
        "l'impianto {pid!r} è dismesso prima di entrare in esercizio",
    'plant {pid!r} is decommissioned but not active':
        "l'impianto {pid!r} è dismesso ma non è attivo",
    'project {id!r} is already proposed':
        'il progetto {id!r} è già proposto',
    'storage {id!r} is already installed':
        "l'accumulo {id!r} è già installato",
    'stored file {name!r} ({sha}…): its content does not match its SHA-256 (replaced or damaged?)':
        'file archiviato {name!r} ({sha}…): il contenuto non corrisponde al suo SHA-256 (sostituito o danneggiato?)',
    'the community is already founded':
        'la comunità è già costituita',
    'unknown event type {event}':
        'tipo di evento sconosciuto {event}',
    '{err}; nothing was stored':
        '{err}; nulla è stato registrato',
    '{event}.effective_utc must be a UTC datetime, found {utc!r}':
        '{event}.effective_utc deve essere un istante UTC, trovato {utc!r}',
    '{location}: branch {branch!r} has no event {head}: the log is damaged (run `cer-twin events verify`)':
        "{location}: il ramo {branch!r} non ha l'evento {head}: il registro è danneggiato (eseguire `cer-twin events verify`)",
    '{location}: branch {branch!r} has no head record':
        '{location}: il ramo {branch!r} non ha un record di testa',
    '{location}: no branch {name!r} (branches: {known})':
        '{location}: nessun ramo {name!r} (rami: {known})',
    '{location}: no stored file with SHA-256 {sha256}':
        '{location}: nessun file archiviato con SHA-256 {sha256}',
    '{location}: the stored file {sha}… does not match its SHA-256 (replaced or damaged; run `cer-twin events verify`)':
        '{location}: il file archiviato {sha}… non corrisponde al suo SHA-256 (sostituito o danneggiato; eseguire `cer-twin events verify`)',
    '{path}: cannot open the SQLite event store ({err})':
        "{path}: impossibile aprire l'archivio di eventi SQLite ({err})",
    '{path}: is a folder, expected an event store file':
        "{path}: è una cartella, atteso un file d'archivio di eventi",
    '{text}: an empty file, not an event store (truncated?)':
        '{text}: un file vuoto, non un archivio di eventi (troncato?)',
    '{text}: no event store there (create one with `cer-twin events init SCENARIO --store ...`)':
        "{text}: qui non c'è un archivio di eventi (crearlo con `cer-twin events init SCENARIO --store ...`)",
    '{url}: cannot connect to PostgreSQL ({err})':
        '{url}: connessione a PostgreSQL impossibile ({err})',
    '{what} unknown configuration {cid!r}':
        '{what} configurazione sconosciuta {cid!r}',
    '{where} ({etype}): content does not match its hash (edited?)':
        '{where} ({etype}): il contenuto non corrisponde al suo hash (modificato?)',
    '{where}.{name}: {err}; found {value!r}':
        '{where}.{name}: {err}; trovato {value!r}',
    '{where}: chain broken, its previous hash does not match the event before it (deleted or reordered?)':
        "{where}: catena interrotta, l'hash precedente non corrisponde all'evento prima (cancellato o riordinato?)",
    '{where}: event(s) {missing} missing (deleted?)':
        '{where}: mancano gli eventi {missing} (cancellati?)',
    '{where}: unknown event type {type_name!r}; expected one of {types}':
        '{where}: tipo di evento sconosciuto {type_name!r}; atteso uno fra {types}',
    '{where}: {err}':
        '{where}: {err}',
    '{where}: {type_name} has no field(s) {unknown}; its fields are {fields} (and the time)':
        "{where}: {type_name} non ha i campi {unknown}; i suoi campi sono {fields} (e l'istante)",
    '{where}: {type_name} is missing field(s) {missing}; required: {required}':
        '{where}: a {type_name} mancano i campi {missing}; obbligatori: {required}',
    "{where}: {type_name} schema version {version} is newer than this cer-twin's {supported}":
        '{where}: la versione {version} dello schema di {type_name} è più recente di quella di questo cer-twin ({supported})',
    'branch {branch!r}: no head record (deleted?)':
        'ramo {branch!r}: nessun record di testa (cancellato?)',
    'branch {branch!r}: head {seq}:{digest}… is not among its head records (the log was cut short or rewritten after it)':
        'ramo {branch!r}: la testa {seq}:{digest}… non è fra i suoi record di testa (il registro è stato tagliato o riscritto dopo)',
}
