<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>Database: sqlite:PATH or postgresql://user@host:port/db (default: your embedded database).</source>
        <translation>Datenbank: sqlite:PATH oder postgresql://user@host:port/db (Standard: Ihre eingebettete Datenbank).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Tenant id or name (default: $STEWARD_TENANT, else the first tenant).</source>
        <translation>Mandanten-ID oder -Name (Standard: $STEWARD_TENANT, sonst der erste Mandant).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Acting user id (default: $STEWARD_USER); needed to submit and decide.</source>
        <translation>ID des handelnden Benutzers (Standard: $STEWARD_USER); zum Einreichen und Entscheiden erforderlich.</translation>
    </message>
    <message>
        <source>list: pending, approved, rejected, cancelled or all.</source>
        <translation>list: pending, approved, rejected, cancelled oder all.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>approve, reject: the reason for the decision.</source>
        <translation>approve, reject: die Begründung der Entscheidung.</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>events: an event type, or a prefix ending in &apos;*&apos;.</source>
        <translation>events: ein Ereignistyp oder ein Präfix mit &apos;*&apos; am Ende.</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>events: keep printing new events until interrupted.</source>
        <translation>events: neue Ereignisse fortlaufend ausgeben, bis abgebrochen wird.</translation>
    </message>
    <message>
        <source>list, show, events: print JSON instead of text.</source>
        <translation>list, show, events: JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>One of the commands above.</source>
        <translation>Einer der oben genannten Befehle.</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>The command&apos;s arguments.</source>
        <translation>Die Argumente des Befehls.</translation>
    </message>
    <message>
        <source>[arguments...]</source>
        <translation>[Argumente...]</translation>
    </message>
    <message>
        <source>no command given; see steward-cli --help</source>
        <translation>kein Befehl angegeben; siehe steward-cli --help</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see steward-cli --help</source>
        <translation>unbekannter Befehl &quot;%1&quot;; siehe steward-cli --help</translation>
    </message>
    <message>
        <source>missing arguments for %1; usage: steward-cli %2</source>
        <translation>fehlende Argumente für %1; Aufruf: steward-cli %2</translation>
    </message>
    <message>
        <source>too many arguments for %1 (&quot;%2&quot;); usage: steward-cli %3</source>
        <translation>zu viele Argumente für %1 (&quot;%2&quot;); Aufruf: steward-cli %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a request id; expected a UUID as shown by steward-cli list</source>
        <translation>&quot;%1&quot; ist keine Antrags-ID; erwartet wird eine UUID, wie steward-cli list sie anzeigt</translation>
    </message>
    <message>
        <source>--%1 does not apply to %2; usage: steward-cli %3</source>
        <translation>--%1 gilt nicht für %2; Aufruf: steward-cli %3</translation>
    </message>
    <message>
        <source>Usage: steward-cli [options] command [arguments...]</source>
        <translation>Aufruf: steward-cli [Optionen] Befehl [Argumente...]</translation>
    </message>
    <message>
        <source>Environment:
  STEWARD_TENANT  default for --tenant
  STEWARD_USER    default for --user
</source>
        <translation>Umgebung:
  STEWARD_TENANT  Standard für --tenant
  STEWARD_USER    Standard für --user
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>%1 is empty; expected a change request as JSON</source>
        <translation>%1 ist leer; erwartet wird ein Änderungsantrag als JSON</translation>
    </message>
    <message>
        <source>Approved %1: %2, as %3.</source>
        <translation>%1 genehmigt: %2, als %3.</translation>
    </message>
    <message>
        <source>reject needs a reason the requester can act on: --reason &quot;...&quot;</source>
        <translation>reject braucht eine Begründung, mit der der Antragsteller etwas anfangen kann: --reason &quot;...&quot;</translation>
    </message>
    <message>
        <source>Rejected %1: %2, as %3. Reason: %4</source>
        <translation>%1 abgelehnt: %2, als %3. Begründung: %4</translation>
    </message>
    <message>
        <source>Cancelled %1: %2.</source>
        <translation>%1 zurückgezogen: %2.</translation>
    </message>
    <message>
        <source>Demo ready: %1 tenants, %2 users, %3 pending and %4 decided requests in %5</source>
        <translation>Demo bereit: %1 Mandanten, %2 Benutzer, %3 ausstehende und %4 entschiedene Anträge in %5</translation>
    </message>
    <message>
        <source>expected an event type such as approval.approved, or a prefix ending in &apos;*&apos; such as approval.*, not &quot;%1&quot;</source>
        <translation>erwartet wird ein Ereignistyp wie approval.approved oder ein Präfix mit &apos;*&apos; am Ende wie approval.*, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>No events in %1.</source>
        <translation>Keine Ereignisse in %1.</translation>
    </message>
    <message>
        <source>No %1 events in %2.</source>
        <translation>Keine Ereignisse vom Typ %1 in %2.</translation>
    </message>
    <message>
        <source>Exit status:
  %1  success
  %7  failure of another kind
  %2  usage error or invalid input (bad option, malformed JSON, invalid field)
  %3  forbidden (missing role, four-eyes rule, not the requester)
  %4  not found (no such request or tenant; another tenant&apos;s request counts as none)
  %5  conflict (already decided, key already taken, or changed since the request)
  %6  database unavailable (missing, locked, or failing)
On failure, one line &quot;steward-cli: &lt;reason&gt;&quot; is written to stderr.
</source>
        <translation>Exit-Status:
  %1  Erfolg
  %7  sonstiger Fehler
  %2  Aufruffehler oder ungültige Eingabe (falsche Option, fehlerhaftes JSON, ungültiges Feld)
  %3  nicht erlaubt (fehlende Rolle, Vier-Augen-Prinzip, nicht der Antragsteller)
  %4  nicht gefunden (kein solcher Antrag oder Mandant; ein Antrag eines anderen Mandanten gilt als nicht vorhanden)
  %5  Konflikt (bereits entschieden, Schlüssel bereits vergeben oder seit dem Antrag geändert)
  %6  Datenbank nicht verfügbar (fehlt, gesperrt oder fehlerhaft)
