#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

// Produces a report in any format: PDF and HTML here, CSV and JSON through core. Needs
// a QGuiApplication (fonts) for PDF and HTML; runs on any thread with its own database
// connection, and never touches widgets.
namespace ReportRenderer {

Status render(Database &database, const ReportRequest &request, QIODevice &device, const ReportProgress &progress = {});
// The same into `path`, atomically: on failure or cancel nothing on disk changes.
Status renderFile(Database &database, const ReportRequest &request, const QString &path,
                  const ReportProgress &progress = {});

} // namespace ReportRenderer
} // namespace steward::report
