#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// token create|revoke ID|list: the HTTP API's bearer tokens of the tenant. create prints
// the new token alone on the first line, the only time it is shown.
Status runToken(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
