// steward-cli: the headless command line of Metadata Steward (SPEC section 7).

#include "CliOptions.h"
#include "CommandRunner.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QtMessageHandler qtHandler = nullptr;

// The PostgreSQL driver warns when it cannot release a statement on a connection the
// server has already dropped. The command reports that loss itself, in its one line on
// stderr; the driver's cleanup note would only be a second, unactionable one.
void withoutDriverCleanupNotes(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(u"Unable to free statement: "_s))
        return;
    qtHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    qtHandler = qInstallMessageHandler(withoutDriverCleanupNotes);
    // Qt Core only, for every command: PDF and HTML reports are rendered by the helper
    // steward-render (see ReportCommand), the only one of the two to load Qt Gui.
    QCoreApplication application(argc, argv);
    // Shared with the GUI, so both find the same embedded database by default.
    QCoreApplication::setOrganizationName(u"metadata-steward"_s);
    QCoreApplication::setApplicationName(u"steward"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));

    steward::Translations::install(application, QStringLiteral(STEWARD_TRANSLATIONS_FROM_EXECUTABLE));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return steward::CommandRunner(out, err).run(QCoreApplication::arguments());
}
