#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

namespace steward {

class Database;
namespace jobs {
class JobContext;
}

// Writes one report: the job the Export dialog runs on its JobRunner (a worker thread
// with its own database connection), reporting progress and stopping when cancelled.
class ReportJob
{
public:
    struct Written
    {
        QString path;
        qint64 decisions = -1; // how many an approvals report holds (-1: not counted)
    };

    // Renders `request` into `path` atomically; nothing is written when it fails or is cancelled.
    static Result<Written> run(const report::ReportRequest &request, const QString &path, jobs::JobContext &context);
};

} // namespace steward