Bei einem Fehler wird eine Zeile &quot;steward-cli: &lt;Grund&gt;&quot; auf stderr ausgegeben.
</translation>
    </message>
    <message>
        <source>must be pending, approved, rejected, cancelled or all, not &quot;%1&quot;</source>
        <translation>muss pending, approved, rejected, cancelled oder all sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 %2 (new)</source>
        <translation>%1 %2 (neu)</translation>
    </message>
    <message>
        <source>%1 %2 (id %3, version %4)</source>
        <translation>%1 %2 (ID %3, Version %4)</translation>
    </message>
    <message>
        <source>%1 has been created since this request was made; approving it will be refused.</source>
        <translation>%1 wurde seit der Antragstellung angelegt; eine Genehmigung wird verweigert.</translation>
    </message>
    <message>
        <source>%1 no longer exists; approving this request will be refused.</source>
        <translation>%1 existiert nicht mehr; eine Genehmigung dieses Antrags wird verweigert.</translation>
    </message>
    <message>
        <source>%1 has changed since this request was made (version %2, now %3); approving it will be refused.</source>
        <translation>%1 wurde seit der Antragstellung geändert (Version %2, jetzt %3); eine Genehmigung wird verweigert.</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>Fields of the new %1 (%2):</source>
        <translation>Felder des neuen Eintrags vom Typ %1 (%2):</translation>
    </message>
    <message>
        <source>Changes against version %1 (%2):</source>
        <translation>Änderungen gegenüber Version %1 (%2):</translation>
    </message>
    <message>
        <source>was: %1</source>
        <translation>alt: %1</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>neu: %1</translation>
    </message>
    <message>
        <source>(the request changes nothing)</source>
        <translation>(der Antrag ändert nichts)</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>TIER</source>
        <translation>TIER</translation>
    </message>
    <message>
        <source>LANE</source>
        <translation>SPUR</translation>
    </message>
    <message>
        <source>REQUESTED BY</source>
        <translation>BEANTRAGT VON</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <source>REQUIRED ROLE</source>
        <translation>ERFORDERLICHE ROLLE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>No requests (%1) in %2.</source>
        <translation>Keine Änderungsanträge (%1) in %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) (%1) in %2.</source>
        <translation>
            <numerusform>%n Änderungsantrag (%1) in %2.</numerusform>
            <numerusform>%n Änderungsanträge (%1) in %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>no change request %1 in %2</source>
        <translation>kein Änderungsantrag %1 in %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Tier, lane</source>
        <translation>Tier, Spur</translation>
    </message>
    <message>
        <source>Required role</source>
        <translation>Erforderliche Rolle</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt</translation>
    </message>
    <message>
        <source>%1 by %2 (%3 ago)</source>
        <translation>%1 von %2 (vor %3)</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Change request %1</source>
        <translation>Änderungsantrag %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>the database %1 has no tenants yet; try steward-cli init-demo</source>
        <translation>die Datenbank %1 enthält noch keine Mandanten; versuchen Sie steward-cli init-demo</translation>
    </message>
    <message>
        <source>no tenant &quot;%1&quot;; known tenants: %2</source>
        <translation>kein Mandant &quot;%1&quot;; bekannte Mandanten: %2</translation>
    </message>
    <message>
        <source>%1 acts as a user: pass --user ID or set STEWARD_USER</source>
        <translation>%1 handelt als Benutzer: --user ID angeben oder STEWARD_USER setzen</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 Sek.</translation>
    </message>
    <message>
        <source>no database at %1; create one with: %2</source>
        <translation>keine Datenbank unter %1; anlegen mit: %2</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>--format must be text, json or patch, not &quot;%1&quot;</source>
        <translation>--format muss text, json oder patch sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(moved from %1)</source>
        <translation>(verschoben von %1)</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 moved</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert, %4 verschoben</translation>
    </message>
    <message>
        <source>approximate: %1</source>
        <translation>näherungsweise: %1</translation>
    </message>
    <message>
        <source>profile: every field whose tier interval has elapsed.</source>
        <translation>profile: alle Felder, deren Tier-Intervall abgelaufen ist.</translation>
    </message>
    <message>
        <source>profile: run even if the field was profiled in the last 12 hours.</source>
        <translation>profile: auch ausführen, wenn das Feld in den letzten 12 Stunden profiliert wurde.</translation>
    </message>
    <message>
        <source>profile: measure about N rows instead of all.</source>
        <translation>profile: etwa N Zeilen statt aller messen.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>profile needs either a field key or --due; usage: steward-cli %1</source>
        <translation>profile benötigt entweder einen Feldschlüssel oder --due; Aufruf: steward-cli %1</translation>
    </message>
    <message>
        <source>--sample must be a positive number of rows, not &quot;%1&quot;</source>
        <translation>--sample muss eine positive Anzahl von Zeilen sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>%1 sampled of %2</source>
        <translation>%1 von %2 (Stichprobe)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>uniqueness</source>
        <translation>Eindeutigkeit</translation>
    </message>
    <message>
        <source>validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Qualitätswert</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>verschiedene Werte</translation>
    </message>
    <message>
        <source>%1 (exact)</source>
        <translation>%1 (exakt)</translation>
    </message>
    <message>
        <source>%1 (estimate)</source>
        <translation>%1 (geschätzt)</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>%1 violations of %2 checked</source>
        <translation>%1 Verstöße bei %2 geprüften Werten</translation>
    </message>
    <message>
        <source>%1 is not a user of tenant %2</source>
        <translation>%1 ist kein Benutzer des Mandanten %2</translation>
    </message>
    <message>
        <source>No field of %1 is due for a profile.</source>
        <translation>In %1 ist kein Feld zur Profilierung fällig.</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>run it anyway with: steward-cli profile %1 --now</source>
        <translation>trotzdem ausführen mit: steward-cli profile %1 --now</translation>
    </message>
    <message>
        <source>profiling %1 failed: %2</source>
        <translation>Profilierung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 of %2 profiles failed; the first: %3</source>
        <translation>%1 von %2 Profilierungsläufen fehlgeschlagen; der erste: %3</translation>
    </message>
    <message>
        <source>Review and decide metadata change requests and read the audit trail, without a display.

Commands:
  init-demo                    create or refresh the demo tenants, users and requests
  submit FILE|-                submit a change request (JSON, &apos;-&apos; reads stdin); prints its id
  list [--status S] [--json]   the approval queue, oldest first
                               S: pending (default), approved, rejected, cancelled or all
  show ID [--json]             one request: summary and changed fields;
                               --json adds the full payload and current state
  approve ID [--reason R]      approve a pending request (as --user)
  reject ID --reason R         reject a pending request; a reason is required
  cancel ID                    withdraw a pending request you submitted
  events [--type T] [--follow] [--json]
                               the audit trail, oldest first; T is a type or a prefix
                               ending in &apos;*&apos; (e.g. &apos;approval.*&apos;); --follow keeps
                               printing new events until interrupted; --json prints
                               one JSON object per line
  diff OLD NEW [--format text|json|patch]
                               structural diff of two JSON files (&apos;-&apos; reads stdin):
                               changes by JSON Pointer, or an RFC 6902 patch that
                               turns OLD into NEW; needs no database
  profile KEY|--due [--now] [--sample N]
                               measure the data quality of one field, or of every
                               field whose tier interval has elapsed; --now runs even
                               within 12 hours of the last run; --sample measures
                               about N rows instead of all
  report --kind quality|approvals --format pdf|html|csv|json --out FILE
         [--from D --to D]    write a report for a period (dates as YYYY-MM-DD;
                               default: the last 30 days)
  serve [--bind ADDRESS] [--port N]
                               serve GET /metrics (Prometheus) and GET /healthz;
                               loopback (127.0.0.1:8787) unless told otherwise</source>
        <translation>Metadaten-Änderungsanträge prüfen und entscheiden und den Prüfpfad lesen, ohne grafische Oberfläche.

