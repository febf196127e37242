// The notification center driven through the real main window offscreen, on a demo
// database with its real warehouse: a tier1 field made bad in the warehouse is profiled
// by the GUI's own ProfilerService, and the bell, its list, the tray announcer and the
// Preferences dialog react as a steward would see them.

#include "AppContext.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "alerts/AlertRepository.h"
#include "alerts/AlertThresholdService.h"
#include "approval/ApprovalService.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "demo/WarehouseSeeder.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationCenter.h"
#include "notifications/NotificationModel.h"
#include "notifications/NotificationPopup.h"
#include "notifications/TrayNotifier.h"
#include "profiler/ProfilerService.h"
#include "store/ApprovalRepository.h"
#include "store/EventRepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// A tier1 field on a small warehouse table (fx_rates, one row per rowid).
const QString kField = u"treasury.fx_rate.rate"_s;

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        ++m_run;
        m_databasePath = m_dir.filePath(u"notify-%1.db"_s.arg(m_run));
        m_url = DatabaseUrl::sqlite(m_databasePath);
        auto prepared = prepareDatabase(m_url, true);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));
        auto context = AppContext::open(m_url, demo::northwindTenantId(), u"amara.okafor"_s);
        QVERIFY(context);
        m_context = std::move(context.value());
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings-%1.ini"_s.arg(m_run)));
        openWindow();
    }

    void cleanup()
    {
        if (QWidget *dialog = QApplication::activeModalWidget())
            dialog->close();
        m_tester.reset();
        m_window.reset();
        m_context.reset();
        m_settings.reset();
    }

    void theBellCountsATier1FieldFallingBelowTheLineUntilAcknowledged()
    {
        NotificationBell *bell = child<NotificationBell>(u"notificationBell"_s);
        auto *tray = m_window->findChild<TrayNotifier *>(u"trayNotifier"_s);
        QVERIFY(tray);
        QSignalSpy announced(tray, &TrayNotifier::alertAnnounced);
        const int before = bell->badgeCount();
        const int openBefore = openAlertsOfField();
        QVERIFY(bell->toolTip().contains(u"Ctrl+Shift+N"_s));

        // Half the rates missing: completeness 50, validity 100, score 75.
        setNullShare(5);
        profileThroughTheProfilerPage();

        QTRY_VERIFY_WITH_TIMEOUT(bell->badgeCount() > before, 30000);
        auto open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY(hasRule(open.value(), u"Tier1QualityDegraded"_s));
        const int fired = int(open.value().size()) - openBefore;
        QCOMPARE(bell->badgeCount(), before + fired);
        QVERIFY2(bell->toolTip().contains(u"to acknowledge"_s), qPrintable(bell->toolTip()));
        // The tray is told once per new alert.
        QCOMPARE(announced.count(), fired);
        QVERIFY(announced.constFirst().at(1).toString().contains(kField));

        // Ctrl+Shift+N opens the list, newest first, the new alert marked as new.
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        NotificationPopup *popup = bell->popup();
        QTRY_VERIFY(popup->isVisible());
        QListView *list = popup->findChild<QListView *>(u"notificationListView"_s);
        const int row = rowOf(list, u"Quality below the line: "_s + kField);
        QVERIFY2(row >= 0, qPrintable(listText(list)));
        const QModelIndex entry = list->model()->index(row, 0);
        QVERIFY(entry.data(NotificationModel::UnseenRole).toBool());
        QVERIFY(entry.data(NotificationModel::DetailRole).toString().contains(u"75.0"_s));
        // Seen is not acknowledged: an open alert keeps counting.
        QCOMPARE(bell->badgeCount(), before + fired);

        list->setCurrentIndex(entry);
        auto *acknowledge = popup->findChild<QPushButton *>(u"acknowledgeAlertButton"_s);
        QVERIFY(acknowledge->isEnabled());
        QTest::mouseClick(acknowledge, Qt::LeftButton);
        QCOMPARE(bell->badgeCount(), before + fired - 1);
        auto stored = m_context->services().alerts.find(demo::northwindTenantId(),
                                                        entry.data(NotificationModel::IdRole).toUuid());
        QVERIFY(stored && stored.value());
        QCOMPARE(stored.value()->acknowledgedBy, u"amara.okafor"_s);
        const int acknowledgedRow = rowOf(list, u"Quality below the line: "_s + kField);
        QVERIFY(list->model()
                    ->index(acknowledgedRow, 0)
                    .data(NotificationModel::DetailRole)
                    .toString()
                    .contains(u"acknowledged by Amara Okafor"_s));
        QVERIFY(!acknowledge->isEnabled());

        // Show field: the Profiler tab with the field's newest run selected.
        list->setCurrentIndex(list->model()->index(acknowledgedRow, 0));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        auto *tabs = child<QTabWidget>(u"mainTabs"_s);
        QCOMPARE(tabs->currentWidget()->objectName(), u"profilerPage"_s);
        QCOMPARE(child<QLineEdit>(u"profileFieldEdit"_s)->text(), kField);
        QTableView *runs = child<QTableView>(u"recentRunsView"_s);
        QVERIFY(runs->currentIndex().isValid());
        QCOMPARE(runs->model()->index(runs->currentIndex().row(), 0).data().toString(), kField);

        // A new window (the next start) announces nothing that was already open.
        const int still = bell->badgeCount();
        m_tester.reset();
        m_window.reset();
        openWindow();
        auto *freshTray = m_window->findChild<TrayNotifier *>(u"trayNotifier"_s);
        QSignalSpy freshAnnounced(freshTray, &TrayNotifier::alertAnnounced);
        QCOMPARE(child<NotificationBell>(u"notificationBell"_s)->badgeCount(), still);
        QCOMPARE(freshAnnounced.count(), 0);
    }

    void aDecisionOnTheUsersOwnRequestReachesTheRequester()
    {
        // A pending request of raj.patel that amara.okafor may decide.
        ApprovalFilter filter;
        filter.status = ApprovalStatus::Pending;
        filter.text = u"raj.patel"_s;
        switchUser(u"raj.patel"_s);
        NotificationBell *bell = child<NotificationBell>(u"notificationBell"_s);
        const int before = bell->badgeCount();

        // Another steward rejects the first of raj.patel's requests she may decide.
        const QString reason = u"Duplicates an existing definition"_s;
        const auto rejectOneOfRaj = [&] {
            std::optional<Approval> rejected;
            auto pending = m_context->services().approvalRepository.list(demo::northwindTenantId(), filter, {}, 0, 50);
            for (const Approval &approval : pending ? pending.value() : QList<Approval>()) {
                if (approval.requestedBy != u"raj.patel"_s)
                    continue;
                auto decided = m_context->services().approvals.reject(
                    Actor{demo::northwindTenantId(), u"amara.okafor"_s}, approval.id, reason);
                if (decided)
                    return std::optional<Approval>(decided.value());
            }
            return rejected;
        };
        const std::optional<Approval> request = rejectOneOfRaj();
        QVERIFY(request);
        QTRY_COMPARE(bell->badgeCount(), before + 1);
        QVERIFY2(bell->toolTip().contains(u"new decision"_s), qPrintable(bell->toolTip()));

        // Someone else sees nothing of it.
        switchUser(u"jonas.weber"_s);
        QCOMPARE(bell->badgeCount(), before);
        switchUser(u"raj.patel"_s);
        QCOMPARE(bell->badgeCount(), before + 1);

        QTest::mouseClick(bell, Qt::LeftButton);
        NotificationPopup *popup = bell->popup();
        QTRY_VERIFY(popup->isVisible());
        QListView *list = popup->findChild<QListView *>(u"notificationListView"_s);
        const int row = rowOf(list, u"Request rejected: "_s + request->entityKey);
        QVERIFY2(row >= 0, qPrintable(listText(list)));
        const QModelIndex entry = list->model()->index(row, 0);
        QVERIFY(entry.data(NotificationModel::UnseenRole).toBool());
        const QString detail = entry.data(NotificationModel::DetailRole).toString();
        QVERIFY2(detail.contains(u"Amara Okafor"_s) && detail.contains(reason), qPrintable(detail));
        // Opening the list is seeing it.
        QCOMPARE(bell->badgeCount(), before);
        list->setCurrentIndex(entry);
        QVERIFY(!popup->findChild<QPushButton *>(u"acknowledgeAlertButton"_s)->isEnabled());

        // A decision arriving while the list is open joins it at once; what was new
        // when it opened stays marked new, and closing the list counts both as seen.
        const std::optional<Approval> second = rejectOneOfRaj();
        QVERIFY(second);
        QTRY_VERIFY(rowOfId(list, second->id) >= 0);
        QVERIFY(list->model()->index(rowOfId(list, second->id), 0).data(NotificationModel::UnseenRole).toBool());
        QVERIFY(list->model()->index(rowOfId(list, request->id), 0).data(NotificationModel::UnseenRole).toBool());
        QCOMPARE(bell->badgeCount(), before + 1);

        // Show request: the Approvals tab with the request in the detail pane.
        list->setCurrentIndex(list->model()->index(rowOfId(list, request->id), 0));
        QTest::mouseClick(popup->findChild<QPushButton *>(u"showNotificationButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(bell->badgeCount(), before);
        QCOMPARE(child<QTabWidget>(u"mainTabs"_s)->currentIndex(), 0);
        QCOMPARE(child<QLabel>(u"detailTitleLabel"_s)->text(), request->entityKey);

        // Seen stays seen (the next start too), and the entry is no longer new.
        QTest::mouseClick(bell, Qt::LeftButton);
        QTRY_VERIFY(popup->isVisible());
        const int again = rowOfId(list, request->id);
        QVERIFY(again >= 0);
        QVERIFY(!list->model()->index(again, 0).data(NotificationModel::UnseenRole).toBool());
        QTest::keyClick(list, Qt::Key_Escape);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(bell->badgeCount(), before);

        // Withdrawing one's own request is no news to oneself.
        auto others = m_context->services().approvalRepository.list(demo::northwindTenantId(), filter, {}, 0, 50);
        QVERIFY(others);
        std::optional<Approval> own;
        for (const Approval &approval : others.value()) {
            if (approval.requestedBy == u"raj.patel"_s)
                own = approval;
        }
        QVERIFY(own);
        auto cancelled =
            m_context->services().approvals.cancel(Actor{demo::northwindTenantId(), u"raj.patel"_s}, own->id);
        QVERIFY2(cancelled, cancelled ? "" : qPrintable(cancelled.error().text()));
        QCOMPARE(bell->badgeCount(), before); // the bus delivered it already
    }

    void preferencesThresholdsReachTheProfiler()
    {
        NotificationBell *bell = child<NotificationBell>(u"notificationBell"_s);
        // A fifth of the rates missing: completeness 80, validity 100, score 90.
        setNullShare(2);
        const int before = bell->badgeCount();
        const int openBefore = openAlertsOfField();
        profileAndWait();
        auto open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY(!hasRule(open.value(), u"Tier1QualityDegraded"_s)); // 90 is above the default line of 80
        QCOMPARE(bell->badgeCount(), before + int(open.value().size()) - openBefore);

        QPointer<QWidget> dialog = openPreferences();
        auto *fireBelow = dialog->findChild<QDoubleSpinBox *>(u"tier1FireBelowSpinBox"_s);
        auto *resolveAt = dialog->findChild<QDoubleSpinBox *>(u"tier1ResolveAtSpinBox"_s);
        QCOMPARE(fireBelow->value(), 80.0);
        QCOMPARE(resolveAt->value(), 82.0);
        retype(resolveAt, u"97"_s);
        retype(fireBelow, u"95"_s);
        auto *ok = dialog->findChild<QPushButton *>(u"preferencesOkButton"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        // Stored for the tenant, with the change in the audit trail.
        auto stored = m_context->services().thresholds.load(demo::northwindTenantId());
        QVERIFY(stored);
        QCOMPARE(stored.value().tier1FireBelow, 95.0);
        QCOMPARE(stored.value().tier1ResolveAt, 97.0);
        EventQuery changes;
        changes.type = u"alert.thresholds.changed"_s;
        auto recorded = m_context->services().events.list(demo::northwindTenantId(), changes);
        QVERIFY(recorded);
        QCOMPARE(recorded.value().size(), 1);
        QCOMPARE(recorded.value().constFirst().actorId, u"amara.okafor"_s);
        QCOMPARE(recorded.value().constFirst().payload.value(u"after"_s).toObject().value(u"tier1FireBelow"_s).toDouble(),
                 95.0);

        // The same data now falls below the user's line.
        profileAndWait();
        open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY(hasRule(open.value(), u"Tier1QualityDegraded"_s));
        QCOMPARE(bell->badgeCount(), before + int(open.value().size()) - openBefore);

        // The next start (a new profiler worker) gets the saved thresholds too:
        // resolving needs 97, so a run at 95 keeps the alert open.
        m_tester.reset();
        m_window.reset();
        m_context.reset();
        auto context = AppContext::open(m_url, demo::northwindTenantId(), u"amara.okafor"_s);
        QVERIFY(context);
        m_context = std::move(context.value());
        openWindow();
        setNullShare(1); // completeness 90: score 95
        profileAndWait();
        open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY(hasRule(open.value(), u"Tier1QualityDegraded"_s));
        setNullShare(0); // score 100: resolved
        profileAndWait();
        open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY(!hasRule(open.value(), u"Tier1QualityDegraded"_s));
    }

    // The line moved in the GUI is the tenant's: a profile run by steward-cli, another
    // process with no settings of this desktop, draws it too.
    void thresholdsSetInTheGuiApplyToCliProfileRuns()
    {
        setNullShare(2); // score 90: above 80, below 95
        QPointer<QWidget> dialog = openPreferences();
        retype(dialog->findChild<QDoubleSpinBox *>(u"tier1ResolveAtSpinBox"_s), u"97"_s);
        retype(dialog->findChild<QDoubleSpinBox *>(u"tier1FireBelowSpinBox"_s), u"95"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"preferencesOkButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());

        const QString cli = qEnvironmentVariable("STEWARD_CLI");
        QVERIFY2(QFileInfo::exists(cli), "STEWARD_CLI must name the steward-cli executable");
        QProcess process;
        process.start(cli, {u"--db"_s, m_url.toString(), u"--tenant"_s, demo::northwindTenantId().toString(QUuid::WithoutBraces),
                            u"--user"_s, u"jonas.weber"_s, u"profile"_s, kField, u"--now"_s});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        auto open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        QVERIFY(open);
        QVERIFY2(hasRule(open.value(), u"Tier1QualityDegraded"_s), process.readAllStandardOutput().constData());
        const auto fired = std::find_if(open.value().cbegin(), open.value().cend(), [](const alerts::Alert &alert) {
            return alert.rule == u"Tier1QualityDegraded"_s;
        });
        QVERIFY(fired->value && *fired->value < 95.0 && *fired->value >= 80.0);
    }

    // Only a metadata steward moves the tenant's lines; others see them read-only.
    void thresholdsAreReadOnlyWithoutTheStewardRole()
    {
        switchUser(u"raj.patel"_s); // data owner
        QPointer<QWidget> dialog = openPreferences();
        auto *fireBelow = dialog->findChild<QDoubleSpinBox *>(u"tier1FireBelowSpinBox"_s);
        QVERIFY(fireBelow->isReadOnly());
        QVERIFY(dialog->findChild<QLabel *>(u"thresholdOwnerLabel"_s)->text().contains(u"metadata steward"_s));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        // The service refuses too, whatever a client sends.
        auto refused = m_context->services().thresholds.save(Actor{demo::northwindTenantId(), u"raj.patel"_s},
                                                              alerts::AlertThresholds{50, 60, 10});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QCOMPARE(m_context->services().thresholds.load(demo::northwindTenantId()).value(), alerts::AlertThresholds{});
    }

    void invalidPreferencesKeepOkDisabled()
    {
        QPointer<QWidget> dialog = openPreferences();
        auto *fireBelow = dialog->findChild<QDoubleSpinBox *>(u"tier1FireBelowSpinBox"_s);
        auto *resolveAt = dialog->findChild<QDoubleSpinBox *>(u"tier1ResolveAtSpinBox"_s);
        auto *ok = dialog->findChild<QPushButton *>(u"preferencesOkButton"_s);
        auto *problem = dialog->findChild<QLabel *>(u"thresholdProblemLabel"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!problem->isVisible());

        // Resolving below the firing line would fire and resolve on one score.
        retype(resolveAt, u"70"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"resolve"_s), qPrintable(problem->text()));
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog->isVisible()); // Enter does not slip past the rule
        retype(resolveAt, u"85"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!problem->isVisible());

        // Out of range cannot be typed; an empty field is no number.
        retype(fireBelow, u"150"_s);
        QVERIFY(fireBelow->value() <= 100.0);
        retype(fireBelow, QString());
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->isVisible());
        retype(fireBelow, u"80"_s);
        QVERIFY(ok->isEnabled());

        // The metrics endpoint: an address that is none keeps OK disabled; it starts next time.
        auto *enabled = dialog->findChild<QCheckBox *>(u"metricsEnabledCheckBox"_s);
        auto *bind = dialog->findChild<QLineEdit *>(u"metricsBindEdit"_s);
        QVERIFY(!bind->isEnabled());
        QTest::mouseClick(enabled, Qt::LeftButton);
        QVERIFY(bind->isEnabled());
        bind->selectAll();
        QTest::keyClicks(bind, u"not an address"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"metricsProblemLabel"_s)->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"metricsRestartNoteLabel"_s)->text().contains(u"next time"_s));
        // Beyond this computer only with a bearer token, as steward-cli serve demands.
        qunsetenv("STEWARD_METRICS_TOKEN");
        bind->selectAll();
        QTest::keyClicks(bind, u"0.0.0.0"_s);
        QVERIFY(!ok->isEnabled());
        auto *metricsProblem = dialog->findChild<QLabel *>(u"metricsProblemLabel"_s);
        QVERIFY2(metricsProblem->isVisible() && metricsProblem->text().contains(u"bearer token"_s),
                 qPrintable(metricsProblem->text()));
        QFile tokenFile(m_dir.filePath(u"metrics-%1.token"_s.arg(m_run)));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly) && tokenFile.write("desktop-scrape-token-42\n") > 0);
        tokenFile.close();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"metricsTokenFileEdit"_s), tokenFile.fileName());
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"metricsExposureLabel"_s)->isVisible()); // a warning, not an error

        // Cancel keeps the settings as they were.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(m_context->services().thresholds.load(demo::northwindTenantId()).value().tier1ResolveAt, 82.0);
        QCOMPARE(m_settings->value(Settings::Key::MetricsEndpointEnabled).toBool(), false);
    }

