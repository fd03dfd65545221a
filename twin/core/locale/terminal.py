"""The terminal's sentences, table titles and column headers, in English and Italian (part of
:data:`twin.core.locale.CATALOGUE`; keys are ``area.name``). Placeholders take values already
written in the language (:class:`twin.core.locale.Say`); ``[bold]`` and ``\\[`` are rich markup."""

_EN = {
    # every command
    "cli.error": "error:",
    "cli.warning": "warning:",
    "cli.note": "note:",
    "cli.interrupted": "interrupted",
    "cli.internal": "internal error:",
    "cli.bug": "This is a bug in cer-twin: rerun with `cer-twin --debug ...` for the traceback, "
               "and please report it.",
    "cli.wrote": "Wrote {files}",
    "cli.bad_lang": "CER_TWIN_LANG: expected one of {expected}; found {found!r}",
    "cli.simulating": "Simulating {name}",
    "cli.loading": "Loading {source}…",
    "cli.store_branch": "{store} (branch {branch})",
    # run
    "run.title": "{name}{where}, {start} to {end} (excl.), {step} steps, seed {seed}",
    "run.where": ", store branch '{branch}'",
    "run.continued": " (continued)",
    "run.cash": "GSE cash: advances net of fees {advances}; {count} yearly settlement(s) "
                "{settlements}; total {total} (monthly in cashflow.csv).",
    "run.by_year": "Community by year (members joined and left, plant outages)",
    "run.fund": "Solidarity fund: inflows {inflows}; to {families} energy-poor families "
                "{support}; to projects {projects} ({done} of {total} funded); balance at the "
                "end {balance} (fund.csv, projects.csv).",
    "run.family": "An energy-poor family's bill: {bill} a year (after the bonus sociale), "
                  "{burden} % of an assumed income of {income}; support from the fund {support} "
                  "a year, leaving {after} % (bills.csv, members.csv).",
    "run.avoided": "Self-consumption behind members' meters avoids {avoided} of their bills "
                   "(members.csv; counted in finance.csv).",
    "run.sources": "Weather: {weather}; prices: {prices}.",
    "run.monte_carlo": "Community over {runs} weather years (P90: exceeded in 90 % of years, "
                       "the prudent figure)",
    "run.monte_carlo_progress": "Weather years",
    # the summary table's rows
    "row.members": "Members (at end)",
    "row.plants_kw": "Plants kW (at end)",
    "row.injected": "Injected MWh",
    "row.withdrawn": "Withdrawn MWh",
    "row.shared": "Shared MWh",
    "row.shared_pct": "Shared/injected %",
    "row.self_consumed": "Self-consumed MWh",
    "row.shared_withdrawn": "Shared/withdrawn %",
    "row.self_sufficiency": "Self-sufficiency %",
    "row.premium": "TIP premium €",
    "row.valorization": "Valorization €",
    "row.fees": "GSE fees €",
    "row.fund": "Solidarity fund €",
    "row.net": "Net incentives €",
    "row.earmarked": " earmarked (55%) €",
    "row.rid": "RID, producers €",
    "row.community": "Community",
    # column headers
    "col.year": "year", "col.month": "month", "col.hour": "hour", "col.days": "days",
    "col.shared_mwh": "shared MWh", "col.tip_eur": "TIP €", "col.fund_eur": "fund €",
    "col.npv_eur": "NPV €", "col.joined": "joined", "col.left": "left",
    "col.outages": "outages", "col.withdrawn_kwh": "withdrawn kWh", "col.bill_eur": "bill €",
    "col.without_plant_eur": "without own plant €", "col.configuration": "configuration",
    "col.d_shared_mwh": "Δ shared MWh", "col.d_tip_eur": "Δ TIP €",
    "col.d_valorization_eur": "Δ valorization €", "col.d_fund_eur": "Δ fund €",
    "col.candidate": "candidate", "col.saturates": "saturates", "col.branch": "branch",
    "col.from": "from", "col.at_event": "at event", "col.last_event": "last event",
    "col.created": "created (UTC)", "col.kind": "kind", "col.details": "details",
    "col.meter": "meter", "col.file": "file", "col.period": "period (UTC)",
    "col.intervals": "intervals", "col.in_force": "in force", "col.hours": "hours",
    "col.measured_mwh": "measured MWh", "col.model_mwh": "model MWh", "col.ratio": "ratio",
    "col.peak_kw": "peak kW", "col.ghi_file": "GHI file kWh/m²",
    "col.ghi_generated": "GHI generated", "col.t_file": "T file °C",
    "col.t_generated": "T generated", "col.d_mwh_year": "ΔMWh/yr",
    "col.d_tip_year": "ΔTIP €/yr", "col.d_fund_year": "Δfund €/yr", "col.irr_pct": "IRR %",
    "col.sum_mwh_year": "Σ MWh/yr", "col.sum_npv_eur": "Σ NPV €",
    # member
    "member.head": "[bold]{member}[/] ({category}, configuration {configuration}), {days} days "
                   "a member",
    "member.energy": "Consumption {consumption} kWh: withdrawn {withdrawn} kWh, self-consumed "
                     "from its own plant {self_consumed} kWh. Its part of the configuration's "
                     "shared energy {shared} kWh (pro rata of withdrawal by month and band).",
    "member.bills_title": "Bills by month (€, taxes included)",
    "member.bills": "Bills {bill} (bonus sociale deducted {bonus}); without its own plant "
                    "{without}{vat}; support from the solidarity fund {support}; after it "
                    "{after}. Community membership itself does not change a bill: shared energy "
                    "is settled virtually and its incentive goes to the community.",
    "member.vat": " (net of recoverable VAT)",
    "category.household": "household", "category.energy_poor_household": "energy-poor household",
    "category.sme": "small or medium business", "category.public_body": "public body",
    "category.third_sector": "third-sector body", "category.religious_body": "religious body",
    "category.environmental_body": "environmental body", "category.university": "university",
    # events, branch, state, meters
    "events.seeded": "Seeded branch main of {store} with {count} events from {source}.",
    "events.log_head": "{store}, branch {branch}: seq, branch, recorded (UTC), effective "
                       "(local), event, what",
    "events.shown": "{shown} of {total} events.",
    "events.dry_run": "{count} event(s) from {file}; nothing appended (--dry-run).",
    "events.appended": "Appended events {first}-{last} to branch '{branch}' of {store}. Head "
                       "{token} (keep it elsewhere: `events verify --expect-head` proves nothing "
                       "was cut off later).",
    "events.empty_store": "{store}: an empty file, not an event store (truncated?)",
    "events.problems": "{count} problem(s) in {store}.",
    "events.intact": "{store}: the hash chains and head records of all {count} branch(es) are "
                     "intact{head}",
    "events.reaches": ", and branch '{branch}' reaches head {token}.",
    "events.reverted": "Appended event {seq} ({kind}) cancelling event {target} on branch "
                       "'{branch}'. Head {token}.",
    "branch.created": "Created branch '{name}' from '{parent}' at event {seq}.",
    "branch.title": "Branches of {store}",
    "state.head": "Branch '{branch}' of {store} as of {when}: {members} members, {plants} "
                  "plants.",
    "state.plant": "plant", "state.members": "members",
    "state.plant_details": "{kw} kW, in operation {since}{outage}",
    "state.outage": " (in outage)",
    "state.member_details": "{count} × {category}, since {since}",
    "meters.imported": "Imported {count} {step} values ({kwh} kWh) of POD {pod} as {quantity} "
                       "of {owner}: event {seq} on branch '{branch}' (format {format}{detected}, "
                       "unit {unit}, file SHA-256 {sha}…).",
    "meters.detected": " (detected)",
    "meters.title": "Meter imports on branch '{branch}' of {store}",
    "meters.period": "{start} to {end}",
    "meters.count": "{count} import(s); 'in force': intervals whose value a later import has "
                    "not corrected.",
    # studies
    "expand.progress": "Evaluating candidates",
    "expand.title": "Candidates for {name}, ranked by NPV over {years} years at {rate} %",
    "expand.wrote": "Wrote {ranking}, {curves} (each candidate alone, every size) and "
                    "{portfolio} (one after another).",
    "expand.no_saturation": "does not saturate within its room",
    "expand.saturation": "saturates at {kwp} kWp (beyond it each added kWp shares less than "
                         "{pct} % of what the first kWp shared)",
    "expand.sizing": "{candidate}: {saturation}; best size in kWp by {best}",
    "expand.by_npv": "npv", "expand.by_fund": "fund", "expand.by_shared_energy": "shared energy",
    "expand.by_fund_per_euro": "fund per euro",
    "portfolio.title": "Portfolio by {objective}: each step given the ones before",
    "portfolio.unchecked": "No exhaustive check (more than 8 candidates, or none to combine).",
    "portfolio.agrees": "Exhaustive check over every subset: greedy's set is the best "
                        "({value}).",
    "portfolio.differs": "Exhaustive check: the best subset is {best} ({best_value}), "
                         "greedy's {greedy} ({greedy_value}).",
    "compare.title": "{b} minus {a}, whole period{differ}",
    "compare.differ": " (inputs differ: {what})",
    "compare.hours": "Hours where shared energy differs most (local time)",
    "compare.paired": "B minus A over {runs} paired weather years (P90: exceeded in 90 % of "
                      "years)",
    "compare.paired_progress": "Paired weather years",
    "sweep.start": "Sweep of {count} variants on {address} ({workers} workers)",
    "sweep.progress": "Sweep",
    "sweep.wrote_grid": "Wrote {out}: {shape}; P-values with "
                        "twin.studies.percentiles(ds, dim=\"weather_seed\").",
    "sweep.wrote_list": "Wrote {out}: {variants} variants × {configurations} configurations.",
    "calibrate.progress": "Calibrating",
    "calibrate.title": "Measured vs modelled, {name}",
    "calibrate.legend": "ratio = measured / modelled energy over the measured intervals; peak "
                        "kW measured/modelled.",
    "calibrate.derate": "suggested: derate plant {plant} by {factor}",
    "calibrate.rescale": "suggested: member {member}, annual_kwh {kwh}",
    "calibrate.appended": "Appended events {first}-{last} to branch '{branch}'.",
    "weather.wrote": "Wrote {out}: {source}, {steps} steps of {step}, GHI {ghi} kWh/m². Read it "
                     "back with \\[weather] source = \"csv\".",
    "weather.title": "Built-in generator ({basis}, mean of {seeds} seeds) vs {file}",
    "weather.calibrated": "calibrated to {file}",
    "weather.spread": "Annual GHI of the generated years: {low} to {high} kWh/m² (one seed, one "
                      "year).",
    # the library's progress phases (twin.core.progress), shown on the bar
    "phase.member loads": "member loads", "phase.applied the rules": "applied the rules",
    "phase.candidates": "candidates", "phase.paired weather years": "paired weather years",
    "phase.modelling the metered period": "modelling the metered period",
    "phase.meters": "meters", "phase.variants": "variants",
    "phase.portfolio steps": "portfolio steps", "phase.weather years": "weather years",
    # explain (twin.sim.explain)
    "explain.head": "Configuration {configuration} ({name}, cabina primaria {cabina}), hour "
                    "starting {local} ({utc} UTC), rule version {version}.",
    "explain.switches": "Switches: {switches} (docs/rules.md).",
    "explain.shared": "1. Shared energy (TIAD via RO-2024 App. A, §2.2.2.1.2): min(injection, "
                      "withdrawal) over the configuration in this hour.",
    "explain.shared_numbers": "   injected {injected} kWh, withdrawn {withdrawn} kWh → shared = "
                              "min = {shared} kWh",
    "explain.split": "2. Split among plants by entry into operation, earliest first (RO-2024 "
                     "App. A;",
    "explain.ties": "   plants entering operation on the same day: {ties}):",
    "explain.plant": "plant", "explain.in_operation": "in operation",
    "explain.injected": "injected", "explain.allocated": "allocated",
    "explain.premium": "3. Premium, DM 414/2023 Allegato 1 (RO-2024 App. B):",
    "explain.premium_terms": "   Pz = {price} €/MWh, FC for {region}, e = share of withdrawal "
                             "exempt from F = {exempt}",
    "explain.no_premium": "   {plant}: no premium: {why}",
    "explain.incentivised": "      × {energy} kWh incentivised = € {premium}",
    "explain.premium_total": "   premium of the hour: € {total}",
    "explain.valorization": "4. ARERA valorization (TIAD, RO-2024 §2.2.2.2): TRAS_E {tras_e} "
                            "€/MWh × {shared} kWh{group} = € {total}",
    "explain.group": " + BTAU and avoided losses (building group)",
    "explain.rid": "5. Ritiro Dedicato to producers: {injected} kWh × {price} €/MWh = € {total}",
}

