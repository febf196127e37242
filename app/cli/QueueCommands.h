#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// list: the tenant's approval queue, oldest first, read page by page.
Status runList(Session &session, const CliOptions &options, QTextStream &out);
// show: one request, with what it would change.
Status runShow(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
