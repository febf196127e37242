#include "Desktop.h"

#include "GuiTr.h"
#include "StartupTask.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "MetricsServer.h"
#include "Settings.h"

#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// libpq's own convention carries a typed password to every connection this process
// opens (worker threads, the event listener); it is never written anywhere.
void usePassword(const QByteArray &password)
{
    if (password.isEmpty())
        qunsetenv("PGPASSWORD");
    else
        qputenv("PGPASSWORD", password);
}

void showFailure(const QString &message)
{
    QMessageBox::critical(nullptr, GuiTr::tr("Metadata Steward"), message);
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

Desktop::Desktop(Settings &settings, QString tenant, QString user, QObject *parent)
    : QObject(parent), m_settings(settings), m_tenant(std::move(tenant)), m_user(std::move(user)),
      m_ownPassword(qgetenv("PGPASSWORD"))
{
}

Desktop::~Desktop()
{
    m_startup.reset(); // waits for a preparation under way
    close();
}

void Desktop::close()
{
    m_metricsServer.reset();
    m_window.reset();
    m_context.reset();
}

void Desktop::open(const DatabaseUrl &url, const QString &password)
{
    m_previousPassword = qgetenv("PGPASSWORD");
    usePassword(password.isEmpty() ? m_ownPassword : password.toUtf8());
    m_startup = std::make_unique<StartupTask>(url);
    connect(m_startup.get(), &StartupTask::finished, this,
            [this, url](const QString &error) { prepared(url, error); }, Qt::QueuedConnection);
    m_startup->start();
}

void Desktop::prepared(const DatabaseUrl &url, const QString &error)
{
    m_startup.reset();
    // The command line wins on the first database; otherwise the tenant and user of the last session.
    const QString tenant = !m_tenant.isEmpty() ? m_tenant : m_settings.value(Settings::Key::LastTenant).toString();
    const QString user = !m_user.isEmpty() ? m_user : m_settings.value(Settings::Key::LastUser).toString();
    std::unique_ptr<AppContext> context;
    QString failure = error;
    if (failure.isEmpty()) {
        auto opened = AppContext::open(url, QUuid::fromString(tenant), user);
        if (opened)
            context = std::move(opened.value());
        else
            failure = opened.error().text();
    }
    if (!failure.isEmpty()) {
        showFailure(failure);
        if (!m_window)
            return Q_EMIT failedToStart();
        usePassword(m_previousPassword); // the window stays where it was
        return;
    }
    m_tenant.clear();
    m_user.clear();
    // The new window is up before the old one goes, so the application never has none.
    auto window = std::make_unique<MainWindow>(context->services(), context->session(), m_settings);
    connect(window.get(), &MainWindow::databaseSwitchRequested, this,
            [this](const DatabaseUrl &next, const QString &password) { open(next, password); });
    window->show();
    close();
    m_context = std::move(context);
    m_window = std::move(window);
    m_metricsServer = startMetricsEndpoint(url, m_settings, *m_window);
}

} // namespace steward
