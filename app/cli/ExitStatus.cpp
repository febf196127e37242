#include "ExitStatus.h"

#include "CliTr.h"

using namespace Qt::StringLiterals;

namespace steward::ExitStatus {

int forError(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return Usage;
    case ErrorCode::Forbidden:
        return Forbidden;
    case ErrorCode::NotFound:
        return NotFound;
    case ErrorCode::Conflict:
        return Conflict;
    case ErrorCode::Stale:
        return Conflict;
    case ErrorCode::Unavailable:
        return Unavailable;
    case ErrorCode::Corrupted:
        return Corrupted;
    }
    return Unexpected;
}

QString helpSection()
{
    return CliTr::tr("Exit status:\n"
                     "  %1  success\n"
                     "  %7  failure of another kind\n"
                     "  %2  usage error or invalid input (bad option, malformed JSON, invalid field)\n"
                     "  %3  forbidden (missing role, four-eyes rule, not the requester)\n"
                     "  %4  not found (no such request or tenant; another tenant's request counts as none)\n"
                     "  %5  conflict (already decided, key already taken, or changed since the request)\n"
                     "  %6  unavailable: the database (missing, locked, or failing) or the PDF/HTML\n"
                     "     report renderer steward-render (missing or failing)\n"
                     "  %8  verify-audit: the audit trail's hash chain is broken (the event is named)\n"
                     "On failure, one line \"steward-cli: <reason>\" is written to stderr.\n"
                     "approve and reject with several IDs (or '-') print a line for each request and\n"
                     "return the status of the first one they did not decide; the line on stderr then\n"
                     "says how many that were.\n")
        .arg(Success)
        .arg(Usage)
        .arg(Forbidden)
        .arg(NotFound)
        .arg(Conflict)
        .arg(Unavailable)
        .arg(Unexpected)
        .arg(Corrupted);
}

} // namespace steward::ExitStatus
