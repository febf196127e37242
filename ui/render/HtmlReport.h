#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

class QIODevice;

namespace steward {
class Database;
}

namespace steward::report {

struct ChartData;

// The HTML forms of the reports: one self-contained file (styles inline, charts as
// inline SVG, no scripts, nothing fetched), well-formed enough to read back as XML.
// The approvals report streams its table row by row.
namespace HtmlReport {

Status write(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
             const ReportProgress &progress = {});

// The chart as an <svg> element, painted by the same ChartPainter as the PDF's.
QString chartSvg(const ChartData &chart, int widthPoints, int heightPoints);

} // namespace HtmlReport
} // namespace steward::report
