#include "RenderProcess.h"

#include "RenderTr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace steward::RenderProcess {
namespace {

// Both set by app/render/CMakeLists.txt from the helper target and its install folder.
const QString kHelperName = QStringLiteral(STEWARD_RENDER_HELPER_NAME);
const QString kHelperDirFromBin = QStringLiteral(STEWARD_RENDER_HELPER_DIR_FROM_BIN);

QStringList candidates()
{
    const QDir here(QCoreApplication::applicationDirPath());
    return {QDir::cleanPath(here.filePath(kHelperDirFromBin + u'/' + kHelperName)), here.filePath(kHelperName)};
}

Error unavailable(const QString &message)
{
    return Error::make(ErrorCode::Unavailable, message);
}

} // namespace

QString helperPath()
{
    for (const QString &candidate : candidates()) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

Status run(const RenderJob &job)
{
    const QString helper = helperPath();
    if (helper.isEmpty())
        return unavailable(RenderTr::tr("cannot render %1: the report renderer %2 is missing (looked for %3); "
                                        "reinstall Metadata Steward, or write csv or json")
                               .arg(report::toString(job.request.format), kHelperName,
                                    candidates().join(RenderTr::tr(" and "))));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(helper, job.toArguments());
    if (!process.waitForStarted(-1))
        return unavailable(RenderTr::tr("cannot start the report renderer %1: %2").arg(helper, process.errorString()));
    process.waitForFinished(-1);
    const QString answer = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == RenderExit::Written)
        return std::nullopt;
    if (process.exitStatus() == QProcess::NormalExit) {
        if (const auto code = RenderExit::errorOf(process.exitCode()))
            return Error::make(*code, answer);
    }
    return unavailable(RenderTr::tr("the report renderer %1 stopped without writing the report (%2)%3")
                           .arg(helper,
                                process.exitStatus() == QProcess::CrashExit
                                    ? RenderTr::tr("crashed")
                                    : RenderTr::tr("exit status %1").arg(process.exitCode()),
                                answer.isEmpty() ? QString() : u": "_s + answer));
}

} // namespace steward::RenderProcess
