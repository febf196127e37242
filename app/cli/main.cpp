// steward-cli: the headless command line of Metadata Steward (SPEC section 7).

#include "CommandRunner.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    // Shared with the GUI, so both find the same embedded database by default.
    QCoreApplication::setOrganizationName(u"metadata-steward"_s);
    QCoreApplication::setApplicationName(u"steward"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return steward::CommandRunner(out, err).run(QCoreApplication::arguments());
}
