#pragma once

#include "model/Error.h"

#include <QString>

namespace steward::ExitStatus {

// What steward-cli returns to its caller. Scripts branch on these; keep them stable.
inline constexpr int Success = 0;
inline constexpr int Unexpected = 1;  // a failure that fits no other status
inline constexpr int Usage = 2;       // bad command line or invalid input
inline constexpr int Forbidden = 3;   // role, four-eyes or requester rule refused it
inline constexpr int NotFound = 4;    // no such request or tenant (in this tenant)
inline constexpr int Conflict = 5;    // already decided, key taken, or stale
inline constexpr int Unavailable = 6; // database missing, unreachable or failing
inline constexpr int Corrupted = 7;   // verify-audit: the audit trail's hash chain is broken

int forError(ErrorCode code);
// The "Exit status" section of --help.
QString helpSection();

} // namespace steward::ExitStatus
