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
        <source>listening on %1</source>
        <translation>lauscht auf %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>--from must be a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--from muss ein Datum im Format JJJJ-MM-TT sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--to must be a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--to muss ein Datum im Format JJJJ-MM-TT sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2; the period would be empty</source>
        <translation>--from %1 liegt nach --to %2; der Zeitraum wäre leer</translation>
    </message>
    <message>
        <source>%1 report (%2) for %3, %4, written to %5</source>
        <translation>Bericht %1 (%2) für %3, %4, gespeichert unter %5</translation>
    </message>
    <message>
        <source>%1 is at schema version %2</source>
        <translation>%1 hat die Schemaversion %2</translation>
    </message>
    <message>
        <source>serve: a file holding the bearer token /metrics requires (default: $STEWARD_METRICS_TOKEN).</source>
        <translation>serve: eine Datei mit dem Bearer-Token, das /metrics verlangt (Standard: $STEWARD_METRICS_TOKEN).</translation>
    </message>
    <message>
        <source>Environment:
  STEWARD_TENANT         default for --tenant
  STEWARD_USER           default for --user
  STEWARD_METRICS_TOKEN  serve: the bearer token /metrics requires, unless
                         --metrics-token-file names one
</source>
        <translation>Umgebung:
  STEWARD_TENANT         Standard für --tenant
  STEWARD_USER           Standard für --user
  STEWARD_METRICS_TOKEN  serve: das Bearer-Token, das /metrics verlangt, sofern
                         --metrics-token-file keines nennt
</translation>
    </message>
    <message>
        <source>%1: pass --metrics-token-file FILE or set %2, or listen on 127.0.0.1</source>
        <translation>%1: --metrics-token-file FILE angeben oder %2 setzen, oder auf 127.0.0.1 lauschen</translation>
    </message>
    <message>
        <source>listening on %1 (/metrics requires the bearer token)</source>
        <translation>lauscht auf %1 (/metrics verlangt das Bearer-Token)</translation>
    </message>
    <message>
        <source>%1 has changed since this request was made; approving it will be refused.</source>
        <translation>%1 wurde seit der Antragstellung geändert; eine Genehmigung wird verweigert.</translation>
    </message>
    <message>
        <source>%1 is empty; expected a JSON document</source>
        <translation>%1 ist leer; erwartet wird ein JSON-Dokument</translation>
    </message>
    <message>
        <source>standard input (&quot;-&quot;) can be only one side of a diff; usage: steward-cli diff OLD NEW</source>
        <translation>die Standardeingabe (&quot;-&quot;) kann nur eine Seite eines Vergleichs sein; Aufruf: steward-cli diff OLD NEW</translation>
    </message>
    <message>
        <source>serve: accept x-tenant-id, x-user-id and x-role instead of a token (loopback only).</source>
        <translation>serve: x-tenant-id, x-user-id und x-role statt eines Tokens annehmen (nur Loopback).</translation>
    </message>
    <message>
        <source>serve: the server&apos;s certificate chain (PEM), to serve HTTPS.</source>
        <translation>serve: die Zertifikatskette des Servers (PEM), um HTTPS bereitzustellen.</translation>
    </message>
    <message>
        <source>serve: the certificate&apos;s private key (PEM, unencrypted).</source>
        <translation>serve: der private Schlüssel des Zertifikats (PEM, unverschlüsselt).</translation>
    </message>
    <message>
        <source>serve: API requests per second per token (default 50; 0: no limit).</source>
        <translation>serve: API-Anfragen pro Sekunde und Token (Standard 50; 0: keine Grenze).</translation>
    </message>
    <message>
        <source>serve: seconds a client may take to send one request (default 10).</source>
        <translation>serve: Sekunden, die ein Client zum Senden einer Anfrage brauchen darf (Standard 10).</translation>
    </message>
    <message>
        <source>token create: when the token stops working (YYYY-MM-DD or ISO-8601).</source>
        <translation>token create: wann das Token aufhört zu gelten (JJJJ-MM-TT oder ISO-8601).</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>--rate-limit must be a number of requests per second (0: no limit), not &quot;%1&quot;</source>
        <translation>--rate-limit muss eine Zahl von Anfragen pro Sekunde sein (0: keine Grenze), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--request-timeout must be a number of seconds from 1 to 3600, not &quot;%1&quot;</source>
        <translation>--request-timeout muss eine Zahl von Sekunden zwischen 1 und 3600 sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>token takes create, revoke ID or list, not &quot;%1&quot;</source>
        <translation>token nimmt create, revoke ID oder list, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>usage: steward-cli %1</source>
        <translation>Aufruf: steward-cli %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token id; expected a UUID as shown by steward-cli token list</source>
        <translation>&quot;%1&quot; ist keine Token-ID; erwartet wird eine UUID, wie steward-cli token list sie zeigt</translation>
    </message>
    <message>
        <source>--expires applies to token create only</source>
        <translation>--expires gilt nur für token create</translation>
    </message>
    <message>
        <source>identity headers are trusted only on a loopback address (127.0.0.1 or ::1), not on %1; give callers API tokens (steward-cli token create) instead</source>
        <translation>Identitäts-Header gelten nur auf einer Loopback-Adresse (127.0.0.1 oder ::1), nicht auf %1; geben Sie Aufrufern stattdessen API-Tokens (steward-cli token create)</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD) or an ISO-8601 time, not &quot;%1&quot;</source>
        <translation>muss ein Datum (JJJJ-MM-TT) oder eine ISO-8601-Zeit sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>No API tokens in %1.</source>
        <translation>Keine API-Tokens in %1.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Revoked token %1.</source>
        <translation>Token %1 widerrufen.</translation>
    </message>
    <message>
        <source>Token %1 for %2 in %3, %4. It is shown only this once: keep it secret.</source>
        <translation>Token %1 für %2 in %3, %4. Es wird nur dieses eine Mal angezeigt: halten Sie es geheim.</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <source>without expiry</source>
        <translation>ohne Ablauf</translation>
    </message>
    <message>
        <source>%1 - reads the request ids from standard input and takes no others; usage: steward-cli %2</source>
        <translation>%1 - liest die Antrags-IDs von der Standardeingabe und nimmt keine weiteren; Aufruf: steward-cli %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a request id; expected a UUID as shown by steward-cli list; nothing was decided</source>
        <translation>&quot;%1&quot; ist keine Antrags-ID; erwartet wird eine UUID, wie steward-cli list sie anzeigt; nichts wurde entschieden</translation>
    </message>
    <message>
        <source>%1 holds no request ids; expected one per line</source>
        <translation>%1 enthält keine Antrags-IDs; erwartet wird eine pro Zeile</translation>
    </message>
    <message>
        <source>line %1 of %2: &quot;%3&quot; is not a request id; expected a UUID as shown by steward-cli list; nothing was decided</source>
        <translation>Zeile %1 von %2: &quot;%3&quot; ist keine Antrags-ID; erwartet wird eine UUID, wie steward-cli list sie anzeigt; nichts wurde entschieden</translation>
    </message>
    <message>
        <source>Not approved %1: %2</source>
        <translation>%1 nicht genehmigt: %2</translation>
    </message>
    <message>
        <source>%1 of %2 requests were not approved</source>
        <translation>%1 von %2 Anträgen wurden nicht genehmigt</translation>
    </message>
    <message>
        <source>Not rejected %1: %2</source>
        <translation>%1 nicht abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 of %2 requests were not rejected</source>
        <translation>%1 von %2 Anträgen wurden nicht abgelehnt</translation>
    </message>
    <message>
        <source>the audit trail of %1 is broken: %2; the %3 events before it verified</source>
        <translation>der Prüfpfad von %1 ist gebrochen: %2; die %3 Ereignisse davor sind bestätigt</translation>
    </message>
    <message>
        <source>Audit trail of %1 verified: %2 events checked; head hash %3 (seq %4)</source>
        <translation>Prüfpfad von %1 bestätigt: %2 Ereignisse geprüft; Kopf-Hash %3 (seq %4)</translation>
    </message>
    <message>
        <source>Review and decide metadata change requests and read the audit trail, without a display.

