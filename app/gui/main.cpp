// steward: the desktop application for data stewards.

#include "GuiTr.h"
#include "Desktop.h"

#include "Settings.h"
#include "Translations.h"
#include "store/DatabaseUrl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

int fail(const QString &message)
{
    QMessageBox::critical(nullptr, GuiTr::tr("Metadata Steward"), message);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"metadata-steward"_s);
    QApplication::setApplicationName(u"steward"_s);
    QApplication::setApplicationDisplayName(GuiTr::tr("Metadata Steward"));
    QApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/steward.svg"_s));
    QApplication::setDesktopFileName(u"org.metadatasteward.steward"_s);
    Translations::install(app, QStringLiteral(STEWARD_TRANSLATIONS_FROM_EXECUTABLE));

    QCommandLineParser parser;
    parser.setApplicationDescription(GuiTr::tr("Review and decide change requests to governed business metadata."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s,
                                      GuiTr::tr("Database: sqlite:PATH or a team database "
                                                "postgresql://user@host:port/db (default: your embedded "
                                                "database). A password comes from ~/.pgpass or PGPASSWORD."),
                                      GuiTr::tr("url"));
    const QCommandLineOption tenantOption(u"tenant"_s, GuiTr::tr("Tenant id to open."), GuiTr::tr("id"));
    const QCommandLineOption userOption(u"user"_s, GuiTr::tr("User id to act as."), GuiTr::tr("id"));
    parser.addOptions({dbOption, tenantOption, userOption});
    parser.process(app);

    DatabaseUrl url = DatabaseUrl::userDefault();
    if (parser.isSet(dbOption)) {
        auto parsed = DatabaseUrl::parse(parser.value(dbOption));
        if (!parsed)
            return fail(parsed.error().text());
        url = parsed.value();
    }

    Settings settings;
    Desktop desktop(settings, parser.value(tenantOption), parser.value(userOption));
    QObject::connect(&desktop, &Desktop::failedToStart, &app, [] { QApplication::exit(1); });
    desktop.open(url);
    return QApplication::exec();
}
