#include "CliOptions.h"

#include "CliTr.h"
#include "ExitStatus.h"

#include <QCommandLineParser>

#include <limits>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

struct CommandSpec
{
    Command command;
    QString name;
    int minArguments;
    int maxArguments;
    QStringList options; // besides the common --db, --tenant and --user
    QString synopsis;
    bool takesRequestId = false;
    bool takesSeveralRequestIds = false; // ID... or '-' for ids on standard input
};

constexpr int kAnyNumber = std::numeric_limits<int>::max();

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> specs{
        {Command::InitDemo, u"init-demo"_s, 0, 0, {}, u"init-demo"_s, false},
        {Command::Migrate, u"migrate"_s, 0, 0, {}, u"migrate"_s, false},
        {Command::Submit, u"submit"_s, 1, 1, {}, u"submit FILE|-"_s, false},
        {Command::List, u"list"_s, 0, 0, {u"status"_s, u"json"_s}, u"list [--status S] [--json]"_s, false},
        {Command::Show, u"show"_s, 1, 1, {u"json"_s}, u"show ID [--json]"_s, true},
        {Command::Approve, u"approve"_s, 1, kAnyNumber, {u"reason"_s}, u"approve ID...|- [--reason R]"_s, true, true},
        {Command::Reject, u"reject"_s, 1, kAnyNumber, {u"reason"_s}, u"reject ID...|- --reason R"_s, true, true},
        {Command::Cancel, u"cancel"_s, 1, 1, {}, u"cancel ID"_s, true},
        {Command::Events,
         u"events"_s,
         0,
         0,
         {u"type"_s, u"follow"_s, u"json"_s},
         u"events [--type T] [--follow] [--json]"_s,
         false},
        {Command::VerifyAudit, u"verify-audit"_s, 0, 0, {}, u"verify-audit"_s, false},
        {Command::Diff, u"diff"_s, 2, 2, {u"format"_s}, u"diff OLD NEW [--format text|json|patch]"_s, false},
        {Command::Profile,
         u"profile"_s,
         0,
         1,
         {u"due"_s, u"now"_s, u"sample"_s},
         u"profile KEY|--due [--now] [--sample N]"_s,
         false},
        {Command::Report,
         u"report"_s,
         0,
         0,
         {u"kind"_s, u"format"_s, u"out"_s, u"from"_s, u"to"_s},
         u"report --kind quality|approvals --format pdf|html|csv|json --out FILE [--from D --to D]"_s,
         false},
        {Command::Serve,
         u"serve"_s,
         0,
         0,
         {u"bind"_s, u"port"_s, u"metrics-token-file"_s, u"trust-identity-headers"_s, u"tls-cert"_s, u"tls-key"_s,
          u"rate-limit"_s, u"request-timeout"_s},
         u"serve [--bind 127.0.0.1] [--port 8787] [--metrics-token-file FILE] [--trust-identity-headers] "
         u"[--tls-cert FILE --tls-key FILE] [--rate-limit N] [--request-timeout S]"_s,
         false},
        {Command::Token,
         u"token"_s,
         1,
         2,
         {u"expires"_s},
         u"token create|revoke ID|list --user U [--tenant T] [--expires D]"_s,
         false},
    };
    return specs;
}

const QStringList &commonOptions()
{
    static const QStringList names{u"db"_s, u"tenant"_s, u"user"_s};
    return names;
}

