#pragma once

#include "model/Error.h"

#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

namespace steward {

enum class Command { InitDemo, Migrate, Submit, List, Show, Approve, Reject, Cancel, Events, Diff, Profile, Report, Serve, Token, VerifyAudit };

// The command line of steward-cli, parsed and checked: the command exists, it got the
// arguments it needs, and every option given applies to it. Options may come before
// or after the command name.
struct CliOptions
{
    enum class Request { Run, Help, Version };

    Request request = Request::Run;
    Command command = Command::List;
    QString commandName;
    QStringList arguments; // positional arguments after the command name
    QUuid requestId;       // show, approve, reject, cancel: the (first) ID argument, checked
    QList<QUuid> requestIds;                  // approve, reject: every ID argument, checked
    bool requestIdsFromStandardInput = false; // approve -, reject -: the IDs come one per line on stdin
    QString database;      // --db; empty means the user's embedded database
    QString tenant;        // --tenant, else STEWARD_TENANT; empty means the first tenant
    QString user;          // --user, else STEWARD_USER
    QString status;        // --status; empty means pending
    std::optional<QString> reason;
    QString eventType;
    QString format; // diff: text (default), json or patch; report: pdf, html, csv or json
    bool json = false;
    bool follow = false;
    bool due = false;               // profile: every field whose tier interval elapsed
    bool now = false;               // profile: bypass the cost guard
    std::optional<qint64> sampleRows; // profile --sample N
    QString reportKind;             // report --kind: quality or approvals
    QString outputPath;             // report --out FILE
    QString from;                   // report --from D (as given; the command checks it)
    QString to;                     // report --to D
    QString bindAddress;            // serve --bind, default 127.0.0.1
    quint16 port = 8787;            // serve --port
    QString metricsTokenFile;       // serve --metrics-token-file; empty: $STEWARD_METRICS_TOKEN or none
    bool trustIdentityHeaders = false; // serve --trust-identity-headers (loopback only)
    QString tlsCertificate;         // serve --tls-cert FILE
    QString tlsKey;                 // serve --tls-key FILE
    std::optional<double> rateLimit;          // serve --rate-limit N (requests per second per token)
    std::optional<int> requestTimeoutSeconds; // serve --request-timeout S
    QString tokenAction;            // token: create, revoke or list
    QUuid tokenId;                  // token revoke ID
    QString expires;                // token create --expires D (as given; the command checks it)

    // `arguments` includes the program name, as QCoreApplication::arguments() does.
    static Result<CliOptions> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace steward
