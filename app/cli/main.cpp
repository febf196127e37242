// steward-cli: the headless command line of Metadata Steward (SPEC section 7).

#include "CliOptions.h"
#include "CommandRunner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Qt Core only, for every command: PDF and HTML reports are rendered by the helper
    // steward-render (see ReportCommand), the only one of the two to load Qt Gui.
    QCoreApplication application(argc, argv);
    // Shared with the GUI, so both find the same embedded database by default.
    QCoreApplication::setOrganizationName(u"metadata-steward"_s);
    QCoreApplication::setApplicationName(u"steward"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), u"steward"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    QTextStream out(stdout);
    QTextStream err(stderr);
    return steward::CommandRunner(out, err).run(QCoreApplication::arguments());
}