QString description()
{
    return CliTr::tr("Review and decide metadata change requests and read the audit trail, without a display.\n"
                     "\n"
                     "Commands:\n"
                     "  init-demo                    create or refresh the demo tenants, users and requests\n"
                     "  migrate                      bring the schema to this program's version (on a team\n"
                     "                               database: connected as its owner, steward_owner)\n"
                     "  submit FILE|-                submit a change request (JSON, '-' reads stdin); prints its id\n"
                     "  list [--status S] [--json]   the approval queue, oldest first\n"
                     "                               S: pending (default), approved, rejected, cancelled or all\n"
                     "  show ID [--json]             one request: summary and changed fields;\n"
                     "                               --json adds the full payload and current state\n"
                     "  approve ID... [--reason R]   approve pending requests (as --user); several IDs, or\n"
                     "                               '-' to read IDs one per line from stdin, are all\n"
                     "                               checked first, then decided one by one with a line\n"
                     "                               each (approved, or why not)\n"
                     "  reject ID... --reason R      reject pending requests; a reason is required;\n"
                     "                               several IDs or '-' as for approve\n"
                     "  cancel ID                    withdraw a pending request you submitted\n"
                     "  events [--type T] [--follow] [--json]\n"
                     "                               the audit trail, oldest first; T is a type or a prefix\n"
                     "                               ending in '*' (e.g. 'approval.*'); --follow keeps\n"
                     "                               printing new events until interrupted; --json prints\n"
                     "                               one JSON object per line\n"
                     "  verify-audit                 recompute the tenant's audit trail hash chain: prints\n"
                     "                               the events checked and the head hash, or fails\n"
                     "                               naming the first event (seq and id) that was\n"
                     "                               changed, deleted or moved\n"
                     "  diff OLD NEW [--format text|json|patch]\n"
                     "                               structural diff of two JSON files ('-' reads stdin):\n"
                     "                               changes by JSON Pointer, or an RFC 6902 patch that\n"
                     "                               turns OLD into NEW; needs no database\n"
                     "  profile KEY|--due [--now] [--sample N]\n"
                     "                               measure the data quality of one field, or of every\n"
                     "                               field whose tier interval has elapsed; --now runs even\n"
                     "                               within 12 hours of the last run; --sample measures\n"
                     "                               about N rows instead of all\n"
                     "  report --kind quality|approvals --format pdf|html|csv|json --out FILE\n"
                     "         [--from D --to D]    write a report for a period (dates as YYYY-MM-DD;\n"
                     "                               default: the last 30 days)\n"
                     "  serve [--bind ADDRESS] [--port N] [--metrics-token-file FILE]\n"
                     "                               serve GET /metrics (Prometheus) and GET /healthz;\n"
                     "                               loopback (127.0.0.1:8787) unless told otherwise.\n"
                     "                               Another address needs a bearer token (from FILE or\n"
                     "                               $STEWARD_METRICS_TOKEN, 16 characters or more); with\n"
                     "                               a token, /metrics answers only requests that carry\n"
                     "                               \"Authorization: Bearer <token>\" (401 otherwise);\n"
                     "                               and the HTTP API (/approvals, /events, /openapi.json)\n"
                     "                               for callers with an API token. --trust-identity-headers\n"
                     "                               (loopback only, for development) takes x-tenant-id,\n"
                     "                               x-user-id and x-role instead; --tls-cert/--tls-key\n"
                     "                               serve HTTPS; --rate-limit N requests per second per\n"
                     "                               token (default 50, 0: none); --request-timeout S\n"
                     "                               closes a connection whose request takes longer (10)\n"
                     "  token create|revoke ID|list --user U [--expires D]\n"
                     "                               API tokens of the tenant: create prints a new token\n"
                     "                               for --user once (only its hash is kept); D is a date\n"
                     "                               (valid through that UTC day) or an ISO-8601 time;\n"
                     "                               revoke ends one; list shows them");
}

