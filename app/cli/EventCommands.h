#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// events: the tenant's audit trail, oldest first, one line (or JSON object) per event;
// with --follow, keeps printing new events until interrupted.
Status runEvents(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
