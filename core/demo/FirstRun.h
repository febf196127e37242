#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"

namespace steward {

// Opens a database on its own connection, brings the schema up to date and, when
// `seedWhenEmpty` and it has no tenant yet, fills it with the demo. Meant to run on a
// worker thread at start-up; returns whether the demo was seeded.
Result<bool> prepareDatabase(const DatabaseUrl &url, bool seedWhenEmpty);

} // namespace steward
