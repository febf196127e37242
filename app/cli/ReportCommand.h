#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// report --kind quality|approvals --format pdf|html|csv|json --out FILE [--from D --to D]:
// writes the report atomically and prints where. The generating user is --user, else
// the operating-system user.
Status runReport(Session &session, const CliOptions &options, QTextStream &out);

// The period of --from/--to (YYYY-MM-DD, UTC days, both included). Either alone spans
// 30 days up to --to or from --from to today; neither: the last 30 days up to today.
Result<report::ReportPeriod> reportPeriod(const QString &fromText, const QString &toText, const QDateTime &now);

} // namespace steward
