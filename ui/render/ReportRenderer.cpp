#include "ReportRenderer.h"

#include "HtmlReport.h"
#include "PdfReport.h"
#include "report/ReportOutput.h"

#include <QIODevice>

namespace steward::report::ReportRenderer {

Status render(Database &database, const ReportRequest &request, QIODevice &device, const ReportProgress &progress)
{
    if (isDataFormat(request.format))
        return writeDataReport(database, request, device, progress);
    auto header = makeHeader(database, request);
    if (!header)
        return header.error();
    if (request.format == ReportFormat::Pdf)
        return PdfReport::write(database, request, header.value(), device, progress);
    return HtmlReport::write(database, request, header.value(), device, progress);
}

Status renderFile(Database &database, const ReportRequest &request, const QString &path, const ReportProgress &progress)
{
    return writeFileAtomically(path, [&](QIODevice &device) { return render(database, request, device, progress); });
}

} // namespace steward::report::ReportRenderer
