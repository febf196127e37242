#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

#include <functional>

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

// The header every report starts with: the tenant's name read from the directory, the
// period, the generation time (now unless the request fixes it) and the user.
Result<ReportHeader> makeHeader(Database &database, const ReportRequest &request);

// CSV and JSON, the data formats, are written here with Qt Core alone; PDF and HTML need
// Qt Gui and are rendered by steward_render (steward-cli runs it as a helper process).
bool isDataFormat(ReportFormat format);

// The data formats (CSV, JSON) of either kind; PDF and HTML are rendered by
// steward_render, which calls this for the other two.
Status writeDataReport(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                       const ReportProgress &progress = {});
// The same, starting with the header makeHeader() gives.
Status writeDataReport(Database &database, const ReportRequest &request, QIODevice &device,
                       const ReportProgress &progress = {});

// Writes `path` all or nothing: the content goes to a temporary file beside it
// (QSaveFile) that replaces the destination only once `write` succeeded. On any error
// or cancel the destination is left as it was and no temporary file remains.
Status writeFileAtomically(const QString &path, const std::function<Status(QIODevice &)> &write);

} // namespace steward::report
