// steward-cli: the headless command line of Metadata Steward (SPEC section 7).

#include "CliOptions.h"
#include "CommandRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Only `report` renders (fonts for PDF and HTML), so only it needs Qt Gui. It must run
// from cron: without a display, Qt's offscreen platform stands in.
bool rendersReport(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const auto options = steward::CliOptions::parse(arguments);
    return options && options.value().request == steward::CliOptions::Request::Run &&
           options.value().command == steward::Command::Report;
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (!rendersReport(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Cron gives no session runtime folder; without one Qt Gui warns on stderr, which
    // cron mails. A private folder of our own, as Qt would make, keeps stderr for errors.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + u"/steward-runtime-"_s + QString::number(::getuid());
        if (QDir().mkpath(runtime) &&
            QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
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
