#include "report/ReportOutput.h"

#include "Tr.h"
#include "report/CsvReport.h"
#include "report/JsonReport.h"
#include "store/AuditTrail.h"
#include "store/DirectoryRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace steward::report {

Result<ReportHeader> makeHeader(Database &database, const ReportRequest &request)
{
    if (!request.period.isValid())
        return Error::invalid(u"period"_s, CoreTr::tr("the period must start on or before its last day"));
    auto tenant = DirectoryRepository(database).tenant(request.tenantId);
    if (!tenant)
        return tenant.error();
    if (!tenant.value())
        return Error::make(ErrorCode::NotFound, CoreTr::tr("no tenant %1").arg(request.tenantId.toString()));
    ReportHeader header;
    header.kind = request.kind;
    header.title = reportTitle(request.kind);
    header.tenant = *tenant.value();
    header.period = request.period;
    header.generatedAt = request.generatedAt.isValid() ? request.generatedAt.toUTC() : QDateTime::currentDateTimeUtc();
    header.generatedBy = request.generatedBy;
    if (request.kind == ReportKind::Approvals) {
        auto audit = AuditTrail(database).verify(request.tenantId);
        if (!audit)
            return audit.error();
        header.auditTrail = audit.value();
    }
    return header;
}

bool isDataFormat(ReportFormat format)
{
    return format == ReportFormat::Csv || format == ReportFormat::Json;
}

Status writeDataReport(Database &database, const ReportRequest &request, QIODevice &device,
                       const ReportProgress &progress)
{
    auto header = makeHeader(database, request);
    if (!header)
        return header.error();
    return writeDataReport(database, request, header.value(), device, progress);
}

Status writeDataReport(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                       const ReportProgress &progress)
{
    switch (request.format) {
    case ReportFormat::Csv:
        return request.kind == ReportKind::Approvals
                   ? CsvReport::writeApprovals(database, header, device, progress)
                   : CsvReport::writeQuality(database, header, device, progress);
    case ReportFormat::Json:
        return request.kind == ReportKind::Approvals
                   ? JsonReport::writeApprovals(database, request, header, device, progress)
                   : JsonReport::writeQuality(database, request, header, device, progress);
    case ReportFormat::Pdf:
    case ReportFormat::Html:
        break;
    }
    return Error::make(ErrorCode::Invalid,
                       CoreTr::tr("%1 reports are rendered by the rendering library").arg(toString(request.format)));
}

Status writeFileAtomically(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    const QFileInfo target(path);
    if (path.trimmed().isEmpty())
        return Error::make(ErrorCode::Invalid, CoreTr::tr("no file name given"));
    if (target.isDir())
        return Error::make(ErrorCode::Invalid, CoreTr::tr("%1 is a folder, not a file").arg(path));
    if (!target.absoluteDir().exists())
        return Error::make(ErrorCode::Invalid, CoreTr::tr("cannot write %1: the folder %2 does not exist")
                                                   .arg(path, QDir::toNativeSeparators(target.absolutePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (Status failed = write(file)) {
        file.cancelWriting();
        return failed;
    }
    if (!file.commit())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot write %1: %2").arg(path, file.errorString()));
    return std::nullopt;
}

} // namespace steward::report
