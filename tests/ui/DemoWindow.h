#pragma once

// The real main window on a fresh demo database in a temporary folder, composed the way
// main() composes it, for the UI tests that drive the window.

#include "AppContext.h"
#include "ApprovalQueueModel.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"

#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace steward::testing {

class DemoWindow
{
public:
    // Opens the window as `userId` on a new demo database (one per call, with its own
    // settings file). Returns what went wrong, empty on success.
    QString open(const QString &name, const QString &userId = QStringLiteral("amara.okafor"))
    {
        using namespace Qt::StringLiterals;
        if (!m_dir.isValid())
            return u"no temporary folder: "_s + m_dir.errorString();
        ++m_run;
        m_url = DatabaseUrl::sqlite(m_dir.filePath(u"%1-%2.db"_s.arg(name).arg(m_run)));
        auto prepared = prepareDatabase(m_url, true);
        if (!prepared)
            return prepared.error().text();
        auto context = AppContext::open(m_url, demo::northwindTenantId(), userId);
        if (!context)
            return context.error().text();
        m_context = std::move(context.value());
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings-%1.ini"_s.arg(m_run)));
        m_window = std::make_unique<MainWindow>(m_context->services(), m_context->session(), *m_settings);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return u"the window was never shown"_s;
        return {};
    }

    // Closes the window, then the services, in the order main() does.
    void close()
    {
        m_window.reset();
        m_context.reset();
        m_settings.reset();
    }

    const DatabaseUrl &url() const { return m_url; }
    AppContext &context() const { return *m_context; }
    Settings &settings() const { return *m_settings; }
    MainWindow &window() const { return *m_window; }

    // The window's widget of that objectName; a missing one ends the test run.
    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget named %s", qPrintable(name));
        return widget;
    }

    // Clicks queue rows until one the current user may decide is selected; its row, or
    // -1 when none of the first 20 is.
    int selectFirstDecidableRow() const
    {
        using namespace Qt::StringLiterals;
        auto *queue = child<QTableView>(u"queueView"_s);
        auto *approve = child<QPushButton>(u"approveButton"_s);
        for (int row = 0; row < 20; ++row) {
            const QModelIndex index = queue->model()->index(row, ApprovalQueueModel::KeyColumn);
            queue->scrollTo(index);
            QTest::mouseClick(queue->viewport(), Qt::LeftButton, {}, queue->visualRect(index).center());
            if (queue->currentIndex().row() == row && approve->isEnabled())
                return row;
        }
        return -1;
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    DatabaseUrl m_url;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace steward::testing