private:
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_context->services(), m_context->session(), *m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *bell = m_window->findChild<NotificationBell *>(u"notificationBell"_s);
        QVERIFY(bell);
        m_tester = std::make_unique<QAbstractItemModelTester>(bell->center().model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget named %s", qPrintable(name));
        return widget;
    }

    // Sets `tenths` of the fx rates (by rowid) to NULL and the rest to one valid rate.
    void setNullShare(int tenths)
    {
        const QString connection = u"notification-test-warehouse"_s;
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            database.setDatabaseName(WarehouseSeeder::pathBeside(m_databasePath));
            QVERIFY(database.open());
            QSqlQuery query(database);
            QVERIFY(query.prepare(u"UPDATE fx_rates SET rate = CASE WHEN rowid % 10 < ? THEN NULL ELSE 1.25 END"_s));
            query.addBindValue(tenths);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            QVERIFY(query.numRowsAffected() >= 10);
            database.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void profileThroughTheProfilerPage()
    {
        child<QTabWidget>(u"mainTabs"_s)->setCurrentWidget(child<QWidget>(u"profilerPage"_s));
        auto *field = child<QLineEdit>(u"profileFieldEdit"_s);
        field->clear();
        QTest::keyClicks(field, kField);
        QTest::mouseClick(child<QPushButton>(u"profileNowButton"_s), Qt::LeftButton);
    }

    void profileAndWait()
    {
        QSignalSpy finished(&m_context->services().profiler, &profiler::ProfilerService::jobFinished);
        profileThroughTheProfilerPage();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto run = finished.constFirst().at(1).value<profiler::ProfileRun>();
        QVERIFY2(run.status == profiler::RunStatus::Completed, qPrintable(run.error));
    }

    QPointer<QWidget> openPreferences()
    {
        auto *action = m_window->findChild<QAction *>(u"preferencesAction"_s);
        if (!action)
            qFatal("no preferences action");
        action->trigger();
        QWidget *dialog = m_window->findChild<QWidget *>(u"preferencesDialog"_s);
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            qFatal("the preferences dialog did not open");
        return dialog;
    }

    static void retype(QDoubleSpinBox *spin, const QString &text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClick(spin, Qt::Key_Delete);
        QTest::keyClicks(spin, text);
    }

    void switchUser(const QString &userId)
    {
        auto *users = child<QComboBox>(u"userSwitcherCombo"_s);
        const int index = users->findData(userId);
        QVERIFY2(index >= 0, qPrintable(userId));
        users->setCurrentIndex(index);
        Q_EMIT users->activated(index);
        QCOMPARE(m_context->session().user().id, userId);
    }

    int openAlertsOfField() const
    {
        auto open = m_context->services().alerts.openForField(demo::northwindTenantId(), kField);
        return open ? int(open.value().size()) : -1;
    }

    static bool hasRule(const QList<alerts::Alert> &alerts, const QString &rule)
    {
        return std::any_of(alerts.cbegin(), alerts.cend(), [&rule](const alerts::Alert &a) { return a.rule == rule; });
    }

    static int rowOf(QListView *list, const QString &headline)
    {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->model()->index(row, 0).data().toString() == headline)
                return row;
        }
        return -1;
    }

    static int rowOfId(QListView *list, const QUuid &id)
    {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->model()->index(row, 0).data(NotificationModel::IdRole).toUuid() == id)
                return row;
        }
        return -1;
    }

    static QString listText(QListView *list)
    {
        QStringList lines;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            lines << list->model()->index(row, 0).data().toString();
        return lines.join(u" | "_s);
    }

    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_databasePath;
    DatabaseUrl m_url;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
