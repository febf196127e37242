#include "approval/ApprovalPolicy.h"

#include "Tr.h"

using namespace Qt::StringLiterals;

namespace steward::ApprovalPolicy {

Status checkSubmission(const ChangeRequest &request, const User &requester)
{
    if (requester.roles.isEmpty())
        return Error::make(ErrorCode::Forbidden, CoreTr::tr("%1 holds no role in this tenant").arg(requester.id));
    if (requester.roles == QList<Role>{Role::Viewer})
        return Error::make(ErrorCode::Forbidden, CoreTr::tr("viewers cannot submit change requests"));
    if (!request.requestedBy.isEmpty() && request.requestedBy != requester.id)
        return Error::invalid(u"requestedBy"_s, CoreTr::tr("must be the submitting user (%1), not %2")
                                                    .arg(requester.id, request.requestedBy));
    if (request.lane == Lane::Kernel && request.requiredRole != Role::KernelArchitect)
        return Error::invalid(u"requiredRole"_s, CoreTr::tr("a kernel-lane change must be decided by a kernel_architect"));
    if (request.requiredRole == Role::Viewer)
        return Error::invalid(u"requiredRole"_s, CoreTr::tr("viewers cannot decide change requests"));
    return std::nullopt;
}

bool changedSinceRequest(const Approval &approval, qint64 liveVersion, const json::Node &liveDocument)
{
    if (approval.baseVersion)
        return liveVersion != *approval.baseVersion;
    if (!approval.currentState || !approval.currentState->isObject() || !liveDocument.isObject())
        return true; // nothing to compare with: never approve over an unknown base
    const json::Node &requested = *approval.currentState;
    auto sameMembers = [](const json::Node &from, const json::Node &to) {
        for (const auto &[key, value] : from.members()) {
            if (key == u"tenantId"_s)
                continue;
            const json::Node *other = to.member(key);
            if (!value.sameValue(other ? *other : json::Node::null()))
                return false;
        }
        return true;
    };
    return !sameMembers(requested, liveDocument) || !sameMembers(liveDocument, requested);
}

Error alreadyDecided(const Approval &approval)
{
    return Error::make(ErrorCode::Conflict, CoreTr::tr("already %1 by %2 at %3")
                                                .arg(toString(approval.status), approval.decidedBy,
                                                     toIsoTimestamp(approval.decidedAt)));
}

Status checkDecider(const Approval &approval, const User &decider)
{
    if (!approval.isPending())
        return alreadyDecided(approval);
    if (!decider.holds(approval.requiredRole))
        return Error::make(ErrorCode::Forbidden,
                           CoreTr::tr("deciding this request needs the role %1, which %2 does not hold")
                               .arg(toString(approval.requiredRole), decider.id));
    if (approval.lane == Lane::Kernel && !decider.holds(Role::KernelArchitect))
        return Error::make(ErrorCode::Forbidden, CoreTr::tr("kernel-lane changes are decided by a kernel_architect"));
    if (decider.id == approval.requestedBy)
        return Error::make(ErrorCode::Forbidden,
                           CoreTr::tr("%1 requested this change; four-eyes rule: someone else must decide it")
                               .arg(decider.id));
    return std::nullopt;
}

Status checkRejectionReason(const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error::invalid(u"reason"_s, CoreTr::tr("a rejection needs a reason"));
    return std::nullopt;
}

Status checkCancel(const Approval &approval, const QString &userId)
{
    if (!approval.isPending())
        return alreadyDecided(approval);
    if (approval.requestedBy != userId)
        return Error::make(ErrorCode::Forbidden,
                           CoreTr::tr("only the requester (%1) can cancel this request").arg(approval.requestedBy));
    return std::nullopt;
}

Role actingRole(const User &user)
{
    for (const Role role : allRoles()) {
        if (user.holds(role))
            return role;
    }
    return Role::Viewer;
}

} // namespace steward::ApprovalPolicy