Commands:
  init-demo                    create or refresh the demo tenants, users and requests
  migrate                      bring the schema to this program&apos;s version (on a team
                               database: connected as its owner, steward_owner)
  submit FILE|-                submit a change request (JSON, &apos;-&apos; reads stdin); prints its id
  list [--status S] [--json]   the approval queue, oldest first
                               S: pending (default), approved, rejected, cancelled or all
  show ID [--json]             one request: summary and changed fields;
                               --json adds the full payload and current state
  approve ID... [--reason R]   approve pending requests (as --user); several IDs, or
                               &apos;-&apos; to read IDs one per line from stdin, are all
                               checked first, then decided one by one with a line
                               each (approved, or why not)
  reject ID... --reason R      reject pending requests; a reason is required;
                               several IDs or &apos;-&apos; as for approve
  cancel ID                    withdraw a pending request you submitted
  events [--type T] [--follow] [--json]
                               the audit trail, oldest first; T is a type or a prefix
                               ending in &apos;*&apos; (e.g. &apos;approval.*&apos;); --follow keeps
                               printing new events until interrupted; --json prints
                               one JSON object per line
  verify-audit                 recompute the tenant&apos;s audit trail hash chain: prints
                               the events checked and the head hash, or fails
                               naming the first event (seq and id) that was
                               changed, deleted or moved
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
  serve [--bind ADDRESS] [--port N] [--metrics-token-file FILE]
                               serve GET /metrics (Prometheus) and GET /healthz;
                               loopback (127.0.0.1:8787) unless told otherwise.
                               Another address needs a bearer token (from FILE or
                               $STEWARD_METRICS_TOKEN, 16 characters or more); with
                               a token, /metrics answers only requests that carry
                               &quot;Authorization: Bearer &lt;token&gt;&quot; (401 otherwise);
                               and the HTTP API (/approvals, /events, /openapi.json)
                               for callers with an API token. --trust-identity-headers
                               (loopback only, for development) takes x-tenant-id,
                               x-user-id and x-role instead; --tls-cert/--tls-key
                               serve HTTPS; --rate-limit N requests per second per
                               token (default 50, 0: none); --request-timeout S
                               closes a connection whose request takes longer (10)
  token create|revoke ID|list --user U [--expires D]
                               API tokens of the tenant: create prints a new token
                               for --user once (only its hash is kept); D is a date
                               (valid through that UTC day) or an ISO-8601 time;
                               revoke ends one; list shows them</source>
        <translation>Metadaten-Änderungsanträge prüfen und entscheiden und den Prüfpfad lesen, ohne grafische Oberfläche.

Befehle:
  init-demo                    Demo-Mandanten, -Benutzer und -Anträge anlegen oder auffrischen
  migrate                      das Schema auf die Version dieses Programms bringen (auf einer
                               Team-Datenbank: als deren Eigentümer, steward_owner)
  submit FILE|-                einen Änderungsantrag einreichen (JSON, &apos;-&apos; liest stdin); gibt seine ID aus
  list [--status S] [--json]   die Genehmigungswarteschlange, älteste zuerst
                               S: pending (Standard), approved, rejected, cancelled oder all
  show ID [--json]             ein Antrag: Zusammenfassung und geänderte Felder;
                               --json ergänzt die vollständigen Nutzdaten und den aktuellen Stand
  approve ID... [--reason R]   ausstehende Anträge genehmigen (als --user); mehrere IDs
                               oder &apos;-&apos;, um IDs zeilenweise von stdin zu lesen, werden
                               alle zuerst geprüft, dann einzeln entschieden, mit einer
                               Zeile je Antrag (genehmigt oder warum nicht)
  reject ID... --reason R      ausstehende Anträge ablehnen; eine Begründung ist
                               erforderlich; mehrere IDs oder &apos;-&apos; wie bei approve
  cancel ID                    einen selbst eingereichten ausstehenden Antrag zurückziehen
  events [--type T] [--follow] [--json]
                               der Prüfpfad, älteste zuerst; T ist ein Typ oder ein Präfix
                               mit &apos;*&apos; am Ende (z. B. &apos;approval.*&apos;); --follow gibt
                               neue Ereignisse aus, bis abgebrochen wird; --json gibt
                               ein JSON-Objekt pro Zeile aus
  verify-audit                 die Hash-Kette des Prüfpfads des Mandanten nachrechnen:
                               gibt die geprüften Ereignisse und den Kopf-Hash aus oder
                               scheitert und nennt das erste Ereignis (seq und ID), das
                               geändert, gelöscht oder verschoben wurde
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
  serve [--bind ADDRESS] [--port N] [--metrics-token-file FILE]
                               GET /metrics (Prometheus) und GET /healthz bereitstellen;
                               nur Loopback (127.0.0.1:8787), sofern nicht anders angegeben.
                               Eine andere Adresse braucht ein Bearer-Token (aus FILE oder
                               $STEWARD_METRICS_TOKEN, mindestens 16 Zeichen); mit Token
                               beantwortet /metrics nur Anfragen mit
                               &quot;Authorization: Bearer &lt;token&gt;&quot; (sonst 401);
                               und die HTTP-API (/approvals, /events, /openapi.json)
                               für Aufrufer mit einem API-Token. --trust-identity-headers
                               (nur Loopback, für die Entwicklung) nimmt stattdessen
                               x-tenant-id, x-user-id und x-role; --tls-cert/--tls-key
                               stellen HTTPS bereit; --rate-limit N Anfragen pro Sekunde
                               und Token (Standard 50, 0: keine Grenze); --request-timeout S
                               schließt eine Verbindung, deren Anfrage länger braucht (10)
  token create|revoke ID|list --user U [--expires D]
                               API-Tokens des Mandanten: create gibt ein neues Token
                               für --user einmal aus (nur sein Hash wird gespeichert);
                               D ist ein Datum (gültig bis Ende dieses UTC-Tages) oder
                               eine ISO-8601-Zeit; revoke beendet eines; list zeigt sie</translation>
    </message>
    <message>
        <source>Exit status:
  %1  success
  %7  failure of another kind
  %2  usage error or invalid input (bad option, malformed JSON, invalid field)
  %3  forbidden (missing role, four-eyes rule, not the requester)
  %4  not found (no such request or tenant; another tenant&apos;s request counts as none)
  %5  conflict (already decided, key already taken, or changed since the request)
  %6  unavailable: the database (missing, locked, or failing) or the PDF/HTML
     report renderer steward-render (missing or failing)
  %8  verify-audit: the audit trail&apos;s hash chain is broken (the event is named)
On failure, one line &quot;steward-cli: &lt;reason&gt;&quot; is written to stderr.
approve and reject with several IDs (or &apos;-&apos;) print a line for each request and
return the status of the first one they did not decide; the line on stderr then
says how many that were.
</source>
        <translation>Exit-Status:
  %1  Erfolg
  %7  sonstiger Fehler
  %2  Aufruffehler oder ungültige Eingabe (falsche Option, fehlerhaftes JSON, ungültiges Feld)
  %3  nicht erlaubt (fehlende Rolle, Vier-Augen-Prinzip, nicht der Antragsteller)
  %4  nicht gefunden (kein solcher Antrag oder Mandant; ein Antrag eines anderen Mandanten gilt als nicht vorhanden)
  %5  Konflikt (bereits entschieden, Schlüssel bereits vergeben oder seit dem Antrag geändert)
  %6  nicht verfügbar: die Datenbank (fehlt, gesperrt oder fehlerhaft) oder der PDF/HTML-
     Berichtsrenderer steward-render (fehlt oder fehlerhaft)
  %8  verify-audit: die Hash-Kette des Prüfpfads ist gebrochen (das Ereignis wird genannt)
