#include "DecisionCommands.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "InputText.h"
#include "Session.h"
#include "TextFormat.h"
#include "approval/ApprovalService.h"
#include "model/ChangeRequest.h"

#include <QTextStream>

#include <functional>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// "GLOBAL_METADATA gl.journal_line.amount (tier1)": what a decision was about.
QString subject(const Approval &approval)
{
    return u"%1 %2 (%3)"_s.arg(toString(approval.entityType), approval.entityKey, toString(approval.tier));
}

QString approvedLine(const Approval &approved)
{
    return CliTr::tr("Approved %1: %2, as %3.").arg(uuidText(approved.id), subject(approved), approved.decidedBy);
}

QString rejectedLine(const Approval &rejected)
{
    return CliTr::tr("Rejected %1: %2, as %3. Reason: %4")
        .arg(uuidText(rejected.id), subject(rejected), rejected.decidedBy,
             TextFormat::oneLine(rejected.decisionReason));
}

// One decision taken on many requests: how to take it on one, and how to report each.
struct Verdict
{
    std::function<Result<Approval>(ApprovalService &, const Actor &, const QUuid &)> decide;
    std::function<QString(const Approval &)> decidedLine;
    QString refusedLine; // %1 the request id, %2 why it was not decided
    QString summary;     // %1 how many were not decided, %2 of how many
};

// The ids of a batch: those of the command line (CliOptions checked them), or one per
// line of standard input, every one checked before any is decided.
Result<QList<QUuid>> requestIds(const CliOptions &options)
{
    if (!options.requestIdsFromStandardInput)
        return options.requestIds;
    auto input = InputText::read(u"-"_s, CliTr::tr("%1 holds no request ids; expected one per line"));
    if (!input)
        return input.error();
    QList<QUuid> ids;
    const QList<QByteArray> lines = input.value().text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty())
            continue;
        const QUuid id = QUuid::fromString(line);
        if (id.isNull()) {
            return Error::make(ErrorCode::Invalid,
                               CliTr::tr("line %1 of %2: \"%3\" is not a request id; expected a UUID as shown by "
                                         "steward-cli list; nothing was decided")
                                   .arg(i + 1)
                                   .arg(input.value().name, quotedInput(line)));
        }
        ids.append(id);
    }
    return ids;
}

// Decides each request in turn through the same rules as one, printing a line for each
// as soon as it is known. Fails, after the last, when any was not decided: with the kind
// of the first refusal, which sets the exit status.
Status decideEach(Session &session, const Actor &actor, const QList<QUuid> &ids, const Verdict &verdict,
                  QTextStream &out)
{
    ApprovalService service(session.database(), session.bus());
    std::optional<ErrorCode> firstRefusal;
    qsizetype refused = 0;
    for (const QUuid &id : ids) {
        auto decided = verdict.decide(service, actor, id);
        if (decided) {
            out << verdict.decidedLine(decided.value());
        } else {
            ++refused;
            if (!firstRefusal)
                firstRefusal = decided.error().code;
            out << verdict.refusedLine.arg(uuidText(id), TextFormat::oneLine(decided.error().text()));
        }
        out << u'\n';
        out.flush();
    }
    if (!firstRefusal)
        return std::nullopt;
    return Error::make(*firstRefusal, verdict.summary.arg(refused).arg(ids.size()));
}

bool isBatch(const CliOptions &options)
{
    return options.requestIdsFromStandardInput || options.requestIds.size() > 1;
}

} // namespace

Status runSubmit(Session &session, const CliOptions &options, QTextStream &out)
{
    auto actor = session.actor(options.user, options.commandName);
    if (!actor)
        return actor.error();
    auto input =
        InputText::read(options.arguments.constFirst(), CliTr::tr("%1 is empty; expected a change request as JSON"));
    if (!input)
        return input.error();
    auto request = ChangeRequest::fromJsonText(input.value().text);
    if (!request)
        return request.error();
    auto submitted = ApprovalService(session.database(), session.bus()).submit(actor.value(), request.value());
    if (!submitted)
        return submitted.error();
    out << uuidText(submitted.value().id) << u'\n';
    return std::nullopt;
}

Status runApprove(Session &session, const CliOptions &options, QTextStream &out)
{
    auto actor = session.actor(options.user, options.commandName);
    if (!actor)
        return actor.error();
    const QString reason = options.reason.value_or(QString());
    if (isBatch(options)) {
        auto ids = requestIds(options);
        if (!ids)
            return ids.error();
        const Verdict approve{
            [&reason](ApprovalService &service, const Actor &who, const QUuid &id) {
                return service.approve(who, id, reason);
            },
            approvedLine, CliTr::tr("Not approved %1: %2"), CliTr::tr("%1 of %2 requests were not approved")};
        return decideEach(session, actor.value(), ids.value(), approve, out);
    }
    auto approved = ApprovalService(session.database(), session.bus()).approve(actor.value(), options.requestId, reason);
    if (!approved)
        return approved.error();
    out << approvedLine(approved.value()) << u'\n';
    return std::nullopt;
}

Status runReject(Session &session, const CliOptions &options, QTextStream &out)
{
    auto actor = session.actor(options.user, options.commandName);
    if (!actor)
        return actor.error();
    if (options.reason.value_or(QString()).trimmed().isEmpty())
        return Error::make(ErrorCode::Invalid,
                           CliTr::tr("reject needs a reason the requester can act on: --reason \"...\""));
    const QString reason = *options.reason;
    if (isBatch(options)) {
        auto ids = requestIds(options);
        if (!ids)
            return ids.error();
        const Verdict reject{
            [&reason](ApprovalService &service, const Actor &who, const QUuid &id) {
                return service.reject(who, id, reason);
            },
            rejectedLine, CliTr::tr("Not rejected %1: %2"), CliTr::tr("%1 of %2 requests were not rejected")};
        return decideEach(session, actor.value(), ids.value(), reject, out);
    }
    auto rejected = ApprovalService(session.database(), session.bus()).reject(actor.value(), options.requestId, reason);
    if (!rejected)
        return rejected.error();
    out << rejectedLine(rejected.value()) << u'\n';
    return std::nullopt;
}

Status runCancel(Session &session, const CliOptions &options, QTextStream &out)
{
    auto actor = session.actor(options.user, options.commandName);
    if (!actor)
        return actor.error();
    auto cancelled = ApprovalService(session.database(), session.bus()).cancel(actor.value(), options.requestId);
    if (!cancelled)
        return cancelled.error();
    out << CliTr::tr("Cancelled %1: %2.").arg(uuidText(cancelled.value().id), subject(cancelled.value())) << u'\n';
    return std::nullopt;
}

} // namespace steward
