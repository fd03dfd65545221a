"""Error messages in Italian, keyed by their English template (as gettext's msgid): a
:class:`twin.errors.Text` raised with one of these templates is shown in Italian by
``--lang it``. English needs no table: the template is the English. A test finds every
``Text("...")`` in the code and checks it is here, with no placeholder the English lacks.
Messages still raised as plain strings are shown in English in both languages."""

_IT = {
    # the frame of every scenario, sweep and candidates file's validation
    "{path}: invalid {what} ({count} problem(s))":
        "{path}: {what} non valido ({count} problema/i)",
    "scenario": "scenario",
    "scenario file": "file di scenario",
    "sweep file": "file di studio",
    "candidates file": "file dei candidati",
    "  {where}: required field is missing": "  {where}: manca un campo obbligatorio",
    "  {where}: unknown field (found {found!r})": "  {where}: campo sconosciuto (trovato {found!r})",
    "  {where}: expected: {expected}; found: {found!r}":
        "  {where}: atteso: {expected}; trovato: {found!r}",
    # pydantic's messages (twin.scenario.load.PYDANTIC_MESSAGES)
    "input should be greater than {gt}": "un valore maggiore di {gt}",
    "input should be greater than or equal to {ge}": "un valore maggiore o uguale a {ge}",
    "input should be less than {lt}": "un valore minore di {lt}",
    "input should be less than or equal to {le}": "un valore minore o uguale a {le}",
    "input should be {expected}": "uno fra {expected}",
    "input should be a valid integer, unable to parse string as an integer":
        "un numero intero (il testo non si legge come intero)",
    "input should be a valid integer": "un numero intero",
    "input should be a valid integer, got a number with a fractional part":
        "un numero intero, senza parte decimale",
    "input should be a valid number, unable to parse string as a number":
        "un numero (il testo non si legge come numero)",
    "input should be a valid number": "un numero",
    "input should be a finite number": "un numero finito",
    "input should be a valid string": "un testo",
    "input should be a valid boolean, unable to interpret input": "true o false",
    "input should be a valid boolean": "true o false",
    "input should be a valid date or datetime, {error}": "una data o data e ora valida, {error}",
    "input should be a valid date": "una data",
    "input should be a valid list": "un elenco",
    "input should be a valid dictionary": "una tabella",
    "input should be a valid dictionary or instance of {class_name}":
        "una tabella ({class_name})",
    "{field_type} should have at least {min_length} item{expected_plural} after validation, "
    "not {actual_length}": "{field_type} con almeno {min_length} elementi, non {actual_length}",
    # the command line
    "{option}: expected {low} to {high}; found {value}":
        "{option}: atteso da {low} a {high}; trovato {value}",
    "--out: expected a folder for the results; found a file {out}":
        "--out: attesa una cartella per i risultati; trovato un file {out}",
    "results of {found}": "risultati di {found}",
    "files cer-twin did not write": "file che cer-twin non ha scritto",
    "--out: {out} holds {what}; expected an empty folder or one with results of {identity} "
    "(give --force to write there anyway)":
        "--out: {out} contiene {what}; attesa una cartella vuota o con i risultati di "
        "{identity} (con --force si scrive comunque)",
    "ID: no member {member!r} in {name}; expected one of the {count} member ids (see "
    "members.csv){close}":
        "ID: nessun socio {member!r} in {name}; atteso uno dei {count} id dei soci (vedi "
        "members.csv){close}",
    ", e.g. {ids}": ", per esempio {ids}",
    "give either a SCENARIO or --store, not both":
        "indicare uno SCENARIO oppure --store, non entrambi",
    "--pdf: needs headless Chromium (Debian package chromium); {page} was written":
        "--pdf: serve Chromium headless (pacchetto Debian chromium); {page} è stato scritto",
    "--pdf: Chromium could not print {page} (exit {code})":
        "--pdf: Chromium non è riuscito a stampare {page} (uscita {code})",
    "{store}: already initialised ({head} events on main); use `cer-twin events append` or a "
    "new store":
        "{store}: già avviato ({head} eventi su main); usare `cer-twin events append` o un "
        "nuovo archivio",
    "{file}: the what-if adds nothing to its base":
        "{file}: lo scenario what-if non aggiunge nulla alla sua base",
    "SEQ: branch {branch!r} has events 1 to {count}; found {seq}":
        "SEQ: il ramo {branch!r} ha gli eventi da 1 a {count}; trovato {seq}",
    "fork a branch before it instead: `cer-twin branch create NEW --store {store} --from "
    "{branch} --at {seq}`":
        "creare invece un ramo che si fermi prima: `cer-twin branch create NUOVO --store "
        "{store} --from {branch} --at {seq}`",
    "event {seq} ({kind}) has no compensating event; {fork}":
        "l'evento {seq} ({kind}) non ha un evento che lo annulli; {fork}",
    "event {seq}: its compensating event is refused ({error}); {fork}":
        "evento {seq}: l'evento che lo annulla è rifiutato ({error}); {fork}",
    "A and B differ in more than the what-if, so their difference would mix it with other "
    "inputs:":
        "A e B differiscono per più del what-if: la loro differenza lo mescolerebbe con altri "
        "ingressi:",
    "give --allow-different-inputs to compare anyway (the output is labelled)":
        "con --allow-different-inputs si confronta comunque (il risultato lo dichiara)",
    "--out {out}: expected a .nc or .zarr path": "--out {out}: atteso un percorso .nc o .zarr",
    "--scheduler {address}: cannot connect ({error})":
        "--scheduler {address}: connessione impossibile ({error})",
    "--apply needs --store: corrections are appended to a branch":
        "--apply richiede --store: le correzioni si aggiungono a un ramo",
    "{source}: no meter has measured data in the run's period (import some with `cer-twin "
    "meters import`)":
        "{source}: nessun misuratore ha dati misurati nel periodo simulato (importarli con "
        "`cer-twin meters import`)",
    # price files (twin.inputs.prices)
    "the built-in price model covers the NORD zone only, not {zone!r}; give a price file for "
    "other zones":
        "il modello di prezzo integrato copre solo la zona NORD, non {zone!r}; per altre zone "
        "indicare un file di prezzi",
    "{path}: price file not found": "{path}: file di prezzi non trovato",
    "{path}: the price file is empty": "{path}: il file di prezzi è vuoto",
    "{path}: not a readable CSV file ({error})": "{path}: non è un file CSV leggibile ({error})",
    "{path}: field 'time_utc_start': expected ISO-8601 UTC times ({error})":
        "{path}: campo 'time_utc_start': attese ore UTC ISO-8601 ({error})",
    "{path}: fields 'date_local', 'time_local_start': expected Europe/Rome wall-clock times "
    "with DST ({error})":
        "{path}: campi 'date_local', 'time_local_start': attese ore locali Europe/Rome con "
        "l'ora legale ({error})",
    "{path}: fields 'Data' (YYYYMMDD), 'Ora' (1-25): {error}":
        "{path}: campi 'Data' (AAAAMMGG), 'Ora' (1-25): {error}",
    "{path}: field 'Ora' at line {line}: expected 1-25; found {found}":
        "{path}: campo 'Ora' alla riga {line}: atteso da 1 a 25; trovato {found}",
    "{path}: no time columns: expected 'time_utc_start' (UTC), 'date_local' + "
    "'time_local_start' (Europe/Rome) or GME 'Data' + 'Ora'; {found}":
        "{path}: nessuna colonna di tempo: attese 'time_utc_start' (UTC), 'date_local' + "
        "'time_local_start' (Europe/Rome) o 'Data' + 'Ora' del GME; {found}",
    "found columns {names}": "colonne trovate {names}",
    "its first line is not a header of named columns (is it the right file?)":
        "la sua prima riga non è un'intestazione di colonne (è il file giusto?)",
    "{path}: column {column!r} is missing ({found})": "{path}: manca la colonna {column!r} ({found})",
    "{path}: line {line}: expected a time in the years {low}-{high}; found {found}":
        "{path}: riga {line}: atteso un istante negli anni {low}-{high}; trovato {found}",
    "{path}: field {column!r} at line {line}: expected a number; found {found!r}":
        "{path}: campo {column!r} alla riga {line}: atteso un numero; trovato {found!r}",
    "{path}: field {column!r} at line {line}: expected a price from {low:g} to {high:g} "
    "EUR/MWh (the GME market's bounds); found {found}":
        "{path}: campo {column!r} alla riga {line}: atteso un prezzo da {low:g} a {high:g} "
        "EUR/MWh (i limiti del mercato GME); trovato {found}",
    "{path}: duplicate time {time} (UTC)": "{path}: istante ripetuto {time} (UTC)",
    "{path}: field {column!r}: {longest} consecutive hours missing (first at {first}); at most "
    "{max_gap} are filled":
        "{path}: campo {column!r}: mancano {longest} ore consecutive (la prima alle {first}); "
        "se ne colmano al massimo {max_gap}",
    "{source}: no price for {first} (the file covers {start} to {end})":
        "{source}: nessun prezzo per {first} (il file copre da {start} a {end})",
    # event files (twin.scenario.event_files)
    "{where}.{name}: expected a number from {low:g} to {high:g}; found {found!r}":
        "{where}.{name}: atteso un numero da {low:g} a {high:g}; trovato {found!r}",
    "{where}.policy: expected one of {policies} ({host}); found {found!r}":
        "{where}.policy: atteso uno fra {policies} ({host}); trovato {found!r}",
    "with a host_member": "con un host_member",
    "without a host_member": "senza host_member",
    "{where}.annual_kwh: expected a number of kWh from 0 to {high:g}; found {found!r}":
        "{where}.annual_kwh: atteso un numero di kWh da 0 a {high:g}; trovato {found!r}",
    "nothing was stored": "nulla è stato registrato",
    "{path}: event file not found": "{path}: file di eventi non trovato",
    "{path}: not valid {kind}: {error}": "{path}: {kind} non valido: {error}",
    "{path}: expected a non-empty list of events (`[[events]]` tables in TOML, a JSON list)":
        "{path}: atteso un elenco non vuoto di eventi (tabelle `[[events]]` in TOML, una lista "
        "JSON)",
    "{where}: expected a table; found {found!r}": "{where}: attesa una tabella; trovato {found!r}",
    "{where}.type: expected one of {types}; found {found!r}":
        "{where}.type: atteso uno fra {types}; trovato {found!r}",
    "{where}.effective: required field is missing":
        "{where}.effective: manca un campo obbligatorio",
    "{where}.count: expected a whole number of members from 1 to {high:,}; found {found!r}":
        "{where}.count: atteso un numero intero di soci da 1 a {high}; trovato {found!r}",
    "{where}: {reason}; nothing was stored": "{where}: {reason}; nulla è stato registrato",
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
    # scenarios, sweeps, candidates, runs and studies
    '  {problem}':
        '  {problem}',
    '--configuration: expected one of {configs}; found {found!r}':
        '--configuration: atteso uno fra {configs}; trovato {found!r}',
    '--hour: expected an ISO time such as 2026-06-15T13:00; found {text!r}':
        '--hour: atteso un istante ISO come 2026-06-15T13:00; trovato {text!r}',
    '--hour: {hour} is outside the simulated period ({first} to {last} UTC)':
        '--hour: {hour} è fuori dal periodo simulato (da {first} a {last} UTC)',
    'a fixed_price offer needs band_price_eur_per_kwh (F1, F2, F3)':
        "un'offerta fixed_price richiede band_price_eur_per_kwh (F1, F2, F3)",
    'a grid sweep (scenario + [grid]) takes no scenarios, store, candidates or weather_seeds: put them in [grid]':
        'uno studio a griglia (scenario + [grid]) non accetta scenarios, store, candidates o weather_seeds: metterli in [grid]',
    'a grid sweep needs both scenario and [grid]':
        'uno studio a griglia richiede sia scenario sia [grid]',
    "a measured profile is one meter's: count must be 1":
        'un profilo misurato è di un solo misuratore: count deve valere 1',
    'annual_kwh is required (or a profile from measured data)':
        'serve annual_kwh (o un profilo da dati misurati)',
    'band_price_eur_per_kwh must be 0 to 2 EUR/kWh, found {prices}':
        'band_price_eur_per_kwh deve valere da 0 a 2 EUR/kWh, trovato {prices}',
    'candidate {item_id!r}: unknown configuration {configuration!r}':
        'candidato {item_id!r}: configurazione sconosciuta {configuration!r}',
    'candidate {new_id!r}: configuration already exists':
        'candidato {new_id!r}: la configurazione esiste già',
    'candidate {roof_id!r}: host_member: expected a member of configuration {configuration!r} (a single member, count 1); found {host!r}':
        'candidato {roof_id!r}: host_member: atteso un socio della configurazione {configuration!r} (un socio singolo, count 1); trovato {host!r}',
    'community_sharing is the policy of a community battery (no host_member)':
        'community_sharing è la politica di una batteria di comunità (senza host_member)',
    'configurations[{i}] (id {id!r}).cabina_primaria: expected one {kind} configuration per cabina primaria (RO-2024 §1.1.4, §1.2.2); found {primaria!r}, already configuration {other!r}':
        'configurations[{i}] (id {id!r}).cabina_primaria: attesa una sola configurazione {kind} per cabina primaria (RO-2024 §1.1.4, §1.2.2); trovato {primaria!r}, già della configurazione {other!r}',
    'end ({end}) must be after start ({start})':
        'end ({end}) deve venire dopo start ({start})',
    'expected a date (2026-07-01) or a date-time (2026-07-01T13:00, optionally with an offset) in the years {low}-{high}; found {value!r}':
        'attesa una data (2026-07-01) o una data e ora (2026-07-01T13:00, anche con lo scostamento da UTC) negli anni {low}-{high}; trovato {value!r}',
    'give either scenarios or store with branches':
        'indicare scenarios oppure store con branches',
    'grid.{prefix}: a value appears twice':
        'grid.{prefix}: un valore compare due volte',
    'grid.{prefix}: expected a non-empty list of values or {{first, count}}; found {value!r}':
        'grid.{prefix}: atteso un elenco non vuoto di valori o {{first, count}}; trovato {value!r}',
    'min_kwh ({kwh:g}) must not exceed max_kwh ({kwh2:g})':
        'min_kwh ({kwh:g}) non deve superare max_kwh ({kwh2:g})',
    'min_kwp ({kwp:g}) must not exceed max_kwp ({kwp2:g})':
        'min_kwp ({kwp:g}) non deve superare max_kwp ({kwp2:g})',
    'percentiles: no dimension {dim!r}; the Dataset has {dims}':
        'percentiles: nessuna dimensione {dim!r}; il Dataset ha {dims}',
    'plug_in_hours: expected local hours 0-24, found {hours}':
        'plug_in_hours: attese ore locali 0-24, trovato {hours}',
    'policy {policy!r} needs a host_member; a community battery shares (policy community_sharing)':
        'la politica {policy!r} richiede un host_member; una batteria di comunità condivide (politica community_sharing)',
    'projects[{i}] (id {id!r}).configuration: expected one of {configs}; found {found!r}':
        'projects[{i}] (id {id!r}).configuration: atteso uno fra {configs}; trovato {found!r}',
    'restrict: no dimension {unknown}; the grid has {names}':
        'restrict: nessuna dimensione {unknown}; la griglia ha {names}',
    'restrict: {axis} takes a non-empty subset of {values}; found {chosen}':
        'restrict: {axis} accetta un sottoinsieme non vuoto di {values}; trovato {chosen}',
    'soc_min_pct ({pct:g}) must be below soc_max_pct ({pct2:g})':
        'soc_min_pct ({pct:g}) deve essere inferiore a soc_max_pct ({pct2:g})',
    "source '{source}' needs a path":
        "la sorgente '{source}' richiede un percorso (path)",
    'step_kwh {kwh:g} gives more than {max_sizes} sizes':
        'step_kwh {kwh:g} dà più di {max_sizes} taglie',
    'step_kwp {kwp:g} gives {sizes:,} sizes from {kwp2:g} to {kwp3:g} kWp; at most {max_sizes} are tried':
        'step_kwp {kwp:g} dà {sizes} taglie da {kwp2:g} a {kwp3:g} kWp; se ne provano al massimo {max_sizes}',
    'store needs branches':
        'store richiede branches',
    'surplus = "families" raises support up to a cap: set family_support.cap_eur_per_year':
        'surplus = "families" alza il sostegno fino a un tetto: impostare family_support.cap_eur_per_year',
    'the event log has no CommunityFounded event':
        "il registro degli eventi non ha l'evento CommunityFounded",
    'the period may be at most {max_years} years; found {start} to {end}':
        'il periodo può durare al massimo {max_years} anni; trovato da {start} a {end}',
    'the period must fall in the years {low}-{high}; found {start} to {end}':
        'il periodo deve cadere negli anni {low}-{high}; trovato da {start} a {end}',
    'the sweep has two variants with the same label':
        'lo studio ha due varianti con la stessa etichetta',
    'weather source {source!r} needs a path':
        'la sorgente meteo {source!r} richiede un percorso (path)',
    'zonal price outside {low:g}..{high:g} EUR/MWh in {hours} hour(s) (from {lowest:g} to {highest:g}): crisis levels, check the price file':
        'prezzo zonale fuori da {low:g}..{high:g} EUR/MWh in {hours} ora/e (da {lowest:g} a {highest:g}): livelli di crisi, controllare il file dei prezzi',
    '{name}: expected local hours 0-24, found {hours}':
        '{name}: attese ore locali 0-24, trovato {hours}',
    '{path}: cannot read the {what}: {reason}':
        '{path}: impossibile leggere {what}: {reason}',
    '{path}: changes how to simulate ({settings}), which events cannot carry (a store keeps the settings it was seeded with): seed a store from the what-if file instead':
        '{path}: cambia come simulare ({settings}), cosa che gli eventi non possono portare (un archivio tiene le impostazioni con cui è stato avviato): avviare invece un archivio dal file what-if',
    '{path}: changes or removes what its base has ({changed}): only additions can be appended; write the change as events (e.g. MemberLeft) or seed a store from the what-if file':
        '{path}: cambia o toglie ciò che ha la sua base ({changed}): si possono aggiungere solo aggiunte; scrivere il cambiamento come eventi (per esempio MemberLeft) o avviare un archivio dal file what-if',
    "{path}: data outside the scenario's folder ({count} path(s))":
        '{path}: dati fuori dalla cartella dello scenario ({count} percorso/i)',
    '{path}: expected a {what} (a TOML file); found a folder':
        '{path}: atteso {what} (un file TOML); trovata una cartella',
    '{path}: expected a {what} in UTF-8 text; found byte 0x{byte:02x} at position {position}':
        '{path}: atteso {what} in testo UTF-8; trovato il byte 0x{byte:02x} alla posizione {position}',
    '{path}: field extends: circular reference to {parent}':
        '{path}: campo extends: riferimento circolare a {parent}',
    '{path}: field extends: expected a file name, found {parent!r}':
        '{path}: campo extends: atteso un nome di file, trovato {parent!r}',
    '{path}: field extends: no scenario file named {parent!r}':
        '{path}: campo extends: nessun file di scenario di nome {parent!r}',
    '{path}: grid.{name}: {error}':
        '{path}: grid.{name}: {error}',
    '{path}: no field {field!r}; expected one of {fields}':
        '{path}: nessun campo {field!r}; atteso uno fra {fields}',
    '{path}: no field {name!r} here; expected one of {fields}':
        '{path}: qui nessun campo {name!r}; atteso uno fra {fields}',
    '{path}: no {name} item with id {item!r}; the scenario has {ids}':
        '{path}: nessun elemento {name} con id {item!r}; lo scenario ha {ids}',
    '{path}: not a grid sweep (it has no [grid])':
        '{path}: non è uno studio a griglia (non ha [grid])',
    '{path}: not a what-if file (no `extends`): append its events as an event file, or seed a store from it with `events init`':
        '{path}: non è un file what-if (senza `extends`): aggiungerne gli eventi come file di eventi, o avviarne un archivio con `events init`',
    '{path}: not valid TOML: {err}':
        '{path}: TOML non valido: {err}',
    '{path}: scenario file not found':
        '{path}: file di scenario non trovato',
    '{path}: {count:,} variants ({bases} base(s) x {roofs} roof option(s) x {seeds} weather seed(s)); at most {max_variants:,} run in one sweep (give --max-variants N for more)':
        '{path}: {count} varianti ({bases} base/i x {roofs} opzione/i di tetto x {seeds} seme/i meteo); uno studio ne esegue al massimo {max_variants} (con --max-variants N di più)',
    '{path}: {grid_size:,} variants; at most {max_variants:,} run in one sweep (give --max-variants N for more)':
        '{path}: {grid_size} varianti; uno studio ne esegue al massimo {max_variants} (con --max-variants N di più)',
    '{path}: {name} is a list: name an item by its id, then a field (e.g. members.<id>.count)':
        '{path}: {name} è un elenco: indicare un elemento con il suo id, poi un campo (per esempio members.<id>.count)',
    '{path}: {what} not found':
        '{path}: {what} non trovato',
    '{path}: {where}.profile.meter_file: expected a readable meter file; found {found!r} ({reason})':
        '{path}: {where}.profile.meter_file: atteso un file di misure leggibile; trovato {found!r} ({reason})',
    '{point}: {error_type}: {error}':
        '{point}: {error_type}: {error}',
    '{section}: id {dup!r} appears more than once':
        "{section}: l'id {dup!r} compare più di una volta",
    '{store}: no run settings; initialise it with `cer-twin events init SCENARIO --store ...`':
        '{store}: nessuna impostazione di simulazione; avviarlo con `cer-twin events init SCENARIO --store ...`',
    '{values}: {problems}':
        '{values}: {problems}',
    '{where}.building_obligation_kw: expected at most the plant power ({power} kW); found {kw}':
        "{where}.building_obligation_kw: atteso al massimo la potenza dell'impianto ({power} kW); trovato {kw}",
    '{where}.configuration: expected one of {configs}; found {configuration!r}':
        '{where}.configuration: atteso uno fra {configs}; trovato {configuration!r}',
    '{where}.decommissioned_on: expected a date after entry_into_operation ({operation}); found {on}':
        '{where}.decommissioned_on: attesa una data dopo entry_into_operation ({operation}); trovato {on}',
    '{where}.decommissioned_on: expected a date after the plant joins ({joins}); found {on}':
        "{where}.decommissioned_on: attesa una data dopo l'ingresso dell'impianto ({joins}); trovato {on}",
    '{where}.host_member: expected a single member (count 1) of configuration {configuration!r}; found {host!r}':
        '{where}.host_member: atteso un socio singolo (count 1) della configurazione {configuration!r}; trovato {host!r}',
    '{where}.host_member: expected a single member (count 1); found group {member!r} of {count}':
        '{where}.host_member: atteso un socio singolo (count 1); trovato il gruppo {member!r} di {count}',
    '{where}.host_member: one battery per member; {host!r} already has {battery!r}':
        '{where}.host_member: una batteria per socio; {host!r} ha già {battery!r}',
    '{where}.joined_on: expected a date on or after entry_into_operation ({operation}); found {on}':
        '{where}.joined_on: attesa una data uguale o successiva a entry_into_operation ({operation}); trovato {on}',
    '{where}.left_on: expected a date after community.founded_on ({founded}); found {on}':
        '{where}.left_on: attesa una data dopo community.founded_on ({founded}); trovato {on}',
    '{where}.left_on: expected a date after joined_on ({on}); found {on2}':
        '{where}.left_on: attesa una data dopo joined_on ({on}); trovato {on2}',
    '{where}.name: expected one of {names}; found {found!r}':
        '{where}.name: atteso uno fra {names}; trovato {found!r}',
    '{where}.pod: expected a group of one member (a POD is one meter); found count {count}':
        '{where}.pod: atteso un gruppo di un solo socio (un POD è un misuratore); trovato count {count}',
    '{where}.valid_to: expected a date after valid_from ({valid_from}); found {valid_to}':
        '{where}.valid_to: attesa una data dopo valid_from ({valid_from}); trovato {valid_to}',
    '{where}.value: expected {shape}; found {found!r}':
        '{where}.value: atteso {shape}; trovato {found!r}',
    '{where}.{field}: expected a member id; found {ref!r}':
        "{where}.{field}: atteso l'id di un socio; trovato {ref!r}",
    '{where}: stored run settings are invalid ({err})':
        '{where}: le impostazioni di simulazione archiviate non sono valide ({err})',
}

ERRORS = {"en": {}, "it": _IT}
"""English template → template in the language."""