Bei einem Fehler wird eine Zeile &quot;steward-cli: &lt;Grund&gt;&quot; auf stderr ausgegeben.
approve und reject mit mehreren IDs (oder &apos;-&apos;) geben je Antrag eine Zeile aus und
liefern den Status des ersten Antrags, den sie nicht entschieden haben; die Zeile auf
stderr nennt dann, wie viele das waren.
</translation>
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
        <source>the table is empty: there is nothing to score</source>
        <translation>die Tabelle ist leer: es gibt nichts zu bewerten</translation>
    </message>
    <message>
        <source>every value is null: uniqueness and validity cannot be measured</source>
        <translation>jeder Wert ist null: Eindeutigkeit und Gültigkeit können nicht gemessen werden</translation>
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
    <message>
        <source>(moved from %1)</source>
        <translation>(verschoben von %1)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s)</source>
        <translation>
            <numerusform>… und %n weitere Änderung</numerusform>
            <numerusform>… und %n weitere Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>(diff unavailable: %1)</source>
        <translation>(Vergleich nicht verfügbar: %1)</translation>
    </message>
    <message>
        <source>cannot write the report: %1</source>
        <translation>der Bericht kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>No quality measurements for this period.</source>
        <translation>Keine Qualitätsmessungen für diesen Zeitraum.</translation>
    </message>
    <message>
        <source>No decisions in this period.</source>
        <translation>Keine Entscheidungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>the period must start on or before its last day</source>
        <translation>der Zeitraum muss spätestens an seinem letzten Tag beginnen</translation>
    </message>
    <message>
        <source>no tenant %1</source>
        <translation>kein Mandant %1</translation>
    </message>
    <message>
        <source>%1 reports are rendered by the rendering library</source>
        <translation>Berichte im Format %1 werden von der Rendering-Bibliothek erzeugt</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>%1 kann nicht geschrieben werden: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Approvals audit</source>
        <translation>Genehmigungsaudit</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation>JSON-Daten</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Fields below threshold</source>
        <translation>Felder unter dem Schwellenwert</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Offene Warnungen</translation>
    </message>
    <message>
        <source>Rule failures of the worst fields</source>
        <translation>Regelverstöße der schlechtesten Felder</translation>
    </message>
    <message>
        <source>Approvals audit report</source>
        <translation>Bericht Genehmigungsaudit</translation>
    </message>
    <message>
        <source>Data quality report</source>
        <translation>Bericht Datenqualität</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 bis %2 (UTC)</translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation>der Bericht wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 T. %2</translation>
    </message>
    <message>
        <source>Scores run from 0 to 100.</source>
        <translation>Qualitätswerte reichen von 0 bis 100.</translation>
    </message>
    <message>
        <source>A drop is measured in points from 0 to 100.</source>
        <translation>Ein Rückgang wird in Punkten von 0 bis 100 gemessen.</translation>
    </message>
    <message>
        <source>An alert must resolve at or above the score it fires below (%1), or it would fire and resolve on the same score.</source>
        <translation>Eine Warnung muss bei einem Wert aufgehoben werden, der mindestens so hoch ist wie ihre Auslöseschwelle (%1), sonst würde sie beim selben Wert ausgelöst und aufgehoben.</translation>
    </message>
    <message>
        <source>the stored alert threshold %1 is not a number: %2</source>
        <translation>die gespeicherte Warnschwelle %1 ist keine Zahl: %2</translation>
    </message>
    <message>
        <source>the stored alert thresholds of this tenant cannot be used: %1</source>
        <translation>die gespeicherten Warnschwellen dieses Mandanten sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>only a metadata steward of this tenant may change its alert thresholds</source>
        <translation>nur ein Metadata Steward dieses Mandanten darf seine Warnschwellen ändern</translation>
    </message>
    <message>
        <source>%1 needs a password (from ~/.pgpass, PGPASSWORD or the prompt): %2</source>
        <translation>%1 braucht ein Passwort (aus ~/.pgpass, PGPASSWORD oder der Abfrage): %2</translation>
    </message>
    <message>
        <source>cannot connect to the team database %1: %2</source>
        <translation>keine Verbindung zur Team-Datenbank %1: %2</translation>
    </message>
    <message>
        <source>a team database URI names the user and the database: postgresql://user@host:port/db</source>
        <translation>eine Team-Datenbank-URI nennt Benutzer und Datenbank: postgresql://benutzer@host:port/db</translation>
    </message>
    <message>
        <source>unknown option %1 in the database URI (only sslmode)</source>
        <translation>unbekannte Option %1 in der Datenbank-URI (nur sslmode)</translation>
    </message>
    <message>
        <source>sslmode must be one of %1</source>
        <translation>sslmode muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>the database is at schema version %1 and this program needs %2, but this login may not upgrade it (%3); an administrator runs the upgrade as the schema&apos;s owner: steward-cli --db URL migrate</source>
        <translation>die Datenbank hat Schemaversion %1 und dieses Programm braucht %2, aber diese Anmeldung darf sie nicht aktualisieren (%3); eine Administratorin führt die Aktualisierung als Eigentümerin des Schemas aus: steward-cli --db URL migrate</translation>
    </message>
    <message>
        <source>the team database is not reachable: %1</source>
        <translation>die Team-Datenbank ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>the connection to the team database was lost</source>
        <translation>die Verbindung zur Team-Datenbank ist abgebrochen</translation>
    </message>
    <message>
        <source>the background task failed unexpectedly: %1</source>
        <translation>die Hintergrundaufgabe ist unerwartet fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the background task failed unexpectedly</source>
        <translation>die Hintergrundaufgabe ist unerwartet fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot read the metrics token file %1: %2</source>
        <translation>die Token-Datei für die Metriken %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the metrics token in %1 must be at least %2 characters, without spaces</source>
        <translation>das Metrik-Token in %1 muss mindestens %2 Zeichen lang sein, ohne Leerzeichen</translation>
    </message>
    <message>
        <source>refusing to serve /metrics on %1 without a bearer token</source>
        <translation>/metrics wird auf %1 nicht ohne Bearer-Token bereitgestellt</translation>
    </message>
    <message>
        <source>%1 changed since the request was made (its state differs from the one recorded with the request); compare the request-time, live and requested states</source>
        <translation>%1 wurde seit der Antragstellung geändert (der Stand weicht von dem mit dem Antrag erfassten ab); vergleichen Sie den Stand zum Antragszeitpunkt, den aktuellen und den beantragten Stand</translation>
    </message>
    <message>
        <source>a DECIMAL format is &quot;precision,scale&quot; or &quot;precision&quot; with 1 &lt;= precision &lt;= 38 and scale &lt;= precision, e.g. 18,2</source>
        <translation>ein DECIMAL-Format lautet &quot;Genauigkeit,Skala&quot; oder &quot;Genauigkeit&quot; mit 1 &lt;= Genauigkeit &lt;= 38 und Skala &lt;= Genauigkeit, z. B. 18,2</translation>
    </message>
    <message>
        <source>a TEXT format is the maximum length, e.g. 10</source>
        <translation>ein TEXT-Format ist die Maximallänge, z. B. 10</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2</source>
        <translation>&quot;%1&quot; ist kein gültiger regulärer Ausdruck: %2</translation>
    </message>
    <message>
        <source>must be a string, a number or a boolean</source>
        <translation>muss eine Zeichenkette, eine Zahl oder ein Wahrheitswert sein</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <translation>%1 an Position %2</translation>
    </message>
    <message>
        <source>the database holds &quot;%1&quot; in %2, which is not a value this version knows; the row was written by another tool or a newer version</source>
        <translation>die Datenbank enthält &quot;%1&quot; in %2, einen Wert, den diese Version nicht kennt; die Zeile wurde von einem anderen Werkzeug oder einer neueren Version geschrieben</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>rule %1 could not be evaluated on %n value(s): the regular expression engine gave up on them (its backtracking limit); the pattern needs to be simpler</source>
        <translation>
            <numerusform>Regel %1 konnte für %n Wert nicht ausgewertet werden: die Engine für reguläre Ausdrücke hat aufgegeben (ihre Backtracking-Grenze); das Muster muss einfacher werden</numerusform>
            <numerusform>Regel %1 konnte für %n Werte nicht ausgewertet werden: die Engine für reguläre Ausdrücke hat aufgegeben (ihre Backtracking-Grenze); das Muster muss einfacher werden</numerusform>
        </translation>
    </message>
    <message>
        <source>the data type &quot;%1&quot; is not checked: it %2</source>
        <translation>der Datentyp &quot;%1&quot; wird nicht geprüft: er %2</translation>
    </message>
    <message>
        <source>the format &quot;%1&quot; is not checked: %2</source>
        <translation>das Format &quot;%1&quot; wird nicht geprüft: %2</translation>
    </message>
    <message>
        <source>invalid regular expression &quot;%1&quot;: %2</source>
        <translation>ungültiger regulärer Ausdruck &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1 does not hold valid JSON: %2</source>
        <translation>%1 enthält kein gültiges JSON: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1/…/%2 (%n level(s))</source>
        <translation>
            <numerusform>%1/…/%2 (%n Ebene)</numerusform>
            <numerusform>%1/…/%2 (%n Ebenen)</numerusform>
        </translation>
    </message>
    <message>
        <source>the database returned no decision</source>
        <translation>die Datenbank hat keine Entscheidung zurückgegeben</translation>
    </message>
    <message>
        <source>the Qt SQL driver QPSQL is not installed (Debian: libqt6sql6-psql)</source>
        <translation>der Qt-SQL-Treiber QPSQL ist nicht installiert (Debian: libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>the scan was stopped</source>
        <translation>der Scan wurde angehalten</translation>
    </message>
    <message>
        <source>the scan of %1 failed: unexpected snapshot name</source>
        <translation>der Scan von %1 ist fehlgeschlagen: unerwarteter Snapshot-Name</translation>
    </message>
    <message>
        <source>the date format &quot;%1&quot; cannot be checked on PostgreSQL: use YYYY, YY, MM and DD with separators</source>
        <translation>das Datumsformat &quot;%1&quot; kann auf PostgreSQL nicht geprüft werden: verwenden Sie YYYY, YY, MM und DD mit Trennzeichen</translation>
    </message>
    <message>
        <source>a field can have at most %1 rules on PostgreSQL</source>
        <translation>ein Feld kann auf PostgreSQL höchstens %1 Regeln haben</translation>
    </message>
    <message>
        <source>a token speaks for a user: name one</source>
        <translation>ein Token spricht für einen Benutzer: nennen Sie einen</translation>
    </message>
    <message>
        <source>the expiry %1 is not in the future</source>
        <translation>der Ablauf %1 liegt nicht in der Zukunft</translation>
    </message>
    <message>
        <source>no token %1 in this tenant that is not revoked yet</source>
        <translation>kein noch nicht widerrufenes Token %1 in diesem Mandanten</translation>
    </message>
    <message>
        <source>contains a NUL character (\u0000), which databases and reports cut off</source>
        <translation>enthält ein NUL-Zeichen (\u0000), an dem Datenbanken und Berichte den Text abschneiden</translation>
    </message>
    <message numerus="yes">
        <source>%1… (%n characters)</source>
        <translation>
            <numerusform>%1… (%n Zeichen)</numerusform>
            <numerusform>%1… (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>the database returned an event that cannot be read</source>
        <translation>die Datenbank hat ein Ereignis zurückgegeben, das sich nicht lesen lässt</translation>
    </message>
    <message>
        <source>the database returned a decision without its events</source>
        <translation>die Datenbank hat eine Entscheidung ohne ihre Ereignisse zurückgegeben</translation>
    </message>
    <message>
        <source>the connection to the database was closed</source>
        <translation>die Verbindung zur Datenbank wurde geschlossen</translation>
    </message>
    <message>
        <source>the event at seq %1 (id %2) carries no seal</source>
        <translation>das Ereignis mit seq %1 (ID %2) trägt kein Siegel</translation>
    </message>
    <message>
        <source>the event at seq %1 (id %2) does not follow the event before it (seq %3): an event was deleted, moved or inserted</source>
        <translation>das Ereignis mit seq %1 (ID %2) folgt nicht auf das Ereignis davor (seq %3): ein Ereignis wurde gelöscht, verschoben oder eingefügt</translation>
    </message>
    <message>
        <source>the event at seq %1 (id %2) does not start the chain: an event before it was deleted or moved</source>
        <translation>das Ereignis mit seq %1 (ID %2) beginnt die Kette nicht: ein Ereignis davor wurde gelöscht oder verschoben</translation>
    </message>
    <message>
        <source>the event at seq %1 (id %2) does not match its seal: it was changed after it was written</source>
        <translation>das Ereignis mit seq %1 (ID %2) passt nicht zu seinem Siegel: es wurde nach dem Schreiben geändert</translation>
    </message>
    <message>
        <source>not verified: %1 (%2 events before it verified)</source>
        <translation>nicht bestätigt: %1 (%2 Ereignisse davor bestätigt)</translation>
    </message>
    <message>
        <source>verified: %1 events checked, head hash %2 (seq %3)</source>
        <translation>bestätigt: %1 Ereignisse geprüft, Kopf-Hash %2 (seq %3)</translation>
    </message>
    <message>
        <source>no event with seq %1 to seal</source>
        <translation>kein Ereignis mit seq %1 zum Versiegeln</translation>
    </message>
    <message>
        <source>the pattern is %1 characters long, more than the limit of %2</source>
        <translation>das Muster ist %1 Zeichen lang, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <source>the disk holding the database file %1 is full (%2 free), so nothing was written; free some space and try again</source>
        <translation>der Datenträger mit der Datenbankdatei %1 ist voll (%2 frei), daher wurde nichts geschrieben; schaffen Sie Platz und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the database file %1 and its folder are read-only: SQLite cannot even read it without creating its -wal and -shm files there; nothing was changed</source>
        <translation>die Datenbankdatei %1 und ihr Ordner sind schreibgeschützt: SQLite kann sie nicht einmal lesen, ohne dort ihre -wal- und -shm-Dateien anzulegen; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>the database file %1 is read-only, so nothing was changed; make it writable to record changes</source>
        <translation>die Datenbankdatei %1 ist schreibgeschützt, daher wurde nichts geändert; geben Sie sie zum Schreiben frei, um Änderungen zu speichern</translation>
    </message>
    <message>
        <source>the folder %1 holding the database file %2 is read-only, so SQLite cannot create its journal files there; nothing was changed</source>
        <translation>der Ordner %1 mit der Datenbankdatei %2 ist schreibgeschützt, daher kann SQLite dort keine Journaldateien anlegen; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>cannot open the database file %1: %2</source>
        <translation>die Datenbankdatei %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>the database file %1 is read-only (%2); nothing was changed</source>
        <translation>die Datenbankdatei %1 ist schreibgeschützt (%2); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>the database file %1 could not be read or written (%2): the disk or file system failed; nothing was changed</source>
        <translation>die Datenbankdatei %1 konnte nicht gelesen oder geschrieben werden (%2): der Datenträger oder das Dateisystem hat versagt; es wurde nichts geändert</translation>
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
    <message>
        <source>Database: sqlite:PATH or a team database postgresql://user@host:port/db (default: your embedded database). A password comes from ~/.pgpass or PGPASSWORD.</source>
        <translation>Datenbank: sqlite:PATH oder eine Team-Datenbank postgresql://benutzer@host:port/db (Standard: Ihre eingebettete Datenbank). Ein Passwort kommt aus ~/.pgpass oder PGPASSWORD.</translation>
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
    <message>
        <source>/metrics needs the header Authorization: Bearer &lt;token&gt;</source>
        <translation>/metrics braucht den Header Authorization: Bearer &lt;token&gt;</translation>
    </message>
    <message>
        <source>this needs the header Authorization: Bearer &lt;token&gt; (steward-cli token create)</source>
        <translation>dies braucht den Header Authorization: Bearer &lt;token&gt; (steward-cli token create)</translation>
    </message>
    <message>
        <source>the Authorization header must be &quot;Bearer &lt;token&gt;&quot;</source>
        <translation>der Authorization-Header muss &quot;Bearer &lt;token&gt;&quot; lauten</translation>
    </message>
    <message>
        <source>unknown token</source>
        <translation>unbekanntes Token</translation>
    </message>
    <message>
        <source>the token has expired</source>
        <translation>das Token ist abgelaufen</translation>
    </message>
    <message>
        <source>the token has been revoked</source>
        <translation>das Token wurde widerrufen</translation>
    </message>
    <message>
        <source>send Authorization: Bearer &lt;token&gt;, or all of x-tenant-id, x-user-id and x-role</source>
        <translation>senden Sie Authorization: Bearer &lt;token&gt; oder alle von x-tenant-id, x-user-id und x-role</translation>
    </message>
    <message>
        <source>must be a tenant id (a UUID)</source>
        <translation>muss eine Mandanten-ID (eine UUID) sein</translation>
    </message>
    <message>
        <source>must be kernel_architect, metadata_steward, data_owner or viewer</source>
        <translation>muss kernel_architect, metadata_steward, data_owner oder viewer sein</translation>
    </message>
    <message>
        <source>%1 is not a user of tenant %2</source>
        <translation>%1 ist kein Benutzer des Mandanten %2</translation>
    </message>
    <message>
        <source>%1 does not hold the role %2 in tenant %3</source>
        <translation>%1 hat die Rolle %2 im Mandanten %3 nicht</translation>
    </message>
    <message>
        <source>%1 is no longer a user of tenant %2</source>
        <translation>%1 ist kein Benutzer des Mandanten %2 mehr</translation>
    </message>
    <message>
        <source>unknown query parameter; known: %1</source>
        <translation>unbekannter Abfrageparameter; bekannt: %1</translation>
    </message>
    <message>
        <source>given more than once</source>
        <translation>mehr als einmal angegeben</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein</translation>
    </message>
    <message>
        <source>method not allowed; use %1</source>
        <translation>Methode nicht erlaubt; verwenden Sie %1</translation>
    </message>
    <message numerus="yes">
        <source>too many requests; retry in %n second(s)</source>
        <translation>
            <numerusform>zu viele Anfragen; erneut in %n Sekunde</numerusform>
            <numerusform>zu viele Anfragen; erneut in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>must be a request id (a UUID)</source>
        <translation>muss eine Antrags-ID (eine UUID) sein</translation>
    </message>
    <message>
        <source>must be 1 to %1 visible ASCII characters</source>
        <translation>muss aus 1 bis %1 sichtbaren ASCII-Zeichen bestehen</translation>
    </message>
    <message>
        <source>this Idempotency-Key was used for a different request</source>
        <translation>dieser Idempotency-Key wurde für eine andere Anfrage verwendet</translation>
    </message>
    <message>
        <source>must be pending, approved, rejected, cancelled or all</source>
        <translation>muss pending, approved, rejected, cancelled oder all sein</translation>
    </message>
    <message>
        <source>must be one of GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY</source>
        <translation>muss einer der Werte GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY sein</translation>
    </message>
    <message>
        <source>must be one of tier1 .. tier5</source>
        <translation>muss einer der Werte tier1 .. tier5 sein</translation>
    </message>
    <message>
        <source>is not a cursor this server handed out</source>
        <translation>ist kein Cursor, den dieser Server ausgegeben hat</translation>
    </message>
    <message>
        <source>no change request %1 in this tenant</source>
        <translation>kein Änderungsantrag %1 in diesem Mandanten</translation>
    </message>
    <message>
        <source>the body must be a JSON object, e.g. {&quot;reason&quot;: &quot;...&quot;}</source>
        <translation>der Rumpf muss ein JSON-Objekt sein, z. B. {&quot;reason&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>unknown field; only &quot;reason&quot; is accepted</source>
        <translation>unbekanntes Feld; nur &quot;reason&quot; wird angenommen</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>a withdrawal takes no reason</source>
        <translation>ein Zurückziehen hat keine Begründung</translation>
    </message>
    <message>
        <source>the database is not available right now; try again in a moment</source>
        <translation>die Datenbank ist gerade nicht verfügbar; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>the request line and headers exceed %1 bytes</source>
        <translation>Anfragezeile und Header überschreiten %1 Bytes</translation>
    </message>
    <message>
        <source>send the request body with a Content-Length header; chunked bodies are not accepted</source>
        <translation>senden Sie den Anfragerumpf mit einem Content-Length-Header; Rümpfe in Chunks werden nicht angenommen</translation>
    </message>
    <message>
        <source>the Content-Length header is not a valid length</source>
        <translation>der Content-Length-Header ist keine gültige Länge</translation>
    </message>
    <message>
        <source>the request body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>der Anfragerumpf von %1 Bytes überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (or cannot be read)</source>
        <translation>%1 enthält kein PEM-Zertifikat (oder kann nicht gelesen werden)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (RSA or EC)</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-Schlüssel (RSA oder EC)</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>interner Fehler</translation>
    </message>
    <message>
        <source>refusing to trust identity headers on %1: only on a loopback address</source>
        <translation>Identitäts-Header auf %1 werden nicht vertraut: nur auf einer Loopback-Adresse</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>unerwartete Argumente: %1</translation>
    </message>
    <message>
        <source>the report renderer needs --%1</source>
        <translation>der Berichtsrenderer braucht --%1</translation>
    </message>
    <message>
        <source>the report renderer got an unreadable request: %1</source>
        <translation>der Berichtsrenderer erhielt einen unlesbaren Auftrag: %1</translation>
    </message>
    <message>
        <source>--generated-at must be an ISO-8601 time, not &quot;%1&quot;</source>
        <translation>--generated-at muss eine Zeit nach ISO 8601 sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no report section &quot;%1&quot;</source>
        <translation>kein Berichtsabschnitt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot render %1: the report renderer %2 is missing (looked for %3); reinstall Metadata Steward, or write csv or json</source>
        <translation>%1 kann nicht erzeugt werden: der Berichtsrenderer %2 fehlt (gesucht: %3); installieren Sie Metadata Steward neu oder schreiben Sie csv oder json</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>cannot start the report renderer %1: %2</source>
        <translation>der Berichtsrenderer %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the report renderer %1 stopped without writing the report (%2)%3</source>
        <translation>der Berichtsrenderer %1 endete, ohne den Bericht zu schreiben (%2)%3</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
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
    <message>
        <source>&amp;Expose metrics for Prometheus</source>
        <translation>&amp;Metriken für Prometheus bereitstellen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>A tier1 field whose latest score is below this raises an alert</source>
        <translation>Ein tier1-Feld, dessen letzter Qualitätswert darunter liegt, löst eine Warnung aus</translation>
    </message>
    <message>
        <source>The alert resolves once the score is at or above this; the gap keeps a score that hovers at the line from raising alert after alert</source>
        <translation>Die Warnung wird aufgehoben, sobald der Qualitätswert diesen Wert erreicht oder übersteigt; der Abstand verhindert, dass ein um die Grenze schwankender Wert eine Warnung nach der anderen auslöst</translation>
    </message>
    <message>
        <source>A run scoring more than this many points below the field&apos;s previous run raises a QualityDrop alert</source>
        <translation>Ein Lauf, dessen Qualitätswert um mehr als diese Punktzahl unter dem vorherigen Lauf des Felds liegt, löst eine QualityDrop-Warnung aus</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source>The address to listen on; 127.0.0.1 keeps the endpoint on this computer</source>
        <translation>Die Adresse, auf der gelauscht wird; mit 127.0.0.1 bleibt der Endpunkt auf diesen Computer beschränkt</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Tier1 quality alert &amp;fires below:</source>
        <translation>Tier1-Qualitätswarnung &amp;wird ausgelöst unter:</translation>
    </message>
    <message>
        <source>... and &amp;resolves at or above:</source>
        <translation>... und wird &amp;aufgehoben ab:</translation>
    </message>
    <message>
        <source>Quality &amp;drop alert when a run falls more than:</source>
        <translation>Warnung bei Qualitäts&amp;rückgang eines Laufs um mehr als:</translation>
    </message>
    <message>
        <source>Metrics endpoint</source>
        <translation>Metrik-Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Bind address:</source>
        <translation>&amp;Bind-Adresse:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Changes to the endpoint take effect the next time Metadata Steward starts.</source>
        <translation>Änderungen am Endpunkt werden beim nächsten Start von Metadata Steward wirksam.</translation>
    </message>
    <message>
        <source>Enter a number from 0 to 100 in every field.</source>
        <translation>Geben Sie in jedes Feld eine Zahl von 0 bis 100 ein.</translation>
    </message>
    <message>
        <source>Enter an IP address to listen on, such as 127.0.0.1.</source>
        <translation>Geben Sie eine IP-Adresse ein, auf der gelauscht werden soll, z. B. 127.0.0.1.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Geben Sie einen Port von 1 bis 65535 ein.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s) to acknowledge</source>
        <translation>
            <numerusform>%n offene Warnung zu bestätigen</numerusform>
            <numerusform>%n offene Warnungen zu bestätigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new decision(s) on your requests</source>
        <translation>
            <numerusform>%n neue Entscheidung zu Ihren Anträgen</numerusform>
            <numerusform>%n neue Entscheidungen zu Ihren Anträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs your attention</source>
        <translation>Nichts erfordert Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Notifications (%1): %2</source>
        <translation>Benachrichtigungen (%1): %2</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>Quality below the line: %1</source>
        <translation>Qualität unter der Grenze: %1</translation>
    </message>
    <message>
        <source>Quality dropped: %1</source>
        <translation>Qualität gesunken: %1</translation>
    </message>
    <message>
        <source>Profile run failed: %1</source>
        <translation>Profilierungslauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Request approved: %1</source>
        <translation>Antrag genehmigt: %1</translation>
    </message>
    <message>
        <source>Request rejected: %1</source>
        <translation>Antrag abgelehnt: %1</translation>
    </message>
    <message>
        <source>Request withdrawn: %1</source>
        <translation>Antrag zurückgezogen: %1</translation>
    </message>
    <message>
        <source>Tier1 field scored %1</source>
        <translation>Tier1-Feld mit Qualitätswert %1</translation>
    </message>
    <message>
        <source>Scored %1, far below its previous run</source>
        <translation>Qualitätswert %1, weit unter dem vorherigen Lauf</translation>
    </message>
    <message>
        <source>The field could not be measured</source>
        <translation>Das Feld konnte nicht gemessen werden</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>bestätigt von %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Nothing needs your attention.
Open alerts and decisions on your requests show up here.</source>
        <translation>Nichts erfordert Ihre Aufmerksamkeit.
Offene Warnungen und Entscheidungen zu Ihren Anträgen erscheinen hier.</translation>
    </message>
    <message>
        <source>Record that you have seen this alert; it stops counting on the bell</source>
        <translation>Festhalten, dass Sie diese Warnung gesehen haben; sie zählt dann nicht mehr an der Glocke</translation>
    </message>
    <message>
        <source>&amp;Show field</source>
        <translation>Feld &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Show request</source>
        <translation>Antrag &amp;anzeigen</translation>
    </message>
    <message>
        <source>Show the field&apos;s profile runs on the Profiler tab</source>
        <translation>Die Profilierungsläufe des Felds auf der Registerkarte „Profiler“ anzeigen</translation>
    </message>
    <message>
        <source>Show the request on the Approvals tab</source>
        <translation>Den Antrag auf der Registerkarte „Genehmigungen“ anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) to acknowledge</source>
        <translation>
            <numerusform>%n Warnung zu bestätigen</numerusform>
            <numerusform>%n Warnungen zu bestätigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Scored %1 in its latest profile run.</source>
        <translation>Qualitätswert %1 im letzten Profilierungslauf.</translation>
    </message>
    <message>
        <source>Its latest profile run failed.</source>
        <translation>Der letzte Profilierungslauf ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image (Ctrl+S on the chart)</source>
        <translation>Dieses Diagramm als PNG-Bild speichern (Strg+S im Diagramm)</translation>
    </message>
    <message>
        <source>The chart could not be drawn.</source>
        <translation>Das Diagramm konnte nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1 as PNG.</source>
        <translation>%1 kann nicht als PNG geschrieben werden.</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>%1 fell from %2 (%3) to %4 (%5). Press Enter to open its profile.</source>
        <translation>%1 fiel von %2 (%3) auf %4 (%5). Drücken Sie die Eingabetaste, um das Profil zu öffnen.</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Rückgang</translation>
    </message>
    <message>
        <source>Threshold (%1)</source>
        <translation>Schwellenwert (%1)</translation>
    </message>
    <message>
        <source>the last %1 days</source>
        <translation>den letzten %1 Tagen</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>No completed profile runs in %1.</source>
        <translation>Keine abgeschlossenen Profilierungsläufe in %1.</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>in the %1 days to %2</source>
        <translation>in den %1 Tagen bis %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: average %3 over %n run(s)</source>
        <translation>
            <numerusform>%1 %2: Durchschnitt %3 aus %n Lauf</numerusform>
            <numerusform>%1 %2: Durchschnitt %3 aus %n Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>No field was profiled in %1.</source>
        <translation>In %1 wurde kein Feld profiliert.</translation>
    </message>
    <message>
        <source>%1 has no completed profile runs in %2.</source>
        <translation>%1 hat in %2 keine abgeschlossenen Profilierungsläufe.</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 am %2: %3</translation>
    </message>
    <message>
        <source>No field has a score in %1.</source>
        <translation>In %1 hat kein Feld einen Qualitätswert.</translation>
    </message>
    <message>
        <source>(no domain)</source>
        <translation>(keine Domäne)</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Note %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n field(s) with grade %2</source>
        <translation>
            <numerusform>%1: %n Feld mit Note %2</numerusform>
            <numerusform>%1: %n Felder mit Note %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No profile runs in %1.</source>
        <translation>Keine Profilierungsläufe in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n completed</source>
        <translation>
            <numerusform>%1: %n abgeschlossen</numerusform>
            <numerusform>%1: %n abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>Completed runs</source>
        <translation>Abgeschlossene Läufe</translation>
    </message>
    <message numerus="yes">
        <source>%1 s: %n run(s) (%2 %)</source>
        <translation>
            <numerusform>%1 s: %n Lauf (%2 %)</numerusform>
            <numerusform>%1 s: %n Läufe (%2 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Nothing is waiting for a decision.</source>
        <translation>Nichts wartet auf eine Entscheidung.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n pending</source>
        <translation>
            <numerusform>%1, %2: %n ausstehend</numerusform>
            <numerusform>%1, %2: %n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>No decisions in %1.</source>
        <translation>Keine Entscheidungen in %1.</translation>
    </message>
    <message>
        <source>%1, %2: %3 approved, %4 rejected</source>
        <translation>%1, %2: %3 genehmigt, %4 abgelehnt</translation>
    </message>
    <message>
        <source>The quality figures could not be read: %1</source>
        <translation>Die Qualitätskennzahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Average quality score per tier</source>
        <translation>Durchschnittlicher Qualitätswert je Tier</translation>
    </message>
    <message>
        <source>Field trend</source>
        <translation>Feldtrend</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <source>Grades by domain (latest score per field)</source>
        <translation>Noten nach Domäne (letzter Qualitätswert je Feld)</translation>
    </message>
    <message>
        <source>&amp;Show profile</source>
        <translation>Profil &amp;anzeigen</translation>
    </message>
    <message>
        <source>Profile runs per day</source>
        <translation>Profilierungsläufe pro Tag</translation>
    </message>
    <message>
        <source>Duration of completed runs</source>
        <translation>Dauer abgeschlossener Läufe</translation>
    </message>
    <message>
        <source>Pending requests by tier</source>
        <translation>Ausstehende Anträge nach Tier</translation>
    </message>
    <message>
        <source>Decisions per day by entity type</source>
        <translation>Entscheidungen pro Tag nach Entitätstyp</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Quality tr&amp;ends</source>
        <translation>Qualitäts&amp;trends</translation>
    </message>
    <message>
        <source>Profiler &amp;performance</source>
        <translation>Profiler-&amp;Leistung</translation>
    </message>
    <message>
        <source>Approval &amp;workflow</source>
        <translation>&amp;Genehmigungsablauf</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>Diagramm gespeichert unter %1</translation>
    </message>
    <message>
        <source>Search a field…</source>
        <translation>Feld suchen…</translation>
    </message>
    <message>
        <source>The field whose completeness, uniqueness and validity are drawn</source>
        <translation>Das Feld, dessen Vollständigkeit, Eindeutigkeit und Gültigkeit dargestellt werden</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>F&amp;eld:</translation>
    </message>
    <message>
        <source>Show this field&apos;s runs on the Profiler tab</source>
        <translation>Die Läufe dieses Felds auf der Registerkarte „Profiler“ anzeigen</translation>
    </message>
    <message>
        <source>Each day, the average score of the tier&apos;s completed runs within its profiling interval: tier1 that day, tier2 the last 3 days, tier3 the last 7, tier4 and tier5 the last 30.</source>
        <translation>Für jeden Tag der durchschnittliche Qualitätswert der abgeschlossenen Läufe des Tiers innerhalb seines Profilierungsintervalls: tier1 an diesem Tag, tier2 in den letzten 3 Tagen, tier3 in den letzten 7, tier4 und tier5 in den letzten 30.</translation>
    </message>
    <message>
        <source>How many fields of each domain have each grade, by their latest completed run in the period.</source>
        <translation>Wie viele Felder jeder Domäne welche Note haben, gemessen am letzten abgeschlossenen Lauf im Zeitraum.</translation>
    </message>
    <message>
        <source>Recent &amp;degradations (more than 10 points below the run before)</source>
        <translation>Aktuelle &amp;Verschlechterungen (mehr als 10 Punkte unter dem vorherigen Lauf)</translation>
    </message>
    <message>
        <source>No field&apos;s latest score fell more than 10 points below the run before.</source>
        <translation>Bei keinem Feld lag der letzte Qualitätswert mehr als 10 Punkte unter dem vorherigen Lauf.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>%1 runs in %2: %3 completed, %4 failed (%5 %).</source>
        <translation>%1 Läufe in %2: %3 abgeschlossen, %4 fehlgeschlagen (%5 %).</translation>
    </message>
    <message numerus="yes">
        <source>Median time to decision: %1 over %n decision(s) in %2. %3 pending now.</source>
        <translation>
            <numerusform>Mediane Entscheidungsdauer: %1 bei %n Entscheidung in %2. Derzeit %3 ausstehend.</numerusform>
            <numerusform>Mediane Entscheidungsdauer: %1 bei %n Entscheidungen in %2. Derzeit %3 ausstehend.</numerusform>
        </translation>
    </message>
    <message>
        <source>No decisions in %1. %2 pending now.</source>
        <translation>Keine Entscheidungen in %1. Derzeit %2 ausstehend.</translation>
    </message>
    <message>
        <source>cannot write the report: %1</source>
        <translation>der Bericht kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Generated by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>No decisions in this period.</source>
        <translation>Keine Entscheidungen in diesem Zeitraum.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (over %n approval(s) and rejection(s))</source>
        <translation>
            <numerusform>%1 (bei %n Genehmigung oder Ablehnung)</numerusform>
            <numerusform>%1 (bei %n Genehmigungen und Ablehnungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>none (no approvals or rejections)</source>
        <translation>keine (keine Genehmigungen oder Ablehnungen)</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
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
        <source>Withdrawn (cancelled)</source>
        <translation>Zurückgezogen (cancelled)</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>Mediane Entscheidungsdauer</translation>
    </message>
    <message>
        <source>Decisions by entity type</source>
        <translation>Entscheidungen nach Entitätstyp</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Entitätstyp</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Every request approved, rejected or withdrawn in the period, oldest decision first; times in UTC. Changes compare the current state with the requested one (at most 10 per decision, values cut at 120 characters).</source>
        <translation>Alle im Zeitraum genehmigten, abgelehnten oder zurückgezogenen Anträge, älteste Entscheidung zuerst; Zeiten in UTC. Die Änderungen vergleichen den aktuellen Stand mit dem beantragten (höchstens 10 je Entscheidung, Werte nach 120 Zeichen abgeschnitten).</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <source>Decider</source>
        <translation>Entscheider</translation>
    </message>
    <message>
        <source>Decider role</source>
        <translation>Rolle des Entscheiders</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>(no tier)</source>
        <translation>(kein Tier)</translation>
    </message>
    <message>
        <source>No quality measurements for this period.</source>
        <translation>Keine Qualitätsmessungen für diesen Zeitraum.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>At start</source>
        <translation>Zu Beginn</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>Unter Schwelle</translation>
    </message>
    <message>
        <source>Fields measured</source>
        <translation>Gemessene Felder</translation>
    </message>
    <message>
        <source>Below %1</source>
        <translation>Unter %1</translation>
    </message>
    <message>
        <source>Open alerts (now)</source>
        <translation>Offene Warnungen (jetzt)</translation>
    </message>
    <message>
        <source>Scores are each field&apos;s latest completed run up to the end of the period, averaged; the change compares with the latest run before the period began.</source>
        <translation>Die Qualitätswerte sind der Durchschnitt der jeweils letzten abgeschlossenen Läufe jedes Felds bis zum Ende des Zeitraums; die Änderung vergleicht mit dem letzten Lauf vor Beginn des Zeitraums.</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>Nach Tier</translation>
    </message>
    <message>
        <source>By tier and domain</source>
        <translation>Nach Tier und Domäne</translation>
    </message>
    <message>
        <source>Degradations: latest run more than 10 points below the one before</source>
        <translation>Verschlechterungen: letzter Lauf mehr als 10 Punkte unter dem vorherigen</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>Keine in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Fields whose latest score up to the end of the period is below %1, worst first.</source>
        <translation>Felder, deren letzter Qualitätswert bis zum Ende des Zeitraums unter %1 liegt, schlechteste zuerst.</translation>
    </message>
    <message>
        <source>No field is below the threshold.</source>
        <translation>Kein Feld liegt unter dem Schwellenwert.</translation>
    </message>
    <message>
        <source>No open alerts.</source>
        <translation>Keine offenen Warnungen.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Bestätigt von</translation>
    </message>
    <message>
        <source>No measured fields.</source>
        <translation>Keine gemessenen Felder.</translation>
    </message>
    <message>
        <source>%1 — score %2 (%3)</source>
        <translation>%1 — Qualitätswert %2 (%3)</translation>
    </message>
    <message>
        <source>%1 rows, %2 nulls, %3 invalid values · completeness %4, uniqueness %5, validity %6</source>
        <translation>%1 Zeilen, %2 Nullwerte, %3 ungültige Werte · Vollständigkeit %4, Eindeutigkeit %5, Gültigkeit %6</translation>
    </message>
    <message>
        <source>No business rules on this field; validity checks its data type only.</source>
        <translation>Keine Geschäftsregeln für dieses Feld; die Gültigkeit prüft nur seinen Datentyp.</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Generated %1 by %2</source>
        <translation>Erstellt am %1 von %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Metadata Steward</source>
        <translation>Metadata Steward</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s): %1 approved, %2 rejected, %3 withdrawn.</source>
        <translation>
            <numerusform>%n Entscheidung: %1 genehmigt, %2 abgelehnt, %3 zurückgezogen.</numerusform>
            <numerusform>%n Entscheidungen: %1 genehmigt, %2 abgelehnt, %3 zurückgezogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No decisions in this period: no request was approved, rejected or withdrawn between %1 and %2.</source>
        <translation>Keine Entscheidungen in diesem Zeitraum: Zwischen %1 und %2 wurde kein Antrag genehmigt, abgelehnt oder zurückgezogen.</translation>
    </message>
    <message>
        <source>Every request approved, rejected or withdrawn in the period, oldest decision first. Times are UTC. Under each decision: the start of its id and its reason, then what it changed (current state against the requested one; here at most 6 changes with values cut at 48 characters, the CSV and JSON forms list 10 with 120).</source>
        <translation>Alle im Zeitraum genehmigten, abgelehnten oder zurückgezogenen Anträge, älteste Entscheidung zuerst. Zeiten in UTC. Unter jeder Entscheidung: der Anfang ihrer ID und ihre Begründung, dann ihre Änderungen (aktueller Stand gegenüber dem beantragten; hier höchstens 6 Änderungen mit nach 48 Zeichen abgeschnittenen Werten, die CSV- und JSON-Fassung enthalten 10 mit 120).</translation>
    </message>
    <message>
        <source>Tier · lane</source>
        <translation>Tier · Spur</translation>
    </message>
    <message>
        <source>Decider · role</source>
        <translation>Entscheider · Rolle</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Diff unavailable: %1</source>
        <translation>Vergleich nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) measured, %1 below %2, %3 open alert(s).</source>
        <translation>
            <numerusform>%n Feld gemessen, %1 unter %2, offene Warnungen: %3.</numerusform>
            <numerusform>%n Felder gemessen, %1 unter %2, offene Warnungen: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>No field has a completed profile run up to the end of this period.</source>
        <translation>Bis zum Ende dieses Zeitraums hat kein Feld einen abgeschlossenen Profilierungslauf.</translation>
    </message>
    <message>
        <source>Previous run</source>
        <translation>Vorheriger Lauf</translation>
    </message>
    <message>
        <source>Alerts firing when the report was generated that had fired by the end of the period, newest first.</source>
        <translation>Warnungen, die bei Erstellung des Berichts aktiv waren und bis zum Ende des Zeitraums ausgelöst wurden, neueste zuerst.</translation>
    </message>
    <message numerus="yes">
        <source>The %n lowest-scoring field(s) and how each of their rules fared in the latest run.</source>
        <translation>
            <numerusform>%n Feld mit dem niedrigsten Qualitätswert und wie jede seiner Regeln im letzten Lauf abgeschnitten hat.</numerusform>
            <numerusform>Die %n Felder mit den niedrigsten Qualitätswerten und wie jede ihrer Regeln im letzten Lauf abgeschnitten hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 · %3 rows, %4 nulls, %5 invalid values · completeness %6, uniqueness %7, validity %8 · measured %9</source>
        <translation>%1, %2 · %3 Zeilen, %4 Nullwerte, %5 ungültige Werte · Vollständigkeit %6, Eindeutigkeit %7, Gültigkeit %8 · gemessen am %9</translation>
    </message>
    <message>
        <source>no domain</source>
        <translation>keine Domäne</translation>
    </message>
    <message>
        <source>cannot start the PDF: %1</source>
        <translation>das PDF kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot write the PDF: %1</source>
        <translation>das PDF kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Average quality score per tier and day</source>
        <translation>Durchschnittlicher Qualitätswert je Tier und Tag</translation>
    </message>
    <message>
        <source>Average quality score per tier and week</source>
        <translation>Durchschnittlicher Qualitätswert je Tier und Woche</translation>
    </message>
    <message>
        <source>Average quality score per tier and month</source>
        <translation>Durchschnittlicher Qualitätswert je Tier und Monat</translation>
    </message>
    <message>
        <source>Average quality score per tier and year</source>
        <translation>Durchschnittlicher Qualitätswert je Tier und Jahr</translation>
    </message>
    <message>
        <source>No completed profile runs in this period.</source>
        <translation>Keine abgeschlossenen Profilierungsläufe in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Fields by grade and domain</source>
        <translation>Felder nach Note und Domäne</translation>
    </message>
    <message>
        <source>Fields (latest score in the period)</source>
        <translation>Felder (letzter Qualitätswert im Zeitraum)</translation>
    </message>
    <message>
        <source>No field has a score in this period.</source>
        <translation>In diesem Zeitraum hat kein Feld einen Qualitätswert.</translation>
    </message>
    <message>
        <source>Profile runs per week</source>
        <translation>Profilierungsläufe pro Woche</translation>
    </message>
    <message>
        <source>Profile runs per month</source>
        <translation>Profilierungsläufe pro Monat</translation>
    </message>
    <message>
        <source>Profile runs per year</source>
        <translation>Profilierungsläufe pro Jahr</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>No profile runs in this period.</source>
        <translation>Keine Profilierungsläufe in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Decisions per day</source>
        <translation>Entscheidungen pro Tag</translation>
    </message>
    <message>
        <source>Decisions per week</source>
        <translation>Entscheidungen pro Woche</translation>
    </message>
    <message>
        <source>Decisions per month</source>
        <translation>Entscheidungen pro Monat</translation>
    </message>
    <message>
        <source>Decisions per year</source>
        <translation>Entscheidungen pro Jahr</translation>
    </message>
    <message>
        <source>Approved and rejected</source>
        <translation>Genehmigt und abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>Bericht ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show &amp;folder</source>
        <translation>Ordner &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>(UTC days, both included)</source>
        <translation>(UTC-Tage, beide einschließlich)</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Abschnitte:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>A CSV file is one table: one row per decision (approvals) or per field (quality), so sections do not apply.</source>
        <translation>Eine CSV-Datei ist eine einzige Tabelle: eine Zeile je Entscheidung (Genehmigungen) bzw. je Feld (Qualität), daher gibt es keine Abschnitte.</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>The period must start on or before its last day.</source>
        <translation>Der Zeitraum muss spätestens an seinem letzten Tag beginnen.</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Wählen Sie aus, wo der Bericht gespeichert werden soll.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 ist ein Ordner; ergänzen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Wählen Sie mindestens einen Abschnitt aus.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>%1 report (no decisions in this period; the report says so)</source>
        <translation>Bericht %1 (keine Entscheidungen in diesem Zeitraum; der Bericht weist darauf hin)</translation>
    </message>
    <message numerus="yes">
        <source>%1 report with %n decision(s)</source>
        <translation>
            <numerusform>Bericht %1 mit %n Entscheidung</numerusform>
            <numerusform>Bericht %1 mit %n Entscheidungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 report</source>
        <translation>Bericht %1</translation>
    </message>
    <message>
        <source>%1 written to %2</source>
        <translation>%1 gespeichert unter %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Pr&amp;ofiler</source>
        <translation>Pro&amp;filer</translation>
    </message>
    <message>
        <source>Fi&amp;eld:</source>
        <translation>F&amp;eld:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Alerts of %1</source>
        <translation>Warnungen für %1</translation>
    </message>
    <message>
        <source>These lines belong to the tenant: they apply to every profile run from now on, on every desktop and in steward-cli, and the change is recorded in the audit trail. Scores run from 0 to 100.</source>
        <translation>Diese Grenzen gehören dem Mandanten: Sie gelten ab sofort für jeden Profilierungslauf, auf jedem Desktop und in steward-cli, und die Änderung wird im Audit-Trail festgehalten. Qualitätswerte reichen von 0 bis 100.</translation>
    </message>
    <message>
        <source>These lines belong to the tenant; only a metadata steward can change them.</source>
        <translation>Diese Grenzen gehören dem Mandanten; nur ein Metadata Steward kann sie ändern.</translation>
    </message>
    <message>
        <source>The thresholds were not saved: %1</source>
        <translation>Die Schwellenwerte wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>A decision on %1 is being recorded.</source>
        <translation>Eine Entscheidung zu %1 wird gerade gespeichert.</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird genehmigt…</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Wird abgelehnt…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Wird zurückgezogen…</translation>
    </message>
    <message>
        <source>Approving %1…</source>
        <translation>%1 wird genehmigt…</translation>
    </message>
    <message>
        <source>Rejecting %1…</source>
        <translation>%1 wird abgelehnt…</translation>
    </message>
    <message>
        <source>Withdrawing %1…</source>
        <translation>%1 wird zurückgezogen…</translation>
    </message>
    <message>
        <source>The request disappeared; reloading.</source>
        <translation>Der Antrag ist verschwunden; die Liste wird neu geladen.</translation>
    </message>
    <message>
        <source>Unknown decision.</source>
        <translation>Unbekannte Entscheidung.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>A file holding the token Prometheus must send as &quot;Authorization: Bearer&quot;; needed to listen beyond this computer. Without one, $%1 is used when set</source>
        <translation>Eine Datei mit dem Token, das Prometheus als &quot;Authorization: Bearer&quot; senden muss; nötig, um über diesen Computer hinaus zu lauschen. Ohne sie gilt $%1, sofern gesetzt</translation>
    </message>
    <message>
        <source>Bearer &amp;token file:</source>
        <translation>Bearer-&amp;Token-Datei:</translation>
    </message>
    <message>
        <source>Listening beyond this computer needs a bearer token: name a token file, or listen on 127.0.0.1.</source>
        <translation>Über diesen Computer hinaus zu lauschen braucht ein Bearer-Token: eine Token-Datei angeben oder auf 127.0.0.1 lauschen.</translation>
    </message>
    <message>
        <source>Other computers on the network will be able to read the metrics with the bearer token.</source>
        <translation>Andere Computer im Netzwerk können die Metriken mit dem Bearer-Token lesen.</translation>
    </message>
    <message>
        <source>%1 changed since the request was made</source>
        <translation>%1 wurde geändert, seit der Antrag gestellt wurde</translation>
    </message>
    <message>
        <source>The team database is unreachable, so nothing was decided and nothing is queued. Decide again once the connection is back.</source>
        <translation>Die Team-Datenbank ist nicht erreichbar, daher wurde nichts entschieden und nichts vorgemerkt. Entscheiden Sie erneut, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>On a team database you act as your own login</source>
        <translation>In einer Team-Datenbank handeln Sie mit Ihrer eigenen Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Connect to team database…</source>
        <translation>Mit &amp;Team-Datenbank verbinden…</translation>
    </message>
    <message>
        <source>Reconnected to the team database.</source>
        <translation>Wieder mit der Team-Datenbank verbunden.</translation>
    </message>
    <message>
        <source>The team database is unreachable (%1). Reconnecting… Decisions are refused until it is back; nothing is lost.</source>
        <translation>Die Team-Datenbank ist nicht erreichbar (%1). Verbindung wird wiederhergestellt… Bis dahin werden Entscheidungen abgelehnt; nichts geht verloren.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2: PostgreSQL %3, schema version %4.</source>
        <translation>Mit %1 als %2 verbunden: PostgreSQL %3, Schemaversion %4.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect to team database</source>
        <translation>Mit Team-Datenbank verbinden</translation>
    </message>
    <message>
        <source>your database login, e.g. amara.okafor</source>
        <translation>Ihre Datenbankanmeldung, z. B. amara.okafor</translation>
    </message>
    <message>
        <source>Prefer TLS (libpq default)</source>
        <translation>TLS bevorzugen (libpq-Standard)</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS verlangen</translation>
    </message>
    <message>
        <source>Require TLS, verify the certificate authority</source>
        <translation>TLS verlangen, Zertifizierungsstelle prüfen</translation>
    </message>
    <message>
        <source>Require TLS, verify the server&apos;s name</source>
        <translation>TLS verlangen, Servernamen prüfen</translation>
    </message>
    <message>
        <source>Allow TLS if the server requires it</source>
        <translation>TLS erlauben, wenn der Server es verlangt</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation>T&amp;LS:</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or PGPASSWORD; otherwise you are asked for it. It is never saved.</source>
        <translation>Das Passwort kommt aus ~/.pgpass oder PGPASSWORD; sonst werden Sie danach gefragt. Es wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>name the server the team database runs on</source>
        <translation>nennen Sie den Server, auf dem die Team-Datenbank läuft</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Passwort von %1 auf %2:</translation>
    </message>
    <message>
        <source>%1 needs a password.</source>
        <translation>%1 verlangt ein Passwort.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Audit trail: %1</source>
        <translation>Prüfpfad: %1</translation>
    </message>
</context>
</TS>
