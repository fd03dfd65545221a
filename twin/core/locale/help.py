"""The command line's help in Italian, keyed by its English text (as gettext's msgid):
``cer-twin --lang it ... --help`` (or ``CER_TWIN_LANG=it``) shows it. :data:`ARGPARSE_IT` holds
argparse's own phrases (usage, section titles, its error templates); a test checks that every
help text of the parser is here and that argparse still uses each phrase."""

HELP_IT = {
    'compress results.nc (zlib): about 2.5 times smaller, slower to write':
        'comprime results.nc (zlib): circa 2,5 volte più piccolo, più lento da scrivere',
    'language of the terminal, of the reports and of the messages (default: CER_TWIN_LANG, else en); also after the command':
        'lingua del terminale, dei rapporti e dei messaggi (predefinita: CER_TWIN_LANG, altrimenti en); anche dopo il comando',
    'Digital twin of an Italian renewable energy community (CER). With no scenario, runs the built-in CER.ca.MI Solidale scenario.':
        'Gemello digitale di una comunità energetica rinnovabile italiana (CER). Senza scenario simula lo scenario integrato di CER.ca.MI Solidale.',
    'Exit codes: 0 success; 1 internal error or failed sweep variants; 2 invalid input (message names the file and field); 3 event-store verification failed.':
        "Codici di uscita: 0 riuscito; 1 errore interno o varianti dello studio fallite; 2 dati non validi (il messaggio indica file e campo); 3 verifica dell'archivio di eventi non superata.",
    'show the Python traceback of an internal error (a bug)':
        'mostra il traceback Python di un errore interno (un difetto)',
    "let scenarios read data files outside their own folder (absolute paths or '..'); refused by default":
        "permette agli scenari di leggere file di dati fuori dalla propria cartella (percorsi assoluti o '..'); rifiutato di norma",
    'simulate a scenario or a store branch and print shared energy and incentives':
        "simula uno scenario o un ramo dell'archivio e stampa energia condivisa e incentivi",
    'explain one hour of one configuration':
        "spiega un'ora di una configurazione",
    "one member's year: energy, shared energy, bills, support":
        "l'anno di un socio: energia, energia condivisa, bollette, sostegno",
    'the event log: init, log, append, verify':
        'il registro degli eventi: init, log, append, verify',
    'branches of the event log: create, list':
        'rami del registro degli eventi: create, list',
    'write a generated Milan weather year, or compare the generator with a weather file':
        'scrive un anno meteo di Milano generato, o confronta il generatore con un file meteo',
    'rank candidate roofs and member batches, with sizing curves':
        'ordina tetti e gruppi di soci candidati, con le curve di dimensionamento',
    'run two scenarios (or two branches) and show the difference per configuration and year':
        'simula due scenari (o due rami) e mostra la differenza per configurazione e anno',
    'measured meter data: import, log':
        'dati misurati dei contatori: import, log',
    'run many variants (scenarios, branches, roof sizes, weather years) on dask.distributed':
        'esegue molte varianti (scenari, rami, taglie di tetto, anni meteo) su dask.distributed',
    'members and plants active at a time on a branch':
        'soci e impianti attivi in un istante su un ramo',
    'measured vs modelled, meter by meter, with suggested corrections':
        'misurato e modello a confronto, misuratore per misuratore, con le correzioni proposte',
    'Simulate the period, print a table per configuration and for the community, and write results.nc, summary.csv, cashflow.csv.':
        'Simula il periodo, stampa una tabella per configurazione e per la comunità e scrive results.nc, summary.csv, cashflow.csv.',
    'scenario TOML file, or the name of a built-in one (default: cercami-solidale.toml); not with --store':
        'file TOML di scenario, o il nome di uno integrato (predefinito: cercami-solidale.toml); non con --store',
    'event store: a SQLite file or a postgresql:// URL':
        'archivio di eventi: un file SQLite o un URL postgresql://',
    'branch of the store (default: main)':
        "ramo dell'archivio (predefinito: main)",
    'output folder (default: ./results/<scenario name or branch>)':
        'cartella dei risultati (predefinita: ./results/<nome dello scenario o del ramo>)',
    'write into --out even if it holds other results':
        'scrive in --out anche se contiene altri risultati',
    "simulate this many calendar years from the scenario's start (a new weather year each year; the [future] section drawn as events)":
        "simula tanti anni solari dall'inizio dello scenario (un nuovo anno meteo ogni anno; la sezione [future] estratta come eventi)",
    "also run N weather years (seeds from the scenario's) and report P90/P50/P10 (P90: exceeded in 90 %% of years) of shared energy, premium, fund and NPV per configuration (montecarlo.csv, montecarlo_p_values.csv) and NPV per plant (montecarlo_plant_npv.csv)":
        'simula anche N anni meteo (semi da quello dello scenario) e riporta P90/P50/P10 (P90: superato nel 90 %% degli anni) di energia condivisa, tariffa premio, fondo e VAN per configurazione (montecarlo.csv, montecarlo_p_values.csv) e il VAN per impianto (montecarlo_plant_npv.csv)',
    'print nothing but errors':
        'non stampa nulla tranne gli errori',
    'print the summary as JSON (machine-readable) instead of tables':
        'stampa il riepilogo in JSON (per altri programmi) invece delle tabelle',
    'also write report.html: one self-contained page with the charts':
        'scrive anche report.html: una pagina autonoma con i grafici',
    'also print the report to report.pdf, its summary on page 1 (headless Chromium; implies --report)':
        'stampa anche il rapporto in report.pdf, con la sintesi a pagina 1 (Chromium headless; implica --report)',
    'also write audit.csv: every hour × plant with shared energy, its price, premium rate, F, rule version and euro':
        "scrive anche audit.csv: ogni ora × impianto con l'energia condivisa, il suo prezzo, la tariffa, F, la versione delle regole e gli euro",
    'language of the terminal, of the reports and of the messages (default: CER_TWIN_LANG, else en)':
        'lingua del terminale, dei rapporti e dei messaggi (predefinita: CER_TWIN_LANG, altrimenti en)',
    'Run and print the derivation of one hour of one configuration: flows, shared energy, the split among plants, premium, valorization and RID, with their legal sources.':
        "Simula e stampa la derivazione di un'ora di una configurazione: flussi, energia condivisa, ripartizione fra gli impianti, tariffa premio, valorizzazione e RID, con le fonti normative.",
    'start of the hour, ISO 8601; local Europe/Rome time unless it has an offset (e.g. 2026-06-15T13:00 or 2026-06-15T11:00Z)':
        "inizio dell'ora, ISO 8601; ora locale Europe/Rome salvo scostamento indicato (per esempio 2026-06-15T13:00 o 2026-06-15T11:00Z)",
    'configuration id':
        'id della configurazione',
    "Run and print one member's period: consumption, withdrawal and self-consumption, its part of the configuration's shared energy (pro rata of withdrawal by month and band), its bills month by month with and without its own plant, the bonus sociale and the solidarity fund's support.":
        "Simula e stampa il periodo di un socio: consumo, prelievo e autoconsumo, la sua parte dell'energia condivisa della configurazione (in proporzione al prelievo per mese e fascia), le bollette mese per mese con e senza il proprio impianto, il bonus sociale e il sostegno del fondo solidale.",
    'member id (as in members.csv)':
        'id del socio (come in members.csv)',
    "simulate this many calendar years from the scenario's start":
        "simula tanti anni solari dall'inizio dello scenario",
    'seed the main branch of a store from a scenario file':
        'avvia il ramo main di un archivio da un file di scenario',
    'list the events of a branch':
        'elenca gli eventi di un ramo',
    'append events from an event file, or the events a what-if scenario file adds to its base':
        'aggiunge gli eventi di un file di eventi, o quelli che un file what-if aggiunge alla sua base',
    'append the event that cancels event SEQ (where the domain has one)':
        "aggiunge l'evento che annulla l'evento SEQ (se il dominio ne ha uno)",
    'check the hash chains and head records of every branch':
        'verifica le catene di hash e i record di testa di ogni ramo',
    'scenario file or built-in name (default: cercami-solidale.toml)':
        'file di scenario o nome di uno integrato (predefinito: cercami-solidale.toml)',
    'SQLite file or postgresql:// URL':
        'file SQLite o URL postgresql://',
    'only events effective at or before this time (local date or time, or with an offset)':
        'solo gli eventi efficaci fino a questo istante (data o ora locale, o con scostamento)',
    'event file ([[events]] in TOML, a JSON list), or a what-if scenario file (one with `extends`)':
        'file di eventi ([[events]] in TOML, una lista JSON), o un file what-if (con `extends`)',
    'show the events and append nothing':
        'mostra gli eventi e non aggiunge nulla',
    "refuse unless the branch's last event is this one (concurrency)":
        "rifiuta se l'ultimo evento del ramo non è questo (concorrenza)",
    'sequence number of the event':
        "numero di sequenza dell'evento",
    "the head printed after an append, kept elsewhere: the branch's log must still reach it (nothing cut off and re-recorded)":
        "la testa stampata dopo un'aggiunta, conservata altrove: il registro del ramo deve ancora raggiungerla (nulla tagliato e riscritto)",
    'branch of --expect-head (default: main)':
        'ramo di --expect-head (predefinito: main)',
    'fork a branch':
        'crea un ramo',
    'list the branches':
        'elenca i rami',
    'name of the new branch':
        'nome del nuovo ramo',
    'branch to fork (at its head)':
        'ramo da cui partire (dalla sua testa)',
    "fork after this event (default: the branch's last): the way back from a bad event is a branch forked before it":
        "dirama dopo questo evento (predefinito: l'ultimo del ramo): la via d'uscita da un evento sbagliato è un ramo creato prima di esso",
    "With --out: write one generated year (seeded) as CSV (time in UTC, interval start; ghi, dni, dhi W/m², temp_air °C, wind_speed m/s). With --compare: print the generator's monthly figures (mean of --seeds years) next to a weather file's.":
        "Con --out: scrive un anno generato (con seme) in CSV (ora in UTC, inizio dell'intervallo; ghi, dni, dhi W/m², temp_air °C, wind_speed m/s). Con --compare: stampa i dati mensili del generatore (media di --seeds anni) accanto a quelli di un file meteo.",
    'weather seed (default 0)':
        'seme meteo (predefinito 0)',
    'calendar year (default 2026)':
        'anno solare (predefinito 2026)',
    'time step of the generated series':
        'passo temporale della serie generata',
    'take the monthly targets from this EPW file instead of UNI 10349':
        'prende gli obiettivi mensili da questo file EPW invece che dalla UNI 10349',
    'CSV file to write':
        'file CSV da scrivere',
    'weather file to compare with':
        'file meteo con cui confrontare',
    'format of the --compare file (default: epw)':
        'formato del file di --compare (predefinito: epw)',
    'generated years averaged in --compare (default 20)':
        'anni generati mediati in --compare (predefinito 20)',
    'Simulate the scenario once, add each candidate (each roof at each size, each batch of members), apply the rules again, and rank by NPV with marginal shared energy, premium and fund gain per € invested.':
        "Simula lo scenario una volta, aggiunge ogni candidato (ogni tetto a ogni taglia, ogni gruppo di soci), riapplica le regole e ordina per VAN con l'energia condivisa, la tariffa premio e il fondo in più per € investito.",
    'candidates TOML file':
        'file TOML dei candidati',
    'what the portfolio maximises step by step':
        'che cosa massimizza il portafoglio passo per passo',
    'folder for ranking.csv, sizing_curves.csv and portfolio.csv (default: ./results/expand-<scenario>)':
        'cartella per ranking.csv, sizing_curves.csv e portfolio.csv (predefinita: ./results/expand-<scenario>)',
    'B minus A: shared energy, premium, valorization, fund and self-sufficiency per configuration and year, and the hours where shared energy differs most.':
        "B meno A: energia condivisa, tariffa premio, valorizzazione, fondo e autosufficienza per configurazione e anno, e le ore in cui l'energia condivisa differisce di più.",
    'scenario file or built-in name, or a branch with --store':
        'file di scenario o nome di uno integrato, o un ramo con --store',
    'compare two branches of this store':
        'confronta due rami di questo archivio',
    'simulate this many years':
        'simula tanti anni',
    'also write report.html':
        'scrive anche report.html',
    'compare even when A and B differ in period, seed, weather or prices (the output says how); refused otherwise':
        'confronta anche quando A e B differiscono per periodo, seme, meteo o prezzi (il risultato dice come); altrimenti rifiutato',
    'also B minus A under N weather years with paired seeds: P90/P50/P10 of the difference (compare_montecarlo.csv)':
        'anche B meno A su N anni meteo con semi appaiati: P90/P50/P10 della differenza (compare_montecarlo.csv)',
    'folder for compare.csv and compare_hours.csv (default: ./results/compare-A-B)':
        'cartella per compare.csv e compare_hours.csv (predefinita: ./results/compare-A-B)',
    'validate a distributor export, store it content-hashed and record MeterDataImported; runs then use the measured values':
        "convalida un'esportazione del distributore, la archivia per hash del contenuto e registra MeterDataImported; le simulazioni usano poi i valori misurati",
    'every import of a branch, and how many of its intervals are still in force':
        'ogni importazione di un ramo, e quanti dei suoi intervalli sono ancora in vigore',
    'Distributor exports (docs/events.md): daily rows (POD;Data;1..24 or 1..96), interval rows (POD;Data;Ora|Quarto;kWh), the e-distribuzione portal file, the Unareti curve export, or plain time,value rows. Imports accumulate; a later import of an interval corrects it.':
        "Esportazioni dei distributori (docs/events.md): righe giornaliere (POD;Data;1..24 o 1..96), righe per intervallo (POD;Data;Ora|Quarto;kWh), il file del portale e-distribuzione, l'esportazione delle curve Unareti, o righe semplici tempo,valore. Le importazioni si sommano; un'importazione successiva di un intervallo lo corregge.",
    "the distributor's export (CSV)":
        "l'esportazione del distributore (CSV)",
    'the member whose withdrawal this is':
        'il socio di cui è questo prelievo',
    'the plant whose injection this is':
        "l'impianto di cui è questa immissione",
    "import only this quantity (default: every quantity in the file that applies: a member's withdrawal, and the net injection of plants behind its POD; a plant's injection)":
        "importa solo questa grandezza (predefinito: ogni grandezza del file che vale: il prelievo di un socio e l'immissione netta degli impianti dietro il suo POD; l'immissione di un impianto)",
    "the export's layout (default: detected from the header)":
        "il formato dell'esportazione (predefinito: riconosciuto dall'intestazione)",
    'unit of the values when the file does not say: kWh, Wh, MWh (per interval) or kW (mean power)':
        'unità dei valori quando il file non la dice: kWh, Wh, MWh (per intervallo) o kW (potenza media)',
    "the POD, when the file names none (it must be the target's)":
        'il POD, quando il file non ne indica (deve essere quello del destinatario)',
    'Expand a sweep file into its variants, run them on a local dask cluster or an existing one, and write one Dataset: a list of variants along a scenario dimension (summary per configuration and hourly shared energy), or a grid (scenario + [grid]) with one dimension per swept field. A variant that fails is retried, then reported by name (exit code 1, the others still written).':
        'Espande un file di studio nelle sue varianti, le esegue su un cluster dask locale o esistente e scrive un Dataset: un elenco di varianti lungo una dimensione scenario (riepilogo per configurazione ed energia condivisa oraria), o una griglia (scenario + [grid]) con una dimensione per campo variato. Una variante che fallisce è ritentata, poi indicata per nome (codice di uscita 1, le altre scritte comunque).',
    'sweep file (TOML: scenarios or store and branches, candidates, weather_seeds, years; or scenario + [grid]; see the README)':
        'file di studio (TOML: scenarios o store e branches, candidates, weather_seeds, years; o scenario + [grid]; vedi il README)',
    'workers of the local cluster (default: one per core)':
        'processi del cluster locale (predefinito: uno per core)',
    'address of an existing dask scheduler, e.g. tcp://10.0.0.5:8786':
        'indirizzo di uno scheduler dask esistente, per esempio tcp://10.0.0.5:8786',
    'NetCDF (.nc) or Zarr (.zarr) file (default: ./results/sweep-<spec>.nc)':
        'file NetCDF (.nc) o Zarr (.zarr) (predefinito: ./results/sweep-<spec>.nc)',
    'run up to N variants (default: at most 10,000 are refused beyond)':
        'esegue fino a N varianti (predefinito: oltre 10.000 si rifiuta)',
    'local date or time, or with an offset':
        'data o ora locale, o con scostamento',
    "For each meter with measured data: the model's energy for the same intervals and weather, monthly and for the period (plants: performance against the model, specific yield; members: energy ratio, r, peaks), and the correction each suggests (a plant derate, a member's annual_kwh). --apply appends them to the branch.":
        "Per ogni misuratore con dati misurati: l'energia del modello negli stessi intervalli e con lo stesso meteo, per mese e per il periodo (impianti: resa rispetto al modello, produzione specifica; soci: rapporto di energia, r, picchi), e la correzione proposta (un declassamento d'impianto, l'annual_kwh di un socio). --apply le aggiunge al ramo.",
    'append the suggested corrections as events (store only)':
        'aggiunge le correzioni proposte come eventi (solo con un archivio)',
    'also write calibration.html (charts per meter)':
        'scrive anche calibration.html (grafici per misuratore)',
    'folder for calibration.csv and calibration_monthly.csv (default: ./results/calibrate-<branch or scenario>)':
        'cartella per calibration.csv e calibration_monthly.csv (predefinita: ./results/calibrate-<ramo o scenario>)',
}

