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
}

ERRORS = {"en": {}, "it": _IT}
"""English template → template in the language."""
