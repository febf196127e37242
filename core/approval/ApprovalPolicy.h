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
// "already decided by X at T" for a request that is no longer pending.
Error alreadyDecided(const Approval &approval);
// The role a user acts in when submitting: the most senior one they hold.
Role actingRole(const User &user);

} // namespace ApprovalPolicy
} // namespace steward