void configure(QCommandLineParser &parser)
{
    parser.setApplicationDescription(description());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"db"_s,
         CliTr::tr("Database: sqlite:PATH or postgresql://user@host:port/db (default: your embedded database)."),
         CliTr::tr("URL")},
        {u"tenant"_s, CliTr::tr("Tenant id or name (default: $STEWARD_TENANT, else the first tenant)."),
         CliTr::tr("ID")},
        {u"user"_s, CliTr::tr("Acting user id (default: $STEWARD_USER); needed to submit and decide."),
         CliTr::tr("ID")},
        {u"status"_s, CliTr::tr("list: pending, approved, rejected, cancelled or all."), CliTr::tr("S")},
        {u"reason"_s, CliTr::tr("approve, reject: the reason for the decision."), CliTr::tr("R")},
        {u"type"_s, CliTr::tr("events: an event type, or a prefix ending in '*'."), CliTr::tr("T")},
        {u"follow"_s, CliTr::tr("events: keep printing new events until interrupted.")},
        {u"json"_s, CliTr::tr("list, show, events: print JSON instead of text.")},
        {u"format"_s, CliTr::tr("diff: text (default), json or patch; report: pdf, html, csv or json."),
         CliTr::tr("F")},
        {u"due"_s, CliTr::tr("profile: every field whose tier interval has elapsed.")},
        {u"now"_s, CliTr::tr("profile: run even if the field was profiled in the last 12 hours.")},
        {u"sample"_s, CliTr::tr("profile: measure about N rows instead of all."), CliTr::tr("N")},
        {u"kind"_s, CliTr::tr("report: quality or approvals."), CliTr::tr("K")},
        {u"out"_s, CliTr::tr("report: the file to write."), CliTr::tr("FILE")},
        {u"from"_s, CliTr::tr("report: first day of the period (YYYY-MM-DD)."), CliTr::tr("D")},
        {u"to"_s, CliTr::tr("report: last day of the period (YYYY-MM-DD)."), CliTr::tr("D")},
        {u"bind"_s, CliTr::tr("serve: the address to listen on (default 127.0.0.1)."), CliTr::tr("ADDRESS")},
        {u"port"_s, CliTr::tr("serve: the port to listen on (default 8787)."), CliTr::tr("N")},
        {u"metrics-token-file"_s,
         CliTr::tr("serve: a file holding the bearer token /metrics requires (default: $STEWARD_METRICS_TOKEN)."),
         CliTr::tr("FILE")},
        {u"trust-identity-headers"_s,
         CliTr::tr("serve: accept x-tenant-id, x-user-id and x-role instead of a token (loopback only).")},
        {u"tls-cert"_s, CliTr::tr("serve: the server's certificate chain (PEM), to serve HTTPS."), CliTr::tr("FILE")},
        {u"tls-key"_s, CliTr::tr("serve: the certificate's private key (PEM, unencrypted)."), CliTr::tr("FILE")},
        {u"rate-limit"_s, CliTr::tr("serve: API requests per second per token (default 50; 0: no limit)."),
         CliTr::tr("N")},
        {u"request-timeout"_s,
         CliTr::tr("serve: seconds a client may take to send one request (default 10)."), CliTr::tr("S")},
        {u"expires"_s, CliTr::tr("token create: when the token stops working (YYYY-MM-DD or ISO-8601)."),
         CliTr::tr("D")},
    });
    parser.addPositionalArgument(u"command"_s, CliTr::tr("One of the commands above."), CliTr::tr("command"));
    parser.addPositionalArgument(u"arguments"_s, CliTr::tr("The command's arguments."), CliTr::tr("[arguments...]"));
}

QString environmentValue(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

Error usage(const QString &message)
{
    return Error::make(ErrorCode::Invalid, message);
}

} // namespace

