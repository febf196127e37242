#pragma once

#include "model/Approval.h"
#include "model/ChangeRequest.h"
#include "model/Error.h"
#include "model/User.h"

namespace steward {

// The decision rules of SPEC section 2 as pure functions: no database, so the GUI can
// ask the same questions to enable buttons and explain why not.
namespace ApprovalPolicy {

Status checkSubmission(const ChangeRequest &request, const User &requester);
// Rules 1, 2, 3 and "only pending requests can be decided".
Status checkDecider(const Approval &approval, const User &decider);
// Rule 4: a rejection needs a reason.
Status checkRejectionReason(const QString &reason);
// Rule 5: only the requester, only while pending.
Status checkCancel(const Approval &approval, const QString &userId);
// Rule 6 for an update: whether the live entity changed since the request was made.
// The version tells when the request recorded one (base_version); a request without it
// (older rows, rows written by another tool) compares its current state with the
// live document by content, member by member (tenantId aside, absent equal to null).
bool changedSinceRequest(const Approval &approval, qint64 liveVersion, const json::Node &liveDocument);
// "already decided by X at T" for a request that is no longer pending.
Error alreadyDecided(const Approval &approval);
// The role a user acts in when submitting: the most senior one they hold.
Role actingRole(const User &user);

} // namespace ApprovalPolicy
} // namespace steward
