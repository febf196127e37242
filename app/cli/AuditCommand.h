#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;

// verify-audit: recomputes the tenant's audit chain (SPEC section 9). Prints how many
// events were checked and the head hash; fails naming the first event that does not hold.
Status runVerifyAudit(Session &session, QTextStream &out);

} // namespace steward
