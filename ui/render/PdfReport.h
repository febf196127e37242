#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

// The PDF forms of the reports (A4 landscape): a title page, a table of contents with
// page numbers, then the sections, every page after the first with the report's header
// and "Page n of m". Painted with QPainter on a QPdfWriter in two passes (layout, then
// paint), reading the decisions row by row in each, so memory stays flat however many
// there are. Charts are vector graphics.
namespace PdfReport {

Status write(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
             const ReportProgress &progress = {});

} // namespace PdfReport
} // namespace steward::report
