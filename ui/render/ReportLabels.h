#pragma once

#include <QString>

namespace steward::report {

// Display names of the stored spellings a report row carries (entity type, role,
// decision), as the PDF and HTML show them. An unknown spelling is shown as stored.
namespace ReportLabels {
QString entityType(const QString &stored);
QString role(const QString &stored);
QString decision(const QString &stored);
} // namespace ReportLabels

} // namespace steward::report
