"""Messages in Italian (errors, warnings, the readers' notes, progress phases with values),
keyed by their English template (as gettext's msgid): a :class:`twin.errors.Text` raised or
reported with one of these templates is shown in Italian by ``--lang it``. English needs no
table: the template is the English. A test finds every ``Text("...")`` in the code and checks
it is here, with no placeholder the English lacks. The weather library's own messages
(``weather``, which knows nothing of cer-twin) and the internal errors of bugs stay English."""

import re

from twin.core.locale import Say
from twin.core.locale.errors_data import DATA_IT

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
    '{store}: the log of branch {branch!r} fails verification, so it is not run:':
        '{store}: il registro del ramo {branch!r} non supera la verifica, quindi non si simula:',
    '{failed} of {count} groups of variants failed:':
        '{failed} di {count} gruppi di varianti sono falliti:',
    '{failed} of {count} variants failed after {retries} retries:':
        '{failed} di {count} varianti sono fallite dopo {retries} tentativi:',
    '{name}: the header is not a {fmt} header{looks}':
        "{name}: l'intestazione non è un'intestazione {fmt}{looks}",
    ' (it looks like {detected})':
        ' (sembra {detected})',
    '{where}.effective: {error}':
        '{where}.effective: {error}',
    '{option}: {error}':
        '{option}: {error}',
    'plant {plant!r}: {kwp:,.0f} kWp is above the {cap:,.0f} kW premium cap (RO-2024 §1.2.1.2 b): check its eligibility':
        "impianto {plant!r}: {kwp:,.0f} kWp supera il tetto di {cap:,.0f} kW della tariffa premio (RO-2024 §1.2.1.2 b): verificarne l'accesso",
    'member {member!r}: {kwh:,.0f} kWh a year is more than {soft:,.0f}: a very large site for a CER member':
        "socio {member!r}: {kwh:,.0f} kWh l'anno sono più di {soft:,.0f}: un sito molto grande per un socio di CER",
    'configuration {id!r}: existing plants are {share:.0%} of its plant power, above the 30 % allowed (RO-2024 §1.2.1.2)':
        'configurazione {id!r}: gli impianti esistenti sono il {share:.0%} della sua potenza, oltre il 30 % ammesso (RO-2024 §1.2.1.2)',
    # progress phases with values (shown on the progress bar)
    'applied {events} events ({intervals} intervals)':
        'applicati {events} eventi ({intervals} intervalli)',
    'computed PV for {plants} plants and loads for {members} members':
        'calcolati il fotovoltaico di {plants} impianti e i carichi di {members} soci',
    'drew {events} future events (seed {seed})':
        'estratti {events} eventi futuri (seme {seed})',
    'roof {id}':
        'tetto {id}',
    'member batch {id}':
        'gruppo di soci {id}',
    'new configuration {id}':
        'nuova configurazione {id}',
    'battery {id}':
        'batteria {id}',
}

class Translations(dict):
    """English template → template in one language, and that language's numbers: a number in
    an error is written with its separators (``1.500``, ``0,250``) by the spec it is given."""

    def __init__(self, lang: str, table: dict[str, str]) -> None:
        super().__init__(table)
        self.lang = lang

    def format_number(self, value: float, spec: str) -> str | None:
        """``value`` for the spec ``,``, ``d``, ``.Nf``, ``g`` or ``.N%`` (with or without
        grouping), or a float without a spec, in the language; None for a plain integer and
        for any other spec (widths, signs, fills): those are written as ``str.format`` does."""
        match = re.fullmatch(r",?(?:\.(\d+))?([fdg%]?)", spec)
        if match is None:
            return None
        digits, kind = match.group(1), match.group(2)
        if spec == "" and not isinstance(value, float):
            return None  # a plain integer (a line, an event number) as written
        say = Say(self.lang)
        if kind == "g" or (kind == "" and digits is None):
            return say.g(value)
        if kind == "%":
            return say.n(100 * value, int(digits or 0)) + " %"
        return say.n(value, int(digits or 0))


ERRORS = {"en": {}, "it": Translations("it", {**_IT, **DATA_IT})}
"""English template → template in the language."""
