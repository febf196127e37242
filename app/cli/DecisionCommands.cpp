#include "DecisionCommands.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "InputText.h"
#include "Session.h"
#include "TextFormat.h"
#include "approval/ApprovalService.h"
#include "model/ChangeRequest.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// "GLOBAL_METADATA gl.journal_line.amount (tier1)": what a decision was about.
QString subject(const Approval &approval)
{
    return u"%1 %2 (%3)"_s.arg(toString(approval.entityType), approval.entityKey, toString(approval.tier));
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
    auto approved = ApprovalService(session.database(), session.bus())
                        .approve(actor.value(), options.requestId, options.reason.value_or(QString()));
    if (!approved)
        return approved.error();
    out << CliTr::tr("Approved %1: %2, as %3.")
               .arg(uuidText(approved.value().id), subject(approved.value()), approved.value().decidedBy)
        << u'\n';
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
    auto rejected =
        ApprovalService(session.database(), session.bus()).reject(actor.value(), options.requestId, *options.reason);
    if (!rejected)
        return rejected.error();
    out << CliTr::tr("Rejected %1: %2, as %3. Reason: %4")
               .arg(uuidText(rejected.value().id), subject(rejected.value()), rejected.value().decidedBy,
                    TextFormat::oneLine(rejected.value().decisionReason))
        << u'\n';
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
