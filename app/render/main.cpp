// steward-render: renders one PDF or HTML report for steward-cli, which runs it as a helper
// process so that only this executable loads Qt Gui. Not meant to be run by hand: its
// command line is RenderJob's.

#include "RenderJob.h"
#include "ReportRenderer.h"
#include "Translations.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// Reports run from cron: without a display, Qt's offscreen platform stands in for one.
// Cron gives no session runtime folder either; without one Qt Gui warns on stderr, which
// cron mails. A private folder of our own, as Qt would make, keeps stderr for errors.
void prepareHeadlessGui()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + u"/steward-runtime-"_s + QString::number(::getuid());
        if (QDir().mkpath(runtime) &&
            QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }
}

Status render(const RenderJob &job)
{
    auto url = DatabaseUrl::parse(job.database);
    if (!url)
        return url.error();
    auto database = Database::open(url.value());
    if (!database)
        return database.error();
    // On a team database row-level security shows a session only the tenant it signed in
    // to, as steward-cli did; without this the report would come out empty.
    const Status signedIn = job.signedInUser.isEmpty()
                                ? database.value()->signIn(job.request.tenantId)
                                : database.value()->signIn(job.request.tenantId, job.signedInUser);
    if (signedIn)
        return signedIn;
    return report::ReportRenderer::renderFile(*database.value(), job.request, job.outputPath);
}

} // namespace

int main(int argc, char *argv[])
{
    // Stop with steward-cli: a report nobody waits for is not worth finishing.
    const pid_t parent = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent)
        return RenderExit::forError(ErrorCode::Unavailable);

    prepareHeadlessGui();
    QGuiApplication application(argc, argv);
    Translations::install(application, QStringLiteral(STEWARD_TRANSLATIONS_FROM_EXECUTABLE));

    auto job = RenderJob::fromArguments(QCoreApplication::arguments());
    const Status failed = job ? render(job.value()) : Status(job.error());
    if (!failed)
        return RenderExit::Written;
    QTextStream(stdout) << failed->text() << u'\n';
    return RenderExit::forError(failed->code);
}