_IT = {
    "cli.error": "errore:",
    "cli.warning": "avviso:",
    "cli.note": "nota:",
    "cli.interrupted": "interrotto",
    "cli.internal": "errore interno:",
    "cli.bug": "È un difetto di cer-twin: ripetere con `cer-twin --debug ...` per vedere il "
               "traceback, e segnalarlo per favore.",
    "cli.wrote": "Scritti {files}",
    "cli.bad_lang": "CER_TWIN_LANG: atteso uno fra {expected}; trovato {found!r}",
    "cli.simulating": "Simulazione di {name}",
    "cli.loading": "Caricamento di {source}…",
    "cli.store_branch": "{store} (ramo {branch})",
    "run.title": "{name}{where}, dal {start} al {end} (escluso), passo {step}, seme {seed}",
    "run.where": ", ramo '{branch}' dell'archivio",
    "run.continued": " (segue)",
    "run.cash": "Incassi GSE: acconti al netto dei corrispettivi {advances}; {count} "
                "conguaglio/i annuale/i {settlements}; totale {total} (per mese in "
                "cashflow.csv).",
    "run.by_year": "Comunità per anno (soci entrati e usciti, fermi degli impianti)",
    "run.fund": "Fondo solidale: entrate {inflows}; a {families} famiglie in povertà energetica "
                "{support}; ai progetti {projects} ({done} di {total} finanziati); saldo finale "
                "{balance} (fund.csv, projects.csv).",
    "run.family": "Bolletta di una famiglia in povertà energetica: {bill} l'anno (dopo il bonus "
                  "sociale), {burden} % di un reddito ipotetico di {income}; sostegno dal fondo "
                  "{support} l'anno, dopo il quale la bolletta pesa {after} % (bills.csv, "
                  "members.csv).",
    "run.avoided": "L'autoconsumo dietro i contatori dei soci evita {avoided} delle loro "
                   "bollette (members.csv; conteggiato in finance.csv).",
    "run.sources": "Meteo: {weather}; prezzi: {prices}.",
    "run.monte_carlo": "Comunità su {runs} anni meteo (P90: superato nel 90 % degli anni, il "
                       "dato prudente)",
    "run.monte_carlo_progress": "Anni meteo",
    "row.members": "Soci (alla fine)",
    "row.plants_kw": "Impianti kW (fine)",
    "row.injected": "Immessa MWh",
    "row.withdrawn": "Prelevata MWh",
    "row.shared": "Condivisa MWh",
    "row.shared_pct": "Condivisa/immessa %",
    "row.self_consumed": "Autoconsumo MWh",
    "row.shared_withdrawn": "Condivisa/prelev. %",
    "row.self_sufficiency": "Autosufficienza %",
    "row.premium": "Premio TIP €",
    "row.valorization": "Valorizzazione €",
    "row.fees": "Corrispettivi GSE €",
    "row.fund": "Fondo solidale €",
    "row.net": "Incentivi netti €",
    "row.earmarked": " vincolato (55%) €",
    "row.rid": "RID, produttori €",
    "row.community": "Comunità",
    "col.year": "anno", "col.month": "mese", "col.hour": "ora", "col.days": "giorni",
    "col.shared_mwh": "condivisa MWh", "col.tip_eur": "premio €", "col.fund_eur": "fondo €",
    "col.npv_eur": "VAN €", "col.joined": "entrati", "col.left": "usciti",
    "col.outages": "fermi", "col.withdrawn_kwh": "prelevata kWh", "col.bill_eur": "bolletta €",
    "col.without_plant_eur": "senza impianto €", "col.configuration": "configurazione",
    "col.d_shared_mwh": "Δ condivisa MWh", "col.d_tip_eur": "Δ premio €",
    "col.d_valorization_eur": "Δ valorizzazione €", "col.d_fund_eur": "Δ fondo €",
    "col.candidate": "candidato", "col.saturates": "satura a", "col.branch": "ramo",
    "col.from": "da", "col.at_event": "all'evento", "col.last_event": "ultimo evento",
    "col.created": "creato (UTC)", "col.kind": "tipo", "col.details": "dettagli",
    "col.meter": "misuratore", "col.file": "file di origine", "col.period": "periodo (UTC)",
    "col.intervals": "intervalli", "col.in_force": "in vigore", "col.hours": "ore",
    "col.measured_mwh": "misurata MWh", "col.model_mwh": "modello MWh",
    "col.ratio": "rapporto", "col.peak_kw": "picco kW", "col.ghi_file": "GHI del file kWh/m²",
    "col.ghi_generated": "GHI generato", "col.t_file": "T del file °C",
    "col.t_generated": "T generata", "col.d_mwh_year": "ΔMWh/anno",
    "col.d_tip_year": "Δpremio €/anno", "col.d_fund_year": "Δfondo €/anno",
    "col.irr_pct": "TIR %", "col.sum_mwh_year": "Σ MWh/anno", "col.sum_npv_eur": "Σ VAN €",
    "member.head": "[bold]{member}[/] ({category}, configurazione {configuration}), socio per "
                   "{days} giorni",
    "member.energy": "Consumo {consumption} kWh: prelevati {withdrawn} kWh, autoconsumati dal "
                     "proprio impianto {self_consumed} kWh. La sua parte dell'energia condivisa "
                     "della configurazione {shared} kWh (in proporzione al prelievo per mese e "
                     "fascia).",
    "member.bills_title": "Bollette per mese (€, imposte incluse)",
    "member.bills": "Bollette {bill} (bonus sociale dedotto {bonus}); senza il proprio impianto "
                    "{without}{vat}; sostegno dal fondo solidale {support}; dopo il sostegno "
                    "{after}. L'adesione alla comunità di per sé non cambia una bolletta: "
                    "l'energia condivisa è regolata virtualmente e il suo incentivo va alla "
                    "comunità.",
    "member.vat": " (al netto dell'IVA detraibile)",
    "category.household": "famiglia",
    "category.energy_poor_household": "famiglia in povertà energetica",
    "category.sme": "piccola o media impresa", "category.public_body": "ente pubblico",
    "category.third_sector": "ente del terzo settore", "category.religious_body": "ente religioso",
    "category.environmental_body": "ente di protezione ambientale",
    "category.university": "università",
    "events.seeded": "Ramo main di {store} avviato con {count} eventi da {source}.",
    "events.log_head": "{store}, ramo {branch}: seq, ramo, registrato (UTC), efficace "
                       "(locale), evento, cosa",
    "events.shown": "{shown} di {total} eventi.",
    "events.dry_run": "{count} evento/i da {file}; nulla aggiunto (--dry-run).",
    "events.appended": "Aggiunti gli eventi {first}-{last} al ramo '{branch}' di {store}. "
                       "Testa {token} (conservarla altrove: `events verify --expect-head` prova "
                       "che in seguito nulla è stato tagliato).",
    "events.empty_store": "{store}: un file vuoto, non un archivio di eventi (troncato?)",
    "events.problems": "{count} problema/i in {store}.",
    "events.intact": "{store}: le catene di hash e i record di testa sono intatti in {count} "
                     "ramo/i{head}",
    "events.reaches": ", e il ramo '{branch}' arriva alla testa {token}.",
    "events.reverted": "Aggiunto l'evento {seq} ({kind}) che annulla l'evento {target} sul "
                       "ramo '{branch}'. Testa {token}.",
    "branch.created": "Creato il ramo '{name}' da '{parent}' all'evento {seq}.",
    "branch.title": "Rami di {store}",
    "state.head": "Ramo '{branch}' di {store} al {when}: {members} soci, {plants} impianti.",
    "state.plant": "impianto", "state.members": "soci",
    "state.plant_details": "{kw} kW, in esercizio dal {since}{outage}",
    "state.outage": " (fermo)",
    "state.member_details": "{count} × {category}, dal {since}",
    "meters.imported": "Importati {count} valori {step} ({kwh} kWh) del POD {pod} come "
                       "{quantity} di {owner}: evento {seq} sul ramo '{branch}' (formato "
                       "{format}{detected}, unità {unit}, file SHA-256 {sha}…).",
    "meters.detected": " (riconosciuto)",
    "meters.title": "Importazioni di misure sul ramo '{branch}' di {store}",
    "meters.period": "da {start} a {end}",
    "meters.count": "{count} importazione/i; 'in vigore': intervalli il cui valore non è stato "
                    "corretto da un'importazione successiva.",
    "expand.progress": "Valutazione dei candidati",
    "expand.title": "Candidati per {name}, in ordine di VAN su {years} anni al {rate} %",
    "expand.wrote": "Scritti {ranking}, {curves} (ogni candidato da solo, ogni taglia) e "
                    "{portfolio} (uno dopo l'altro).",
    "expand.no_saturation": "non satura nello spazio disponibile",
    "expand.saturation": "satura a {kwp} kWp (oltre, ogni kWp aggiunto condivide meno del {pct} % "
                         "di quanto condivideva il primo)",
    "expand.sizing": "{candidate}: {saturation}; taglia migliore in kWp per {best}",
    "expand.by_npv": "VAN", "expand.by_fund": "fondo", "expand.by_shared_energy":
    "energia condivisa", "expand.by_fund_per_euro": "fondo per euro investito",
    "portfolio.title": "Portafoglio per {objective}: ogni passo dati i precedenti",
    "portfolio.unchecked": "Nessuna verifica esaustiva (più di 8 candidati, o nessuno da "
                           "combinare).",
    "portfolio.agrees": "Verifica esaustiva su ogni sottoinsieme: l'insieme scelto passo per "
                        "passo è il migliore ({value}).",
    "portfolio.differs": "Verifica esaustiva: il sottoinsieme migliore è {best} ({best_value}), "
                         "quello scelto passo per passo {greedy} ({greedy_value}).",
    "compare.title": "{b} meno {a}, intero periodo{differ}",
    "compare.differ": " (ingressi diversi: {what})",
    "compare.hours": "Ore in cui l'energia condivisa differisce di più (ora locale)",
    "compare.paired": "B meno A su {runs} anni meteo appaiati (P90: superato nel 90 % degli "
                      "anni)",
    "compare.paired_progress": "Anni meteo appaiati",
    "sweep.start": "Studio di {count} varianti su {address} ({workers} processi)",
    "sweep.progress": "Studio",
    "sweep.wrote_grid": "Scritto {out}: {shape}; valori P con "
                        "twin.studies.percentiles(ds, dim=\"weather_seed\").",
    "sweep.wrote_list": "Scritto {out}: {variants} varianti × {configurations} configurazioni.",
    "calibrate.progress": "Calibrazione",
    "calibrate.title": "Misurato e modello a confronto, {name}",
    "calibrate.legend": "rapporto = energia misurata / del modello negli intervalli misurati; "
                        "picco kW misurato/modello.",
    "calibrate.derate": "proposta: declassare l'impianto {plant} di un fattore {factor}",
    "calibrate.rescale": "proposta: socio {member}, annual_kwh {kwh}",
    "calibrate.appended": "Aggiunti gli eventi {first}-{last} al ramo '{branch}'.",
    "weather.wrote": "Scritto {out}: {source}, {steps} passi di {step}, GHI {ghi} kWh/m². Si "
                     "rilegge con \\[weather] source = \"csv\".",
    "weather.title": "Generatore integrato ({basis}, media di {seeds} semi) e {file}",
    "weather.calibrated": "calibrato su {file}",
    "weather.spread": "GHI annuale degli anni generati: da {low} a {high} kWh/m² (un seme, un "
                      "anno).",
    "phase.member loads": "carichi dei soci", "phase.applied the rules": "regole applicate",
    "phase.candidates": "candidati", "phase.paired weather years": "anni meteo appaiati",
    "phase.modelling the metered period": "modello del periodo misurato",
    "phase.meters": "misuratori", "phase.variants": "varianti",
    "phase.portfolio steps": "passi del portafoglio", "phase.weather years": "anni meteo",
    "explain.head": "Configurazione {configuration} ({name}, cabina primaria {cabina}), ora "
                    "che inizia alle {local} ({utc} UTC), versione delle regole {version}.",
    "explain.switches": "Scelte interpretative: {switches} (docs/rules.md).",
    "explain.shared": "1. Energia condivisa (TIAD tramite RO-2024 All. A, §2.2.2.1.2): "
                      "min(immissione, prelievo) sulla configurazione in quest'ora.",
    "explain.shared_numbers": "   immessa {injected} kWh, prelevata {withdrawn} kWh → condivisa "
                              "= min = {shared} kWh",
    "explain.split": "2. Ripartizione fra gli impianti per entrata in esercizio, prima i più "
                     "vecchi (RO-2024 All. A;",
    "explain.ties": "   impianti entrati in esercizio lo stesso giorno: {ties}):",
    "explain.plant": "impianto", "explain.in_operation": "in esercizio",
    "explain.injected": "immessa", "explain.allocated": "attribuita",
    "explain.premium": "3. Tariffa premio, DM 414/2023 Allegato 1 (RO-2024 All. B):",
    "explain.premium_terms": "   Pz = {price} €/MWh, FC per {region}, e = quota di prelievo "
                             "esente da F = {exempt}",
    "explain.no_premium": "   {plant}: nessuna tariffa premio: {why}",
    "explain.incentivised": "      × {energy} kWh incentivati = € {premium}",
    "explain.premium_total": "   tariffa premio dell'ora: € {total}",
    "explain.valorization": "4. Valorizzazione ARERA (TIAD, RO-2024 §2.2.2.2): TRAS_E {tras_e} "
                            "€/MWh × {shared} kWh{group} = € {total}",
    "explain.group": " + BTAU e perdite evitate (gruppo di autoconsumatori)",
    "explain.rid": "5. Ritiro Dedicato ai produttori: {injected} kWh × {price} €/MWh = € {total}",
}

TERMINAL = {"en": _EN, "it": _IT}