Result<CliOptions> CliOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    configure(parser);
    const bool parsed = parser.parse(arguments);
    const QStringList positional = parser.positionalArguments();

    if (!parsed)
        return usage(parser.errorText());

    CliOptions options;
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        options.request = Request::Help;
        return options;
    }
    if (parser.isSet(u"version"_s)) {
        options.request = Request::Version;
        return options;
    }
    if (positional.isEmpty())
        return usage(CliTr::tr("no command given; see steward-cli --help"));

    options.commandName = positional.constFirst();
    options.arguments = positional.mid(1);
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &candidate : commands()) {
        if (candidate.name == options.commandName)
            spec = &candidate;
    }
    if (!spec)
        return usage(CliTr::tr("unknown command \"%1\"; see steward-cli --help").arg(quotedInput(options.commandName)));
    options.command = spec->command;

    if (options.arguments.size() < spec->minArguments)
        return usage(CliTr::tr("missing arguments for %1; usage: steward-cli %2").arg(spec->name, spec->synopsis));
    if (options.arguments.size() > spec->maxArguments)
        return usage(CliTr::tr("too many arguments for %1 (\"%2\"); usage: steward-cli %3")
                         .arg(spec->name, options.arguments.mid(spec->maxArguments).join(u' '), spec->synopsis));

    if (spec->takesSeveralRequestIds && options.arguments.contains(u"-"_s)) {
        if (options.arguments.size() > 1)
            return usage(CliTr::tr("%1 - reads the request ids from standard input and takes no others; usage: "
                                   "steward-cli %2")
                             .arg(spec->name, spec->synopsis));
        options.requestIdsFromStandardInput = true;
    } else if (spec->takesRequestId) {
        // Every id is checked before anything is decided: one bad id refuses the batch.
        const bool batch = options.arguments.size() > 1;
        for (const QString &argument : std::as_const(options.arguments)) {
            const QUuid id = QUuid::fromString(argument.trimmed());
            if (id.isNull() && !batch)
                return usage(CliTr::tr("\"%1\" is not a request id; expected a UUID as shown by steward-cli list")
                                 .arg(quotedInput(argument)));
            if (id.isNull())
                return usage(CliTr::tr("\"%1\" is not a request id; expected a UUID as shown by steward-cli list; "
                                       "nothing was decided")
                                 .arg(quotedInput(argument)));
            options.requestIds.append(id);
        }
        options.requestId = options.requestIds.constFirst();
    }

    for (const QString &name : parser.optionNames()) {
        if (!commonOptions().contains(name) && !spec->options.contains(name))
            return usage(
                CliTr::tr("--%1 does not apply to %2; usage: steward-cli %3").arg(name, spec->name, spec->synopsis));
    }

    options.database = parser.value(u"db"_s).trimmed();
    options.tenant =
        parser.isSet(u"tenant"_s) ? parser.value(u"tenant"_s).trimmed() : environmentValue("STEWARD_TENANT");
    options.user = parser.isSet(u"user"_s) ? parser.value(u"user"_s).trimmed() : environmentValue("STEWARD_USER");
    options.status = parser.value(u"status"_s).trimmed();
    if (parser.isSet(u"reason"_s))
        options.reason = parser.value(u"reason"_s);
    options.eventType = parser.value(u"type"_s).trimmed();
    options.json = parser.isSet(u"json"_s);
    options.follow = parser.isSet(u"follow"_s);
    if (options.command == Command::Report) {
        options.format = parser.value(u"format"_s).trimmed();
        if (!QStringList{u"pdf"_s, u"html"_s, u"csv"_s, u"json"_s}.contains(options.format))
            return usage(CliTr::tr("--format must be pdf, html, csv or json, not \"%1\"").arg(quotedInput(options.format)));
        options.reportKind = parser.value(u"kind"_s).trimmed();
        if (!QStringList{u"quality"_s, u"approvals"_s}.contains(options.reportKind))
            return usage(CliTr::tr("--kind must be quality or approvals, not \"%1\"").arg(quotedInput(options.reportKind)));
        options.outputPath = parser.value(u"out"_s).trimmed();
        if (options.outputPath.isEmpty())
            return usage(CliTr::tr("report needs --out FILE; usage: steward-cli %1").arg(spec->synopsis));
        options.from = parser.value(u"from"_s).trimmed();
        options.to = parser.value(u"to"_s).trimmed();
    } else {
        options.format = parser.isSet(u"format"_s) ? parser.value(u"format"_s).trimmed() : u"text"_s;
        if (!QStringList{u"text"_s, u"json"_s, u"patch"_s}.contains(options.format))
            return usage(CliTr::tr("--format must be text, json or patch, not \"%1\"").arg(quotedInput(options.format)));
    }
    if (options.command == Command::Serve) {
        options.bindAddress = parser.isSet(u"bind"_s) ? parser.value(u"bind"_s).trimmed() : u"127.0.0.1"_s;
        if (parser.isSet(u"port"_s)) {
            bool ok = false;
            const uint port = parser.value(u"port"_s).trimmed().toUInt(&ok);
            if (!ok || port > 65535)
                return usage(CliTr::tr("--port must be a number from 0 to 65535, not \"%1\"")
                                 .arg(quotedInput(parser.value(u"port"_s))));
            options.port = quint16(port);
        }
        options.metricsTokenFile = parser.value(u"metrics-token-file"_s).trimmed();
        options.trustIdentityHeaders = parser.isSet(u"trust-identity-headers"_s);
        options.tlsCertificate = parser.value(u"tls-cert"_s).trimmed();
        options.tlsKey = parser.value(u"tls-key"_s).trimmed();
        if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
            return usage(CliTr::tr("--tls-cert and --tls-key go together"));
        if (parser.isSet(u"rate-limit"_s)) {
            bool ok = false;
            const double rate = parser.value(u"rate-limit"_s).trimmed().toDouble(&ok);
            if (!ok || rate < 0)
                return usage(CliTr::tr("--rate-limit must be a number of requests per second (0: no limit), not "
                                       "\"%1\"")
                                 .arg(quotedInput(parser.value(u"rate-limit"_s))));
            options.rateLimit = rate;
        }
        if (parser.isSet(u"request-timeout"_s)) {
            bool ok = false;
            const int seconds = parser.value(u"request-timeout"_s).trimmed().toInt(&ok);
            if (!ok || seconds < 1 || seconds > 3600)
                return usage(CliTr::tr("--request-timeout must be a number of seconds from 1 to 3600, not \"%1\"")
                                 .arg(quotedInput(parser.value(u"request-timeout"_s))));
            options.requestTimeoutSeconds = seconds;
        }
    }
    if (options.command == Command::Token) {
        options.tokenAction = options.arguments.constFirst();
        const int wanted = options.tokenAction == u"revoke"_s ? 2 : 1;
        if (!QStringList{u"create"_s, u"revoke"_s, u"list"_s}.contains(options.tokenAction))
            return usage(CliTr::tr("token takes create, revoke ID or list, not \"%1\"").arg(quotedInput(options.tokenAction)));
        if (options.arguments.size() != wanted)
            return usage(CliTr::tr("usage: steward-cli %1").arg(spec->synopsis));
        if (options.tokenAction == u"revoke"_s) {
            options.tokenId = QUuid::fromString(options.arguments.at(1).trimmed());
            if (options.tokenId.isNull())
                return usage(CliTr::tr("\"%1\" is not a token id; expected a UUID as shown by steward-cli token list")
                                 .arg(quotedInput(options.arguments.at(1))));
        }
        if (parser.isSet(u"expires"_s) && options.tokenAction != u"create"_s)
            return usage(CliTr::tr("--expires applies to token create only"));
        options.expires = parser.value(u"expires"_s).trimmed();
    }

    options.due = parser.isSet(u"due"_s);
    options.now = parser.isSet(u"now"_s);
    if (options.command == Command::Profile) {
        if (options.due == !options.arguments.isEmpty())
            return usage(CliTr::tr("profile needs either a field key or --due; usage: steward-cli %1")
                             .arg(spec->synopsis));
        if (parser.isSet(u"sample"_s)) {
            bool ok = false;
            const qint64 rows = parser.value(u"sample"_s).trimmed().toLongLong(&ok);
            if (!ok || rows <= 0)
                return usage(CliTr::tr("--sample must be a positive number of rows, not \"%1\"")
                                 .arg(quotedInput(parser.value(u"sample"_s))));
            options.sampleRows = rows;
        }
    }
    return options;
}

QString CliOptions::helpText()
{
    QCommandLineParser parser;
    configure(parser);
    // Qt's usage line names the program by the path it was started with.
    QString help = parser.helpText();
    help.replace(0, help.indexOf(u'\n'), CliTr::tr("Usage: steward-cli [options] command [arguments...]"));
    return help + u'\n' +
           CliTr::tr("Environment:\n"
                     "  STEWARD_TENANT         default for --tenant\n"
                     "  STEWARD_USER           default for --user\n"
                     "  STEWARD_METRICS_TOKEN  serve: the bearer token /metrics requires, unless\n"
                     "                         --metrics-token-file names one\n") +
           u'\n' + ExitStatus::helpSection();
}

} // namespace steward
