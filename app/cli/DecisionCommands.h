#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// submit FILE|-: reads a change request and prints only the new request's id.
Status runSubmit(Session &session, const CliOptions &options, QTextStream &out);
// approve, reject, cancel: decide a pending request as --user and confirm in one line.
// approve and reject take several ids, or '-' for ids one per line on standard input:
// all are checked first, then each is decided in turn with a line of its own.
Status runApprove(Session &session, const CliOptions &options, QTextStream &out);
Status runReject(Session &session, const CliOptions &options, QTextStream &out);
Status runCancel(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
