// steward: the desktop application for data stewards.

#include "GuiTr.h"
#include "StartupTask.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "MetricsServer.h"
#include "Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), u"steward"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
}

int fail(const QString &message)
{
    QMessageBox::critical(nullptr, GuiTr::tr("Metadata Steward"), message);
    return 1;
}

// The optional Prometheus endpoint (Preferences), on its own thread and connection. It
// reports to the status bar and the log; failing to listen never stops the app.
std::unique_ptr<MetricsServer> startMetricsEndpoint(const DatabaseUrl &url, const Settings &settings,
                                                    MainWindow &window)
{
    if (!settings.value(Settings::Key::MetricsEndpointEnabled).toBool())
        return nullptr;
    const auto showFailure = [&window](const QString &reason) {
        const QString message = GuiTr::tr("Metrics endpoint not started: %1").arg(reason);
        qWarning("%s", qUtf8Printable(message));
        window.statusBar()->showMessage(message);
    };
    auto address = MetricsServer::parseAddress(settings.value(Settings::Key::MetricsEndpointBind).toString());
    bool portOk = false;
    const uint port = settings.value(Settings::Key::MetricsEndpointPort).toUInt(&portOk);
    if (!address || !portOk || port > 65535) {
        showFailure(address ? GuiTr::tr("the port must be a number from 0 to 65535") : address.error().text());
        return nullptr;
    }

    // The same rule as steward-cli serve: beyond loopback only with a bearer token.
    auto access =
        metrics::MetricsAccess::configure(settings.value(Settings::Key::MetricsEndpointTokenFile).toString());
    if (!access) {
        showFailure(access.error().text());
        return nullptr;
    }
    auto server = std::make_unique<MetricsServer>(url, access.value());
    QObject::connect(server.get(), &MetricsServer::listening, &window, [&window](const QUrl &endpoint) {
        const QString message = GuiTr::tr("Metrics endpoint listening on %1").arg(endpoint.toString());
        qInfo("%s", qUtf8Printable(message));
        window.statusBar()->showMessage(message, 10000);
    });
    QObject::connect(server.get(), &MetricsServer::failed, &window, showFailure);
    server->start(address.value(), quint16(port));
    return server;
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
    QApplication::setDesktopFileName(u"steward"_s);
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(GuiTr::tr("Review and decide change requests to governed business metadata."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, GuiTr::tr("Database: sqlite:PATH (default: your embedded database)."),
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
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<MetricsServer> metricsServer;
    StartupTask startup(url);
    QObject::connect(&startup, &StartupTask::finished, &app, [&](const QString &error) {
        if (!error.isEmpty()) {
            fail(error);
            QApplication::exit(1);
            return;
        }
        // The command line wins; otherwise the tenant and user of the last session.
        const QString tenant = parser.isSet(tenantOption) ? parser.value(tenantOption)
                                                          : settings.value(Settings::Key::LastTenant).toString();
        const QString user = parser.isSet(userOption) ? parser.value(userOption)
                                                      : settings.value(Settings::Key::LastUser).toString();
        auto opened = AppContext::open(url, QUuid::fromString(tenant), user);
        if (!opened) {
            fail(opened.error().text());
            QApplication::exit(1);
            return;
        }
        context = std::move(opened.value());
        window = std::make_unique<MainWindow>(context->services(), context->session(), settings);
        window->show();
        metricsServer = startMetricsEndpoint(url, settings, *window);
    });
    startup.start();
    const int status = QApplication::exec();
    metricsServer.reset();
    window.reset();
    return status;
}
