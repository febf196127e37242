#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

#include <QStringList>

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

// The CSV forms of the reports: one table with a header row. The approvals report has
// one record per decision, the quality report one per field. Every record ends with
// the report's tenant, period, generation time and user, so the header facts travel
// with any row that is copied elsewhere.
namespace CsvReport {

QStringList approvalColumns();
QStringList qualityColumns();

Status writeApprovals(Database &database, const ReportHeader &header, QIODevice &device,
                      const ReportProgress &progress = {});
Status writeQuality(Database &database, const ReportHeader &header, QIODevice &device,
                    const ReportProgress &progress = {});

} // namespace CsvReport
} // namespace steward::report
