#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

// The JSON forms of the reports, with the stable field names the README documents.
// The approvals report streams its decisions one per line, so its size is not bounded
// by memory.
namespace JsonReport {

inline constexpr int FormatVersion = 1;

Status writeApprovals(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                      const ReportProgress &progress = {});
Status writeQuality(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                    const ReportProgress &progress = {});

} // namespace JsonReport
} // namespace steward::report
