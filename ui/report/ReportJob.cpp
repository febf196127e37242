#include "ReportJob.h"

#include "ReportRenderer.h"
#include "UiTr.h"
#include "report/ApprovalReportData.h"
#include "store/Database.h"

#include <exception>

namespace steward {

ReportJob::ReportJob(DatabaseUrl url, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_cancel(std::make_shared<std::atomic_bool>(false))
{
}

void ReportJob::cancel()
{
    m_cancel->store(true);
}

void ReportJob::run(const report::ReportRequest &request, const QString &path)
{
    QString error;
    qint64 decisions = -1;
    try {
        auto database = Database::open(m_url);
        if (!database) {
            error = database.error().text();
        } else {
            if (request.kind == report::ReportKind::Approvals) {
                auto counted = report::ApprovalReportData(*database.value(), request.tenantId, request.period).count();
                if (counted)
                    decisions = counted.value();
            }
            const report::ReportProgress progress([this](int percent) { Q_EMIT progressed(percent); }, m_cancel.get());
            if (auto failed = report::ReportRenderer::renderFile(*database.value(), request, path, progress))
                error = failed->text();
        }
    } catch (const std::exception &exception) {
        error = UiTr::tr("The report failed: %1").arg(QString::fromLocal8Bit(exception.what()));
    } catch (...) {
        error = UiTr::tr("The report failed.");
    }
    const bool cancelled = m_cancel->load();
    Q_EMIT finished(path, cancelled ? QString() : error, cancelled, decisions);
}

} // namespace steward