Befehle:
  init-demo                    Demo-Mandanten, -Benutzer und -Anträge anlegen oder auffrischen
  submit FILE|-                einen Änderungsantrag einreichen (JSON, &apos;-&apos; liest stdin); gibt seine ID aus
  list [--status S] [--json]   die Genehmigungswarteschlange, älteste zuerst
                               S: pending (Standard), approved, rejected, cancelled oder all
  show ID [--json]             ein Antrag: Zusammenfassung und geänderte Felder;
                               --json ergänzt die vollständigen Nutzdaten und den aktuellen Stand
  approve ID [--reason R]      einen ausstehenden Antrag genehmigen (als --user)
  reject ID --reason R         einen ausstehenden Antrag ablehnen; eine Begründung ist erforderlich
  cancel ID                    einen selbst eingereichten ausstehenden Antrag zurückziehen
  events [--type T] [--follow] [--json]
                               der Prüfpfad, älteste zuerst; T ist ein Typ oder ein Präfix
                               mit &apos;*&apos; am Ende (z. B. &apos;approval.*&apos;); --follow gibt
                               neue Ereignisse aus, bis abgebrochen wird; --json gibt
                               ein JSON-Objekt pro Zeile aus
  diff OLD NEW [--format text|json|patch]
                               strukturierter Vergleich zweier JSON-Dateien (&apos;-&apos; liest stdin):
                               Änderungen je JSON Pointer oder ein RFC-6902-Patch, der
                               OLD in NEW überführt; benötigt keine Datenbank
  profile KEY|--due [--now] [--sample N]
                               die Datenqualität eines Felds messen oder die aller Felder,
                               deren Tier-Intervall abgelaufen ist; --now läuft auch
                               innerhalb von 12 Stunden nach dem letzten Lauf; --sample
                               misst etwa N Zeilen statt aller
  report --kind quality|approvals --format pdf|html|csv|json --out FILE
         [--from D --to D]    einen Bericht für einen Zeitraum schreiben (Daten als
                               JJJJ-MM-TT; Standard: die letzten 30 Tage)
  serve [--bind ADDRESS] [--port N]
                               GET /metrics (Prometheus) und GET /healthz bereitstellen;
                               nur Loopback (127.0.0.1:8787), sofern nicht anders angegeben</translation>
    </message>
    <message>
        <source>diff: text (default), json or patch; report: pdf, html, csv or json.</source>
        <translation>diff: text (Standard), json oder patch; report: pdf, html, csv oder json.</translation>
    </message>
    <message>
        <source>report: quality or approvals.</source>
        <translation>report: quality oder approvals.</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>report: the file to write.</source>
        <translation>report: die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>report: first day of the period (YYYY-MM-DD).</source>
        <translation>report: erster Tag des Zeitraums (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>report: last day of the period (YYYY-MM-DD).</source>
        <translation>report: letzter Tag des Zeitraums (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>serve: the address to listen on (default 127.0.0.1).</source>
        <translation>serve: die Adresse, auf der gelauscht wird (Standard 127.0.0.1).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>serve: the port to listen on (default 8787).</source>
        <translation>serve: der Port, auf dem gelauscht wird (Standard 8787).</translation>
    </message>
    <message>
        <source>--format must be pdf, html, csv or json, not &quot;%1&quot;</source>
        <translation>--format muss pdf, html, csv oder json sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--kind must be quality or approvals, not &quot;%1&quot;</source>
        <translation>--kind muss quality oder approvals sein, nicht „%1“</translation>
    </message>
    <message>
        <source>report needs --out FILE; usage: steward-cli %1</source>
        <translation>report benötigt --out DATEI; Aufruf: steward-cli %1</translation>
    </message>
    <message>
        <source>--port must be a number from 0 to 65535, not &quot;%1&quot;</source>
        <translation>--port muss eine Zahl von 0 bis 65535 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>report is not available in this version yet</source>
        <translation>report ist in dieser Version noch nicht verfügbar</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>lauscht auf %1</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>%1 holds no role in this tenant</source>
        <translation>%1 hat in diesem Mandanten keine Rolle</translation>
    </message>
    <message>
        <source>viewers cannot submit change requests</source>
        <translation>Betrachter können keine Änderungsanträge einreichen</translation>
    </message>
    <message>
        <source>must be the submitting user (%1), not %2</source>
        <translation>muss der einreichende Benutzer (%1) sein, nicht %2</translation>
    </message>
    <message>
        <source>a kernel-lane change must be decided by a kernel_architect</source>
        <translation>eine Änderung in der Kernel-Spur muss von einem kernel_architect entschieden werden</translation>
    </message>
    <message>
        <source>viewers cannot decide change requests</source>
        <translation>Betrachter können keine Änderungsanträge entscheiden</translation>
    </message>
    <message>
        <source>already %1 by %2 at %3</source>
        <translation>hat bereits den Status %1 (durch %2 am %3)</translation>
    </message>
    <message>
        <source>deciding this request needs the role %1, which %2 does not hold</source>
        <translation>die Entscheidung über diesen Antrag erfordert die Rolle %1, die %2 nicht hat</translation>
    </message>
    <message>
        <source>kernel-lane changes are decided by a kernel_architect</source>
        <translation>Änderungen in der Kernel-Spur entscheidet ein kernel_architect</translation>
    </message>
    <message>
        <source>%1 requested this change; four-eyes rule: someone else must decide it</source>
        <translation>%1 hat diese Änderung beantragt; Vier-Augen-Prinzip: jemand anderes muss sie entscheiden</translation>
    </message>
    <message>
        <source>a rejection needs a reason</source>
        <translation>eine Ablehnung erfordert eine Begründung</translation>
    </message>
    <message>
        <source>only the requester (%1) can cancel this request</source>
        <translation>nur der Antragsteller (%1) kann diesen Antrag zurückziehen</translation>
    </message>
    <message>
        <source>%1 is not a user of tenant %2</source>
        <translation>%1 ist kein Benutzer des Mandanten %2</translation>
    </message>
    <message>
        <source>no change request %1 in this tenant</source>
        <translation>kein Änderungsantrag %1 in diesem Mandanten</translation>
    </message>
    <message>
        <source>no %1 with id %2 in this tenant</source>
        <translation>kein Eintrag vom Typ %1 mit der ID %2 in diesem Mandanten</translation>
    </message>
    <message>
        <source>entity %1 has the key &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>Entität %1 hat den Schlüssel &quot;%2&quot;, nicht &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; already exists (id %3); submit an update with its entityId</source>
        <translation>%1 &quot;%2&quot; existiert bereits (ID %3); reichen Sie eine Aktualisierung mit dieser entityId ein</translation>
    </message>
    <message>
        <source>no field &quot;%1&quot; in this tenant</source>
        <translation>kein Feld &quot;%1&quot; in diesem Mandanten</translation>
    </message>
    <message>
        <source>%1 was created by another change since the request was made</source>
        <translation>%1 wurde seit der Antragstellung durch eine andere Änderung angelegt</translation>
    </message>
    <message>
        <source>%1 no longer exists; it changed since the request was made</source>
        <translation>%1 existiert nicht mehr; es wurde seit der Antragstellung geändert</translation>
    </message>
    <message>
        <source>%1 changed since the request was made (version %2, now %3); compare the request-time, live and requested states</source>
        <translation>%1 wurde seit der Antragstellung geändert (Version %2, jetzt %3); vergleichen Sie den Stand zum Antragszeitpunkt, den aktuellen und den beantragten Stand</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation>muss ein Array aus Zeichenketten sein</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>does not match the tenant of the request</source>
        <translation>passt nicht zum Mandanten des Antrags</translation>
    </message>
    <message>
        <source>is not a field of %1</source>
        <translation>ist kein Feld von %1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be a JSON object or array</source>
        <translation>muss ein JSON-Objekt oder -Array sein</translation>
    </message>
    <message>
        <source>must equal the request&apos;s entityKey &quot;%1&quot;</source>
        <translation>muss dem entityKey &quot;%1&quot; des Antrags entsprechen</translation>
    </message>
    <message>
        <source>must be one of tier1 .. tier5</source>
        <translation>muss einer der Werte tier1 .. tier5 sein</translation>
    </message>
    <message>
        <source>must equal the request&apos;s tier %1</source>
        <translation>muss dem Tier %1 des Antrags entsprechen</translation>
    </message>
    <message>
        <source>must start with a letter and use only letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>a DECIMAL format is &quot;precision,scale&quot; with 1 &lt;= precision &lt;= 38 and scale &lt;= precision, e.g. 18,2</source>
        <translation>ein DECIMAL-Format lautet &quot;Genauigkeit,Skala&quot; mit 1 &lt;= Genauigkeit &lt;= 38 und Skala &lt;= Genauigkeit, z. B. 18,2</translation>
    </message>
    <message>
        <source>must be an object {source, schema, table, column}</source>
        <translation>muss ein Objekt {source, schema, table, column} sein</translation>
    </message>
    <message>
        <source>is not part of a binding</source>
        <translation>ist nicht Teil einer Bindung</translation>
    </message>
    <message>
        <source>a regex rule needs a pattern</source>
        <translation>eine Regex-Regel benötigt ein Muster</translation>
    </message>
    <message>
        <source>is not a valid regular expression: %1</source>
        <translation>ist kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>a range rule needs a numeric min, max or both</source>
        <translation>eine Bereichsregel benötigt einen numerischen Wert für min, max oder beide</translation>
    </message>
    <message>
        <source>min and max must be numbers</source>
        <translation>min und max müssen Zahlen sein</translation>
    </message>
    <message>
        <source>min must not exceed max</source>
        <translation>min darf nicht größer als max sein</translation>
    </message>
    <message>
        <source>an enum rule needs a non-empty list of values</source>
        <translation>eine Enum-Regel benötigt eine nicht leere Werteliste</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>unknown field in a change request</source>
        <translation>unbekanntes Feld in einem Änderungsantrag</translation>
    </message>
    <message>
        <source>must be one of GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY</source>
        <translation>muss einer der Werte GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY sein</translation>
    </message>
    <message>
        <source>must be a UUID, or null for a create</source>
        <translation>muss eine UUID sein, oder null beim Anlegen</translation>
    </message>
    <message>
        <source>must be kernel, governed or draft</source>
        <translation>muss kernel, governed oder draft sein</translation>
    </message>
    <message>
        <source>must be kernel_architect, metadata_steward, data_owner or viewer</source>
        <translation>muss kernel_architect, metadata_steward, data_owner oder viewer sein</translation>
    </message>
    <message>
        <source>must be a user id</source>
        <translation>muss eine Benutzer-ID sein</translation>
    </message>
    <message>
        <source>a change request must be a JSON object</source>
        <translation>ein Änderungsantrag muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Field definition</source>
        <translation>Felddefinition</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Business rule</source>
        <translation>Geschäftsregel</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>Glossarbegriff</translation>
    </message>
    <message>
        <source>Kernel architect</source>
        <translation>Kernel-Architekt</translation>
    </message>
    <message>
        <source>Metadata steward</source>
        <translation>Metadaten-Steward</translation>
    </message>
    <message>
        <source>Data owner</source>
        <translation>Dateneigentümer</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>Governed</source>
        <translation>Kontrolliert</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>the database is busy; try again in a moment (%1)</source>
        <translation>die Datenbank ist belegt; versuchen Sie es gleich noch einmal (%1)</translation>
    </message>
    <message>
        <source>database error: %1</source>
        <translation>Datenbankfehler: %1</translation>
    </message>
    <message>
        <source>team mode on PostgreSQL is not available in this build yet</source>
        <translation>der Teammodus mit PostgreSQL ist in diesem Build noch nicht verfügbar</translation>
    </message>
    <message>
        <source>the Qt SQL driver %1 is not installed</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht installiert</translation>
    </message>
    <message>
        <source>cannot open %1: the folder does not exist</source>
        <translation>%1 kann nicht geöffnet werden: der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>sqlite: needs a file path, e.g. sqlite:/tmp/steward.db</source>
        <translation>sqlite: benötigt einen Dateipfad, z. B. sqlite:/tmp/steward.db</translation>
    </message>
    <message>
        <source>not a valid PostgreSQL URI: %1</source>
        <translation>keine gültige PostgreSQL-URI: %1</translation>
    </message>
    <message>
        <source>put the password in ~/.pgpass or PGPASSWORD, not in the URI</source>
        <translation>das Passwort gehört in ~/.pgpass oder PGPASSWORD, nicht in die URI</translation>
    </message>
    <message>
        <source>expected sqlite:PATH or postgresql://user@host:port/db, got &quot;%1&quot;</source>
        <translation>erwartet wird sqlite:PATH oder postgresql://user@host:port/db, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 changed since the request was made</source>
        <translation>%1 wurde seit der Antragstellung geändert</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>the database has schema version %1, newer than this program knows (%2); update Metadata Steward</source>
        <translation>die Datenbank hat die Schemaversion %1, die neuer ist als die diesem Programm bekannte (%2); aktualisieren Sie Metadata Steward</translation>
    </message>
    <message>
        <source>schema upgrade to version %1 failed: %2</source>
        <translation>Schema-Upgrade auf Version %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the database is at schema version %1; downgrading to %2 is not supported</source>
        <translation>die Datenbank hat die Schemaversion %1; ein Downgrade auf %2 wird nicht unterstützt</translation>
    </message>
    <message>
        <source>%1: there is no value at &quot;%2&quot;</source>
        <translation>%1: unter &quot;%2&quot; gibt es keinen Wert</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid index of its array</source>
        <translation>%1: &quot;%2&quot; ist kein gültiger Index seines Arrays</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither an object nor an array</source>
        <translation>%1: &quot;%2&quot; ist weder ein Objekt noch ein Array</translation>
    </message>
    <message>
        <source>%1: the whole document cannot be removed</source>
        <translation>%1: das gesamte Dokument kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>an operation needs &quot;op&quot; and &quot;path&quot; strings</source>
        <translation>eine Operation benötigt die Zeichenketten &quot;op&quot; und &quot;path&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a JSON Pointer</source>
        <translation>%1: &quot;%2&quot; ist kein JSON Pointer</translation>
    </message>
    <message>
        <source>%1: &quot;value&quot; is missing</source>
        <translation>%1: &quot;value&quot; fehlt</translation>
    </message>
    <message>
        <source>%1: &quot;from&quot; must be a JSON Pointer</source>
        <translation>%1: &quot;from&quot; muss ein JSON Pointer sein</translation>
    </message>
    <message>
        <source>test: the value at &quot;%1&quot; differs</source>
        <translation>test: der Wert unter &quot;%1&quot; weicht ab</translation>
    </message>
    <message>
        <source>move: &quot;%1&quot; cannot move inside itself, to &quot;%2&quot;</source>
        <translation>move: &quot;%1&quot; kann nicht in sich selbst verschoben werden (nach &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>unknown operation &quot;%1&quot;</source>
        <translation>unbekannte Operation &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a JSON Patch is an array of operations</source>
        <translation>ein JSON Patch ist ein Array von Operationen</translation>
    </message>
    <message>
        <source>the document root</source>
        <translation>die Dokumentwurzel</translation>
    </message>
    <message>
        <source>the time budget of %1 ms ran out</source>
        <translation>das Zeitbudget von %1 ms ist abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n more place(s)</source>
        <translation>
            <numerusform>%n weitere Stelle</numerusform>
            <numerusform>%n weitere Stellen</numerusform>
        </translation>
    </message>
    <message>
        <source>the words of %1 were compared coarsely</source>
        <translation>die Wörter wurden für %1 nur grob verglichen</translation>
    </message>
    <message>
        <source>the items of %1 were aligned coarsely</source>
        <translation>die Elemente wurden für %1 nur grob zugeordnet</translation>
    </message>
    <message>
        <source>Malformed JSON at byte %1: %2.</source>
        <translation>Fehlerhaftes JSON bei Byte %1: %2.</translation>
    </message>
    <message>
        <source>Not enough memory to parse the document.</source>
        <translation>Nicht genug Speicher, um das Dokument zu lesen.</translation>
    </message>
    <message>
        <source>the parser refused it (%1)</source>
        <translation>der Parser hat es abgelehnt (%1)</translation>
    </message>
    <message>
        <source>The document nests arrays and objects deeper than %1 levels (at byte %2).</source>
        <translation>Das Dokument verschachtelt Arrays und Objekte tiefer als %1 Ebenen (bei Byte %2).</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; appears more than once in this object.</source>
        <translation>Der Schlüssel „%1“ kommt in diesem Objekt mehrfach vor.</translation>
    </message>
    <message>
        <source>The document is %1 bytes long, more than the limit of %2 bytes.</source>
        <translation>Das Dokument ist %1 Bytes groß, mehr als die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>the text ends too early</source>
        <translation>der Text endet zu früh</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <source>unexpected byte 0x%1</source>
        <translation>unerwartetes Byte 0x%1</translation>
    </message>
    <message>
        <source>unexpected text after the end of the document</source>
        <translation>unerwarteter Text nach dem Ende des Dokuments</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>„,“ oder „]“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>„,“ oder „}“ erwartet</translation>
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation>Schlüssel in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a key</source>
        <translation>„:“ nach einem Schlüssel erwartet</translation>
    </message>
    <message>
        <source>a control character in a string must be escaped</source>
        <translation>ein Steuerzeichen in einer Zeichenkette muss maskiert werden</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation>der Text ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>invalid escape sequence in a string</source>
        <translation>ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>a \u escape is an unpaired UTF-16 surrogate</source>
        <translation>eine \u-Sequenz ist ein ungepaartes UTF-16-Surrogat</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>eine Zeichenkette ist nicht geschlossen</translation>
    </message>
    <message>
        <source>invalid literal (expected true, false or null)</source>
        <translation>ungültiges Literal (erwartet: true, false oder null)</translation>
    </message>
    <message>
        <source>cannot write the demo warehouse %1: %2</source>
        <translation>das Demo-Warehouse %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the SQLite driver gave no handle</source>
        <translation>der SQLite-Treiber hat kein Handle geliefert</translation>
    </message>
    <message>
        <source>cannot move %1 into place</source>
        <translation>%1 kann nicht an den Zielort verschoben werden</translation>
    </message>
    <message>
        <source>the last completed profile is %1 h %2 min old (%3); automatic runs of a field wait at least 12 hours</source>
        <translation>der letzte abgeschlossene Profilierungslauf ist %1 Std. %2 Min. alt (%3); automatische Läufe eines Felds warten mindestens 12 Stunden</translation>
    </message>
    <message>
        <source>the profiler returned no result for this field</source>
        <translation>der Profiler hat für dieses Feld kein Ergebnis geliefert</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>der Lauf wurde abgebrochen</translation>
    </message>
    <message>
        <source>the run failed for an unknown reason</source>
        <translation>der Lauf ist aus unbekanntem Grund fehlgeschlagen</translation>
    </message>
    <message>
        <source>ran longer than the limit of %1 s</source>
        <translation>hat das Zeitlimit von %1 s überschritten</translation>
    </message>
    <message>
        <source>the field has no binding to a physical column</source>
        <translation>das Feld hat keine Bindung an eine physische Spalte</translation>
    </message>
    <message>
        <source>the binding is incomplete: it needs a source, a table and a column</source>
        <translation>die Bindung ist unvollständig: sie benötigt eine Quelle, eine Tabelle und eine Spalte</translation>
    </message>
    <message>
        <source>no data source &quot;%1&quot; is registered in this tenant</source>
        <translation>in diesem Mandanten ist keine Datenquelle &quot;%1&quot; registriert</translation>
    </message>
    <message>
        <source>the data source %1 uses %2, which this build cannot profile yet</source>
        <translation>die Datenquelle %1 verwendet %2, was dieser Build noch nicht profilieren kann</translation>
    </message>
    <message>
        <source>the data source %1 points to %2, which does not exist</source>
        <translation>die Datenquelle %1 verweist auf %2, das nicht existiert</translation>
    </message>
    <message>
        <source>cannot open the data source %1 (%2): %3</source>
        <translation>die Datenquelle %1 (%2) kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>the scan of %1 failed: %2</source>
        <translation>der Scan von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>schema %1 not found in data source %2</source>
        <translation>Schema %1 in der Datenquelle %2 nicht gefunden</translation>
    </message>
    <message>
        <source>table %1 not found in data source %2</source>
        <translation>Tabelle %1 in der Datenquelle %2 nicht gefunden</translation>
    </message>
    <message>
        <source>column %1 not found in %2</source>
        <translation>Spalte %1 in %2 nicht gefunden</translation>
    </message>
    <message>
        <source>the profiler could not open the metadata database</source>
        <translation>der Profiler konnte die Metadaten-Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>the profiler could not queue the job</source>
        <translation>der Profiler konnte den Auftrag nicht in die Warteschlange stellen</translation>
    </message>
    <message>
        <source>the profiler failed unexpectedly: %1</source>
        <translation>der Profiler ist unerwartet fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the profiler failed unexpectedly</source>
        <translation>der Profiler ist unerwartet fehlgeschlagen</translation>
    </message>
    <message>
        <source>the profiler has no metadata database connection</source>
        <translation>der Profiler hat keine Verbindung zur Metadaten-Datenbank</translation>
    </message>
    <message>
        <source>the table is empty: there is nothing to score</source>
        <translation>die Tabelle ist leer: es gibt nichts zu bewerten</translation>
    </message>
    <message>
        <source>every value is null: uniqueness and validity cannot be measured</source>
        <translation>jeder Wert ist null: Eindeutigkeit und Gültigkeit können nicht gemessen werden</translation>
    </message>
    <message>
        <source>the format &quot;%1&quot; is not precision,scale: only checked for being a number</source>
        <translation>das Format &quot;%1&quot; hat nicht die Form Genauigkeit,Skala: es wird nur geprüft, ob der Wert eine Zahl ist</translation>
    </message>
    <message>
        <source>the format &quot;%1&quot; is not a maximum length: the text is not checked</source>
        <translation>das Format &quot;%1&quot; ist keine Maximallänge: der Text wird nicht geprüft</translation>
    </message>
    <message>
        <source>the data type &quot;%1&quot; has no check</source>
        <translation>für den Datentyp &quot;%1&quot; gibt es keine Prüfung</translation>
    </message>
    <message>
        <source>rule %1 has no pattern</source>
        <translation>Regel %1 hat kein Muster</translation>
    </message>
    <message>
        <source>rule %1: invalid regular expression &quot;%2&quot;: %3 at offset %4</source>
        <translation>Regel %1: ungültiger regulärer Ausdruck &quot;%2&quot;: %3 an Position %4</translation>
    </message>
    <message>
        <source>rule %1: a range needs a numeric min, max or both</source>
        <translation>Regel %1: ein Bereich benötigt einen numerischen Wert für min, max oder beide</translation>
    </message>
    <message>
        <source>rule %1: the range&apos;s min is greater than its max</source>
        <translation>Regel %1: min des Bereichs ist größer als max</translation>
    </message>
    <message>
        <source>rule %1: an enum needs a non-empty list of values</source>
        <translation>Regel %1: ein Enum benötigt eine nicht leere Werteliste</translation>
    </message>
    <message>
        <source>rule %1: enum values are strings or numbers</source>
        <translation>Regel %1: Enum-Werte müssen Zeichenketten oder Zahlen sein</translation>
    </message>
    <message>
        <source>rule %1 has the unknown type &quot;%2&quot;</source>
        <translation>Regel %1 hat den unbekannten Typ &quot;%2&quot;</translation>
    </message>
    <message>
        <source>invalid regular expression &quot;%1&quot;: %2 at offset %3</source>
        <translation>ungültiger regulärer Ausdruck &quot;%1&quot;: %2 an Position %3</translation>
    </message>
    <message>
        <source>the profiler needs an open SQLite connection to register its functions</source>
        <translation>der Profiler benötigt eine offene SQLite-Verbindung, um seine Funktionen zu registrieren</translation>
    </message>
    <message>
        <source>cannot register the SQL function %1: %2</source>
        <translation>die SQL-Funktion %1 kann nicht registriert werden: %2</translation>
    </message>
    <message>
        <source>a data source needs a name</source>
        <translation>eine Datenquelle benötigt einen Namen</translation>
    </message>
    <message>
        <source>the driver must be sqlite or postgresql, not &quot;%1&quot;</source>
        <translation>der Treiber muss sqlite oder postgresql sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an SQLite data source needs the path of its file</source>
        <translation>eine SQLite-Datenquelle benötigt den Pfad ihrer Datei</translation>
    </message>
    <message>
        <source>the data source %1 was not saved</source>
        <translation>die Datenquelle %1 wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>no alert &quot;%1&quot; in this tenant</source>
        <translation>keine Warnung „%1“ in diesem Mandanten</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Preparing the database…</source>
        <translation>Datenbank wird vorbereitet…</translation>
    </message>
    <message>
        <source>Metadata Steward</source>
        <translation>Metadata Steward</translation>
    </message>
    <message>
        <source>Review and decide change requests to governed business metadata.</source>
        <translation>Änderungsanträge an verwalteten Geschäftsmetadaten prüfen und entscheiden.</translation>
    </message>
    <message>
        <source>Database: sqlite:PATH (default: your embedded database).</source>
        <translation>Datenbank: sqlite:PATH (Standard: Ihre eingebettete Datenbank).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Tenant id to open.</source>
        <translation>ID des zu öffnenden Mandanten.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>User id to act as.</source>
        <translation>ID des Benutzers, als der gehandelt wird.</translation>
    </message>
    <message>
        <source>Metrics endpoint not started: %1</source>
        <translation>Metrik-Endpunkt nicht gestartet: %1</translation>
    </message>
    <message>
        <source>the port must be a number from 0 to 65535</source>
        <translation>der Port muss eine Zahl von 0 bis 65535 sein</translation>
    </message>
    <message>
        <source>Metrics endpoint listening on %1</source>
        <translation>Metrik-Endpunkt lauscht auf %1</translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <source>method not allowed; use GET</source>
        <translation>Methode nicht erlaubt; GET verwenden</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>the database has no schema</source>
        <translation>die Datenbank hat kein Schema</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (for example 127.0.0.1 or ::1)</source>
        <translation>„%1“ ist keine IP-Adresse (zum Beispiel 127.0.0.1 oder ::1)</translation>
    </message>
</context>
<context>
    <name>Ui</name>
    <message>
        <source>C&amp;hanges only</source>
        <translation>Nur Än&amp;derungen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Genehmigen…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>&amp;Withdraw request</source>
        <translation>Antrag &amp;zurückziehen</translation>
    </message>
    <message>
        <source>No request selected</source>
        <translation>Kein Antrag ausgewählt</translation>
    </message>
    <message>
        <source>Select a change request in the queue to review it.</source>
        <translation>Wählen Sie einen Änderungsantrag in der Warteschlange aus, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 lane · requested by %4 on %5 · needs %6</source>
        <translation>%1 · %2 · Spur %3 · beantragt von %4 am %5 · erfordert %6</translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>: „%1“</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>Wählen Sie zuerst einen Antrag aus.</translation>
    </message>
    <message>
        <source>Approve and apply this change (Ctrl+Shift+A)</source>
        <translation>Diese Änderung genehmigen und übernehmen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Reject this change with a reason (Ctrl+Shift+R)</source>
        <translation>Diese Änderung mit Begründung ablehnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Withdraw your own request</source>
        <translation>Eigenen Antrag zurückziehen</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n T.</numerusform>
            <numerusform>%n T.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Beantragt von</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Required role</source>
        <translation>Erforderliche Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Filter by event type, actor or subject</source>
        <translation>Nach Ereignistyp, Akteur oder Gegenstand filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Antrag zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw your request to change %1? This cannot be undone.</source>
        <translation>Ihren Änderungsantrag für %1 zurückziehen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Reject change request</source>
        <translation>Änderungsantrag ablehnen</translation>
    </message>
    <message>
        <source>Approve change request</source>
        <translation>Änderungsantrag genehmigen</translation>
    </message>
    <message>
        <source>Reject the change to &lt;b&gt;%1&lt;/b&gt; requested by %2?</source>
        <translation>Die von %2 beantragte Änderung an &lt;b&gt;%1&lt;/b&gt; ablehnen?</translation>
    </message>
    <message>
        <source>Approve and apply the change to &lt;b&gt;%1&lt;/b&gt; requested by %2?</source>
        <translation>Die von %2 beantragte Änderung an &lt;b&gt;%1&lt;/b&gt; genehmigen und übernehmen?</translation>
    </message>
    <message>
        <source>&amp;Reason (required, shown to the requester):</source>
        <translation>&amp;Begründung (erforderlich, wird dem Antragsteller angezeigt):</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Begründung (optional):</translation>
    </message>
    <message>
        <source>Why is this change refused? What would make it acceptable?</source>
        <translation>Warum wird diese Änderung abgelehnt? Was würde sie annehmbar machen?</translation>
    </message>
    <message>
        <source>Anything the audit trail should record</source>
        <translation>Was der Prüfpfad festhalten soll</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Eine Ablehnung erfordert eine Begründung.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>Geneh&amp;migungen</translation>
    </message>
    <message>
        <source>Audit &amp;trail</source>
        <translation>&amp;Prüfpfad</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Tenant whose metadata you govern</source>
        <translation>Mandant, dessen Metadaten Sie verwalten</translation>
    </message>
    <message>
        <source>Act as another demo user</source>
        <translation>Als anderer Demo-Benutzer handeln</translation>
    </message>
    <message>
        <source> Tenant: </source>
        <translation> Mandant: </translation>
    </message>
    <message>
        <source>  Signed in as: </source>
        <translation>  Angemeldet als: </translation>
    </message>
    <message>
        <source>Metadata Steward — %1 — %2</source>
        <translation>Metadata Steward — %1 — %2</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>Entscheidung gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending request(s)</source>
        <translation>
            <numerusform>%n ausstehender Antrag</numerusform>
            <numerusform>%n ausstehende Anträge</numerusform>
        </translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Alle Tiers</translation>
    </message>
    <message>
        <source>Search key, requester or type (Ctrl+F)</source>
        <translation>Schlüssel, Antragsteller oder Typ suchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>T&amp;ier:</translation>
    </message>
    <message>
        <source>The database has no tenants. Run &quot;steward-cli init-demo&quot; or ask an administrator.</source>
        <translation>Die Datenbank enthält keine Mandanten. Führen Sie „steward-cli init-demo“ aus oder wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Aktueller Stand</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt</translation>
    </message>
    <message>
        <source>Copy as JSON &amp;Patch</source>
        <translation>Als JSON-&amp;Patch kopieren</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Changed since request</source>
        <translation>Seit Antragstellung geändert</translation>
    </message>
    <message>
        <source>Copy the change as an RFC 6902 JSON Patch that turns the current state into the requested one</source>
        <translation>Die Änderung als JSON Patch nach RFC 6902 kopieren, der den aktuellen Stand in den beantragten überführt</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <source>JSON Pointer</source>
        <translation>JSON Pointer</translation>
    </message>
    <message>
        <source>Type changed</source>
        <translation>Typ geändert</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Verschoben von %1</translation>
    </message>
    <message>
        <source>Same value, written differently</source>
        <translation>Gleicher Wert, anders geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n Eintrag}</numerusform>
            <numerusform>{%n Einträge}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>Where the changes are; click to jump</source>
        <translation>Wo die Änderungen liegen; klicken, um dorthin zu springen</translation>
    </message>
    <message>
        <source>Change &amp;list</source>
        <translation>Änderungs&amp;liste</translation>
    </message>
    <message>
        <source>Select a row to see both values in full.</source>
        <translation>Wählen Sie eine Zeile aus, um beide Werte vollständig zu sehen.</translation>
    </message>
    <message>
        <source>▲ Previous</source>
        <translation>▲ Vorherige</translation>
    </message>
    <message>
        <source>Previous change (P)</source>
        <translation>Vorherige Änderung (P)</translation>
    </message>
    <message>
        <source>▼ Next</source>
        <translation>▼ Nächste</translation>
    </message>
    <message>
        <source>Next change (N)</source>
        <translation>Nächste Änderung (N)</translation>
    </message>
    <message>
        <source>Copy pointer</source>
        <translation>Pointer kopieren</translation>
    </message>
    <message>
        <source>Copy the JSON Pointer of the selected row (Ctrl+C)</source>
        <translation>Den JSON Pointer der ausgewählten Zeile kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Copy JSON Pointer</source>
        <translation>JSON Pointer kopieren</translation>
    </message>
    <message>
        <source>Comparing %1 of JSON…</source>
        <translation>%1 JSON-Daten werden verglichen…</translation>
    </message>
    <message>
        <source>This change cannot be shown: %1</source>
        <translation>Diese Änderung kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>+ %1 added   - %2 removed   ~ %3 changed   &gt; %4 moved</source>
        <translation>+ %1 hinzugefügt   - %2 entfernt   ~ %3 geändert   &gt; %4 verschoben</translation>
    </message>
    <message>
        <source>⚠ Approximate: %1</source>
        <translation>⚠ Näherungsweise: %1</translation>
    </message>
    <message>
        <source>%1   ·   %2 — %3</source>
        <translation>%1   ·   %2 — %3</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>Conflict: changed since the request was made, and the request changes it differently</source>
        <translation>Konflikt: seit der Antragstellung geändert, und der Antrag ändert den Wert anders</translation>
    </message>
    <message>
        <source>Changed since the request was made</source>
        <translation>Seit der Antragstellung geändert</translation>
    </message>
    <message>
        <source>Changed by the request only</source>
        <translation>Nur durch den Antrag geändert</translation>
    </message>
    <message>
        <source>When requested</source>
        <translation>Zum Antragszeitpunkt</translation>
    </message>
    <message>
        <source>Live now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>%1 changed since the request was made (version %2, now %3)</source>
        <translation>%1 wurde geändert, seit der Antrag gestellt wurde (Version %2, jetzt %3)</translation>
    </message>
    <message>
        <source>The request and the newer change touch different fields.</source>
        <translation>Der Antrag und die neuere Änderung betreffen verschiedene Felder.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) were changed both ways.</source>
        <translation>
            <numerusform>%n Feld wurde von beiden Seiten geändert.</numerusform>
            <numerusform>%n Felder wurden von beiden Seiten geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ %1. %2 Approving is refused until the requester resubmits against the live state; see “Changed since request”.</source>
        <translation>⚠ %1. %2 Die Genehmigung wird verweigert, bis der Antragsteller den Antrag auf Grundlage des aktuellen Stands neu einreicht; siehe „Seit Antragstellung geändert“.</translation>
    </message>
    <message>
        <source>Profile &amp;now</source>
        <translation>&amp;Jetzt profilieren</translation>
    </message>
    <message>
        <source>Measure the data behind this field now, in the background</source>
        <translation>Die Daten hinter diesem Feld jetzt im Hintergrund messen</translation>
    </message>
    <message>
        <source>Data quality of %1: not profiled yet</source>
        <translation>Datenqualität von %1: noch nicht profiliert</translation>
    </message>
    <message>
        <source>Data quality: the field does not exist yet</source>
        <translation>Datenqualität: das Feld existiert noch nicht</translation>
    </message>
    <message>
        <source>Data quality of %1: last run %2 ago did not score (%3)</source>
        <translation>Datenqualität von %1: der letzte Lauf vor %2 ergab keinen Wert (%3)</translation>
    </message>
    <message>
        <source>Data quality of %1: &lt;b&gt;%2 (%3)&lt;/b&gt; · complete %4&#xa0;%, valid %5&#xa0;% · profiled %6 ago</source>
        <translation>Datenqualität von %1: &lt;b&gt;%2 (%3)&lt;/b&gt; · vollständig %4&#xa0;%, gültig %5&#xa0;% · profiliert vor %6</translation>
    </message>
    <message>
        <source>Pro&amp;filer</source>
        <translation>Pro&amp;filer</translation>
    </message>
    <message>
        <source>Profiling %1 in the background…</source>
        <translation>%1 wird im Hintergrund profiliert…</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Genehmigung</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Rule change</source>
        <translation>Regeländerung</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Profile now</source>
        <translation>Jetzt p&amp;rofilieren</translation>
    </message>
    <message>
        <source>Profile everything &amp;due</source>
        <translation>&amp;Alles Fällige profilieren</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Queue every field whose tier interval has passed since its last profile</source>
        <translation>Jedes Feld in die Warteschlange stellen, dessen Tier-Intervall seit dem letzten Profilierungslauf abgelaufen ist</translation>
    </message>
    <message>
        <source>Field key, e.g. gl.journal_line.amount</source>
        <translation>Feldschlüssel, z. B. gl.journal_line.amount</translation>
    </message>
    <message>
        <source>Measure the field now, even if it was profiled recently</source>
        <translation>Das Feld jetzt messen, auch wenn es kürzlich profiliert wurde</translation>
    </message>
    <message>
        <source>Select a run to see its per-rule results.</source>
        <translation>Wählen Sie einen Lauf aus, um seine Ergebnisse je Regel zu sehen.</translation>
    </message>
    <message>
        <source>Nothing is due: every field was profiled within its tier interval.</source>
        <translation>Nichts fällig: Jedes Feld wurde innerhalb seines Tier-Intervalls profiliert.</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>F&amp;eld:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Enter the key of a field to profile.</source>
        <translation>Geben Sie den Schlüssel eines zu profilierenden Felds ein.</translation>
    </message>
    <message>
        <source>There is no field &quot;%1&quot; in this tenant.</source>
        <translation>In diesem Mandanten gibt es kein Feld „%1“.</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Qualitätswert</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Uniqueness</source>
        <translation>Eindeutigkeit</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Rows measured</source>
        <translation>Gemessene Zeilen</translation>
    </message>
    <message>
        <source>Non-null</source>
        <translation>Nicht null</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Verschiedene Werte</translation>
    </message>
    <message>
        <source>≈ %1 (estimated)</source>
        <translation>≈ %1 (geschätzt)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>%1 of %2 fail</source>
        <translation>%1 von %2 nicht erfüllt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Qualitätswert</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Complete %</source>
        <translation>Vollständig %</translation>
    </message>
    <message>
        <source>Unique %</source>
        <translation>Eindeutig %</translation>
    </message>
    <message>
        <source>Valid %</source>
        <translation>Gültig %</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) queued for profiling.</source>
        <translation>
            <numerusform>%n Feld zur Profilierung in die Warteschlange gestellt.</numerusform>
            <numerusform>%n Felder zur Profilierung in die Warteschlange gestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quality</source>
        <translation>&amp;Qualität</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
</TS>
