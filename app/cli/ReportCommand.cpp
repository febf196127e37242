#include "ReportCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "RenderProcess.h"
#include "Session.h"
#include "report/ReportOutput.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kDefaultDays = 30;

QString operatingSystemUser()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name).trimmed();
        if (!user.isEmpty())
            return user;
    }
    return CliTr::tr("unknown");
}

} // namespace

Result<report::ReportPeriod> reportPeriod(const QString &fromText, const QString &toText, const QDateTime &now)
{
    std::optional<QDate> from, to;
    if (!fromText.isEmpty() && !(from = report::ReportPeriod::parseDay(fromText)))
        return Error::make(ErrorCode::Invalid,
                           CliTr::tr("--from must be a date as YYYY-MM-DD, not \"%1\"").arg(quotedInput(fromText)));
    if (!toText.isEmpty() && !(to = report::ReportPeriod::parseDay(toText)))
        return Error::make(ErrorCode::Invalid, CliTr::tr("--to must be a date as YYYY-MM-DD, not \"%1\"").arg(quotedInput(toText)));

    report::ReportPeriod period = report::ReportPeriod::lastDays(kDefaultDays, now);
    if (from && to)
        period = report::ReportPeriod{*from, *to};
    else if (to)
        period = report::ReportPeriod{to->addDays(-(kDefaultDays - 1)), *to};
    else if (from)
        period = report::ReportPeriod{*from, std::max(*from, now.toUTC().date())};
    if (period.from > period.to)
        return Error::make(
            ErrorCode::Invalid,
            CliTr::tr("--from %1 is after --to %2; the period would be empty").arg(period.fromText(), period.toText()));
    return period;
}

Status runReport(Session &session, const CliOptions &options, QTextStream &out)
{
    auto period = reportPeriod(options.from, options.to, QDateTime::currentDateTimeUtc());
    if (!period)
        return period.error();

    report::ReportRequest request;
    request.kind = report::reportKindFromString(options.reportKind).value_or(report::ReportKind::Approvals);
    request.format = report::reportFormatFromString(options.format).value_or(report::ReportFormat::Pdf);
    request.tenantId = session.tenant().id;
    request.period = period.value();
    request.generatedBy = options.user.isEmpty() ? operatingSystemUser() : options.user;

    // CSV and JSON here; PDF and HTML by the helper, so that only it loads Qt Gui.
    const Status failed =
        report::isDataFormat(request.format)
            ? report::writeFileAtomically(options.outputPath,
                                          [&](QIODevice &device) {
                                              return report::writeDataReport(session.database(), request, device);
                                          })
            : RenderProcess::run(
                  RenderJob{session.database().url().toString(), options.user, request, options.outputPath});
    if (failed)
        return failed;
    out << CliTr::tr("%1 report (%2) for %3, %4, written to %5")
               .arg(report::displayName(request.kind), report::toString(request.format), session.tenant().name,
                    request.period.displayText(),
                    QDir::toNativeSeparators(QFileInfo(options.outputPath).absoluteFilePath()))
        << u'\n';
    return std::nullopt;
}

} // namespace steward
