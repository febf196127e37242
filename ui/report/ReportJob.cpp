#include "ReportJob.h"

#include "ReportRenderer.h"
#include "jobs/JobRunner.h"
#include "report/ApprovalReportData.h"

namespace steward {

Result<ReportJob::Written> ReportJob::run(const report::ReportRequest &request, const QString &path,
                                          jobs::JobContext &context)
{
    Database &database = context.database();
    Written written{path, -1};
    if (request.kind == report::ReportKind::Approvals) {
        auto counted = report::ApprovalReportData(database, request.tenantId, request.period).count();
        if (counted)
            written.decisions = counted.value();
    }
    const report::ReportProgress progress([&context](int percent) { context.reportProgress(percent); },
                                          context.cancelFlag());
    if (auto failed = report::ReportRenderer::renderFile(database, request, path, progress))
        return *failed;
    return written;
}

} // namespace steward
