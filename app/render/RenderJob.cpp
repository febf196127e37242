#include "RenderJob.h"

#include "RenderTr.h"
#include "model/Approval.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Above the statuses a process gets from the shell or the loader (1, 126, 127 are below).
constexpr int kFirstErrorStatus = 10;
constexpr ErrorCode kErrorCodes[] = {ErrorCode::Invalid,  ErrorCode::Forbidden, ErrorCode::NotFound,
                                     ErrorCode::Conflict, ErrorCode::Stale,     ErrorCode::Unavailable};

const QStringList &requiredOptions()
{
    static const QStringList names{u"db"_s,   u"tenant"_s, u"kind"_s,         u"format"_s,
                                   u"from"_s, u"to"_s,     u"generated-by"_s, u"out"_s};
    return names;
}

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::Invalid, message);
}

} // namespace

QStringList RenderJob::toArguments() const
{
    QStringList sections;
    for (const report::Section section : request.sections)
        sections.append(report::toString(section));
    QStringList arguments{u"--db"_s,
                          database,
                          u"--tenant"_s,
                          uuidText(request.tenantId),
                          u"--kind"_s,
                          report::toString(request.kind),
                          u"--format"_s,
                          report::toString(request.format),
                          u"--from"_s,
                          request.period.fromText(),
                          u"--to"_s,
                          request.period.toText(),
                          u"--generated-by"_s,
                          request.generatedBy,
                          u"--out"_s,
                          outputPath};
    if (request.generatedAt.isValid())
        arguments << u"--generated-at"_s << toIsoTimestamp(request.generatedAt);
    if (!sections.isEmpty())
        arguments << u"--sections"_s << sections.join(u',');
    if (!signedInUser.isEmpty())
        arguments << u"--signed-in-as"_s << signedInUser;
    return arguments;
}

Result<RenderJob> RenderJob::fromArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    for (const QString &name : requiredOptions())
        parser.addOption({name, QString(), u"VALUE"_s});
    parser.addOption({u"generated-at"_s, QString(), u"TIME"_s});
    parser.addOption({u"sections"_s, QString(), u"LIST"_s});
    parser.addOption({u"signed-in-as"_s, QString(), u"USER"_s});
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(RenderTr::tr("unexpected arguments: %1").arg(parser.positionalArguments().join(u' ')));
    for (const QString &name : requiredOptions()) {
        if (!parser.isSet(name))
            return invalid(RenderTr::tr("the report renderer needs --%1").arg(name));
    }

    RenderJob job;
    job.database = parser.value(u"db"_s);
    job.signedInUser = parser.value(u"signed-in-as"_s);
    job.outputPath = parser.value(u"out"_s);
    report::ReportRequest &request = job.request;
    request.tenantId = QUuid::fromString(parser.value(u"tenant"_s));
    const auto kind = report::reportKindFromString(parser.value(u"kind"_s));
    const auto format = report::reportFormatFromString(parser.value(u"format"_s));
    const auto from = report::ReportPeriod::parseDay(parser.value(u"from"_s));
    const auto to = report::ReportPeriod::parseDay(parser.value(u"to"_s));
    if (request.tenantId.isNull() || !kind || !format || !from || !to)
        return invalid(RenderTr::tr("the report renderer got an unreadable request: %1").arg(arguments.join(u' ')));
    request.kind = *kind;
    request.format = *format;
    request.period = report::ReportPeriod{*from, *to};
    request.generatedBy = parser.value(u"generated-by"_s);
    if (parser.isSet(u"generated-at"_s)) {
        request.generatedAt = fromIsoTimestamp(parser.value(u"generated-at"_s));
        if (!request.generatedAt.isValid())
            return invalid(RenderTr::tr("--generated-at must be an ISO-8601 time, not \"%1\"")
                               .arg(parser.value(u"generated-at"_s)));
    }
    if (parser.isSet(u"sections"_s)) {
        for (const QString &name : parser.value(u"sections"_s).split(u',', Qt::SkipEmptyParts)) {
            const auto section = report::sectionFromString(name);
            if (!section)
                return invalid(RenderTr::tr("no report section \"%1\"").arg(name));
            request.sections.append(*section);
        }
    }
    return job;
}

namespace RenderExit {

int forError(ErrorCode code)
{
    return kFirstErrorStatus + int(code);
}

std::optional<ErrorCode> errorOf(int exitStatus)
{
    for (const ErrorCode code : kErrorCodes) {
        if (forError(code) == exitStatus)
            return code;
    }
    return std::nullopt;
}

} // namespace RenderExit
} // namespace steward