ARGPARSE_IT = {
    'usage: ':
        'uso: ',
    'positional arguments':
        'argomenti posizionali',
    'options':
        'opzioni',
    'show this help message and exit':
        'mostra questo aiuto ed esce',
    "show program's version number and exit":
        'mostra la versione del programma ed esce',
    '%(prog)s: error: %(message)s\n':
        '%(prog)s: errore: %(message)s\n',
    'argument %(argument_name)s: %(message)s':
        'argomento %(argument_name)s: %(message)s',
    'invalid choice: %(value)r (choose from %(choices)s)':
        'scelta non valida: %(value)r (scegliere fra %(choices)s)',
    'invalid %(type)s value: %(value)r':
        'valore %(type)s non valido: %(value)r',
    'the following arguments are required: %s':
        'mancano gli argomenti obbligatori: %s',
    'unrecognized arguments: %s':
        'argomenti non riconosciuti: %s',
    'expected one argument':
        'atteso un argomento',
    'expected at least one argument':
        'atteso almeno un argomento',
    'expected at most one argument':
        'atteso al massimo un argomento',
    'ambiguous option: %(option)s could match %(matches)s':
        'opzione ambigua: %(option)s potrebbe essere %(matches)s',
    'not allowed with argument %s':
        "non ammesso con l'argomento %s",
    'one of the arguments %s is required':
        'serve uno degli argomenti %s',
    'ignored explicit argument %r':
        'argomento esplicito ignorato %r',
}
