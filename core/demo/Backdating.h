#pragma once

#include "model/Error.h"

#include <QDateTime>

namespace steward {

class Database;
struct Approval;

namespace demo {

// A team database stamps a decision with its own clock (steward_decide); a history made
// up after the fact (the demo's, a test's) happened on its own clock. Moves the decision,
// its events but the request's, and the entity it created or changed to `at`, and seals
// the tenant's audit chain again from the first event moved. Needs the
// schema's owner on a team database; does nothing on SQLite, where the program's clock
// stamped the decision already.
Status backdateDecision(Database &owner, const Approval &decided, const QDateTime &at);

} // namespace demo
} // namespace steward
